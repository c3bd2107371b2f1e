"""What the invoice and the travel confirmation share: the booking's data, the customer's
window address, the travellers and the service lines with their carry-over."""

import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from babel import Locale
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from tenant_store import TenantSession
from tenant_store.i18n import SUPPORTED, _, current_language, using_language
from tenant_store.models.basedata import Destination, Supplier, TravelType
from tenant_store.models.bookings import Booking, ServiceLine, Traveller
from tenant_store.models.customers import Customer

from ..bookings import SERVICE_LABELS, get_booking, services_of, travellers_of
from ..customers import visible_customer
from . import layout as lay
from .flowables import CarryOverTable

HOME_COUNTRY = "DE"
# The salutations offered for customers and travellers (male, female), in each language.
SALUTATIONS = {"de": ("Herr", "Frau"), "en": ("Mr", "Ms")}
# Pos, service, dates, quantity, unit price, amount: 165 mm, the DIN 5008 text width. The dates
# column is as wide as its longest line (at most DATES_MAX); the service text takes the rest.
TEXT_WIDTH = 165 * mm
POS_WIDTH, QTY_WIDTH, PRICE_WIDTH, AMOUNT_WIDTH = 8 * mm, 10 * mm, 24 * mm, 26 * mm
DATES_MIN, DATES_MAX = 22 * mm, 46 * mm
CELL_PADDING = 12  # points: a table cell's left plus right padding (reportlab's default 6 + 6)


@dataclass(frozen=True)
class BookingData:
    """A booking of the session's tenant with everything its letters print."""

    booking: Booking
    customer: Customer
    travellers: list[Traveller]
    services: list[ServiceLine]
    suppliers: dict[str, str]
    destination: str
    vat_scheme: str

    @property
    def total_cents(self) -> int:
        return sum(line_cents(s) for s in self.services)


def load_booking(user: str, session: TenantSession, number: int) -> BookingData:
    """The booking `number` of this tenant (needs read access to bookings)."""
    booking = get_booking(user, session, number)
    travellers = travellers_of(user, session, number)
    services = services_of(user, session, number)
    # The customer is part of the booking: R12 visibility applies, not the customers module.
    customer = visible_customer(session, booking.customer_id)
    with session.bound():
        suppliers = dict(Supplier.select(Supplier.code, Supplier.name).tuples())
        destination = Destination.get_or_none(Destination.code == booking.destination_code)
        travel_type = TravelType.get_or_none(TravelType.code == booking.travel_type_code)
    return BookingData(
        booking=booking,
        customer=customer,
        travellers=travellers,
        services=services,
        suppliers=suppliers,
        destination=destination.name if destination else "",
        vat_scheme=travel_type.vat_scheme if travel_type else "",
    )


def line_cents(service: ServiceLine) -> int:
    return service.price_cents * service.quantity


def person_name(salutation: str, title: str, first: str, last: str) -> str:
    """'Herr Dr. Hans Müller', the salutation in the document language."""
    return " ".join(p for p in (_salutation(salutation), title, first, last) if p)


def _salutation(stored: str) -> str:
    """A salutation clerks pick ("Mr"/"Ms" in their UI language, see ui/customer_editor.py) in
    the language being rendered; any other text as typed."""
    word = (stored or "").strip()
    key = word.rstrip(".").casefold()
    for words in SALUTATIONS.values():
        for i, candidate in enumerate(words):
            if key == candidate.casefold():
                return SALUTATIONS.get(current_language(), words)[i]
    return word


def address_lines(customer: Customer) -> list[str]:
    """The customer's postal address as printed in the window (DIN 5008)."""
    person = person_name(
        customer.salutation, customer.title, customer.first_name, customer.last_name
    )
    lines = [customer.company, person] if customer.kind == "company" else [person]
    lines += [customer.street, f"{customer.postcode} {customer.city}".strip()]
    if customer.country and customer.country.upper() != HOME_COUNTRY:
        territories = Locale.parse(current_language()).territories
        name = territories.get(customer.country.upper(), customer.country)
        lines.append(name.upper())  # DIN 5008: the country in capitals, in the last line
    return [line for line in lines if line]


def travellers_table(data: BookingData, styles: dict, colour) -> list:
    """The travellers, with their dates of birth where known (to check against passports)."""
    births = any(t.birth_date for t in data.travellers)
    rows = [[_("No."), _("Traveller")] + ([_("Date of birth")] if births else [])]
    for i, t in enumerate(data.travellers, 1):
        name = person_name(t.salutation, "", t.first_name, t.last_name)
        rows.append([str(i), name] + ([lay.day(t.birth_date)] if births else []))
    widths = [10 * mm, 120 * mm] + ([35 * mm] if births else [])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_plain_style(colour))
    return [Paragraph(_("Travellers"), styles["heading"]), table]


