"""Accounting: balanced journal entries, trial balance and account ledger of one tenant (R4).

With central accounting the session's `accounting` schema is tenant 0's file: postings are
written there, tagged with the tenant, in the same transaction as the change that caused them.
Every tenant reads only the postings tagged with its own number; consolidation is elsewhere.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import peewee

from tenant_store import TenantSession, ValidationError
from tenant_store.errors import NotHere
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.models.accounting import Account, AccountBalance, JournalEntry, JournalLine
from tenant_store.rights import Level, rights_of

from .money import format_money, parse_amount, to_cents


@dataclass(frozen=True)
class Line:
    """One side of a posting as entered: an account with a debit or a credit amount."""

    account: str
    debit: Decimal | str | int = 0
    credit: Decimal | str | int = 0
    cost_centre: str = ""


@dataclass(frozen=True)
class Posting:
    """A checked line in cents, ready to be written."""

    account: str
    debit_cents: int = 0
    credit_cents: int = 0
    cost_centre: str = ""


@dataclass(frozen=True)
class BalanceRow:
    account: str
    name: str
    kind: str
    debit_cents: int
    credit_cents: int

    @property
    def balance_cents(self) -> int:
        return self.debit_cents - self.credit_cents


@dataclass(frozen=True)
class LedgerRow:
    entry_id: int
    entry_date: date
    reference: str
    text: str
    debit_cents: int
    credit_cents: int
    balance_cents: int


def post_entry(
    user: str,
    session: TenantSession,
    entry_date: date,
    text: str,
    lines: Sequence[Line],
    reference: str = "",
) -> JournalEntry:
    """A manual journal entry; refused unless its lines balance."""
    session.rights(user).require("accounting", Level.WRITE)
    if not isinstance(entry_date, date):
        raise ValidationError("entry_date", _("Enter the date of the entry."))
    if not text.strip():
        raise ValidationError("text", _("Enter a posting text."))
    postings = [_checked_line(i, line) for i, line in enumerate(lines, 1)]
    with session.transaction():
        return write_entry(session, user, entry_date, text.strip(), postings, reference)


def _checked_line(position: int, line: Line) -> Posting:
    field = _("line {n}").format(n=position)
    debit = parse_amount(f"{field} debit", line.debit)
    credit = parse_amount(f"{field} credit", line.credit)
    if (debit > 0) == (credit > 0):
        raise ValidationError(field, _("Enter either a debit or a credit amount, not both."))
    if not line.account.strip():
        raise ValidationError(f"{field} account", _("Enter an account number."))
    return Posting(line.account.strip(), to_cents(debit), to_cents(credit), line.cost_centre)


def write_entry(
    session: TenantSession,
    user: str,
    entry_date: date,
    text: str,
    postings: Sequence[Posting],
    reference: str = "",
) -> JournalEntry:
    """Write a balanced entry for the session's tenant; the caller holds the transaction."""
    _check_balanced(postings)
    _check_accounts({p.account for p in postings})
    entry = JournalEntry.create(
        tenant_nr=session.nr,
        entry_date=entry_date,
        reference=reference,
        text=text[:200],
        created_by=user,
        created_at=now(),
    )
    JournalLine.insert_many(
        [
            {
                "entry": entry.id,
                "account_number": p.account,
                "debit_cents": p.debit_cents,
                "credit_cents": p.credit_cents,
                "cost_centre_code": p.cost_centre,
            }
            for p in postings
        ]
    ).execute()
    _add_to_balances(session.nr, postings)
    return entry


def _add_to_balances(tenant_nr: int, postings: Sequence[Posting]) -> None:
    """Keep the totals per account in step with the journal (same transaction)."""
    for p in postings:
        (
            AccountBalance.insert(
                tenant_nr=tenant_nr,
                account_number=p.account,
                debit_cents=p.debit_cents,
                credit_cents=p.credit_cents,
            )
            .on_conflict(
                conflict_target=[AccountBalance.tenant_nr, AccountBalance.account_number],
                update={
                    AccountBalance.debit_cents: AccountBalance.debit_cents + p.debit_cents,
                    AccountBalance.credit_cents: AccountBalance.credit_cents + p.credit_cents,
                },
            )
            .execute()
        )


def _check_balanced(postings: Sequence[Posting]) -> None:
    if len(postings) < 2:
        raise ValidationError("lines", _("An entry needs at least two lines."))
    debit = sum(p.debit_cents for p in postings)
    credit = sum(p.credit_cents for p in postings)
    if debit != credit:
        raise ValidationError(
            "lines",
            _("The entry does not balance: debit {debit}, credit {credit}.").format(
                debit=format_money(debit), credit=format_money(credit)
            ),
        )


def _check_accounts(numbers: set[str]) -> None:
    known = {a.number for a in Account.select(Account.number).where(Account.number.in_(numbers))}
    unknown = sorted(numbers - known)
    if unknown:
        raise ValidationError(
            "account",
            _("Account {number} is not in the chart of accounts.").format(number=unknown[0]),
        )


