"""Base data: destinations, travel types, cost centres, suppliers, parameters; postal-code import.

Base data is the tenant's own (never central), so edits change this tenant only; entries are
deactivated, never deleted, because bookings refer to their codes. The entry dialog lives here
too: it is only ever opened from this view.
"""

from pathlib import Path

import peewee
from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.basedata import (
    KINDS,
    PARAMETERS,
    SUPPLIER_KINDS,
    VAT_SCHEMES,
    list_entries,
    list_parameters,
    save_entry,
    set_active,
    set_parameter,
)
from jack_desktop.postal_import import ImportResult, import_postal_codes
from tenant_store import Installation, StoreError, ValidationError
from tenant_store.i18n import _
from tenant_store.rights import Level

from .actions import action_button, set_tab_chain, view_action
from .context import TenantContext
from .errors import show_error
from .tasks import run_with_progress

ERROR_STYLE = "color: #b3261e;"
KIND_ORDER = ("destinations", "travel_types", "cost_centres", "suppliers")
# Parameters whose values are texts of several lines (invoice and confirmation texts).
LONG_TEXTS = {
    "invoice.header_text",
    "invoice.footer_text",
    "invoice.vat_note_margin",
    "invoice.vat_note_agency",
    "confirmation.text",
}


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class _Labels(QObject):
    """The translated names of tables, fields and choices (one place for lupdate to find)."""

    def table(self, kind: str) -> str:
        return {
            "destinations": self.tr("Destinations"),
            "travel_types": self.tr("Travel types"),
            "cost_centres": self.tr("Cost centres"),
            "suppliers": self.tr("Suppliers"),
        }[kind]

    def field(self, name: str) -> str:
        return {
            "code": self.tr("&Code:"),
            "name": self.tr("&Name:"),
            "country": self.tr("C&ountry:"),
            "vat_scheme": self.tr("&VAT scheme:"),
            "kind": self.tr("&Kind:"),
        }[name]

    def choice(self, field: str, value: str) -> str:
        labels = {
            "vat_scheme": {
                "margin": self.tr("Margin scheme (§ 25 UStG)"),
                "agency": self.tr("Agency (commission)"),
                "standard": self.tr("Standard VAT"),
            },
            "kind": {
                "operator": self.tr("Tour operator"),
                "airline": self.tr("Airline"),
                "rail": self.tr("Rail"),
                "cruise": self.tr("Cruise line"),
                "insurance": self.tr("Insurance"),
                "car": self.tr("Car rental"),
                "hotel": self.tr("Hotel"),
                "other": self.tr("Other"),
            },
        }
        return labels.get(field, {}).get(value, value)

    def parameter(self, key: str) -> str:
        return {
            "vat.standard_percent": self.tr("Standard VAT rate (%):"),
            "vat.reduced_percent": self.tr("Reduced VAT rate (%):"),
            "payment.terms_days": self.tr("Payment terms (days):"),
            "payment.deposit_percent": self.tr("Deposit (% of the price):"),
            "payment.balance_days_before_departure": self.tr(
                "Balance due (days before departure):"
            ),
            "invoice.header_text": self.tr("Invoice header:"),
            "invoice.footer_text": self.tr("Invoice footer:"),
            "invoice.vat_note_margin": self.tr("VAT note, margin scheme:"),
            "invoice.vat_note_agency": self.tr("VAT note, agency business:"),
            "confirmation.text": self.tr("Booking confirmation text:"),
            "currency": self.tr("Currency:"),
            "document.language": self.tr("Document language (de or en):"),
        }.get(key, key + ":")


CHOICES = {"vat_scheme": VAT_SCHEMES, "kind": SUPPLIER_KINDS}


