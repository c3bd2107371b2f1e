"""Wizard page 3: which of tenant 0's own databases are copied; the rest start empty (R2)."""

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWizardPage

from tenant_store import LOGICAL_DBS, Logical, ValidationError
from tenant_store.logical import DEFAULT_COPY, label
from tenant_store.tenant_validation import parse_copy

from ..actions import set_tab_chain
from .central_page import capitalised
from .widgets import ErrorLabel


class CopyPage(QWizardPage):
    """A check box per database; the central ones are shared, so they cannot be copied."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Data to copy from tenant 0"))
        self.setSubTitle(
            self.tr(
                "Ticked databases start as a copy of tenant 0's; the others start empty. "
                "Base data is usually copied, customers and bookings usually not."
            )
        )
        self._central: frozenset[Logical] = frozenset()
        self.boxes: dict[Logical, QCheckBox] = {}
        self.notes: dict[Logical, QLabel] = {}
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        explanations = self._explanations()
        for db in LOGICAL_DBS:
            box = QCheckBox(capitalised(label(db)), self)
            box.setChecked(db in DEFAULT_COPY)
            box.toggled.connect(self.completeChanged)
            note = QLabel(explanations[db], self)
            note.setWordWrap(True)
            note.setIndent(24)
            note.setEnabled(False)
            self.boxes[db], self.notes[db] = box, note
            layout.addWidget(box)
            layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        set_tab_chain(*self.boxes.values())

    def _explanations(self) -> dict[Logical, str]:
        return {
            Logical.BASEDATA: self.tr(
                "Destinations, travel types and parameters: usually copied, so the tenant "
                "can start working at once."
            ),
            Logical.POSTAL: self.tr("Postal codes and towns: copy to start with tenant 0's list."),
            Logical.CUSTOMERS: self.tr("Customers: usually not copied; the tenant starts empty."),
            Logical.BOOKINGS: self.tr(
                "Bookings: usually not copied. Booking numbers start afresh in the tenant's "
                "own range either way."
            ),
            Logical.TICKETS: self.tr("Tickets: usually not copied."),
            Logical.NOTES: self.tr("Desktop notes: usually not copied."),
            Logical.ACCOUNTING: self.tr(
                "Accounting: the tenant gets tenant 0's chart of accounts either way, but never "
                "its postings."
            ),
        }

    def initializePage(self) -> None:
        """Central databases (chosen on the previous page) are greyed out and unticked."""
        self._central = self.wizard().central()
        central_note = self.tr("Central: the tenant uses tenant 0's data, nothing to copy.")
        explanations = self._explanations()
        for db, box in self.boxes.items():
            is_central = db in self._central
            if is_central:
                box.setChecked(False)
            box.setEnabled(not is_central)
            self.notes[db].setText(central_note if is_central else explanations[db])
        next(box for box in self.boxes.values() if box.isEnabled()).setFocus()

    def isComplete(self) -> bool:
        try:
            parse_copy([db.value for db in self.copy()], self._central)
        except ValidationError as exc:
            self.error.show_message(exc.message)
            return False
        self.error.show_message("")
        return True

    def validatePage(self) -> bool:
        """QWizard.next() does not ask isComplete(); invalid input must not pass that way."""
        return self.isComplete()

    def copy(self) -> frozenset[Logical]:
        return frozenset(db for db, box in self.boxes.items() if box.isChecked())
