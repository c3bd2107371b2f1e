"""A table model that reads its rows a page at a time, as the view scrolls down."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from tenant_store import StoreError

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows, headers and fetching on demand; subclasses say how to read the next page."""

    failed = Signal(object)  # a StoreError while fetching more rows on scrolling

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._headers: list[str] = []  # set by the subclass, translated
        self._complete = True

    def next_page(self) -> list:
        """The page after the rows loaded so far (override)."""
        raise NotImplementedError

    def show_first_page(self, rows: list, complete: bool | None = None) -> None:
        """Replace the rows; more are fetched on scrolling unless the page was short."""
        self.beginResetModel()
        self.rows = list(rows)
        self._complete = len(rows) < PAGE if complete is None else complete
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """True when every matching row is loaded."""
        return self._complete

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self._complete:
            return
        try:
            more = self.next_page()
        except StoreError as exc:
            self._complete = True  # no retry loop on every scroll; F5 reads again
            self.failed.emit(exc)
            return
        self._complete = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def paged_table(
    owner: QWidget, model: PagedTableModel, name: str, widths: tuple[int, ...]
) -> QTableView:
    """A read-only, single-row-selection list over `model`; `widths` in average characters."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    # Fixed row heights: the view never measures rows it does not show.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(owner.fontMetrics().height() + 8)
    char = owner.fontMetrics().averageCharWidth()
    for column, chars in enumerate(widths):
        table.horizontalHeader().resizeSection(column, char * chars + 16)
    return table
