"""Invoicing: gapless numbers, postings in the right journal (R4), payments, cancellations."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from jack_desktop.accounting import account_ledger, trial_balance
from jack_desktop.bookings import create_booking, get_booking
from jack_desktop.invoicing import (
    cancel_booking,
    invoice_booking,
    invoices_of,
    open_amount,
    record_payment,
)
from tenant_store import PermissionDenied, ValidationError
from tenant_store.models.accounting import JournalEntry

from ..tenant_store.snapshot import snapshot
from .agency import FLIGHT, PACKAGE, booked, build_agency, new_customer


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


def _balances(session, user="anna"):
    return {row.account: row.balance_cents for row in trial_balance(user, session)}


def _journal_tags(session):
    with session.bound():
        return sorted({e.tenant_nr for e in JournalEntry.select()})


def test_invoice_numbers_are_gapless_per_tenant(agency):
    with agency.open_session(1) as s1, agency.open_session(3) as s3:
        numbers = [invoice_booking("anna", s1, booked(s1)).number for _ in range(3)]
        failed = booked(s1, travel_type="")
        with pytest.raises(ValidationError, match="travel type"):
            invoice_booking("anna", s1, failed)
        numbers.append(invoice_booking("anna", s1, booked(s1)).number)
        assert numbers == [1, 2, 3, 4]
        assert invoice_booking("anna", s3, booked(s3)).number == 1


def test_agency_invoice_posts_receivable_payable_and_commission(agency):
    with agency.open_session(3) as s:
        number = booked(s, services=(PACKAGE, FLIGHT), cost_centre_code="100")
        issued = date.today().replace(day=2)  # this month: open, whatever the day
        invoice = invoice_booking("anna", s, number, issued_on=issued)
        assert (invoice.total_cents, invoice.vat_cents) == (130_000, 0)
        assert invoice.due_on == issued + timedelta(days=14)
        assert _balances(s) == {"1200": 130_000, "3300": -115_000, "4560": -15_000}
        assert get_booking("anna", s, number).status == "invoiced"


def test_margin_scheme_posts_vat_on_the_margin_only(agency):
    with agency.open_session(3) as s:
        number = booked(s, travel_type="BUS")  # price 1000, cost 880: margin 120
        invoice = invoice_booking("anna", s, number)
        assert invoice.vat_cents == 1916  # 120 * 19 / 119
        assert _balances(s) == {
            "1200": 100_000,
            "3300": -88_000,
            "3806": -1916,
            "4010": -98_084,
            "5900": 88_000,
        }


def test_central_accounting_posts_into_tenant_0_tagged_with_the_tenant(agency):
    """R4: tenant 1's postings are in tenant 0's journal; each tenant sees only its own."""
    with agency.open_session(0) as s0, agency.open_session(1) as s1:
        invoice_booking("anna", s1, booked(s1))
        assert _balances(s1)["1200"] == 100_000
        assert _balances(s0) == {}
        assert _journal_tags(s0) == [1]
    with agency.open_session(3) as s3, agency.open_session(0) as s0:
        invoice_booking("anna", s3, booked(s3))
        assert _journal_tags(s3) == [3]
        assert _journal_tags(s0) == [1]


def test_payments_post_and_may_not_exceed_the_open_amount(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number)
        record_payment("bernd", s, number, Decimal("200.00"))
        record_payment("bernd", s, number, Decimal("100.50"), method="cash")
        with pytest.raises(ValidationError, match="more than the open amount of €699.50"):
            record_payment("bernd", s, number, "700")
        balances = _balances(s)
        assert (balances["1200"], balances["1800"], balances["1600"]) == (69_950, 20_000, 10_050)
        with s.bound():
            assert open_amount(get_booking("anna", s, number)) == 69_950
        ledger = account_ledger("anna", s, "1200")
        assert [row.balance_cents for row in ledger] == [100_000, 80_000, 69_950]


def test_cancelling_an_invoiced_booking_issues_a_credit_note_that_reverses(agency):
    with agency.open_session(1) as s:
        number = booked(s, travel_type="BUS")
        invoice_booking("anna", s, number)
        credit = cancel_booking("anna", s, number)
        assert (credit.kind, credit.number, credit.total_cents) == ("credit", 2, -100_000)
        assert all(balance == 0 for balance in _balances(s).values())
        assert [i.number for i in invoices_of("anna", s, number)] == [1, 2]
        assert get_booking("anna", s, number).status == "cancelled"
        with pytest.raises(ValidationError, match="cancelled already"):
            cancel_booking("anna", s, number)


def test_cancelling_an_offer_posts_nothing(agency):
    with agency.open_session(1) as s:
        offer = create_booking("anna", s, {"customer_id": new_customer(s)}).number
        assert cancel_booking("anna", s, offer) is None
        assert _balances(s) == {}


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (lambda s, n: invoice_booking("anna", s, 99), "booking"),
        (lambda s, n: record_payment("anna", s, n, "12.345"), "amount"),
        (lambda s, n: record_payment("anna", s, n, "-5"), "amount"),
        (lambda s, n: record_payment("anna", s, n, "0"), "amount"),
        (lambda s, n: record_payment("anna", s, n, "abc"), "amount"),
        (lambda s, n: record_payment("anna", s, n, "10", method="cheque"), "method"),
        (
            lambda s, n: record_payment("anna", s, n, "10", date.today() + timedelta(days=1)),
            "received_on",
        ),
        (lambda s, n: record_payment("anna", s, n, "10"), "status"),  # not invoiced yet
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(agency, action, field):
    with agency.open_session(1) as s:
        number = booked(s)
        before = snapshot(agency.root)
        with pytest.raises(ValidationError) as caught:
            action(s, number)
        assert caught.value.field == field
        assert snapshot(agency.root) == before


def test_an_invoice_needs_priced_services(agency):
    with agency.open_session(1) as s:
        number = booked(s, services=())
        with pytest.raises(ValidationError, match="at least one service"):
            invoice_booking("anna", s, number)


@pytest.mark.parametrize("nr", [0, 1, 2, 3])
def test_users_without_bookings_write_cannot_invoice_pay_or_cancel(agency, nr):
    with agency.open_session(nr) as s:
        number = booked(s)
        for user in ("otto", "nobody", "vera"):
            for action in (invoice_booking, cancel_booking):
                with pytest.raises(PermissionDenied):
                    action(user, s, number)
            with pytest.raises(PermissionDenied):
                record_payment(user, s, number, "1")
        assert get_booking("anna", s, number).status == "booked"
