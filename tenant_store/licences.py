"""Licences (R15): modules are licensed once for the installation; user seats count per tenant."""

from .models.installation import Licence, Membership, Setting, Tenant
from .rights import MODULES

DEFAULT_SEATS_PER_TENANT = 10


def install_default_licence() -> None:
    """Every module, and the default seats per tenant (installation-bound)."""
    Licence.insert_many([{"module": m} for m in MODULES]).execute()
    Setting.create(key="seats_per_tenant", value=str(DEFAULT_SEATS_PER_TENANT))


def licensed_modules() -> frozenset[str]:
    """Modules usable in every tenant of this installation."""
    return frozenset(row.module for row in Licence.select())


def set_licensed_modules(modules: set[str]) -> None:
    """Replace the licensed modules (installation-bound, inside a transaction)."""
    Licence.delete().execute()
    Licence.insert_many([{"module": m} for m in sorted(modules)]).execute()


def seats_of(tenant: Tenant) -> int:
    """User seats of a tenant: its own figure, or the installation's default."""
    if tenant.seats is not None:
        return tenant.seats
    row = Setting.get_or_none(Setting.key == "seats_per_tenant")
    return int(row.value) if row else DEFAULT_SEATS_PER_TENANT


def seats_used(tenant_nr: int) -> int:
    """Memberships of a tenant, i.e. seats taken."""
    return Membership.select().where(Membership.tenant_nr == tenant_nr).count()
