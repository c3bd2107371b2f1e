"""Bookings: this tenant's bookings (R8: never another tenant's), filtered, opened and created."""

from __future__ import annotations  # BookingEditor is only imported when a booking is opened

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.bookings import STATUSES, list_bookings, status_name
from tenant_store import StoreError
from tenant_store.rights import Level

from .actions import action_button, open_row_action, select_row, set_tab_chain, view_action
from .booking_model import BookingTableModel
from .context import TenantContext
from .errors import show_error
from .paged_model import paged_table

if TYPE_CHECKING:
    from .booking_editor import BookingEditor

FILTER_DELAY_MS = 200


class BookingsView(QWidget):
    """The booking list with status and text filters; New and Open use the booking editor."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.may_write = ctx.rights.can("bookings", Level.WRITE)
        self.model = BookingTableModel(self)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self._build_table()
        self._build_actions()
        self._build_layout()
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.table = paged_table(self, self.model, "bookingTable", (9, 26, 30, 24, 11, 12))
        stretch = QHeaderView.ResizeMode.Stretch
        self.table.horizontalHeader().setSectionResizeMode(BookingTableModel.TITLE, stretch)
        self._fit_status_column()
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

    def _fit_status_column(self) -> None:
        """Wide enough for the longest status in the user's language ('Abgerechnet')."""
        header = self.table.horizontalHeader()
        column = BookingTableModel.STATUS
        title = self.model.headerData(column, Qt.Orientation.Horizontal)
        cells = max(self.table.fontMetrics().horizontalAdvance(status_name(s)) for s in STATUSES)
        # A cell's margins, and room for the header's sort arrow.
        width = max(cells, header.fontMetrics().horizontalAdvance(title)) + 24
        header.resizeSection(column, max(width, header.sectionSize(column)))

    def _build_actions(self) -> None:
        self.new_action = view_action(self, self.tr("&New booking…"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_booking)
        self.new_action.setEnabled(self.may_write)
        if not self.may_write:
            self.new_action.setToolTip(
                self.tr("You may read bookings in tenant {nr} but not change them.").format(
                    nr=self.ctx.nr
                )
            )
        self.open_action = open_row_action(self, self.table, self.tr("&Open"), self.open_selected)
        self.refresh_action = view_action(
            self, self.tr("&Refresh"), QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.triggered.connect(self.refresh)
        focus = view_action(self, self.tr("&Filter"), QKeySequence.StandardKey.Find)
        focus.triggered.connect(self.focus_filter)

    def _build_layout(self) -> None:
        self.filter = QLineEdit()
        self.filter.setObjectName("bookingFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(
            self.tr("Booking number, title, customer's last name or company")
        )
        filter_label = QLabel(self.tr("Fi&lter:"))
        filter_label.setBuddy(self.filter)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_name(status), status)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status_filter)
        self.new_button = action_button(self.new_action)
        self.open_button = action_button(self.open_action)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        top.addWidget(status_label)
        top.addWidget(self.status_filter)
        top.addSpacing(12)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        self.status = QLabel()
        self.status.setObjectName("bookingStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.filter)
        chain = [self.filter, self.status_filter, self.table, self.new_button, self.open_button]
        set_tab_chain(*chain)
        self._update_actions()

    def refresh(self) -> None:
        """Read the list again with the current filters (F5)."""
        self._filter_timer.stop()
        selected = self.selected_number()
        status, text = self.status_filter.currentData(), self.filter.text()
        ctx = self.ctx

        def fetch(offset: int, limit: int):
            return list_bookings(
                ctx.user, ctx.session, status=status, text=text, limit=limit, offset=offset
            )

        try:
            self.model.load(fetch)
        except StoreError as exc:
            show_error(self, exc)
            return
        if selected is not None:
            self._select(selected)
        self._update_actions()

    def focus_filter(self) -> None:
        """Ctrl+F: to the filter field with its text selected."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def selected_number(self) -> int | None:
        """The number of the selected booking, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.number(rows[0].row()) if rows else None

    def _select(self, number: int) -> None:
        row = self.model.row_of(number)
        if row is not None:
            select_row(self.table, row)

    def _update_actions(self) -> None:
        self.open_action.setEnabled(self.selected_number() is not None)

    def _update_status(self) -> None:
        count = self.model.rowCount()
        filtered = bool(self.filter.text().strip()) or self.status_filter.currentData()
        if count == 0:
            text = (
                self.tr("No booking matches the filter.")
                if filtered
                else self.tr("There are no bookings in tenant {nr} yet.").format(nr=self.ctx.nr)
            )
        elif self.model.complete:
            text = self.tr("Bookings: {count}").format(count=count)
        else:
            text = self.tr("Bookings shown: {count} – more are read as you scroll down.").format(
                count=count
            )
        self.status.setText(text)

    # -- opening -------------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the selected booking (Return, double-click)."""
        number = self.selected_number()
        if number is not None:
            self.open_booking(number)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_booking(self.model.number(index.row()))

    def open_booking(self, number: int) -> bool:
        """Open booking `number` in the editor (also for the cross-tenant search).

        Returns True if something was stored in the editor.
        """
        from .booking_editor import BookingEditor  # with its documents: not for the list

        try:
            editor = BookingEditor(self.ctx, number, self)
        except StoreError as exc:
            show_error(self, exc)
            return False
        return self._run(editor)

    def new_booking(self) -> bool:
        """Ctrl+N: a new booking; returns True if it was saved."""
        if not self.may_write:
            return False
        from .booking_editor import BookingEditor

        return self._run(BookingEditor(self.ctx, None, self))

    def _run(self, editor: BookingEditor) -> bool:
        editor.exec()
        editor.deleteLater()  # a closed editor must not stay a child of the view
        if editor.saved_changes:
            self.refresh()
            if editor.number is not None:
                self._select(editor.number)
        self.table.setFocus()
        return editor.saved_changes
