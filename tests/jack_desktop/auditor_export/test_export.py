"""The tax auditor's export of a set of books and fiscal year, read back as an auditor would.

Each export is read from its index.xml alone (validated against the DTD in the ZIP) and
compared with the books themselves: the journal sums to the trial balance, every key
resolves, the invoices, Debitoren and the audit trail of the unit are there, and nothing of
another set of books is.
"""

import hashlib
import json
from collections import defaultdict
from datetime import date

import pytest

from jack_desktop.accounting import balances_of, trial_balance
from jack_desktop.auditor_export.export import AuditorExport, export_auditor_data
from jack_desktop.invoicing import invoice_label
from tenant_store import PermissionDenied, ValidationError
from tenant_store.audit import AUDITED, NO_TENANT, verify_chain
from tenant_store.errors import NotHere, StoreError
from tenant_store.logical import Logical
from tenant_store.models.accounting import JournalEntry
from tenant_store.models.bookings import Invoice

from .conftest import JULY, TODAY, fiscal_year
from .reading import cents, read_export

YEAR = TODAY.year  # tenant 0's fiscal year is the calendar year
TABLES = {
    "tenants",
    "accounts",
    "debtors",
    "creditors",
    "journal_entries",
    "journal_lines",
    "invoices",
    "audit_trail",
}


@pytest.fixture(scope="module")
def unit0(books, tmp_path_factory):
    """Tenant 0's books (with tenant 1's postings) exported once, and read back."""
    out = tmp_path_factory.mktemp("out0")
    with books.open_session(0) as s0:
        before = _accounting_records(s0)
        seen = []
        result = export_auditor_data(
            "otto", s0, YEAR, out, progress=lambda *step: seen.append(step)
        )
    return result, read_export(result.path), before, seen


def _accounting_records(session) -> list:
    model = AUDITED[Logical.ACCOUNTING]
    with session.bound():
        return list(model.select().order_by(model.id))


def _sums(lines) -> dict[str, tuple[int, int]]:
    totals = defaultdict(lambda: [0, 0])
    for line in lines:
        totals[line["account"]][0] += cents(line["debit"])
        totals[line["account"]][1] += cents(line["credit"])
    return {account: tuple(t) for account, t in totals.items()}


def test_the_zip_holds_index_dtd_and_a_table_per_file_with_relative_urls(unit0):
    result, export, _before, _seen = unit0
    assert set(export.names) == {"index.xml", "gdpdu-01-09-2004.dtd"} | {f"{t}.csv" for t in TABLES}
    urls = [t.findtext("URL") for t in export.index.iter("Table")]
    assert sorted(urls) == sorted(f"{t}.csv" for t in TABLES)
    assert all("/" not in u and ":" not in u and not u.startswith(".") for u in urls)
    assert result.path.parent == result.path.parent.resolve()
    assert (result.date_from, result.date_to) == (date(YEAR, 1, 1), date(YEAR, 12, 31))
    assert result.tables == {name: len(rows) for name, rows in export.tables.items()}


def test_amounts_have_two_decimals_and_account_numbers_are_text(unit0):
    _result, export, _before, _seen = unit0
    lines = {c.name: c for c in export.specs["journal_lines"].columns}
    assert (lines["debit"].type, lines["debit"].accuracy) == ("Numeric", 2)
    assert (lines["credit"].type, lines["credit"].accuracy) == ("Numeric", 2)
    assert lines["account"].type == "AlphaNumeric"
    accounts = [row["account"] for row in export.tables["accounts"]]
    assert "0135" in accounts  # the leading zero survives
    assert b'"0135";' in export.raw["accounts"]
    assert b";1000,00;" in export.raw["journal_lines"]  # unquoted, decimal comma


def test_the_journal_sums_per_account_to_the_trial_balance_of_the_unit(books, unit0):
    _result, export, _before, _seen = unit0
    expected = defaultdict(lambda: [0, 0])
    with books.open_session(0, read_only=True) as s0, s0.bound():
        for nr in (0, 1):
            for row in balances_of(nr):
                expected[row.account][0] += row.debit_cents
                expected[row.account][1] += row.credit_cents
    assert _sums(export.tables["journal_lines"]) == {a: tuple(t) for a, t in expected.items()}
    for entry in export.tables["journal_entries"]:
        lines = [x for x in export.tables["journal_lines"] if x["entry_id"] == entry["entry_id"]]
        assert sum(x["debit"] for x in lines) == sum(x["credit"] for x in lines) == entry["amount"]


def test_every_entry_of_the_books_is_there_with_branch_document_and_reversal(books, unit0):
    _result, export, _before, _seen = unit0
    with books.open_session(0, read_only=True) as s0, s0.bound():
        posted = {e.id: e for e in JournalEntry.select()}
    entries = {e["entry_id"]: e for e in export.tables["journal_entries"]}
    assert set(entries) == set(posted)
    for entry_id, row in entries.items():
        original = posted[entry_id]
        assert row["entry_date"] == original.entry_date
        assert row["tenant_nr"] == original.tenant_nr
        assert row["document"] == original.document
        assert row["reference"] == original.reference
        assert row["reverses_id"] == original.reverses_id
    assert {e["tenant_nr"] for e in entries.values()} == {0, 1}
    reversals = [e for e in entries.values() if e["reverses_id"] is not None]
    assert len(reversals) == 2  # the Storno of the office entry, the credit note
    assert all(r["reverses_id"] in entries for r in reversals)
    assert "M1-1" in {e["document"] for e in entries.values()}


