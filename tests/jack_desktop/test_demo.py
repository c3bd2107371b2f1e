"""The demo installation (`init --demo`, first start): a working office built by the services.

The demo is built once for the module (a few seconds) and only read; the tests that try to
build again work on folders of their own.
"""

from datetime import date

import pytest

from jack_desktop.bookings import STATUSES, count_bookings
from jack_desktop.customers import get_customer
from jack_desktop.demo import DemoRefused, build_demo
from jack_desktop.invoicing import open_amount
from jack_desktop.notes import inbox, unread_count
from jack_desktop.tickets import list_tickets, reconcile
from tenant_store import Installation, NotAnInstallation, ValidationError
from tenant_store.integrity import check
from tenant_store.models.accounting import JournalEntry
from tenant_store.models.bookings import Booking, Invoice, Payment
from tenant_store.models.customers import Customer, CustomerShare
from tenant_store.users import authenticate, rights_in, tenants_of

from ..tenant_store.snapshot import snapshot


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(installation, report, progress steps) of one demo build."""
    root = tmp_path_factory.mktemp("demo") / "office"
    steps = []
    report = build_demo(root, progress=lambda text, done, total: steps.append((text, done, total)))
    inst = Installation.open(root)
    yield inst, report, steps
    inst.close()


def test_main_tenant_and_three_sub_tenants_with_different_central_options(demo):
    inst, report, _steps = demo
    tenants = inst.tenants()
    assert [t.nr for t in tenants] == report.tenants == [0, 1, 2, 3]
    central = [frozenset(db for db, on in t.central.items() if on) for t in tenants[1:]]
    assert len(set(central)) == 3, central
    assert {"customers", "accounting"} <= central[0]
    assert "tickets" in central[1] and "customers" not in central[1]
    colours = {t.branding["colour"] for t in tenants}
    cities = {(t.branding["street"], t.branding["city"]) for t in tenants}
    assert len(colours) == len(cities) == 4, "each tenant has its own branding (R14)"


def test_demo_users_log_in_with_the_reported_passwords_and_have_their_roles(demo):
    inst, report, _steps = demo
    assert len(report.users) >= 5
    assert {role for u in report.users for role, _team in u.roles.values()} == {
        "admin",
        "manager",
        "clerk",
        "accountant",
        "viewer",
    }
    for user in report.users:
        assert authenticate(inst, user.login, user.password) is not None, user.login
        assert tenants_of(inst, user.login) == sorted(user.roles)
        for nr, (role, team) in user.roles.items():
            rights = rights_in(inst, user.login, nr)
            assert (rights.role, rights.team) == (role, team)
    assert authenticate(inst, "admin", "wrong-password") is None
    mueller = next(u for u in report.users if u.login == "mueller")
    assert "0: clerk (Privatreisen)" in mueller.describe_roles()


@pytest.mark.parametrize("nr", [0, 1])
def test_every_booking_status_in_tenants_0_and_1(demo, nr):
    inst, report, _steps = demo
    with inst.open_session(nr) as session:
        counts = {s: count_bookings("admin", session, status=s) for s in STATUSES}
    assert all(counts.values()), counts
    assert counts == {s: report.bookings[nr][s] for s in STATUSES}


def test_a_few_hundred_customers_and_bookings(demo):
    inst, report, _steps = demo
    assert report.customers == 300
    assert 150 <= sum(report.booking_count().values()) <= 250
    with inst.open_session(0) as session, session.bound():
        assert Customer.select().where(Customer.city == "").count() == 0, "towns from postcodes"
    assert "300 customers" in report.summary()


def test_invoices_partial_and_full_payments_and_credit_notes(demo):
    inst, report, _steps = demo
    assert report.invoices > 0 and report.payments > 0 and report.credit_notes > 0
    with inst.open_session(0) as session, session.bound():
        paid = {p.booking_id for p in Payment.select()}
        invoiced = [
            (open_amount(b), b.id in paid)
            for b in Booking.select().where(Booking.status == "invoiced")
        ]
        credits = Invoice.select().where(Invoice.kind == "credit").count()
        newest = max(
            [i.issued_on for i in Invoice.select()] + [p.received_on for p in Payment.select()]
        )
    assert (0, True) in {(min(amount, 1), has_paid) for amount, has_paid in invoiced}, "fully paid"
    assert any(amount > 0 and has_paid for amount, has_paid in invoiced), "partly paid"
    assert any(amount > 0 and not has_paid for amount, has_paid in invoiced), "unpaid"
    assert credits > 0, "a booking cancelled after its invoice has a credit note"
    assert newest <= date.today(), "nothing is invoiced or paid in the future"


def test_customers_shared_with_a_subset_stay_hidden_from_other_tenants(demo):
    inst, _report, _steps = demo
    with inst.open_session(0) as session, session.bound():
        only_1 = (
            CustomerShare.select(CustomerShare.customer)
            .where(CustomerShare.tenant_nr == 1)
            .first()
            .customer_id
        )
    with inst.open_session(1) as session:
        assert get_customer("admin", session, only_1).id == only_1
    with inst.open_session(3) as session, pytest.raises(ValidationError):
        get_customer("admin", session, only_1)  # R12


def test_reconciliation_in_tenant_0_has_findings_and_includes_tenant_2(demo):
    inst, _report, _steps = demo
    with inst.open_session(0) as session:
        found = reconcile("weber", session)
        tenants = {t.tenant_nr for t in list_tickets("weber", session, limit=10_000)}
    assert len(found.without_booking) == 1
    assert len(found.mismatches) == 1
    assert not found.duplicates
    assert tenants == {0, 2}, "tenant 2's tickets are central (R7)"
    with inst.open_session(1) as session:
        assert reconcile("weber", session).is_clean


def test_notes_are_waiting_to_be_read(demo):
    inst, report, _steps = demo
    assert report.notes > 0
    with inst.open_session(0) as session:
        items = inbox("mueller", session)
        unread = unread_count("mueller", session)
    assert items and unread > 0
    assert any(item.scope == "all" for item in items), "the circular"
    with inst.open_session(2) as session:
        assert inbox("weber", session), "tenant 2 has notes of its own"


def test_manual_entries_of_tenant_1_are_in_the_central_journal(demo):
    inst, report, _steps = demo
    assert report.journal_entries > 0
    with inst.open_session(0) as session, session.bound():
        rents = JournalEntry.select().where(JournalEntry.text.startswith("Miete"))
        assert {e.tenant_nr for e in rents} == {0, 1}, "R4: tenant 1 posts into tenant 0's file"


def test_integrity_check_passes_and_progress_was_reported(demo):
    inst, _report, steps = demo
    assert check(inst).ok, check(inst).problems
    assert steps[-1][1] == steps[-1][2], "the last step reports completion"
    assert [done for _text, done, _total in steps] == sorted(done for _t, done, _n in steps)


def test_building_into_an_existing_installation_is_refused_and_changes_nothing(demo):
    inst, _report, _steps = demo
    before = snapshot(inst.root)
    with pytest.raises(DemoRefused, match="already an installation"):
        build_demo(inst.root)
    assert snapshot(inst.root) == before
    leftovers = [p.name for p in inst.root.parent.iterdir() if p.name != inst.root.name]
    assert leftovers == []


def test_a_non_empty_folder_is_refused(tmp_path):
    root = tmp_path / "documents"
    root.mkdir()
    (root / "letter.txt").write_text("Sehr geehrte Damen und Herren\n", encoding="utf-8")
    with pytest.raises(NotAnInstallation, match="not empty"):
        build_demo(root)
    assert [p.name for p in root.iterdir()] == ["letter.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "home"]


def test_a_build_that_fails_halfway_leaves_nothing_behind(tmp_path, monkeypatch):
    """The demo is built aside: a failed first start is simply started again."""
    import jack_desktop.demo as demo_module

    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(demo_module, "record_payment", disk_full)
    with pytest.raises(OSError, match="No space"):
        build_demo(tmp_path / "office")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]
