"""Editing a tenant: name, address, colours, logo, booking range and bookkeeping settings;
central options read-only (R3).

The central/own choices are shown, disabled, with the store's reason, so an administrator sees
what the tenant shares without being offered a change the store would refuse. So are the DATEV
numbers, fiscal year and automatic lock of a tenant with central accounting: they belong to the
books it posts into, tenant 0's.
"""

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tenant_store import CENTRAL_OPTIONS, Installation, TenantInfo, ValidationError
from tenant_store.books_settings import BOOKS_FIELDS, check_books_settings
from tenant_store.logical import label
from tenant_store.tenant_edit import fixed_reason, update_tenant
from tenant_store.tenant_validation import check_name

from .actions import set_tab_chain
from .errors import show_error
from .tenant_wizard.central_page import capitalised
from .tenant_wizard.range_page import number_box, propose_into, range_problem
from .tenant_wizard.widgets import BrandingForm, ErrorLabel, with_error


class TenantEditDialog(QDialog):
    """Change one tenant. `tenant_changed(nr)` is emitted after a successful save."""

    tenant_changed = Signal(int)

    def __init__(
        self,
        inst: Installation,
        nr: int,
        parent: QWidget | None = None,
        *,
        user: str | None = None,
    ):
        super().__init__(parent)
        self.inst = inst
        self.user = user  # who edits, for the audit trail
        self.info: TenantInfo = inst.tenant(nr)
        self._tenants = inst.tenant_ranges()
        self.setWindowTitle(
            self.tr("Edit tenant {nr} \u2013 {name}").format(nr=nr, name=self.info.name)
        )
        self.name = QLineEdit(self.info.name, self)
        self.name_error = ErrorLabel(self)
        self.branding_form = BrandingForm(self)
        self.branding_form.set_branding(self.info.branding)
        self.first = number_box(self)
        self.last = number_box(self)
        self.first.setValue(self.info.booking_range[0])
        self.last.setValue(self.info.booking_range[1])
        self.propose = QPushButton(self.tr("Propose a free &range"), self)
        self.propose.setAutoDefault(False)  # Return after a click means Save, not "again"
        self.propose.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.range_error = ErrorLabel(self)
        self.central_boxes: list[QCheckBox] = []
        self.reason = QLabel(fixed_reason(), self)
        self._make_books_fields()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._build_layout()
        self._connect()
        self._note_current_logo()
        set_tab_chain(
            self.name,
            *self.branding_form.focus_chain(),
            self.first,
            self.last,
            self.propose,
            *self.books_fields(),
            *self.buttons.buttons(),
        )
        self._check()
        self.resize(860, self.sizeHint().height())
        self.name.setFocus()

    # -- layout ---------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Number:"), QLabel(str(self.info.nr), self))
        name_label = QLabel(self.tr("Na&me:"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, with_error(self.name, self.name_error))
        # Booking numbers and bookkeeping share the left column: the dialog must fit on a
        # laptop's screen.
        left = QVBoxLayout()
        left.addWidget(self._range_group())
        left.addWidget(self._books_group(), 1)
        bottom = QHBoxLayout()
        bottom.addLayout(left, 1)
        bottom.addWidget(self._central_group(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.branding_form)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)

    def _range_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Booking numbers"), self)
        form = QFormLayout(group)
        first_label = QLabel(self.tr("&First number:"), group)
        first_label.setBuddy(self.first)
        last_label = QLabel(self.tr("Last n&umber:"), group)
        last_label.setBuddy(self.last)
        form.addRow(first_label, self.first)
        form.addRow(last_label, self.last)
        form.addRow("", with_error(self.propose, self.range_error))
        return group

    def _central_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Central databases (fixed at creation)"), self)
        layout = QVBoxLayout(group)
        for db in CENTRAL_OPTIONS:
            box = QCheckBox(capitalised(label(db)), group)
            box.setChecked(self.info.central[db.value])
            box.setEnabled(False)
            box.setToolTip(fixed_reason())
            self.central_boxes.append(box)
            layout.addWidget(box)
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        layout.addStretch(1)
        return group

    def _make_books_fields(self) -> None:
        """The bookkeeping settings; with central accounting those of tenant 0's books."""
        books = self.info.books
        self.shares_books = self.info.books_owner != self.info.nr
        owner = self.inst.tenant(0).books if self.shares_books else books
        self.invoice_prefix = QLineEdit(books.get("invoice_prefix") or "", self)
        self.invoice_prefix.setMaxLength(10)
        self.invoice_prefix.setPlaceholderText(self.tr("for example M1-"))
        self.datev_adviser = QLineEdit(_text(owner.get("datev_adviser")), self)
        self.datev_adviser.setPlaceholderText("1001 – 9999999")
        self.datev_client = QLineEdit(_text(owner.get("datev_client")), self)
        self.datev_client.setPlaceholderText("1 – 99999")
        self.fiscal_year_start = QComboBox(self)
        for month in range(1, 13):
            self.fiscal_year_start.addItem(
                QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat), month
            )
        self.fiscal_year_start.setCurrentIndex((owner.get("fiscal_year_start") or 1) - 1)
        self.lock_day = QSpinBox(self)
        self.lock_day.setRange(0, 28)
        self.lock_day.setSpecialValueText(self.tr("last day of the following month"))
        self.lock_day.setPrefix(self.tr("day "))
        self.lock_day.setSuffix(self.tr(" of the following month"))
        self.lock_day.setValue(owner.get("lock_day") or 0)
        self.books_error = ErrorLabel(self)
        self.books_reason = QLabel(
            self.tr(
                "Tenant {nr} posts into the books of tenant 0 (central accounting): the DATEV "
                "numbers, the fiscal year and the automatic lock are tenant 0's. Change them "
                "there."
            ).format(nr=self.info.nr),
            self,
        )
        self.books_reason.setWordWrap(True)
        self.books_reason.setVisible(self.shares_books)
        for field in self._owners_fields():
            field.setEnabled(not self.shares_books)
            if self.shares_books:
                field.setToolTip(self.books_reason.text())

    def _owners_fields(self) -> list[QWidget]:
        return [self.datev_adviser, self.datev_client, self.fiscal_year_start, self.lock_day]

    def books_fields(self) -> list[QWidget]:
        """The bookkeeping fields in the order Tab visits them."""
        return [self.invoice_prefix, *self._owners_fields()]

    def _books_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Bookkeeping"), self)
        form = QFormLayout(group)
        for text, field in (
            (self.tr("I&nvoice series:"), self.invoice_prefix),
            (self.tr("&DATEV adviser number:"), self.datev_adviser),
            (self.tr("DATEV client num&ber:"), self.datev_client),
            (self.tr("Fiscal year starts in:"), self.fiscal_year_start),
            (self.tr("Automatic lock on:"), self.lock_day),
        ):
            label = QLabel(text, group)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.books_error)  # the whole width: the messages are long
        form.addRow(self.books_reason)
        return group

    def books(self) -> dict:
        """The bookkeeping settings entered that differ from the stored ones."""
        values = {"invoice_prefix": self.invoice_prefix.text()}
        if not self.shares_books:
            values.update(
                datev_adviser=self.datev_adviser.text(),
                datev_client=self.datev_client.text(),
                fiscal_year_start=self.fiscal_year_start.currentData(),
                lock_day=self.lock_day.value(),
            )
        stored = self.info.books
        return {k: v for k, v in values.items() if _text(v).strip() != _text(stored.get(k))}

    def _connect(self) -> None:
        self.name.textChanged.connect(self._check)
        self.branding_form.changed.connect(self._check)
        self.first.valueChanged.connect(self._check)
        self.last.valueChanged.connect(self._check)
        self.propose.clicked.connect(self._propose)
        for edit in (self.invoice_prefix, self.datev_adviser, self.datev_client):
            edit.textChanged.connect(self._check)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _note_current_logo(self) -> None:
        """The logo field stays empty to keep the current logo; say which one that is."""
        current = self.info.branding.get("logo_file") or ""
        if current:
            self.branding_form.logo.path_edit.setPlaceholderText(
                self.tr("Keep the current logo ({file})").format(file=current)
            )

    # -- checking and saving --------------------------------------------------------------------

    def booking_range(self) -> tuple[int, int]:
        return self.first.value(), self.last.value()

    def _propose(self) -> None:
        propose_into(self.first, self.last, self.info.nr, self._tenants)

    def _check(self) -> bool:
        """Live checks with the store's messages; Save is enabled only when all pass."""
        try:
            check_name(self.name.text())
            name_message = ""
        except ValidationError as exc:
            name_message = exc.message
        self.name_error.show_message(name_message)
        range_message = range_problem(
            self.info.nr, self.booking_range(), self.info.shares_booking_numbers, self._tenants
        )
        self.range_error.show_message(range_message)
        try:
            check_books_settings(self.books())
            books_message = ""
        except ValidationError as exc:
            books_message = exc.message
        self.books_error.show_message(books_message)
        ok = (
            not name_message
            and not range_message
            and not books_message
            and self.branding_form.problem() is None
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    def accept(self) -> None:
        if not self._check():
            return
        try:
            self._save()
        except ValidationError as exc:
            self._show_beside_field(exc)
            return
        except Exception as exc:  # I/O or store trouble: a message, never a traceback
            show_error(self, exc)
            return
        self.tenant_changed.emit(self.info.nr)
        super().accept()

    def _save(self) -> None:
        # One call, all or nothing: a range refused meanwhile (numbers issued) leaves the name
        # and branding as they were too.
        changed_range = self.booking_range() != self.info.booking_range
        self.info = update_tenant(
            self.inst,
            self.info.nr,
            name=self.name.text(),
            branding=self.branding_form.branding(),
            logo=self.branding_form.logo.path(),
            booking_range=self.booking_range() if changed_range else None,
            books=self.books(),
            by=self.user,
        )

    def _show_beside_field(self, exc: ValidationError) -> None:
        if exc.field == "name":
            self.name_error.show_message(exc.message)
        elif exc.field == "booking range":
            self.range_error.show_message(exc.message)
        elif exc.field in BOOKS_FIELDS:
            self.books_error.show_message(exc.message)
        elif self.branding_form.owns(exc.field):
            self.branding_form.show_problem(exc)
        else:
            show_error(self, exc)


def _text(value) -> str:
    """A stored setting as the field shows it: '' for none."""
    return "" if value is None else str(value)
