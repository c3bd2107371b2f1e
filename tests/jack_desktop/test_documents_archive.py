"""Issue #12: an invoice or credit note is archived once, when it is issued, in the issuing
tenant's folder with its SHA-256 stored on the invoice; printing it again gives those bytes,
whatever changed since; a rollback leaves no file, a crash after the commit loses none; nothing
in the program replaces or removes an archived document; `check` names a missing or altered one.
"""

import hashlib
import io
import os
import random
import stat
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from jack_desktop.basedata import set_parameter
from jack_desktop.documents import archived, files
from jack_desktop.documents.invoice import archive_invoice, save_invoice, write_invoice
from jack_desktop.invoicing import cancel_booking, invoice_booking, invoice_label, record_payment
from tenant_store import StoreError, ValidationError
from tenant_store.archive import Archive, ArchiveError
from tenant_store.integrity import check
from tenant_store.models.bookings import Booking, Invoice
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import add_user, grant

from .agency import booked, build_agency, new_customer

# The 2nd of this month: always open (the automatic lock reaches only earlier months).
ISSUED = date.today().replace(day=2)
YEAR = str(ISSUED.year)
TAX = {"tax_number": "43/123/45678", "street": "Hafenstraße 3", "colour": "#1f5f8b"}


@pytest.fixture
def agency(inst3):
    """build_agency; tenants 1 (central accounting: tenant 0 keeps its books) and 3 (own books)
    with the tax number an invoice needs."""
    build_agency(inst3)
    for nr in (1, 3):
        update_tenant(inst3, nr, branding=TAX)
    return inst3


def _text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).replace("\xa0", " ").split())


def _stored(session, invoice_number: int) -> Invoice:
    with session.bound():
        return Invoice.get(Invoice.number == invoice_number)


def _archived_file(inst, nr: int, invoice: Invoice):
    return Archive.of(inst, nr).path(invoice.archive_file)


def test_an_invoice_is_archived_when_issued_in_the_issuing_tenants_folder(agency, german):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        row = _stored(s, invoice.number)
        saved = save_invoice("anna", s, number)
    label = invoice_label(row)
    assert label == f"M1-{invoice.number}"  # tenant 1 issues in its series in tenant 0's books
    assert row.archive_file == f"{YEAR}/Rechnung-M1-{invoice.number}.pdf"
    path = agency.tenant_dir(1) / "Archiv" / YEAR / f"Rechnung-M1-{invoice.number}.pdf"
    assert _archived_file(agency, 1, row) == path
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == row.archive_sha256
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert not (agency.root / "Archiv").exists()  # not where the books are kept
    assert f"Rechnung {label}" in _text(data)
    assert "Hafenstraße 3" in _text(data)
    assert saved == agency.tenant_dir(1) / "Dokumente" / f"Rechnung-{label}.pdf"
    assert saved.read_bytes() == data  # the copy handed out is the archived original
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no part left


def test_a_reprint_is_the_original_whatever_changed_since(agency, german):
    """Name, address, colour, texts, payments: the reprint is byte-identical, while a new
    drawing (`write_invoice`) would show the changes."""
    with agency.open_session(3) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        first = save_invoice("anna", s, number).read_bytes()
        record_payment("anna", s, number, Decimal("300.00"), received_on=date.today())
        set_parameter("anna", s, "invoice.header_text", "Ganz neuer Text.")
    update_tenant(
        agency,
        3,
        name="West Reisen GmbH",
        branding={"street": "Neue Allee 9", "city": "Köln", "colour": "#aa0000"},
    )
    with agency.open_session(3) as s:
        again = save_invoice("anna", s, number).read_bytes()
        row = _stored(s, invoice.number)
        drawn = io.BytesIO()
        write_invoice("anna", s, number, drawn)
    assert again == first == _archived_file(agency, 3, row).read_bytes()
    now = _text(drawn.getvalue())
    assert "Neue Allee 9" in now and "West Reisen GmbH" in now and "Bereits bezahlt" in now
    original = _text(again)
    assert "Hafenstraße 3" in original and "Neue Allee 9" not in original
    assert "Ganz neuer Text." not in original and "Bereits bezahlt" not in original


