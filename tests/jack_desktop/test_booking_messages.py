"""What the booking service says and shows (issue 10): messages naming the line and column,
the company of a company customer in the list, capitalised status and kind names."""

from datetime import date

import pytest

from jack_desktop.bookings import create_booking, list_bookings, service_name, status_name
from tenant_store import ValidationError

from .agency import build_agency, new_customer


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


@pytest.mark.parametrize(
    ("travellers", "services", "field", "message"),
    [
        (
            [],
            [{"kind": "hotel"}, {"kind": "flight", "price": "abc"}],
            "service 2 price",
            "Service 2, Price: 'abc' is not an amount such as",
        ),
        (
            [],
            [{"kind": "hotel", "supplier_code": "NOPE"}],
            "service 1 supplier_code",
            "Service 1, Supplier: 'NOPE' is not in the base data (or is inactive).",
        ),
        (
            [],
            [{"kind": "zeppelin"}],
            "service 1 kind",
            "Service 1, Kind: Choose one of: Flight, Hotel, Package, Insurance, Rail, Other.",
        ),
        (
            [{"last_name": "Meier"}, {"first_name": "Ida"}],
            [],
            "traveller 2 last_name",
            "Traveller 2, Last name: Enter the last name.",
        ),
    ],
)
def test_a_refused_line_names_its_row_and_column(agency, travellers, services, field, message):
    with agency.open_session(1) as s:
        values = {"customer_id": new_customer(s)}
        with pytest.raises(ValidationError) as caught:
            create_booking("anna", s, values, travellers, services)
    assert caught.value.field == field
    assert caught.value.message.startswith(message)


def test_reversed_travel_dates_say_so(agency):
    with agency.open_session(1) as s:
        values = {
            "customer_id": new_customer(s),
            "travel_from": date(2027, 5, 8),
            "travel_to": date(2027, 5, 1),
        }
        with pytest.raises(ValidationError) as caught:
            create_booking("anna", s, values)
    assert (caught.value.field, caught.value.message) == (
        "travel_to",
        "The return date lies before the departure date.",
    )


def test_the_list_names_a_company_customer_by_its_company(agency):
    with agency.open_session(1) as s:
        company = new_customer(
            s,
            kind="company",
            company="Hansen IT-Beratung GmbH",
            first_name="Stefan",
            last_name="Klein",
        )
        employee = new_customer(s, company="Vogel Logistik", first_name="Eva", last_name="Roth")
        for customer in (company, employee):
            create_booking("anna", s, {"customer_id": customer})
        names = [row.customer_name for row in list_bookings("anna", s)]
        found = [row.customer_name for row in list_bookings("anna", s, text="Hansen")]
    assert names == ["Roth, Eva (Vogel Logistik)", "Hansen IT-Beratung GmbH (Klein, Stefan)"]
    assert found == ["Hansen IT-Beratung GmbH (Klein, Stefan)"]


def test_status_and_kind_names_are_capitalised():
    assert [status_name(s) for s in ("offer", "booked", "invoiced", "cancelled")] == [
        "Offer",
        "Booked",
        "Invoiced",
        "Cancelled",
    ]
    assert (service_name("flight"), service_name("rail"), service_name("old")) == (
        "Flight",
        "Rail",
        "old",
    )
