"""The travellers of a booking, edited in place."""

from jack_desktop.bookings import TRAVELLER_FIELDS, check_traveller
from tenant_store import ValidationError
from tenant_store.i18n import _
from tenant_store.models.bookings import Traveller

from .editable_table import EditableTable
from .optional_date import date_text
from .table_delegates import DateDelegate

SALUTATION, FIRST, LAST, BIRTH = range(4)
FIELDS = tuple(TRAVELLER_FIELDS)  # the service's field shown in each column


class TravellersTable(EditableTable):
    """Salutation, first name, last name, birth date; blank lines are left out."""

    def __init__(self, parent=None):
        # The service's column names, so that its messages ("Traveller 2, Last name: …") match.
        super().__init__(
            [_(TRAVELLER_FIELDS[field]) for field in FIELDS], stretch=LAST, parent=parent
        )
        self.setObjectName("travellers")
        self.setItemDelegateForColumn(BIRTH, DateDelegate(self))
        width = self.fontMetrics().averageCharWidth()
        self.setColumnWidth(SALUTATION, width * 10 + 16)
        self.setColumnWidth(FIRST, width * 18 + 16)
        self.setColumnWidth(BIRTH, width * 12 + 16)

    def text_columns(self) -> tuple[int, ...]:
        return (SALUTATION, FIRST, LAST)

    def set_travellers(self, travellers: list[Traveller]) -> None:
        """Show the stored travellers."""
        self.clear_rows()
        for person in travellers:
            self._append(person.salutation, person.first_name, person.last_name, person.birth_date)

    def _append(self, salutation="", first="", last="", birth=None) -> int:
        return self.append_row(
            [
                self.new_item(salutation),
                self.new_item(first),
                self.new_item(last),
                self.new_item(date_text(birth), birth),
            ]
        )

    def add_traveller(self, salutation: str, first: str, last: str, birth=None) -> None:
        """Add a filled-in traveller (the customer, when a booking is started for them)."""
        self._append(salutation, first, last, birth)

    def add_line(self) -> None:
        """Add an empty traveller and start typing the first name."""
        row = self._append()
        self.setCurrentCell(row, FIRST)
        self.editItem(self.item(row, FIRST))

    def _is_blank(self, row: int) -> bool:
        return not any(self.value(row, c) for c in range(self.columnCount()))

    def _row_values(self, row: int) -> dict:
        return {
            "salutation": self.value(row, SALUTATION) or "",
            "first_name": self.value(row, FIRST) or "",
            "last_name": self.value(row, LAST) or "",
            "birth_date": self.value(row, BIRTH),
        }

    def travellers(self) -> list[dict]:
        """The travellers as the service takes them (blank lines left out)."""
        return [self._row_values(row) for row in range(self.rowCount()) if not self._is_blank(row)]

    def problem(self) -> tuple[int, int, str] | None:
        """(row, column, message) of the first traveller that cannot be saved, or None."""
        for row in range(self.rowCount()):
            if self._is_blank(row):
                continue
            try:
                check_traveller(row + 1, self._row_values(row))
            except ValidationError as exc:
                key = exc.field.split(" ", 2)[-1]
                return row, FIELDS.index(key) if key in FIELDS else LAST, exc.message
        return None
