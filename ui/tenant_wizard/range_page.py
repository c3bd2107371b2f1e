"""Wizard page 4: the tenant's booking number range, proposed free and checked live (R5, R14)."""

import re

from PySide6.QtCore import QLocale
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
from tenant_store.tenant_validation import check_range_free, parse_range, proposed_booking_range

from ..actions import set_tab_chain
from .widgets import ErrorLabel, with_error

RANGE_IN_TEXT = re.compile(r"\b(\d+)-(\d+)\b")


def booking_number(value: int) -> str:
    """A booking number as the number boxes write it: grouped the UI locale's way."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # C omits the grouping
    return locale.toString(value)


def localised_ranges(message: str) -> str:
    """The store's FIRST-LAST ranges written the UI's way ("100.000–199.999" in German), so a
    message reads like the number boxes above it; the CLI keeps the plain digits."""

    def written(match: re.Match) -> str:
        return f"{booking_number(int(match[1]))}\u2013{booking_number(int(match[2]))}"

    return RANGE_IN_TEXT.sub(written, message)


def range_problem(
    nr: int, booking_range: tuple[int, int], shares: bool, tenants: list[TenantRange]
) -> str:
    """The store's objection to the range (numbers as the UI writes them), or ""."""
    try:
        checked = parse_range(booking_range, nr)
        check_range_free(nr, checked, shares, tenants)
    except ValidationError as exc:
        return localised_ranges(exc.message)
    return ""


def initial_range(nr: int, tenants: list[TenantRange]) -> tuple[int, int]:
    """What a new tenant's range boxes start with: the store's proposal of the default size."""
    return proposed_booking_range(nr, tenants) or default_booking_range(nr)


def propose_into(first: QSpinBox, last: QSpinBox, nr: int, tenants: list[TenantRange]) -> None:
    """Fill the boxes with the store's proposal for the size typed, the very range an overlap
    message names; if no gap is that large, with one of the default size."""
    size = last.value() - first.value() + 1 if first.value() <= last.value() else None
    proposal = proposed_booking_range(nr, tenants, size) or proposed_booking_range(nr, tenants)
    if proposal is not None:
        first.setValue(proposal[0])
        last.setValue(proposal[1])


def number_box(parent: QWidget) -> QSpinBox:
    """A booking number field; digits grouped as the UI's locale groups them."""
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
        self._proposed_for: int | None = None
        self.first = number_box(self)
        self.last = number_box(self)
        self.propose = QPushButton(self.tr("&Propose a free range"), self)
        self.propose.setAutoDefault(False)  # Return after a click means Next, not "again"
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
        """Propose anew whenever the number changed since the last visit."""
        self._tenants = self.inst.tenant_ranges()
        if self._nr() != self._proposed_for:
            first, last = initial_range(self._nr(), self._tenants)
            self.first.setValue(first)
            self.last.setValue(last)
            self._proposed_for = self._nr()
        self.rule.setText(
            self.tr(
                "Accounting or tickets are central, so this range must not overlap the ranges "
                "of tenant 0 and the other tenants that share them."
            )
            if self._shares()
            else self.tr(
                "Accounting and tickets are the tenant's own, so its booking numbers never meet "
                "other tenants'; any range will do."
            )
        )
        self.first.setFocus()
        self.first.selectAll()

    def _propose(self) -> None:
        propose_into(self.first, self.last, self._nr(), self._tenants)

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