def accounts(user: str, session: TenantSession) -> list[Account]:
    """The chart of accounts the tenant posts to."""
    session.rights(user).require("accounting", Level.READ)
    with session.bound():
        return list(Account.select().order_by(Account.number))


def trial_balance(user: str, session: TenantSession) -> list[BalanceRow]:
    """Debit and credit totals per account of this tenant's own postings."""
    session.rights(user).require("accounting", Level.READ)
    with session.bound():
        return balances_of(session.nr)


def balances_of(tenant_nr: int) -> list[BalanceRow]:
    """Totals per account of one tenant's postings (bound to a session)."""
    query = (
        AccountBalance.select(
            AccountBalance.account_number,
            AccountBalance.debit_cents,
            AccountBalance.credit_cents,
        )
        .where(AccountBalance.tenant_nr == tenant_nr)
        .order_by(AccountBalance.account_number)
        .tuples()
    )
    names = {a.number: a for a in Account.select()}
    return [
        BalanceRow(number, *_account_label(names, number), debit, credit)
        for number, debit, credit in query
    ]


def _account_label(names: dict[str, Account], number: str) -> tuple[str, str]:
    account = names.get(number)
    return (account.name, account.kind) if account else ("?", "")


def account_ledger(
    user: str,
    session: TenantSession,
    account: str,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[LedgerRow]:
    """The postings of this tenant on one account, oldest first, with a running balance."""
    session.rights(user).require("accounting", Level.READ)
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", _("The end date is before the start date."))
    with session.bound():
        _check_accounts({account})
        where = (JournalEntry.tenant_nr == session.nr) & (JournalLine.account_number == account)
        if date_from:
            where &= JournalEntry.entry_date >= date_from
        if date_to:
            where &= JournalEntry.entry_date <= date_to
        query = (
            JournalLine.select(JournalLine, JournalEntry)
            .join(JournalEntry)
            .where(where)
            .order_by(JournalEntry.entry_date, JournalEntry.id, JournalLine.id)
        )
        rows, balance = [], 0
        for line in query:
            balance += line.debit_cents - line.credit_cents
            entry = line.entry
            rows.append(
                LedgerRow(
                    entry.id,
                    entry.entry_date,
                    entry.reference,
                    entry.text,
                    line.debit_cents,
                    line.credit_cents,
                    balance,
                )
            )
        return rows


@dataclass(frozen=True)
class JournalLineRow:
    """One line of a listed journal entry, with the account's name."""

    account: str
    account_name: str
    debit_cents: int
    credit_cents: int
    cost_centre: str


@dataclass(frozen=True)
class JournalRow:
    """A journal entry of this tenant with its lines, as the journal lists it."""

    entry_id: int
    entry_date: date
    reference: str
    text: str
    created_by: str
    lines: tuple[JournalLineRow, ...]
    tenant_nr: int = 0  # whose posting it is: tenant 0's journal holds the central ones (R4)

    @property
    def amount_cents(self) -> int:
        """The entry's amount: the sum of its debits (equal to its credits)."""
        return sum(line.debit_cents for line in self.lines)


MAX_JOURNAL_PAGE = 1000


def journal(
    user: str, session: TenantSession, offset: int = 0, limit: int = 500
) -> list[JournalRow]:
    """One page of this tenant's journal entries with their lines, newest first."""
    session.rights(user).require("accounting", Level.READ)
    if offset < 0 or not 0 < limit <= MAX_JOURNAL_PAGE:
        raise ValueError(f"bad journal page: offset {offset}, limit {limit}")
    page = (
        JournalEntry.select()
        .where(JournalEntry.tenant_nr == session.nr)
        .order_by(JournalEntry.entry_date.desc(), JournalEntry.id.desc())
        .offset(offset)
        .limit(limit)
    )
    with session.bound():
        entries = list(page)
        lines_of = _lines_of(page.select(JournalEntry.id))
    return [_journal_row(e, lines_of) for e in entries]


def _journal_row(e: JournalEntry, lines_of: dict[int, tuple[JournalLineRow, ...]]) -> JournalRow:
    return JournalRow(
        e.id, e.entry_date, e.reference, e.text, e.created_by, lines_of.get(e.id, ()), e.tenant_nr
    )


JOURNAL_CHUNK = 1000


def iter_journal(
    user: str,
    session: TenantSession,
    tenants: Sequence[int] | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    chunk: int = JOURNAL_CHUNK,
) -> Iterator[JournalRow]:
    """Journal entries with their lines, oldest first (by date, then entry), read in chunks.

    For printing a journal of any length: keyset pagination (continue after the last date and
    id read) costs the same per chunk however far into the journal it is, holds only `chunk`
    entries in memory, and keeps no read transaction open between chunks, so writers are not
    blocked while pages are drawn. `tenants` (default: the session's own) may name, in tenant
    0 only, the tenants with central accounting whose postings are in tenant 0's journal (R4);
    the user needs read access to accounting in each. Rights are checked on the call, before
    the first entry is asked for.
    """
    session.rights(user).require("accounting", Level.READ)
    if not 0 < chunk <= MAX_JOURNAL_PAGE:
        raise ValueError(f"bad journal chunk: {chunk}")
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", _("The end date is before the start date."))
    where = _of_tenants(_journal_tenants(user, session, tenants))
    if date_from:
        where &= JournalEntry.entry_date >= date_from
    if date_to:
        where &= JournalEntry.entry_date <= date_to
    return _journal_chunks(session, where, chunk)


def _journal_tenants(user: str, session: TenantSession, tenants: Sequence[int] | None) -> list[int]:
    numbers = sorted(set(tenants)) if tenants is not None else [session.nr]
    if numbers != [session.nr] and session.nr != 0:
        raise NotHere(_("Other tenants' postings are listed in tenant 0 only."))
    with session.bound():
        for nr in numbers:
            if nr != session.nr:
                rights_of(user, nr).require("accounting", Level.READ)
    return numbers


def _of_tenants(numbers: list[int]) -> peewee.Expression:
    """The entries of `numbers`, phrased so SQLite reads them in date order from an index.

    One tenant: the (tenant, date) index. Several: the date index, filtering tenants on the
    way; the unary plus keeps SQLite from choosing the tenant index and sorting every chunk.
    """
    if len(numbers) == 1:
        return JournalEntry.tenant_nr == numbers[0]
    return peewee.NodeList((peewee.SQL("+"), JournalEntry.tenant_nr), glue="").in_(numbers)


ENTRY_COLUMNS = (
    JournalEntry.id,
    JournalEntry.entry_date,
    JournalEntry.reference,
    JournalEntry.text,
    JournalEntry.created_by,
)
LINE_COLUMNS = (
    JournalLine.entry,
    JournalLine.account_number,
    JournalLine.debit_cents,
    JournalLine.credit_cents,
    JournalLine.cost_centre_code,
)


def _journal_chunks(
    session: TenantSession, where: peewee.Expression, chunk: int
) -> Iterator[JournalRow]:
    # Plain tuples, not model instances: building those is most of the time of reading a
    # long journal.
    with session.bound():
        names = dict(Account.select(Account.number, Account.name).tuples())
    after = None
    while True:
        condition = where
        if after is not None:  # a row value, so the date index serves it
            condition &= peewee.Tuple(JournalEntry.entry_date, JournalEntry.id) > after
        page = (
            JournalEntry.select(*ENTRY_COLUMNS, JournalEntry.tenant_nr)
            .where(condition)
            .order_by(JournalEntry.entry_date, JournalEntry.id)
            .limit(chunk)
            .tuples()
        )
        # Bound only while reading: the caller's code runs between chunks, maybe in another
        # tenant's session, and must not find the models routed here.
        with session.bound():
            entries = list(page)
            lines = _chunk_lines([e[0] for e in entries], names)
        if not entries:
            return
        for entry_id, *fields, tenant_nr in entries:
            yield JournalRow(entry_id, *fields, lines.get(entry_id, ()), tenant_nr)
        after = peewee.Tuple(entries[-1][1], entries[-1][0])


def _chunk_lines(ids: list[int], names: dict[str, str]) -> dict[int, tuple[JournalLineRow, ...]]:
    """The lines of the entries `ids` (one chunk, well under SQLite's variable limit)."""
    found: dict[int, list[JournalLineRow]] = {}
    query = (
        JournalLine.select(*LINE_COLUMNS)
        .where(JournalLine.entry.in_(ids))
        .order_by(JournalLine.entry, JournalLine.id)
        .tuples()
    )
    for entry_id, account, debit, credit, cost_centre in query:
        row = JournalLineRow(account, names.get(account, "?"), debit, credit, cost_centre)
        found.setdefault(entry_id, []).append(row)
    return {entry_id: tuple(rows) for entry_id, rows in found.items()}


def _lines_of(entry_ids: peewee.SelectQuery) -> dict[int, tuple[JournalLineRow, ...]]:
    """The lines of the selected entries in entry order (session bound), with account names."""
    names = dict(Account.select(Account.number, Account.name).tuples())
    found: dict[int, list[JournalLineRow]] = {}
    # A subquery, not a list of ids: a page of any size stays under SQLite's variable limit.
    query = (
        JournalLine.select()
        .where(JournalLine.entry.in_(entry_ids))
        .order_by(JournalLine.entry, JournalLine.id)
    )
    for line in query:
        found.setdefault(line.entry_id, []).append(
            JournalLineRow(
                line.account_number,
                names.get(line.account_number, "?"),
                line.debit_cents,
                line.credit_cents,
                line.cost_centre_code,
            )
        )
    return {entry_id: tuple(lines) for entry_id, lines in found.items()}
