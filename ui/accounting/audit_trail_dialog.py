"""Accounting > Audit trail…: who changed what and when, with the old and new values (GoBD).

The records of the current tenant from every file it uses, newest first, filtered by day, by
the acting user and by the kind of object. The list shows the changed values in one line; the
pane below it shows the selected record in full.
"""

import json
import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.audit_trail import MAX_ROWS, OBJECT_KINDS, AuditRow, audit_trail
from jack_desktop.formats import day, day_time
from jack_desktop.money import format_money
from tenant_store import StoreError
from tenant_store.i18n import _

from ..actions import set_tab_chain
from ..context import TenantContext
from ..errors import show_error
from ..optional_date import OptionalDateEdit

ERROR_STYLE = "color: #b3261e;"
CHANGES = 6  # the column with the changed values


# The names of the values most records hold, for people; others show their stored name.
FIELD_LABELS = {
    "date": QT_TRANSLATE_NOOP("AuditFields", "date"),
    "reference": QT_TRANSLATE_NOOP("AuditFields", "reference"),
    "document": QT_TRANSLATE_NOOP("AuditFields", "document no."),
    "text": QT_TRANSLATE_NOOP("AuditFields", "text"),
    "reverses": QT_TRANSLATE_NOOP("AuditFields", "reverses entry"),
    "lines": QT_TRANSLATE_NOOP("AuditFields", "lines"),
    "locked_through": QT_TRANSLATE_NOOP("AuditFields", "locked up to"),
    "automatic": QT_TRANSLATE_NOOP("AuditFields", "automatic"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "kind"),
    "name": QT_TRANSLATE_NOOP("AuditFields", "name"),
    "first_name": QT_TRANSLATE_NOOP("AuditFields", "first name"),
    "last_name": QT_TRANSLATE_NOOP("AuditFields", "last name"),
    "company": QT_TRANSLATE_NOOP("AuditFields", "company"),
    "street": QT_TRANSLATE_NOOP("AuditFields", "street"),
    "postcode": QT_TRANSLATE_NOOP("AuditFields", "postcode"),
    "city": QT_TRANSLATE_NOOP("AuditFields", "city"),
    "country": QT_TRANSLATE_NOOP("AuditFields", "country"),
    "email": QT_TRANSLATE_NOOP("AuditFields", "e-mail"),
    "phone": QT_TRANSLATE_NOOP("AuditFields", "phone"),
    "birth_date": QT_TRANSLATE_NOOP("AuditFields", "date of birth"),
    "value": QT_TRANSLATE_NOOP("AuditFields", "value"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "role"),
    "team": QT_TRANSLATE_NOOP("AuditFields", "team"),
    "booking_range": QT_TRANSLATE_NOOP("AuditFields", "booking range"),
    "invoice_prefix": QT_TRANSLATE_NOOP("AuditFields", "invoice series"),
    "shared_with": QT_TRANSLATE_NOOP("AuditFields", "shared with"),
    "owner_nr": QT_TRANSLATE_NOOP("AuditFields", "tenant of the master data"),
    "ref": QT_TRANSLATE_NOOP("AuditFields", "customer id or supplier"),
}
VALUE_LABELS = {
    "debtor": QT_TRANSLATE_NOOP("AuditFields", "Debitor (customer)"),
    "creditor": QT_TRANSLATE_NOOP("AuditFields", "Kreditor (supplier)"),
}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def field_label(key: str) -> str:
    """A value's name as the viewer shows it, in the UI language."""
    return (
        QCoreApplication.translate("AuditFields", FIELD_LABELS[key]) if key in FIELD_LABELS else key
    )


def value_text(value) -> str:
    """A stored value for people: text as it is, days in the UI's format, lists and mappings
    compact, none as '–'."""
    if _empty(value):
        return "–"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return day(date.fromisoformat(value))
    return str(value)


def _posting_lines(lines: list) -> str:
    """A posting's lines as the journal shows them: account (personal account) debit/credit."""
    parts = []
    for account, personal, debit, credit, _cost_centre in lines:
        if debit:
            side = QCoreApplication.translate("AuditTrailDialog", "debit {amount}")
        else:
            side = QCoreApplication.translate("AuditTrailDialog", "credit {amount}")
        text = side.format(amount=format_money(debit or credit))
        parts.append(f"{account}{f' ({personal})' if personal else ''} {text}")
    return "; ".join(parts)


def _shown(key: str, value) -> str:
    if key == "lines" and isinstance(value, list) and all(len(v) == 5 for v in value):
        return _posting_lines(value)
    if key == "kind" and value in VALUE_LABELS:
        return QCoreApplication.translate("AuditFields", VALUE_LABELS[value])
    return value_text(value)


def change_lines(row: AuditRow) -> list[str]:
    """'field: old → new' per changed field; a value only created or deleted stands alone
    (and is left out where it is empty: a new record's blank fields say nothing)."""
    lines = []
    for key in dict.fromkeys([*row.old, *row.new]):
        label = field_label(key)
        if key in row.old and key in row.new:
            lines.append(f"{label}: {_shown(key, row.old[key])} → {_shown(key, row.new[key])}")
        elif key in row.new and not _empty(row.new[key]):
            lines.append(f"{label}: {_shown(key, row.new[key])}")
        elif key in row.old and not _empty(row.old[key]):
            lines.append(f"{label}: {_shown(key, row.old[key])} → –")
    return lines


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


