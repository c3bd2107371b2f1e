"""Bookings ("Vorgänge"): number from the tenant's range, customer, travellers, service lines.

Bookings are never central: each tenant's bookings live in its own file, so a customer's
booking history in a tenant shows only that tenant's bookings (R8). Money-moving status
changes (invoice, payment, cancellation) are in `invoicing.py`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import peewee

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import N_, _
from tenant_store.installation import now
from tenant_store.models.basedata import CostCentre, Destination, Supplier, TravelType
from tenant_store.models.bookings import Booking, ServiceLine, Traveller
from tenant_store.models.customers import Customer
from tenant_store.number_ranges import next_booking_number
from tenant_store.rights import Level, rights_of

from .customers import visible_customer
from .money import parse_amount, to_cents

STATUSES = ("offer", "booked", "invoiced", "cancelled")
FIRM = ("booked", "invoiced")  # what the customer has booked: confirmed, counted in revenue
# The status as a word inside a sentence ("booking 1000042 is invoiced").
STATUS_LABELS = {
    "offer": N_("offer"),
    "booked": N_("booked"),
    "invoiced": N_("invoiced"),
    "cancelled": N_("cancelled"),
}
# The status on its own, in lists, filters and titles.
STATUS_NAMES = {
    "offer": N_("Offer"),
    "booked": N_("Booked"),
    "invoiced": N_("Invoiced"),
    "cancelled": N_("Cancelled"),
}
SERVICE_KINDS = ("flight", "hotel", "package", "insurance", "rail", "other")
SERVICE_NAMES = {
    "flight": N_("Flight"),
    "hotel": N_("Hotel"),
    "package": N_("Package"),
    "insurance": N_("Insurance"),
    "rail": N_("Rail"),
    "other": N_("Other"),
}
# The lowercase words the documents still capitalise themselves (documents/booking_letter.py).
SERVICE_LABELS = {
    "flight": N_("flight"),
    "hotel": N_("hotel"),
    "package": N_("package"),
    "insurance": N_("insurance"),
    "rail": N_("rail"),
    "other": N_("other"),
}
# The columns of a service line in the editor's order, named as its headers and messages say.
SERVICE_FIELDS = {
    "kind": N_("Kind"),
    "supplier_code": N_("Supplier"),
    "description": N_("Description"),
    "date_from": N_("From"),
    "date_to": N_("To"),
    "quantity": N_("Qty"),
    "price": N_("Price"),
    "cost": N_("Cost"),
    "vat_rate_percent": N_("VAT"),
}
TRAVELLER_FIELDS = {
    "salutation": N_("Salutation"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "birth_date": N_("Born"),
}
EDITABLE = (
    "customer_id",
    "title",
    "travel_from",
    "travel_to",
    "destination_code",
    "travel_type_code",
    "cost_centre_code",
    "clerk_login",
    "note",
)
CHANGEABLE = ("offer", "booked")


def status_name(status: str) -> str:
    """The translated status as a list or title shows it: 'Booked', 'Gebucht'."""
    return _(STATUS_NAMES[status])


def service_name(kind: str) -> str:
    """The translated kind of a service line: 'Flight', 'Flug' (an unknown code as it is)."""
    return _(SERVICE_NAMES[kind]) if kind in SERVICE_NAMES else kind


def customer_display_name(kind: str, company: str, last_name: str, first_name: str) -> str:
    """'Hansen IT-Beratung GmbH (Klein, Stefan)': a company first, then its contact person.

    A person reads 'Müller, Hans', with the company they work for in brackets if given.
    """
    person = ", ".join(part for part in (last_name, first_name) if part)
    first, second = (company, person) if kind == "company" or not person else (person, company)
    return f"{first} ({second})" if first and second else first or second


@dataclass(frozen=True)
class Totals:
    price_cents: int
    cost_cents: int

    @property
    def margin_cents(self) -> int:
        return self.price_cents - self.cost_cents


@dataclass(frozen=True)
class BookingRow:
    """A line of the booking list: the booking with its customer's name and its total."""

    booking: Booking
    customer_name: str
    price_cents: int


