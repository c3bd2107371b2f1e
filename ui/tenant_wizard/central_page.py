"""Wizard page 2: which databases stay central, i.e. shared with tenant 0 (R2, R3)."""

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from tenant_store import CENTRAL_OPTIONS, Logical
from tenant_store.logical import label

from ..actions import set_tab_chain


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class CentralPage(QWizardPage):
    """One check box per central option, each explained in a sentence, and the R3 warning."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Central databases"))
        self.setSubTitle(
            self.tr(
                "A central database is tenant 0's: the new tenant works in the same data instead "
                "of its own copy. Everything not ticked here belongs to the tenant alone."
            )
        )
        self.boxes: dict[Logical, QCheckBox] = {}
        layout = QVBoxLayout(self)
        explanations = self._explanations()
        for db in CENTRAL_OPTIONS:
            box = QCheckBox(capitalised(label(db)), self)
            self.boxes[db] = box
            layout.addWidget(box)
            layout.addWidget(self._explanation(explanations[db]))
        layout.addSpacing(8)
        layout.addWidget(self._warning())
        layout.addStretch(1)
        set_tab_chain(*self.boxes.values())

    def _explanations(self) -> dict[Logical, str]:
        return {
            Logical.POSTAL: self.tr(
                "One list of postal codes and towns for all tenants: an edit in one tenant "
                "is seen in all."
            ),
            Logical.CUSTOMERS: self.tr(
                "Clerks of all tenants see the same customers and every change to them; "
                "each tenant still sees only its own bookings."
            ),
            Logical.TICKETS: self.tr(
                "Ticket lists and reconciliation are done in tenant 0, where the bookings of "
                "all tenants are seen together; booking numbers must then not overlap."
            ),
            Logical.NOTES: self.tr(
                "Desktop notes and circulars can be sent to and received from the users of "
                "all tenants."
            ),
            Logical.ACCOUNTING: self.tr(
                "Every posting goes into tenant 0's accounting with one chart of accounts, and "
                "tenant 0 sees the consolidation; booking numbers must then not overlap."
            ),
        }

    def _explanation(self, text: str) -> QLabel:
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        explanation.setIndent(24)  # under the check box's text, not its box
        explanation.setEnabled(False)  # secondary text in the style's muted colour
        return explanation

    def _warning(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        icon = QLabel(box)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        text = QLabel(
            self.tr(
                "<b>Decide carefully:</b> these choices are fixed when the tenant is created. "
                "Accounting in particular cannot be changed later (central or own); changing "
                "your mind means creating another tenant."
            ),
            box,
        )
        text.setWordWrap(True)
        row.addWidget(icon)
        row.addWidget(text, 1)
        return box

    def initializePage(self) -> None:
        next(iter(self.boxes.values())).setFocus()

    def central(self) -> frozenset[Logical]:
        return frozenset(db for db, box in self.boxes.items() if box.isChecked())
