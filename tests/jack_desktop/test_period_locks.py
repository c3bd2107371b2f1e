"""Festschreibung: locked periods refuse every posting path, and nothing is written (GoBD)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from jack_desktop.accounting import Line, post_entry
from jack_desktop.formats import day
from jack_desktop.invoicing import cancel_booking, invoice_booking, record_payment
from jack_desktop.period_locks import automatic_lock, lock_date, lock_period, lock_state
from tenant_store import PermissionDenied, ValidationError
from tenant_store.models.accounting import PeriodLock
from tenant_store.tenant_edit import update_tenant

from ..tenant_store.snapshot import snapshot
from .agency import booked, build_agency

TODAY = date.today()
LAST_MONTH_END = TODAY.replace(day=1) - timedelta(days=1)
IN_LAST_MONTH = LAST_MONTH_END.replace(day=15)
RENT = [Line("6310", debit=Decimal("100.00")), Line("1800", credit=Decimal("100.00"))]


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


def test_the_automatic_lock_follows_the_lock_day():
    # Lock day 0: a month is locked once the following month is over.
    assert automatic_lock(date(2026, 12, 4), 0) == date(2026, 10, 31)
    assert automatic_lock(date(2027, 1, 1), 0) == date(2026, 11, 30)
    # Lock day 10 (the VAT return's due date): November locks after 10 December.
    assert lock_date(date(2026, 11, 30), 10) == date(2026, 12, 10)
    assert automatic_lock(date(2026, 12, 10), 10) == date(2026, 10, 31)
    assert automatic_lock(date(2026, 12, 11), 10) == date(2026, 11, 30)
    assert automatic_lock(date(2027, 3, 1), 28) == date(2027, 1, 31)


def _refused(inst, action):
    before = snapshot(inst.root)
    with pytest.raises(ValidationError) as caught:
        action()
    assert snapshot(inst.root) == before, "a refused posting changed a file"
    return caught.value


def test_every_posting_path_is_refused_in_a_locked_month(agency):
    with agency.open_session(3) as s:
        paid_later = booked(s)
        invoice_booking("anna", s, paid_later)
        to_cancel = booked(s)
        invoice_booking("anna", s, to_cancel)
        to_invoice = booked(s)
        assert lock_period("otto", s, IN_LAST_MONTH) == LAST_MONTH_END
        attempts = {
            "invoice": lambda: invoice_booking("anna", s, to_invoice, issued_on=IN_LAST_MONTH),
            "payment": lambda: record_payment(
                "anna", s, paid_later, Decimal("10.00"), received_on=IN_LAST_MONTH
            ),
            "cancellation": lambda: cancel_booking("anna", s, to_cancel, IN_LAST_MONTH),
            "manual entry": lambda: post_entry("otto", s, IN_LAST_MONTH, "Miete", RENT),
        }
        for path, attempt in attempts.items():
            error = _refused(agency, attempt)
            assert error.field == "date", path
            assert day(LAST_MONTH_END) in error.message, path
            assert day(LAST_MONTH_END + timedelta(days=1)) in error.message, path
        # The day after the lock is open for all of them.
        assert invoice_booking("anna", s, to_invoice, issued_on=TODAY).number == 3
        post_entry("otto", s, LAST_MONTH_END + timedelta(days=1), "Miete", RENT)


def test_a_lock_in_tenant_0_holds_for_the_tenants_posting_into_its_books(agency):
    with agency.open_session(0) as s0, agency.open_session(1) as s1, agency.open_session(3) as s3:
        lock_period("otto", s0, LAST_MONTH_END)
        number = booked(s1)
        _refused(agency, lambda: invoice_booking("anna", s1, number, issued_on=IN_LAST_MONTH))
        assert lock_state(s1).locked_through == LAST_MONTH_END
        # Tenant 3 keeps its own books: tenant 0's lock is not its lock.
        assert lock_state(s3).locked_through < LAST_MONTH_END
        post_entry("otto", s3, IN_LAST_MONTH, "Miete", RENT)


def test_a_lock_is_never_lifted_nor_set_on_a_month_not_over(agency):
    with agency.open_session(3) as s:
        lock_period("otto", s, LAST_MONTH_END)
        with pytest.raises(ValidationError, match="locked up to"):
            lock_period("otto", s, LAST_MONTH_END - timedelta(days=40))
        with pytest.raises(ValidationError, match="not over yet"):
            lock_period("otto", s, TODAY)
        with pytest.raises(PermissionDenied):
            lock_period("vera", s, LAST_MONTH_END)


def test_the_automatic_lock_is_recorded_on_the_next_posting(agency):
    update_tenant(agency, 3, books={"lock_day": 1})
    with agency.open_session(3) as s:
        expected = automatic_lock(TODAY, 1)
        post_entry("otto", s, TODAY, "Miete", RENT)
        with s.bound():
            locks = list(PeriodLock.select())
        assert [(lock.locked_through, lock.automatic) for lock in locks] == [(expected, True)]
        assert lock_state(s).locked_through == expected
        with pytest.raises(ValidationError, match="locked"):
            post_entry("otto", s, expected, "Miete", RENT)


def test_the_warning_names_the_next_automatic_lock():
    from jack_desktop.period_locks import LockState

    state = LockState(date(2026, 10, 31), date(2026, 11, 30), date(2026, 12, 31))
    assert state.warning(date(2026, 12, 1)) == ""
    assert day(date(2026, 12, 31)) in state.warning(date(2026, 12, 27))
