"""The journal of a tenant, or consolidated in tenant 0 with a tenant column; streamed.

A journal can hold hundreds of thousands of postings. The entries are read in chunks
(`accounting.iter_journal`), turned into one-line rows a batch at a time and laid out as the
pages fill (`streaming.LazyStory`); finished pages leave memory (`StreamingCanvas`). Memory stays
flat however long the journal is, and the totals are summed on the way.

Consolidated (tenant 0 only): tenants with central accounting have their postings in tenant
0's journal, tagged with their number; tenants with their own accounting are read from their
own files through read-only sessions, and the streams are merged by date. As in the
consolidated trial balance, only tenants where the user may read accounting are included.
"""

import heapq
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from tenant_store import TenantSession
from tenant_store.errors import NotHere
from tenant_store.i18n import _, ngettext
from tenant_store.logical import Logical
from tenant_store.rights import Level, rights_of

from ..accounting import JournalRow, iter_journal
from . import files
from . import layout as lay
from . import letterhead as lh
from .flowables import Column, ColumnHeader, FixedRows, Row
from .pages import Report, in_document_language, write_pdf

BATCH_ROWS = 120  # rows per flowable: a few pages' worth, split by the frame as pages fill


@dataclass(frozen=True)
class JournalSource:
    """What to print, with the rights already checked; read while the pages are drawn."""

    user: str
    session: TenantSession
    branding: lh.Branding
    consolidated: bool
    central: list[int]  # tenants whose postings are in the session's journal
    own: list[int]  # tenants read from their own accounting files
    date_from: date | None
    date_to: date | None


def write_journal(
    user: str,
    session: TenantSession,
    out: BinaryIO,
    *,
    consolidated: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
) -> int:
    """Write the journal (of this tenant, or consolidated in tenant 0); the page count."""
    return _render(_load(user, session, consolidated, date_from, date_to), out)


def save_journal(
    user: str,
    session: TenantSession,
    *,
    consolidated: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Path:
    """Save it as `Dokumente/Journal[-konsolidiert]-<today>.pdf` in the tenant's folder."""
    source = _load(user, session, consolidated, date_from, date_to)
    path = files.report_path(session, "Journal", consolidated=consolidated)
    return files.write_atomically(path, lambda out: _render(source, out))


def _load(
    user: str, session: TenantSession, consolidated: bool, first: date | None, last: date | None
) -> JournalSource:
    session.rights(user).require("accounting", Level.READ)
    central, own = [session.nr], []
    if consolidated:
        if session.nr != 0:
            raise NotHere(_("The consolidated journal is printed in tenant 0 only."))
        tenants = session.installation.tenants()
        with session.bound():
            readable = [t for t in tenants if rights_of(user, t.nr).can("accounting")]
        central = [t.nr for t in readable if t.nr == 0 or t.central[Logical.ACCOUNTING]]
        own = [t.nr for t in readable if t.nr not in central]
    return JournalSource(
        user, session, lh.Branding.of(session), consolidated, central, own, first, last
    )


@in_document_language
def _render(source: JournalSource, out: BinaryIO) -> int:
    columns = _columns(source.consolidated)
    title = _("Consolidated journal") if source.consolidated else _("Journal")
    subtitle = lh.period_note(source.date_from, source.date_to)
    if source.consolidated:
        tenants = ", ".join(str(nr) for nr in sorted(source.central + source.own))
        subtitle += " · " + _("Tenants {numbers}").format(numbers=tenants)
    pages = Report(
        source.branding,
        title,
        subtitle,
        lh.printed_note(source.user),
        pagesize=lay.LANDSCAPE,
        column_header=ColumnHeader(columns, source.branding.colour),
    )
    with ExitStack() as stack:
        entries = _entries(source, stack)
        story = _story(entries, columns, source.consolidated, lay.styles(source.branding.colour))
        return write_pdf(out, pages, f"{title} – {source.branding.name}", story)


def _entries(source: JournalSource, stack: ExitStack) -> Iterator[JournalRow]:
    """One stream of entries by date; own-accounting tenants' sessions stay open in `stack`."""
    span = {"date_from": source.date_from, "date_to": source.date_to}
    streams = [iter_journal(source.user, source.session, source.central, **span)]
    for nr in source.own:
        other = stack.enter_context(source.session.installation.open_session(nr, read_only=True))
        streams.append(iter_journal(source.user, other, **span))
    if len(streams) == 1:
        return streams[0]
    return heapq.merge(*streams, key=lambda e: (e.entry_date, e.tenant_nr, e.entry_id))


def _columns(consolidated: bool) -> list[Column]:
    """Landscape A4 (261 mm between the margins): room for texts and account names."""
    text_width = 58 if consolidated else 70
    columns = [
        Column(_("Date"), 20 * mm),
        Column(_("Voucher"), 20 * mm, fit=True),
        Column(_("Posting text"), text_width * mm, fit=True),
        Column(_("Account"), 17 * mm),  # room for the English title, not just the number
        Column(_("Account name"), 78 * mm, fit=True),
        Column(_("Debit"), 28 * mm, right=True),
        Column(_("Credit"), 28 * mm, right=True),
    ]
    if consolidated:
        columns.insert(0, Column(_("Tnt."), 12 * mm))
    return columns


def _rows(entry: JournalRow, consolidated: bool) -> list[Row]:
    """An entry as rows: date, voucher and text on its first line only."""
    rows = []
    for i, line in enumerate(entry.lines):
        head = (lay.day(entry.entry_date), entry.reference, entry.text) if i == 0 else ("", "", "")
        cells = (
            *head,
            line.account,
            line.account_name,
            lay.money(line.debit_cents) if line.debit_cents else "",
            lay.money(line.credit_cents) if line.credit_cents else "",
        )
        if consolidated:
            cells = (str(entry.tenant_nr) if i == 0 else "", *cells)
        rows.append(Row(cells, starts_group=i == 0))
    return rows


def _story(entries: Iterable[JournalRow], columns: list[Column], consolidated: bool, styles):
    """Batches of rows as they are read, then the totals (summed on the way)."""
    debit = credit = count = 0
    batch: list[Row] = []
    for entry in entries:
        count += 1
        debit += sum(line.debit_cents for line in entry.lines)
        credit += sum(line.credit_cents for line in entry.lines)
        batch += _rows(entry, consolidated)
        if len(batch) >= BATCH_ROWS:
            yield FixedRows(columns, batch)
            batch = []
    if batch:
        yield FixedRows(columns, batch)
    if not count:
        yield Paragraph(_("There are no postings in this period."), styles["body"])
        return
    blanks = ("",) * (len(columns) - 3)
    total = Row((*blanks, _("Total"), lay.money(debit), lay.money(credit)), bold=True)
    yield FixedRows(columns, [total])
    yield Spacer(1, 3 * mm)
    text = ngettext("{count} journal entry.", "{count} journal entries.", count)
    text = text.format(count=lay.number(count))
    yield Paragraph(text, styles["muted"])