def test_a_credit_note_is_archived_when_the_booking_is_cancelled(agency, german):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number, issued_on=ISSUED)
        credit = cancel_booking("anna", s, number)
        row = _stored(s, credit.number)
        saved = save_invoice("anna", s, number, invoice_number=credit.number)
    assert row.archive_file == f"{credit.issued_on.year}/Gutschrift-M1-{credit.number}.pdf"
    data = _archived_file(agency, 1, row).read_bytes()
    assert hashlib.sha256(data).hexdigest() == row.archive_sha256
    assert f"Gutschrift M1-{credit.number}" in _text(data)
    assert saved.name == f"Gutschrift-M1-{credit.number}.pdf" and saved.read_bytes() == data


def test_a_rolled_back_invoice_leaves_no_file(agency, monkeypatch):
    """The PDF is written inside the transaction: a failure after it undoes the invoice and
    removes the file; the number is issued again, with its own file."""
    keep = archived.keep

    def keep_then_fail(session, invoice, data):
        keep(session, invoice, data)
        raise OSError("disk full")

    with agency.open_session(3) as s:
        number = booked(s)
        monkeypatch.setattr(archived, "keep", keep_then_fail)
        with pytest.raises(OSError, match="disk full"):
            invoice_booking("anna", s, number, issued_on=ISSUED)
        monkeypatch.setattr(archived, "keep", keep)
        with s.bound():
            assert Booking.get(Booking.number == number).status == "booked"
            assert Invoice.select().count() == 0
        folder = Archive.of(agency, 3).folder
        assert [p for p in folder.rglob("*") if p.is_file()] == []
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        row = _stored(s, invoice.number)
    assert invoice.number == 1
    assert _archived_file(agency, 3, row).is_file()
    assert check(agency).ok


def test_killed_after_the_commit_the_next_print_completes_the_file(agency, monkeypatch):
    """The invoice is committed with its hash; the rename has not happened."""

    def killed(self, stored):
        raise SystemExit("killed")

    with agency.open_session(3) as s:
        number = booked(s)
        monkeypatch.setattr(Archive, "complete", killed)
        with pytest.raises(SystemExit):
            invoice_booking("anna", s, number, issued_on=ISSUED)
    monkeypatch.undo()
    with agency.open_session(3, read_only=True) as s:
        (row,) = Invoice.select().bind(s.db)
        archive = Archive.of(agency, 3)
        assert archive.part_path(row.archive_file).is_file()
        assert not archive.path(row.archive_file).exists()
        assert check(agency).ok  # committed and intact, only not renamed yet
        saved = save_invoice("anna", s, number)  # reading needs no write access
    final = archive.path(row.archive_file)
    assert final.read_bytes() == saved.read_bytes()
    assert hashlib.sha256(final.read_bytes()).hexdigest() == row.archive_sha256
    assert not archive.part_path(row.archive_file).exists()


def test_a_part_no_invoice_claims_is_noted_and_replaced_when_its_number_is_issued(agency):
    archive = Archive.of(agency, 3)
    name = f"{YEAR}/Rechnung-1.pdf"
    archive.write_part(name, b"%PDF-1.4 of a transaction that never committed")
    report = check(agency)
    assert report.ok
    assert any(str(archive.part_path(name)) in note for note in report.notes), report.notes
    with agency.open_session(3) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        row = _stored(s, invoice.number)
    assert row.archive_file == name
    assert archive.read(archived.Stored(name, row.archive_sha256)).startswith(b"%PDF-1")
    assert not archive.part_path(name).exists()
    assert not any("never committed" in note for note in check(agency).notes)


