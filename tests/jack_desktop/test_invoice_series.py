"""Invoice numbers unique per set of books (§ 14 (4) no. 4 UStG), and personal accounts."""

import sqlite3

import pytest

from jack_desktop.invoicing import invoice_booking, invoice_label, record_payment
from tenant_store import TenantSpec, ValidationError, create_tenant
from tenant_store.migrations import downgrade_file, upgrade_file
from tenant_store.models.accounting import JournalEntry, JournalLine, PersonalAccount
from tenant_store.sqlite_files import single_file
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import grant

from ..tenant_store.snapshot import snapshot
from .agency import FLIGHT, PACKAGE, booked, build_agency, new_customer


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


def test_tenants_sharing_tenant_0s_books_issue_distinguishable_numbers(agency):
    create_tenant(agency, TenantSpec(4, "Ost", central=["accounting"]))
    grant(agency, "anna", 4, "admin")
    labels = []
    for nr in (0, 1, 4, 0):
        with agency.open_session(nr) as s:
            labels.append(invoice_label(invoice_booking("anna", s, booked(s))))
    assert labels == ["1", "M1-1", "M4-1", "2"]
    with agency.open_session(0) as s0, s0.bound():
        documents = [e.document for e in JournalEntry.select().order_by(JournalEntry.id)]
    assert documents == labels and len(set(documents)) == len(documents)
    with agency.open_session(3) as s3:  # own books: its own series, no prefix needed
        assert invoice_label(invoice_booking("anna", s3, booked(s3))) == "1"


def test_a_series_used_in_the_same_books_is_refused_and_nothing_changes(agency):
    before = snapshot(agency.root)
    with pytest.raises(ValidationError, match="Tenant 1 issues invoices in the series M1-"):
        update_tenant(agency, 0, name="Neu", books={"invoice_prefix": "M1-"})
    with pytest.raises(ValidationError, match="Tenant 0 issues invoices"):
        update_tenant(agency, 1, books={"invoice_prefix": ""})
    with pytest.raises(ValidationError, match="ending in a letter") as caught:
        update_tenant(agency, 1, books={"invoice_prefix": "M12"})
    assert caught.value.field == "invoice_prefix"
    assert snapshot(agency.root) == before
    # Own books (tenant 3) may use what tenant 0's books use.
    assert (
        update_tenant(agency, 3, books={"invoice_prefix": "m1-"}).books["invoice_prefix"] == "M1-"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("datev_adviser", "999", "1001 to 9999999"),
        ("datev_adviser", "12a", "Beraternummer"),
        ("datev_client", "100000", "1 to 99999"),
        ("fiscal_year_start", "13", "month"),
        ("lock_day", "29", "lock day"),
    ],
)
def test_books_settings_are_checked(agency, field, value, message):
    with pytest.raises(ValidationError, match=message) as caught:
        update_tenant(agency, 3, books={field: value})
    assert caught.value.field == field


def test_customers_and_suppliers_get_personal_accounts_once(agency):
    with agency.open_session(3) as s:
        customer = new_customer(s)
        first = booked(s, customer_id=customer, services=(PACKAGE, FLIGHT))
        invoice_booking("anna", s, first)
        invoice_booking("anna", s, booked(s, customer_id=customer))
        invoice_booking("anna", s, booked(s))
        record_payment("anna", s, first, "100.00")
        with s.bound():
            accounts = {(a.kind, a.ref): a.number for a in PersonalAccount.select()}
            lines = list(JournalLine.select().where(JournalLine.personal_account != ""))
    assert accounts[("debtor", str(customer))] == "10000"
    assert sorted(n for (kind, _), n in accounts.items() if kind == "debtor") == ["10000", "10001"]
    # PACKAGE has supplier TUI, FLIGHT none: one Kreditor each.
    assert {ref: n for (kind, ref), n in accounts.items() if kind == "creditor"} == {
        "": "70000",
        "TUI": "70001",
    }
    receivables = {line.personal_account for line in lines if line.account_number == "1200"}
    assert receivables == {"10000", "10001"}
    assert {line.personal_account for line in lines if line.account_number == "3300"} == {
        "70000",
        "70001",
    }


def test_the_update_gives_central_books_tenants_a_series_and_keeps_issued_numbers(agency):
    with agency.open_session(1) as s1:
        issued = invoice_booking("anna", s1, booked(s1))
    registry = agency.root / "installation.db"
    conn = single_file("installation", registry)
    downgrade_file(conn, "installation", 4, 3)
    with sqlite3.connect(agency.tenant_dir(1) / "bookings.db") as raw:
        raw.execute("UPDATE invoice SET series = ''")  # as issued before series existed
    upgrade_file(conn, "installation", 3, 4)
    conn.close()
    assert agency.tenant(1).books["invoice_prefix"] == "M1-"
    assert agency.tenant(0).books["invoice_prefix"] == ""
    with agency.open_session(1) as s1:
        with s1.bound():
            from tenant_store.models.bookings import Invoice

            old = Invoice.get_by_id(issued.id)
        assert invoice_label(old) == "1"  # stays as issued
        assert invoice_label(invoice_booking("anna", s1, booked(s1))) == "M1-2"
