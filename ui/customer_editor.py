"""The customer editor: address with the town from the postal code, IBAN checked as typed,
sharing with other tenants (R12) and the customer's bookings in this tenant (R8)."""

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.bookings import booking_history
from jack_desktop.customers import (
    EDITABLE,
    clean,
    country_names,
    create_customer,
    get_customer,
    iban_display,
    set_sharing,
    sharing_choices,
    sharing_of,
    town_for_postcode,
    update_customer,
)
from tenant_store import PermissionDenied, StoreError, ValidationError
from tenant_store.business_ids import iban_problem
from tenant_store.rights import Level

from .actions import set_tab_chain
from .booking_editor import BookingEditor
from .booking_model import BookingTableModel
from .context import TenantContext
from .customer_model import customer_name
from .errors import show_error
from .optional_date import OptionalDateEdit
from .sharing_box import SharingBox

ERROR_STYLE = "color: #b00020;"
TEXT_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "company",
    "street",
    "postcode",
    "city",
    "email",
    "phone",
    "mobile",
    "iban",
)
# Checked while typing (IBAN: "on the fly"); the others when the field is left.
CHECKED_AS_TYPED = ("iban",)


def inform(parent: QWidget, title: str, text: str) -> None:
    """A message the user acknowledges (its own function so tests can see it)."""
    QMessageBox.information(parent, title, text)


