"""Tickets: the ticket list and the reconciliation (R7), and issuing new tickets.

With central tickets a sub-tenant only issues tickets: its list and reconciliation are done in
tenant 0, where the bookings of all sharing tenants are visible together. Tenant 0 lists the
tickets of every such tenant, with a tenant column.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.documents.ticket_list import save_ticket_list
from jack_desktop.formats import day
from jack_desktop.money import format_money, to_cents
from jack_desktop.tickets import (
    Reconciliation,
    get_ticket,
    list_tickets,
    reconcile,
    tickets_central_elsewhere,
)
from tenant_store import Installation, StoreError
from tenant_store.models.tickets import Ticket
from tenant_store.rights import Level

from .actions import view_action
from .context import TenantContext
from .documents import document_action, make_document, print_button
from .errors import show_error
from .tasks import run_with_progress
from .ticket_dialog import TicketDialog

LIST_LIMIT = 200
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Item(QTableWidgetItem):
    """A read-only cell that sorts by its SORT_ROLE value (cents, dates) when it has one."""

    def __init__(self, text: str, sort_key=None, align_right: bool = False):
        super().__init__(text)
        self.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        self.setData(SORT_ROLE, text if sort_key is None else sort_key)
        if align_right:
            self.setTextAlignment(RIGHT)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.data(SORT_ROLE) < other.data(SORT_ROLE)


def _money(cents: int) -> _Item:
    return _Item(format_money(cents), cents, align_right=True)


def _table(headers: list[str], stretch: int) -> QTableWidget:
    """A read-only, row-selecting table; column `stretch` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # No sort column until the user clicks one: the service's order (newest first) stays.
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table


