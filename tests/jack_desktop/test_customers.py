"""Customers: folded search, R8/R12 visibility, rights in the service, clear refusals."""

from datetime import date, timedelta

import pytest

from jack_desktop.customers import (
    create_customer,
    get_customer,
    search_customers,
    set_sharing,
    town_for_postcode,
    update_customer,
)
from tenant_store import PermissionDenied, TenantSpec, ValidationError, create_tenant
from tenant_store.users import add_user, grant

from ..tenant_store.snapshot import snapshot


@pytest.fixture
def office(inst3):
    """Tenants 1 and 3 share tenant 0's customers; tenant 2 keeps its own."""
    create_tenant(inst3, TenantSpec(3, "West", central=["customers"]))
    for login, name in (("anna", "Anna Albers"), ("bernd", "Bernd Bauer"), ("vera", "Vera Voss")):
        add_user(inst3, login, name, "geheim123")
    for nr in (0, 1, 2, 3):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "bernd", 1, "clerk")
    grant(inst3, "vera", 1, "viewer")
    return inst3


def _create(inst, nr, user="anna", shared_with=None, **values):
    with inst.open_session(nr) as session:
        return create_customer(user, session, values, shared_with).customer


def _find(inst, nr, text, user="anna"):
    with inst.open_session(nr) as session:
        return [c.last_name for c in search_customers(user, session, text)]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("muller", "Müller"),
        ("mueller", "Müller"),
        ("MÜL", "Müller"),
        ("Muel", "Müller"),
        ("weiss", "Weiß"),
        ("weiß", "Weiß"),
        ("oz", "Özdemir"),
        ("OEZD", "Özdemir"),
        ("jose", "García"),
        ("münch", "Özdemir"),
    ],
)
def test_search_is_insensitive_to_case_and_german_spellings(office, query, name):
    _create(office, 0, first_name="Hans", last_name="Müller", city="Hamburg")
    _create(office, 0, first_name="Eva", last_name="Weiß", city="Köln")
    _create(office, 0, first_name="Ayşe", last_name="Özdemir", postcode="80331")
    _create(office, 0, first_name="José", last_name="García", email="jose@example.es")
    assert _find(office, 0, query) == [name]


def test_search_matches_every_word_and_number_and_email(office):
    hans = _create(
        office,
        0,
        first_name="Hans",
        last_name="Müller",
        city="Hamburg",
        email="hans.mueller@example.de",
    )
    _create(office, 0, first_name="Hans", last_name="Meier", city="Bremen")
    assert _find(office, 0, "hans ham") == ["Müller"]
    assert _find(office, 0, str(hans.number)) == ["Müller"]
    assert _find(office, 0, "example.de") == ["Müller"]
    assert _find(office, 0, "   ") == []


def test_central_customers_are_seen_in_every_sharing_tenant_and_own_ones_stay(office):
    _create(office, 1, last_name="Zentral")
    _create(office, 2, last_name="Eigen")
    assert _find(office, 0, "zentral") == _find(office, 3, "zentral") == ["Zentral"]
    assert _find(office, 2, "zentral") == []
    assert _find(office, 2, "eigen") == ["Eigen"]
    assert _find(office, 0, "eigen") == _find(office, 1, "eigen") == []


def test_a_customer_shared_with_a_subset_is_invisible_elsewhere(office):
    secret = _create(office, 1, last_name="Geheim", shared_with={3})
    assert _find(office, 1, "geheim") == _find(office, 3, "geheim") == ["Geheim"]
    assert _find(office, 0, "geheim") == []
    with office.open_session(0) as s0, pytest.raises(ValidationError) as hidden:
        get_customer("anna", s0, secret.id)
    with office.open_session(0) as s0, pytest.raises(ValidationError) as missing:
        get_customer("anna", s0, secret.id + 1000)
    assert str(hidden.value) == str(missing.value).replace(str(secret.id + 1000), str(secret.id))


