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
from tenant_store.audit import record
from tenant_store.errors import NotHere
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.logical import Logical
from tenant_store.models.accounting import Account, AccountBalance, JournalEntry, JournalLine
from tenant_store.rights import Level, rights_of

from .accounts import AUTOMATIC_VAT
from .basedata import books_language
from .money import format_money, parse_amount, share_cents, to_cents
from .period_locks import require_open


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
    personal_account: str = ""  # Debitor or Kreditor beside receivables or payables

    def reversed(self) -> "Posting":
        """The same line on the other side (Storno)."""
        return Posting(
            self.account,
            self.credit_cents,
            self.debit_cents,
            self.cost_centre,
            self.personal_account,
        )


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
    reverses_id: int | None = None  # a Storno: the entry it reverses


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
    *,
    document: str = "",
    reverses: int | None = None,
) -> JournalEntry:
    """Write a balanced entry for the session's tenant; the caller holds the transaction.

    Refused in a locked period (GoBD); recorded in the accounting file's audit trail.
    `document` is the entry's Belegfeld 1 for DATEV (an invoice number).
    """
    require_open(session, entry_date)
    _check_balanced(postings)
    _check_accounts({p.account for p in postings})
    _check_automatic_vat(postings)
    entry = JournalEntry.create(
        tenant_nr=session.nr,
        entry_date=entry_date,
        reference=reference,
        text=text[:200],
        created_by=user,
        created_at=now(),
        reverses_id=reverses,
        document=document[:36],
    )
    JournalLine.insert_many([_line_row(entry.id, p) for p in postings]).execute()
    _add_to_balances(session.nr, postings)
    record(
        Logical.ACCOUNTING,
        user=user,
        tenant_nr=session.nr,
        kind="journal_entry",
        object_id=entry.id,
        action="reverse" if reverses else "post",
        new={
            "date": entry_date,
            "reference": reference,
            "document": entry.document,
            "text": entry.text,
            "reverses": reverses,
            "lines": [
                [p.account, p.personal_account, p.debit_cents, p.credit_cents, p.cost_centre]
                for p in postings
            ],
        },
    )
    return entry


def _line_row(entry_id: int, p: Posting) -> dict:
    return {
        "entry": entry_id,
        "account_number": p.account,
        "debit_cents": p.debit_cents,
        "credit_cents": p.credit_cents,
        "cost_centre_code": p.cost_centre,
        "personal_account": p.personal_account,
    }


def postings_of(entry_id: int) -> list[Posting]:
    """The lines of a written entry as postings (bound to a session)."""
    query = JournalLine.select().where(JournalLine.entry == entry_id).order_by(JournalLine.id)
    return [
        Posting(
            line.account_number,
            line.debit_cents,
            line.credit_cents,
            line.cost_centre_code,
            line.personal_account,
        )
        for line in query
    ]


def reverse_entry(
    user: str, session: TenantSession, entry_id: int, on_date: date | None = None
) -> JournalEntry:
    """Reverse (Storno) one of this tenant's entries: the same lines on the other side.

    The reversal is linked to the original and dated `on_date` (default today), which must be
    open; the original stays as it was. An entry is reversed at most once, and a reversal is
    not reversed again (post the entry anew instead).
    """
    session.rights(user).require("accounting", Level.WRITE)
    on_date = on_date or date.today()
    with session.transaction():
        original = JournalEntry.get_or_none(
            (JournalEntry.id == entry_id) & (JournalEntry.tenant_nr == session.nr)
        )
        if original is None:
            raise ValidationError(
                "entry", _("There is no entry {id} in this tenant's journal.").format(id=entry_id)
            )
        _require_reversible(original)
        with books_language(session):
            text = _("Reversal of entry {id}: {text}").format(id=original.id, text=original.text)
        lines = [p.reversed() for p in postings_of(original.id)]
        return write_entry(
            session,
            user,
            on_date,
            text,
            lines,
            original.reference,
            document=original.document,
            reverses=original.id,
        )


