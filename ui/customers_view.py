"""Customers: search as you type over the visible customers (R8, R12), open and create them."""

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tenant_store import StoreError
from tenant_store.rights import Level

from .actions import action_button, open_row_action, select_row, view_action
from .context import TenantContext
from .customer_editor import CustomerEditor
from .customer_model import CustomerModel
from .errors import show_error
from .paged_model import paged_table

SEARCH_DELAY_MS = 150  # typing on within this time restarts the search instead of queueing it


class _SearchField(QLineEdit):
    """The search field; Down moves into the list, so the keyboard never has to leave it."""

    def __init__(self, table: QTableView):
        super().__init__()
        self.table = table

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Down and self.table.model().rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)


class CustomersView(QWidget):
    """The customer list of the current tenant with its search field and editor."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.may_write = ctx.rights.can("customers", Level.WRITE)
        self.model = CustomerModel(ctx, self)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self._build_table()
        self._build_actions()
        self._build_layout()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._open_from_search)
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.table = paged_table(self, self.model, "customerTable", (8, 30, 8, 18, 16))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

    def _build_actions(self) -> None:
        self.new_action = view_action(self, self.tr("&New customer…"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_customer)
        self.new_action.setEnabled(self.may_write)
        if not self.may_write:
            self.new_action.setToolTip(
                self.tr("You may read customers in tenant {nr} but not change them.").format(
                    nr=self.ctx.nr
                )
            )
        self.open_action = open_row_action(self, self.table, self.tr("&Open"), self.open_selected)
        self.refresh_action = view_action(
            self, self.tr("&Refresh"), QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.triggered.connect(self.refresh)
        focus = view_action(self, self.tr("&Search"), QKeySequence.StandardKey.Find)
        focus.triggered.connect(self.focus_search)

    def _build_layout(self) -> None:
        self.search = _SearchField(self.table)
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Name, town, postcode, customer number, e-mail or phone")
        )
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search)
        self.new_button = action_button(self.new_action)
        self.open_button = action_button(self.open_action)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        self.status = QLabel()
        self.status.setObjectName("customerStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.search)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.open_button)
        self._update_actions()

    def refresh(self) -> None:
        """Search again for the text in the search field (F5 after changes elsewhere)."""
        self._search_timer.stop()
        selected = self.selected_customer_id()
        try:
            self.model.search(self.search.text())
        except StoreError as exc:
            show_error(self, exc)
            return
        if selected is not None:
            self._select(selected)
        self._update_actions()

    def focus_search(self) -> None:
        """Ctrl+F: back to the search field with its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_customer_id(self) -> int | None:
        """The id of the selected customer, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.customer_id(rows[0].row()) if rows else None

    def _select(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is not None:
            select_row(self.table, row)

    def _update_actions(self) -> None:
        self.open_action.setEnabled(self.selected_customer_id() is not None)

    def _update_status(self) -> None:
        count = self.model.rowCount()
        if count == 0 and self.search.text().strip():
            text = self.tr("No customer matches “{text}”.").format(text=self.search.text().strip())
        elif count == 0:
            text = self.tr("There are no customers in tenant {nr} yet.").format(nr=self.ctx.nr)
        elif self.model.complete:
            text = self.tr("Customers: {count}").format(count=count)
        else:
            text = self.tr("Customers shown: {count} – more are read as you scroll down.").format(
                count=count
            )
        self.status.setText(text)

    # -- opening -------------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the selected customer in the editor (Return, double-click)."""
        customer_id = self.selected_customer_id()
        if customer_id is not None:
            self.open_customer(customer_id)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_customer(self.model.customer_id(index.row()))

    def _open_from_search(self) -> None:
        """Return in the search field opens the selected customer, or the only match."""
        self.refresh()
        if self.selected_customer_id() is None and self.model.rowCount() == 1:
            self.table.selectRow(0)
        self.open_selected()

    def open_customer(self, customer_id: int) -> bool:
        """Open customer `customer_id` in the editor (also for the cross-tenant search).

        Returns True if the customer was saved.
        """
        try:
            editor = CustomerEditor(self.ctx, customer_id, self)
        except StoreError as exc:
            show_error(self, exc)
            return False
        return self._run(editor)

    def new_customer(self) -> bool:
        """Ctrl+N: create a customer; returns True if one was saved."""
        if not self.may_write:
            return False
        return self._run(CustomerEditor(self.ctx, None, self))

    def _run(self, editor: CustomerEditor) -> bool:
        saved = editor.exec() == CustomerEditor.DialogCode.Accepted
        if saved:
            self.refresh()
            self._select(editor.customer_id)
        self.table.setFocus()
        return saved
