"""The customer list as a model that fetches on demand: fluid over a million customers.

Only the rows the user scrolls to are read, a page at a time. Each page continues behind the
last row of the previous one (`list_customers(after=...)`), so page 500 costs what page 1 costs.
"""

from PySide6.QtCore import Qt

from jack_desktop.customers import list_customers

from .context import TenantContext
from .paged_model import PAGE, Index, PagedTableModel


def customer_name(row) -> str:
    """'Müller, Hans', or the company for a company (or a row without a last name).

    The list is sorted by the same choice (tenant_store.models.customers.sort_name).
    """
    person = ", ".join(part for part in (row.last_name, row.first_name) if part)
    if row.kind == "company" or not person:
        return row.company or person
    return f"{person} ({row.company})" if row.company else person


class CustomerModel(PagedTableModel):
    """Visible customers matching a search text: number, name, postcode, town, phone, e-mail."""

    NUMBER, NAME, POSTCODE, TOWN, PHONE, EMAIL = range(6)

    def __init__(self, ctx: TenantContext, parent=None):
        super().__init__(parent)
        self._headers = [
            self.tr("Number"),
            self.tr("Name"),
            self.tr("Postcode"),
            self.tr("Town"),
            self.tr("Phone"),
            self.tr("E-mail"),
        ]
        self.ctx = ctx
        self.text = ""

    def search(self, text: str) -> None:
        """Show the first page of customers matching `text` (all customers for '').

        Raises the service's StoreError; the rows shown before stay then.
        """
        first = self._page(text, None)
        self.text = text
        self.show_first_page(first)

    def refresh(self) -> None:
        """Read the current search again (after an edit)."""
        self.search(self.text)

    def _page(self, text: str, after) -> list:
        return list_customers(self.ctx.user, self.ctx.session, text, limit=PAGE, after=after)

    def next_page(self) -> list:
        return self._page(self.text, self.rows[-1] if self.rows else None)

    # -- reading ------------------------------------------------------------------------------

    def customer_id(self, row: int) -> int:
        """The id of the customer shown in `row`."""
        return self.rows[row].id

    def row_of(self, customer_id: int) -> int | None:
        """The row showing the customer, if it is loaded."""
        return next((i for i, r in enumerate(self.rows) if r.id == customer_id), None)

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