def test_every_key_resolves_in_the_table_it_references(unit0):
    _result, export, _before, _seen = unit0
    checked = 0
    for spec in export.specs.values():
        rows = export.tables[spec.name]
        keys = [tuple(r[k] for k in spec.primary_key) for r in rows]
        assert len(keys) == len(set(keys)), f"{spec.name}: a primary key repeats"
        for columns, references in spec.foreign_keys:
            target = export.specs[references]
            assert len(target.primary_key) == len(columns)
            known = {tuple(r[k] for k in target.primary_key) for r in export.tables[references]}
            for row in rows:
                value = tuple(row[c] for c in columns)
                if all(v not in (None, "") for v in value):
                    assert value in known, f"{spec.name}.{columns} = {value} not in {references}"
                    checked += 1
    declared = {(s.name, fk) for s in export.specs.values() for fk, _ref in s.foreign_keys}
    assert {
        ("journal_lines", ("entry_id",)),
        ("journal_lines", ("account",)),
        ("journal_lines", ("debtor",)),
        ("journal_lines", ("creditor",)),
        ("invoices", ("debtor",)),
        ("invoices", ("entry_id",)),
    } <= declared
    assert checked > len(export.tables["journal_lines"])


def test_invoices_of_both_tenants_with_series_booking_totals_and_archive_hash(books, unit0):
    _result, export, _before, _seen = unit0
    issued = {}
    for nr in (0, 1):
        with books.open_session(nr, read_only=True) as s, s.bound():
            for inv in Invoice.select():
                issued[(nr, invoice_label(inv))] = inv
    rows = {(r["tenant_nr"], r["invoice"]): r for r in export.tables["invoices"]}
    assert set(rows) == set(issued)
    for key, row in rows.items():
        inv = issued[key]
        assert row["series"] == inv.series
        assert row["number"] == inv.number
        assert cents(row["gross"]) == inv.total_cents
        assert cents(row["vat"]) == inv.vat_cents
        assert cents(row["net"]) == inv.total_cents - inv.vat_cents
        assert row["issued_on"] == inv.issued_on
        assert row["archive_sha256"] == inv.archive_sha256
        assert row["entry_id"] is not None
        assert row["debtor"]
    kinds = sorted(r["kind"] for r in rows.values())
    assert kinds == ["Gutschrift", "Rechnung", "Rechnung", "Rechnung"]
    entries = {e["entry_id"]: e for e in export.tables["journal_entries"]}
    for row in rows.values():
        assert entries[row["entry_id"]]["document"] == row["invoice"]


def test_debtors_carry_names_and_addresses_in_windows_1252(unit0):
    _result, export, _before, _seen = unit0
    debtors = export.tables["debtors"]
    walesa = next(d for d in debtors if d["street"] == "Hauptstraße 1")
    assert (walesa["first_name"], walesa["last_name"]) == ("Lukasz", "Walesa")
    assert walesa["city"] == "Köln"
    assert "Hauptstra\xdfe 1".encode("cp1252") in export.raw["debtors"]
    assert all(d["customer_number"] is not None for d in debtors)
    assert {c["supplier_code"] for c in export.tables["creditors"]} == {"TUI"}


def test_the_audit_trail_of_the_unit_is_there_and_nothing_of_other_books(books, unit0):
    _result, export, before, _seen = unit0
    trail = export.tables["audit_trail"]
    books_trail = [r for r in trail if r["trail"] == "accounting/0"]
    made = [r for r in before if r.tenant_nr != NO_TENANT]  # the trail's start is no tenant's
    assert [r["record_id"] for r in books_trail] == [r.id for r in made]
    assert [r["hash"] for r in books_trail] == [r.hash for r in made]
    assert {r["trail"] for r in trail} >= {"accounting/0", "customers/0", "installation/0"}
    assert {r["tenant_nr"] for r in trail} == {0, 1}
    created = {r["object_id"] for r in trail if r["object_kind"] == "journal_entry"}
    assert {str(e["entry_id"]) for e in export.tables["journal_entries"]} <= created
    customers = [r for r in trail if r["trail"] == "customers/0"]
    assert {r["tenant_nr"] for r in customers} == {0, 1}
    assert all(json.loads(r["new_values"]) for r in customers)


def test_the_export_is_recorded_in_the_books_audit_trail_with_the_zips_hash(books, unit0):
    result, _export, before, _seen = unit0
    with books.open_session(0, read_only=True) as s0:
        after = _accounting_records(s0)
        with s0.bound():
            report = verify_chain(s0.db.execute_sql, "accounting", "accounting")
    assert report.problem is None
    exports = [r for r in after if r.object_kind == "auditor_export"]
    mine = next(r for r in exports if r.object_id == result.path.name)
    assert (mine.user, mine.action, mine.tenant_nr) == ("otto", "export", 0)
    values = json.loads(mine.new_values)
    assert values["sha256"] == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert values["tables"] == result.tables
    assert (values["fiscal_year"], values["from"], values["to"]) == (
        YEAR,
        f"{YEAR}-01-01",
        f"{YEAR}-12-31",
    )
    assert mine.id > before[-1].id


