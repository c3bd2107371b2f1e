"""GoBD in the files themselves: the journal refuses sqlite3's UPDATE and DELETE, and `check`
finds an audit trail that was edited behind the program's back."""

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from jack_desktop.accounting import Line, account_ledger, post_entry, reverse_entry, trial_balance
from jack_desktop.audit_trail import audit_trail
from jack_desktop.customers import create_customer, update_customer
from jack_desktop.invoicing import invoice_booking
from tenant_store import ValidationError
from tenant_store.integrity import check

from .agency import booked, build_agency

RENT = [Line("6310", debit=Decimal("950.00")), Line("1800", credit=Decimal("950.00"))]


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


def _accounting_file(inst, nr):
    return inst.tenant(nr).database_paths(inst.root)["accounting"]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE journal_entry SET text = 'geändert'",
        "DELETE FROM journal_entry",
        "UPDATE journal_line SET debit_cents = 1 WHERE debit_cents > 0",
        "DELETE FROM journal_line",
        "UPDATE period_lock SET locked_through = '2000-01-31'",
        "DELETE FROM period_lock",
        "UPDATE audit_record SET user = 'someone'",
        "DELETE FROM audit_record",
        "UPDATE personal_account SET number = '10999'",
    ],
)
def test_sqlite3_cannot_change_or_delete_posted_data(agency, sql):
    with agency.open_session(3) as s:
        post_entry("otto", s, date.today(), "Miete", RENT)
        invoice_booking("anna", s, booked(s))
    path = _accounting_file(agency, 3)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO period_lock (locked_through, locked_by, locked_at, automatic) "
            "VALUES ('2001-01-31', 'x', '2001-02-01 00:00:00', 0)"
        )
        before = conn.execute("SELECT count(*) FROM journal_line").fetchone()
        with pytest.raises(sqlite3.IntegrityError, match="GoBD|kept"):
            conn.execute(sql)
        assert conn.execute("SELECT count(*) FROM journal_line").fetchone() == before


def test_a_reversal_is_linked_and_shown_and_cannot_be_repeated(agency):
    with agency.open_session(3) as s:
        entry = post_entry("otto", s, date.today(), "Miete", RENT)
        storno = reverse_entry("otto", s, entry.id)
        assert storno.reverses_id == entry.id
        assert storno.text == f"Storno der Buchung {entry.id}: Miete"  # in the books' language
        ledger = account_ledger("otto", s, "1800")
        assert [(r.entry_id, r.reverses_id) for r in ledger] == [
            (entry.id, None),
            (storno.id, entry.id),
        ]
        assert ledger[-1].balance_cents == 0
        assert {r.account: r.balance_cents for r in trial_balance("otto", s)} == {
            "1800": 0,
            "6310": 0,
        }
        with pytest.raises(ValidationError, match="reversed already"):
            reverse_entry("otto", s, entry.id)
        with pytest.raises(ValidationError, match="itself a reversal"):
            reverse_entry("otto", s, storno.id)


def test_changes_are_in_the_audit_trail_with_old_and_new_values(agency):
    with agency.open_session(3) as s:
        customer = create_customer("anna", s, {"first_name": "Eva", "last_name": "Ebert"}).customer
        update_customer("anna", s, customer.id, {"city": "Köln"})
        post_entry("otto", s, date.today(), "Miete", RENT)
        rows = audit_trail("otto", s)
        changed = next(r for r in rows if r.object_kind == "customer" and r.action == "update")
        assert (changed.user, changed.old, changed.new) == ("anna", {"city": ""}, {"city": "Köln"})
        posted = next(r for r in rows if r.object_kind == "journal_entry")
        assert posted.user == "otto" and posted.new["text"] == "Miete"
        only_otto = audit_trail("otto", s, login="otto")
        assert only_otto and {r.user for r in only_otto} == {"otto"}
        customers = audit_trail("otto", s, object_kind="customer")
        assert {r.object_kind for r in customers} == {"customer"}
        assert audit_trail("otto", s, date_from=date(2000, 1, 1), date_to=date(2000, 1, 2)) == []


def _tamper(path, *statements):
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER audit_record_no_update")
        conn.execute("DROP TRIGGER audit_record_no_delete")
        for sql in statements:
            conn.execute(sql)
        # Put the protection back, so only the chain can tell.
        for verb in ("UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TRIGGER audit_record_no_{verb.lower()} BEFORE {verb} ON audit_record "
                "BEGIN SELECT RAISE(ABORT, 'x'); END"
            )


@pytest.mark.parametrize(
    ("statement", "finding"),
    [
        ("UPDATE audit_record SET new_values = '{}' WHERE id = 2", "record 2 was changed"),
        ("DELETE FROM audit_record WHERE id = 2", "record 2 is missing"),
        ("UPDATE audit_record SET user = 'mallory' WHERE id = 1", "record 1 was changed"),
    ],
)
def test_check_names_the_first_broken_link_of_an_edited_audit_trail(agency, statement, finding):
    with agency.open_session(3) as s:
        for _ in range(3):
            post_entry("otto", s, date.today(), "Miete", RENT)
    assert check(agency).ok
    path = _accounting_file(agency, 3)
    _tamper(path, statement)
    report = check(agency)
    assert not report.ok
    assert any(finding in p and str(path) in p for p in report.problems), report.problems


def test_check_finds_a_removed_protection(agency):
    path = _accounting_file(agency, 3)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER journal_line_no_update")
    report = check(agency)
    assert any("journal_line_no_update" in p for p in report.problems), report.problems


def test_a_forged_record_with_a_recomputed_own_hash_breaks_the_next_link(agency):
    with agency.open_session(3) as s:
        for _ in range(3):
            post_entry("otto", s, date.today(), "Miete", RENT)
    path = _accounting_file(agency, 3)
    from tenant_store.audit import FIELDS, record_hash

    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM audit_record WHERE id = 2").fetchone())
    row["user"] = "mallory"
    forged = record_hash({k: row[k] for k in FIELDS})
    _tamper(path, f"UPDATE audit_record SET user = 'mallory', hash = '{forged}' WHERE id = 2")
    report = check(agency)
    assert any("record 3 does not follow on from record 2" in p for p in report.problems)


def test_check_finds_records_removed_from_the_end_of_the_trail(agency):
    """No later record links to the newest ones; the postings they belonged to tell."""
    with agency.open_session(3) as s:
        for _ in range(3):
            post_entry("otto", s, date.today(), "Miete", RENT)
    path = _accounting_file(agency, 3)
    _tamper(path, "DELETE FROM audit_record WHERE id = (SELECT max(id) FROM audit_record)")
    report = check(agency)
    assert any("1 journal entries have no audit record" in p for p in report.problems), (
        report.problems
    )


def test_check_finds_an_emptied_trail(agency):
    path = _accounting_file(agency, 3)
    _tamper(path, "DELETE FROM audit_record")
    report = check(agency)
    assert any("first record of the audit trail is missing" in p for p in report.problems)
