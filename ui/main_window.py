"""The main window: the current tenant always visible (R11, R14), modules by right (R13, R15).

Start-up (bench/bench_startup.py): the window paints its first frame (title, badge, tenant,
modules) before anything it does not need for it; the first module's view, the unread count and
the drop-down's other tenants follow right after. Nothing before that frame refers to Qt's `Qt`
namespace: its first use makes PySide create all of its ~90 Python enums at once (~20 ms). Hence
a QListView of QStandardItems (setEnabled instead of item flags), QSplitter() without a parent,
setShortcuts() instead of setShortcut(), and `QtCore.Qt` looked up where it is used later.
"""

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QSettings, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from tenant_store import Installation, StoreError
from tenant_store.rights import Level

from .accounting.menu import AccountingMenu
from .context import TenantContext
from .errors import show_error
from .modules import MODULES, closed_reason, create_view, translate
from .search_field import SearchField
from .tenant_badge import TenantBadge, readable_text_colour

APP_TITLE = "Jack Desktop"


class MainWindow(QMainWindow):
    """One user working in one tenant at a time; switching replaces every view.

    Signal `logged_out()`: the user logged out (File > Log out); the app shows the login again.
    """

    logged_out = Signal()

    def __init__(self, installation: Installation, user: str, tenant_nr: int):
        super().__init__()
        self.installation = installation
        self.user = user
        self.ctx: TenantContext | None = None
        self.views: dict[str, QWidget] = {}
        # Work that waits for the window's first paint (see _after_first_paint).
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
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
        self.module_list = QListView(self)
        self.module_list.setObjectName("moduleList")
        self.module_list.setMaximumWidth(220)
        self.module_model = QStandardItemModel(self.module_list)
        self.module_list.setModel(self.module_model)
        self.module_list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        # No parent here: QSplitter(parent) is told from QSplitter(orientation) by the `Qt`
        # namespace (see the module docstring); setCentralWidget adopts it.
        splitter = QSplitter()
        splitter.addWidget(self.module_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        manage = QAction(self.tr("&Tenant management…"), self)
        # setShortcuts, not setShortcut: see the module docstring.
        manage.setShortcuts([QKeySequence("Ctrl+Shift+T")])
        manage.triggered.connect(self.open_tenant_management)
        file_menu.addAction(manage)
        search = QAction(self.tr("&Search all tenants"), self)
        search.setShortcuts([QKeySequence("Ctrl+K")])
        search.triggered.connect(self.search.focus_search)
        file_menu.addAction(search)
        file_menu.addSeparator()
        log_out = QAction(self.tr("&Log out…"), self)
        log_out.setToolTip(self.tr("Log out and let another user log in, without quitting"))
        log_out.triggered.connect(self.log_out)
        file_menu.addAction(log_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.addAction(search)
        self.accounting_menu = AccountingMenu(self)
        self.menuBar().addMenu(self.accounting_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Jack Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def show_about(self) -> None:
        """Help > About: version, licence and the data folder of this installation."""
        from .about_dialog import AboutDialog

        AboutDialog(self.installation.root, self).exec()

    def log_out(self) -> None:
        """File > Log out: close this window (asking about unsaved changes), then log in anew."""
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)  # the login follows at once
        try:
            closed = self.close()
        finally:
            app.setQuitOnLastWindowClosed(True)
        if closed:
            self.logged_out.emit()

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
            self.tr("{app} – Tenant {nr} {name} – {user}").format(
                app=APP_TITLE, nr=tenant.nr, name=tenant.name, user=self.user
            )
        )
        self.badge.show_tenant(tenant, self.installation.tenant_dir(tenant.nr))
        self._paint_in_tenant_colour(tenant.branding.get("colour") or "#1f5f8b")
        self._fill_tenant_box()
        self._fill_modules()
        self.accounting_menu.follow(self.ctx)

    def _paint_in_tenant_colour(self, colour: str) -> None:
        """The module list carries the tenant's colour too, so a glance tells where one is."""
        text = readable_text_colour(colour)
        self.module_list.setStyleSheet(
            f"QListView#moduleList {{ border: none; border-left: 6px solid {colour}; "
            f"padding-top: 6px; font-size: 11pt; }}"
            f"QListView#moduleList::item {{ padding: 6px 10px; }}"
            f"QListView#moduleList::item:selected {{ background: {colour}; color: {text}; }}"
        )

    def _fill_tenant_box(self) -> None:
        """The drop-down: the current tenant at once, the user's other tenants after painting.

        A closed drop-down shows only the current tenant; reading the user's tenants (and
        loading the user registry for it) can wait until the window is on screen.
        """
        self._set_tenant_box({self.ctx.nr: self.ctx.tenant.name})
        self._after_first_paint(self._fill_users_tenants)

    def _fill_users_tenants(self) -> None:
        from tenant_store.users import tenants_of

        # Wide enough for the longest name, also after later switches (set here, not before the
        # first paint: see the module docstring on enums).
        self.tenant_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        names = self.installation.tenant_names()
        self._set_tenant_box(
            {nr: names.get(nr, "?") for nr in tenants_of(self.installation, self.user)}
        )

    def _set_tenant_box(self, tenants: dict[int, str]) -> None:
        self.tenant_box.blockSignals(True)
        self.tenant_box.clear()
        for nr, name in tenants.items():
            self.tenant_box.addItem(f"{nr} · {name}", nr)
        self.tenant_box.setCurrentIndex(self.tenant_box.findData(self.ctx.nr))
        self.tenant_box.blockSignals(False)

    def _tenant_chosen(self, index: int) -> None:
        if not self.switch_tenant(self.tenant_box.itemData(index)):
            self.tenant_box.setCurrentIndex(self.tenant_box.findData(self.ctx.nr))

    def open_tenant_management(self) -> None:
        """File > Tenant management: a double-click there switches (R11)."""
        from .tenant_management import TenantManagementDialog

        dialog = TenantManagementDialog.for_context(self.ctx, self)
        dialog.switch_requested.connect(lambda nr: self.switch_tenant(nr) and dialog.accept())
        dialog.exec()
        self._fill_tenant_box()

    # -- modules -----------------------------------------------------------------------------

    def _fill_modules(self) -> None:
        selection = self.module_list.selectionModel()
        selection.blockSignals(True)
        self.module_model.clear()
        for module in MODULES:
            item = QStandardItem(translate(module.label))
            item.setEditable(False)
            reason = closed_reason(self.ctx, module)
            if reason:
                # Still selectable: choosing it shows the reason in the view area, which a
                # disabled entry could not (its tooltip alone needs hovering).
                item.setForeground(self._closed_brush())
                item.setToolTip(reason)
            self.module_model.appendRow(item)
        selection.blockSignals(False)
        if self._first_open() is None:
            self._show_placeholder(self.tr("You have no module in this tenant."))
            return
        # The window appears at once with its tenant; the unread count (a query in the notes
        # file) and the first list (importing its view) follow right after.
        self._after_first_paint(self._update_unread)
        self._after_first_paint(self._open_first)

    def _closed_brush(self):
        return self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def _first_open(self) -> int | None:
        """The row of the first module the user may open in the current tenant."""
        return next((r for r, m in enumerate(MODULES) if not closed_reason(self.ctx, m)), None)

    def _open_first(self) -> None:
        """Show the first open module, unless one was chosen (or a hit opened) meanwhile."""
        row = self._first_open()
        if self.current_module_row() < 0 and row is not None:
            self._set_module_row(row)

    def module_item(self, key: str) -> QStandardItem:
        """The list entry of a module (tests and the unread count use it)."""
        return self.module_model.item([m.key for m in MODULES].index(key))

    def current_module_row(self) -> int:
        """The row of the module shown, -1 before one is."""
        return self.module_list.currentIndex().row()

    def _set_module_row(self, row: int) -> None:
        self.module_list.setCurrentIndex(self.module_model.index(row, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_module(current.row())

    def _show_module(self, row: int) -> None:
        if row < 0:
            return
        module = MODULES[row]
        reason = closed_reason(self.ctx, module)
        if reason:
            self._show_placeholder(f"<b>{translate(module.label)}</b><br><br>{reason}")
            return
        self.stack.setCurrentWidget(self.view(module.key))

    def _show_placeholder(self, text: str) -> None:
        """A message in the view area (why a module is closed, or that none is open)."""
        self.placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

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
        self._set_module_row(MODULES.index(module))
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
        """Open a search hit: switch to its tenant first (asking about unsaved changes).

        A ticket of a sub-tenant with central tickets is listed in tenant 0 only (R7): it opens
        there if the user may read tickets in tenant 0; else its own tenant says why not.
        """
        refusal = None
        if kind == "ticket":
            tenant_nr, refusal = self._ticket_list_tenant(tenant_nr)
        if not self.switch_tenant(tenant_nr):
            return
        module_key = {"booking": "bookings", "customer": "customers", "ticket": "tickets"}[kind]
        view = self.open_module(module_key)
        if refusal:
            QMessageBox.information(self, APP_TITLE, refusal)
            return
        opener = {"booking": "open_booking", "customer": "open_customer", "ticket": "show_ticket"}
        if view is not None and hasattr(view, opener[kind]):
            getattr(view, opener[kind])(key)

    def _ticket_list_tenant(self, nr: int) -> tuple[int, str | None]:
        """The tenant whose ticket list shows a ticket of tenant `nr`, and why not if none can."""
        from tenant_store import Logical

        if nr not in self.installation.sharing_tenants(Logical.TICKETS):
            return nr, None
        from tenant_store.users import rights_in

        if rights_in(self.installation, self.user, 0).can("tickets", Level.READ):
            return 0, None
        return nr, self.tr(
            "The tickets of tenant {nr} are central: they are listed in tenant 0, where you "
            "may not read tickets."
        ).format(nr=nr)

    # -- first paint -------------------------------------------------------------------------

    def _after_first_paint(self, call: Callable[[], None]) -> None:
        """Run `call` once the window has been painted; if it has been, on the next turn.

        A zero timer alone is not enough before the window is first shown: it is queued ahead of
        the expose and paint, so its work (the first view and its imports) would delay the
        window. The work is for a window on screen: a closed or never shown one skips it.
        """
        if self._painted:
            QTimer.singleShot(0, self, lambda: self._if_visible(call))
        elif call not in self._after_paint:  # switched again before the first paint
            self._after_paint.append(call)

    def _if_visible(self, call: Callable[[], None]) -> None:
        if self.isVisible():
            call()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            pending, self._after_paint = self._after_paint, []
            for call in pending:
                # Queued, so the painted frame reaches the screen before the work starts.
                QTimer.singleShot(0, self, lambda call=call: self._if_visible(call))

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
