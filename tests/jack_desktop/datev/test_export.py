"""The DATEV export service on real books: files, header, branches, locks, refusals, audit."""

import hashlib
import sqlite3
from datetime import date, timedelta
from decimal import Decimal

import pytest

from jack_desktop.accounting import Line
from jack_desktop.audit_trail import audit_trail
from jack_desktop.datev import export as export_module
from jack_desktop.datev.export import export_datev, export_datev_as_administrator
from jack_desktop.datev.journal import read_entries
from jack_desktop.datev.reader import read_bookings, read_records
from jack_desktop.datev.validator import validate_file
from jack_desktop.formats import day
from jack_desktop.period_locks import lock_state
from tenant_store import ValidationError
from tenant_store.errors import NotHere, PermissionDenied
from tenant_store.models.accounting import Account, PeriodLock
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import add_user, grant

from ..agency import new_customer
from .books import ADVISER, CLIENT, SERVICE_FEE, invoice, pay, post

H1_FROM, H1_TO = date(2026, 1, 1), date(2026, 6, 30)


def names(result):
    return [p.name for p in result.files]


def header_of(path):
    return read_records(path)[0]


def files_in(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def books(agency):
    """Invoices and a payment in tenant 0, an invoice of branch 1, rent posted in tenant 0."""
    with agency.open_session(0) as s:
        firm = new_customer(s, kind="company", company="Ärger & Söhne GmbH", city="Köln")
        invoice(s, date(2026, 3, 5), customer_id=firm)
        fee = invoice(s, date(2026, 3, 6), services=(SERVICE_FEE,), travel_type="SERV")
        pay(s, fee, "119.00", date(2026, 3, 20))
        invoice(s, date(2026, 4, 6), travel_type="BUS")
        post(
            s,
            date(2026, 4, 1),
            "Miete 04/2026",
            [Line("6310", debit="1500"), Line("1800", credit="1500")],
            "BA 202604-1",
        )
    with agency.open_session(1) as s:
        invoice(s, date(2026, 3, 7))
    return agency


def test_the_export_writes_the_three_files_that_pass_the_validator(books, tmp_path):
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path / "out")
    assert names(result) == [
        f"EXTF_Buchungsstapel_{CLIENT}_20260101_20260630.csv",
        f"EXTF_Debitoren_Kreditoren_{CLIENT}_20260101_20260630.csv",
        f"EXTF_Kontenbeschriftungen_{CLIENT}_20260101_20260630.csv",
    ]
    for path in result.files:
        assert validate_file(path) == []
        raw = path.read_bytes()
        assert raw.count(b"\r\n") == raw.count(b"\n")
        raw.decode("cp1252")
    bookings = read_bookings(result.files[0])
    assert result.rows == len(bookings.rows) > 0
    assert files_in(tmp_path / "out") == names(result)  # no temporary file left


def test_the_header_comes_from_the_books_owner(books, tmp_path):
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    header = header_of(result.files[0])
    assert len(header) == 31
    assert header[:5] == ["EXTF", "700", "21", "Buchungsstapel", "13"]
    assert header[8:16] == [
        "otto",
        "",
        str(ADVISER),
        str(CLIENT),
        "20260101",
        "4",
        "20260101",
        "20260630",
    ]
    assert header[18:22] == ["1", "0", "1", "EUR"]  # the first half of 2026 is locked by now
    assert header[26] == "04"
    assert result.locked
    person = header_of(result.files[1])
    assert person[2:5] == ["16", "Debitoren/Kreditoren", "5"]
    assert person[14:17] == ["", "", ""] and person[18:22] == ["", "", "", ""]


def test_central_books_carry_each_branch_in_kost2(books, tmp_path):
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    rows = read_bookings(result.files[0]).rows
    assert {r.kost2 for r in rows} == {"0", "1"}
    branch = [r for r in rows if r.kost2 == "1"]
    assert branch and all(r.beleg1.startswith("M1-") for r in branch)
    assert all(not r.beleg1.startswith("M1-") for r in rows if r.kost2 == "0")


def test_receivables_and_payables_go_to_debitors_and_kreditors(books, tmp_path):
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    rows = read_bookings(result.files[0]).rows
    accounts = {r.konto for r in rows} | {r.gegenkonto for r in rows}
    assert not accounts & {"1200", "3300"}  # every such line carries its Debitor or Kreditor
    fee = [r for r in rows if "4400" in (r.konto, r.gegenkonto)]
    assert [(r.cents, r.gegenkonto) for r in fee] == [(11900, "4400")]
    assert all(r.bu == "" for r in rows)
    people = {r[0]: r for r in read_records(result.files[1])[2:]}
    debitors = {r.konto for r in rows if r.konto.isdigit() and 10000 <= int(r.konto) <= 69999}
    kreditors = {r.gegenkonto for r in rows if 70000 <= int(r.gegenkonto) <= 99999}
    assert set(people) == debitors | kreditors
    firm = next(r for r in people.values() if r[1] == "Ärger & Söhne GmbH")
    assert (firm[6], firm[18]) == ("2", "Köln")


