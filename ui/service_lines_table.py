"""The service lines of a booking (flight, hotel, package...), edited in place with live totals."""

from datetime import date

from jack_desktop.bookings import SERVICE_FIELDS, SERVICE_KINDS, check_service_line, service_name
from jack_desktop.money import amount_input, parse_amount, to_cents
from tenant_store import ValidationError
from tenant_store.i18n import _
from tenant_store.models.bookings import ServiceLine

from .editable_table import EditableTable
from .optional_date import date_text
from .table_delegates import ChoiceDelegate, DateDelegate, MoneyDelegate, NumberDelegate, money_text

KIND, SUPPLIER, DESCRIPTION, FROM, TO, QUANTITY, PRICE, COST, VAT = range(9)
FIELDS = tuple(SERVICE_FIELDS)  # the service's field shown in each column


class ServiceLinesTable(EditableTable):
    """Kind, supplier, description, dates, quantity, unit price, unit cost and VAT rate."""

    def __init__(self, suppliers: list[tuple[str, str]], parent=None):
        # The service's column names, so that its messages ("Service 1, Price: …") match.
        super().__init__(
            [_(SERVICE_FIELDS[field]) for field in FIELDS], stretch=DESCRIPTION, parent=parent
        )
        self.setObjectName("services")
        self.kinds = ChoiceDelegate([(k, service_name(k)) for k in SERVICE_KINDS], self)
        self.suppliers = ChoiceDelegate([("", ""), *suppliers], self)
        self.setItemDelegateForColumn(KIND, self.kinds)
        self.setItemDelegateForColumn(SUPPLIER, self.suppliers)
        dates = DateDelegate(self)
        self.setItemDelegateForColumn(FROM, dates)
        self.setItemDelegateForColumn(TO, dates)
        self.setItemDelegateForColumn(QUANTITY, NumberDelegate(1, 999, parent=self))
        money = MoneyDelegate(self)
        self.setItemDelegateForColumn(PRICE, money)
        self.setItemDelegateForColumn(COST, money)
        self.setItemDelegateForColumn(VAT, NumberDelegate(0, 100, " %", self))
        width = self.fontMetrics().averageCharWidth()
        for column, chars in ((KIND, 11), (SUPPLIER, 18), (FROM, 11), (TO, 11)):
            self.setColumnWidth(column, width * chars + 24)
        for column, chars in ((QUANTITY, 4), (PRICE, 12), (COST, 12), (VAT, 6)):
            self.setColumnWidth(column, width * chars + 24)
        self.default_dates: tuple[date | None, date | None] = (None, None)

    def text_columns(self) -> tuple[int, ...]:
        return (DESCRIPTION,)

    # -- filling -------------------------------------------------------------------------------

    def set_lines(self, lines: list[ServiceLine]) -> None:
        """Show the stored service lines."""
        self.clear_rows()
        for line in lines:
            self._append(
                line.kind,
                line.supplier_code,
                line.description,
                line.date_from,
                line.date_to,
                line.quantity,
                amount_input(line.price_cents),
                amount_input(line.cost_cents),
                line.vat_rate_percent,
            )

    def _append(self, kind, supplier, description, first, last, quantity, price, cost, vat) -> int:
        return self.append_row(
            [
                self.new_item(self.kinds.label(kind), kind),
                self.new_item(self.suppliers.label(supplier), supplier),
                self.new_item(description),
                self.new_item(date_text(first), first),
                self.new_item(date_text(last), last),
                self.new_item(str(quantity), quantity, align_right=True),
                self.new_item(money_text(price), price, align_right=True),
                self.new_item(money_text(cost), cost, align_right=True),
                self.new_item(f"{vat} %", vat, align_right=True),
            ]
        )

    def add_line(self) -> None:
        """A new line for the travel dates (a package if it is the first), description next."""
        kind = "package" if self.rowCount() == 0 else "other"
        first, last = self.default_dates
        row = self._append(kind, "", "", first, last, 1, "", "", 0)
        self.setCurrentCell(row, DESCRIPTION)
        self.editItem(self.item(row, DESCRIPTION))

    # -- reading -------------------------------------------------------------------------------

    def lines(self) -> list[dict]:
        """The service lines as the service takes them (amounts as typed)."""
        return [
            {
                "kind": self.value(row, KIND),
                "supplier_code": self.value(row, SUPPLIER) or "",
                "description": self.value(row, DESCRIPTION) or "",
                "date_from": self.value(row, FROM),
                "date_to": self.value(row, TO),
                "quantity": self.value(row, QUANTITY) or 1,
                "price": self.value(row, PRICE) or "0",
                "cost": self.value(row, COST) or "0",
                "vat_rate_percent": self.value(row, VAT) or 0,
            }
            for row in range(self.rowCount())
        ]

    def problem(self) -> tuple[int, int, str] | None:
        """(row, column, message) of the first line that cannot be saved, or None."""
        for row, line in enumerate(self.lines()):
            try:
                check_service_line(row + 1, line)
            except ValidationError as exc:
                key = exc.field.split(" ", 2)[-1]
                return row, FIELDS.index(key) if key in FIELDS else KIND, exc.message
        return None

    def totals(self) -> tuple[int, int] | None:
        """(price, cost) of all lines in cents, quantities counted; None while one is no amount."""
        price = cost = 0
        for line in self.lines():
            try:
                price += to_cents(parse_amount("price", line["price"])) * line["quantity"]
                cost += to_cents(parse_amount("cost", line["cost"])) * line["quantity"]
            except ValidationError:
                return None
        return price, cost
