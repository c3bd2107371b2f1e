"""Accounting: journal, trial balance, account ledger and, in tenant 0, the consolidation (R4).

Posted entries are never changed (GoBD): a wrong one is reversed (Storno) from the journal,
and both the reversal and the entry it reverses say so. The top row shows how far the books
are locked (Festschreibung) and warns when an automatic lock is near.
"""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.accounting import (
    BalanceRow,
    JournalRow,
    LedgerRow,
    account_ledger,
    accounts,
    journal,
    reversals_of,
    trial_balance,
)
from jack_desktop.consolidation import Consolidation, consolidated_trial_balance
from jack_desktop.documents.journal import save_journal
from jack_desktop.documents.trial_balance import save_trial_balance
from jack_desktop.formats import date_pattern, day
from jack_desktop.money import format_money
from jack_desktop.period_locks import lock_state
from tenant_store import Installation, StoreError
from tenant_store.rights import Level

from .accounting.reverse_dialog import ReverseDialog
from .actions import action_button, view_action
from .context import TenantContext
from .documents import document_action, make_document, print_button
from .errors import show_error
from .journal_entry_dialog import JournalEntryDialog
from .tasks import run_with_progress

PAGE = 500
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"
REVERSAL_COLUMN = 7  # journal: "Reversal of entry 12" / "reversed by entry 15"
JOURNAL, BALANCE, LEDGER, CONSOLIDATION = range(4)


def _account_text(line) -> str:
    """'1200 (10034) Forderungen …': the account, its Debitor or Kreditor, its name."""
    personal = f" ({line.personal_account})" if line.personal_account else ""
    return f"{line.account}{personal} {line.account_name}"


def _cell(text: str, right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if right:
        item.setTextAlignment(RIGHT)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def _money(cents: int, bold: bool = False) -> QTableWidgetItem:
    return _cell(format_money(cents), right=True, bold=bold)


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)  # long account names are elided, rows keep one height
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    table.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            table.setItem(r, c, item)


