"""The status buttons of a booking: book, invoice, record a payment, cancel (with credit note),
and its documents: the travel confirmation and each invoice or credit note as PDF. An invoice
is printed from the archive: the file opened is a copy of the PDF archived when it was issued,
byte for byte, and the line below the buttons says so.

Each is enabled only in the status where the service allows it and with write access to
bookings (documents: read access); a disabled button says why in its tooltip. An action that
cannot start because the editor's changes cannot be saved says so in a message. Irreversible
steps (invoice, cancel) ask first. The services still decide: a refusal is shown with their
message.
"""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from jack_desktop.bookings import FIRM, confirm_booking, status_name
from jack_desktop.invoicing import cancel_booking, invoice_booking, invoice_label
from jack_desktop.money import format_money
from tenant_store import StoreError
from tenant_store.models.bookings import Booking, Invoice
from tenant_store.rights import Level

from .context import TenantContext
from .documents import document_action, fill_print_menu, make_document, print_button
from .errors import show_error
from .optional_date import date_text
from .payment_dialog import PaymentDialog


def confirm(parent: QWidget, title: str, text: str, *, default_yes: bool = True) -> bool:
    """Ask a yes/no question; for an irreversible step No is the default (Return says no)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, default)
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, text: str, detail: str = "") -> None:
    """Say why something the user asked for was not done (a warning with the details below)."""
    QMessageBox.warning(parent, "Jack Desktop", f"{text}\n\n{detail}" if detail else text)


class BookingActions(QWidget):
    """Status, invoices and open amount of a booking, with the buttons that move it on."""

    done = Signal(str)  # an action succeeded: what happened, for the editor to show and reload

    def __init__(
        self,
        ctx: TenantContext,
        before: Callable[[], bool],
        pending_problem: Callable[[], str | None],
        parent=None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.before = before  # saves pending edits first; False stops the action
        self.pending_problem = pending_problem  # why the pending edits cannot be saved
        self.booking: Booking | None = None
        self.open_cents = 0
        self.may_write = ctx.rights.can("bookings", Level.WRITE)
        self.status = QLabel()
        self.status.setObjectName("bookingStatus")
        self.status.setStyleSheet("font-weight: bold;")
        self.invoices = QLabel()
        self.invoices.setObjectName("invoices")
        self.invoices.setWordWrap(True)
        self.document_note = QLabel()  # which archived original a printed invoice is
        self.document_note.setObjectName("documentNote")
        self.document_note.setWordWrap(True)
        self.book_button = self._button(self.tr("&Book"), self.book)
        self.invoice_button = self._button(self.tr("&Invoice"), self.invoice)
        self.pay_button = self._button(self.tr("Record &payment…"), self.record_payment)
        self.cancel_button = self._button(self.tr("Cance&l booking…"), self.cancel)
        # Ctrl+P works anywhere in the editor, not only in this row.
        self.documents_button = print_button(parent or self, text=self.tr("Docu&ments"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.documents_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addSpacing(16)
        top.addWidget(self.invoices, 1)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.document_note)
        self.show_booking(None, [], 0)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def buttons(self) -> list[QPushButton]:
        """The status buttons in their order (the documents button follows them)."""
        return [self.book_button, self.invoice_button, self.pay_button, self.cancel_button]

    # -- showing -------------------------------------------------------------------------------

    def show_booking(self, booking: Booking | None, invoices: list[Invoice], open_cents: int):
        """Show the booking's status and invoices and enable what is possible now."""
        self.booking, self.open_cents = booking, open_cents
        if booking is None:
            self.status.setText(self.tr("Status: new (not saved yet)"))
        else:
            self.status.setText(
                self.tr("Status: {status}").format(status=status_name(booking.status))
            )
        self.invoices.setText(self._invoices_text(invoices))
        self.issued = {invoice.number: invoice for invoice in invoices}
        self._enable()
        fill_print_menu(self.documents_button, self._document_actions(invoices))

    def _invoices_text(self, invoices: list[Invoice]) -> str:
        parts = []
        for invoice in invoices:
            text = self.tr("Invoice {number} of {date}: {amount}")
            if invoice.kind == "credit":
                text = self.tr("Credit note {number} of {date}: {amount}")
            parts.append(
                text.format(
                    number=invoice_label(invoice),
                    date=date_text(invoice.issued_on),
                    amount=format_money(invoice.total_cents),
                )
            )
        if invoices:
            parts.append(self.tr("open: {amount}").format(amount=format_money(self.open_cents)))
        return " · ".join(parts)

    def _enable(self) -> None:
        status = self.booking.status if self.booking else None
        reasons = {
            self.book_button: None
            if status == "offer"
            else self.tr("Only an offer can be booked."),
            self.invoice_button: None
            if status == "booked"
            else self.tr("Only a booked booking can be invoiced."),
            self.pay_button: self._payment_reason(status),
            self.cancel_button: None
            if status in ("offer", "booked", "invoiced")
            else self.tr("This booking is cancelled already."),
        }
        for button, reason in reasons.items():
            if not self.may_write:
                reason = self.tr("You may read bookings in tenant {nr} but not change them.")
                reason = reason.format(nr=self.ctx.nr)
            elif self.booking is None:
                reason = self.tr("Save the booking first.")
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def _payment_reason(self, status: str | None) -> str | None:
        if status != "invoiced":
            return self.tr("Only an invoiced booking can be paid.")
        if self.open_cents <= 0:
            return self.tr("Nothing is open on this booking.")
        return None

    def _document_actions(self, invoices: list[Invoice]) -> list:
        menu = self.documents_button.menu()  # owns the entries, which are remade on each show
        reason = None
        if self.booking is None:
            reason = self.tr("Save the booking first.")
        elif self.booking.status not in FIRM:
            reason = self.tr("A travel confirmation is made once the booking is booked.")
        actions = [
            document_action(menu, self.tr("Travel &confirmation"), self.print_confirmation, reason)
        ]
        for invoice in invoices:
            text = self.tr("Invoice {number}")
            if invoice.kind == "credit":
                text = self.tr("Credit note {number}")
            actions.append(
                document_action(
                    menu,
                    text.format(number=invoice_label(invoice)),
                    lambda _checked=False, n=invoice.number: self.print_invoice(n),
                )
            )
        return actions

    # -- actions -------------------------------------------------------------------------------

    def _ready(self, title: str = "", question: str = "") -> bool:
        """Start an action: the booking is stored, the user agreed (if asked), edits are saved.

        Edits that cannot be saved stop it with a message saying what to correct; they are
        checked before asking, and saved only after a yes, so that No changes nothing.
        """
        if self.booking is None:
            return False
        problem = self.pending_problem()
        if problem:
            tell(self, self.tr("First correct the booking; as it is, it cannot be saved:"), problem)
            return False
        if question and not confirm(self, title, question, default_yes=False):
            return False
        return self.before()

    def book(self) -> None:
        """Offer -> booked."""
        if not self._ready():
            return
        try:
            confirm_booking(self.ctx.user, self.ctx.session, self.booking.number)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.done.emit(self.tr("Booking {number} is booked.").format(number=self.booking.number))

    def invoice(self) -> None:
        """Invoice the booked booking after asking; the message names the new invoice number."""
        if self.booking is None:
            return
        question = self.tr(
            "Invoice booking {number}?\n\nThis issues the next invoice number and posts the "
            "invoice to the books. It cannot be changed afterwards; only a cancellation with a "
            "credit note can undo it."
        ).format(number=self.booking.number)
        if not self._ready(self.tr("Invoice booking"), question):
            return
        try:
            invoice = invoice_booking(self.ctx.user, self.ctx.session, self.booking.number)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.done.emit(
            self.tr("Invoice {invoice} issued for {amount}.").format(
                invoice=invoice_label(invoice), amount=format_money(invoice.total_cents)
            )
        )

    def record_payment(self) -> None:
        """Ask for the amount received and record it."""
        if not self._ready():
            return
        dialog = PaymentDialog(self.ctx, self.booking.number, self.open_cents, self)
        if dialog.exec() != PaymentDialog.DialogCode.Accepted or dialog.payment is None:
            return
        self.done.emit(
            self.tr("Payment of {amount} recorded.").format(
                amount=format_money(dialog.payment.amount_cents)
            )
        )

    def print_confirmation(self) -> None:
        """The travel confirmation as PDF, saved in the tenant's folder and opened."""
        if not self._ready():
            return
        # Imported on use: reportlab would slow down opening every booking.
        from jack_desktop.documents.confirmation import save_confirmation

        number = self.booking.number
        make_document(
            self,
            self.ctx,
            self.tr("Making the travel confirmation…"),
            lambda user, session: save_confirmation(user, session, number),
        )

    def print_invoice(self, invoice_number: int) -> None:
        """A copy of the archived invoice or credit note, saved and opened; says it is one."""
        if self.booking is None:
            return
        from jack_desktop.documents.invoice import save_invoice

        number = self.booking.number
        invoice = self.issued.get(invoice_number)
        label = invoice_label(invoice) if invoice else str(invoice_number)
        path = make_document(
            self,
            self.ctx,
            self.tr("Making invoice {number}…").format(number=label),
            lambda user, session: save_invoice(user, session, number, invoice_number),
            writes=True,  # one not archived yet is archived at its first print
        )
        if path is None or invoice is None:
            return
        text = self.tr(
            "Invoice {number}: a copy of the archived original of {date}, unchanged. {path}"
        )
        if invoice.kind == "credit":
            text = self.tr(
                "Credit note {number}: a copy of the archived original of {date}, unchanged. {path}"
            )
        self.document_note.setText(
            text.format(number=invoice_label(invoice), date=date_text(invoice.issued_on), path=path)
        )

    def cancel(self) -> None:
        """Cancel after asking; an invoiced booking gets a credit note."""
        if self.booking is None:
            return
        number = self.booking.number
        question = self.tr("Cancel booking {number}? This cannot be undone.").format(number=number)
        if self.booking.status == "invoiced":
            question += " " + self.tr("The invoice is reversed by a credit note.")
        if not self._ready(self.tr("Cancel booking"), question):
            return
        try:
            credit = cancel_booking(self.ctx.user, self.ctx.session, number)
        except StoreError as exc:
            show_error(self, exc)
            return
        text = self.tr("Booking {number} is cancelled.").format(number=number)
        if credit is not None:
            text += " " + self.tr("Credit note {credit} issued.").format(
                credit=invoice_label(credit)
            )
        self.done.emit(text)
