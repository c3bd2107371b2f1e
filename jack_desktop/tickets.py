"""Tickets: issue, list and reconcile flight tickets against bookings (R7).

With central tickets a sub-tenant writes into tenant 0's ticket file (labelled with its tenant
number), but the list and the reconciliation belong to tenant 0: only there are the bookings of
all those tenants visible together. A tenant with its own tickets lists and reconciles its own.
"""

import functools
import operator
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache

import airportsdata
import peewee

from tenant_store import Logical, StoreError, TenantSession, ValidationError
from tenant_store.i18n import _
from tenant_store.models.bookings import Booking, ServiceLine
from tenant_store.models.tickets import Ticket, passenger_folded
from tenant_store.rights import Level
from tenant_store.search_folding import fold

from .money import from_cents, parse_amount, to_cents

FIELDS = (
    "number",
    "airline",
    "passenger",
    "route",
    "fare",
    "taxes",
    "issued_on",
    "booking_number",
)
REQUIRED = ("number", "airline", "passenger", "route", "fare", "issued_on")
# IATA designators are two letters/digits; two digits are never assigned.
AIRLINE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]{2}$")
ROUTE_SEPARATORS = re.compile(r"[\s\-/,]+")
MAX_PASSENGER = 100


class CentralElsewhere(StoreError):
    """R7: this tenant's tickets are central; lists and reconciliation happen in tenant 0."""


@dataclass(frozen=True)
class Mismatch:
    """A booking whose flight services and tickets (fare + taxes) disagree."""

    tenant_nr: int
    booking_number: int
    flight_amount: Decimal
    ticket_amount: Decimal

    @property
    def difference(self) -> Decimal:
        return self.flight_amount - self.ticket_amount


@dataclass(frozen=True)
class Duplicate:
    """One ticket number issued more than once."""

    number: str
    tickets: list[Ticket]


@dataclass(frozen=True)
class Reconciliation:
    """Findings of a reconciliation; empty lists mean everything agrees."""

    without_booking: list[Ticket]
    mismatches: list[Mismatch]
    duplicates: list[Duplicate]

    @property
    def is_clean(self) -> bool:
        return not (self.without_booking or self.mismatches or self.duplicates)


@cache
def _airports() -> dict[str, dict]:
    return airportsdata.load("IATA")


def normalise_number(value) -> str:
    """The 13 digits of a ticket number typed with or without spaces and dashes."""
    digits = re.sub(r"[\s\-]", "", str(value or ""))
    # The 13 digits carry no check digit; a 14th printed one (serial mod 7) is not stored.
    if not re.fullmatch(r"\d{13}", digits):
        raise ValidationError(
            "number",
            _("'{value}' is not a ticket number: enter 13 digits, e.g. 220-1234567890.").format(
                value=value
            ),
        )
    return digits


def normalise_route(value) -> str:
    """Airport codes as 'FRA-JFK-FRA'; each must be a known IATA airport code."""
    codes = [c for c in ROUTE_SEPARATORS.split(str(value or "").strip().upper()) if c]
    if len(codes) < 2:
        raise ValidationError("route", _("Enter at least two airport codes, e.g. FRA-JFK-FRA."))
    for code in codes:
        if code not in _airports():
            raise ValidationError(
                "route", _("'{code}' is not a known IATA airport code.").format(code=code)
            )
    return "-".join(codes)


def _airline(value) -> str:
    airline = str(value or "").strip().upper()
    if not AIRLINE.match(airline):
        raise ValidationError(
            "airline",
            _("'{value}' is not an airline code: enter two letters or digits, e.g. LH.").format(
                value=value
            ),
        )
    return airline


def _passenger(value) -> str:
    passenger = " ".join(str(value or "").split())
    if not passenger:
        raise ValidationError("passenger", _("Enter the passenger's name."))
    if len(passenger) > MAX_PASSENGER:
        raise ValidationError(
            "passenger",
            _("The passenger's name is longer than {max} characters.").format(max=MAX_PASSENGER),
        )
    return passenger


def _issued_on(value) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        value = _parse_date(value.strip())
    if not isinstance(value, date):
        raise ValidationError(
            "issued_on", _("'{value}' is not a date such as 31.01.2026.").format(value=value)
        )
    if value > date.today():
        raise ValidationError("issued_on", _("The issue date must not be in the future."))
    return value


def _parse_date(text: str) -> date | str:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    return text


def _booking_number(value) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit():
        raise ValidationError(
            "booking_number", _("'{value}' is not a booking number.").format(value=value)
        )
    return int(text)


def clean(values: dict) -> dict:
    """Checked and normalised ticket fields as stored; ValidationError names the first bad one."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], _("This is not a ticket field."))
    for name in REQUIRED:
        if values.get(name) is None or values.get(name) == "":
            raise ValidationError(name, _("This field is required."))
    return {
        "number": normalise_number(values["number"]),
        "airline": _airline(values["airline"]),
        "passenger": _passenger(values["passenger"]),
        "route": normalise_route(values["route"]),
        "fare_cents": to_cents(parse_amount("fare", values["fare"])),
        "tax_cents": to_cents(parse_amount("taxes", values.get("taxes") or "0")),
        "issued_on": _issued_on(values["issued_on"]),
        "booking_number": _booking_number(values.get("booking_number")),
    }


def tickets_central_elsewhere(session: TenantSession) -> bool:
    """True in a sub-tenant whose tickets live in tenant 0's file."""
    return session.nr != 0 and bool(session.tenant.central.get("tickets"))


