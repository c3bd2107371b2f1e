"""The booking editor: customer, travel, travellers and service lines with a live total, and the
status buttons (book, invoice, payment, cancel). Invoiced and cancelled bookings are read-only."""

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.basedata import list_entries
from jack_desktop.bookings import (
    CHANGEABLE,
    STATUS_LABELS,
    check_travel_dates,
    create_booking,
    get_booking,
    services_of,
    status_name,
    travellers_of,
    update_booking,
)
from jack_desktop.invoicing import invoices_of, open_amount
from jack_desktop.money import format_money
from tenant_store import StoreError, ValidationError
from tenant_store.i18n import _
from tenant_store.rights import Level

from .actions import set_tab_chain
from .booking_actions import BookingActions, confirm, tell
from .context import TenantContext
from .customer_chooser import CustomerChooser
from .editable_table import EditableTable
from .errors import show_error
from .optional_date import OptionalDateEdit
from .service_lines_table import ServiceLinesTable
from .travellers_table import TravellersTable

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #5f5f5f;"
CODE_FIELDS = {
    "destination_code": "destinations",
    "travel_type_code": "travel_types",
    "cost_centre_code": "cost_centres",
}
MESSAGE_KEYS = ("customer", "title", "dates", *CODE_FIELDS, "note", "travellers", "services")
# A service field naming a line: "service 2 price", "traveller 1 last_name".
LINE_FIELD = re.compile(r"(traveller|service) (\d+)\b")


