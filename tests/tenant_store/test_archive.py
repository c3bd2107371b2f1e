"""The archive of issued documents: written once as a part, completed read-only, read back
checked against its hash, never replaced; names cannot lead outside the archive."""

import hashlib
import os
import stat

import pytest

from tenant_store.archive import (
    FOLDER,
    Archive,
    ArchiveError,
    Stored,
    document_name,
    unclaimed_parts,
)

PDF = b"%PDF-1.4 issued\n"
OTHER = b"%PDF-1.4 drawn again, a little different\n"
NAME = "2026/Rechnung-M1-17.pdf"


@pytest.fixture
def archive(tmp_path):
    return Archive(tmp_path / "Mandant" / "1" / FOLDER)


def test_the_archive_of_a_tenant_is_in_its_own_folder(inst3):
    assert Archive.of(inst3, 1).folder == inst3.root / "Mandant" / "1" / "Archiv"
    assert Archive.of(inst3, 0).folder == inst3.root / "Archiv"


def test_names_are_a_year_folder_and_plain_ascii():
    assert document_name("Rechnung", "M1-17", 2026) == NAME
    assert document_name("Gutschrift", "R/2026/5", 2026) == "2026/Gutschrift-R-2026-5.pdf"
    assert document_name("Rechnung", "17", 987) == "0987/Rechnung-17.pdf"


@pytest.mark.parametrize(
    "name",
    ["../x.pdf", "2026/../../x.pdf", "/etc/passwd", "2026/x.txt", "2026\\x.pdf", "x.pdf", ""],
)
def test_a_stored_name_cannot_lead_outside_the_archive(archive, name):
    with pytest.raises(ArchiveError, match="not the name of an archived document"):
        archive.path(name)


def test_written_as_a_part_then_completed_read_only(archive):
    stored = archive.write_part(NAME, PDF)
    assert stored == Stored(NAME, hashlib.sha256(PDF).hexdigest())
    final = archive.folder / "2026" / "Rechnung-M1-17.pdf"
    assert not final.exists()
    assert archive.part_path(NAME).read_bytes() == PDF
    assert archive.complete(stored) == final
    assert final.read_bytes() == PDF
    assert stat.S_IMODE(final.stat().st_mode) == 0o444
    assert sorted(p.name for p in final.parent.iterdir()) == [final.name]
    assert archive.complete(stored) == final  # done already: fine, nothing changes
    assert archive.read(stored) == PDF


def test_reading_finishes_a_rename_a_killed_process_left(archive):
    """Committed, then killed before the rename: the part with the stored hash is the file."""
    stored = archive.write_part(NAME, PDF)
    assert archive.problem(stored) is None
    assert archive.read(stored) == PDF
    assert archive.path(NAME).is_file() and not archive.part_path(NAME).exists()


def test_an_archived_document_is_never_replaced(archive):
    stored = archive.write_part(NAME, PDF)
    final = archive.complete(stored)
    with pytest.raises(ArchiveError, match="never replaced") as refused:
        archive.write_part(NAME, OTHER)
    assert refused.value.name == NAME
    assert str(final) in str(refused.value)
    assert archive.write_part(NAME, PDF) == stored  # the same bytes again change nothing
    archive.discard(NAME)  # a rollback removes parts only
    assert final.read_bytes() == PDF
    assert not archive.part_path(NAME).exists()
    other = Stored(NAME, hashlib.sha256(OTHER).hexdigest())
    with pytest.raises(ArchiveError, match="never replaced"):
        archive.complete(other)
    assert final.read_bytes() == PDF


def test_a_leftover_part_of_a_rolled_back_issue_is_replaced(archive):
    archive.write_part(NAME, OTHER)  # a transaction that never committed
    stored = archive.write_part(NAME, PDF)
    assert archive.read(stored) == PDF


def test_a_missing_or_altered_document_is_named(archive):
    stored = archive.write_part(NAME, PDF)
    final = archive.complete(stored)
    os.chmod(final, 0o644)
    final.write_bytes(OTHER)  # changed outside the program
    assert "was altered" in archive.problem(stored)
    with pytest.raises(ArchiveError, match="was altered") as altered:
        archive.read(stored)
    assert str(final) in str(altered.value)
    final.unlink()
    assert "is missing" in archive.problem(stored)
    with pytest.raises(ArchiveError, match="is missing"):
        archive.read(stored)
    assert archive.problem(Stored("2026/Rechnung-M1-18.pdf", stored.sha256)) is not None


def test_a_part_with_other_bytes_than_stored_is_not_taken_as_the_document(archive):
    archive.write_part(NAME, OTHER)
    stored = Stored(NAME, hashlib.sha256(PDF).hexdigest())
    assert "is missing" in archive.problem(stored)
    with pytest.raises(ArchiveError, match="was altered"):
        archive.read(stored)
    assert not archive.path(NAME).exists()


def test_unclaimed_parts_are_the_ones_no_record_holds(archive):
    archive.write_part(NAME, PDF)
    archive.write_part("2026/Rechnung-M1-18.pdf", PDF)
    archive.complete(archive.write_part("2025/Rechnung-M1-3.pdf", PDF))
    assert archive.parts() == ["2026/Rechnung-M1-17.pdf", "2026/Rechnung-M1-18.pdf"]
    assert unclaimed_parts(archive, {NAME}) == [archive.part_path("2026/Rechnung-M1-18.pdf")]
    assert unclaimed_parts(Archive(archive.folder / "nowhere"), set()) == []