def _fill(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            table.setItem(r, c, item)
    table.setSortingEnabled(True)


def ticket_number_text(number: str) -> str:
    """'2201234567890' as printed on the ticket: '220-1234567890'."""
    return f"{number[:3]}-{number[3:]}"


class TicketsView(QWidget):
    """Ticket list with filter, reconciliation, and the New ticket dialog."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.central_elsewhere = tickets_central_elsewhere(ctx.session)
        self.shows_tenants = ctx.nr == 0
        self._tenant_names = ctx.inst.tenant_names()
        self._build_actions()
        self._build_layout()
        self._filter_timer = QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(self._filter_timer.start)
        if self.central_elsewhere:
            self.tabs.setEnabled(False)
            self.filter.setEnabled(False)
            self.refresh_action.setEnabled(False)
        else:
            self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = view_action(self, self.tr("&New ticket…"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_ticket)
        may_write = self.ctx.rights.can("tickets", Level.WRITE)
        self.new_action.setEnabled(may_write)
        if not may_write:
            self.new_action.setToolTip(
                self.tr("You may read tickets in tenant {nr} but not issue them.").format(
                    nr=self.ctx.nr
                )
            )
        self.refresh_action = view_action(
            self, self.tr("&Refresh"), QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.triggered.connect(self.refresh_all)

    def _build_layout(self) -> None:
        self.central_note = QLabel(
            self.tr("Tickets are central: the ticket list and reconciliation are done in tenant 0.")
        )
        self.central_note.setObjectName("centralTicketsNote")
        self.central_note.setWordWrap(True)
        self.central_note.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #e0c96b; padding: 6px; }"
        )
        self.central_note.setVisible(self.central_elsewhere)
        self.status = QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_list_tab(), self.tr("&Ticket list"))
        self.tabs.addTab(self._build_reconciliation_tab(), self.tr("Re&conciliation"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_row())  # after the note: it gives the print reason
        layout.addWidget(self.central_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def _build_top_row(self) -> QHBoxLayout:
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(
            self.tr("Ticket number, passenger, route, airline or booking number")
        )
        label = QLabel(self.tr("Fi&lter:"))
        label.setBuddy(self.filter)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_action.trigger)
        self._mirror(self.new_button, self.new_action)
        reason = self.central_note.text() if self.central_elsewhere else None
        self.list_action = document_action(
            self, self.tr("&Ticket list with totals per airline"), self.print_list, reason
        )
        self.print_button = print_button(self, [self.list_action])
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.filter, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.print_button)
        return row

    def _mirror(self, button: QPushButton, action: QAction) -> None:
        button.setText(action.text())
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))

    def _build_list_tab(self) -> QWidget:
        headers = [
            self.tr("Ticket number"),
            self.tr("Airline"),
            self.tr("Passenger"),
            self.tr("Route"),
            self.tr("Fare"),
            self.tr("Taxes"),
            self.tr("Issued on"),
            self.tr("Booking"),
        ]
        if self.shows_tenants:
            headers.insert(0, self.tr("Tenant"))
        self.table = _table(headers, stretch=headers.index(self.tr("Passenger")))
        self.table.setObjectName("ticketTable")
        return self.table

    def _build_reconciliation_tab(self) -> QWidget:
        self.reconcile_button = QPushButton(self.tr("&Reconcile now"))
        self.reconcile_button.clicked.connect(self.run_reconciliation)
        self.summary = QLabel(self.tr("Compares tickets with the flight services of bookings."))
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reconcile_button)
        self.without_booking = _table(self._without_booking_headers(), stretch=2)
        self.mismatches = _table(self._mismatch_headers(), stretch=0)
        self.duplicates = _table(self._duplicate_headers(), stretch=3)
        self._groups: dict[str, QGroupBox] = {}
        splitter = QSplitter(Qt.Orientation.Vertical)
        for key, table in (
            ("without_booking", self.without_booking),
            ("mismatches", self.mismatches),
            ("duplicates", self.duplicates),
        ):
            group = QGroupBox()
            QVBoxLayout(group).addWidget(table)
            self._groups[key] = group
            splitter.addWidget(group)
        self._title_groups(None)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return page

    def _without_booking_headers(self) -> list[str]:
        return [
            self.tr("Tenant"),
            self.tr("Ticket number"),
            self.tr("Passenger"),
            self.tr("Route"),
            self.tr("Issued on"),
            self.tr("Booking"),
            self.tr("Amount"),
        ]

    def _mismatch_headers(self) -> list[str]:
        return [
            self.tr("Tenant"),
            self.tr("Booking"),
            self.tr("Flight services"),
            self.tr("Tickets"),
            self.tr("Difference"),
        ]

    def _duplicate_headers(self) -> list[str]:
        return [
            self.tr("Ticket number"),
            self.tr("Times issued"),
            self.tr("Passengers"),
            self.tr("Tenants / bookings"),
        ]

    def _title_groups(self, result: Reconciliation | None) -> None:
        counts = (
            (len(result.without_booking), len(result.mismatches), len(result.duplicates))
            if result
            else (None, None, None)
        )
        titles = (
            self.tr("Tickets without a booking"),
            self.tr("Bookings whose flights and tickets disagree"),
            self.tr("Ticket numbers issued more than once"),
        )
        for group, title, count in zip(self._groups.values(), titles, counts, strict=True):
            group.setTitle(title if count is None else f"{title} ({count})")

    # -- the list ------------------------------------------------------------------------------

    def refresh_all(self) -> None:
        """F5: the list, and the reconciliation if it has been run."""
        self.refresh()
        if self.tabs.currentIndex() == 1:
            self.run_reconciliation()

    def refresh(self) -> None:
        """Read the tickets matching the filter again."""
        if self.central_elsewhere:
            return
        try:
            tickets = list_tickets(
                self.ctx.user, self.ctx.session, self.filter.text(), limit=LIST_LIMIT
            )
        except StoreError as exc:
            show_error(self, exc)
            return
        _fill(self.table, [self._ticket_row(t) for t in tickets])
        if len(tickets) >= LIST_LIMIT:
            self.status.setText(
                self.tr(
                    "Showing the newest {n} tickets; narrow the filter to find older ones."
                ).format(n=LIST_LIMIT)
            )
        else:
            self.status.setText(self.tr("Tickets: {n}").format(n=len(tickets)))

    def show_ticket(self, ticket_id: int) -> bool:
        """Show one ticket (a hit of the cross-tenant search): the list filtered to its number."""
        if self.central_elsewhere:
            return False
        try:
            ticket = get_ticket(self.ctx.user, self.ctx.session, ticket_id)
        except StoreError as exc:
            show_error(self, exc)
            return False
        self.tabs.setCurrentIndex(0)
        self.filter.setText(ticket.number)
        self.refresh()
        self.table.selectRow(0)
        return True

    def _ticket_row(self, t: Ticket) -> list[QTableWidgetItem]:
        row = [
            _Item(ticket_number_text(t.number), t.number),
            _Item(t.airline),
            _Item(t.passenger),
            _Item(t.route),
            _money(t.fare_cents),
            _money(t.tax_cents),
            _Item(day(t.issued_on), t.issued_on.toordinal()),
            _Item(
                "" if t.booking_number is None else str(t.booking_number),
                t.booking_number or 0,
                align_right=True,
            ),
        ]
        if self.shows_tenants:
            row.insert(0, self._tenant_item(t.tenant_nr))
        return row

    def _tenant_item(self, nr: int) -> _Item:
        item = _Item("{} {}".format(nr, self._tenant_names.get(nr, "")), nr)
        item.setToolTip(self.tr("Tenant {nr}").format(nr=nr))
        return item

    def new_ticket(self) -> None:
        """Ctrl+N: enter a new ticket; the list shows it afterwards."""
        dialog = TicketDialog(self.ctx, self)
        if dialog.exec() != TicketDialog.DialogCode.Accepted:
            return
        ticket = dialog.ticket
        if self.central_elsewhere:
            self.status.setText(
                self.tr("Ticket {number} saved in the central ticket list of tenant 0.").format(
                    number=ticket_number_text(ticket.number)
                )
            )
        else:
            self.refresh()
            self.status.setText(
                self.tr("Ticket {number} saved.").format(number=ticket_number_text(ticket.number))
            )

    # -- the reconciliation --------------------------------------------------------------------

    def print_list(self) -> None:
        """The ticket list as PDF (in tenant 0 over the tenants with central tickets)."""
        make_document(self, self.ctx, self.tr("Making the ticket list…"), save_ticket_list)

    def run_reconciliation(self) -> None:
        """Compare tickets and bookings (in tenant 0 across every sharing tenant)."""
        if self.central_elsewhere:
            return
        root, nr, user = self.ctx.inst.root, self.ctx.nr, self.ctx.user

        def work(progress):
            # Its own connection: the work runs in another thread (see ui/tasks.py).
            with Installation.open(root) as inst, inst.open_session(nr) as session:
                return reconcile(user, session)

        try:
            result = run_with_progress(self, self.tr("Reconciling tickets…"), work)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.show_reconciliation(result)

    def show_reconciliation(self, result: Reconciliation) -> None:
        """Fill the three finding tables and say whether everything agrees."""
        self.reconciliation = result
        _fill(self.without_booking, [self._without_row(t) for t in result.without_booking])
        _fill(self.mismatches, [self._mismatch_row(m) for m in result.mismatches])
        _fill(self.duplicates, [self._duplicate_row(d) for d in result.duplicates])
        self._title_groups(result)
        font = QFont(self.summary.font())
        font.setBold(not result.is_clean)
        self.summary.setFont(font)
        if result.is_clean:
            self.summary.setText(self.tr("Everything agrees: no findings."))
        else:
            total = len(result.without_booking) + len(result.mismatches) + len(result.duplicates)
            self.summary.setText(self.tr("Findings to check: {n}").format(n=total))

    def _without_row(self, t: Ticket) -> list[QTableWidgetItem]:
        return [
            self._tenant_item(t.tenant_nr),
            _Item(ticket_number_text(t.number), t.number),
            _Item(t.passenger),
            _Item(t.route),
            _Item(day(t.issued_on), t.issued_on.toordinal()),
            _Item(
                self.tr("none") if t.booking_number is None else str(t.booking_number),
                t.booking_number or 0,
            ),
            _money(t.fare_cents + t.tax_cents),
        ]

    def _mismatch_row(self, m) -> list[QTableWidgetItem]:
        return [
            self._tenant_item(m.tenant_nr),
            _Item(str(m.booking_number), m.booking_number, align_right=True),
            _money(to_cents(m.flight_amount)),
            _money(to_cents(m.ticket_amount)),
            _money(to_cents(m.difference)),
        ]

    def _duplicate_row(self, d) -> list[QTableWidgetItem]:
        places = ", ".join(
            "{}/{}".format(t.tenant_nr, "–" if t.booking_number is None else t.booking_number)
            for t in d.tickets
        )
        return [
            _Item(ticket_number_text(d.number), d.number),
            _Item(str(len(d.tickets)), len(d.tickets), align_right=True),
            _Item(", ".join(sorted({t.passenger for t in d.tickets}))),
            _Item(places),
        ]
