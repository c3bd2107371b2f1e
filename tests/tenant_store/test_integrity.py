"""`check` finds what breaks a session: wrong links, missing or damaged files, bad versions."""

import os
import sqlite3

from tenant_store.integrity import check


def test_a_healthy_installation_passes(inst3):
    report = check(inst3)
    assert report.ok, report.problems
    assert report.files_checked == 1 + 7 + 4 + 5  # installation, tenant 0, own files of 1 and 2


def test_a_link_to_the_wrong_file_is_found(inst3):
    link = inst3.tenant_dir(1) / "postal.db"
    link.unlink()
    os.symlink(inst3.tenant_dir(2) / "basedata.db", link)
    report = check(inst3)
    assert any("link" in p and "postal" in p for p in report.problems), report.problems


def test_a_separate_file_where_a_database_is_central_is_found(inst3):
    link = inst3.tenant_dir(1) / "customers.db"
    link.unlink()
    link.write_bytes((inst3.root / "customers.db").read_bytes())
    assert any("separate file" in p for p in check(inst3).problems)


def test_a_missing_own_file_is_found(inst3):
    (inst3.tenant_dir(2) / "notes.db").unlink()
    assert any("notes" in p and "missing" in p for p in check(inst3).problems)


def test_a_damaged_file_is_found(inst3):
    path = inst3.tenant_dir(2) / "customers.db"
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 512] = b"\xff" * 512  # overwrite part of the second page
    path.write_bytes(bytes(data))
    assert any(str(path) in p for p in check(inst3).problems)


def test_an_unknown_schema_version_is_a_problem(inst3):
    with sqlite3.connect(inst3.tenant_dir(1) / "bookings.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    assert any("schema version 99" in p for p in check(inst3).problems)


def test_leftovers_of_an_interrupted_creation_are_notes_not_problems(inst3):
    leftover = inst3.tenants_dir() / ".new-5-abc123"
    leftover.mkdir()
    stray = inst3.tenants_dir() / "scans"
    stray.mkdir()
    report = check(inst3)
    assert report.ok
    assert any(".new-5-abc123" in n and "interrupted" in n for n in report.notes)
    assert any("scans" in n and "not a registered tenant" in n for n in report.notes)


def test_a_damaged_manifest_is_reported_and_the_other_tenants_are_still_checked(inst3):
    (inst3.tenant_dir(1) / "manifest.json").write_text("{ half written", encoding="utf-8")
    (inst3.tenant_dir(2) / "notes.db").unlink()
    report = check(inst3)
    assert any("manifest" in p and "damaged" in p for p in report.problems), report.problems
    assert any("notes" in p and "missing" in p for p in report.problems), report.problems