def ask_discard(parent: QWidget, title: str, text: str) -> bool:
    """Ask whether unsaved changes may be thrown away (its own function so tests can answer)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class CustomerEditor(QDialog):
    """Create (customer_id None) or edit a customer; read-only without write access."""

    def __init__(self, ctx: TenantContext, customer_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.customer = get_customer(ctx.user, ctx.session, customer_id) if customer_id else None
        self.may_write = ctx.rights.can("customers", Level.WRITE)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._service_errors: dict[str, str] = {}  # refusals shown until the field is edited
        self._build()
        self._load()
        self._saved_values = self.values()
        self._saved_sharing = self._sharing()
        self._connect_checks()
        self._check()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(
            self.ctx.window_title(
                self.tr("Customer {number}").format(number=self.customer.number)
                if self.customer
                else self.tr("New customer")
            )
        )
        self._make_fields()
        grid = QGridLayout()
        grid.addWidget(self._person_group(), 0, 0)
        grid.addWidget(self._contact_group(), 0, 1)
        grid.addWidget(self._address_group(), 1, 0)
        grid.addWidget(self._notes_group(), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        self.sharing = self._sharing_box()
        if self.sharing is not None:
            layout.addWidget(self.sharing)
        self.history = self._history_group()
        if self.history is not None:
            layout.addWidget(self.history, 1)
        layout.addLayout(self._button_row())
        self._set_tab_order()
        self.resize(860, 760 if self.history is not None else 520)

    def _make_fields(self) -> None:
        for name in TEXT_FIELDS:
            self.fields[name] = QLineEdit()
            self.fields[name].setObjectName(name)
        self.fields["postcode"].setMaximumWidth(self.fontMetrics().averageCharWidth() * 10 + 16)
        self.fields["iban"].setPlaceholderText("DE89 3704 0044 0532 0130 00")
        kind = QComboBox()
        kind.addItem(self.tr("Person"), "person")
        kind.addItem(self.tr("Company"), "company")
        salutation = QComboBox()
        salutation.setEditable(True)
        salutation.addItems(["", self.tr("Mr"), self.tr("Ms")])
        country = QComboBox()
        for code, name in country_names("de"):
            country.addItem(name, code)
        birth = OptionalDateEdit(default=QDate.currentDate().addYears(-40))
        birth.setMaximumDate(QDate.currentDate())
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        for name, widget in (
            ("kind", kind),
            ("salutation", salutation),
            ("country", country),
            ("birth_date", birth),
            ("notes", notes),
        ):
            widget.setObjectName(name)
            self.fields[name] = widget
        for name in EDITABLE:
            message = QLabel()
            message.setObjectName(f"{name}Message")
            message.setStyleSheet(ERROR_STYLE)
            message.setWordWrap(True)
            message.hide()
            self.messages[name] = message

    def _row(self, form: QFormLayout, text: str, *names: str) -> None:
        """A form row: label (buddy: the first field), the fields side by side, their messages."""
        label = QLabel(text)
        label.setBuddy(self.fields[names[0]])
        cell = QVBoxLayout()
        cell.setSpacing(2)
        line = QHBoxLayout()
        for name in names:
            line.addWidget(self.fields[name], 0 if name == "postcode" else 1)
        cell.addLayout(line)
        for name in names:
            cell.addWidget(self.messages[name])
        form.addRow(label, cell)

    def _group(self, title: str, rows: list[tuple[str, tuple[str, ...]]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        for text, names in rows:
            self._row(form, text, *names)
        return group

    def _person_group(self) -> QGroupBox:
        return self._group(
            self.tr("Customer"),
            [
                (self.tr("&Kind:"), ("kind",)),
                (self.tr("Sal&utation:"), ("salutation",)),
                (self.tr("T&itle:"), ("title",)),
                (self.tr("&First name:"), ("first_name",)),
                (self.tr("&Last name:"), ("last_name",)),
                (self.tr("Compan&y:"), ("company",)),
                (self.tr("Birth &date:"), ("birth_date",)),
            ],
        )

    def _address_group(self) -> QGroupBox:
        return self._group(
            self.tr("Address"),
            [
                (self.tr("St&reet:"), ("street",)),
                (self.tr("&Postcode, town:"), ("postcode", "city")),
                (self.tr("C&ountry:"), ("country",)),
            ],
        )

    def _contact_group(self) -> QGroupBox:
        return self._group(
            self.tr("Contact"),
            [
                (self.tr("P&hone:"), ("phone",)),
                (self.tr("&Mobile:"), ("mobile",)),
                (self.tr("&E-mail:"), ("email",)),
                (self.tr("I&BAN:"), ("iban",)),
            ],
        )

    def _notes_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("&Notes"))
        layout = QVBoxLayout(group)
        layout.addWidget(self.fields["notes"])
        layout.addWidget(self.messages["notes"])
        return group

    def _sharing_box(self) -> SharingBox | None:
        tenants = sharing_choices(self.ctx.session)
        if len(tenants) < 2:
            return None  # own customers file: no other tenant could see the customer anyway
        box = SharingBox(tenants, self.ctx.nr)
        box.setObjectName("sharing")
        return box

    def _history_group(self) -> QGroupBox | None:
        if self.customer is None:
            return None
        group = QGroupBox(self.tr("Bookings in tenant {nr}").format(nr=self.ctx.nr))
        self.history_model = BookingTableModel(self)
        self.history_table = QTableView()
        self.history_table.setObjectName("bookingHistory")
        self.history_table.setModel(self.history_model)
        self.history_table.setColumnHidden(BookingTableModel.CUSTOMER, True)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().hide()
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.doubleClicked.connect(
            lambda index: self._open_booking(self.history_model.number(index.row()))
        )
        self.history_note = QLabel()
        self.history_note.hide()
        self.new_booking_button = QPushButton(self.tr("New bookin&g…"))
        self.new_booking_button.clicked.connect(lambda: self._open_booking(None))
        may_book = self.ctx.rights.can("bookings", Level.WRITE)
        self.new_booking_button.setEnabled(may_book)
        if not may_book:
            self.new_booking_button.setToolTip(
                self.tr("You may not make bookings in tenant {nr}.").format(nr=self.ctx.nr)
            )
        row = QHBoxLayout()
        row.addWidget(self.history_note, 1)
        row.addStretch()
        row.addWidget(self.new_booking_button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.history_table)
        layout.addLayout(row)
        return group

    def _button_row(self) -> QHBoxLayout:
        """The buttons, and beside them why Save is disabled: a grey button alone says nothing."""
        self.save_hint = QLabel()
        self.save_hint.setObjectName("saveHint")
        self.save_hint.setStyleSheet(ERROR_STYLE)
        self.save_hint.setWordWrap(True)
        self.save_hint.hide()
        row = QHBoxLayout()
        row.addWidget(self.save_hint, 1)
        row.addWidget(self._buttons())
        return row

    def _buttons(self) -> QDialogButtonBox:
        self.button_box = QDialogButtonBox()
        self.save_button = self.button_box.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        close = self.button_box.addButton(QDialogButtonBox.StandardButton.Cancel)
        close.setText(self.tr("Close") if not self.may_write else self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(lambda: self.save_button.isEnabled() and self.save())
        self.addAction(save_action)
        return self.button_box

    def _set_tab_order(self) -> None:
        order = [
            "kind",
            "salutation",
            "title",
            "first_name",
            "last_name",
            "company",
            "birth_date",
            "street",
            "postcode",
            "city",
            "country",
            "phone",
            "mobile",
            "email",
            "iban",
            "notes",
        ]
        chain = [self.fields[name] for name in order]
        if self.sharing is not None:
            chain += [self.sharing.all_tenants, self.sharing.some_tenants, self.sharing.tenants]
        if self.history is not None:
            chain += [self.history_table, self.new_booking_button]
        chain.append(self.save_button)
        set_tab_chain(*chain)

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        if self.customer is None:
            self._set_value("country", "DE")
        else:
            for name in EDITABLE:
                self._set_value(name, getattr(self.customer, name))
            self._set_value("iban", iban_display(self.customer.iban))
            self._load_sharing()
            self._load_history()
        if not self.may_write:
            self._make_read_only()

    def _load_sharing(self) -> None:
        if self.sharing is None:
            return
        if self.customer.owner_tenant != self.ctx.nr:
            self.sharing.set_decided_elsewhere()
            return
        try:
            self.sharing.set_shared_with(
                sharing_of(self.ctx.user, self.ctx.session, self.customer_id)
            )
        except StoreError as exc:
            show_error(self, exc)

    def _load_history(self) -> None:
        try:
            rows = booking_history(self.ctx.user, self.ctx.session, self.customer_id)
        except PermissionDenied:
            self.history_table.hide()
            self.history_note.setText(
                self.tr("You have no access to bookings in tenant {nr}.").format(nr=self.ctx.nr)
            )
            self.history_note.show()
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        self.history_model.show_rows(rows)
        self.history_table.resizeColumnsToContents()
        header = self.history_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(BookingTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.history_table.setVisible(bool(rows))
        self.history_note.setVisible(not rows)
        if not rows:
            self.history_note.setText(
                self.tr("No bookings for this customer in tenant {nr}.").format(nr=self.ctx.nr)
            )
            self.history_note.show()

    def _set_value(self, name: str, value) -> None:
        widget = self.fields[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value or "")
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, OptionalDateEdit):
            widget.set_value(value)
        elif name == "salutation":
            widget.setCurrentText(value or "")
        else:
            found = widget.findData(value)
            if found < 0:  # a value the list does not offer (old data): keep it visible
                widget.addItem(value, value)
                found = widget.findData(value)
            widget.setCurrentIndex(found)

    def _make_read_only(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        if self.sharing is not None:
            self.sharing.set_read_only(True)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(
            self.tr("You may read customers in tenant {nr} but not change them.").format(
                nr=self.ctx.nr
            )
        )

    # -- values and checks ---------------------------------------------------------------------

    def values(self) -> dict:
        """The customer fields as the service takes them."""
        result = {}
        for name in EDITABLE:
            widget = self.fields[name]
            if isinstance(widget, QLineEdit):
                result[name] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                result[name] = widget.toPlainText().strip()
            elif isinstance(widget, OptionalDateEdit):
                result[name] = widget.value()
            elif name == "salutation":
                result[name] = widget.currentText().strip()
            else:
                result[name] = widget.currentData()
        return result

    def _sharing(self) -> set[int] | None:
        return self.sharing.shared_with() if self.sharing is not None else None

    def has_unsaved_changes(self) -> bool:
        """True if a field or the sharing differs from what is stored."""
        return self.values() != self._saved_values or self._sharing() != self._saved_sharing

    def _connect_checks(self) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._check)
                widget.installEventFilter(self)  # leaving a field shows what is wrong with it
                if name in CHECKED_AS_TYPED:
                    widget.textEdited.connect(lambda _text, name=name: self._touch(name))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._check)
            elif isinstance(widget, OptionalDateEdit):
                widget.dateChanged.connect(lambda _d, name=name: self._touch(name))
            else:
                widget.currentIndexChanged.connect(self._check)
                widget.currentTextChanged.connect(self._check)
        self.fields["postcode"].editingFinished.connect(self._fill_town)
        if self.sharing is not None:
            self.sharing.changed.connect(self._check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut and watched.objectName() in self.fields:
            self._touch(watched.objectName())
        return super().eventFilter(watched, event)

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        if name == "company":  # a last name or a company: the message sits at the last name
            self._touched.add("last_name")
        self._service_errors.pop(name, None)
        self._check()

    def problems(self) -> dict[str, str]:
        """What is wrong with the fields now, by field, in the service's words."""
        values = self.values()
        probes = {
            "last_name": {"last_name": values["last_name"], "company": values["company"]},
            "email": {"last_name": "-", "email": values["email"]},
            "birth_date": {"last_name": "-", "birth_date": values["birth_date"]},
            "country": {"last_name": "-", "country": values["country"]},
        }
        found = {}
        for probe in probes.values():
            try:
                clean(probe)
            except ValidationError as exc:
                found[exc.field] = exc.message
        iban = iban_problem(values["iban"])
        if iban:
            found["iban"] = iban
        return found

    def _check(self) -> None:
        problems = self.problems()
        for name, label in self.messages.items():
            text = problems.get(name, "") if name in self._touched else ""
            text = text or self._service_errors.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))
        if not self.may_write:
            return
        self.save_button.setEnabled(not problems)
        first = next((problems[name] for name in EDITABLE if name in problems), "")
        self.save_button.setToolTip(first)
        self.save_hint.setText(first)
        self.save_hint.setVisible(bool(first))

    def _show_service_error(self, exc: ValidationError) -> None:
        """Put a refusal beside its field; one without a field here goes into a message box."""
        if exc.field not in self.messages:
            show_error(self, exc)
            return
        self._service_errors[exc.field] = exc.message
        self._check()
        self.fields[exc.field].setFocus()

    def _fill_town(self) -> None:
        """The town for a known postal code, when no town is entered yet (R6)."""
        if self.fields["city"].text().strip() or not self.fields["postcode"].text().strip():
            return
        try:
            town = town_for_postcode(
                self.ctx.session, self.fields["postcode"].text(), self.values()["country"]
            )
        except StoreError:
            return  # only a convenience: the user types the town instead
        if town:
            self.fields["city"].setText(town)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save through the service; closes the dialog when it is stored."""
        self._touched.update(EDITABLE)
        self._check()
        if self.problems():
            first = next(name for name in EDITABLE if name in self.problems())
            self.fields[first].setFocus()
            return False
        try:
            if self.customer is None:
                self._create()
            else:
                self._update()
        except ValidationError as exc:
            self._show_service_error(exc)
            return False
        except StoreError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True

    def _create(self) -> None:
        created = create_customer(self.ctx.user, self.ctx.session, self.values(), self._sharing())
        self.customer, self.customer_id = created.customer, created.customer.id
        if created.likely_duplicates:
            lines = "\n".join(
                f"• {c.number}  {customer_name(c)}, {c.postcode} {c.city}".rstrip(", ")
                for c in created.likely_duplicates
            )
            inform(
                self,
                self.tr("Possible duplicate"),
                self.tr(
                    "Customer {number} is saved. These customers look the same; "
                    "please check whether it is a duplicate:\n\n{customers}"
                ).format(number=created.customer.number, customers=lines),
            )

    def _update(self) -> None:
        if self.values() != self._saved_values:
            update_customer(self.ctx.user, self.ctx.session, self.customer_id, self.values())
        owner_here = self.customer.owner_tenant == self.ctx.nr
        if self.sharing is not None and owner_here and self._sharing() != self._saved_sharing:
            set_sharing(self.ctx.user, self.ctx.session, self.customer_id, self._sharing())

    def reject(self) -> None:
        """Close; unsaved changes are discarded only after asking."""
        if self.may_write and self.has_unsaved_changes():
            title = self.tr("Unsaved changes")
            if not ask_discard(self, title, self.tr("Discard the changes to this customer?")):
                return
        super().reject()

    # -- bookings ------------------------------------------------------------------------------

    def _open_booking(self, number: int | None) -> None:
        try:
            editor = BookingEditor(self.ctx, number, self, customer_id=self.customer_id)
        except StoreError as exc:
            show_error(self, exc)
            return
        editor.exec()
        self._load_history()