def test_without_a_tax_number_it_is_archived_at_its_first_print(agency, german):
    """§ 14 UStG: no valid invoice can be printed without a tax number or VAT ID, so none is
    archived at issue; the first print once the tenant has one archives it."""
    update_tenant(agency, 3, branding={"tax_number": ""})
    with agency.open_session(3) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        assert _stored(s, invoice.number).archive_file == ""
        with pytest.raises(ValidationError) as refused:
            save_invoice("anna", s, number)
        assert refused.value.field == "tax_number"
    assert not Archive.of(agency, 3).folder.exists()
    update_tenant(agency, 3, branding={"tax_number": "205/5831/0622"})
    with (
        agency.open_session(3, read_only=True) as s,
        pytest.raises(StoreError, match="nur zum Lesen"),
    ):
        save_invoice("anna", s, number)  # archiving is a write
    with agency.open_session(3) as s:
        first = save_invoice("anna", s, number).read_bytes()
        row = _stored(s, invoice.number)
    assert row.archive_file and "205/5831/0622" in _text(first)
    update_tenant(agency, 3, branding={"tax_number": "205/5831/9999", "street": "Neu 1"})
    with agency.open_session(3) as s:
        assert save_invoice("anna", s, number).read_bytes() == first
    assert _archived_file(agency, 3, row).read_bytes() == first


def test_a_tax_number_entered_while_a_session_is_open_archives_at_the_first_print(agency):
    update_tenant(agency, 3, branding={"tax_number": ""})
    with agency.open_session(3) as s:
        number = booked(s)
        update_tenant(agency, 3, branding={"tax_number": "205/5831/0622"})  # by an admin
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        first = save_invoice("anna", s, number).read_bytes()
        row = _stored(s, invoice.number)
        assert save_invoice("anna", s, number).read_bytes() == first
    assert _archived_file(agency, 3, row).read_bytes() == first
    assert "205/5831/0622" in _text(first)


def test_an_archived_invoice_cannot_be_replaced_through_the_program(agency):
    with agency.open_session(3) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        row = _stored(s, invoice.number)
        path = _archived_file(agency, 3, row)
        before = (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino)
        with archived.issuing(s), pytest.raises(ArchiveError, match="archived already"):
            archive_invoice("anna", s, number, row)  # drawing it again and archiving it
        with archived.issuing(s), pytest.raises(ArchiveError, match="archived already"):
            archived.keep(s, row, b"%PDF-1.4 forged")
        with pytest.raises(ArchiveError, match="never replaced"):
            Archive.of(agency, 3).write_part(row.archive_file, b"%PDF-1.4 forged")
        with pytest.raises(ValidationError, match="Only a booked booking"):
            invoice_booking("anna", s, number)
        for _ in range(2):
            save_invoice("anna", s, number)  # printing again writes into Dokumente only
        assert _stored(s, invoice.number).archive_sha256 == row.archive_sha256
        Archive.of(agency, 3).discard(row.archive_file)  # rollback clean-up: parts only
    assert files.remove_stale_parts(path, max_age=0) == []  # the documents' clean-up
    assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == before
    assert check(agency).ok


def test_in_a_callers_transaction_the_files_are_completed_after_its_commit(agency):
    """The demo runs many services in one transaction: their files are parts until then."""
    archive = Archive.of(agency, 3)
    with agency.open_session(3) as s:
        numbers = [booked(s), booked(s)]
        with s.transaction():
            for number in numbers:
                invoice_booking("anna", s, number, issued_on=ISSUED)
            assert len(archive.parts()) == 2  # not committed yet: no final name
        archived.settle(s)
        assert archive.parts() == []
        rows = list(Invoice.select().bind(s.db))
        assert all(archive.path(r.archive_file).is_file() for r in rows) and len(rows) == 2
        third = booked(s)
        with pytest.raises(RuntimeError), s.transaction():
            invoice_booking("anna", s, third, issued_on=ISSUED)
            raise RuntimeError("the caller's transaction fails")
        archived.settle(s)
        assert archive.parts() == []  # rolled back: its file is gone
        assert sorted(p.name for p in (archive.folder / YEAR).iterdir()) == [
            "Rechnung-1.pdf",
            "Rechnung-2.pdf",
        ]