def create_booking(
    user: str,
    session: TenantSession,
    values: dict,
    travellers: Sequence[dict] = (),
    services: Sequence[dict] = (),
) -> Booking:
    """A new booking (status offer) with the next number of the tenant's range."""
    session.rights(user).require("bookings", Level.WRITE)
    data = _clean(session, {"clerk_login": user, **values})
    people = [check_traveller(i, t) for i, t in enumerate(travellers, 1)]
    lines = [_clean_service(session, i, s) for i, s in enumerate(services, 1)]
    with session.transaction():
        stamp = now()
        booking = Booking.create(
            number=next_booking_number(session), created_at=stamp, updated_at=stamp, **data
        )
        _write_children(booking, people, lines)
        return booking


def update_booking(
    user: str,
    session: TenantSession,
    number: int,
    values: dict | None = None,
    travellers: Sequence[dict] | None = None,
    services: Sequence[dict] | None = None,
) -> Booking:
    """Change an offer or booked booking; given travellers or services replace the old ones."""
    session.rights(user).require("bookings", Level.WRITE)
    with session.transaction():
        booking = changeable_booking(number)
        current = {f: getattr(booking, f) for f in EDITABLE}
        data = _clean(session, {**current, **(values or {})})
        people = travellers and [check_traveller(i, t) for i, t in enumerate(travellers, 1)]
        lines = services and [_clean_service(session, i, s) for i, s in enumerate(services, 1)]
        Booking.update(updated_at=now(), **data).where(Booking.id == booking.id).execute()
        if travellers is not None:
            Traveller.delete().where(Traveller.booking == booking.id).execute()
        if services is not None:
            ServiceLine.delete().where(ServiceLine.booking == booking.id).execute()
        _write_children(booking, people or [], lines or [])
        return Booking.get_by_id(booking.id)


def confirm_booking(user: str, session: TenantSession, number: int) -> Booking:
    """Offer -> booked."""
    session.rights(user).require("bookings", Level.WRITE)
    with session.transaction():
        booking = find_booking(number)
        if booking.status != "offer":
            raise ValidationError(
                "status",
                _("Only an offer can be booked; booking {number} is {status}.").format(
                    number=number, status=_(STATUS_LABELS[booking.status])
                ),
            )
        Booking.update(status="booked", updated_at=now()).where(Booking.id == booking.id).execute()
        return Booking.get_by_id(booking.id)


def get_booking(user: str, session: TenantSession, number: int) -> Booking:
    """One booking of this tenant."""
    session.rights(user).require("bookings", Level.READ)
    with session.bound():
        return find_booking(number)


def travellers_of(user: str, session: TenantSession, number: int) -> list[Traveller]:
    """The travellers of a booking in their order."""
    session.rights(user).require("bookings", Level.READ)
    with session.bound():
        booking = find_booking(number)
        return list(booking.travellers.order_by(Traveller.position))


def services_of(user: str, session: TenantSession, number: int) -> list[ServiceLine]:
    """The service lines of a booking in their order."""
    session.rights(user).require("bookings", Level.READ)
    with session.bound():
        booking = find_booking(number)
        return list(booking.services.order_by(ServiceLine.position))


