"""Table model of booking rows: the booking list (fetched page by page) and a customer's history."""

from collections.abc import Callable

from PySide6.QtCore import Qt

from jack_desktop.bookings import BookingRow, status_name
from jack_desktop.money import format_money

from .optional_date import dates_text
from .paged_model import PAGE, Index, PagedTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# A function giving `limit` rows from `offset` on (the service, with the filters bound).
Fetch = Callable[[int, int], list[BookingRow]]


class BookingTableModel(PagedTableModel):
    """Booking rows: number, customer, title, travel dates, status, total."""

    NUMBER, CUSTOMER, TITLE, DATES, STATUS, TOTAL = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = [
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Title"),
            self.tr("Travel dates"),
            self.tr("Status"),
            self.tr("Total"),
        ]
        self._fetch: Fetch | None = None

    # -- filling ------------------------------------------------------------------------------

    def load(self, fetch: Fetch) -> None:
        """Show the first page of `fetch`; further pages follow as the view scrolls down.

        Raises the service's StoreError (the old rows are kept then).
        """
        first = fetch(0, PAGE)
        self._fetch = fetch
        self.show_first_page(first)

    def show_rows(self, rows: list[BookingRow]) -> None:
        """Show exactly these rows (a customer's booking history)."""
        self._fetch = None
        self.show_first_page(rows, complete=True)

    def next_page(self) -> list[BookingRow]:
        return self._fetch(len(self.rows), PAGE) if self._fetch else []

    # -- reading ------------------------------------------------------------------------------

    def number(self, row: int) -> int:
        """The booking number shown in `row`."""
        return self.rows[row].booking.number

    def row_of(self, number: int) -> int | None:
        """The row showing booking `number`, if loaded."""
        return next((i for i, r in enumerate(self.rows) if r.booking.number == number), None)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in (self.NUMBER, self.TOTAL) else None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            self.NUMBER,
            self.TOTAL,
        ):
            return RIGHT
        return None

    def _text(self, row: BookingRow, column: int) -> str:
        booking = row.booking
        if column == self.NUMBER:
            return str(booking.number)
        if column == self.CUSTOMER:
            return row.customer_name
        if column == self.TITLE:
            return booking.title
        if column == self.DATES:
            return dates_text(booking.travel_from, booking.travel_to)
        if column == self.STATUS:
            return status_name(booking.status)
        return format_money(row.price_cents)