def test_margin_vat_stays_a_row_of_its_own_and_revenue_4400_is_folded(books, tmp_path):
    with books.open_session(0) as s:
        rows = read_bookings(export_datev("otto", s, H1_FROM, H1_TO, tmp_path).files[0]).rows
    assert any(r.gegenkonto == "3806" for r in rows)  # § 25 margin VAT beside 4010
    assert not any(
        "3806" in (r.konto, r.gegenkonto) and r.text.startswith("Invoice 2 ") for r in rows
    )


def test_a_period_in_two_calendar_years_is_one_file_per_year(books, tmp_path):
    update_tenant(books, 0, books={"fiscal_year_start": 7})
    with books.open_session(0) as s:
        invoice(s, date(2025, 12, 10))
        invoice(s, date(2026, 1, 15))
        result = export_datev("otto", s, date(2025, 7, 1), date(2026, 6, 30), tmp_path)
    first, second = result.files[:2]
    assert first.name == f"EXTF_Buchungsstapel_{CLIENT}_20250701_20251231.csv"
    assert second.name == f"EXTF_Buchungsstapel_{CLIENT}_20260101_20260630.csv"
    assert header_of(first)[12:16] == ["20250701", "4", "20250701", "20251231"]
    assert header_of(second)[12:16] == ["20250701", "4", "20260101", "20260630"]
    assert {r.day.year for r in read_bookings(first).rows} == {2025}
    assert {r.day.year for r in read_bookings(second).rows} == {2026}
    for path in result.files:
        assert validate_file(path) == []


def test_a_buchungsstapel_is_split_at_the_row_limit(books, tmp_path, monkeypatch):
    monkeypatch.setattr(export_module, "MAX_BOOKINGS", 4)
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    parts = [p for p in result.files if "Buchungsstapel" in p.name]
    assert [p.name for p in parts] == [
        f"EXTF_Buchungsstapel_{CLIENT}_20260101_20260630_{n:02d}.csv"
        for n in range(1, len(parts) + 1)
    ]
    counts = [len(read_bookings(p).rows) for p in parts]
    assert len(parts) >= 2 and max(counts) == 4 and sum(counts) == result.rows


def test_an_empty_period_is_a_buchungsstapel_without_rows(agency, tmp_path):
    with agency.open_session(0) as s:
        result = export_datev("otto", s, date(2026, 2, 1), date(2026, 2, 28), tmp_path)
    assert result.rows == 0
    assert names(result) == [f"EXTF_Buchungsstapel_{CLIENT}_20260201_20260228.csv"]
    assert len(read_records(result.files[0])) == 2
    assert validate_file(result.files[0]) == []


def test_an_own_accounting_tenant_exports_its_own_books_without_branches(agency, tmp_path):
    with agency.open_session(3) as s:
        invoice(s, date(2026, 3, 9))
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    assert header_of(result.files[0])[11] == str(CLIENT + 3)
    assert {r.kost2 for r in read_bookings(result.files[0]).rows} == {""}


def test_an_open_period_has_festschreibung_0(books, tmp_path):
    with books.open_session(0) as s:
        start = lock_state(s).next_open_day
        update_tenant(books, 0, books={"fiscal_year_start": start.month})  # read afresh
        post(s, date.today(), "Porto", [Line("6800", debit="5"), Line("1600", credit="5")])
        result = export_datev("otto", s, start, date.today(), tmp_path)
    assert not result.locked
    assert all(header_of(p)[20] == "0" for p in result.files if "Buchungsstapel" in p.name)


def _last_month():
    end = date.today().replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def test_lock_locks_the_period_and_writes_festschreibung_1(agency, tmp_path):
    start, end = _last_month()
    update_tenant(agency, 0, books={"fiscal_year_start": start.month})
    with agency.open_session(0) as s:
        post(s, end, "Miete", [Line("6310", debit="900"), Line("1800", credit="900")])
        assert (lock_state(s).locked_through or date.min) < end
        result = export_datev("otto", s, start, end, tmp_path, lock=True)
        assert lock_state(s).locked_through == end
        with s.bound():
            assert PeriodLock.select().order_by(PeriodLock.id.desc()).first().locked_by == "otto"
    assert result.locked and header_of(result.files[0])[20] == "1"