def list_bookings(
    user: str,
    session: TenantSession,
    *,
    status: str | None = None,
    customer_id: int | None = None,
    text: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[BookingRow]:
    """This tenant's bookings, newest number first, filtered by status, customer or text."""
    session.rights(user).require("bookings", Level.READ)
    if status is not None and status not in STATUSES:
        raise ValidationError(
            "status", _("'{value}' is not a booking status.").format(value=status)
        )
    with session.bound():
        query = _list_query().where(_filters(status, customer_id, text))
        rows = query.order_by(Booking.number.desc()).limit(limit).offset(offset)
        return [_row(booking) for booking in rows]


def count_bookings(user: str, session: TenantSession, *, status: str | None = None) -> int:
    """How many bookings this tenant has (with the status, if given)."""
    session.rights(user).require("bookings", Level.READ)
    with session.bound():
        return Booking.select().where(_filters(status, None, "")).count()


def booking_history(user: str, session: TenantSession, customer_id: int) -> list[BookingRow]:
    """A customer's bookings in this tenant only (R8), even where customers are central."""
    session.rights(user).require("customers", Level.READ)
    visible_customer(session, customer_id)
    return list_bookings(user, session, customer_id=customer_id, limit=10_000)


def totals(booking: Booking) -> Totals:
    """Price and cost of a booking's service lines (bound to its session)."""
    price, cost = (
        ServiceLine.select(
            peewee.fn.COALESCE(peewee.fn.SUM(ServiceLine.price_cents * ServiceLine.quantity), 0),
            peewee.fn.COALESCE(peewee.fn.SUM(ServiceLine.cost_cents * ServiceLine.quantity), 0),
        )
        .where(ServiceLine.booking == booking.id)
        .tuples()
        .get()
    )
    return Totals(price, cost)


def find_booking(number: int) -> Booking:
    """The booking with `number` in the bound tenant, or a ValidationError."""
    booking = Booking.get_or_none(Booking.number == number)
    if booking is None:
        raise ValidationError("booking", _("There is no booking {number}.").format(number=number))
    return booking


def changeable_booking(number: int) -> Booking:
    """A booking that may still be edited (offer or booked)."""
    booking = find_booking(number)
    if booking.status not in CHANGEABLE:
        raise ValidationError(
            "status",
            _(
                "Booking {number} is {status} and can no longer be changed; cancel it and "
                "create a new one."
            ).format(number=number, status=_(STATUS_LABELS[booking.status])),
        )
    return booking


def _list_query() -> peewee.ModelSelect:
    price = ServiceLine.select(peewee.fn.SUM(ServiceLine.price_cents * ServiceLine.quantity)).where(
        ServiceLine.booking == Booking.id
    )
    return (
        Booking.select(
            Booking,
            Customer.first_name.alias("customer_first"),
            Customer.last_name.alias("customer_last"),
            Customer.company.alias("customer_company"),
            Customer.kind.alias("customer_kind"),
            price.alias("price_total"),
        )
        .join(Customer, peewee.JOIN.LEFT_OUTER, on=(Booking.customer_id == Customer.id))
        .objects()
    )


def _row(booking: Booking) -> BookingRow:
    name = customer_display_name(
        booking.customer_kind or "",
        booking.customer_company or "",
        booking.customer_last or "",
        booking.customer_first or "",
    )
    return BookingRow(booking, name, booking.price_total or 0)


def _filters(status: str | None, customer_id: int | None, text: str) -> peewee.Expression:
    where = Booking.id.is_null(False)
    if status:
        where &= Booking.status == status
    if customer_id is not None:
        where &= Booking.customer_id == customer_id
    if text.strip():
        term = text.strip()
        where &= (
            Booking.number.cast("TEXT").startswith(term)
            | Booking.title.contains(term)
            | Customer.last_name.contains(term)
            | Customer.company.contains(term)
        )
    return where


def _write_children(booking: Booking, people: list[dict], lines: list[dict]) -> None:
    if people:
        Traveller.insert_many(
            [{"booking": booking.id, "position": i, **p} for i, p in enumerate(people, 1)]
        ).execute()
    if lines:
        ServiceLine.insert_many(
            [{"booking": booking.id, "position": i, **s} for i, s in enumerate(lines, 1)]
        ).execute()


def _clean(session: TenantSession, values: dict) -> dict:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], _("This is not a booking field."))
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if not isinstance(data.get("customer_id"), int):
        raise ValidationError("customer", _("Choose the customer of the booking."))
    if len(data.get("title") or "") > 200:
        raise ValidationError("title", _("The title is longer than 200 characters."))
    check_travel_dates(data.get("travel_from"), data.get("travel_to"))
    with session.bound():
        visible_customer(session, data["customer_id"])
        _check_code("destination_code", Destination, data.get("destination_code"))
        _check_code("travel_type_code", TravelType, data.get("travel_type_code"))
        _check_code("cost_centre_code", CostCentre, data.get("cost_centre_code"))
        _check_clerk(session, data.get("clerk_login"))
    return data


