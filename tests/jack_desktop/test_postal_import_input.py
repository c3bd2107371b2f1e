"""Postal-code files that are no GeoNames files (issue 11): each is refused with a message naming
the file or the line, costs no memory to speak of, and changes nothing."""

import tracemalloc

import pytest

from jack_desktop.customers import town_for_postcode
from jack_desktop.postal_import import import_postal_codes
from tenant_store import ValidationError
from tenant_store.geonames import MAX_LINE
from tenant_store.users import add_user, grant

from ..tenant_store.snapshot import snapshot

LINE = "DE\t{code}\t{place}\tBayern\tBY\tOberbayern\t091\tKreis\t09162\t48.1\t11.5\t4\n"
GOOD = LINE.format(code="85999", place="Neuhausen")


@pytest.fixture
def anna(inst):
    add_user(inst, "anna", "Anna Albers", "geheim123")
    grant(inst, "anna", 0, "admin")
    return inst


def _refused(inst, path, field: str) -> str:
    before = snapshot(inst.root)
    with inst.open_session(0) as session, pytest.raises(ValidationError) as error:
        import_postal_codes("anna", session, path)
    assert error.value.field == field, error.value
    assert snapshot(inst.root) == before
    return error.value.message


def test_an_endless_line_is_refused_without_being_read_whole(anna, tmp_path):
    path = tmp_path / "DE.txt"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(GOOD)
        handle.write(LINE.format(code="85998", place="x" * 5_000_000))
    tracemalloc.start()
    try:
        message = _refused(anna, path, "line 2")  # used to be imported, 271 MB at 50 million
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert f"longer than {MAX_LINE} characters" in message
    assert peak < 2_000_000, peak


def test_a_place_name_longer_than_geonames_allows_is_refused(anna, tmp_path):
    path = tmp_path / "DE.txt"
    path.write_text(GOOD + LINE.format(code="85998", place="y" * 181), encoding="utf-8")
    message = _refused(anna, path, "line 2")
    assert message.startswith("place name: 181 characters, more than the 180")


@pytest.mark.parametrize("bad", ["Neu\x00hausen", "Neu\x1b[31mhausen", "Neu\x07hausen"])
def test_control_characters_are_refused_naming_the_line(anna, tmp_path, bad):
    path = tmp_path / "DE.txt"
    path.write_text(GOOD + GOOD + LINE.format(code="85998", place=bad), encoding="utf-8")
    assert "field 3 contains control characters" in _refused(anna, path, "line 3")


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n"])
def test_an_empty_or_blank_file_is_refused(anna, tmp_path, text):
    path = tmp_path / "DE.txt"
    path.write_text(text, encoding="utf-8")  # used to "succeed" with 0 lines
    message = _refused(anna, path, "file")
    assert message == f"{path} contains no postal codes: it is empty or blank."


def test_a_byte_order_mark_is_accepted(anna, tmp_path):
    path = tmp_path / "DE.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())  # used to be: country code '\ufeffDE'
    with anna.open_session(0) as session:
        assert import_postal_codes("anna", session, path).added == 1
        assert town_for_postcode(session, "85999") == "Neuhausen"


def test_a_folder_or_a_missing_path_is_named(anna, tmp_path):
    # used to raise a bare IsADirectoryError / FileNotFoundError
    message = _refused(anna, tmp_path, "file")
    assert message.startswith(f"{tmp_path} is a folder, not a file.")
    missing = tmp_path / "DE.txt"
    message = _refused(anna, missing, "file")
    assert message.startswith(f"{missing} does not exist.")
    assert "GeoNames postal-code file" in message
