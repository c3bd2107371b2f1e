"""Base data: per-tenant editors for code tables and parameters, checked input, rights."""

import pytest

from jack_desktop.basedata import (
    KINDS,
    PARAMETERS,
    get_entry,
    list_entries,
    list_parameters,
    parameter_int,
    parameter_text,
    payment_terms_days,
    save_entry,
    set_active,
    set_parameter,
    vat_percent,
)
from tenant_store import Logical, PermissionDenied, StoreError, ValidationError
from tenant_store.models.basedata import Parameter
from tenant_store.seed_data import RESOURCES, read_csv
from tenant_store.users import add_user, grant

from ..tenant_store.snapshot import snapshot

# kind -> (values of a new entry, a change to it)
NEW = {
    "destinations": ({"code": "SEYC", "name": "Seychellen", "country": "sc"}, {"name": "Mahé"}),
    "travel_types": (
        {"code": "SPRA", "name": "Sprachreise", "vat_scheme": "margin"},
        {"vat_scheme": "agency"},
    ),
    "cost_centres": ({"code": "610", "name": "Messen"}, {"name": "Messen und Events"}),
    "suppliers": ({"code": "FTI", "name": "FTI Touristik", "kind": "operator"}, {"kind": "other"}),
}


@pytest.fixture
def office(inst3):
    """anna administers every tenant; in tenant 1 bernd is a clerk, vera a viewer, and so on."""
    for login in ("anna", "bernd", "vera", "mona", "alex"):
        add_user(inst3, login, login.title(), "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
    for login, role in (
        ("bernd", "clerk"),
        ("vera", "viewer"),
        ("mona", "manager"),
        ("alex", "accountant"),
    ):
        grant(inst3, login, 1, role)
    return inst3


def _call(inst, nr, function, *args, user="anna"):
    with inst.open_session(nr) as session:
        return function(user, session, *args)


def _codes(inst, nr, kind, include_inactive=False):
    return [e.code for e in _call(inst, nr, list_entries, kind, include_inactive)]


@pytest.mark.parametrize("kind", KINDS)
def test_the_shipped_base_data_passes_the_checks(office, kind):
    """What tenant 0 ships can be saved again unchanged, so the checks are not too strict."""
    for entry in _call(office, 0, list_entries, kind, True):
        values = {name: getattr(entry, name) for name in KINDS[kind].fields}
        saved = _call(office, 0, save_entry, kind, values, entry.code)
        assert {name: getattr(saved, name) for name in values} == values


def test_every_shipped_parameter_is_known_and_valid(office):
    shipped = read_csv(RESOURCES / "basedata" / "parameters.csv")
    assert [row["key"] for row in shipped] == list(PARAMETERS)
    for row in shipped:
        assert _call(office, 0, set_parameter, row["key"], row["value"]).value == row["value"]


@pytest.mark.parametrize("kind", KINDS)
def test_create_update_and_deactivate(office, kind):
    new, change = NEW[kind]
    created = _call(office, 1, save_entry, kind, new)
    assert created.code == new["code"].upper() and created.active
    assert new["code"] in _codes(office, 1, kind)

    updated = _call(office, 1, save_entry, kind, change, new["code"])
    for name, value in {**new, **change}.items():
        assert getattr(updated, name) == (value.upper() if name == "country" else value)

    assert not _call(office, 1, set_active, kind, new["code"], False).active
    assert new["code"] not in _codes(office, 1, kind)
    assert new["code"] in _codes(office, 1, kind, include_inactive=True)
    assert not _call(office, 1, get_entry, kind, new["code"]).active
    assert _call(office, 1, set_active, kind, new["code"], True).active


def test_input_is_normalised(office):
    entry = _call(
        office,
        1,
        save_entry,
        "destinations",
        {"code": " seyc ", "name": " Seychellen ", "country": "sc"},
    )
    assert (entry.code, entry.name, entry.country) == ("SEYC", "Seychellen", "SC")
    entry = _call(office, 1, save_entry, "travel_types", {"vat_scheme": "MARGIN"}, "paus")
    assert (entry.code, entry.vat_scheme) == ("PAUS", "margin")


def test_an_edit_in_one_tenant_leaves_the_others_alone(office):
    with office.open_session(0) as s0, office.open_session(1) as s1:
        assert s0.paths[Logical.BASEDATA] != s1.paths[Logical.BASEDATA]
    _call(office, 1, save_entry, "destinations", {"name": "Malle"}, "MALL")
    _call(office, 1, save_entry, "suppliers", NEW["suppliers"][0])
    _call(office, 1, set_active, "cost_centres", "900", False)
    _call(office, 1, set_parameter, "vat.standard_percent", "16")

    assert _call(office, 1, get_entry, "destinations", "MALL").name == "Malle"
    for nr in (0, 2):
        assert _call(office, nr, get_entry, "destinations", "MALL").name == "Mallorca"
        assert "FTI" not in _codes(office, nr, "suppliers", include_inactive=True)
        assert "900" in _codes(office, nr, "cost_centres")
        with office.open_session(nr) as session:
            assert vat_percent(session) == 19
    with office.open_session(1) as s1:
        assert vat_percent(s1) == 16


@pytest.mark.parametrize(
    ("kind", "values", "code", "field"),
    [
        ("destinations", {"name": "Ohne Code", "country": "ES"}, None, "code"),
        ("destinations", {"code": "MAL-1", "name": "X", "country": "ES"}, None, "code"),
        ("destinations", {"code": "ABCDEFGHI", "name": "X", "country": "ES"}, None, "code"),
        ("destinations", {"code": "NEU", "name": "  ", "country": "ES"}, None, "name"),
        ("destinations", {"code": "NEU", "name": "X" * 101, "country": "ES"}, None, "name"),
        ("destinations", {"code": "NEU", "name": "X", "country": "XY"}, None, "country"),
        ("destinations", {"code": "NEU", "name": "X", "country": "ESP"}, None, "country"),
        ("destinations", {"code": "NEU", "name": "X"}, None, "country"),
        (
            "destinations",
            {"code": "NEU", "name": "X", "country": "ES", "climate": "warm"},
            None,
            "climate",
        ),
        ("destinations", {"country": "XY"}, "MALL", "country"),
        ("destinations", {"active": False}, "MALL", "active"),
        ("destinations", {"name": "X"}, "NOPE", "code"),
        ("destinations", {"code": "MALO"}, "MALL", "code"),
        ("travel_types", {"code": "NEU", "name": "X", "vat_scheme": "zero"}, None, "vat_scheme"),
        ("travel_types", {"vat_scheme": ""}, "PAUS", "vat_scheme"),
        ("cost_centres", {"code": "A100", "name": "X"}, None, "code"),
        ("cost_centres", {"code": "1234567", "name": "X"}, None, "code"),
        ("suppliers", {"code": "NEU", "name": "X", "kind": "bank"}, None, "kind"),
        ("suppliers", {"code": "NEU", "name": "X"}, None, "kind"),
        ("planets", {"code": "NEU", "name": "X"}, None, "kind"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(office, kind, values, code, field):
    before = snapshot(office.root)
    with office.open_session(1) as s1, pytest.raises(ValidationError) as error:
        save_entry("anna", s1, kind, values, code)
    assert error.value.field == field
    assert error.value.message
    assert snapshot(office.root) == before


def test_a_code_cannot_be_changed_and_the_reason_is_given(office):
    with pytest.raises(ValidationError, match="bookings refer to it"):
        _call(office, 1, save_entry, "destinations", {"code": "MALO"}, "MALL")
    # Repeating the same code is no change and is accepted.
    assert _call(office, 1, save_entry, "destinations", {"code": "mall"}, "MALL").code == "MALL"


def test_a_duplicate_code_is_refused_by_name(office):
    before = snapshot(office.root)
    taken = {"code": "mall", "name": "Noch ein Mallorca", "country": "ES"}
    with pytest.raises(ValidationError, match="MALL is already used by 'Mallorca'") as error:
        _call(office, 1, save_entry, "destinations", taken)
    assert error.value.field == "code"
    assert snapshot(office.root) == before


def test_a_duplicate_of_an_inactive_code_suggests_reactivating(office):
    _call(office, 1, set_active, "suppliers", "TUI", False)
    with pytest.raises(ValidationError, match="inactive entry 'TUI Deutschland'.*Reactivate"):
        _call(office, 1, save_entry, "suppliers", {"code": "TUI", "name": "T", "kind": "other"})


def test_setting_active_on_an_unknown_code_is_refused(office):
    before = snapshot(office.root)
    with pytest.raises(ValidationError, match="no entry NOPE in destinations") as error:
        _call(office, 1, set_active, "destinations", "nope", False)
    assert error.value.field == "code"
    assert snapshot(office.root) == before


def test_parameters_are_listed_checked_and_normalised(office):
    keys = [p.key for p in _call(office, 1, list_parameters)]
    assert keys == sorted(PARAMETERS)
    assert _call(office, 1, set_parameter, "payment.terms_days", " 030 ").value == "30"
    assert _call(office, 1, set_parameter, "currency", "chf").value == "CHF"
    text = "  Danke für Ihre Buchung.  "
    assert _call(office, 1, set_parameter, "invoice.header_text", text).value == text.strip()
    with office.open_session(1) as s1:
        assert payment_terms_days(s1) == 30
        assert vat_percent(s1, "reduced") == 7
        assert parameter_int(s1, "payment.deposit_percent") == 20
        assert parameter_text(s1, "currency") == "CHF"
        assert parameter_text(s1, "invoice.header_text") == "Danke für Ihre Buchung."
        with pytest.raises(ValueError):
            vat_percent(s1, "zero")


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("vat.colour", "blau", "key"),
        ("vat.standard_percent", "101", "value"),
        ("vat.standard_percent", "-1", "value"),
        ("vat.standard_percent", "19.5", "value"),
        ("vat.reduced_percent", "sieben", "value"),
        ("payment.deposit_percent", "", "value"),
        ("payment.terms_days", "366", "value"),
        ("payment.balance_days_before_departure", "x", "value"),
        ("invoice.footer_text", "   ", "value"),
        ("confirmation.text", "x" * 2001, "value"),
        ("currency", "EURO", "value"),
        ("currency", "XYZ", "value"),
    ],
)
def test_bad_parameters_are_refused_and_change_nothing(office, key, value, field):
    before = snapshot(office.root)
    with office.open_session(1) as s1, pytest.raises(ValidationError) as error:
        set_parameter("anna", s1, key, value)
    assert error.value.field == field
    assert snapshot(office.root) == before


def test_a_missing_parameter_is_reported_and_can_be_set_again(office):
    with office.open_session(2) as s2:
        with s2.transaction():
            Parameter.delete().where(Parameter.key == "payment.terms_days").execute()
        with pytest.raises(StoreError, match="'payment.terms_days' is missing in tenant 2"):
            payment_terms_days(s2)
        set_parameter("anna", s2, "payment.terms_days", "10")
        assert payment_terms_days(s2) == 10


@pytest.mark.parametrize("user", ["bernd", "vera", "mona", "alex"])
def test_other_roles_may_read_but_not_write(office, user):
    before = snapshot(office.root)
    with office.open_session(1) as s1:
        assert "MALL" in [e.code for e in list_entries(user, s1, "destinations")]
        assert get_entry(user, s1, "suppliers", "TUI").name == "TUI Deutschland"
        assert list_parameters(user, s1)
        for write in (
            lambda: save_entry(user, s1, "destinations", NEW["destinations"][0]),
            lambda: save_entry(user, s1, "destinations", {"name": "X"}, "MALL"),
            lambda: set_active(user, s1, "destinations", "MALL", False),
            lambda: set_parameter(user, s1, "currency", "CHF"),
        ):
            with pytest.raises(PermissionDenied, match="write"):
                write()
    assert snapshot(office.root) == before


def test_a_non_member_is_refused_before_anything_else(office):
    with office.open_session(2) as s2:
        for call in (
            lambda: list_entries("bernd", s2, "destinations"),
            lambda: get_entry("bernd", s2, "destinations", "MALL"),
            lambda: list_parameters("bernd", s2),
            # Bad input too: the rights check comes first and reveals nothing about the data.
            lambda: save_entry("bernd", s2, "planets", {}),
            lambda: set_parameter("bernd", s2, "nope", ""),
        ):
            with pytest.raises(PermissionDenied):
                call()
