"""The journal as the export reads it: entries with their lines, oldest first, in chunks.

Keyset pagination as in `accounting.iter_journal` (continue after the last date and entry
read: each chunk costs the same however far in, one chunk is held, no read transaction stays
open between chunks), but one query per chunk, entries joined with their lines, and the rows
straight from the cursor as plain tuples: converting every value through the model fields
and a second query per chunk were most of the time of exporting a year. Rights are the
caller's to check (the export checks them; the command line has none to check).
"""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import NamedTuple

import peewee

from tenant_store import TenantSession
from tenant_store.models.accounting import Account, JournalEntry, JournalLine

from ..accounting import of_tenants

CHUNK_LINES = 5000


class EntryLine(NamedTuple):
    """A line of an entry (the reader gives plain tuples in this order)."""

    account: str
    debit_cents: int
    credit_cents: int
    cost_centre: str
    personal_account: str


class Entry(NamedTuple):
    """A journal entry with the fields the export uses (named as in accounting.JournalRow)."""

    entry_id: int
    entry_date: date
    reference: str
    text: str
    tenant_nr: int
    document: str
    lines: tuple[EntryLine, ...]


def account_names(session: TenantSession) -> dict[str, str]:
    """Number -> name of the chart of accounts of the session's books."""
    with session.bound():
        return dict(Account.select(Account.number, Account.name).tuples())


def read_entries(
    session: TenantSession,
    tenants: Sequence[int],
    date_from: date,
    date_to: date,
    chunk: int = CHUNK_LINES,
) -> Iterator[Entry]:
    """The entries of `tenants` dated `date_from` to `date_to`, by date and id."""
    where = of_tenants(sorted(set(tenants)))
    where &= (JournalEntry.entry_date >= date_from) & (JournalEntry.entry_date <= date_to)
    after = None
    while True:
        condition = where
        if after is not None:  # a row value, so the date index serves it
            condition &= peewee.Tuple(JournalEntry.entry_date, JournalEntry.id) > after
        # Bound only while reading: the caller's code runs between chunks.
        with session.bound():
            rows = list(session.db.execute(_page(condition, chunk)))
        if not rows:
            return
        entries = _entries(rows)
        if len(rows) == chunk:  # the last entry's lines may go on beyond the chunk
            if len(entries) > 1:
                entries.pop()  # read it again, whole, in the next chunk
            else:
                entries = [_whole_entry(session, entries[0])]
        yield from entries
        last = entries[-1]
        after = peewee.Tuple(last.entry_date, last.entry_id)


def _whole_entry(session: TenantSession, first: Entry) -> Entry:
    """An entry with more lines than a chunk holds, with all of them."""
    query = _page(JournalEntry.id == first.entry_id, None)
    with session.bound():
        rows = list(session.db.execute(query))
    return _entries(rows)[0]


def _page(condition, chunk: int | None) -> peewee.SelectQuery:
    return (
        JournalLine.select(
            JournalEntry.id,
            JournalEntry.entry_date,
            JournalEntry.reference,
            JournalEntry.text,
            JournalEntry.tenant_nr,
            JournalEntry.document,
            JournalLine.account_number,
            JournalLine.debit_cents,
            JournalLine.credit_cents,
            JournalLine.cost_centre_code,
            JournalLine.personal_account,
        )
        .join(JournalEntry, on=(JournalLine.entry == JournalEntry.id))
        .where(condition)
        .order_by(JournalEntry.entry_date, JournalEntry.id, JournalLine.id)
        .limit(chunk)
    )


def _entries(rows: list[tuple]) -> list[Entry]:
    """Rows of (entry fields..., line fields...) grouped into entries, in their order."""
    entries: list[Entry] = []
    current, head, lines = None, rows[0], []
    for row in rows:
        if row[0] != current:
            if current is not None:
                entries.append(_entry(head, lines))
            current, head, lines = row[0], row, []
        lines.append(row[6:])  # (account, debit, credit, cost centre, personal account)
    entries.append(_entry(head, lines))
    return entries


def _entry(head: tuple, lines: list[tuple]) -> Entry:
    day = head[1] if isinstance(head[1], date) else date.fromisoformat(str(head[1])[:10])
    return Entry(head[0], day, head[2] or "", head[3] or "", head[4], head[5] or "", tuple(lines))
