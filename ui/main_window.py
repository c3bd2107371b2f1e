"""The main window: the current tenant always visible (R11, R14), modules by right (R13, R15)."""

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from tenant_store import Installation, StoreError
from tenant_store.users import tenants_of

from .context import TenantContext
from .errors import show_error
from .modules import MODULES, closed_reason, create_view, translate
from .search_field import SearchField
from .tenant_badge import TenantBadge, readable_text_colour

APP_TITLE = "Jack Desktop"


class MainWindow(QMainWindow):
    """One user working in one tenant at a time; switching replaces every view."""

    def __init__(self, installation: Installation, user: str, tenant_nr: int):
        super().__init__()
        self.installation = installation
        self.user = user
        self.ctx: TenantContext | None = None
        self.views: dict[str, QWidget] = {}
        self._build_toolbar()
        self._build_body()
        self._build_menus()
        self.resize(1200, 760)
        self._restore_geometry()
        self.switch_tenant(tenant_nr)

    # -- building ----------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Tenant"), self)
        bar.setObjectName("tenantBar")
        bar.setMovable(False)
        self.badge = TenantBadge(self)
        bar.addWidget(self.badge)
        self.tenant_box = QComboBox(self)
        self.tenant_box.setObjectName("tenantBox")
        self.tenant_box.setToolTip(self.tr("Switch to another of your tenants"))
        self.tenant_box.activated.connect(self._tenant_chosen)
        bar.addWidget(self.tenant_box)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = SearchField(self)
        self.search.open_requested.connect(self.open_hit)
        bar.addWidget(self.search)
        self.addToolBar(bar)

    def _build_body(self) -> None:
        self.module_list = QListWidget(self)
        self.module_list.setObjectName("moduleList")
        self.module_list.setMaximumWidth(220)
        self.module_list.currentRowChanged.connect(self._show_module)
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        splitter = QSplitter(self)
        splitter.addWidget(self.module_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        manage = QAction(self.tr("&Tenant management…"), self)
        manage.setShortcut(QKeySequence("Ctrl+Shift+T"))
        manage.triggered.connect(self.open_tenant_management)
        file_menu.addAction(manage)
        search = QAction(self.tr("&Search all tenants"), self)
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(self.search.focus_search)
        file_menu.addAction(search)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.addAction(search)

    # -- tenants -----------------------------------------------------------------------------

    def switch_tenant(self, nr: int) -> bool:
        """Make tenant `nr` the current one: new session, new views, title, badge (R11)."""
        if self.ctx is not None and nr == self.ctx.nr:
            return True
        if not self._may_leave():
            return False
        try:
            session = self.installation.open_session(nr)
        except StoreError as exc:
            show_error(self, exc)
            return False
        self._drop_views()
        if self.ctx is not None:
            self.ctx.session.close()
        self.ctx = TenantContext(self.installation, self.user, session, session.rights(self.user))
        self._show_tenant()
        QSettings().setValue(f"users/{self.user}/last_tenant", nr)
        return True

    def _show_tenant(self) -> None:
        tenant = self.ctx.tenant
        self.setWindowTitle(
            self.tr("{app} – Mandant {nr} {name} – {user}").format(
                app=APP_TITLE, nr=tenant.nr, name=tenant.name, user=self.user
            )
        )
        self.badge.show_tenant(tenant, self.installation.tenant_dir(tenant.nr))
        self._paint_in_tenant_colour(tenant.branding.get("colour") or "#1f5f8b")
        self._fill_tenant_box()
        self._fill_modules()

    def _paint_in_tenant_colour(self, colour: str) -> None:
        """The module list carries the tenant's colour too, so a glance tells where one is."""
        text = readable_text_colour(colour)
        self.module_list.setStyleSheet(
            f"QListWidget#moduleList {{ border: none; border-left: 6px solid {colour}; "
            f"padding-top: 6px; font-size: 11pt; }}"
            f"QListWidget#moduleList::item {{ padding: 6px 10px; }}"
            f"QListWidget#moduleList::item:selected {{ background: {colour}; color: {text}; }}"
        )

    def _fill_tenant_box(self) -> None:
        self.tenant_box.blockSignals(True)
        self.tenant_box.clear()
        names = self.installation.tenant_names()
        for nr in tenants_of(self.installation, self.user):
            self.tenant_box.addItem(f"{nr} · {names.get(nr, '?')}", nr)
        self.tenant_box.setCurrentIndex(self.tenant_box.findData(self.ctx.nr))
        self.tenant_box.blockSignals(False)

    def _tenant_chosen(self, index: int) -> None:
        if not self.switch_tenant(self.tenant_box.itemData(index)):
            self.tenant_box.setCurrentIndex(self.tenant_box.findData(self.ctx.nr))

    def open_tenant_management(self) -> None:
        """File > Tenant management: a double-click there switches (R11)."""
        from .tenant_management import TenantManagementDialog

        dialog = TenantManagementDialog(self.ctx, self)
        dialog.switch_requested.connect(lambda nr: self.switch_tenant(nr) and dialog.accept())
        dialog.exec()
        self._fill_tenant_box()

    # -- modules -----------------------------------------------------------------------------

    def _fill_modules(self) -> None:
        self.module_list.blockSignals(True)
        self.module_list.clear()
        first_open = None
        for row, module in enumerate(MODULES):
            item = QListWidgetItem(translate(module.label))
            reason = closed_reason(self.ctx, module)
            if reason:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(reason)
            elif first_open is None:
                first_open = row
            self.module_list.addItem(item)
        self.module_list.blockSignals(False)
        self._update_unread()
        if first_open is None:
            self.placeholder.setText(self.tr("You have no module in this tenant."))
            self.stack.setCurrentWidget(self.placeholder)
        else:
            # After the window is painted: it appears at once, the first list right after.
            QTimer.singleShot(0, self, lambda: self._open_first(first_open))

    def _open_first(self, row: int) -> None:
        if self.module_list.currentRow() < 0:
            self.module_list.setCurrentRow(row)

    def module_item(self, key: str) -> QListWidgetItem:
        """The list entry of a module (tests and the unread count use it)."""
        return self.module_list.item([m.key for m in MODULES].index(key))

    def _show_module(self, row: int) -> None:
        if row < 0:
            return
        module = MODULES[row]
        if closed_reason(self.ctx, module):
            return
        self.stack.setCurrentWidget(self.view(module.key))

    def view(self, key: str) -> QWidget:
        """The view of module `key` in the current tenant, created on first use."""
        if key not in self.views:
            module = next(m for m in MODULES if m.key == key)
            view = create_view(module, self.ctx, self)
            if hasattr(view, "unread_changed"):
                view.unread_changed.connect(lambda count: self._update_unread(count))
            self.stack.addWidget(view)
            self.views[key] = view
        return self.views[key]

    def open_module(self, key: str) -> QWidget | None:
        """Show module `key` if the user may open it here; returns its view."""
        module = next(m for m in MODULES if m.key == key)
        if closed_reason(self.ctx, module):
            return None
        self.module_list.setCurrentRow(MODULES.index(module))
        return self.view(key)

    def _update_unread(self, count: int | None = None) -> None:
        notes = next(m for m in MODULES if m.key == "notes")
        item = self.module_item("notes")
        if closed_reason(self.ctx, notes):
            return
        if count is None:
            count = _unread_count(self.ctx)
        label = translate(notes.label)
        item.setText(f"{label} ({count})" if count else label)

    def _drop_views(self) -> None:
        for view in self.views.values():
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views.clear()

    def _may_leave(self) -> bool:
        """Ask before switching away from unsaved changes in any view."""
        unsaved = [v for v in self.views.values() if getattr(v, "has_unsaved_changes", None)]
        if not any(v.has_unsaved_changes() for v in unsaved):
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("You have unsaved changes in tenant {nr}. Discard them and switch?").format(
                nr=self.ctx.nr
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- cross-tenant search -----------------------------------------------------------------

    def open_hit(self, tenant_nr: int, kind: str, key: int) -> None:
        """Open a search hit: switch to its tenant first (asking about unsaved changes)."""
        if not self.switch_tenant(tenant_nr):
            return
        module_key = {"booking": "bookings", "customer": "customers", "ticket": "tickets"}[kind]
        view = self.open_module(module_key)
        opener = {"booking": "open_booking", "customer": "open_customer", "ticket": "show_ticket"}
        if view is not None and hasattr(view, opener[kind]):
            getattr(view, opener[kind])(key)

    # -- window state ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._may_leave():
            event.ignore()
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        self._drop_views()
        if self.ctx is not None:
            self.ctx.session.close()
        super().closeEvent(event)


def _unread_count(ctx: TenantContext) -> int:
    from jack_desktop.notes import unread_count

    try:
        return unread_count(ctx.user, ctx.session)
    except StoreError:
        return 0
