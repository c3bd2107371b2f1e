"""The records of each table of the export, read from the unit's files in chunks.

Every reader yields tuples in its table's column order (see tables.py) and reads a chunk at
a time, with no read transaction left open between chunks: an export of a long year must
not hold off the clerks who post meanwhile.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

import peewee

from tenant_store import TenantSession
from tenant_store.audit import AUDITED
from tenant_store.logical import INSTALLATION_SCHEMA, Logical
from tenant_store.models.accounting import Account, JournalEntry, PersonalAccount
from tenant_store.models.basedata import Supplier
from tenant_store.models.bookings import Booking, Invoice
from tenant_store.models.customers import Customer

from .. import accounting
from ..accounting import JournalRow, iter_journal
from ..invoicing import invoice_label, invoice_reference
from ..personal_accounts import CREDITOR, DEBTOR, RANGES, customers_owner
from .unit import Unit

CHUNK = 1000
ACCOUNT_KINDS = {
    "asset": "Aktivkonto",
    "liability": "Passivkonto",
    "equity": "Eigenkapital",
    "revenue": "Erlöskonto",
    "expense": "Aufwandskonto",
}
INVOICE_KINDS = {"invoice": "Rechnung", "credit": "Gutschrift"}


def tenant_rows(unit: Unit) -> Iterator[tuple]:
    for nr, session in sorted(unit.sessions.items()):
        central = nr != 0 and session.tenant.central["accounting"]
        prefix = session.tenant.books.get("invoice_prefix") or ""
        yield nr, session.tenant.name, prefix, "zentral" if central else "eigen"


def account_rows(unit: Unit) -> Iterator[tuple]:
    with unit.session.bound():  # the chart is a few hundred rows
        chart = list(
            Account.select(Account.number, Account.name, Account.kind)
            .order_by(Account.number)
            .tuples()
        )
    for number, name, kind in chart:
        yield number, name, ACCOUNT_KINDS.get(kind, kind)


def _chunks(session: TenantSession, query: Callable[[object], peewee.Query], key: int = 0):
    """Chunks of `query(after)` (ordered by its column `key`), continuing after the last."""
    after = None
    while True:
        with session.bound():
            chunk = list(query(after).limit(CHUNK))
        if not chunk:
            return
        yield chunk
        after = chunk[-1][key]


def _personal_accounts(session: TenantSession, kind: str) -> Iterator[list[tuple]]:
    def query(after):
        where = PersonalAccount.kind == kind
        if after is not None:
            where &= PersonalAccount.number > after  # same length in a range: text order
        return (
            PersonalAccount.select(
                PersonalAccount.number,
                PersonalAccount.owner_nr,
                PersonalAccount.ref,
                PersonalAccount.name,
            )
            .where(where)
            .order_by(PersonalAccount.number)
            .tuples()
        )

    return _chunks(session, query)


def debtor_rows(unit: Unit) -> Iterator[tuple]:
    """Every Debitor of the books, with the customer's name and address where it is."""
    by_owner = {customers_owner(s): s for s in unit.sessions.values()}
    for chunk in _personal_accounts(unit.session, DEBTOR):
        found = _customers(by_owner, chunk)
        for number, owner, ref, name in chunk:
            c = found.get((owner, ref))
            address = (
                (c.company, c.salutation, c.first_name, c.last_name)
                + (c.street, c.postcode, c.city, c.country)
                if c
                else ("",) * 8
            )
            yield (number, owner, c.number if c else None, name, *address)


def _customers(by_owner: dict[int, TenantSession], chunk: list[tuple]) -> dict:
    """The customers behind a chunk of Debitoren, by (customers file's tenant, id text)."""
    found = {}
    for owner in {row[1] for row in chunk}:
        session = by_owner.get(owner)
        ids = [int(ref) for _n, o, ref, _name in chunk if o == owner and ref.isdigit()]
        if session is None or not ids:
            continue  # a file outside the unit: the personal account's name stands alone
        with session.bound():
            for c in Customer.select().where(Customer.id.in_(ids)):
                found[(owner, str(c.id))] = c
    return found


