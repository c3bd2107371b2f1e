"""The travellers of a booking, edited in place."""

from datetime import date

from tenant_store.models.bookings import Traveller

from .editable_table import EditableTable
from .optional_date import date_text
from .table_delegates import DateDelegate

SALUTATION, FIRST, LAST, BIRTH = range(4)


class TravellersTable(EditableTable):
    """Salutation, first name, last name, birth date; blank lines are left out."""

    def __init__(self, parent=None):
        super().__init__(
            [self.tr("Salutation"), self.tr("First name"), self.tr("Last name"), self.tr("Born")],
            stretch=LAST,
            parent=parent,
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

    def travellers(self) -> list[dict]:
        """The travellers as the service takes them (blank lines left out)."""
        return [
            {
                "salutation": self.value(row, SALUTATION) or "",
                "first_name": self.value(row, FIRST) or "",
                "last_name": self.value(row, LAST) or "",
                "birth_date": self.value(row, BIRTH),
            }
            for row in range(self.rowCount())
            if not self._is_blank(row)
        ]

    def problem(self) -> tuple[int, int, str] | None:
        """(row, column, message) of the first traveller that cannot be saved, or None."""
        for row in range(self.rowCount()):
            if self._is_blank(row):
                continue
            if not self.value(row, LAST):
                return row, LAST, self.tr("Traveller {n}: enter the last name.").format(n=row + 1)
            born = self.value(row, BIRTH)
            if born is not None and born > date.today():
                message = self.tr("Traveller {n}: the birth date must be a past date.")
                return row, BIRTH, message.format(n=row + 1)
        return None
