"""Desktop notes: the inbox (unread in bold), the reading pane, replies and sent notes (R9)."""

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.formats import day_time
from jack_desktop.notes import InboxItem, SentItem, inbox, mark_read, sent, unread_count
from tenant_store import StoreError
from tenant_store.rights import Level

from .actions import action_button, view_action
from .context import TenantContext
from .errors import show_error
from .note_compose_dialog import NoteComposeDialog


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class NotesView(QWidget):
    """The user's notes in this tenant; `unread_changed` tells the main window the count."""

    unread_changed = Signal(int)

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[InboxItem] = []
        self._unread = 0
        self._build_actions()
        self._build_layout()
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        may_write = self.ctx.rights.can("notes", Level.WRITE)
        self.new_action = view_action(
            self, self.tr("&New note…"), QKeySequence.StandardKey.New, self.compose
        )
        self.reply_action = view_action(
            self, self.tr("&Reply…"), QKeySequence("Ctrl+R"), self.reply
        )
        self.refresh_action = view_action(
            self, self.tr("Re&fresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        self.new_action.setEnabled(may_write)
        self.reply_action.setEnabled(False)
        if not may_write:
            self.new_action.setToolTip(
                self.tr("You may read desktop notes in tenant {nr} but not write them.").format(
                    nr=self.ctx.nr
                )
            )

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        self.new_button = action_button(self.new_action)
        self.reply_button = action_button(self.reply_action)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        self.status = QLabel()
        buttons.addWidget(self.status)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_inbox(), self.tr("&Inbox"))
        self.tabs.addTab(self._build_sent(), self.tr("S&ent"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

    def _build_inbox(self) -> QWidget:
        self.table = _table(
            [self.tr("From"), self.tr("Subject"), self.tr("To"), self.tr("Received")], stretch=1
        )
        self.table.setObjectName("inboxTable")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.reader.setFocus())
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.reader = QTextBrowser()
        self.reader.setObjectName("noteReader")
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(self.heading)
        pane_layout.addWidget(self.meta)
        pane_layout.addWidget(self.reader, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setSizes([300, 200])
        return splitter

    def _build_sent(self) -> QWidget:
        self.sent_table = _table(
            [self.tr("Subject"), self.tr("To"), self.tr("Sent"), self.tr("Read by")], stretch=0
        )
        self.sent_table.setObjectName("sentTable")
        return self.sent_table

    # -- data ----------------------------------------------------------------------------------

    def unread(self) -> int:
        """How many received notes are unread (for the main window's module entry)."""
        return self._unread

    def refresh(self) -> None:
        """Read the inbox (and the sent notes, if shown) again."""
        try:
            self.items = inbox(self.ctx.user, self.ctx.session)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        self._show_note(None)
        self._update_unread()
        if self.tabs.currentIndex() == 1:
            self._fill_sent()

    def _fill_row(self, row: int, item: InboxItem) -> None:
        cells = (
            self._sender_text(item),
            item.subject,
            self._scope_text(item.scope),
            day_time(item.created_at),
        )
        for col, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            font = cell.font()
            font.setBold(not item.read)
            cell.setFont(font)
            self.table.setItem(row, col, cell)

    def _sender_text(self, item: InboxItem) -> str:
        if item.sender_tenant == self.ctx.nr:
            return item.sender_name
        return self.tr("{name} (tenant {nr})").format(name=item.sender_name, nr=item.sender_tenant)

    def _scope_text(self, scope: str) -> str:
        return {
            "user": self.tr("you"),
            "team": self.tr("your team"),
            "tenant": self.tr("this tenant"),
            "all": self.tr("all tenants"),
        }.get(scope, scope)

    def _update_unread(self) -> None:
        try:
            count = unread_count(self.ctx.user, self.ctx.session)
        except StoreError:
            count = sum(not item.read for item in self.items)
        self.status.setText(self.tr("Unread: {n}").format(n=count))
        if count != self._unread:
            self._unread = count
            self.unread_changed.emit(count)

    def _fill_sent(self) -> None:
        try:
            items = sent(self.ctx.user, self.ctx.session)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.sent_table.setRowCount(len(items))
        for row, item in enumerate(items):
            for col, text in enumerate(self._sent_cells(item)):
                self.sent_table.setItem(row, col, QTableWidgetItem(text))

    def _sent_cells(self, item: SentItem) -> tuple[str, ...]:
        return (
            item.subject,
            self._sent_scope_text(item.scope),
            day_time(item.created_at),
            self.tr("{read} of {all}").format(read=item.read_by, all=item.recipients),
        )

    def _sent_scope_text(self, scope: str) -> str:
        return {
            "user": self.tr("a user"),
            "team": self.tr("a team"),
            "tenant": self.tr("this tenant"),
            "all": self.tr("all tenants"),
        }.get(scope, scope)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._fill_sent()
        self.reply_action.setEnabled(index == 0 and self.current() is not None and self._writes())

    # -- reading -------------------------------------------------------------------------------

    def current(self) -> InboxItem | None:
        """The note selected in the inbox."""
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _writes(self) -> bool:
        return self.new_action.isEnabled()

    def _selection_changed(self) -> None:
        item = self.current()
        self._show_note(item)
        if item is not None and not item.read:
            self._mark_read(self.table.currentRow(), item)

    def _show_note(self, item: InboxItem | None) -> None:
        self.reply_action.setEnabled(item is not None and self._writes())
        if item is None:
            self.heading.clear()
            self.meta.setText(self.tr("Select a note to read it."))
            self.reader.clear()
            return
        self.heading.setText(item.subject)
        self.meta.setText(
            self.tr("From {sender}, {when}").format(
                sender=self._sender_text(item), when=day_time(item.created_at)
            )
        )
        self.reader.setPlainText(item.body)

    def _mark_read(self, row: int, item: InboxItem) -> None:
        """Reading a note marks it read: not bold any more, and the count goes down."""
        try:
            mark_read(self.ctx.user, self.ctx.session, item.note_id)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.items[row] = replace(item, read=True)
        self._fill_row(row, self.items[row])
        self._update_unread()

    # -- writing -------------------------------------------------------------------------------

    def compose(self) -> None:
        """Ctrl+N: write a new note."""
        dialog = NoteComposeDialog(self.ctx, self)
        if dialog.exec() == NoteComposeDialog.DialogCode.Accepted:
            self._after_sending()
            self.status.setText(self.tr("Note sent."))

    def reply(self) -> None:
        """Ctrl+R: answer the selected note's sender."""
        item = self.current()
        if item is None:
            return
        dialog = NoteComposeDialog(self.ctx, self, reply_to=item)
        if dialog.exec() == NoteComposeDialog.DialogCode.Accepted:
            self._after_sending()
            self.status.setText(self.tr("Reply sent."))

    def _after_sending(self) -> None:
        selected = self.current()
        self.refresh()
        if selected is not None:
            self._select_note(selected.note_id)
        if self.tabs.currentIndex() == 1:
            self._fill_sent()

    def _select_note(self, note_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.note_id == note_id:
                self.table.selectRow(row)