def creditor_rows(unit: Unit) -> Iterator[tuple]:
    """Every Kreditor of the books, with the supplier of the tenant that posted it."""
    for chunk in _personal_accounts(unit.session, CREDITOR):
        kinds: dict[tuple[int, str], str] = {}
        for owner in {row[1] for row in chunk}:
            session = unit.sessions.get(owner)
            if session is None:
                continue
            codes = [ref for _n, o, ref, _name in chunk if o == owner]
            with session.bound():
                query = Supplier.select(Supplier.code, Supplier.kind).where(
                    Supplier.code.in_(codes)
                )
                kinds.update({(owner, code): kind for code, kind in query.tuples()})
        for number, owner, ref, name in chunk:
            yield number, owner, ref, name, kinds.get((owner, ref), "")


def journal(unit: Unit) -> Iterator[JournalRow]:
    """The unit's entries of the fiscal year, oldest first, in chunks."""
    if unit.rights_checked:
        return iter_journal(
            unit.exporter,
            unit.session,
            unit.tenants,
            date_from=unit.date_from,
            date_to=unit.date_to,
        )
    # The administrator's command line has no login to check: the same chunked reader,
    # without the rights check (the unit's tenants were worked out by `open_unit`).
    return accounting.read_journal(
        unit.session, unit.tenants, date_from=unit.date_from, date_to=unit.date_to
    )


def entry_record(row: JournalRow) -> tuple:
    return (
        row.entry_id,
        row.entry_date,
        row.tenant_nr,
        row.reference,
        row.document,
        row.text,
        row.created_by,
        row.reverses_id,
        row.amount_cents,
    )


def line_records(row: JournalRow) -> Iterator[tuple]:
    for position, line in enumerate(row.lines, 1):
        debtor, creditor = _debtor_or_creditor(line.personal_account)
        yield (
            row.entry_id,
            position,
            line.account,
            debtor,
            creditor,
            line.debit_cents,
            line.credit_cents,
            line.cost_centre,
        )


def _debtor_or_creditor(number: str) -> tuple[str, str]:
    if not number.isdigit():
        return "", ""
    first, last = RANGES[DEBTOR]
    return (number, "") if first <= int(number) <= last else ("", number)


def invoice_rows(unit: Unit) -> Iterator[tuple]:
    """The invoices and credit notes the unit's tenants issued in the fiscal year.

    Their entries and Debitoren are looked up a chunk at a time, so memory does not grow
    with the number of invoices.
    """
    for nr, session in sorted(unit.sessions.items()):
        owner = customers_owner(session)
        for chunk in _invoices(session, unit.date_from, unit.date_to):
            entries = _invoice_entries(unit.session, nr, chunk)
            debtors = _debtor_numbers(unit.session, owner, chunk)
            for inv in chunk:
                yield (
                    nr,
                    invoice_label(inv),
                    inv.series,
                    inv.number,
                    INVOICE_KINDS.get(inv.kind, inv.kind),
                    inv.issued_on,
                    inv.due_on,
                    inv.booking.number,
                    debtors.get(str(inv.booking.customer_id), ""),
                    inv.total_cents,
                    inv.vat_cents,
                    inv.total_cents - inv.vat_cents,
                    entries.get(invoice_reference(inv)),
                    inv.archive_file,
                    inv.archive_sha256,
                )


def _invoices(session: TenantSession, first: date, last: date) -> Iterator[list[Invoice]]:
    after = 0
    while True:
        query = (
            Invoice.select(Invoice, Booking.number, Booking.customer_id)
            .join(Booking)
            .where(Invoice.issued_on.between(first, last) & (Invoice.id > after))
            .order_by(Invoice.id)
            .limit(CHUNK)
        )
        with session.bound():
            chunk = list(query)
        if not chunk:
            return
        yield chunk
        after = chunk[-1].id


