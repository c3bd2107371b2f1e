"""Every refused tenant creation names its field and changes nothing on disk."""

import pytest

from tenant_store import MAX_TENANT_NR, TenantSpec, ValidationError, create_tenant
from tenant_store.tenant_edit import update_tenant

from .snapshot import snapshot

CASES = [
    ("number", TenantSpec("abc", "X")),
    ("number", TenantSpec("1.5", "X")),
    ("number", TenantSpec(0, "X")),
    ("number", TenantSpec(-3, "X")),
    ("number", TenantSpec(MAX_TENANT_NR + 1, "X")),
    ("number", TenantSpec(1, "X")),  # exists in the fixture
    ("number", TenantSpec("../5", "X")),
    ("number", TenantSpec("5/../../x", "X")),
    ("number", TenantSpec("..\\5", "X")),
    ("name", TenantSpec(5, "")),
    ("name", TenantSpec(5, "   ")),
    ("name", TenantSpec(5, "x" * 81)),
    ("central", TenantSpec(5, "X", central=["postal", "bookings"])),
    ("central", TenantSpec(5, "X", central="everything")),
    ("copy", TenantSpec(5, "X", central=["customers"], copy=["customers"])),
    ("copy", TenantSpec(5, "X", copy=["photos"])),
    ("booking range", TenantSpec(5, "X", booking_range="")),
    ("booking range", TenantSpec(5, "X", booking_range="abc")),
    ("booking range", TenantSpec(5, "X", booking_range="600000-500000")),
    ("booking range", TenantSpec(5, "X", booking_range=(0, 10))),
    ("booking range", TenantSpec(5, "X", central=["accounting"], booking_range="150000-160000")),
    ("booking range", TenantSpec(5, "X", central=["tickets"], booking_range="50000-60000")),
    ("colour", TenantSpec(5, "X", branding={"colour": "red"})),
    ("country", TenantSpec(5, "X", branding={"country": "Germany"})),
]


@pytest.fixture
def inst1(inst):
    create_tenant(inst, TenantSpec(1, "Nord", central=["accounting"]))
    return inst


@pytest.mark.parametrize(
    ("field", "spec"), CASES, ids=[f"{f}-{i}" for i, (f, _) in enumerate(CASES)]
)
def test_invalid_input_names_the_field_and_changes_nothing(inst1, field, spec):
    before = snapshot(inst1.root)
    with pytest.raises(ValidationError) as error:
        create_tenant(inst1, spec)
    assert error.value.field == field
    assert error.value.message
    assert snapshot(inst1.root) == before
    assert [t.nr for t in inst1.tenants()] == [0, 1]


def test_overlap_message_proposes_a_free_range_that_is_accepted(inst1):
    with pytest.raises(ValidationError) as error:
        create_tenant(inst1, TenantSpec(5, "X", central=["tickets"], booking_range="150000-159999"))
    message = error.value.message
    assert "overlaps tenant 1" in message
    proposed = message.rsplit("a free range is ", 1)[1].rstrip(".")
    created = create_tenant(inst1, TenantSpec(5, "X", central=["tickets"], booking_range=proposed))
    assert created.booking_range == (200000, 209999)


def test_overlap_is_allowed_when_neither_accounting_nor_tickets_are_central(inst1):
    info = create_tenant(
        inst1, TenantSpec(6, "Eigenständig", central=["postal"], booking_range="1-99999")
    )
    assert info.booking_range == (1, 99999)


def test_an_existing_number_proposes_the_next_free_one(inst1):
    with pytest.raises(ValidationError, match="next free number is 2"):
        create_tenant(inst1, TenantSpec(1, "Doppelt"))


def test_central_choices_cannot_be_edited_after_creation(inst1):
    before = snapshot(inst1.root)
    with pytest.raises(ValidationError) as error:
        update_tenant(inst1, 1, central=["postal"])
    assert error.value.field == "central"
    assert "accounting" in error.value.message and "cannot be changed" in error.value.message
    assert snapshot(inst1.root) == before


def test_name_and_branding_can_be_edited(inst1, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    info = update_tenant(
        inst1, 1, name="Nord GmbH", branding={"colour": "#aa3300", "city": "Kiel"}, logo=logo
    )
    assert info.name == "Nord GmbH"
    assert info.branding["colour"] == "#aa3300" and info.branding["city"] == "Kiel"
    assert (info.path / info.branding["logo_file"]).read_bytes() == logo.read_bytes()