def test_lock_needs_a_month_end_that_is_over_and_refuses_before_writing(agency, tmp_path):
    out = tmp_path / "out"
    with agency.open_session(0) as s, pytest.raises(ValidationError) as caught:
        export_datev("otto", s, date(2026, 1, 1), date(2026, 1, 30), out, lock=True)
    assert caught.value.field == "lock" and day(date(2026, 1, 30)) in caught.value.message
    assert files_in(out) == []


def test_lock_needs_write_access_to_accounting(agency, tmp_path):
    start, end = _last_month()
    viewer = _viewer(agency)
    with agency.open_session(0) as s:
        export_datev(viewer, s, H1_FROM, H1_TO, tmp_path / "read")  # reading is enough
        with pytest.raises(PermissionDenied):
            export_datev(viewer, s, start, end, tmp_path / "lock", lock=True)
    assert files_in(tmp_path / "lock") == []


def _viewer(inst) -> str:
    add_user(inst, "paul", "Paul Prüfer", "geheim123")
    for nr in (0, 1):
        grant(inst, "paul", nr, "manager")  # reads accounting, writes none
    return "paul"


@pytest.mark.parametrize(
    ("settings", "field", "label"),
    [
        ({}, "datev_adviser", "DATEV adviser number"),
        ({"datev_adviser": 4711}, "datev_client", "DATEV client number"),
    ],
)
def test_missing_datev_numbers_are_named_with_where_to_enter_them(
    inst3, tmp_path, settings, field, label
):
    from ..agency import build_agency

    build_agency(inst3)
    if settings:
        update_tenant(inst3, 0, books=settings)
    with inst3.open_session(0) as s, pytest.raises(ValidationError) as caught:
        export_datev("otto", s, H1_FROM, H1_TO, tmp_path / "out")
    assert caught.value.field == field
    assert (
        label in caught.value.message and "File > Tenant management > Edit…" in caught.value.message
    )
    assert files_in(tmp_path / "out") == []


def test_a_central_accounting_tenant_is_sent_to_tenant_0(agency, tmp_path):
    with agency.open_session(1) as s, pytest.raises(NotHere) as caught:
        export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    assert "tenant 0" in str(caught.value)


def test_every_branch_must_be_readable(agency, tmp_path):
    add_user(agency, "olga", "Olga Ohne", "geheim123")
    grant(agency, "olga", 0, "accountant")
    with agency.open_session(0) as s, pytest.raises(PermissionDenied) as caught:
        export_datev("olga", s, H1_FROM, H1_TO, tmp_path)
    assert "tenant 1" in str(caught.value)


def test_a_period_beyond_one_fiscal_year_is_refused(agency, tmp_path):
    with agency.open_session(0) as s, pytest.raises(ValidationError) as caught:
        export_datev("otto", s, date(2025, 12, 1), date(2026, 1, 31), tmp_path)
    assert caught.value.field == "date_to"
    assert f"{day(date(2025, 1, 1))} to {day(date(2025, 12, 31))}" in caught.value.message


def test_an_end_before_the_start_is_refused(agency, tmp_path):
    with agency.open_session(0) as s, pytest.raises(ValidationError) as caught:
        export_datev("otto", s, date(2026, 3, 1), date(2026, 2, 1), tmp_path)
    assert caught.value.field == "date_to"


def test_4400_without_its_vat_is_refused_when_posted(books):
    with books.open_session(0) as s, pytest.raises(ValidationError) as caught:
        post(
            s, date(2026, 5, 4), "Ohne USt", [Line("1800", debit="100"), Line("4400", credit="100")]
        )
    assert "needs" in caught.value.message and "3806" in caught.value.message


def test_4400_with_wrong_vat_refuses_the_export_and_writes_nothing(books, tmp_path):
    # Posted by a version that did not check it yet: written as that version wrote it.
    with sqlite3.connect(books.root / "accounting.db") as raw:
        entry = raw.execute(
            "INSERT INTO journal_entry (tenant_nr, entry_date, reference, text, created_by, "
            "created_at, document) VALUES (0, '2026-05-04', 'BA 7', 'Serviceentgelt ohne USt', "
            "'otto', '2026-05-04 10:00:00', '')"
        ).lastrowid
        raw.executemany(
            "INSERT INTO journal_line (entry_id, account_number, debit_cents, credit_cents, "
            "cost_centre_code, personal_account) VALUES (?, ?, ?, ?, '', '')",
            [(entry, "1800", 10000, 0), (entry, "4400", 0, 10000)],
        )
    with books.open_session(0) as s:
        with pytest.raises(ValidationError) as caught:
            export_datev("otto", s, H1_FROM, H1_TO, tmp_path / "out")
        trail = audit_trail("otto", s, object_kind="datev_export")
    assert f"{day(date(2026, 5, 4))} (BA 7)" in caught.value.message
    assert not (tmp_path / "out").exists() and trail == []


