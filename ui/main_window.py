"""The main window: always shows which tenant it works in (R11)."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
)

from tenant_store import CENTRAL_OPTIONS, Installation, TenantInfo

from .tenant_badge import TenantBadge

APP_TITLE = "Jack Desktop"


class MainWindow(QMainWindow):
    def __init__(self, installation: Installation, tenant: TenantInfo):
        super().__init__()
        self.installation = installation
        self.badge = TenantBadge(self)
        bar = QToolBar(self.tr("Tenant"), self)
        bar.setObjectName("tenantBar")
        bar.setMovable(False)
        bar.addWidget(self.badge)
        self.addToolBar(bar)
        self.tenants = QTableWidget(self)
        self.tenants.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tenants.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tenants.verticalHeader().hide()
        self.tenants.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.tenants)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu(self.tr("&File")).addAction(quit_action)
        self.resize(960, 600)
        self.show_tenant(tenant)

    def show_tenant(self, tenant: TenantInfo) -> None:
        """Make `tenant` the one this window shows: title, badge, overview."""
        self.tenant = tenant
        self.setWindowTitle(
            self.tr("{app} – Mandant {nr} {name}").format(
                app=APP_TITLE, nr=tenant.nr, name=tenant.name
            )
        )
        self.badge.show_tenant(tenant)
        self._fill_overview()

    def _fill_overview(self) -> None:
        infos = self.installation.tenants()
        headers = [
            self.tr("No."),
            self.tr("Name"),
            self.tr("Central databases"),
            self.tr("Booking numbers"),
        ]
        self.tenants.clear()
        self.tenants.setColumnCount(len(headers))
        self.tenants.setHorizontalHeaderLabels(headers)
        self.tenants.setRowCount(len(infos))
        for row, info in enumerate(infos):
            central = ", ".join(db.value for db in CENTRAL_OPTIONS if info.central[db.value])
            first, last = info.booking_range
            for col, text in enumerate(
                (str(info.nr), info.name, central or "–", f"{first}–{last}")
            ):
                self.tenants.setItem(row, col, QTableWidgetItem(text))
        self.tenants.resizeColumnsToContents()
