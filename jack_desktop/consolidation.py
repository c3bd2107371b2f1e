"""Consolidated trial balance in tenant 0: one column per tenant, and the sum (R4).

Tenants with central accounting have their postings in tenant 0's journal, tagged with their
number, so one GROUP BY gives their columns. Tenants with their own accounting are read from
their own files through read-only sessions. Only tenants whose accounting the user may read
are included, and the others are never opened.
"""

from dataclasses import dataclass, field

from tenant_store import TenantSession
from tenant_store.errors import NotHere
from tenant_store.i18n import _
from tenant_store.logical import Logical
from tenant_store.models.accounting import Account, AccountBalance
from tenant_store.rights import Level, rights_of

from .accounting import BalanceRow, balances_of


@dataclass
class ConsolidatedRow:
    account: str
    name: str
    kind: str
    debit_cents: dict[int, int] = field(default_factory=dict)
    credit_cents: dict[int, int] = field(default_factory=dict)

    def balance(self, tenant_nr: int) -> int:
        return self.debit_cents.get(tenant_nr, 0) - self.credit_cents.get(tenant_nr, 0)

    @property
    def total_debit_cents(self) -> int:
        return sum(self.debit_cents.values())

    @property
    def total_credit_cents(self) -> int:
        return sum(self.credit_cents.values())

    @property
    def total_balance_cents(self) -> int:
        return self.total_debit_cents - self.total_credit_cents


@dataclass
class Consolidation:
    tenants: list[tuple[int, str]]  # (nr, name) per column
    rows: list[ConsolidatedRow]


def consolidated_trial_balance(user: str, session: TenantSession) -> Consolidation:
    """Every readable tenant's trial balance side by side; only in tenant 0."""
    if session.nr != 0:
        raise NotHere(_("The consolidation is shown in tenant 0 only."))
    session.rights(user).require("accounting", Level.READ)
    inst = session.installation
    with session.bound():
        readable = [t for t in inst.tenants() if rights_of(user, t.nr).can("accounting")]
        central = [t.nr for t in readable if t.nr == 0 or t.central[Logical.ACCOUNTING]]
        per_tenant = _central_balances(central)
        names = {a.number: (a.name, a.kind) for a in Account.select()}
    for tenant in readable:
        if tenant.nr not in central:
            with inst.open_session(tenant.nr, read_only=True) as own, own.bound():
                per_tenant[tenant.nr] = balances_of(tenant.nr)
    return _combine([(t.nr, t.name) for t in readable], per_tenant, names)


def _central_balances(tenant_nrs: list[int]) -> dict[int, list[BalanceRow]]:
    query = (
        AccountBalance.select(
            AccountBalance.tenant_nr,
            AccountBalance.account_number,
            AccountBalance.debit_cents,
            AccountBalance.credit_cents,
        )
        .where(AccountBalance.tenant_nr.in_(tenant_nrs))
        .tuples()
    )
    result: dict[int, list[BalanceRow]] = {nr: [] for nr in tenant_nrs}
    for nr, account, debit, credit in query:
        result[nr].append(BalanceRow(account, "", "", debit, credit))
    return result


def _combine(
    tenants: list[tuple[int, str]],
    per_tenant: dict[int, list[BalanceRow]],
    names: dict[str, tuple[str, str]],
) -> Consolidation:
    rows: dict[str, ConsolidatedRow] = {}
    for nr, balances in per_tenant.items():
        for b in balances:
            name, kind = names.get(b.account, (b.name or "?", b.kind))
            row = rows.setdefault(b.account, ConsolidatedRow(b.account, name, kind))
            row.debit_cents[nr] = b.debit_cents
            row.credit_cents[nr] = b.credit_cents
    return Consolidation(tenants, [rows[k] for k in sorted(rows)])