def check_travel_dates(first, last) -> None:
    """Departure and return date of a booking (either may be None); ValidationError if wrong."""
    for field, value in (("travel_from", first), ("travel_to", last)):
        if value is not None and not isinstance(value, date):
            raise ValidationError(field, _("Enter a date."))
    if first and last and last < first:
        raise ValidationError("travel_to", _("The return date lies before the departure date."))


def _code_problem(model, code: str | None) -> str | None:
    if code and model.get_or_none((model.code == code) & (model.active == True)) is None:  # noqa: E712
        return _("'{code}' is not in the base data (or is inactive).").format(code=code)
    return None


def _check_code(field: str, model, code: str | None) -> None:
    problem = _code_problem(model, code)
    if problem:
        raise ValidationError(field, problem)


def _check_clerk(session: TenantSession, login: str | None) -> None:
    if not rights_of(login or "", session.nr).can("bookings", Level.WRITE):
        raise ValidationError(
            "clerk_login",
            _("'{login}' is not a user who may make bookings in tenant {nr}.").format(
                login=login, nr=session.nr
            ),
        )


def _traveller_error(position: int, key: str, problem: str) -> ValidationError:
    """'Traveller 2, Last name: …': the field is 'traveller 2 last_name'."""
    text = _("Traveller {n}, {column}: {problem}").format(
        n=position, column=_(TRAVELLER_FIELDS[key]), problem=problem
    )
    return ValidationError(f"traveller {position} {key}", text)


def _service_error(position: int, key: str, problem: str) -> ValidationError:
    """'Service 1, Price: …', naming the line and the column the editor shows."""
    text = _("Service {n}, {column}: {problem}").format(
        n=position, column=_(SERVICE_FIELDS[key]), problem=problem
    )
    return ValidationError(f"service {position} {key}", text)


def check_traveller(position: int, values: dict) -> dict:
    """The traveller at `position` (from 1) cleaned for storing; ValidationError naming it."""
    if set(values) - set(TRAVELLER_FIELDS):
        raise ValidationError(f"traveller {position}", _("Unknown traveller field."))
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if not data.get("last_name"):
        raise _traveller_error(position, "last_name", _("Enter the last name."))
    birth = data.get("birth_date")
    if birth is not None and (not isinstance(birth, date) or birth > date.today()):
        raise _traveller_error(position, "birth_date", _("The birth date must be a past date."))
    return data


def check_service_line(position: int, values: dict) -> dict:
    """The service line at `position` (from 1) cleaned for storing, amounts in cents.

    A ValidationError names the line and column ('Service 1, Price: …'). The supplier is
    checked against the base data when the booking is saved.
    """
    if set(values) - set(SERVICE_FIELDS):
        raise ValidationError(f"service {position}", _("Unknown service field."))
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if data.get("kind") not in SERVICE_KINDS:
        kinds = ", ".join(service_name(k) for k in SERVICE_KINDS)
        raise _service_error(position, "kind", _("Choose one of: {kinds}.").format(kinds=kinds))
    _check_line_dates(position, data.get("date_from"), data.get("date_to"))
    quantity = data.get("quantity", 1)
    if not isinstance(quantity, int) or not 1 <= quantity <= 999:
        raise _service_error(position, "quantity", _("Enter a quantity from 1 to 999."))
    vat = data.get("vat_rate_percent", 0)
    if not isinstance(vat, int) or not 0 <= vat <= 100:
        raise _service_error(position, "vat_rate_percent", _("Enter a VAT rate from 0 to 100."))
    for key in ("price", "cost"):
        try:
            data[f"{key}_cents"] = to_cents(parse_amount(key, data.pop(key, 0)))
        except ValidationError as exc:
            raise _service_error(position, key, exc.message) from None
    return data


def _check_line_dates(position: int, first, last) -> None:
    for key, value in (("date_from", first), ("date_to", last)):
        if value is not None and not isinstance(value, date):
            raise _service_error(position, key, _("Enter a date."))
    if first and last and last < first:
        raise _service_error(position, "date_to", _("The end date is before the start date."))


def _clean_service(session: TenantSession, position: int, values: dict) -> dict:
    data = check_service_line(position, values)
    with session.bound():
        problem = _code_problem(Supplier, data.get("supplier_code"))
    if problem:
        raise _service_error(position, "supplier_code", problem)
    return data
