"""Tickets: checked input, rights in the service, R7 list and reconciliation in tenant 0."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from jack_desktop.tickets import (
    CentralElsewhere,
    add_ticket,
    list_tickets,
    reconcile,
    ticket_tenant_scope,
)
from tenant_store import PermissionDenied, TenantSpec, ValidationError, create_tenant
from tenant_store.installation import now
from tenant_store.models.bookings import Booking, ServiceLine
from tenant_store.users import add_user, grant

from ..tenant_store.snapshot import snapshot

YESTERDAY = date.today() - timedelta(days=1)


@pytest.fixture
def office(inst3):
    """Tenant 2 shares tenant 0's tickets; tenants 1 and 3 keep their own."""
    create_tenant(inst3, TenantSpec(3, "West", central=["customers"]))
    for login in ("anna", "bernd", "vera", "otto"):
        add_user(inst3, login, login.title(), "geheim123")
    for nr in (0, 1, 2, 3):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "bernd", 2, "clerk")
    grant(inst3, "vera", 0, "viewer")
    return inst3


def _values(**changes) -> dict:
    values = {
        "number": "220 1234567890",
        "airline": "lh",
        "passenger": "Müller/Hans Mr",
        "route": "fra jfk/fra",
        "fare": "1,234.56",  # typed as the (English) UI writes amounts
        "taxes": "100.00",
        "issued_on": YESTERDAY,
    }
    return {**values, **changes}


def _add(inst, nr, user="anna", **changes):
    with inst.open_session(nr) as session:
        return add_ticket(user, session, _values(**changes))


def _booking(inst, nr, offset, flight_cents=0, status="booked", other_cents=0) -> int:
    """A booking in tenant `nr` (its number taken from the tenant's range) with a flight line."""
    number = inst.tenant(nr).booking_range[0] + offset
    with inst.open_session(nr) as session, session.transaction():
        booking = Booking.create(
            number=number, customer_id=1, status=status, created_at=now(), updated_at=now()
        )
        if flight_cents:
            # Two passengers at half the price: the flight amount is price times quantity.
            ServiceLine.create(
                booking=booking,
                position=1,
                kind="flight",
                price_cents=flight_cents // 2,
                quantity=2,
            )
        ServiceLine.create(booking=booking, position=2, kind="hotel", price_cents=other_cents)
    return number


def _list(inst, nr, user="anna", text=None):
    with inst.open_session(nr) as session:
        return [(t.tenant_nr, t.number, t.passenger) for t in list_tickets(user, session, text)]


def _reconcile(inst, nr, user="anna"):
    with inst.open_session(nr) as session:
        return reconcile(user, session)


