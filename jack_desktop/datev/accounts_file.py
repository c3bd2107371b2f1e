"""The master data beside a Buchungsstapel: Debitoren/Kreditoren and Kontenbeschriftungen.

A Debitor's name and address come from the customers file of the tenant that holds the
customer (`PersonalAccount.owner_nr`: tenant 0's with central customers; another tenant's own
file is opened read-only), a Kreditor's name from the base data of the tenant that posted it.
Where that file cannot be read or the customer is gone, the name the account was given when it
was assigned is used, so no account goes without a name.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from tenant_store import StoreError, TenantSession
from tenant_store.models.accounting import PersonalAccount
from tenant_store.models.basedata import Supplier
from tenant_store.models.customers import Customer

from ..bookings import customer_display_name
from ..personal_accounts import CREDITOR, DEBTOR, customers_owner
from . import columns as col
from .fields import SEPARATOR, clean_text, quote

NO_TYPE, PERSON, COMPANY = 0, 1, 2  # Adressattyp
_CHUNK = 500
_LIMITS = {
    col.P_NAME_COMPANY: 50,
    col.P_LAST_NAME: 30,
    col.P_FIRST_NAME: 30,
    col.P_NAME_NONE: 50,
    col.P_SHORT: 15,
    col.P_STREET: 36,
    col.P_POSTCODE: 10,
    col.P_CITY: 30,
    col.P_COUNTRY: 2,
    col.P_IBAN: 34,
    col.P_NUMBER: 15,
}


@dataclass(frozen=True)
class PersonRecord:
    """One Debitor or Kreditor as the file lists it (values by PERSON_COLUMNS position)."""

    number: str
    addressee_type: int
    values: dict[int, str]


def person_records(session: TenantSession, numbers: Iterable[str]) -> list[PersonRecord]:
    """The Debitoren and Kreditoren `numbers` of the session's books, by number."""
    wanted = sorted(set(numbers))
    with session.bound():
        accounts = [
            a
            for start in range(0, len(wanted), _CHUNK)
            for a in PersonalAccount.select().where(
                PersonalAccount.number.in_(wanted[start : start + _CHUNK])
            )
        ]
    groups: dict[tuple[str, int], list[PersonalAccount]] = {}
    for account in accounts:
        groups.setdefault((account.kind, account.owner_nr), []).append(account)
    records = []
    for (kind, owner), members in groups.items():
        details = _details(session, kind, owner, [a.ref for a in members])
        records += [_record(a, details.get(a.ref)) for a in members]
    # A number posted without a registered account still gets a name DATEV can show.
    known = {a.number for a in accounts}
    records += [
        PersonRecord(n, NO_TYPE, {col.P_NAME_NONE: f"Konto {n}", col.P_SHORT: f"Konto {n}"})
        for n in wanted
        if n not in known
    ]
    return sorted(records, key=lambda r: r.number)


def _details(session: TenantSession, kind: str, owner: int, refs: list[str]) -> dict:
    """Customers (by id) or suppliers (by code) of `refs`, read where they are kept."""
    here = customers_owner(session) if kind == DEBTOR else session.nr
    read = _customers if kind == DEBTOR else _suppliers
    if owner == here:
        with session.bound():
            return read(refs)
    try:
        with session.installation.open_session(owner, read_only=True) as other, other.bound():
            return read(refs)
    except StoreError:  # that tenant's file is damaged: the names on record will do
        return {}


def _customers(refs: list[str]) -> dict[str, Customer]:
    ids = [int(r) for r in refs if r.isdigit()]
    found = {}
    for start in range(0, len(ids), _CHUNK):
        for customer in Customer.select().where(Customer.id.in_(ids[start : start + _CHUNK])):
            found[str(customer.id)] = customer
    return found


def _suppliers(refs: list[str]) -> dict[str, Supplier]:
    found = {}
    for start in range(0, len(refs), _CHUNK):
        for supplier in Supplier.select().where(Supplier.code.in_(refs[start : start + _CHUNK])):
            found[supplier.code] = supplier
    return found


def _record(account: PersonalAccount, detail) -> PersonRecord:
    if isinstance(detail, Customer):
        return _customer_record(account.number, detail)
    name = detail.name if isinstance(detail, Supplier) else account.name
    values = {col.P_SHORT: name, col.P_NUMBER: account.ref}
    if account.kind == CREDITOR or isinstance(detail, Supplier):
        return PersonRecord(account.number, COMPANY, {**values, col.P_NAME_COMPANY: name})
    return PersonRecord(account.number, NO_TYPE, {**values, col.P_NAME_NONE: name})


def _customer_record(number: str, c: Customer) -> PersonRecord:
    values = {
        col.P_SHORT: customer_display_name(c.kind, c.company, c.last_name, c.first_name),
        col.P_STREET: c.street,
        col.P_POSTCODE: c.postcode,
        col.P_CITY: c.city,
        col.P_COUNTRY: (c.country or "").upper(),
        col.P_IBAN: "".join((c.iban or "").split()).upper(),
        col.P_NUMBER: str(c.number),
    }
    if c.kind == "company" or not c.last_name:
        values[col.P_NAME_COMPANY] = c.company or c.last_name
        return PersonRecord(number, COMPANY, values)
    values[col.P_LAST_NAME] = c.last_name
    values[col.P_FIRST_NAME] = c.first_name
    return PersonRecord(number, PERSON, values)


def person_line(record: PersonRecord) -> str:
    """The record as a line of 254 fields (text quoted, lengths cut to DATEV's limits)."""
    fields = [""] * len(col.PERSON_COLUMNS)
    fields[col.P_KONTO] = record.number
    fields[col.P_TYPE] = str(record.addressee_type)
    for i, value in record.values.items():
        text = clean_text(value, _LIMITS[i])
        if text:
            fields[i] = quote(text)
    return SEPARATOR.join(fields)


ACCOUNT_NAME_MAX, ACCOUNT_NAME_LONG_MAX = 40, 300


def account_name_line(number: str, name: str) -> str:
    """A Kontenbeschriftung: number, name (40), language, long name (300)."""
    return SEPARATOR.join(
        [
            number,
            quote(clean_text(name, ACCOUNT_NAME_MAX)),
            quote("de-DE"),
            quote(clean_text(name, ACCOUNT_NAME_LONG_MAX)),
        ]
    )
