"""Bookings: numbers from the tenant's range, editing rules, R8 history, refusals."""

from datetime import date

import pytest

from jack_desktop.bookings import (
    booking_history,
    confirm_booking,
    count_bookings,
    create_booking,
    get_booking,
    list_bookings,
    services_of,
    travellers_of,
    update_booking,
)
from jack_desktop.customers import create_customer, set_sharing
from jack_desktop.invoicing import invoice_booking
from tenant_store import PermissionDenied, ValidationError

from ..tenant_store.snapshot import snapshot
from .agency import FLIGHT, PACKAGE, booked, build_agency, new_customer


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


def test_booking_numbers_come_from_each_tenants_range(agency):
    with agency.open_session(0) as s0, agency.open_session(1) as s1:
        first = [booked(s0) for _ in range(2)]
        second = [booked(s1) for _ in range(2)]
    assert first == [1, 2]
    assert second == [100_000, 100_001]


def test_a_booking_keeps_travellers_services_and_prices(agency):
    with agency.open_session(1) as s:
        number = booked(s, services=(PACKAGE, {**FLIGHT, "quantity": 2}))
        rows = list_bookings("anna", s)
        assert [r.booking.number for r in rows] == [number]
        assert rows[0].customer_name == "Müller, Hans"
        assert rows[0].price_cents == 100_000 + 2 * 30_000
        assert [t.last_name for t in travellers_of("anna", s, number)] == ["Müller"]
        lines = services_of("anna", s, number)
        assert [(ln.kind, ln.quantity, ln.price_cents, ln.cost_cents) for ln in lines] == [
            ("package", 1, 100_000, 88_000),
            ("flight", 2, 30_000, 27_000),
        ]
        assert get_booking("anna", s, number).status == "booked"


def test_editing_replaces_services_until_the_booking_is_invoiced(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        update_booking("anna", s, number, {"title": "Ibiza"}, services=[FLIGHT])
        assert get_booking("anna", s, number).title == "Ibiza"
        assert [ln.kind for ln in services_of("anna", s, number)] == ["flight"]
        invoice_booking("anna", s, number)
        with pytest.raises(ValidationError, match="invoiced and can no longer be changed"):
            update_booking("anna", s, number, {"title": "Ibiza"})


def test_only_an_offer_can_be_booked(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        with pytest.raises(ValidationError, match="Only an offer can be booked"):
            confirm_booking("anna", s, number)


def test_history_shows_only_this_tenants_bookings_of_a_central_customer(agency):
    """R8: the customer is shared, its bookings are not."""
    with agency.open_session(0) as s0, agency.open_session(1) as s1:
        customer = new_customer(s0)
        in_0 = booked(s0, customer_id=customer)
        in_1 = booked(s1, customer_id=customer)
        assert [r.booking.number for r in booking_history("anna", s0, customer)] == [in_0]
        assert [r.booking.number for r in booking_history("anna", s1, customer)] == [in_1]


def test_a_customer_hidden_by_r12_cannot_be_referenced(agency):
    with agency.open_session(0) as s0, agency.open_session(1) as s1:
        customer = create_customer("anna", s0, {"last_name": "Geheim"}, shared_with=set()).customer
        with pytest.raises(ValidationError, match=f"There is no customer {customer.id}"):
            booked(s1, customer_id=customer.id)
        set_sharing("anna", s0, customer.id, {1})
        assert booked(s1, customer_id=customer.id) == 100_000


def test_list_filters_by_status_and_text(agency):
    with agency.open_session(1) as s:
        number = booked(s, title="Rundreise Island")
        create_booking("anna", s, {"customer_id": new_customer(s, last_name="Weiß")})
        assert count_bookings("anna", s) == 2
        assert [r.booking.number for r in list_bookings("anna", s, status="booked")] == [number]
        assert [r.booking.number for r in list_bookings("anna", s, text="Island")] == [number]
        assert [r.customer_name for r in list_bookings("anna", s, text="Wei")] == ["Weiß, Hans"]
        assert [r.booking.number for r in list_bookings("anna", s, text="100000")] == [number]


@pytest.mark.parametrize(
    ("values", "travellers", "services", "field"),
    [
        ({}, [], [], "customer"),
        ({"travel_from": date(2027, 5, 8), "travel_to": date(2027, 5, 1)}, [], [], "travel_to"),
        ({"destination_code": "ATLANTIS"}, [], [], "destination_code"),
        ({"travel_type_code": "XXX"}, [], [], "travel_type_code"),
        ({"cost_centre_code": "999"}, [], [], "cost_centre_code"),
        ({"clerk_login": "vera"}, [], [], "clerk_login"),
        ({"clerk_login": "nobody"}, [], [], "clerk_login"),
        ({}, [{"first_name": "Ida"}], [], "traveller 1 last_name"),
        ({}, [], [{"kind": "zeppelin"}], "service 1 kind"),
        ({}, [], [{"kind": "hotel", "price": "12.345"}], "service 1 price"),
        ({}, [], [{"kind": "hotel", "price": "-5"}], "service 1 price"),
        ({}, [], [{"kind": "hotel", "quantity": 0}], "service 1 quantity"),
        ({}, [], [{"kind": "hotel", "supplier_code": "NOPE"}], "service 1 supplier_code"),
        (
            {},
            [],
            [{"kind": "hotel", "date_from": date(2027, 1, 9), "date_to": date(2027, 1, 2)}],
            "service 1 date_to",
        ),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(agency, values, travellers, services, field):
    with agency.open_session(1) as s:
        customer = new_customer(s)
        values = {"customer_id": customer, **values} if field != "customer" else values
        before = snapshot(agency.root)
        with pytest.raises(ValidationError) as caught:
            create_booking("anna", s, values, travellers, services)
        assert caught.value.field == field
        assert snapshot(agency.root) == before


@pytest.mark.parametrize("nr", [0, 1, 2, 3])
def test_users_without_the_right_are_refused_in_every_tenant(agency, nr):
    with agency.open_session(nr) as s:
        customer = new_customer(s)
        number = booked(s, customer_id=customer)
        for user in ("vera", "otto", "nobody") if nr == 1 else ("bernd", "vera", "nobody"):
            if user == "otto":  # accountants read bookings but do not make them
                assert get_booking(user, s, number).number == number
            with pytest.raises(PermissionDenied):
                create_booking(user, s, {"customer_id": customer})
            with pytest.raises(PermissionDenied):
                confirm_booking(user, s, number)
        for user in ("nobody",) if nr == 1 else ("bernd", "vera", "nobody"):
            with pytest.raises(PermissionDenied):
                list_bookings(user, s)