def test_add_normalises_and_stores_cents(office):
    ticket = _add(office, 0, number="220-1234567890", issued_on=YESTERDAY.strftime("%d.%m.%Y"))
    assert ticket.number == "2201234567890"
    assert ticket.airline == "LH"
    assert ticket.route == "FRA-JFK-FRA"
    assert (ticket.fare_cents, ticket.tax_cents) == (123456, 10000)
    assert ticket.issued_on == YESTERDAY
    assert ticket.tenant_nr == 0
    assert ticket.booking_number is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("number", "220-123456789"),
        ("number", "22012345678901"),
        ("number", "220-12345678AB"),
        ("number", ""),
        ("airline", "L"),
        ("airline", "12"),
        ("airline", "L-"),
        ("passenger", "   "),
        ("passenger", "X" * 101),
        ("route", "FRA"),
        ("route", "FRA-QQQ"),
        ("route", None),
        ("fare", "12.345"),  # three decimals in the (English) UI
        ("fare", "-1"),
        ("fare", 1.5),
        ("taxes", "abc"),
        ("issued_on", date.today() + timedelta(days=1)),
        ("issued_on", "31.02.2026"),
        ("issued_on", 20260101),
        ("booking_number", "B-17"),
        ("booking_number", 999999),
        ("seat", "12A"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(office, field, value):
    _booking(office, 2, 1, flight_cents=10000)
    before = snapshot(office.root)
    with office.open_session(2) as session, pytest.raises(ValidationError) as exc:
        add_ticket("bernd", session, _values(**{field: value}))
    assert exc.value.field == field
    assert snapshot(office.root) == before


def test_unknown_airport_is_named(office):
    with pytest.raises(ValidationError, match="'QQQ' is not a known IATA airport code"):
        _add(office, 0, route="MUC-PMI qqq")


def test_booking_must_exist_in_the_acting_tenant(office):
    in_zero = _booking(office, 0, 1, flight_cents=10000)
    in_two = _booking(office, 2, 1, flight_cents=10000)
    with pytest.raises(ValidationError, match=f"no booking {in_zero} in tenant 2") as exc:
        _add(office, 2, user="bernd", booking_number=in_zero)
    assert exc.value.field == "booking_number"
    assert _add(office, 2, user="bernd", booking_number=str(in_two)).booking_number == in_two


def test_viewer_reads_but_cannot_add(office):
    _add(office, 0)
    with pytest.raises(PermissionDenied, match="write access to tickets in tenant 0"):
        _add(office, 0, user="vera")
    assert len(_list(office, 0, user="vera")) == 1
    assert _reconcile(office, 0, user="vera").duplicates == []


@pytest.mark.parametrize("nr", [0, 1, 2, 3])
def test_user_without_membership_is_refused_everywhere(office, nr):
    before = snapshot(office.root)
    with office.open_session(nr) as session:
        for call in (
            lambda: add_ticket("otto", session, _values()),
            lambda: list_tickets("otto", session),
            lambda: reconcile("otto", session),
        ):
            with pytest.raises(PermissionDenied):
                call()
    assert snapshot(office.root) == before


def test_central_tickets_are_added_in_the_sub_tenant_and_listed_in_tenant_0(office):
    _add(office, 2, user="bernd", passenger="Süd/Sabine Ms")
    _add(office, 0, number="0571234567890", passenger="Null/Nina Ms")
    with office.open_session(2) as session:
        for call in (lambda: list_tickets("bernd", session), lambda: reconcile("bernd", session)):
            with pytest.raises(CentralElsewhere, match="central.*done in tenant 0"):
                call()
        with pytest.raises(CentralElsewhere):
            ticket_tenant_scope(session)
    assert sorted(_list(office, 0)) == [
        (0, "0571234567890", "Null/Nina Ms"),
        (2, "2201234567890", "Süd/Sabine Ms"),
    ]
    with office.open_session(0) as session:
        assert ticket_tenant_scope(session) == [0, 2]


def test_tenant_0_reconciles_the_bookings_of_central_ticket_tenants(office):
    agreeing = _booking(office, 0, 1, flight_cents=50000, other_cents=9999)
    _add(office, 0, number="0570000000001", fare="400", taxes="100", booking_number=agreeing)
    short = _booking(office, 2, 1, flight_cents=50000)
    _add(
        office,
        2,
        user="bernd",
        number="2200000000001",
        fare="450",
        taxes="30",
        booking_number=short,
    )
    unticketed = _booking(office, 2, 2, flight_cents=20000)
    _booking(office, 2, 3, flight_cents=20000, status="cancelled")
    _booking(office, 2, 4, other_cents=30000)

    result = _reconcile(office, 0)

    assert [
        (m.tenant_nr, m.booking_number, m.flight_amount, m.ticket_amount) for m in result.mismatches
    ] == [
        (2, short, Decimal("500.00"), Decimal("480.00")),
        (2, unticketed, Decimal("200.00"), Decimal("0.00")),
    ]
    assert result.mismatches[0].difference == Decimal("20.00")
    assert result.without_booking == [] and result.duplicates == []


def test_reconciliation_finds_tickets_without_booking_and_duplicates(office):
    gone = _booking(office, 2, 1, flight_cents=10000)
    _add(
        office, 2, user="bernd", number="2200000000001", fare="100", taxes="0", booking_number=gone
    )
    _add(office, 2, user="bernd", number="2200000000002")
    _add(office, 0, number="2200000000002")
    with office.open_session(2) as session, session.transaction():
        Booking.delete().where(Booking.number == gone).execute()

    result = _reconcile(office, 0)

    assert [(t.tenant_nr, t.number) for t in result.without_booking] == [
        (2, "2200000000001"),
        (2, "2200000000002"),
        (0, "2200000000002"),
    ]
    assert [(d.number, sorted(t.tenant_nr for t in d.tickets)) for d in result.duplicates] == [
        ("2200000000002", [0, 2])
    ]
    assert result.mismatches == [] and not result.is_clean


def test_own_tickets_stay_in_their_tenant(office):
    booking = _booking(office, 3, 1, flight_cents=30000)
    _add(office, 3, number="0161234567890", fare="250", taxes="50", booking_number=booking)
    _add(office, 0, number="0571234567890")
    assert _list(office, 3) == [(3, "0161234567890", "Müller/Hans Mr")]
    assert _list(office, 0) == [(0, "0571234567890", "Müller/Hans Mr")]
    assert _list(office, 1) == []
    assert _reconcile(office, 3).is_clean
    with office.open_session(3) as session:
        assert ticket_tenant_scope(session) == [3]


def test_list_filters_by_every_word(office):
    _add(office, 0, number="0571234567890", passenger="Weiß/Eva Ms", route="HAM-PMI")
    _add(office, 0, number="2209999999999", passenger="Weber/Otto Mr", airline="AB")
    assert [n for _, n, _ in _list(office, 0, text="weiß pmi")] == ["0571234567890"]
    assert [n for _, n, _ in _list(office, 0, text="220-999")] == ["2209999999999"]
    assert [n for _, n, _ in _list(office, 0, text="ab")] == ["2209999999999"]
    assert len(_list(office, 0, text="FRA")) == 1


@pytest.mark.parametrize("text", ["muller", "mueller", "MÜL", "Müller hans"])
def test_the_list_finds_passengers_with_german_spellings_folded(office, text):
    amounts = {"fare": "100", "taxes": "0"}
    _add(office, 0, number="2201111111111", passenger="MUELLER/HANS MR", **amounts)
    _add(office, 0, number="2202222222222", passenger="Müller/Hans Mr", **amounts)
    _add(office, 0, number="2203333333333", passenger="MAIER/EVA MRS", **amounts)
    assert sorted(n for _, n, _ in _list(office, 0, text=text)) == [
        "2201111111111",
        "2202222222222",
    ]
