"""Every refused tenant creation names its field and changes nothing on disk."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tenant_store import MAX_TENANT_NR, TenantSpec, ValidationError, create_tenant
from tenant_store.installation import TENANT_COLOURS, TenantRange, pick_colour, unused_colour
from tenant_store.logical import MAX_BOOKING_NUMBER
from tenant_store.tenant_edit import update_tenant
from tenant_store.tenant_validation import check_range_free, proposed_booking_range

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
    assert created.booking_range == (500000, 509999)  # tenant 5's own place, of the size typed


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


# -- the one proposal of a free booking range (R5) -----------------------------------------------


def demo_like(inst):
    """The demo's layout: tenants 1 (central accounting) and 2 (central tickets) share booking
    numbers with tenant 0; tenant 3 keeps its own accounting and tickets (300000-399999)."""
    create_tenant(inst, TenantSpec(1, "Firmenreisen", central=["postal", "accounting"]))
    create_tenant(inst, TenantSpec(2, "Gruppenreisen", central=["postal", "tickets"]))
    create_tenant(inst, TenantSpec(3, "Online", central=["postal", "customers"]))
    return inst


def proposal_in(message: str) -> tuple[int, int] | None:
    """The free range an overlap message proposes (None: it says none is left)."""
    if "no free range of that size is left" in message:
        return None
    match = re.search(r"a free range is (\d+)-(\d+)\.$", message)
    assert match, f"no proposal in {message!r}"
    return int(match[1]), int(match[2])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def largest_gap(taken: list[tuple[int, int]]) -> int:
    """How many consecutive booking numbers are free at most."""
    best, free_from = 0, 1
    for first, last in sorted(taken):
        best = max(best, first - free_from)
        free_from = max(free_from, last + 1)
    return max(best, MAX_BOOKING_NUMBER + 1 - free_from)


def test_the_overlap_message_proposes_no_range_inside_an_own_accounting_tenant(inst):
    demo_like(inst)
    # 250000-300000 overlaps tenant 2; the next numbers up, 300000-350000, are tenant 3's.
    with pytest.raises(ValidationError) as error:
        create_tenant(inst, TenantSpec(4, "N", central=["tickets"], booking_range="250000-300000"))
    assert "overlaps tenant 2" in error.value.message
    proposed = proposal_in(error.value.message)
    assert proposed == (400_000, 450_000)  # tenant 4's own place, as many numbers as typed
    assert not overlaps(proposed, (300_000, 399_999))
    assert proposed == proposed_booking_range(4, inst.tenant_ranges(), 50_001)  # the button's
    spec = TenantSpec(4, "Neu", central=["tickets"], booking_range=proposed)
    assert create_tenant(inst, spec).booking_range == proposed


def test_the_default_proposal_is_the_tenants_default_range_when_that_is_free(inst):
    demo_like(inst)
    assert proposed_booking_range(4, inst.tenant_ranges()) == (400_000, 499_999)


def test_the_proposal_avoids_other_ranges_even_where_r5_does_not_apply(inst):
    demo_like(inst)
    # Tenant 9 keeps everything of its own, in tenant 4's default place.
    create_tenant(inst, TenantSpec(9, "Eigen", booking_range="400000-449999"))
    tenants = inst.tenant_ranges()
    assert proposed_booking_range(4, tenants) == (450_000, 549_999)


def test_an_existing_tenant_is_not_in_its_own_way(inst):
    demo_like(inst)
    assert proposed_booking_range(3, inst.tenant_ranges()) == (300_000, 399_999)


def test_with_no_room_after_its_place_the_proposal_is_the_first_gap_before_it():
    tenants = [
        TenantRange(0, (1, 99_999), True),
        TenantRange(2, (200_000, MAX_BOOKING_NUMBER), True),
    ]
    assert proposed_booking_range(5, tenants) == (100_000, 199_999)
    assert proposed_booking_range(5, tenants, 100_001) is None


# On the scale of the default places (tenant N at N*100000), so that they are often taken.
ranges = st.tuples(st.integers(1, 3_500_000), st.integers(0, 300_000)).map(
    lambda r: (r[0], r[0] + r[1])
)
layouts = st.dictionaries(st.integers(0, 30), st.tuples(ranges, st.booleans()), max_size=12).map(
    lambda d: [TenantRange(nr, r, nr == 0 or shares) for nr, (r, shares) in d.items()]
)


@settings(max_examples=400, deadline=None)
@given(
    tenants=layouts,
    nr=st.integers(1, 31),
    typed=ranges,
    big=st.sampled_from([None, MAX_BOOKING_NUMBER - 500, MAX_BOOKING_NUMBER]),
)
def test_property_message_and_button_agree_and_never_overlap(tenants, nr, typed, big):
    """For any layout: the proposal overlaps no other tenant's range, shared or not, and the
    overlap message names exactly the range the button (same size) would put in."""
    others = [t for t in tenants if t.nr != nr]
    if big is not None:  # sizes that leave little or no room at all
        typed = (1, big)
    size = typed[1] - typed[0] + 1
    proposed = proposed_booking_range(nr, tenants, size)
    if proposed is not None:
        assert proposed[1] - proposed[0] + 1 == size
        assert proposed[0] >= 1 and proposed[1] <= MAX_BOOKING_NUMBER
        assert not any(overlaps(proposed, t.booking_range) for t in others)
        check_range_free(nr, proposed, True, tenants)  # accepted even with R5
    else:
        assert largest_gap([t.booking_range for t in others]) < size
    clash = any(overlaps(typed, t.booking_range) and t.shares_booking_numbers for t in others)
    if not clash:
        check_range_free(nr, typed, True, tenants)
        return
    with pytest.raises(ValidationError) as error:
        check_range_free(nr, typed, True, tenants)
    assert proposal_in(error.value.message) == proposed


# -- a colour of its own ------------------------------------------------------------------------


def test_the_first_unused_colour_is_picked_whatever_the_case():
    assert pick_colour([]) == TENANT_COLOURS[0]
    assert pick_colour(["#E8A317", TENANT_COLOURS[0].upper(), " #C62828 "]) == TENANT_COLOURS[2]


def test_with_every_colour_taken_the_least_used_one_is_picked():
    used = list(TENANT_COLOURS) * 2 + list(TENANT_COLOURS[:3]) + list(TENANT_COLOURS[4:])
    assert pick_colour(used) == TENANT_COLOURS[3]


def test_a_new_tenant_gets_a_colour_no_other_tenant_has(inst):
    demo_like(inst)
    update_tenant(inst, 0, branding={"colour": "#e8a317"})
    update_tenant(inst, 1, branding={"colour": "#1F5F8B"})  # the old default, in upper case
    taken = {t.branding["colour"].lower() for t in inst.tenants()}
    colour = unused_colour(inst)
    assert colour not in taken
    info = create_tenant(inst, TenantSpec(4, "Neu"))  # no colour given: e.g. the command line
    assert info.branding["colour"] == colour
    assert len({t.branding["colour"].lower() for t in inst.tenants()}) == 5
