"""Choosing a booking's customer: type a few letters, pick from the matches (R8, R12)."""

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from jack_desktop.customers import get_customer, search_customers
from tenant_store import StoreError

from .context import TenantContext
from .customer_model import customer_name

ID_ROLE = Qt.ItemDataRole.UserRole
MATCHES = 20
DELAY_MS = 150


def customer_label(customer) -> str:
    """'Müller, Hans – 20095 Hamburg (no. 12)': what tells two customers apart."""
    place = f"{customer.postcode} {customer.city}".strip()
    name = customer_name(customer)
    return f"{name} – {place} ({customer.number})" if place else f"{name} ({customer.number})"


class CustomerChooser(QLineEdit):
    """A line to search customers by name, town, number...; the chosen one sets customer_id."""

    changed = Signal()  # the chosen customer changed (None while the text names none)

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._customer = None  # the chosen customer (a full record)
        self._chosen_text = ""
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Type a name, town or customer number"))
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        # The service has matched already (folded umlauts, every word): show what it found.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._chosen)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.textEdited.connect(self._edited)
        self.error = ""  # why the last search failed, for the editor to show

    def customer_id(self) -> int | None:
        """The chosen customer's id, or None while nothing (or only typed text) is chosen."""
        return self._customer.id if self._customer is not None else None

    def chosen(self):
        """The chosen customer's record, or None."""
        return self._customer

    def set_customer(self, customer_id: int | None) -> None:
        """Show the customer with this id as chosen (None clears the field).

        Raises the service's StoreError if the customer cannot be read here.
        """
        if customer_id is None:
            self._customer, self._chosen_text = None, ""
            self.setText("")
        else:
            self._customer = get_customer(self.ctx.user, self.ctx.session, customer_id)
            self._chosen_text = customer_label(self._customer)
            self.setText(self._chosen_text)
            self.setCursorPosition(0)
        self.changed.emit()

    def _edited(self, text: str) -> None:
        if self._customer is not None and text != self._chosen_text:
            self._customer = None
            self.changed.emit()
        self._timer.start()

    def search(self) -> None:
        """Offer the customers matching the typed text."""
        self._timer.stop()
        try:
            found = search_customers(self.ctx.user, self.ctx.session, self.text(), MATCHES)
        except StoreError as exc:
            self.error = str(getattr(exc, "message", exc))
            self.changed.emit()
            return
        self.error = ""
        self.matches.clear()
        for customer in found:
            item = QStandardItem(customer_label(customer))
            item.setData(customer.id, ID_ROLE)
            self.matches.appendRow(item)
        if found and self.hasFocus():
            self.completer().complete()

    def _chosen(self, index: QModelIndex) -> None:
        customer_id = index.data(ID_ROLE)
        if customer_id is None:
            return
        try:
            self.set_customer(customer_id)
        except StoreError as exc:  # unshared meanwhile (R12): as if it had not been found
            self.error = str(getattr(exc, "message", exc))
            self.changed.emit()
