"""A manual journal entry: lines with accounts, a live difference, OK only when balanced."""

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.accounting import Line, accounts, post_entry
from jack_desktop.formats import date_pattern
from jack_desktop.money import amount_input, format_money, parse_amount, to_cents
from tenant_store import StoreError, ValidationError
from tenant_store.models.accounting import JournalEntry

from .actions import set_tab_chain
from .context import TenantContext
from .errors import show_error

ERROR_STYLE = "color: #b3261e;"
BAD_CELL = QColor("#f9dedc")
ACCOUNT, NAME, DEBIT, CREDIT, COST_CENTRE = range(5)


class _AccountDelegate(QStyledItemDelegate):
    """Edits the account cell with a searchable list of 'number name'; stores the number."""

    def __init__(self, names: dict[str, str], parent: QWidget):
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent, option, index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems([f"{number} {name}" for number, name in self.names.items()])
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setEditText(index.data() or "")
        editor.lineEdit().selectAll()

    def setModelData(self, editor: QComboBox, model, index) -> None:
        words = editor.currentText().split()
        model.setData(index, words[0] if words else "")


class JournalEntryDialog(QDialog):
    """Post a balanced manual entry; the posted entry is kept in `.entry`."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.entry: JournalEntry | None = None
        self.names = {a.number: a.name for a in accounts(ctx.user, ctx.session)}
        self.setWindowTitle(ctx.window_title(self.tr("New journal entry")))
        self._errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self._build_lines())
        layout.addLayout(self._build_line_buttons())
        self.lines_error = self._error_label()
        layout.addWidget(self.lines_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Post"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._set_tab_order()
        self.resize(760, 480)
        self.add_line()
        self.add_line()
        self.table.itemChanged.connect(self._line_changed)
        self.text.textChanged.connect(self._check)
        self._check()

    # -- building ------------------------------------------------------------------------------

    def _build_form(self) -> QFormLayout:
        self.entry_date = QDateEdit(QDate.currentDate())
        self.entry_date.setDisplayFormat(date_pattern())
        self.entry_date.setCalendarPopup(True)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("optional, e.g. a receipt number"))
        self.text = QLineEdit()
        self.text.setMaxLength(200)
        form = QFormLayout()
        for key, label_text, field in (
            ("entry_date", self.tr("&Date:"), self.entry_date),
            ("reference", self.tr("&Reference:"), self.reference),
            ("text", self.tr("Posting &text:"), self.text),
        ):
            label = QLabel(label_text)
            label.setBuddy(field)
            self._errors[key] = self._error_label()
            row = QHBoxLayout()
            row.addWidget(field, 0 if field is self.entry_date else 1)
            row.addWidget(self._errors[key])
            if field is self.entry_date:
                row.addStretch(1)  # a date needs no more room than its digits
            form.addRow(label, row)
        return form

    def _build_lines(self) -> QWidget:
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Name"),
                self.tr("Debit"),
                self.tr("Credit"),
                self.tr("Cost centre"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(ACCOUNT, _AccountDelegate(self.names, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.setTabKeyNavigation(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ACCOUNT, 90), (DEBIT, 120), (CREDIT, 120), (COST_CENTRE, 100)):
            self.table.setColumnWidth(column, width)
        lines_label = QLabel(self.tr("&Lines:"))
        lines_label.setBuddy(self.table)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(lines_label)
        layout.addWidget(self.table)
        return box

    def _build_line_buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("&Add line"))
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton(self.tr("Re&move line"))
        self.remove_button.clicked.connect(self.remove_line)
        self.sums = QLabel()
        self.difference = QLabel()
        self.difference.setObjectName("difference")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.sums)
        row.addSpacing(16)
        row.addWidget(self.difference)
        return row

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _set_tab_order(self) -> None:
        order = [
            self.entry_date,
            self.reference,
            self.text,
            self.table,
            self.add_button,
            self.remove_button,
            self.ok_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        set_tab_chain(*order)

    # -- lines ---------------------------------------------------------------------------------

    def add_line(self) -> None:
        """A new line, prefilled with what is missing to balance the entry."""
        debit, credit = self._sums()
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column in range(5):
            item = QTableWidgetItem("")
            if column == NAME:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column in (DEBIT, CREDIT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        if debit != credit:
            column = CREDIT if debit > credit else DEBIT
            self.table.item(row, column).setText(amount_input(abs(debit - credit)))
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, ACCOUNT)
        self._check()

    def remove_line(self) -> None:
        """Remove the current line."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._check()

    def set_line(self, row: int, account: str, debit: str = "", credit: str = "") -> None:
        """Fill one line (adding lines as needed), as if typed."""
        while self.table.rowCount() <= row:
            self.add_line()
        self.table.item(row, ACCOUNT).setText(account)
        self.table.item(row, DEBIT).setText(debit)
        self.table.item(row, CREDIT).setText(credit)

    def _line_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == ACCOUNT:
            self._show_account_name(item.row())
        elif item.column() in (DEBIT, CREDIT):
            self._tidy_amount(item)
        self._check()

    def _tidy_amount(self, item: QTableWidgetItem) -> None:
        """'800' reads back as '800,00'; a zero is no amount at all."""
        cents = self._amount(item.row(), item.column())
        if cents is None:
            return
        self.table.blockSignals(True)
        item.setText(amount_input(cents) if cents else "")
        self.table.blockSignals(False)

    def _show_account_name(self, row: int) -> None:
        number = self._text(row, ACCOUNT)
        name = self.table.item(row, NAME)
        self.table.blockSignals(True)
        if not number:
            name.setText("")
            name.setForeground(QBrush())
        elif number in self.names:
            name.setText(self.names[number])
            name.setForeground(QBrush())
        else:
            name.setText(self.tr("not in the chart of accounts"))
            name.setForeground(QBrush(QColor("#b3261e")))
        self.table.blockSignals(False)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _is_empty(self, row: int) -> bool:
        return not any(self._text(row, c) for c in (ACCOUNT, DEBIT, CREDIT, COST_CENTRE))

    def _amount(self, row: int, column: int) -> int | None:
        """Cents in a cell (0 if empty), or None if it is not an amount."""
        text = self._text(row, column)
        if not text:
            return 0
        try:
            return to_cents(parse_amount("amount", text))
        except ValidationError:
            return None

    def _sums(self) -> tuple[int, int]:
        debit = credit = 0
        for row in range(self.table.rowCount()):
            debit += self._amount(row, DEBIT) or 0
            credit += self._amount(row, CREDIT) or 0
        return debit, credit

    def _line_problem(self, row: int) -> str | None:
        """Why a filled line cannot be posted, marking the bad cells; None if it can."""
        bad = set()
        for column in (DEBIT, CREDIT):
            if self._amount(row, column) is None:
                bad.add(column)
        if self._text(row, ACCOUNT) not in self.names:
            bad.add(ACCOUNT)
        self._mark(row, bad)
        if bad:
            return self.tr("Line {n}: check the marked cells.").format(n=row + 1)
        if (self._amount(row, DEBIT) > 0) == (self._amount(row, CREDIT) > 0):
            return self.tr("Line {n}: enter either a debit or a credit amount.").format(n=row + 1)
        return None

    def _mark(self, row: int, bad: set[int]) -> None:
        self.table.blockSignals(True)
        for column in (ACCOUNT, DEBIT, CREDIT):
            self.table.item(row, column).setBackground(
                QBrush(BAD_CELL) if column in bad else QBrush()
            )
        self.table.blockSignals(False)

    # -- checking ------------------------------------------------------------------------------

    def _check(self) -> None:
        """Update the sums and the difference; OK only for a complete, balanced entry."""
        debit, credit = self._sums()
        self.sums.setText(
            self.tr("Debit {debit} · Credit {credit}").format(
                debit=format_money(debit), credit=format_money(credit)
            )
        )
        self.difference.setText(
            self.tr("Difference: {amount}").format(amount=format_money(debit - credit))
        )
        balanced = debit == credit
        self.difference.setStyleSheet(
            "color: #1e7b34; font-weight: bold;"
            if balanced
            else "color: #b3261e; font-weight: bold;"
        )
        problems, filled = self._line_problems()
        self._show_lines_error(problems[0] if problems else None)
        self.ok_button.setEnabled(
            balanced
            and debit > 0
            and filled >= 2
            and not problems
            and bool(self.text.text().strip())
        )

    def _line_problems(self) -> tuple[list[str], int]:
        problems, filled = [], 0
        for row in range(self.table.rowCount()):
            if self._is_empty(row):
                self._mark(row, set())
                continue
            filled += 1
            problem = self._line_problem(row)
            if problem:
                problems.append(problem)
        return problems, filled

    def _show_lines_error(self, message: str | None) -> None:
        self.lines_error.setText(message or "")
        self.lines_error.setVisible(bool(message))

    def lines(self) -> list[Line]:
        """The filled lines as the accounting service takes them."""
        return [
            Line(
                self._text(row, ACCOUNT),
                debit=self._text(row, DEBIT) or "0",
                credit=self._text(row, CREDIT) or "0",
                cost_centre=self._text(row, COST_CENTRE),
            )
            for row in range(self.table.rowCount())
            if not self._is_empty(row)
        ]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return finishes a cell in the lines table; it must not post a half-typed entry.
        focus = self.focusWidget()
        in_table = focus is not None and (focus is self.table or self.table.isAncestorOf(focus))
        if in_table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        for label in self._errors.values():
            label.hide()
        try:
            self.entry = post_entry(
                self.ctx.user,
                self.ctx.session,
                self.entry_date.date().toPython(),
                self.text.text(),
                self.lines(),
                self.reference.text().strip(),
            )
        except ValidationError as exc:
            self._show_validation(exc)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()

    def _show_validation(self, exc: ValidationError) -> None:
        label = self._errors.get(exc.field)
        if label is None:  # lines, line N …, account: shown under the lines
            self._show_lines_error(exc.message)
        else:
            label.setText(exc.message)
            label.show()