class AuditTrailDialog(QDialog):
    """The audit trail viewer of the current tenant."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[AuditRow] = []
        self._shown_login: str | None = None
        self.setWindowTitle(ctx.window_title(self.tr("Audit trail")))
        self._build_filters()
        self._build_table()
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Choose a record to see all its values."))
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        set_tab_chain(self.date_from, self.date_to, self.login, self.kind, self.table, self.details)
        self.resize(1100, 680)
        self.show_records()
        self._fill_logins()
        self._connect()

    # -- building -----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.date_from = OptionalDateEdit(self)
        self.date_from.setObjectName("auditFrom")
        self.date_to = OptionalDateEdit(self)
        self.date_to.setObjectName("auditTo")
        self.login = QComboBox(self)
        self.login.setObjectName("auditUser")
        self.login.setEditable(True)
        self.login.setMinimumContentsLength(12)
        self.login.lineEdit().setPlaceholderText(self.tr("all users"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("auditObject")
        self.kind.addItem(self.tr("All objects"), None)
        for key, label in OBJECT_KINDS.items():
            self.kind.addItem(_(label), key)
        self.range_error = QLabel(self)
        self.range_error.setStyleSheet(ERROR_STYLE)
        self.range_error.hide()

    def _build_table(self) -> None:
        headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("File"),
            self.tr("Object"),
            self.tr("Id"),
            self.tr("Action"),
            self.tr("Changed values"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # One line per record, as in the other lists (the style's default row is taller).
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for text, field in (
            (self.tr("&From:"), self.date_from),
            (self.tr("&To:"), self.date_to),
            (self.tr("&User:"), self.login),
            (self.tr("&Object:"), self.kind),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addWidget(self.range_error)
        filters.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.date_from.dateChanged.connect(self.show_records)
        self.date_to.dateChanged.connect(self.show_records)
        # Chosen from the list, or typed (then read when the field is left or Return pressed,
        # not on every key).
        self.login.currentIndexChanged.connect(self.show_records)
        self.login.lineEdit().editingFinished.connect(self._login_typed)
        self.kind.currentIndexChanged.connect(self.show_records)
        self.table.itemSelectionChanged.connect(self._show_details)

    def _fill_logins(self) -> None:
        """The users seen in the (unfiltered) trail, to choose from; any login can be typed."""
        self.login.blockSignals(True)
        self.login.addItem("")
        for login in sorted({row.user for row in self.rows}):
            self.login.addItem(login)
        self.login.setCurrentIndex(0)
        self.login.blockSignals(False)

    def _login_typed(self) -> None:
        if (self.login.currentText().strip() or None) != self._shown_login:
            self.show_records()

    # -- loading ------------------------------------------------------------------------------

    def filters(self) -> dict:
        """The filters as the domain takes them."""
        return {
            "date_from": self.date_from.value(),
            "date_to": self.date_to.value(),
            "login": self.login.currentText().strip() or None,
            "object_kind": self.kind.currentData(),
        }

    def _range_is_valid(self, first: date | None, last: date | None) -> bool:
        valid = not (first and last and last < first)
        self.range_error.setText("" if valid else self.tr("The end date is before the start date."))
        self.range_error.setVisible(not valid)
        return valid

    def show_records(self) -> None:
        """Read the records that pass the filters, newest first."""
        filters = self.filters()
        rows: list[AuditRow] = []
        if self._range_is_valid(filters["date_from"], filters["date_to"]):
            try:
                rows = audit_trail(self.ctx.user, self.ctx.session, **filters)
            except StoreError as exc:
                show_error(self, exc)
        self.rows = rows
        self._shown_login = filters["login"]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                if c == CHANGES:
                    item.setToolTip("\n".join(change_lines(row)))
                self.table.setItem(r, c, item)
        self.details.clear()
        self._show_count()

    def _cells(self, row: AuditRow) -> list[str]:
        return [
            day_time(row.recorded_at),
            row.user,
            row.file,
            row.kind_label,
            str(row.object_id),
            row.action_label,
            "; ".join(change_lines(row)),
        ]

    def _show_count(self) -> None:
        text = self.tr("Records: {n}").format(n=len(self.rows))
        if len(self.rows) >= MAX_ROWS:
            text += " – " + self.tr("only the newest are shown; narrow the filters.")
        self.status.setText(text)

    def _show_details(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.details.clear()
            return
        row = self.rows[selected[0].row()]
        head = self.tr("{time} – {user} – {kind} {id} {action} ({file})").format(
            time=day_time(row.recorded_at),
            user=row.user,
            kind=row.kind_label,
            id=row.object_id,
            action=row.action_label,
            file=row.file,
        )
        self.details.setPlainText("\n".join([head, "", *change_lines(row)]))
