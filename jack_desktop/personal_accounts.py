"""Debitoren and Kreditoren: a personal account per customer and per supplier (DATEV).

Receivables are posted to the collective account with the customer's Debitor beside it, and
operator payables with the supplier's Kreditor, so the tax advisor's DATEV keeps open items
per person. Numbers follow DATEV's ranges for Sachkontenlänge 4 and are assigned once, on
the first posting, in the books' own file, and kept: the same customer has the same Debitor
in every later export.
"""

from tenant_store import TenantSession
from tenant_store.audit import record
from tenant_store.errors import RangeExhausted
from tenant_store.i18n import _
from tenant_store.logical import Logical
from tenant_store.models.accounting import PersonalAccount

DEBTOR, CREDITOR = "debtor", "creditor"
RANGES = {DEBTOR: (10000, 69999), CREDITOR: (70000, 99999)}


def customers_owner(session: TenantSession) -> int:
    """The tenant whose customers file holds this session's customers."""
    return 0 if session.tenant.central["customers"] else session.nr


def personal_account(
    session: TenantSession, user: str, kind: str, owner_nr: int, ref: str, name: str
) -> str:
    """The Debitor or Kreditor of `ref`, assigned now if it has none (inside a transaction)."""
    found = (
        PersonalAccount.select(PersonalAccount.number)
        .where(
            (PersonalAccount.kind == kind)
            & (PersonalAccount.owner_nr == owner_nr)
            & (PersonalAccount.ref == ref)
        )
        .scalar()
    )
    if found:
        return found
    first, last = RANGES[kind]
    highest = (
        PersonalAccount.select(PersonalAccount.number)
        .where(PersonalAccount.kind == kind)
        .order_by(PersonalAccount.number.desc())
        .scalar()
    )
    number = int(highest) + 1 if highest else first
    if number > last:
        raise RangeExhausted(
            _("All personal accounts {first}-{last} are assigned.").format(first=first, last=last)
        )
    PersonalAccount.create(number=str(number), kind=kind, owner_nr=owner_nr, ref=ref, name=name)
    record(
        Logical.ACCOUNTING,
        user=user,
        tenant_nr=session.nr,
        kind="personal_account",
        object_id=number,
        action="create",
        new={"kind": kind, "owner_nr": owner_nr, "ref": ref, "name": name},
    )
    return str(number)


def collective_account(number: str) -> str | None:
    """The collective account a personal account belongs to, for a trial balance."""
    from . import accounts as acc

    if not number:
        return None
    value = int(number)
    if RANGES[DEBTOR][0] <= value <= RANGES[DEBTOR][1]:
        return acc.RECEIVABLES
    if RANGES[CREDITOR][0] <= value <= RANGES[CREDITOR][1]:
        return acc.PAYABLES
    return None