class AccountingView(QWidget):
    """The tenant's accounting in tabs; the consolidation tab exists in tenant 0 only."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.journal_rows: list[JournalRow] = []
        self._loaded: set[int] = set()
        self._build_actions()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_journal_tab(), self.tr("&Journal"))
        self.tabs.addTab(self._build_balance_tab(), self.tr("&Trial balance"))
        self.tabs.addTab(self._build_ledger_tab(), self.tr("Account &ledger"))
        if ctx.nr == 0:
            self.tabs.addTab(self._build_consolidation_tab(), self.tr("&Consolidation"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_row())
        layout.addWidget(self.lock_warning)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())

    # -- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = view_action(
            self, self.tr("&New entry…"), QKeySequence.StandardKey.New, self.new_entry
        )
        self.refresh_action = view_action(
            self, self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        self.reverse_action = view_action(
            self, self.tr("Re&verse entry…"), QKeySequence("Ctrl+Shift+R"), self.reverse_selected
        )
        self.reverse_action.setToolTip(
            self.tr("Post the selected entry once more on the other side (Storno).")
        )
        if not self.ctx.rights.can("accounting", Level.WRITE):
            reason = self.tr("You may read the accounting of tenant {nr} but not post.").format(
                nr=self.ctx.nr
            )
            for action in (self.new_action, self.reverse_action):
                action.setEnabled(False)
                action.setToolTip(reason)

    def _build_top_row(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.new_action.text())
        self.new_button.setEnabled(self.new_action.isEnabled())
        self.new_button.setToolTip(self.new_action.toolTip())
        self.new_button.clicked.connect(self.new_action.trigger)
        self.reverse_button = action_button(self.reverse_action)
        self.where = QLabel(self._where_text())
        self.lock_line = QLabel()
        self.lock_line.setObjectName("lockLine")
        self.lock_warning = QLabel()
        self.lock_warning.setObjectName("lockWarning")
        self.lock_warning.setStyleSheet(WARNING_STYLE)
        self.lock_warning.setWordWrap(True)
        self.show_lock_state()
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.reverse_button)
        row.addStretch(1)
        row.addWidget(self.lock_line)
        row.addSpacing(12)
        row.addWidget(self.where)
        row.addSpacing(12)
        row.addWidget(print_button(self, self._document_actions()))
        return row

    def _document_actions(self) -> list[QAction]:
        """Journal and trial balance; in tenant 0 also consolidated over the tenants."""
        documents = [
            (self.tr("&Journal"), save_journal, False),
            (self.tr("&Trial balance"), save_trial_balance, False),
        ]
        if self.ctx.nr == 0:
            documents += [
                (self.tr("Consolidated j&ournal"), save_journal, True),
                (self.tr("Consolidated t&rial balance"), save_trial_balance, True),
            ]
        return [
            document_action(self, text, lambda _c=False, s=save, c=cons: self.print_document(s, c))
            for text, save, cons in documents
        ]

    def print_document(self, save, consolidated: bool = False) -> None:
        """Save a journal or trial balance as PDF in the tenant's folder and open it."""
        make_document(
            self,
            self.ctx,
            self.tr("Making the document…"),
            lambda user, session: save(user, session, consolidated=consolidated),
        )

    def show_lock_state(self) -> None:
        """'Books locked up to 31.10.2026', and a warning when an automatic lock is near."""
        try:
            state = lock_state(self.ctx.session)
        except StoreError as exc:  # a damaged file: the journal says so when it loads
            self.lock_line.setText("")
            self.lock_warning.setText(str(exc))
            self.lock_warning.setVisible(True)
            return
        if state.locked_through:
            text = self.tr("Books locked up to {day}").format(day=day(state.locked_through))
        else:
            text = self.tr("Books not locked")
        self.lock_line.setText(text)
        self.lock_line.setToolTip(
            self.tr("The month up to {end} is locked automatically on {day}.").format(
                end=day(state.next_month_end), day=day(state.next_lock_on)
            )
        )
        warning = state.warning(date.today())
        self.lock_warning.setText(warning)
        self.lock_warning.setVisible(bool(warning))

    def _where_text(self) -> str:
        if self.ctx.nr == 0:
            return self.tr("Accounting of tenant 0.")
        if self.ctx.tenant.central.get("accounting"):
            return self.tr("Central accounting: postings are kept in tenant 0's journal.")
        return self.tr("Own accounting of tenant {nr}.").format(nr=self.ctx.nr)

    def _build_journal_tab(self) -> QWidget:
        self.journal_tree = QTreeWidget()
        self.journal_tree.setObjectName("journalTree")
        self.journal_tree.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Reference"),
                self.tr("Text / account"),
                self.tr("Debit"),
                self.tr("Credit"),
                self.tr("Cost centre"),
                self.tr("Entered by"),
                self.tr("Reversal"),
            ]
        )
        self.journal_tree.setAlternatingRowColors(True)
        self.journal_tree.setUniformRowHeights(True)
        header = self.journal_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.more_button = QPushButton(self.tr("Load &older entries"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        self.journal_status = QLabel()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.journal_tree, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.journal_status, 1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)
        return page

    def _build_balance_tab(self) -> QWidget:
        self.balance_table = _table(
            [
                self.tr("Account"),
                self.tr("Name"),
                self.tr("Debit"),
                self.tr("Credit"),
                self.tr("Balance"),
            ],
            stretch=1,
        )
        self.balance_table.setObjectName("trialBalance")
        return self.balance_table

    def _build_ledger_tab(self) -> QWidget:
        self.account_combo = QComboBox()
        self.account_combo.setMinimumContentsLength(30)
        self.account_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        year = QDate.currentDate().year()
        self.date_from = self._date_edit(QDate(year, 1, 1))
        self.date_to = self._date_edit(QDate(year, 12, 31))
        self.range_error = QLabel()
        self.range_error.setStyleSheet(ERROR_STYLE)
        self.range_error.hide()
        row = QHBoxLayout()
        for text, field in (
            (self.tr("Acc&ount:"), self.account_combo),
            (self.tr("&From:"), self.date_from),
            (self.tr("T&o:"), self.date_to),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field)
        row.addWidget(self.range_error)
        row.addStretch(1)
        self.ledger_table = _table(
            [
                self.tr("Date"),
                self.tr("Reference"),
                self.tr("Text"),
                self.tr("Debit"),
                self.tr("Credit"),
                self.tr("Balance"),
                self.tr("Reversal"),
            ],
            stretch=2,
        )
        self.ledger_table.setObjectName("accountLedger")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.ledger_table, 1)
        self.setTabOrder(self.account_combo, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.ledger_table)
        self.account_combo.currentIndexChanged.connect(self.show_ledger)
        self.date_from.dateChanged.connect(self.show_ledger)
        self.date_to.dateChanged.connect(self.show_ledger)
        return page

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat(date_pattern())
        edit.setCalendarPopup(True)
        return edit

    def _build_consolidation_tab(self) -> QWidget:
        self.consolidation_table = _table([self.tr("Account"), self.tr("Name")], stretch=1)
        self.consolidation_table.setObjectName("consolidation")
        self.consolidate_button = QPushButton(self.tr("Re&calculate"))
        self.consolidate_button.clicked.connect(self.consolidate)
        note = QLabel(
            self.tr("Balance (debit minus credit) per tenant whose accounting you may read.")
        )
        row = QHBoxLayout()
        row.addWidget(note, 1)
        row.addWidget(self.consolidate_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.consolidation_table, 1)
        return page

    # -- loading -------------------------------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        """Each tab reads its data when first shown: the consolidation opens other tenants."""
        if index not in self._loaded:
            self._loaded.add(index)
            self._load(index)

    def _load(self, index: int) -> None:
        loaders = {
            JOURNAL: self.show_journal,
            BALANCE: self.show_trial_balance,
            LEDGER: self._load_ledger,
            CONSOLIDATION: self.consolidate,
        }
        loaders[index]()

    def refresh(self) -> None:
        """F5: read the current tab again; the others when next shown."""
        self.show_lock_state()
        self._loaded = {self.tabs.currentIndex()}
        self._load(self.tabs.currentIndex())

    def _call(self, fn, *args, **kwargs):
        """A service call; its refusal is shown, and None returned."""
        try:
            return fn(self.ctx.user, self.ctx.session, *args, **kwargs)
        except StoreError as exc:
            show_error(self, exc)
            return None

    # -- journal -------------------------------------------------------------------------------

    def show_journal(self) -> None:
        """The newest page of entries."""
        self.journal_rows = []
        self.journal_tree.clear()
        self.load_more()

    def load_more(self) -> None:
        """The next page of older entries."""
        rows = self._call(journal, offset=len(self.journal_rows), limit=PAGE)
        if rows is None:
            return
        reversed_by = self._call(reversals_of, [row.entry_id for row in rows]) or {}
        self.journal_rows += rows
        self.journal_tree.addTopLevelItems(
            [self._entry_item(row, reversed_by.get(row.entry_id)) for row in rows]
        )
        self.journal_tree.expandAll()
        self.more_button.setVisible(len(rows) == PAGE)
        self.journal_status.setText(self.tr("Entries: {n}").format(n=len(self.journal_rows)))

    def _entry_item(self, row: JournalRow, reversed_by: int | None = None) -> QTreeWidgetItem:
        amount = format_money(row.amount_cents)
        item = QTreeWidgetItem(
            [
                day(row.entry_date),
                row.reference,
                row.text,
                amount,
                amount,
                "",
                row.created_by,
                self._reversal_text(row.reverses_id, reversed_by),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, row.entry_id)
        font = QFont(item.font(2))
        font.setBold(True)
        item.setFont(2, font)
        if reversed_by or row.reverses_id:
            self._mark_reversal(item)
        for line in row.lines:
            child = QTreeWidgetItem(
                [
                    "",
                    "",
                    _account_text(line),
                    format_money(line.debit_cents) if line.debit_cents else "",
                    format_money(line.credit_cents) if line.credit_cents else "",
                    line.cost_centre,
                    "",
                    "",
                ]
            )
            child.setToolTip(2, line.account_name)
            item.addChild(child)
        for node in (item, *(item.child(i) for i in range(item.childCount()))):
            node.setTextAlignment(3, RIGHT)
            node.setTextAlignment(4, RIGHT)
        return item

    def _reversal_text(self, reverses: int | None, reversed_by: int | None) -> str:
        if reverses:
            return self.tr("Reversal of entry {id}").format(id=reverses)
        if reversed_by:
            return self.tr("reversed by entry {id}").format(id=reversed_by)
        return ""

    def _mark_reversal(self, item: QTreeWidgetItem) -> None:
        """Reversals and the entries they reverse are in italics, so they stand out."""
        for column in range(item.columnCount()):
            font = QFont(item.font(column))
            font.setItalic(True)
            item.setFont(column, font)

    def selected_entry(self) -> int | None:
        """The id of the journal entry the selection is in (an entry or one of its lines)."""
        item = self.journal_tree.currentItem()
        if item is None:
            return None
        while item.parent() is not None:
            item = item.parent()
        return item.data(0, Qt.ItemDataRole.UserRole)

    def reverse_selected(self) -> None:
        """Reverse (Storno) the selected entry on a date asked for; the journal shows it."""
        entry_id = self.selected_entry()
        if entry_id is None:
            self.tabs.setCurrentIndex(JOURNAL)
            show_error(self, StoreError(self.tr("Choose the entry to reverse in the journal.")))
            return
        row = next((r for r in self.journal_rows if r.entry_id == entry_id), None)
        what = f"{row.reference} {row.text}".strip() if row else ""
        dialog = ReverseDialog(self.ctx, entry_id, self, what=what)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        self.tabs.setCurrentIndex(JOURNAL)
        self._loaded = {JOURNAL}
        self.show_journal()

    def new_entry(self) -> None:
        """Ctrl+N: post a manual entry; journal and balances show it afterwards."""
        try:
            dialog = JournalEntryDialog(self.ctx, self)
        except StoreError as exc:
            show_error(self, exc)
            return
        if dialog.exec() == JournalEntryDialog.DialogCode.Accepted:
            self.tabs.setCurrentIndex(JOURNAL)
            self._loaded = {JOURNAL}
            self.show_journal()

    # -- trial balance -------------------------------------------------------------------------

    def show_trial_balance(self) -> None:
        """Totals per account with a totals row."""
        rows = self._call(trial_balance)
        if rows is None:
            return
        items = [self._balance_row(r) for r in rows]
        debit = sum(r.debit_cents for r in rows)
        credit = sum(r.credit_cents for r in rows)
        items.append(
            [
                _cell("", bold=True),
                _cell(self.tr("Total"), bold=True),
                _money(debit, bold=True),
                _money(credit, bold=True),
                _money(debit - credit, bold=True),
            ]
        )
        _fill(self.balance_table, items)

    def _balance_row(self, r: BalanceRow) -> list[QTableWidgetItem]:
        return [
            _cell(r.account),
            _cell(r.name),
            _money(r.debit_cents),
            _money(r.credit_cents),
            _money(r.balance_cents),
        ]

    # -- ledger --------------------------------------------------------------------------------

    def _load_ledger(self) -> None:
        if self.account_combo.count() == 0:
            chart = self._call(accounts)
            if chart is None:
                return
            self.account_combo.blockSignals(True)
            for account in chart:
                self.account_combo.addItem(f"{account.number} {account.name}", account.number)
            self.account_combo.blockSignals(False)
        self.show_ledger()

    def range_is_valid(self) -> bool:
        """The end date is not before the start; if it is, say so beside the field."""
        valid = self.date_to.date() >= self.date_from.date()
        self.range_error.setText("" if valid else self.tr("The end date is before the start date."))
        self.range_error.setVisible(not valid)
        return valid

    def show_ledger(self) -> None:
        """The postings of the chosen account in the chosen period."""
        if not self.range_is_valid():
            self.ledger_table.setRowCount(0)
            return
        account = self.account_combo.currentData()
        if account is None:
            return
        rows = self._call(
            account_ledger,
            account,
            self.date_from.date().toPython(),
            self.date_to.date().toPython(),
        )
        if rows is not None:
            _fill(self.ledger_table, [self._ledger_row(r) for r in rows])

    def _ledger_row(self, r: LedgerRow) -> list[QTableWidgetItem]:
        cells = [
            _cell(day(r.entry_date)),
            _cell(r.reference),
            _cell(r.text),
            _money(r.debit_cents) if r.debit_cents else _cell(""),
            _money(r.credit_cents) if r.credit_cents else _cell(""),
            _money(r.balance_cents),
            _cell(self._reversal_text(r.reverses_id, None)),
        ]
        if r.reverses_id:  # a Storno stands out, as in the journal
            for cell in cells:
                font = cell.font()
                font.setItalic(True)
                cell.setFont(font)
        return cells

    # -- consolidation -------------------------------------------------------------------------

    def consolidate(self) -> None:
        """Tenant 0: every readable tenant's balances side by side (off the UI thread)."""
        root, user = self.ctx.inst.root, self.ctx.user

        def work(progress):
            # Its own connection: the work runs in another thread (see ui/tasks.py).
            with Installation.open(root) as inst, inst.open_session(0) as session:
                return consolidated_trial_balance(user, session)

        try:
            result = run_with_progress(self, self.tr("Consolidating the tenants…"), work)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.show_consolidation(result)

    def show_consolidation(self, result: Consolidation) -> None:
        """One balance column per tenant, the total, and a totals row."""
        table = self.consolidation_table
        headers = [self.tr("Account"), self.tr("Name")]
        headers += [f"{nr} {name}" for nr, name in result.tenants]
        headers.append(self.tr("Total"))
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for col, (nr, name) in enumerate(result.tenants, start=2):
            table.horizontalHeaderItem(col).setToolTip(
                self.tr("Tenant {nr}: {name}").format(nr=nr, name=name)
            )
        items = [
            [_cell(row.account), _cell(row.name)]
            + [_money(row.balance(nr)) for nr, _ in result.tenants]
            + [_money(row.total_balance_cents, bold=True)]
            for row in result.rows
        ]
        items.append(
            [_cell("", bold=True), _cell(self.tr("Total"), bold=True)]
            + [
                _money(sum(row.balance(nr) for row in result.rows), bold=True)
                for nr, _ in result.tenants
            ]
            + [_money(sum(row.total_balance_cents for row in result.rows), bold=True)]
        )
        _fill(table, items)