class EntryDialog(QDialog):
    """Create an entry of one base-data table, or change one (its code stays)."""

    def __init__(
        self,
        ctx: TenantContext,
        kind: str,
        entry: peewee.Model | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.kind, self.entry = ctx, kind, entry
        self.saved: peewee.Model | None = None
        self.labels = _Labels(self)
        spec = KINDS[kind]
        self.setWindowTitle(
            ctx.window_title(
                self.tr("Change entry {code}").format(code=entry.code)
                if entry
                else self.tr("New entry")
            )
        )
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in ("code", *spec.fields):
            field = self._editor(name)
            self.fields[name] = field
            self.errors[name] = _error_label()
            label = QLabel(self.labels.field(name))
            label.setBuddy(field)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self.errors[name])
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        order = [*self.fields.values(), self.ok_button]
        order.append(self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        set_tab_chain(*order)
        self.setMinimumWidth(420)
        self._fill()
        self._check()

    def _editor(self, name: str) -> QWidget:
        if name in CHOICES:
            combo = QComboBox()
            for value in CHOICES[name]:
                combo.addItem(self.labels.choice(name, value), value)
            return combo
        edit = QLineEdit()
        edit.textChanged.connect(self._check)
        if name == "code":
            spec = KINDS[self.kind]
            edit.setPlaceholderText(spec.example)
            edit.setToolTip(self.tr("The code cannot be changed later: bookings refer to it."))
        if name == "country":
            edit.setMaxLength(2)
            edit.setPlaceholderText("ES")
        return edit

    def _fill(self) -> None:
        if self.entry is None:
            return
        for name, field in self.fields.items():
            value = getattr(self.entry, name)
            if isinstance(field, QComboBox):
                field.setCurrentIndex(max(0, field.findData(value)))
            else:
                field.setText(value)
        self.fields["code"].setReadOnly(True)
        self.fields["name"].setFocus()

    def values(self) -> dict:
        """The fields as the base-data service takes them."""
        values = {}
        for name, field in self.fields.items():
            if isinstance(field, QComboBox):
                values[name] = field.currentData()
            else:
                values[name] = field.text().strip()
        if self.entry is not None:
            del values["code"]
        return values

    def _check(self) -> None:
        """OK once code (in its format) and name are there; the format hint shows if not."""
        code = self.fields["code"].text().strip().upper()
        spec = KINDS[self.kind]
        code_ok = bool(spec.code_pattern.fullmatch(code))
        if code and not code_ok and self.entry is None:
            # The service's own hint, already in the user's language.
            _show(self.errors["code"], _(spec.code_hint).format(example=spec.example))
        else:
            _show(self.errors["code"], None)
        self.ok_button.setEnabled(code_ok and bool(self.fields["name"].text().strip()))

    def accept(self) -> None:
        for label in self.errors.values():
            _show(label, None)
        code = self.entry.code if self.entry is not None else None
        try:
            self.saved = save_entry(self.ctx.user, self.ctx.session, self.kind, self.values(), code)
        except ValidationError as exc:
            if exc.field in self.errors:
                _show(self.errors[exc.field], exc.message)
                self.fields[exc.field].setFocus()
            else:
                show_error(self, exc)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()


class _EntriesPage(QWidget):
    """The entries of one table with New, Edit and (De)activate."""

    def __init__(self, ctx: TenantContext, may_write: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.may_write = ctx, may_write
        self.kind = KIND_ORDER[0]
        self.entries: list[peewee.Model] = []
        self.labels = _Labels(self)
        self.new_action = view_action(
            self, self.tr("&New…"), QKeySequence.StandardKey.New, self.new
        )
        self.edit_action = view_action(self, self.tr("&Edit…"), QKeySequence("Ctrl+E"), self.edit)
        self.toggle_action = view_action(
            self, self.tr("&Deactivate"), QKeySequence("Ctrl+D"), self.toggle_active
        )
        self.show_inactive = QCheckBox(self.tr("Show &inactive entries"))
        self.show_inactive.toggled.connect(self.refresh)
        self.table = QTableWidget()
        self.table.setObjectName("basedataTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.itemActivated.connect(lambda _item: self.edit())  # Return or double-click
        self.table.itemSelectionChanged.connect(self._update_actions)
        row = QHBoxLayout()
        for action in (self.new_action, self.edit_action, self.toggle_action):
            row.addWidget(action_button(action))
        row.addStretch(1)
        row.addWidget(self.show_inactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def show_kind(self, kind: str) -> None:
        """Switch the page to another table."""
        self.kind = kind
        self.refresh()

    def refresh(self) -> None:
        try:
            self.entries = list_entries(
                self.ctx.user, self.ctx.session, self.kind, self.show_inactive.isChecked()
            )
        except StoreError as exc:
            show_error(self, exc)
            return
        fields = ["code", *KINDS[self.kind].fields]
        headers = [self.labels.field(f).replace("&", "").rstrip(":") for f in fields]
        self.table.clear()
        self.table.setColumnCount(len(fields) + 1)
        self.table.setHorizontalHeaderLabels([*headers, self.tr("Active")])
        self.table.setRowCount(len(self.entries))
        for r, entry in enumerate(self.entries):
            self._fill_row(r, entry, fields)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._update_actions()

    def _fill_row(self, r: int, entry: peewee.Model, fields: list[str]) -> None:
        texts = [self.labels.choice(f, getattr(entry, f)) for f in fields]
        texts.append(self.tr("yes") if entry.active else self.tr("no"))
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if not entry.active:
                item.setForeground(QBrush(grey))
            self.table.setItem(r, c, item)

    def current(self) -> peewee.Model | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def select_code(self, code: str) -> None:
        for r, entry in enumerate(self.entries):
            if entry.code == code:
                self.table.selectRow(r)

    def _update_actions(self) -> None:
        entry = self.current()
        self.new_action.setEnabled(self.may_write)
        self.edit_action.setEnabled(self.may_write and entry is not None)
        self.toggle_action.setEnabled(self.may_write and entry is not None)
        active = entry is None or entry.active
        self.toggle_action.setText(self.tr("&Deactivate") if active else self.tr("&Reactivate"))

    def new(self) -> None:
        self._open(None)

    def edit(self) -> None:
        if self.may_write and self.current() is not None:
            self._open(self.current())

    def _open(self, entry: peewee.Model | None) -> None:
        dialog = EntryDialog(self.ctx, self.kind, entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.select_code(dialog.saved.code)

    def toggle_active(self) -> None:
        entry = self.current()
        if entry is None:
            return
        try:
            set_active(self.ctx.user, self.ctx.session, self.kind, entry.code, not entry.active)
        except StoreError as exc:
            show_error(self, exc)
            return
        if entry.active and not self.show_inactive.isChecked():
            self.show_inactive.setChecked(True)  # keep the deactivated entry in sight
        else:
            self.refresh()
        self.select_code(entry.code)


class _ParametersPage(QWidget):
    """Every known parameter in a form; Save stores the changed ones."""

    def __init__(self, ctx: TenantContext, may_write: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.may_write = ctx, may_write
        self.labels = _Labels(self)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.stored: dict[str, str] = {}
        self.save_action = view_action(
            self, self.tr("&Save"), QKeySequence.StandardKey.Save, self.save
        )
        self.status = QLabel()
        form = QFormLayout()
        for key in PARAMETERS:
            self._add_row(form, key)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        self.save_button = action_button(self.save_action)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        editors = list(self.editors.values())
        set_tab_chain(*editors)

    def _add_row(self, form: QFormLayout, key: str) -> None:
        if key in LONG_TEXTS:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(70)
            editor.textChanged.connect(self._changed)
        else:
            editor = QLineEdit()
            editor.textChanged.connect(self._changed)
        editor.setReadOnly(not self.may_write)
        self.editors[key] = editor
        self.errors[key] = _error_label()
        label = QLabel(self.labels.parameter(key))
        label.setBuddy(editor)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(self.errors[key])
        form.addRow(label, box)

    def refresh(self) -> None:
        try:
            rows = list_parameters(self.ctx.user, self.ctx.session)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.stored = {row.key: row.value for row in rows}
        descriptions = {row.key: row.description for row in rows}
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(self.stored.get(key, ""))
            else:
                editor.setText(self.stored.get(key, ""))
            editor.blockSignals(False)
            editor.setToolTip(descriptions.get(key, ""))
            _show(self.errors[key], None)
        self._changed()

    def _value(self, key: str) -> str:
        editor = self.editors[key]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def changed_keys(self) -> list[str]:
        return [k for k in self.editors if self._value(k) != self.stored.get(k, "")]

    def _changed(self) -> None:
        self.save_action.setEnabled(self.may_write and bool(self.changed_keys()))

    def save(self) -> None:
        """Store each changed parameter; a refused one keeps its text and says why."""
        saved, refused = 0, 0
        for key in self.changed_keys():
            try:
                row = set_parameter(self.ctx.user, self.ctx.session, key, self._value(key))
            except ValidationError as exc:
                _show(self.errors[key], exc.message)
                refused += 1
                continue
            except StoreError as exc:
                show_error(self, exc)
                return
            self.stored[key] = row.value
            _show(self.errors[key], None)
            saved += 1
        self.status.setText(
            self.tr("Saved: {saved}. Not saved: {refused}.").format(saved=saved, refused=refused)
            if refused
            else self.tr("Saved: {saved}.").format(saved=saved)
        )
        self._changed()


class BasedataView(QWidget):
    """A list of tables on the left, the chosen table's editor on the right."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.may_write = ctx.rights.can("basedata", Level.WRITE)
        self.labels = _Labels(self)
        self.read_only_note = QLabel(
            self.tr(
                "Read only: your role in tenant {nr} lets you see the base data but not change it."
            ).format(nr=ctx.nr)
        )
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #e0c96b; padding: 6px; }"
        )
        self.read_only_note.setVisible(not self.may_write)
        self.import_action = view_action(
            self, self.tr("Import &postal codes…"), QKeySequence("Ctrl+I"), self.import_postal
        )
        self.import_action.setEnabled(self.may_write)
        self.tables = QListWidget()
        self.tables.setObjectName("basedataTables")
        for kind in KIND_ORDER:
            self.tables.addItem(self.labels.table(kind))
        self.tables.addItem(self.tr("Parameters"))
        self.tables.setSpacing(3)
        self.tables.setMaximumWidth(200)
        self.entries = _EntriesPage(ctx, self.may_write)
        self.parameters = _ParametersPage(ctx, self.may_write)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.entries)
        self.pages.addWidget(self.parameters)
        self._build_layout()
        self.tables.currentRowChanged.connect(self.show_table)
        self.tables.setCurrentRow(0)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.read_only_note, 1)
        top.addStretch(0 if not self.may_write else 1)
        self.import_button = action_button(self.import_action)
        self.import_button.setToolTip(self._import_tooltip())
        top.addWidget(self.import_button)
        splitter = QSplitter()
        splitter.addWidget(self.tables)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.tables, self.pages)

    def _import_tooltip(self) -> str:
        if not self.may_write:
            return self.tr("Importing postal codes needs write access to the base data.")
        if self.ctx.nr != 0 and self.ctx.tenant.central.get("postal"):
            return self.tr(
                "Postal codes are central: an import changes the list of every tenant sharing it."
            )
        return self.tr("Add or update postal codes from a GeoNames file such as DE.txt.")

    def has_unsaved_changes(self) -> bool:
        """Parameters typed but not saved (the main window asks before switching tenant)."""
        return bool(self.parameters.changed_keys())

    def show_table(self, row: int) -> None:
        """Show the table in the list's row `row` (the last row is the parameters)."""
        if row < len(KIND_ORDER):
            self.pages.setCurrentWidget(self.entries)
            self.entries.show_kind(KIND_ORDER[row])
        else:
            self.pages.setCurrentWidget(self.parameters)
            self.parameters.refresh()

    def import_postal(self) -> None:
        """Ask for a GeoNames file and import it off the UI thread."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import postal codes"),
            "",
            self.tr("GeoNames postal codes (*.txt);;All files (*)"),
        )
        if not path:
            return
        root, nr, user = self.ctx.inst.root, self.ctx.nr, self.ctx.user

        def work(progress):
            # Its own connection: the work runs in another thread (see ui/tasks.py).
            with Installation.open(root) as inst, inst.open_session(nr) as session:
                return import_postal_codes(user, session, Path(path))

        try:
            result = run_with_progress(self, self.tr("Importing postal codes…"), work)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Import postal codes"), self._refusal(path, exc))
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(self, self.tr("Import postal codes"), self._import_report(result))

    def _refusal(self, path: str, exc: ValidationError) -> str:
        """The import is all or nothing; the field names the bad line of the file."""
        reason = exc.message if exc.field == "file" else f"{exc.field}: {exc.message}"
        return self.tr("Nothing was imported from {path}.\n{reason}").format(
            path=path, reason=reason
        )

    def _import_report(self, result: ImportResult) -> str:
        return self.tr("{lines} lines read: {added} postal codes added, {updated} updated.").format(
            lines=result.lines, added=result.added, updated=result.updated
        )
