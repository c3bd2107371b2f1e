"""The badge at the top left: which tenant this window works in (R11, R14)."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from tenant_store import TenantInfo


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    return "#000000" if QColor(background).lightnessF() > 0.6 else "#ffffff"


class TenantBadge(QLabel):
    """Tenant number and name on the tenant's colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("tenantBadge")
        self.setMargin(6)

    def show_tenant(self, tenant: TenantInfo) -> None:
        colour = tenant.branding.get("colour") or "#1f5f8b"
        self.setText(self.tr("Mandant {nr} · {name}").format(nr=tenant.nr, name=tenant.name))
        self.setStyleSheet(
            f"QLabel#tenantBadge {{ background: {colour}; "
            f"color: {readable_text_colour(colour)}; font-weight: bold; "
            f"border-radius: 4px; }}"
        )
        self.setToolTip(self.tr("You are working in tenant {nr}.").format(nr=tenant.nr))
