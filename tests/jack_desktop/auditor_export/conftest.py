"""One installation with a year of books for the export tests, built once per test module.

Tenant 0 and tenant 1 (central customers and accounting) are one set of books; tenant 2 and
tenant 3 keep their own. Tenant 3's fiscal year starts in July and has an entry in the
fiscal year before. The tests only read the books (an export adds its own audit record).
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from jack_desktop.accounting import Line, post_entry, reverse_entry
from jack_desktop.invoicing import cancel_booking, invoice_booking, record_payment
from jack_desktop.period_locks import taking_over_history
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import add_user, grant

from ..agency import booked, build_agency, new_customer

TODAY = date.today()
RENT = [Line("6310", debit=Decimal("800.00")), Line("1800", credit=Decimal("800.00"))]
OFFICE = [Line("6815", debit=Decimal("49.90")), Line("1600", credit=Decimal("49.90"))]
JULY = 7  # tenant 3's fiscal year starts in July


def fiscal_year(day: date, start_month: int) -> int:
    """The year in which the fiscal year holding `day` starts."""
    return day.year if day.month >= start_month else day.year - 1


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    inst, _ = Installation.init(tmp_path_factory.mktemp("auditor") / "inst")
    create_tenant(
        inst, TenantSpec(1, "Reisebüro Nord", central=["postal", "customers", "accounting"])
    )
    create_tenant(inst, TenantSpec(2, "Süd Reisen GmbH", central=["postal", "tickets"]))
    build_agency(inst)
    add_user(inst, "clara", "Clara Chen", "geheim123")
    grant(inst, "clara", 0, "accountant")  # not in tenant 1, whose postings are in 0's books
    update_tenant(inst, 3, books={"fiscal_year_start": JULY})
    with (
        inst.open_session(0) as s0,
        inst.open_session(1) as s1,
        inst.open_session(2) as s2,
        inst.open_session(3) as s3,
    ):
        _tenant_3(s3)
        invoice_booking("anna", s0, booked(s0))
        office = post_entry("otto", s0, TODAY, "Bürobedarf", OFFICE, reference="K 1")
        reverse_entry("otto", s0, office.id)
        _tenant_1(s1)
        invoice_booking("anna", s2, booked(s2))
    yield inst
    inst.close()


def _tenant_3(s3) -> None:
    # First, before any posting records the automatic lock of the months gone by.
    start = date(fiscal_year(TODAY, JULY), JULY, 1)
    with taking_over_history():
        post_entry("otto", s3, start - timedelta(days=10), "Miete Juni", RENT)
    invoice_booking("anna", s3, booked(s3))


def _tenant_1(s1) -> None:
    customer = new_customer(
        s1,
        first_name="Łukasz",
        last_name="Wałęsa",
        street="Hauptstraße 1",
        postcode="50667",
        city="Köln",
    )
    paid = booked(s1, customer_id=customer)
    invoice_booking("anna", s1, paid)
    record_payment("anna", s1, paid, Decimal("400.00"))
    cancelled = booked(s1)
    invoice_booking("anna", s1, cancelled)
    cancel_booking("anna", s1, cancelled)


@pytest.fixture
def out(tmp_path):
    """An empty folder to export to (tmp_path itself holds the test's home folder)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
