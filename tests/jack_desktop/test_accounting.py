"""Accounting: balanced entries only, trial balance and ledger per tenant, consolidation in 0."""

from datetime import date
from decimal import Decimal

import pytest

from jack_desktop.accounting import Line, account_ledger, post_entry, trial_balance
from jack_desktop.consolidation import consolidated_trial_balance
from jack_desktop.invoicing import invoice_booking
from tenant_store import PermissionDenied, ValidationError
from tenant_store.errors import NotHere

from ..tenant_store.snapshot import snapshot
from .agency import booked, build_agency

RENT = [Line("6310", debit=Decimal("800.00")), Line("1800", credit=Decimal("800.00"))]


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


# The first of this month: open whatever day the tests run (locks reach earlier months).
THIS_MONTH = date.today().replace(day=1)


def _post(session, lines=RENT, user="otto", text="Miete November"):
    return post_entry(user, session, THIS_MONTH, text, lines)


def test_a_balanced_entry_shows_in_trial_balance_and_ledger(agency):
    with agency.open_session(3) as s:
        _post(s)
        rows = {r.account: (r.debit_cents, r.credit_cents) for r in trial_balance("otto", s)}
        assert rows == {"1800": (0, 80_000), "6310": (80_000, 0)}
        ledger = account_ledger("otto", s, "6310")
        assert [(r.text, r.balance_cents) for r in ledger] == [("Miete November", 80_000)]


@pytest.mark.parametrize(
    ("lines", "text", "field"),
    [
        (
            [Line("6310", debit=Decimal("800.00")), Line("1800", credit=Decimal("799.99"))],
            "x",
            "lines",
        ),
        ([Line("6310", debit=Decimal("800.00"))], "x", "lines"),
        ([Line("6310", debit="1.001"), Line("1800", credit="1.001")], "x", "line 1 debit"),
        ([Line("6310", debit="5", credit="5"), Line("1800", credit="5")], "x", "line 1"),
        ([Line("6310"), Line("1800", credit="5")], "x", "line 1"),
        ([Line("6310", debit="-5"), Line("1800", debit="5")], "x", "line 1 debit"),
        ([Line("9999", debit="5"), Line("1800", credit="5")], "x", "account"),
        ([Line(" ", debit="5"), Line("1800", credit="5")], "x", "line 1 account"),
        (RENT, "  ", "text"),
    ],
)
def test_bad_entries_are_refused_naming_the_field_and_change_nothing(agency, lines, text, field):
    with agency.open_session(1) as s:
        before = snapshot(agency.root)
        with pytest.raises(ValidationError) as caught:
            _post(s, lines, text=text)
        assert caught.value.field == field
        assert snapshot(agency.root) == before


def test_the_unbalanced_message_shows_both_sums(agency):
    with agency.open_session(1) as s, pytest.raises(ValidationError) as caught:
        _post(s, [Line("6310", debit=Decimal("800.00")), Line("1800", credit=Decimal("799.99"))])
    assert "debit €800.00" in caught.value.message
    assert "credit €799.99" in caught.value.message


def test_ledger_refuses_a_reversed_date_range(agency):
    with agency.open_session(1) as s, pytest.raises(ValidationError) as caught:
        account_ledger("otto", s, "1800", date(2026, 12, 1), date(2026, 11, 1))
    assert caught.value.field == "date_to"


def test_consolidation_has_a_column_per_tenant_and_sums_them(agency):
    with agency.open_session(1) as s1, agency.open_session(3) as s3:
        invoice_booking("anna", s1, booked(s1))  # central: into tenant 0's journal
        invoice_booking("anna", s3, booked(s3))  # own accounting: in tenant 3's file
        _post(s1)
        _post(s3)
    with agency.open_session(0) as s0:
        _post(s0)
        consolidation = consolidated_trial_balance("otto", s0)
        assert [nr for nr, _ in consolidation.tenants] == [0, 1, 2, 3]
        rows = {r.account: r for r in consolidation.rows}
        assert rows["6310"].debit_cents == {0: 80_000, 1: 80_000, 3: 80_000}
        assert rows["1200"].total_debit_cents == 200_000
        assert sum(r.total_balance_cents for r in consolidation.rows) == 0
    for nr in (0, 1, 3):
        with agency.open_session(nr) as s:
            own = {r.account: r.balance_cents for r in trial_balance("otto", s)}
        assert own == {a: r.balance(nr) for a, r in rows.items() if nr in r.debit_cents}


def test_consolidation_leaves_out_tenants_the_user_may_not_read(agency, monkeypatch):
    from tenant_store.users import grant

    grant(agency, "bernd", 0, "accountant")  # bernd: accountant in 0, clerk in 1, nothing in 3
    opened = []
    original = agency.open_session
    monkeypatch.setattr(
        agency, "open_session", lambda nr, **kw: opened.append(nr) or original(nr, **kw)
    )
    with agency.open_session(3) as s3:
        _post(s3, user="anna")
    opened.clear()
    with agency.open_session(0) as s0:
        consolidation = consolidated_trial_balance("bernd", s0)
    assert [nr for nr, _ in consolidation.tenants] == [0]
    assert opened == [0]


def test_consolidation_is_only_in_tenant_0(agency):
    with agency.open_session(1) as s, pytest.raises(NotHere):
        consolidated_trial_balance("otto", s)


@pytest.mark.parametrize("nr", [0, 1, 2, 3])
def test_users_without_accounting_rights_are_refused(agency, nr):
    with agency.open_session(nr) as s:
        for user in ("bernd", "vera", "nobody"):
            with pytest.raises(PermissionDenied):
                _post(s, user=user)
            with pytest.raises(PermissionDenied):
                trial_balance(user, s)


def test_the_journal_lists_this_tenants_entries_newest_first_with_lines_in_pages(agency):
    from jack_desktop.accounting import journal

    with agency.open_session(1) as s1, agency.open_session(0) as s0:
        _post(s0, text="Tenant 0 only")  # same central journal file, other tenant
        for day in (3, 1, 2):
            post_entry("otto", s1, THIS_MONTH.replace(day=day), f"Day {day}", RENT)
        rows = journal("otto", s1)
        assert [r.text for r in rows] == ["Day 3", "Day 2", "Day 1"]
        first = rows[0]
        assert [(x.account, x.debit_cents, x.credit_cents) for x in first.lines] == [
            ("6310", 80_000, 0),
            ("1800", 0, 80_000),
        ]
        assert first.lines[0].account_name and first.amount_cents == 80_000
        assert [r.text for r in journal("otto", s1, offset=1, limit=1)] == ["Day 2"]
        assert journal("otto", s1, offset=3) == []
        with pytest.raises(PermissionDenied):
            journal("bernd", s1)