def test_the_export_is_in_the_audit_trail_with_the_files_hashes(books, tmp_path):
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
        (row,) = audit_trail("otto", s, object_kind="datev_export")
    assert (row.user, row.action, row.object_id) == ("otto", "export", "2026-01-01..2026-06-30")
    assert row.new["files"] == names(result) and row.new["rows"] == result.rows
    assert row.new["festschreibung"] is True
    for path in result.files:
        assert row.new["sha256"][path.name] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_administrator_export_needs_no_login_and_is_recorded_as_the_command_line(
    books, tmp_path
):
    with books.open_session(0) as s:
        result = export_datev_as_administrator(s, H1_FROM, H1_TO, tmp_path)
        (row,) = audit_trail("otto", s, object_kind="datev_export")
    assert row.user.startswith("jack-desktop-admin (") and row.user.endswith(")")
    assert header_of(result.files[0])[8] == row.user[:25]
    assert result.rows > 0


def test_progress_is_reported(books, tmp_path):
    seen = []
    with books.open_session(0) as s:
        export_datev("otto", s, H1_FROM, H1_TO, tmp_path, progress=lambda *a: seen.append(a))
    assert seen and seen[-1][1] == seen[-1][2] > 0


def test_names_outside_windows_1252_are_written_with_base_letters(agency, tmp_path):
    with agency.open_session(0) as s:
        customer = new_customer(s, first_name="Łukasz", last_name="Żółć", city="Gdańsk")
        invoice(s, date(2026, 3, 9), customer_id=customer)
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    people = read_records(result.files[1])[2:]
    debitors = [r[3:5] + [r[18]] for r in people if int(r[0]) < 70000]
    assert debitors == [["Zólc", "Lukasz", "Gdansk"]]


def test_amounts_are_exact(agency, tmp_path):
    with agency.open_session(0) as s:
        odd = {"kind": "other", "price": Decimal("1.50"), "cost": "0", "description": "Porto"}
        invoice(s, date(2026, 3, 9), services=(odd,), travel_type="SERV")
        rows = read_bookings(export_datev("otto", s, H1_FROM, H1_TO, tmp_path).files[0]).rows
    assert [(r.cents, r.gegenkonto) for r in rows] == [(150, "4400")]


def test_a_file_the_validator_refuses_is_not_saved(agency, tmp_path):
    with agency.open_session(0) as s:
        with s.transaction():
            Account.create(number="654321", name="Zu lang für DATEV", kind="expense")
        post(s, date(2026, 3, 2), "Test", [Line("654321", debit="10"), Line("1800", credit="10")])
        with pytest.raises(ValidationError) as caught:
            export_datev("otto", s, H1_FROM, H1_TO, tmp_path / "out")
        trail = audit_trail("otto", s, object_kind="datev_export")
    assert caught.value.field == "datev"
    assert "EXTF_Buchungsstapel" in caught.value.message and "654321" in caught.value.message
    assert not (tmp_path / "out").exists() and trail == []


def test_the_account_names_are_those_of_the_rows(books, tmp_path):
    with books.open_session(0) as s:
        result = export_datev("otto", s, H1_FROM, H1_TO, tmp_path)
    rows = read_bookings(result.files[0]).rows
    used = {a for r in rows for a in (r.konto, r.gegenkonto) if len(a) == 4}
    names = {r[0]: r for r in read_records(result.files[2])[2:]}
    assert set(names) == used
    assert names["6310"][2] == "de-DE" and names["6310"][1]


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 7])
def test_the_journal_reads_the_same_entries_in_any_chunk_size(books, chunk):
    with books.open_session(0) as s:
        whole = list(read_entries(s, [0, 1], H1_FROM, H1_TO))
        assert len(whole) == 6 and max(len(e.lines) for e in whole) == 5
        assert list(read_entries(s, [0, 1], H1_FROM, H1_TO, chunk=chunk)) == whole


def test_a_posting_that_comes_in_during_a_locking_export_refuses_it(agency, tmp_path):
    start, end = _last_month()
    update_tenant(agency, 0, books={"fiscal_year_start": start.month})
    rent = [Line("6310", debit="900"), Line("1800", credit="900")]

    def clerk_posts_meanwhile(text, done, total):
        if text == "Checking the files":
            with agency.open_session(0) as other:
                post(other, end, "Nachtrag", rent)

    with agency.open_session(0) as s:
        post(s, end, "Miete", rent)
        with pytest.raises(ValidationError) as caught:
            export_datev(
                "otto", s, start, end, tmp_path / "out", lock=True, progress=clerk_posts_meanwhile
            )
        assert (lock_state(s).locked_through or date.min) < end
    assert "export it again" in caught.value.message
    assert not (tmp_path / "out").exists()