def _require_reversible(original: JournalEntry) -> None:
    if original.reverses_id is not None:
        raise ValidationError(
            "entry",
            _("Entry {id} is itself a reversal; post the original entry again instead.").format(
                id=original.id
            ),
        )
    done = JournalEntry.get_or_none(JournalEntry.reverses_id == original.id)
    if done is not None:
        raise ValidationError(
            "entry",
            _("Entry {id} was reversed already, by entry {by}.").format(id=original.id, by=done.id),
        )


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


def _check_automatic_vat(postings: Sequence[Posting]) -> None:
    """An entry on an automatic account carries the VAT DATEV will compute from its gross."""
    for account, (vat_account, rate) in AUTOMATIC_VAT.items():
        net = sum(p.credit_cents - p.debit_cents for p in postings if p.account == account)
        if net == 0:
            continue
        vat = sum(p.credit_cents - p.debit_cents for p in postings if p.account == vat_account)
        expected = share_cents(net + vat, rate, 100 + rate)
        if vat != expected:
            raise ValidationError(
                "lines",
                _(
                    "Account {account} carries {rate} % VAT automatically (DATEV): with "
                    "{gross} gross on it the entry needs {expected} VAT on {vat_account}, not "
                    "{vat}. Post other rates on a revenue account without automatic VAT."
                ).format(
                    account=account,
                    rate=rate,
                    gross=format_money(net + vat),
                    expected=format_money(expected),
                    vat_account=vat_account,
                    vat=format_money(vat),
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
                    entry.reverses_id,
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
    personal_account: str = ""


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
    reverses_id: int | None = None  # a Storno: the entry it reverses
    document: str = ""  # Belegfeld 1 (invoice number)

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
        e.id,
        e.entry_date,
        e.reference,
        e.text,
        e.created_by,
        lines_of.get(e.id, ()),
        e.tenant_nr,
        e.reverses_id,
        e.document,
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
    numbers = _journal_tenants(user, session, tenants)
    return read_journal(session, numbers, date_from=date_from, date_to=date_to, chunk=chunk)


def read_journal(
    session: TenantSession,
    tenants: Sequence[int],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    chunk: int = JOURNAL_CHUNK,
) -> Iterator[JournalRow]:
    """`iter_journal` for callers that have settled the rights themselves (exports, admin CLI)."""
    where = of_tenants(sorted(set(tenants)))
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


def of_tenants(numbers: list[int]) -> peewee.Expression:
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
ENTRY_TAIL = (JournalEntry.tenant_nr, JournalEntry.reverses_id, JournalEntry.document)
LINE_COLUMNS = (
    JournalLine.entry,
    JournalLine.account_number,
    JournalLine.debit_cents,
    JournalLine.credit_cents,
    JournalLine.cost_centre_code,
    JournalLine.personal_account,
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
            JournalEntry.select(*ENTRY_COLUMNS, *ENTRY_TAIL)
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
        for entry_id, *fields, tenant_nr, reverses_id, document in entries:
            yield JournalRow(
                entry_id, *fields, lines.get(entry_id, ()), tenant_nr, reverses_id, document
            )
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
    for entry_id, account, debit, credit, cost_centre, personal in query:
        row = JournalLineRow(account, names.get(account, "?"), debit, credit, cost_centre, personal)
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
                line.personal_account,
            )
        )
    return {entry_id: tuple(lines) for entry_id, lines in found.items()}


def reversals_of(user: str, session: TenantSession, entry_ids: Sequence[int]) -> dict[int, int]:
    """Which of the entries `entry_ids` were reversed: {original id: id of its reversal}.

    For the journal's "reversed by entry 15": the reversal may be on another page (it can be
    dated before the original), so the viewer asks instead of searching what it loaded.
    """
    session.rights(user).require("accounting", Level.READ)
    ids = list(entry_ids)
    found: dict[int, int] = {}
    with session.bound():
        for start in range(0, len(ids), JOURNAL_CHUNK):  # under SQLite's variable limit
            query = JournalEntry.select(JournalEntry.reverses_id, JournalEntry.id).where(
                JournalEntry.reverses_id.in_(ids[start : start + JOURNAL_CHUNK])
                & (JournalEntry.tenant_nr == session.nr)
            )
            found.update(query.tuples())
    return found