def _refuse_if_central_elsewhere(session: TenantSession) -> None:
    if tickets_central_elsewhere(session):
        raise CentralElsewhere(
            _("Tickets are central: the ticket list and reconciliation are done in tenant 0.")
        )


def ticket_tenant_scope(session: TenantSession) -> list[int]:
    """Tenants whose tickets this session's ticket file holds (R7); refused where central."""
    _refuse_if_central_elsewhere(session)
    if session.nr != 0:
        return [session.nr]
    return [0, *session.installation.sharing_tenants(Logical.TICKETS)]


def add_ticket(user: str, session: TenantSession, values: dict) -> Ticket:
    """Record an issued ticket in this tenant (stored centrally if its tickets are central)."""
    session.rights(user).require("tickets", Level.WRITE)
    data = clean(values)
    with session.transaction():
        number = data["booking_number"]
        if number is not None and not Booking.select().where(Booking.number == number).exists():
            raise ValidationError(
                "booking_number",
                _("There is no booking {number} in tenant {nr}.").format(
                    number=number, nr=session.nr
                ),
            )
        folded = passenger_folded(data["passenger"])  # found as "muller" and "MÜL" too
        return Ticket.create(tenant_nr=session.nr, passenger_folded=folded, **data)


def _matching(text: str | None) -> peewee.Expression | bool:
    """Every word of `text` in the passenger (folded: "muller" finds MUELLER), route, airline,
    number or booking number."""
    condition = True
    for word in (text or "").split():
        digits = re.sub(r"[\s\-]", "", word)
        folded = [Ticket.passenger_folded.contains(part) for part in fold(word).split()]
        term = Ticket.route.contains(word.upper())
        if folded:
            term |= functools.reduce(operator.and_, folded)
        term |= Ticket.airline == word.upper()
        if digits.isdigit():
            term |= Ticket.number.contains(digits) | (Ticket.booking_number == int(digits))
        condition &= term
    return condition


def list_tickets(
    user: str, session: TenantSession, text: str | None = None, limit: int = 200
) -> list[Ticket]:
    """Tickets of this ticket file, newest first, each labelled by its `tenant_nr` (R7)."""
    session.rights(user).require("tickets", Level.READ)
    _refuse_if_central_elsewhere(session)
    with session.bound():
        return list(
            Ticket.select()
            .where(_matching(text))
            .order_by(Ticket.issued_on.desc(), Ticket.id.desc())
            .limit(limit)
        )


def get_ticket(user: str, session: TenantSession, ticket_id: int) -> Ticket:
    """One ticket of this ticket file (R7: not in a sub-tenant whose tickets are central)."""
    session.rights(user).require("tickets", Level.READ)
    _refuse_if_central_elsewhere(session)
    with session.bound():
        ticket = Ticket.get_or_none(Ticket.id == ticket_id)
    if ticket is None:
        raise ValidationError("ticket", _("There is no ticket {id}.").format(id=ticket_id))
    return ticket


def reconcile(user: str, session: TenantSession) -> Reconciliation:
    """Tickets without booking, bookings whose flights and tickets disagree, duplicate numbers."""
    session.rights(user).require("tickets", Level.READ)
    scope = ticket_tenant_scope(session)
    with session.bound():
        tickets = list(Ticket.select().order_by(Ticket.number, Ticket.id))
    bookings: dict[tuple[int, int], tuple[str, int]] = {}
    for nr in scope:
        bookings.update(_bookings_of(session, nr))
    return Reconciliation(
        without_booking=[t for t in tickets if (t.tenant_nr, t.booking_number) not in bookings],
        mismatches=_mismatches(tickets, bookings),
        duplicates=_duplicates(tickets),
    )


def _bookings_of(session: TenantSession, nr: int) -> dict[tuple[int, int], tuple[str, int]]:
    """(tenant, booking number) -> (status, flight cents); other tenants opened read-only."""
    if nr == session.nr:
        return _read_bookings(session)
    with session.installation.open_session(nr, read_only=True) as other:
        return _read_bookings(other)


def _read_bookings(session: TenantSession) -> dict[tuple[int, int], tuple[str, int]]:
    flight = ServiceLine.price_cents * ServiceLine.quantity
    with session.bound():
        everything = Booking.select(Booking.number, Booking.status).tuples()
        found = {(session.nr, n): (status, 0) for n, status in everything}
        sums = (
            Booking.select(Booking.number, peewee.fn.SUM(flight))
            .join(ServiceLine, on=ServiceLine.booking == Booking.id)
            .where(ServiceLine.kind == "flight")
            .group_by(Booking.id)
            .tuples()
        )
        for number, cents in sums:
            found[(session.nr, number)] = (found[(session.nr, number)][0], cents)
    return found


def _mismatches(
    tickets: list[Ticket], bookings: dict[tuple[int, int], tuple[str, int]]
) -> list[Mismatch]:
    ticketed: dict[tuple[int, int], int] = defaultdict(int)
    for t in tickets:
        ticketed[(t.tenant_nr, t.booking_number)] += t.fare_cents + t.tax_cents
    found = []
    for key, (status, flight_cents) in sorted(bookings.items()):
        # A cancelled booking's tickets are refunded or voided outside the booking's services.
        if status != "cancelled" and flight_cents != ticketed.get(key, 0):
            found.append(Mismatch(*key, from_cents(flight_cents), from_cents(ticketed.get(key, 0))))
    return found


def _duplicates(tickets: list[Ticket]) -> list[Duplicate]:
    by_number: dict[str, list[Ticket]] = defaultdict(list)
    for t in tickets:
        by_number[t.number].append(t)
    return [Duplicate(n, ts) for n, ts in sorted(by_number.items()) if len(ts) > 1]