class BookingEditor(QDialog):
    """Create (number None) or edit a booking; Save keeps the dialog open for the next step."""

    def __init__(
        self,
        ctx: TenantContext,
        number: int | None = None,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.booking = get_booking(ctx.user, ctx.session, number) if number else None
        self.may_write = ctx.rights.can("bookings", Level.WRITE)
        self.saved_changes = False  # something was stored: the list behind should refresh
        self._touched: set[str] = set()
        self._service_errors: dict[str, str] = {}
        self._build()
        self._load(customer_id)
        self._connect_checks()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.messages = {key: self._message(key) for key in MESSAGE_KEYS}
        self.actions_bar = BookingActions(self.ctx, self._save_pending, self.pending_problem, self)
        self.actions_bar.done.connect(self._action_done)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultMessage")
        self.result_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.read_only_note = QLabel()
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #e0c96b; padding: 6px; }"
        )
        self.read_only_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self._header_group())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._travellers_group())
        splitter.addWidget(self._services_group())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.result_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self._save_hint(), 1)
        bottom.addWidget(self._buttons())
        layout.addLayout(bottom)
        self._set_tab_order()
        self.resize(1000, 720)

    def _message(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}Message")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _save_hint(self) -> QLabel:
        """Beside Save: what still keeps it disabled, so that a grey button is never a riddle."""
        self.save_hint = QLabel()
        self.save_hint.setObjectName("saveHint")
        self.save_hint.setWordWrap(True)
        self.save_hint.setStyleSheet(HINT_STYLE)
        return self.save_hint

    def _header_group(self) -> QGroupBox:
        self.customer = CustomerChooser(self.ctx)
        self.customer.setObjectName("customer")
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setMaxLength(200)
        self.travel_from = OptionalDateEdit()
        self.travel_from.setObjectName("travel_from")
        self.travel_to = OptionalDateEdit()
        self.travel_to.setObjectName("travel_to")
        self.codes = {field: self._code_combo(kind) for field, kind in CODE_FIELDS.items()}
        self.note = QLineEdit()
        self.note.setObjectName("note")
        dates = QHBoxLayout()
        dates.addWidget(self.travel_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.travel_to)
        dates.addStretch()
        left, right = QFormLayout(), QFormLayout()
        self._row(left, self.tr("C&ustomer:"), self.customer, "customer")
        self._row(left, self.tr("&Title:"), self.title, "title")
        self._row(left, self.tr("T&ravel dates:"), dates, "dates", buddy=self.travel_from)
        self._row(left, self.tr("N&ote:"), self.note, "note")
        self._row(right, self.tr("&Destination:"), self.codes["destination_code"])
        self._row(right, self.tr("Tra&vel type:"), self.codes["travel_type_code"])
        self._row(right, self.tr("Cost ce&ntre:"), self.codes["cost_centre_code"])
        group = QGroupBox(self.tr("Booking"))
        grid = QGridLayout(group)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return group

    def _row(self, form: QFormLayout, text: str, field, key: str | None = None, buddy=None):
        label = QLabel(text)
        label.setBuddy(buddy or field)
        key = key or field.objectName()
        cell = QVBoxLayout()
        cell.setSpacing(2)
        if isinstance(field, QWidget):
            cell.addWidget(field)
        else:
            cell.addLayout(field)
        cell.addWidget(self.messages[key])
        form.addRow(label, cell)

    def _code_combo(self, kind: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName({v: k for k, v in CODE_FIELDS.items()}[kind])
        combo.addItem("—", "")
        try:
            entries = list_entries(self.ctx.user, self.ctx.session, kind)
        except StoreError:
            entries = []  # no base-data access: only the booking's own code is offered
        for entry in entries:
            combo.addItem(f"{entry.code} – {entry.name}", entry.code)
        return combo

    def _suppliers(self) -> list[tuple[str, str]]:
        try:
            entries = list_entries(self.ctx.user, self.ctx.session, "suppliers")
        except StoreError:
            return []
        return [(entry.code, f"{entry.code} – {entry.name}") for entry in entries]

    def _table_group(
        self, title: str, table: EditableTable, key: str, add: QPushButton, extra=None
    ) -> QGroupBox:
        add.setToolTip(self.tr("Adds a line (Insert key in the table)"))
        remove = QPushButton(self.tr("Remove"))
        remove.setToolTip(self.tr("Removes the selected lines (Delete key in the table)"))
        add.clicked.connect(table.add_line)
        remove.clicked.connect(table.remove_selected)
        for button in (add, remove):
            button.setAutoDefault(False)
        table.edit_buttons = (add, remove)
        row = QHBoxLayout()
        row.addWidget(self.messages[key], 1)
        if extra is not None:
            row.addWidget(extra)
        row.addStretch()
        row.addWidget(add)
        row.addWidget(remove)
        group = QGroupBox(title)
        layout = QVBoxLayout(group)
        layout.addWidget(table)
        layout.addLayout(row)
        return group

    def _travellers_group(self) -> QGroupBox:
        self.travellers = TravellersTable()
        self.travellers.setMinimumHeight(self.travellers.verticalHeader().defaultSectionSize() * 5)
        add = QPushButton(self.tr("Add traveller"))
        return self._table_group(self.tr("Travell&ers"), self.travellers, "travellers", add)

    def _services_group(self) -> QGroupBox:
        self.services = ServiceLinesTable(self._suppliers())
        self.total = QLabel()
        self.total.setObjectName("total")
        add = QPushButton(self.tr("Add service"))
        return self._table_group(self.tr("Servi&ces"), self.services, "services", add, self.total)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setAutoDefault(False)
        self.close_button = box.addButton(QDialogButtonBox.StandardButton.Close)
        # No default button: Return in a field must neither close nor save the booking.
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(lambda: self.save_button.isEnabled() and self.save())
        self.addAction(save)
        return box

    def _set_tab_order(self) -> None:
        chain = [
            self.customer,
            self.title,
            self.travel_from,
            self.travel_to,
            self.note,
            *self.codes.values(),
            self.travellers,
            *self.travellers.edit_buttons,
            self.services,
            *self.services.edit_buttons,
            *self.actions_bar.buttons(),
            self.actions_bar.documents_button,
            self.save_button,
            self.close_button,
        ]
        set_tab_chain(*chain)

    # -- loading -------------------------------------------------------------------------------

    def _load(self, customer_id: int | None) -> None:
        booking = self.booking
        if booking is not None:
            customer_id = booking.customer_id
            self.title.setText(booking.title)
            self.travel_from.set_value(booking.travel_from)
            self.travel_to.set_value(booking.travel_to)
            self.note.setText(booking.note)
            for field, combo in self.codes.items():
                _choose(combo, getattr(booking, field))
            self.travellers.set_travellers(
                travellers_of(self.ctx.user, self.ctx.session, self.number)
            )
            self.services.set_lines(services_of(self.ctx.user, self.ctx.session, self.number))
        if customer_id is not None:
            try:
                self.customer.set_customer(customer_id)
            except ValidationError as exc:  # no longer shared with this tenant (R12)
                self._service_errors["customer"] = exc.message
            self._customer_travels()
        self._show_state()
        self._saved = self._snapshot()

    def _show_state(self) -> None:
        """Title, status, invoices and what may be edited, from the stored booking."""
        booking = self.booking
        if booking is None:
            self.setWindowTitle(self.ctx.window_title(self.tr("New booking")))
            self.actions_bar.show_booking(None, [], 0)
        else:
            title = self.tr("Booking {number} ({status})").format(
                number=booking.number, status=status_name(booking.status)
            )
            self.setWindowTitle(self.ctx.window_title(title))
            invoices = invoices_of(self.ctx.user, self.ctx.session, booking.number)
            with self.ctx.session.bound():
                open_cents = open_amount(booking)
            self.actions_bar.show_booking(booking, invoices, open_cents)
        reason = self._read_only_reason()
        self.read_only_note.setText(reason or "")
        self.read_only_note.setVisible(reason is not None)
        self._set_editable(reason)
        self._check()

    def _read_only_reason(self) -> str | None:
        if not self.may_write:
            return self.tr("You may read bookings in tenant {nr} but not change them.").format(
                nr=self.ctx.nr
            )
        if self.booking is not None and self.booking.status not in CHANGEABLE:
            return self.tr(
                "This booking is {status} and can no longer be changed; cancel it and create a "
                "new one."
            ).format(status=_(STATUS_LABELS[self.booking.status]))
        return None

    def _set_editable(self, read_only_reason: str | None) -> None:
        """Everything editable, or (with a reason) read-only and looking it, the reason as tip."""
        editable = read_only_reason is None
        tip = read_only_reason or ""
        for line in (self.customer, self.title, self.note):
            _show_read_only(line, not editable)
            line.setToolTip(tip)
        self.customer.setClearButtonEnabled(editable)
        for widget in (self.travel_from, self.travel_to, *self.codes.values()):
            widget.setEnabled(editable)
            widget.setToolTip(tip)
        for table in (self.travellers, self.services):
            table.set_read_only(not editable)
            table.setToolTip(tip)
            for button in table.edit_buttons:
                button.setEnabled(editable)

    # -- values and checks ---------------------------------------------------------------------

    def values(self) -> dict:
        """The booking fields as the service takes them."""
        return {
            "customer_id": self.customer.customer_id(),
            "title": self.title.text().strip(),
            "travel_from": self.travel_from.value(),
            "travel_to": self.travel_to.value(),
            "note": self.note.text().strip(),
            **{field: combo.currentData() for field, combo in self.codes.items()},
        }

    def _snapshot(self) -> tuple:
        return self.values(), self.travellers.travellers(), self.services.lines()

    def has_unsaved_changes(self) -> bool:
        """True if anything differs from what is stored (always for a new, edited booking)."""
        return self._read_only_reason() is None and self._snapshot() != self._saved

    def _connect_checks(self) -> None:
        self.customer.changed.connect(self._customer_changed)
        self.title.textChanged.connect(lambda: self._touch("title"))
        self.note.textChanged.connect(lambda: self._touch("note"))
        for edit in (self.travel_from, self.travel_to):
            edit.dateChanged.connect(self._dates_changed)
        for field, combo in self.codes.items():
            combo.currentIndexChanged.connect(lambda _i, field=field: self._touch(field))
        self.travellers.changed.connect(lambda: self._touch("travellers"))
        self.services.changed.connect(lambda: self._touch("services"))

    def _customer_changed(self) -> None:
        self._customer_travels()
        self._touch("customer")

    def _customer_travels(self) -> None:
        """The customer usually travels too: a new booking starts with them as traveller."""
        chosen = self.customer.chosen()
        if self.booking is None and chosen is not None and self.travellers.rowCount() == 0:
            self.travellers.add_traveller(
                chosen.salutation, chosen.first_name, chosen.last_name, chosen.birth_date
            )

    def _dates_changed(self) -> None:
        self.services.default_dates = (self.travel_from.value(), self.travel_to.value())
        if self.travel_from.value() and not self.travel_to.value():
            self.travel_to.set_default(self.travel_from.value())
        self._touch("dates")

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._service_errors.pop(key, None)
        self._check()

    def problems(self) -> dict[str, str]:
        """What keeps the booking from being saved now, by message key."""
        found = {}
        if self.customer.customer_id() is None:
            found["customer"] = self.customer.error or self.tr(
                "Choose the customer from the list of matches."
            )
        try:
            check_travel_dates(self.travel_from.value(), self.travel_to.value())
        except ValidationError as exc:
            found["dates"] = exc.message
        for key, table in (("travellers", self.travellers), ("services", self.services)):
            problem = table.problem()
            table.mark(*(problem[:2] if problem else (None, None)))
            if problem:
                found[key] = problem[2]
        return found

    def _check(self) -> None:
        problems = self.problems()
        for key, label in self.messages.items():
            text = problems.get(key, "") if key in self._touched else ""
            text = text or self._service_errors.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
        self._show_total()
        problem = next(iter(problems.values()), None)
        reason = self._read_only_reason() or problem
        self.save_button.setEnabled(reason is None)
        self.save_button.setToolTip(reason or "")
        # Read-only says why at the top already; a problem is told here even before it is
        # shown at its field (a new booking opens without any red text).
        self.save_hint.setText("" if self._read_only_reason() else problem or "")

    def _show_total(self) -> None:
        totals = self.services.totals()
        if totals is None:
            self.total.setText(self.tr("Total: –"))
            return
        price, cost = totals
        self.total.setText(
            self.tr("Total: {price}   Cost: {cost}   Margin: {margin}").format(
                price=format_money(price),
                cost=format_money(cost),
                margin=format_money(price - cost),
            )
        )

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the booking (a new one gets its number); the dialog stays open."""
        self._touched.update(MESSAGE_KEYS)
        self._check()
        if self.problems() or self._read_only_reason():
            return False
        values = self.values()
        people, lines = self.travellers.travellers(), self.services.lines()
        try:
            if self.booking is None:
                booking = create_booking(self.ctx.user, self.ctx.session, values, people, lines)
            else:
                booking = update_booking(
                    self.ctx.user, self.ctx.session, self.number, values, people, lines
                )
        except ValidationError as exc:
            self._show_service_error(exc)
            return False
        except StoreError as exc:
            show_error(self, exc)
            return False
        self.saved_changes = True
        self.number = booking.number
        self.result_label.setText(self.tr("Booking {number} saved.").format(number=booking.number))
        self._reload()
        return True

    def pending_problem(self) -> str | None:
        """Why the edits shown cannot be saved now (None: nothing pending, or they can).

        Every message is shown at its field from now on, so the user finds what to correct.
        """
        if not self.has_unsaved_changes():
            return None
        self._touched.update(MESSAGE_KEYS)
        self._check()
        found = {**self._service_errors, **self.problems()}
        return next(iter(found.values()), None)

    def _save_pending(self) -> bool:
        """Before a status action: save edits first, so the action works on what is shown.

        If they cannot be saved, the user is told why (an action must never just do nothing).
        """
        if not self.has_unsaved_changes() or self.save():
            return True
        problem = self.pending_problem()
        if problem:  # a store error was shown by save() already
            tell(self, self.tr("The changes cannot be saved, so nothing else was done:"), problem)
        return False

    def _reload(self) -> None:
        try:
            self.booking = get_booking(self.ctx.user, self.ctx.session, self.number)
            self.services.set_lines(services_of(self.ctx.user, self.ctx.session, self.number))
            self.travellers.set_travellers(
                travellers_of(self.ctx.user, self.ctx.session, self.number)
            )
            self._show_state()
        except StoreError as exc:
            show_error(self, exc)
        self._saved = self._snapshot()

    def _show_service_error(self, exc: ValidationError) -> None:
        """Put a refusal beside its field or table; others go into a message box."""
        key = self._message_key(exc.field)
        if key is None:
            show_error(self, exc)
            return
        self._service_errors[key] = exc.message
        self._check()

    def _message_key(self, field: str) -> str | None:
        if field in ("travel_from", "travel_to"):
            return "dates"
        if field in self.messages:
            return field
        line = LINE_FIELD.match(field)
        if line is None:
            return None
        travellers = line.group(1) == "traveller"
        key, table = ("travellers", self.travellers) if travellers else ("services", self.services)
        table.selectRow(int(line.group(2)) - 1)
        return key

    def _action_done(self, message: str) -> None:
        self.saved_changes = True
        self.result_label.setText(message)
        self._reload()

    def reject(self) -> None:
        """Close; unsaved changes are discarded only after asking."""
        if self.has_unsaved_changes() and not confirm(
            self, self.tr("Unsaved changes"), self.tr("Discard the changes to this booking?")
        ):
            return
        super().reject()


def _show_read_only(line: QLineEdit, read_only: bool) -> None:
    """Read-only with the background of the dialog, as the disabled fields beside it look."""
    line.setReadOnly(read_only)
    palette = QApplication.palette(line)
    if read_only:
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    line.setPalette(palette)


def _choose(combo: QComboBox, code: str) -> None:
    """Select `code`; a code the list lacks (inactive now) is added so it stays visible."""
    if combo.findData(code) < 0:
        combo.addItem(code, code)
    combo.setCurrentIndex(combo.findData(code))
