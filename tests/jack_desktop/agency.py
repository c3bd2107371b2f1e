"""A small travel agency for service tests: four tenants, users with different roles."""

from datetime import date
from decimal import Decimal

from jack_desktop.bookings import confirm_booking, create_booking
from jack_desktop.customers import create_customer
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.users import add_user, grant

# Decimals, as code passes amounts: text is read in the UI language (German tests too).
PACKAGE = {
    "kind": "package",
    "price": Decimal("1000.00"),
    "cost": Decimal("880.00"),
    "supplier_code": "TUI",
}
FLIGHT = {"kind": "flight", "price": Decimal("300.00"), "cost": Decimal("270.00")}


def build_agency(inst: Installation) -> Installation:
    """Tenants 1 (central customers and accounting), 2 (central tickets), 3 (all own).

    anna is admin everywhere, bernd a clerk and vera a viewer in 1, otto an accountant in 0-3.
    """
    create_tenant(inst, TenantSpec(3, "West", central=[]))
    for login, name in (
        ("anna", "Anna Albers"),
        ("bernd", "Bernd Bauer"),
        ("vera", "Vera Voss"),
        ("otto", "Otto Ohm"),
    ):
        add_user(inst, login, name, "geheim123")
    for nr in (0, 1, 2, 3):
        grant(inst, "anna", nr, "admin")
        grant(inst, "otto", nr, "accountant")
    grant(inst, "bernd", 1, "clerk")
    grant(inst, "vera", 1, "viewer")
    return inst


def new_customer(session, user="anna", **values) -> int:
    """A customer visible in the session's tenant; returns its id."""
    values = {"first_name": "Hans", "last_name": "Müller", **values}
    return create_customer(user, session, values).customer.id


def booked(session, user="anna", services=(PACKAGE,), travel_type="PAUS", **values) -> int:
    """A booked booking with the given services; returns its number."""
    base = {
        "customer_id": values.pop("customer_id", None) or new_customer(session, user),
        "travel_type_code": travel_type,
        "title": "Mallorca",
        "travel_from": date(2027, 5, 1),
        "travel_to": date(2027, 5, 8),
    }
    booking = create_booking(
        user, session, {**base, **values}, [{"last_name": "Müller"}], list(services)
    )
    confirm_booking(user, session, booking.number)
    return booking.number
