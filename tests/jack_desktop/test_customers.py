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


# -- for the desktop client: paging, sharing choices, checks as you type ------------------------


def _page_through(inst, nr, text="", limit=2, user="anna"):
    """Every row of `list_customers`, page by page as the customer list fetches them."""
    from jack_desktop.customers import list_customers

    rows, after = [], None
    with inst.open_session(nr) as session:
        while True:
            page = list_customers(user, session, text, limit=limit, after=after)
            rows += page
            if len(page) < limit:
                return rows
            after = page[-1]


def test_list_customers_pages_by_name_without_gaps_or_repeats(office):
    for first, last in (("Eva", "Meier"), ("Hans", "Müller"), ("Anna", "Meier"), ("Kurt", "Abel")):
        _create(office, 0, first_name=first, last_name=last, city="Hamburg")
    _create(office, 0, last_name="Zuletzt", city="Bremen")
    rows = _page_through(office, 0)
    assert [(r.last_name, r.first_name) for r in rows] == [
        ("Abel", "Kurt"),
        ("Meier", "Anna"),
        ("Meier", "Eva"),
        ("Müller", "Hans"),
        ("Zuletzt", ""),
    ]
    assert [r.last_name for r in _page_through(office, 0, "hamb")] == [
        "Abel",
        "Meier",
        "Meier",
        "Müller",
    ]
    assert [r.last_name for r in _page_through(office, 0, "mül")] == ["Müller"]


def test_list_customers_pages_a_broad_match_by_number(office, monkeypatch):
    import jack_desktop.customers as customers

    for last in ("Zander", "Albers", "Maier", "Berger", "Abel"):
        _create(office, 0, last_name=last, city="Hamburg")
    monkeypatch.setattr(customers, "SORTED_MATCHES", 3)
    assert [r.last_name for r in _page_through(office, 0, "hamb")] == [
        "Zander",
        "Albers",
        "Maier",
        "Berger",
        "Abel",
    ]
    # Everyone (empty text) is read in name order from the index, however many there are.
    assert [r.last_name for r in _page_through(office, 0, "")] == [
        "Abel",
        "Albers",
        "Berger",
        "Maier",
        "Zander",
    ]


def test_a_company_is_listed_by_its_company_name_not_its_contact_person(office):
    from jack_desktop.customers import list_customers

    _create(office, 0, kind="company", company="Zeppelin Reisen AG", last_name="Abel")
    _create(office, 0, first_name="Eva", last_name="Meier", city="Hamburg")
    acme = _create(office, 0, kind="company", company="Acme GmbH", last_name="Zorn")
    _create(office, 0, first_name="Hans", last_name="Müller", company="Bosch")  # a person
    expected = ["Acme GmbH", "Meier", "Müller", "Zeppelin Reisen AG"]

    def shown(rows):
        return [r.company if r.kind == "company" else r.last_name for r in rows]

    assert shown(_page_through(office, 0)) == expected
    assert shown(_page_through(office, 0, limit=1)) == expected  # page by page, too
    with office.open_session(0) as session:
        assert shown(search_customers("anna", session, "a")) == expected[:1] + expected[3:]
        update_customer("anna", session, acme.id, {"company": "Zenit GmbH"})
        assert shown(list_customers("anna", session, "")) == [
            "Meier",
            "Müller",
            "Zenit GmbH",
            "Zeppelin Reisen AG",
        ]


def test_list_customers_keeps_r12_visibility_and_checks_rights(office):
    from jack_desktop.customers import list_customers

    _create(office, 0, last_name="Öffentlich")
    _create(office, 0, last_name="Intern", shared_with=set())
    assert [r.last_name for r in _page_through(office, 1)] == ["Öffentlich"]
    assert [r.last_name for r in _page_through(office, 0)] == ["Intern", "Öffentlich"]
    with office.open_session(1) as session:
        assert list_customers("vera", session, "")  # a viewer may read
        with pytest.raises(PermissionDenied):
            list_customers("nobody", session, "")
        assert list_customers("anna", session, "", offset=1) == []


def test_sharing_choices_are_the_tenants_of_the_central_file(office):
    from jack_desktop.customers import sharing_choices

    with office.open_session(1) as session:
        assert [t.nr for t in sharing_choices(session)] == [0, 1, 3]
    with office.open_session(0) as session:
        assert [t.nr for t in sharing_choices(session)] == [0, 1, 3]
    with office.open_session(2) as session:  # own customers file
        assert [t.nr for t in sharing_choices(session)] == [2]


def test_sharing_of_is_told_only_to_the_creating_tenant(office):
    from jack_desktop.customers import sharing_of

    everyone = _create(office, 1, last_name="Alle")
    some = _create(office, 1, last_name="Einige", shared_with={3})
    with office.open_session(1) as session:
        assert sharing_of("anna", session, everyone.id) is None
        assert sharing_of("anna", session, some.id) == {1, 3}
    with office.open_session(3) as session, pytest.raises(ValidationError) as error:
        sharing_of("anna", session, some.id)  # R12: not even a tenant it is shared with
    assert error.value.field == "sharing"


def test_iban_display_groups_a_valid_iban_in_fours():
    from jack_desktop.customers import iban_display

    assert iban_display("DE89370400440532013000") == "DE89 3704 0044 0532 0130 00"
    assert iban_display("DE00 12") == "DE00 12"
    assert iban_display("") == ""


def test_country_names_are_german_and_sorted_for_people():
    from jack_desktop.customers import country_names

    names = dict(country_names("de"))
    assert names["DE"] == "Deutschland" and names["AT"] == "Österreich"
    ordered = [name for _code, name in country_names("de")]
    assert ordered.index("Österreich") < ordered.index("Polen")  # Ö sorts as O
    assert len(ordered) == 249


def test_a_wrong_iban_is_refused_in_german_without_english_words(office, german):
    with pytest.raises(ValidationError) as refused:
        _create(office, 0, last_name="Bank", iban="DE89 3704 0044 0532 0130 0")
    assert refused.value.field == "iban"
    assert refused.value.message == (
        "'DE89 3704 0044 0532 0130 0' ist keine gültige IBAN: "
        "Sie hat 21 Stellen, eine deutsche IBAN hat 22."
    )
    with pytest.raises(ValidationError) as refused:
        _create(office, 0, last_name="Bank", iban="DE88 3704 0044 0532 0130 00")
    assert "Prüfziffern" in refused.value.message
    words = set(refused.value.message.lower().split())
    assert not {"invalid", "checksum", "check", "digits", "not", "is"} & words