def _invoice_entries(books: TenantSession, nr: int, chunk: list[Invoice]) -> dict[str, int]:
    """Journal reference -> the entry that posted the invoice or credit note (of tenant nr).

    An invoice is posted on the day it is issued, so the search stays within the chunk's
    days (the tenant and date index). The first entry with the reference is the one: a
    later Storno of it repeats the reference.
    """
    references = {invoice_reference(inv) for inv in chunk}
    query = (
        JournalEntry.select(JournalEntry.id, JournalEntry.reference)
        .where(
            (JournalEntry.tenant_nr == nr)
            & JournalEntry.entry_date.between(
                min(inv.issued_on for inv in chunk), max(inv.issued_on for inv in chunk)
            )
            & JournalEntry.reference.in_(references)
        )
        .order_by(JournalEntry.id)
        .tuples()
    )
    found: dict[str, int] = {}
    with books.bound():
        for entry_id, reference in query:
            found.setdefault(reference, entry_id)
    return found


def _debtor_numbers(books: TenantSession, owner: int, chunk: list[Invoice]) -> dict[str, str]:
    """Customer id (text) -> Debitor, for the customers of a chunk of invoices."""
    refs = {str(inv.booking.customer_id) for inv in chunk}
    query = PersonalAccount.select(PersonalAccount.ref, PersonalAccount.number).where(
        (PersonalAccount.kind == DEBTOR)
        & (PersonalAccount.owner_nr == owner)
        & PersonalAccount.ref.in_(refs)
    )
    with books.bound():
        return dict(query.tuples())


def audit_rows(unit: Unit) -> Iterator[tuple]:
    """The audit records made in the unit's tenants during the fiscal year."""
    since, until = _utc_start(unit.date_from), _utc_start(unit.date_to + timedelta(days=1))
    for trail, session, model, where in _trails(unit):
        where &= (model.recorded_at >= since) & (model.recorded_at < until)
        for chunk in _records(session, model, where):
            for r in chunk:
                yield (
                    trail,
                    r.id,
                    r.recorded_at,
                    datetime.fromisoformat(r.recorded_at).astimezone().date(),
                    r.user,
                    r.tenant_nr,
                    r.object_kind,
                    r.object_id,
                    r.action,
                    r.old_values,
                    r.new_values,
                    r.prev_hash,
                    r.hash,
                )


def _trails(unit: Unit) -> Iterator[tuple]:
    """(trail name, session, model, condition): the books' trail, then each tenant's others.

    A trail is named by its database and the tenant whose file it is ("customers/0" where
    customers are central), so a record is named by trail and record id.
    """
    books = AUDITED[Logical.ACCOUNTING]
    yield (
        f"{Logical.ACCOUNTING}/{unit.session.nr}",
        unit.session,
        books,
        books.tenant_nr.in_(unit.tenants),
    )
    for nr, session in sorted(unit.sessions.items()):
        for db in (Logical.CUSTOMERS, Logical.BASEDATA, INSTALLATION_SCHEMA):
            model = AUDITED[db]
            yield f"{db}/{_file_owner(session, db)}", session, model, model.tenant_nr == nr


def _file_owner(session: TenantSession, db: str) -> int:
    if db == INSTALLATION_SCHEMA or Logical(db) in session.tenant.central_dbs:
        return 0
    return session.nr


def _records(session: TenantSession, model, where) -> Iterator[list]:
    after = 0
    while True:
        query = model.select().where(where & (model.id > after)).order_by(model.id).limit(CHUNK)
        with session.bound():
            chunk = list(query)
        if not chunk:
            return
        yield chunk
        after = chunk[-1].id


def _utc_start(day: date) -> str:
    """The start of a local day as the UTC text the records are stamped with."""
    moment = datetime.combine(day, time()).astimezone().astimezone(UTC)
    return moment.isoformat(timespec="microseconds")