def test_progress_goes_up_to_its_total_and_only_the_zip_is_left(unit0):
    result, _export, _before, seen = unit0
    done = [d for _text, d, _total in seen]
    assert done == sorted(done)
    assert seen[-1][1] == seen[-1][2]
    assert all(text for text, _d, _t in seen)
    assert list(result.path.parent.iterdir()) == [result.path]


def test_own_books_hold_only_their_tenant_and_their_fiscal_year(books, out):
    year = fiscal_year(TODAY, JULY)
    with books.open_session(3) as s3:
        this = export_auditor_data("otto", s3, year, out)
        last = export_auditor_data("otto", s3, year - 1, out)
        balance = {r.account: (r.debit_cents, r.credit_cents) for r in trial_balance("otto", s3)}
    assert (this.date_from, this.date_to) == (date(year, JULY, 1), date(year + 1, JULY - 1, 30))
    assert (last.date_from, last.date_to) == (date(year - 1, JULY, 1), date(year, JULY - 1, 30))
    now, before = read_export(this.path), read_export(last.path)
    assert [t["tenant_nr"] for t in now.tables["tenants"]] == [3]
    for export, result in ((now, this), (before, last)):
        for entry in export.tables["journal_entries"]:
            assert entry["tenant_nr"] == 3
            assert result.date_from <= entry["entry_date"] <= result.date_to
        for invoice in export.tables["invoices"]:
            assert invoice["tenant_nr"] == 3
    assert [e["text"] for e in before.tables["journal_entries"]] == ["Miete Juni"]
    assert before.tables["invoices"] == []
    assert len(now.tables["invoices"]) == 1
    both = defaultdict(lambda: [0, 0])
    for export in (now, before):
        for account, (debit, credit) in _sums(export.tables["journal_lines"]).items():
            both[account][0] += debit
            both[account][1] += credit
    assert {a: tuple(t) for a, t in both.items()} == balance


def test_a_tenant_with_central_accounting_is_sent_to_tenant_0(books, out):
    with books.open_session(1) as s1, pytest.raises(NotHere) as caught:
        export_auditor_data("anna", s1, YEAR, out)
    assert "tenant 0" in str(caught.value)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("user", "nr"),
    [
        ("bernd", 0),  # no member of tenant 0
        ("clara", 0),  # reads 0's accounting, not tenant 1's, whose postings are in it
        ("vera", 3),  # no member of tenant 3
    ],
)
def test_the_exporter_needs_read_access_to_accounting_in_every_tenant_of_the_books(
    books, out, user, nr
):
    with books.open_session(nr) as s:
        before = _accounting_records(s)
        with pytest.raises(PermissionDenied):
            export_auditor_data(user, s, YEAR - 1, out)
        assert _accounting_records(s) == before
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("year", "field"),
    [
        ("20x6", "fiscal_year"),
        (str(YEAR + 1), "fiscal_year"),  # not begun yet
        ("1899", "fiscal_year"),
        (YEAR, "out_dir"),
    ],
)
def test_bad_values_are_refused_naming_the_field_and_nothing_is_written(books, out, year, field):
    target = out / "missing" if field == "out_dir" else out
    with books.open_session(0) as s0:
        before = _accounting_records(s0)
        with pytest.raises(ValidationError) as caught:
            export_auditor_data("otto", s0, year, target)
        assert _accounting_records(s0) == before
    assert caught.value.field == field
    assert list(out.iterdir()) == []


def test_two_exports_get_two_names_and_both_are_recorded(books, out):
    with books.open_session(2) as s2:
        first = export_auditor_data("anna", s2, YEAR, out)
        second = export_auditor_data("anna", s2, YEAR, out)
        names = {r.object_id for r in _accounting_records(s2) if r.object_kind == "auditor_export"}
    assert first.path != second.path
    assert {first.path.name, second.path.name} <= names
    assert sorted(p.name for p in out.iterdir()) == sorted([first.path.name, second.path.name])
    assert isinstance(first, AuditorExport)


class Cancelled(Exception):
    pass


def test_an_export_stopped_halfway_leaves_no_file_and_no_record(books, out):
    def cancel(text, done, total):
        if "journal" in text:
            raise Cancelled(text)  # as a progress dialog's Cancel would

    with books.open_session(0) as s0:
        before = _accounting_records(s0)
        with pytest.raises(Cancelled):
            export_auditor_data("otto", s0, YEAR, out, progress=cancel)
        assert _accounting_records(s0) == before
    assert list(out.iterdir()) == []


def test_a_read_only_session_is_refused_before_anything_is_written(books, out):
    with books.open_session(0, read_only=True) as s0, pytest.raises(StoreError):
        export_auditor_data("otto", s0, YEAR, out)
    assert list(out.iterdir()) == []
