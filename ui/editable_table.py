"""A table of editable lines (travellers, services): add, remove, read values, mark a bad cell."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from .table_delegates import VALUE

BAD_CELL = QBrush(QColor("#fde2e1"))


class EditableTable(QTableWidget):
    """Lines edited in place; Insert adds one, Delete removes the selected ones."""

    changed = Signal()

    def __init__(self, headers: list[str], stretch: int, parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._triggers = (
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setEditTriggers(self._triggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else in the dialog
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.read_only = False
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def value(self, row: int, column: int):
        """The Python value of a cell (text for plain text cells)."""
        item = self.item(row, column)
        if item is None:
            return None
        stored = item.data(VALUE)
        return item.text().strip() if stored is None and column in self.text_columns() else stored

    def text_columns(self) -> tuple[int, ...]:
        """Columns edited as plain text (no delegate)."""
        return ()

    def new_item(self, text: str = "", value=None, align_right: bool = False) -> QTableWidgetItem:
        """A cell with its shown text and, if given, the value behind it."""
        item = QTableWidgetItem(text)
        if value is not None:
            item.setData(VALUE, value)
        if align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def append_row(self, items: list[QTableWidgetItem]) -> int:
        """Add a line at the end; returns its row."""
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        for column, item in enumerate(items):
            self.setItem(row, column, item)
        self.blockSignals(False)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        """Remove the selected lines."""
        rows = sorted({index.row() for index in self.selectedIndexes()}, reverse=True)
        for row in rows:
            self.removeRow(row)
        if rows:
            self.changed.emit()

    def clear_rows(self) -> None:
        """Remove every line without telling anyone (loading)."""
        self.blockSignals(True)
        self.setRowCount(0)
        self.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        """No editing, adding or removing."""
        self.read_only = read_only
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else self._triggers
        )

    def mark(self, row: int | None, column: int | None) -> None:
        """Tint one cell as wrong (None: no cell) and clear every other tint."""
        self.blockSignals(True)
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None:
                    item.setBackground(BAD_CELL if (r, c) == (row, column) else QBrush())
        self.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.read_only and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert:
                self.add_line()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return
        super().keyPressEvent(event)

    def add_line(self) -> None:
        """Add an empty line and start editing it (subclasses fill in their defaults)."""
        raise NotImplementedError
