"""What every module view works with: the acting user in one open tenant session."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from tenant_store import Installation, TenantInfo, TenantSession
from tenant_store.rights import Rights


@dataclass(frozen=True)
class TenantContext:
    """The installation, the logged-in user and the session of the current tenant.

    The main window makes a new context (and new views) on every tenant switch, so no view can
    keep showing the previous tenant's data.
    """

    inst: Installation
    user: str
    session: TenantSession
    rights: Rights

    @property
    def tenant(self) -> TenantInfo:
        return self.session.tenant

    @property
    def nr(self) -> int:
        return self.session.nr

    def window_title(self, title: str) -> str:
        """A dialog's title with the tenant it works in: 'Booking 1000042 – Tenant 1 Nord'."""
        return QCoreApplication.translate("TenantContext", "{title} – Tenant {nr} {name}").format(
            title=title, nr=self.nr, name=self.tenant.name
        )