def test_check_names_a_missing_or_altered_archived_invoice(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        row = _stored(s, invoice.number)
    assert check(agency).ok
    path = _archived_file(agency, 1, row)
    os.chmod(path, 0o644)
    path.write_bytes(path.read_bytes().replace(b"%PDF-1", b"%PDF-2", 1))
    (problem,) = check(agency).problems
    assert f"tenant 1, invoice M1-{invoice.number}" in problem
    assert str(path) in problem and "altered" in problem
    path.unlink()
    (problem,) = check(agency).problems
    assert f"tenant 1, invoice M1-{invoice.number}" in problem and "missing" in problem
    with agency.open_session(1) as s, pytest.raises(ArchiveError, match="missing"):
        save_invoice("anna", s, number)  # never drawn anew in its place


# -- real processes: clerks at once, and a clerk killed while invoicing ---------------------------

WORKERS = Path(__file__).resolve().parent / "workers"
REPO = Path(__file__).resolve().parents[2]


def _worker(name: str, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKERS / name), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        cwd=REPO,
    )


@pytest.fixture
def workers(agency):
    """The workers act as 'admin'."""
    add_user(agency, "admin", "Admin", "geheim123")
    for nr in (1, 3):
        grant(agency, "admin", nr, "admin")
    return agency


def _every_invoice_has_its_file(inst, nr: int) -> list[Invoice]:
    with inst.open_session(nr, read_only=True) as s:
        rows = list(Invoice.select().order_by(Invoice.number).bind(s.db))
        for row in rows:
            data = archived.original(s, row)  # finishes a rename a killed process left
            assert hashlib.sha256(data).hexdigest() == row.archive_sha256
    return rows


def test_four_clerks_invoicing_at_once_each_get_their_own_archived_file(workers, tmp_path):
    agency = workers
    with agency.open_session(1) as s:
        customer = new_customer(s)
    go = tmp_path / "go"
    readies = [tmp_path / f"ready-{i}" for i in range(4)]
    procs = [
        _worker("book_and_invoice_worker.py", agency.root, 1, customer, 15, ready, go)
        for ready in readies
    ]
    try:
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in readies):
            assert all(p.poll() is None for p in procs) and time.monotonic() < deadline
            time.sleep(0.01)
        go.touch()
        results = [p.communicate(timeout=600) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0 and out.strip().endswith("END ok"), err
        assert "locked" not in err
    rows = _every_invoice_has_its_file(agency, 1)
    assert [r.number for r in rows] == list(range(1, 61))
    assert len({r.archive_sha256 for r in rows}) == 60  # each drawn for its own number
    assert Archive.of(agency, 1).parts() == []
    assert check(agency).ok


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_a_clerk_killed_while_invoicing_loses_no_archived_invoice(workers):
    agency = workers
    rng = random.Random(20261204)
    interrupted = 0
    archive = Archive.of(agency, 3)
    for _round in range(6):
        with agency.open_session(3) as s:
            customer = new_customer(s)
            for _ in range(4):
                booked(s, customer_id=customer)
        proc = _worker("invoice_worker.py", agency.root, 3)
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.4))
        proc.kill()
        out, _err = proc.communicate(timeout=120)
        interrupted += "done" not in out
        committed = {int(line) for line in out.split() if line.isdigit()}
        assert check(agency).ok, check(agency).problems  # a part left is a note at most
        rows = _every_invoice_has_its_file(agency, 3)
        with agency.open_session(3, read_only=True) as s, s.bound():
            invoiced = {b.number for b in Booking.select().where(Booking.status == "invoiced")}
        assert committed <= invoiced and len(rows) == len(invoiced)
        claimed = {r.archive_file for r in rows}
        assert all(archive.path(name).is_file() for name in claimed)
        assert not claimed & set(archive.parts())  # committed ones are completed
    assert interrupted >= 3, f"only {interrupted} of 6 kills hit the invoicing"
    out, err = _worker("invoice_worker.py", agency.root, 3).communicate(timeout=300)
    assert out.strip().endswith("done"), err
    rows = _every_invoice_has_its_file(agency, 3)
    assert [r.number for r in rows] == list(range(1, 25))
    assert archive.parts() == []  # each leftover was replaced when its number was issued
