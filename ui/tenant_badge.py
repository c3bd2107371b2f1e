"""The badge at the top left: which tenant this window works in (R11, R14)."""

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from tenant_store import TenantInfo


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    return "#000000" if QColor(background).lightnessF() > 0.6 else "#ffffff"


class TenantBadge(QFrame):
    """Tenant logo, number and name on the tenant's colour.

    A QFrame paints its style-sheet background by itself; a plain QWidget would need the
    WA_StyledBackground attribute, whose `Qt` namespace the first frame does without (see
    ui/main_window.py).
    """

    LOGO_HEIGHT = 28

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("tenantBadge")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 10, 4)
        self.logo = QLabel(self)
        self.label = QLabel(self)
        self.label.setObjectName("tenantBadgeText")
        layout.addWidget(self.logo)
        layout.addWidget(self.label)

    def show_tenant(self, tenant: TenantInfo, folder: Path | None = None) -> None:
        """Show `tenant`; its logo is read from its folder when it has one."""
        colour = tenant.branding.get("colour") or "#1f5f8b"
        self.label.setText(self.tr("Tenant {nr} · {name}").format(nr=tenant.nr, name=tenant.name))
        self.setStyleSheet(
            f"#tenantBadge {{ background: {colour}; border-radius: 4px; }} "
            f"#tenantBadgeText {{ color: {readable_text_colour(colour)}; font-weight: bold; }}"
        )
        self.setToolTip(self.tr("You are working in tenant {nr}.").format(nr=tenant.nr))
        logo = tenant.branding.get("logo_file")
        pixmap = QPixmap(str(folder / logo)) if logo and folder else QPixmap()
        self.logo.setVisible(not pixmap.isNull())
        if not pixmap.isNull():
            self.logo.setPixmap(
                pixmap.scaledToHeight(
                    self.LOGO_HEIGHT, QtCore.Qt.TransformationMode.SmoothTransformation
                )
            )

    def text(self) -> str:
        """The badge's text (number and name)."""
        return self.label.text()
