"""Recording a customer's payment on an invoiced booking."""

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from jack_desktop.invoicing import record_payment
from jack_desktop.money import amount_input, format_money, parse_amount, to_cents
from tenant_store import StoreError, ValidationError
from tenant_store.models.bookings import Payment

from .context import TenantContext
from .errors import show_error

ERROR_STYLE = "color: #b00020;"


class PaymentDialog(QDialog):
    """Amount (the open amount offered), date received, transfer or cash; OK records it."""

    def __init__(
        self, ctx: TenantContext, number: int, open_cents: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.number, self.open_cents = ctx, number, open_cents
        self.payment: Payment | None = None
        self.setWindowTitle(
            ctx.window_title(self.tr("Payment for booking {number}").format(number=number))
        )
        self.setMinimumWidth(440)
        self.amount = QLineEdit(amount_input(open_cents))
        self.amount.setObjectName("amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.received_on = QDateEdit(QDate.currentDate())
        self.received_on.setDisplayFormat(date_pattern())
        self.received_on.setCalendarPopup(True)
        self.received_on.setMaximumDate(QDate.currentDate())
        self.method = QComboBox()
        self.method.addItem(self.tr("Bank transfer"), "transfer")
        self.method.addItem(self.tr("Cash"), "cash")
        self.messages = {name: self._message() for name in ("amount", "received_on", "method")}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Record payment"))
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.amount.textChanged.connect(self._check)
        self.amount.selectAll()
        self._check()

    def _message(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Open amount:")), QLabel(format_money(self.open_cents)))
        for text, field, name in (
            (self.tr("&Amount received:"), self.amount, "amount"),
            (self.tr("Received &on:"), self.received_on, "received_on"),
            (self.tr("&Method:"), self.method, "method"),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            form.addRow("", self.messages[name])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.amount, self.received_on)
        self.setTabOrder(self.received_on, self.method)
        self.setTabOrder(self.method, self.ok_button)

    def _show(self, field: str, text: str) -> None:
        for name, label in self.messages.items():
            label.setText(text if name == field else "")
            label.setVisible(name == field and bool(text))

    def _check(self) -> None:
        """OK only for an amount from 0,01 up to the open amount."""
        try:
            cents = to_cents(parse_amount("amount", self.amount.text()))
        except ValidationError as exc:
            problem = exc.message
        else:
            problem = ""
            if cents == 0:
                problem = self.tr("Enter the amount received.")
            elif cents > self.open_cents:
                problem = self.tr("That is more than the open amount of {open}.").format(
                    open=format_money(self.open_cents)
                )
        self._show("amount", problem if self.amount.text().strip() else "")
        self.ok_button.setEnabled(not problem)

    def record(self) -> None:
        """Record the payment through the service; a refusal is shown beside its field."""
        try:
            self.payment = record_payment(
                self.ctx.user,
                self.ctx.session,
                self.number,
                self.amount.text(),
                self.received_on.date().toPython(),
                self.method.currentData(),
            )
        except ValidationError as exc:
            if exc.field in self.messages:
                self._show(exc.field, exc.message)
            else:
                show_error(self, exc)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        self.accept()
