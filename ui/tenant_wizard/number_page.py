"""Wizard page 1: the new tenant's number, name and branding (R1, R14)."""

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from tenant_store import MAX_TENANT_NR, Installation, ValidationError
from tenant_store.installation import TenantRange, unused_colour
from tenant_store.logical import default_booking_range
from tenant_store.tenant_validation import (
    CheckedSpec,
    check_against_registry,
    check_name,
    parse_tenant_nr,
)

from ..actions import set_tab_chain
from .widgets import BrandingForm, ErrorLabel, with_error


def next_free_number(tenants: list[TenantRange]) -> int:
    taken = {t.nr for t in tenants}
    return next(n for n in range(1, MAX_TENANT_NR + 2) if n not in taken)


def number_problem(nr: int, tenants: list[TenantRange]) -> str:
    """The store's objection to `nr` as a new tenant number, or ""."""
    try:
        parse_tenant_nr(nr)
        # Only the number is known on this page; without central databases the store's
        # registry check looks at the number alone (the range is checked on its own page).
        probe = CheckedSpec(nr, "", frozenset(), frozenset(), default_booking_range(nr), {}, None)
        check_against_registry(probe, tenants)
    except ValidationError as exc:
        return exc.message
    return ""


class NumberPage(QWizardPage):
    """Number, name, address, colours and logo; Next stays disabled while any is invalid."""

    def __init__(self, inst: Installation, parent=None):
        super().__init__(parent)
        self.inst = inst
        self.setTitle(self.tr("Number, name and branding"))
        self.setSubTitle(
            self.tr(
                "The number names the tenant's folder and never changes; name, address, "
                "colours and logo appear on screen and on documents and can be edited later."
            )
        )
        self._tenants = inst.tenant_ranges()
        self.number = QSpinBox(self)
        self.number.setRange(1, MAX_TENANT_NR)
        self.number.setValue(next_free_number(self._tenants))
        self.number.setMaximumWidth(120)
        self.number_error = ErrorLabel(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Reisebüro Nord GmbH"))
        self.name_error = ErrorLabel(self)
        self.branding_form = BrandingForm(self)
        # Most tenants are in tenant 0's country; an empty code would only be an error.
        self.branding_form.edits["country"].setText(inst.tenant(0).branding.get("country") or "")
        # The badge must tell the new tenant from the others at a glance (R11).
        self.branding_form.colour.set_colour(unused_colour(inst))
        self._build_layout()
        self.number.valueChanged.connect(self.completeChanged)
        self.name.textChanged.connect(self.completeChanged)
        self.branding_form.changed.connect(self.completeChanged)
        set_tab_chain(self.number, self.name, *self.branding_form.focus_chain())

    def _build_layout(self) -> None:
        form = QFormLayout()
        number_label = QLabel(self.tr("Tenant n&umber:"), self)
        number_label.setBuddy(self.number)
        name_label = QLabel(self.tr("Na&me:"), self)
        name_label.setBuddy(self.name)
        form.addRow(number_label, with_error(self.number, self.number_error))
        form.addRow(name_label, with_error(self.name, self.name_error))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.branding_form, 1)

    def initializePage(self) -> None:
        self._tenants = self.inst.tenant_ranges()  # another admin may have created one meanwhile
        self.number.setFocus()

    def isComplete(self) -> bool:
        number_message = number_problem(self.number.value(), self._tenants)
        self.number_error.show_message(number_message)
        try:
            check_name(self.name.text())
            name_message = ""
        except ValidationError as exc:
            name_message = exc.message
        # A name not yet typed is not an error to shout about, only a reason to wait.
        self.name_error.show_message(name_message if self.name.isModified() else "")
        branding_problem = self.branding_form.problem()
        return not number_message and not name_message and branding_problem is None

    def validatePage(self) -> bool:
        """QWizard.next() does not ask isComplete(); invalid input must not pass that way."""
        return self.isComplete()

    # -- what the wizard reads ------------------------------------------------------------------

    def nr(self) -> int:
        return self.number.value()

    def tenant_name(self) -> str:
        return self.name.text().strip()

    def branding(self) -> dict[str, str]:
        return self.branding_form.branding()

    def logo(self) -> Path | None:
        return self.branding_form.logo.path()