def test_rights_are_checked_by_the_service(office):
    with office.open_session(3) as s3, pytest.raises(PermissionDenied):
        search_customers("bernd", s3, "x")  # bernd is no member of tenant 3
    with office.open_session(1) as s1:
        assert search_customers("vera", s1, "x") == []  # a viewer may read
        with pytest.raises(PermissionDenied, match="write"):
            create_customer("vera", s1, {"last_name": "Neu"})
        assert create_customer("bernd", s1, {"last_name": "Neu"}).customer.owner_tenant == 1


def test_the_postal_code_fills_in_the_town(office):
    with office.open_session(1) as s1:
        assert town_for_postcode(s1, "80331") == "München"
    assert _create(office, 1, last_name="Huber", postcode="80331").city == "München"


def test_likely_duplicates_are_pointed_out(office):
    _create(office, 0, first_name="Hans", last_name="Müller", postcode="20095")
    with office.open_session(1) as s1:
        created = create_customer(
            "anna", s1, {"first_name": "hans", "last_name": "Mueller", "postcode": "20095"}
        )
    assert [c.last_name for c in created.likely_duplicates] == ["Müller"]


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("last_name", {"first_name": "Nur Vorname"}),
        ("last_name", {"last_name": "   "}),
        ("iban", {"last_name": "X", "iban": "DE89370400440532013001"}),
        ("email", {"last_name": "X", "email": "kein-at-zeichen"}),
        ("country", {"last_name": "X", "country": "XY"}),
        ("birth_date", {"last_name": "X", "birth_date": date.today() + timedelta(days=1)}),
        ("shoe_size", {"last_name": "X", "shoe_size": "44"}),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(office, field, values):
    before = snapshot(office.root)
    with office.open_session(1) as s1, pytest.raises(ValidationError) as error:
        create_customer("anna", s1, values)
    assert error.value.field == field
    assert snapshot(office.root) == before


def test_a_valid_iban_is_stored_compact(office):
    customer = _create(office, 1, last_name="Bank", iban="de89 3704 0044 0532 0130 00")
    assert customer.iban == "DE89370400440532013000"


def test_an_edit_is_found_under_the_new_name_only(office):
    customer = _create(office, 1, first_name="Jens", last_name="Schulz")
    with office.open_session(1) as s1:
        changed = update_customer("anna", s1, customer.id, {"last_name": "Schütz"})
    assert changed.last_name == "Schütz" and changed.first_name == "Jens"
    assert _find(office, 3, "schutz") == ["Schütz"]  # central: seen in tenant 3 at once
    assert _find(office, 0, "schulz") == []


def test_a_bad_edit_changes_nothing(office):
    customer = _create(office, 1, last_name="Schulz")
    before = snapshot(office.root)
    with office.open_session(1) as s1, pytest.raises(ValidationError) as error:
        update_customer("anna", s1, customer.id, {"last_name": "", "iban": "DE00"})
    assert error.value.field == "last_name"
    assert snapshot(office.root) == before


def test_sharing_is_decided_by_the_creating_tenant(office):
    customer = _create(office, 1, last_name="Teilweise")
    with office.open_session(3) as s3, pytest.raises(ValidationError) as error:
        set_sharing("anna", s3, customer.id, {3})
    assert error.value.field == "sharing" and "1" not in error.value.message
    with office.open_session(1) as s1:
        set_sharing("anna", s1, customer.id, {0})
    assert _find(office, 0, "teilweise") == ["Teilweise"]
    assert _find(office, 3, "teilweise") == []
    with office.open_session(1) as s1:
        set_sharing("anna", s1, customer.id, None)
    assert _find(office, 3, "teilweise") == ["Teilweise"]


def test_a_broad_search_lists_by_number_and_a_narrow_one_by_name(office, monkeypatch):
    """Sorting a huge match set by name would stall typing; a narrower query is sorted."""
    import jack_desktop.customers as customers

    for last in ("Zander", "Albers", "Maier", "Berger"):
        _create(office, 0, last_name=last, city="Hamburg")
    monkeypatch.setattr(customers, "SORTED_MATCHES", 3)
    assert _find(office, 0, "hamb") == ["Zander", "Albers", "Maier", "Berger"]
    monkeypatch.setattr(customers, "SORTED_MATCHES", 2000)
    assert _find(office, 0, "hamb") == ["Albers", "Berger", "Maier", "Zander"]
