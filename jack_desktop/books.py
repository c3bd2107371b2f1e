"""Which set of books a session keeps, and who may read all of it (R4).

A tenant with own accounting keeps its own books. Tenant 0's books hold its own postings and
those of every tenant with central accounting; they are locked and exported in tenant 0, so a
central-accounting tenant asking for them is told to go there.
"""

from tenant_store import TenantSession
from tenant_store.errors import NotHere
from tenant_store.logical import Logical
from tenant_store.rights import Level, rights_of


def books_tenants(session: TenantSession, refusal: str) -> list[int]:
    """The tenants whose postings the session's books hold (tenant 0 first).

    In a central-accounting tenant NotHere with `refusal` ({nr}: the tenant). Read from the
    registry, not the tenants' folders: a damaged folder elsewhere must not stop tenant 0.
    """
    if session.tenant.books_owner != session.nr:
        raise NotHere(refusal.format(nr=session.nr))
    if session.nr != 0:
        return [session.nr]
    return [0, *session.installation.sharing_tenants(Logical.ACCOUNTING)]


def require_readable(user: str, session: TenantSession, tenants: list[int]) -> None:
    """Read access to accounting in the session's tenant and every tenant of its books."""
    session.rights(user).require("accounting", Level.READ)
    with session.bound():
        for nr in tenants:
            if nr != session.nr:
                rights_of(user, nr).require("accounting", Level.READ)
