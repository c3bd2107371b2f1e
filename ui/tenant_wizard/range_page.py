"""Wizard page 4: the tenant's booking number range, proposed free and checked live (R5, R14)."""

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from tenant_store import ValidationError
from tenant_store.installation import TenantRange
from tenant_store.logical import MAX_BOOKING_NUMBER, default_booking_range, shares_booking_numbers
from tenant_store.tenant_validation import check_range_free, parse_range, propose_free_range

from ..actions import set_tab_chain
from .widgets import ErrorLabel, with_error


def proposed_range(nr: int, shares: bool, tenants: list[TenantRange]) -> tuple[int, int]:
    """The default range for `nr`, moved to the first free place if it would overlap (R5)."""
    first, last = default_booking_range(nr)
    if not shares:
        return first, last
    taken = [t.booking_range for t in tenants if t.nr != nr and t.shares_booking_numbers]
    return propose_free_range(last - first + 1, first, taken) or (first, last)


def range_problem(
    nr: int, booking_range: tuple[int, int], shares: bool, tenants: list[TenantRange]
) -> str:
    """The store's objection to the range, or ""."""
    try:
        checked = parse_range(booking_range, nr)
        check_range_free(nr, checked, shares, tenants)
    except ValidationError as exc:
        return exc.message
    return ""


def number_box(parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(1, MAX_BOOKING_NUMBER)
    box.setGroupSeparatorShown(True)
    box.setFixedWidth(150)  # room for 999,999,999; both boxes line up
    return box


class RangePage(QWizardPage):
    """First and last booking number; an overlap keeps Next disabled and names the other tenant."""

    def __init__(self, inst, parent=None):
        super().__init__(parent)
        self.inst = inst
        self.setTitle(self.tr("Booking numbers"))
        self.setSubTitle(
            self.tr(
                "Bookings of the new tenant are numbered from this range. A free range has "
                "been proposed; you may change it."
            )
        )
        self._tenants: list[TenantRange] = []
        self._proposed_for: tuple[int, bool] | None = None
        self.first = number_box(self)
        self.last = number_box(self)
        self.propose = QPushButton(self.tr("&Propose a free range"), self)
        self.error = ErrorLabel(self)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self._build_layout()
        self.first.valueChanged.connect(self.completeChanged)
        self.last.valueChanged.connect(self.completeChanged)
        self.propose.clicked.connect(self._propose)
        set_tab_chain(self.first, self.last, self.propose)

    def _build_layout(self) -> None:
        first_label = QLabel(self.tr("&First number:"), self)
        first_label.setBuddy(self.first)
        last_label = QLabel(self.tr("&Last number:"), self)
        last_label.setBuddy(self.last)
        row = QHBoxLayout()
        row.addWidget(self.last)
        row.addWidget(self.propose)
        row.addStretch(1)
        last_row = QWidget(self)
        last_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(first_label, self.first)
        form.addRow(last_label, with_error(last_row, self.error))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addStretch(1)

    # -- state from earlier pages ---------------------------------------------------------------

    def _nr(self) -> int:
        return self.wizard().nr()

    def _shares(self) -> bool:
        return shares_booking_numbers(self._nr(), self.wizard().central())

    def initializePage(self) -> None:
        """Propose anew whenever the number or the R5 relevance changed since the last visit."""
        self._tenants = self.inst.tenant_ranges()
        key = (self._nr(), self._shares())
        if key != self._proposed_for:
            self._propose()
            self._proposed_for = key
        self.rule.setText(
            self.tr(
                "Accounting or tickets are central, so this range must not overlap the ranges "
                "of tenant 0 and the other tenants that share them."
            )
            if key[1]
            else self.tr(
                "Accounting and tickets are the tenant's own, so its booking numbers never meet "
                "other tenants'; any range will do."
            )
        )
        self.first.setFocus()
        self.first.selectAll()

    def _propose(self) -> None:
        first, last = proposed_range(self._nr(), self._shares(), self._tenants)
        self.first.setValue(first)
        self.last.setValue(last)

    def isComplete(self) -> bool:
        if self.wizard() is None:
            return False
        message = range_problem(self._nr(), self.booking_range(), self._shares(), self._tenants)
        self.error.show_message(message)
        return not message

    def validatePage(self) -> bool:
        """QWizard.next() does not ask isComplete(); invalid input must not pass that way."""
        return self.isComplete()

    def booking_range(self) -> tuple[int, int]:
        return self.first.value(), self.last.value()
