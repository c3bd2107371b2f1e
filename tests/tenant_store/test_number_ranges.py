"""Booking numbers come from the tenant's range, in order, never outside it (R5, R14)."""

import pytest

from tenant_store import RangeExhausted, TenantSpec, ValidationError, create_tenant
from tenant_store.number_ranges import next_booking_number, next_number, set_booking_range

from .snapshot import snapshot


def test_each_tenant_numbers_from_its_own_range(inst3):
    with inst3.open_session(0) as s0, inst3.open_session(1) as s1:
        assert [next_booking_number(s0) for _ in range(3)] == [1, 2, 3]
        assert [next_booking_number(s1) for _ in range(2)] == [100000, 100001]
        assert next_booking_number(s0) == 4


def test_an_exhausted_range_is_a_clear_error_never_a_number_outside(inst):
    create_tenant(inst, TenantSpec(7, "Klein", booking_range="700000-700002"))
    with inst.open_session(7) as session:
        assert [next_booking_number(session) for _ in range(3)] == [700000, 700001, 700002]
        for _ in range(2):
            with pytest.raises(RangeExhausted, match="700000-700002"):
                next_booking_number(session)


def test_a_number_is_not_used_up_when_the_surrounding_transaction_fails(inst3):
    with inst3.open_session(1) as s1:
        with pytest.raises(RuntimeError), s1.transaction():
            assert next_booking_number(s1) == 100000
            raise RuntimeError("booking not saved")
        assert next_booking_number(s1) == 100000


def test_extending_a_range_continues_after_the_issued_numbers(inst):
    create_tenant(inst, TenantSpec(7, "Klein", booking_range="700000-700001"))
    with inst.open_session(7) as session:
        next_booking_number(session), next_booking_number(session)
    set_booking_range(inst, 7, "700000-700099")
    with inst.open_session(7) as session:
        assert next_booking_number(session) == 700002


def test_a_range_ending_below_issued_numbers_is_refused(inst):
    create_tenant(inst, TenantSpec(7, "Klein"))
    with inst.open_session(7) as session:
        for _ in range(5):
            next_booking_number(session)
    before = snapshot(inst.root)
    with pytest.raises(ValidationError, match="700004"):
        set_booking_range(inst, 7, "700000-700002")
    assert snapshot(inst.root) == before


def test_changing_a_range_respects_r5(inst3):
    before = snapshot(inst3.root)
    with pytest.raises(ValidationError, match="overlaps tenant 0"):
        set_booking_range(inst3, 1, "90000-110000")  # tenant 1 has central accounting
    assert snapshot(inst3.root) == before


def test_other_ranges_are_independent(inst3):
    with inst3.open_session(2) as s2:
        assert next_number(s2, "invoice", 1, 10**9) == 1
        assert next_booking_number(s2) == 200000
        assert next_number(s2, "invoice", 1, 10**9) == 2
