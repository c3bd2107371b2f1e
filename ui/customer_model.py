"""The customer list as a model that fetches on demand: fluid over a million customers.

Only the rows the user scrolls to are read, a page at a time. Each page continues behind the
last row of the previous one (`list_customers(after=...)`), so page 500 costs what page 1 costs.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from jack_desktop.customers import list_customers
from tenant_store import StoreError

from .context import TenantContext

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


def customer_name(row) -> str:
    """'Müller, Hans', or the company for a company (or a row without a last name)."""
    person = ", ".join(part for part in (row.last_name, row.first_name) if part)
    if row.kind == "company" or not person:
        return row.company or person
    return f"{person} ({row.company})" if row.company else person


class CustomerModel(QAbstractTableModel):
    """Visible customers matching a search text: number, name, postcode, town, phone, e-mail."""

    NUMBER, NAME, POSTCODE, TOWN, PHONE, EMAIL = range(6)
    failed = Signal(object)  # a StoreError while fetching more rows on scrolling

    def __init__(self, ctx: TenantContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.text = ""
        self.rows: list = []
        self._complete = True
        self._headers = [
            self.tr("Number"),
            self.tr("Name"),
            self.tr("Postcode"),
            self.tr("Town"),
            self.tr("Phone"),
            self.tr("E-mail"),
        ]

    def search(self, text: str) -> None:
        """Show the first page of customers matching `text` (all customers for '').

        Raises the service's StoreError; the rows shown before stay then.
        """
        first = self._page(text, None)
        self.beginResetModel()
        self.text, self.rows, self._complete = text, first, len(first) < PAGE
        self.endResetModel()

    def refresh(self) -> None:
        """Read the current search again (after an edit)."""
        self.search(self.text)

    def _page(self, text: str, after) -> list:
        return list_customers(self.ctx.user, self.ctx.session, text, limit=PAGE, after=after)

    # -- fetching on demand -------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self._complete:
            return
        try:
            more = self._page(self.text, self.rows[-1] if self.rows else None)
        except StoreError as exc:
            self._complete = True  # no retry loop on every scroll; F5 reads again
            self.failed.emit(exc)
            return
        self._complete = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    @property
    def complete(self) -> bool:
        """True when every matching customer is loaded."""
        return self._complete

    # -- reading ------------------------------------------------------------------------------

    def customer_id(self, row: int) -> int:
        """The id of the customer shown in `row`."""
        return self.rows[row].id

    def row_of(self, customer_id: int) -> int | None:
        """The row showing the customer, if it is loaded."""
        return next((i for i, r in enumerate(self.rows) if r.id == customer_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.NUMBER:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.NAME:
            return customer_name(row)
        values = {
            self.POSTCODE: row.postcode,
            self.TOWN: row.city,
            self.PHONE: row.phone,
            self.EMAIL: row.email,
        }
        return values[column]