def services_table(data: BookingData, styles: dict, colour, sign: int = 1) -> CarryOverTable:
    """The service lines with dates, quantity and amounts; `sign` -1 for a credit note."""
    header = [_("Pos."), _("Service"), _("Dates"), _("Qty"), _("Unit price"), _("Amount")]
    dates = [_dates(s) for s in data.services]
    dates_width = _dates_width(header[2], dates)
    rows, amounts = [], []
    for s, when in zip(data.services, dates, strict=True):
        amount = sign * line_cents(s)
        rows.append(
            [
                str(s.position),
                Paragraph(_service_text(s, data.suppliers), styles["cell"]),
                Paragraph(_dates_cell(when, dates_width), styles["cell"]),
                str(s.quantity),
                lay.money(sign * s.price_cents),
                lay.money(amount),
            ]
        )
        amounts.append(amount)
    fixed = POS_WIDTH + dates_width + QTY_WIDTH + PRICE_WIDTH + AMOUNT_WIDTH
    widths = [POS_WIDTH, TEXT_WIDTH - fixed, dates_width, QTY_WIDTH, PRICE_WIDTH, AMOUNT_WIDTH]
    return CarryOverTable(
        header,
        rows,
        amounts,
        widths,
        colour=colour,
        carry_label=_("Carried forward"),
    )


@cache
def _kind_labels(kind: str) -> frozenset[str]:
    """The label of a service kind in every language, as clerks start descriptions with it."""
    labels = set()
    for lang in SUPPORTED:
        with using_language(lang):
            labels.add(_(SERVICE_LABELS.get(kind, kind)).casefold())
    return frozenset(labels)


def _service_text(s: ServiceLine, suppliers: dict[str, str]) -> str:
    kind = _(SERVICE_LABELS.get(s.kind, s.kind)).capitalize()
    description = _without_kind(s.description or "", s.kind)
    text = f"<b>{escape(kind)}</b>"
    if description:
        text += f" {escape(description)}"
    if s.supplier_code:
        supplier = escape(suppliers.get(s.supplier_code, s.supplier_code))
        text += f"<br/><font size=8 color='#666666'>{supplier}</font>"
    return text


def _without_kind(description: str, kind: str) -> str:
    """The description without a leading kind label ("Flug DUS-VIE-DUS" -> "DUS-VIE-DUS"),
    which the line prints in bold before it anyway: the kind shows once."""
    first = re.match(r"\s*(\w+)\b[\s:,.–-]*", description)
    if first and first.group(1).casefold() in _kind_labels(kind):
        return description[first.end() :].strip()
    return description.strip()


def _dates(s: ServiceLine) -> str:
    """'01.05.2027 – 08.05.2027', one date, or nothing."""
    return lay.period(s.date_from, s.date_to)


def _dates_width(header: str, dates: list[str]) -> float:
    """Room for the longest date range on one line, within DATES_MIN..DATES_MAX."""
    widths = [stringWidth(header, lay.FONT_BOLD, 8.5)]
    widths += [stringWidth(text, lay.FONT, 9) for text in dates]
    return min(max(max(widths) + CELL_PADDING + 1, DATES_MIN), DATES_MAX)


def _dates_cell(text: str, width: float) -> str:
    """The dates on one line; a range broken after the dash only where it cannot fit."""
    if stringWidth(text, lay.FONT, 9) + CELL_PADDING > width:
        return escape(text).replace(" – ", " –<br/>")
    return escape(text)


def totals_table(rows: list[tuple[str, str, bool]], colour) -> Table:
    """Label/amount lines right-aligned under the services; bold ones with a rule above."""
    data = [[label, amount] for label, amount, _bold in rows]
    table = Table(data, colWidths=[60 * mm, 30 * mm], hAlign="RIGHT")
    cmds = [
        ("FONT", (0, 0), (-1, -1), lay.FONT, 9.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), lay.TEXT),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, (_label, _amount, bold) in enumerate(rows):
        if bold:
            cmds += [
                ("FONT", (0, i), (-1, i), lay.FONT_BOLD, 10),
                ("LINEABOVE", (0, i), (-1, i), 0.8, colour),
            ]
    table.setStyle(TableStyle(cmds))
    return table


def _plain_style(colour) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), lay.FONT, 9),
            ("FONT", (0, 0), (-1, 0), lay.FONT_BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), lay.tint(colour, 0.86)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, lay.RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
    )


def paragraphs(text: str, style) -> list:
    """A parameter text (may hold blank lines) as paragraphs with a little space after each."""
    out = []
    for block in text.split("\n\n"):
        if block.strip():
            out += [
                Paragraph(escape(block.strip()).replace("\n", "<br/>"), style),
                Spacer(1, 2 * mm),
            ]
    return out
