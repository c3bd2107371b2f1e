"""Controlling (R14): firm bookings only, exact sums, consolidation in tenant 0."""

from datetime import date
from decimal import Decimal

import pytest

from jack_desktop.bookings import confirm_booking, create_booking
from jack_desktop.controlling import consolidated_figures, period_of, tenant_figures
from jack_desktop.customers import create_customer
from jack_desktop.invoicing import cancel_booking, invoice_booking
from tenant_store import PermissionDenied, ValidationError
from tenant_store.errors import NotHere
from tenant_store.users import add_user, grant


@pytest.fixture
def office(inst3):
    """anna is admin everywhere; carl reads controlling in 0 and 1 only; bernd is a clerk."""
    for login in ("anna", "bernd", "carl"):
        add_user(inst3, login, login.title(), "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "bernd", 1, "clerk")
    grant(inst3, "carl", 0, "manager")
    grant(inst3, "carl", 1, "accountant")
    grant(inst3, "carl", 2, "clerk")  # a member of tenant 2, but without controlling there
    return inst3


def _book(inst, nr, status, travel_from, travel_type, cost_centre, *lines):
    """A booking with service lines (quantity, price, cost) brought to `status`."""
    services = [
        {"kind": "other", "quantity": q, "price": price, "cost": cost} for q, price, cost in lines
    ]
    with inst.open_session(nr) as session:
        customer = create_customer("anna", session, {"last_name": "Kunde"}).customer
        values = {
            "customer_id": customer.id,
            "title": "Reise",
            "travel_from": travel_from,
            "travel_type_code": travel_type,
            "cost_centre_code": cost_centre,
        }
        number = create_booking("anna", session, values, services=services).number
        if status != "offer":
            confirm_booking("anna", session, number)
        if status in ("invoiced", "cancelled"):
            invoice_booking("anna", session, number)
        if status == "cancelled":
            cancel_booking("anna", session, number)
        return number


@pytest.fixture
def bookings(office):
    """Tenant 1: three firm bookings in 2024, one in 2023, an offer and a cancelled booking."""
    _book(
        office,
        1,
        "booked",
        date(2024, 3, 10),
        "PAUS",
        "100",
        (2, Decimal("100.00"), Decimal("80.00")),
    )
    _book(
        office,
        1,
        "invoiced",
        date(2024, 3, 20),
        "FLUG",
        "200",
        (1, Decimal("300.00"), Decimal("270.00")),
        (1, Decimal("20.00"), "0"),
    )
    _book(
        office,
        1,
        "booked",
        date(2024, 4, 5),
        "PAUS",
        "200",
        (1, Decimal("1000.00"), Decimal("850.00")),
    )
    _book(
        office, 1, "booked", date(2023, 12, 28), "BUS", "", (1, Decimal("50.00"), Decimal("40.00"))
    )
    _book(
        office,
        1,
        "offer",
        date(2024, 3, 15),
        "PAUS",
        "100",
        (1, Decimal("999.00"), Decimal("1.00")),
    )
    _book(
        office,
        1,
        "cancelled",
        date(2024, 3, 16),
        "PAUS",
        "100",
        (1, Decimal("777.00"), Decimal("1.00")),
    )
    _book(
        office, 0, "booked", date(2024, 3, 1), "PAUS", "100", (3, Decimal("10.00"), Decimal("9.00"))
    )
    _book(
        office,
        2,
        "invoiced",
        date(2024, 5, 1),
        "BUS",
        "300",
        (1, Decimal("400.00"), Decimal("300.00")),
    )
    return office


def _rows(rows):
    return {r.key: (r.label, r.bookings, r.revenue_cents, r.margin_cents) for r in rows}


def test_tenant_figures_sum_firm_bookings_per_month_travel_type_and_cost_centre(bookings):
    with bookings.open_session(1) as s1:
        figures = tenant_figures("anna", s1, 2024)
    assert _rows(figures.per_month) == {
        "2024-03": ("2024-03", 2, 52_000, 9_000),
        "2024-04": ("2024-04", 1, 100_000, 15_000),
    }
    assert _rows(figures.per_travel_type) == {
        "FLUG": ("Nur-Flug", 1, 32_000, 5_000),
        "PAUS": ("Pauschalreise", 2, 120_000, 19_000),
    }
    assert _rows(figures.per_cost_centre) == {
        "100": ("Privatreisen", 1, 20_000, 4_000),
        "200": ("Firmenreisen", 2, 132_000, 20_000),
    }
    assert (figures.total.bookings, figures.total.revenue_cents) == (3, 152_000)
    assert (figures.total.margin_cents, figures.total.cost_cents) == (24_000, 128_000)
    assert (figures.tenant_nr, figures.tenant_name) == (1, "Reisebüro Nord")


def test_without_a_period_every_year_counts_and_a_missing_code_is_labelled(bookings):
    with bookings.open_session(1) as s1:
        figures = tenant_figures("anna", s1)
    assert [r.key for r in figures.per_month] == ["2023-12", "2024-03", "2024-04"]
    assert _rows(figures.per_cost_centre)[""] == ("(none)", 1, 5_000, 1_000)
    assert figures.total.bookings == 4


def test_a_date_range_includes_both_ends(bookings):
    with bookings.open_session(1) as s1:
        figures = tenant_figures("anna", s1, date_from=date(2024, 3, 20), date_to=date(2024, 4, 5))
    assert (figures.total.bookings, figures.total.revenue_cents) == (2, 132_000)


def test_a_booking_without_travel_date_counts_in_the_month_it_was_created(office):
    _book(office, 1, "booked", None, "PAUS", "100", (1, Decimal("10.00"), Decimal("5.00")))
    with office.open_session(1) as s1:
        figures = tenant_figures("anna", s1)
    assert [r.key for r in figures.per_month] == [date.today().strftime("%Y-%m")]


def test_bad_periods_are_refused_naming_the_field():
    with pytest.raises(ValidationError) as reversed_range:
        period_of(date_from=date(2024, 5, 1), date_to=date(2024, 4, 30))
    assert reversed_range.value.field == "date_to"
    with pytest.raises(ValidationError) as both:
        period_of(2024, date_from=date(2024, 1, 1))
    assert both.value.field == "year"
    with pytest.raises(ValidationError) as bad_year:
        period_of(24)
    assert bad_year.value.field == "year"


def test_consolidated_equals_the_sum_of_the_tenants(bookings):
    with bookings.open_session(0) as s0:
        all_of_them = consolidated_figures("anna", s0, 2024)
    single = {}
    for nr in (0, 1, 2):
        with bookings.open_session(nr) as session:
            single[nr] = tenant_figures("anna", session, 2024)
    assert [f.tenant_nr for f in all_of_them.tenants] == [0, 1, 2]
    assert list(all_of_them.tenants) == [single[0], single[1], single[2]]
    assert all_of_them.total.revenue_cents == 3_000 + 152_000 + 40_000
    assert all_of_them.total.margin_cents == 300 + 24_000 + 10_000
    assert all_of_them.total.bookings == 5
    assert _rows(all_of_them.per_month)["2024-03"] == ("2024-03", 3, 55_000, 9_300)
    assert _rows(all_of_them.per_travel_type)["BUS"] == ("Busreise", 1, 40_000, 10_000)
    assert all_of_them.months == ["2024-03", "2024-04", "2024-05"]
    assert all_of_them.monthly_revenue() == {
        0: [3_000, 0, 0],
        1: [52_000, 100_000, 0],
        2: [0, 0, 40_000],
    }


def test_a_tenant_without_controlling_right_is_left_out_and_never_opened(bookings, monkeypatch):
    opened = []
    original = type(bookings).open_session

    def recording(self, nr, **kwargs):
        opened.append(nr)
        return original(self, nr, **kwargs)

    with bookings.open_session(0) as s0:
        monkeypatch.setattr(type(bookings), "open_session", recording)
        consolidated = consolidated_figures("carl", s0, 2024)
    assert opened == [1]
    assert [f.tenant_nr for f in consolidated.tenants] == [0, 1]
    assert consolidated.total.revenue_cents == 3_000 + 152_000


def test_a_clerk_is_refused(bookings):
    with bookings.open_session(1) as s1, pytest.raises(PermissionDenied, match="controlling"):
        tenant_figures("bernd", s1)


def test_consolidation_is_only_done_in_tenant_0(bookings):
    with bookings.open_session(1) as s1, pytest.raises(NotHere, match="tenant 0"):
        consolidated_figures("anna", s1)
    with bookings.open_session(2) as s2, pytest.raises(PermissionDenied):
        tenant_figures("carl", s2)
