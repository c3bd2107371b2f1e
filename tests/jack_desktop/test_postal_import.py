"""GeoNames postal-code import: all or nothing, bad lines named, shared where postal is central."""

import pytest

from jack_desktop.customers import town_for_postcode
from jack_desktop.postal_import import import_postal_codes
from tenant_store import PermissionDenied, ValidationError
from tenant_store.models.postal import PostalCode
from tenant_store.seed_data import RESOURCES
from tenant_store.users import add_user, grant

from ..tenant_store.snapshot import snapshot

LINE = "DE\t{code}\t{place}\tBayern\tBY\tOberbayern\t091\tKreis\t09162\t48.1\t11.5\t4\n"


@pytest.fixture
def admins(inst3):
    add_user(inst3, "anna", "Anna Albers", "geheim123")
    add_user(inst3, "bernd", "Bernd Bauer", "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "bernd", 1, "clerk")
    return inst3


def test_the_shipped_sample_imports_and_updates_the_state(admins):
    sample = RESOURCES / "postal" / "DE_sample.txt"
    lines = sum(1 for line in sample.open(encoding="utf-8") if line.strip())
    with admins.open_session(2) as s2:
        result = import_postal_codes("anna", s2, sample)
    assert result.lines == lines and result.added == 0 and result.updated == lines


def test_new_codes_in_central_postal_are_seen_by_every_tenant(admins, tmp_path):
    path = tmp_path / "DE.txt"
    path.write_text(
        LINE.format(code="85999", place="Neuhausen am Testbach")
        + LINE.format(code="85998", place="Überall"),
        encoding="utf-8",
    )
    with admins.open_session(1) as s1:
        assert import_postal_codes("anna", s1, path).added == 2
    for nr in (0, 2):
        with admins.open_session(nr) as session:
            assert town_for_postcode(session, "85998") == "Überall"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (LINE.format(code="85999", place="Gut") + "DE\t85998\tKaputt\n", "line 2"),
        ("de" + LINE.format(code="85999", place="Klein")[2:], "line 1"),
        (LINE.format(code="", place="Ohne Code"), "line 1"),
        ("\n\n" + LINE.format(code="85997", place=""), "line 3"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_imported(admins, tmp_path, text, field):
    path = tmp_path / "DE.txt"
    path.write_text(text, encoding="utf-8")
    before = snapshot(admins.root)
    with admins.open_session(0) as s0, pytest.raises(ValidationError) as error:
        import_postal_codes("anna", s0, path)
    assert error.value.field == field
    assert snapshot(admins.root) == before


def test_a_file_that_is_not_utf8_is_refused(admins, tmp_path):
    path = tmp_path / "DE.txt"
    path.write_bytes(LINE.format(code="85999", place="München").encode("latin-1"))
    with admins.open_session(0) as s0, pytest.raises(ValidationError, match="UTF-8"):
        import_postal_codes("anna", s0, path)


def test_importing_needs_the_base_data_write_right(admins, tmp_path):
    path = tmp_path / "DE.txt"
    path.write_text(LINE.format(code="85999", place="Neu"), encoding="utf-8")
    with admins.open_session(1) as s1, pytest.raises(PermissionDenied):
        import_postal_codes("bernd", s1, path)  # clerks read base data only
    with admins.open_session(1) as s1, s1.bound():
        assert not PostalCode.select().where(PostalCode.code == "85999").exists()


def test_a_file_the_size_of_the_full_german_list_imports_at_once(admins, tmp_path):
    """GeoNames' DE.txt has about 16,000 lines; all of them go in one transaction."""
    path = tmp_path / "DE.txt"
    path.write_text(
        "".join(LINE.format(code=f"{n:05d}", place=f"Ort {n}") for n in range(1000, 17000)),
        encoding="utf-8",
    )
    with admins.open_session(0) as s0:
        result = import_postal_codes("anna", s0, path)
        assert result.lines == 16_000
        assert town_for_postcode(s0, "16999") == "Ort 16999"
