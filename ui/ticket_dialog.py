"""The "New ticket" dialog: one issued flight ticket, checked as it is typed."""

import re

from PySide6.QtCore import QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.formats import date_pattern
from jack_desktop.money import parse_amount
from jack_desktop.tickets import REQUIRED, add_ticket, normalise_number, normalise_route
from tenant_store import StoreError, ValidationError
from tenant_store.models.tickets import Ticket

from .actions import set_tab_chain
from .context import TenantContext
from .errors import show_error

ERROR_STYLE = "color: #b3261e;"
AIRLINE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{2}$")


def _with_error(field: QWidget) -> tuple[QWidget, QLabel]:
    """The field with a hidden message label under it, for the form's field column."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    error = QLabel()
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    layout.addWidget(field)
    layout.addWidget(error)
    return box, error


class TicketDialog(QDialog):
    """Enter a ticket; OK saves it through the ticket service and keeps it in `.ticket`."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ticket: Ticket | None = None
        self.setWindowTitle(ctx.window_title(self.tr("New ticket")))
        self._build_fields()
        self._build_layout()
        for edit in self._edits.values():
            edit.textChanged.connect(self._check)
            # Told when leaving the field, not at every keystroke of a half-typed number.
            edit.editingFinished.connect(self._check_left_field)
        self._check()

    def _build_fields(self) -> None:
        self.number = QLineEdit()
        self.number.setPlaceholderText("220-1234567890")
        self.number.setValidator(_validator(r"[0-9 \-]{0,20}", self))
        self.airline = QLineEdit()
        self.airline.setPlaceholderText("LH")
        self.airline.setMaxLength(2)
        self.airline.setValidator(_validator(r"[A-Za-z0-9]{0,2}", self))
        self.passenger = QLineEdit()
        self.passenger.setPlaceholderText(self.tr("MUELLER/HANS MR"))
        self.route = QLineEdit()
        self.route.setPlaceholderText("FRA-JFK-FRA")
        self.fare = QLineEdit()
        self.fare.setPlaceholderText("0,00")
        self.taxes = QLineEdit()
        self.taxes.setPlaceholderText("0,00")
        self.issued_on = QDateEdit(QDate.currentDate())
        self.issued_on.setDisplayFormat(date_pattern())
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setMaximumDate(QDate.currentDate())  # never in the future
        self.booking_number = QLineEdit()
        self.booking_number.setPlaceholderText(self.tr("optional"))
        self.booking_number.setValidator(_validator(r"[0-9]{0,9}", self))
        self._edits = {
            "number": self.number,
            "airline": self.airline,
            "passenger": self.passenger,
            "route": self.route,
            "fare": self.fare,
            "taxes": self.taxes,
            "booking_number": self.booking_number,
        }

    def _build_layout(self) -> None:
        form = QFormLayout()
        self._errors: dict[str, QLabel] = {}
        rows = (
            ("number", self.tr("Ticket &number:"), self.number),
            ("airline", self.tr("&Airline:"), self.airline),
            ("passenger", self.tr("&Passenger:"), self.passenger),
            ("route", self.tr("&Route:"), self.route),
            ("fare", self.tr("&Fare:"), self.fare),
            ("taxes", self.tr("Ta&xes:"), self.taxes),
            ("issued_on", self.tr("&Issued on:"), self.issued_on),
            ("booking_number", self.tr("&Booking number:"), self.booking_number),
        )
        for name, text, field in rows:
            box, self._errors[name] = _with_error(field)
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        order = [field for _, _, field in rows] + [
            self.ok_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        set_tab_chain(*order)
        self.setMinimumWidth(460)

    def values(self) -> dict:
        """The fields as the ticket service takes them."""
        return {
            "number": self.number.text(),
            "airline": self.airline.text().upper(),
            "passenger": self.passenger.text(),
            "route": self.route.text(),
            "fare": self.fare.text(),
            "taxes": self.taxes.text() or "0",
            "issued_on": self.issued_on.date().toPython(),
            "booking_number": self.booking_number.text(),
        }

    def _check(self) -> None:
        """OK only when every field is locally valid; a corrected field loses its message."""
        complete = True
        for name, edit in self._edits.items():
            text = edit.text().strip()
            message = self._local_error(name, text) if text else None
            if message is None:
                self._show_error(name, None)
            if message or (not text and name in REQUIRED):
                complete = False
        self.ok_button.setEnabled(complete)

    def _check_left_field(self) -> None:
        name = next(n for n, edit in self._edits.items() if edit is self.sender())
        text = self._edits[name].text().strip()
        self._show_error(name, self._local_error(name, text) if text else None)

    def _local_error(self, name: str, text: str) -> str | None:
        try:
            if name == "number":
                normalise_number(text)
            elif name == "route":
                normalise_route(text)
            elif name in ("fare", "taxes"):
                parse_amount(name, text)
            elif name == "airline" and not AIRLINE.match(text.upper()):
                return self.tr("Enter two letters or digits, e.g. LH.")
        except ValidationError as exc:
            return exc.message
        return None

    def _show_error(self, name: str, message: str | None) -> None:
        label = self._errors[name]
        label.setText(message or "")
        label.setVisible(bool(message))
        _fit_height(self)

    def accept(self) -> None:
        try:
            self.ticket = add_ticket(self.ctx.user, self.ctx.session, self.values())
        except ValidationError as exc:
            if exc.field in self._errors:
                self._show_error(exc.field, exc.message)
                widget = self._edits.get(exc.field, self.issued_on)
                widget.setFocus()
            else:
                show_error(self, exc)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()


def _fit_height(dialog: QDialog) -> None:
    """Grow the dialog when a wrapped message needs more room than it has."""
    layout = dialog.layout()
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalMinimumSize().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def _validator(pattern: str, parent: QWidget) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(pattern), parent)
