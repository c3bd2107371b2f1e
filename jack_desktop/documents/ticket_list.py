"""The ticket list of a tenant with totals per airline (R7).

A tenant with its own tickets prints its own. Where tickets are central, the list belongs to
tenant 0, the only place where all those tenants' tickets are seen together: it prints them
with a tenant column, and a sub-tenant with central tickets is refused (`CentralElsewhere`).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _, ngettext
from tenant_store.models.tickets import Ticket

from ..tickets import list_tickets, ticket_tenant_scope
from . import files
from . import layout as lay
from . import letterhead as lh
from .pages import Report, in_document_language, write_pdf

MAX_TICKETS = 1_000_000


@dataclass(frozen=True)
class TicketListData:
    user: str
    branding: lh.Branding
    tickets: list[Ticket]
    tenants: list[int]  # whose tickets this ticket file holds
    date_from: date | None
    date_to: date | None

    @property
    def several_tenants(self) -> bool:
        return len(self.tenants) > 1


def write_ticket_list(
    user: str,
    session: TenantSession,
    out: BinaryIO,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> int:
    """Write the ticket list (issue dates in the range, if given); returns the page count."""
    return _render(_load(user, session, date_from, date_to), out)


def save_ticket_list(
    user: str, session: TenantSession, *, date_from: date | None = None, date_to: date | None = None
) -> Path:
    """Save it as `Dokumente/Ticketliste-<today>.pdf` in the tenant's folder."""
    data = _load(user, session, date_from, date_to)
    path = files.report_path(session, "Ticketliste")
    return files.write_atomically(path, lambda out: _render(data, out))


def _load(
    user: str, session: TenantSession, first: date | None, last: date | None
) -> TicketListData:
    if first and last and last < first:
        raise ValidationError("date_to", _("The end date is before the start date."))
    tickets = [
        t
        for t in list_tickets(user, session, limit=MAX_TICKETS)  # rights, and R7
        if (first is None or t.issued_on >= first) and (last is None or t.issued_on <= last)
    ]
    tickets.sort(key=lambda t: (t.issued_on, t.number, t.id))
    scope = ticket_tenant_scope(session)
    return TicketListData(user, lh.Branding.of(session), tickets, scope, first, last)


def ticket_number(number: str) -> str:
    """'220-1234567890': airline prefix and serial number, as printed on tickets."""
    return f"{number[:3]}-{number[3:]}"


@in_document_language
def _render(data: TicketListData, out: BinaryIO) -> int:
    b = data.branding
    subtitle = lh.period_note(data.date_from, data.date_to)
    if data.several_tenants:
        numbers = ", ".join(str(nr) for nr in data.tenants)
        subtitle += " · " + _("Central tickets of tenants {numbers}").format(numbers=numbers)
    title = _("Ticket list")
    pages = Report(b, title, subtitle, lh.printed_note(data.user), pagesize=lay.LANDSCAPE)
    return write_pdf(out, pages, f"{title} – {b.name}", _story(data))


def _story(data: TicketListData) -> list:
    styles = lay.styles(data.branding.colour)
    if not data.tickets:
        return [Paragraph(_("There are no tickets in this period."), styles["body"])]
    return [
        _list_table(data),
        Paragraph(_("Totals per airline"), styles["heading"]),
        _airline_table(data),
    ]


def _list_table(data: TicketListData) -> Table:
    several = data.several_tenants
    lead = [""] if several else []  # the tenant column, in tenant 0 with central tickets
    passenger = 53 if several else 63
    header = [_("Tnt.")] if several else []
    header += [_("Ticket number"), _("Issued"), _("Airline"), _("Passenger"), _("Route")]
    header += [_("Booking"), _("Fare"), _("Taxes"), _("Total")]
    widths = [10] * len(lead) + [32, 23, 15, passenger, 36, 18, 24, 24, 26]
    rows = [header] + [_ticket_row(t, several, passenger * mm) for t in data.tickets]
    fare = sum(t.fare_cents for t in data.tickets)
    taxes = sum(t.tax_cents for t in data.tickets)
    count = ngettext("{count} ticket", "{count} tickets", len(data.tickets))
    count = count.format(count=lay.number(len(data.tickets)))
    rows.append([*lead, "", "", "", count, "", "", *_amounts(fare, taxes)])
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(_style(data.branding.colour, amounts_from=-3))
    return table


def _ticket_row(t: Ticket, several: bool, passenger_width: float) -> list[str]:
    cells = [str(t.tenant_nr)] if several else []
    return cells + [
        ticket_number(t.number),
        lay.day(t.issued_on),
        t.airline,
        lay.fit(t.passenger, passenger_width - 2 * mm, lay.FONT, 8.5),
        lay.fit(t.route, 34 * mm, lay.FONT, 8.5),
        str(t.booking_number or ""),
        *_amounts(t.fare_cents, t.tax_cents),
    ]


def _airline_table(data: TicketListData) -> Table:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for t in data.tickets:
        entry = sums[t.airline]
        entry[0] += 1
        entry[1] += t.fare_cents
        entry[2] += t.tax_cents
    rows = [[_("Airline"), _("Tickets"), _("Fare"), _("Taxes"), _("Total")]]
    for airline, (count, fare, taxes) in sorted(sums.items()):
        rows.append([airline, lay.number(count), *_amounts(fare, taxes)])
    fare = sum(v[1] for v in sums.values())
    taxes = sum(v[2] for v in sums.values())
    rows.append([_("Total"), lay.number(len(data.tickets)), *_amounts(fare, taxes)])
    table = Table(rows, colWidths=[30 * mm, 20 * mm, 30 * mm, 30 * mm, 30 * mm], hAlign="LEFT")
    table.setStyle(_style(data.branding.colour, amounts_from=1))
    return table


def _amounts(fare: int, taxes: int) -> list[str]:
    return [lay.money(fare), lay.money(taxes), lay.money(fare + taxes)]


def _style(colour, amounts_from: int) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), lay.FONT, 8.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), lay.TEXT),
            ("FONT", (0, 0), (-1, 0), lay.FONT_BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), lay.tint(colour, 0.86)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour),
            ("LINEBELOW", (0, 1), (-1, -2), 0.25, lay.RULE),
            ("ALIGN", (amounts_from, 0), (-1, -1), "RIGHT"),
            ("FONT", (0, -1), (-1, -1), lay.FONT_BOLD, 8.5),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colour),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]
    )
