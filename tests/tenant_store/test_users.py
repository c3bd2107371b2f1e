"""R13, R15: users work in several tenants with roles and teams per tenant; seats per tenant."""

import pytest

from tenant_store import PermissionDenied, ValidationError
from tenant_store.licences import licensed_modules, set_licensed_modules
from tenant_store.models.installation import Tenant
from tenant_store.rights import MODULES, Level
from tenant_store.users import add_user, authenticate, grant, revoke, rights_in, tenants_of

from .snapshot import snapshot


@pytest.fixture
def people(inst3):
    add_user(inst3, "anna", "Anna Albers", "geheim123")
    add_user(inst3, "bernd", "Bernd Bauer", "passwort9")
    grant(inst3, "anna", 0, "admin")
    grant(inst3, "anna", 2, "clerk", team="Firmenreisen")
    grant(inst3, "bernd", 1, "clerk", team="Privat")
    return inst3


def test_passwords_are_hashed_and_checked(people):
    assert authenticate(people, "anna", "geheim123").name == "Anna Albers"
    assert authenticate(people, "anna", "falsch") is None
    assert authenticate(people, "nobody", "geheim123") is None
    from tenant_store.models.installation import User

    with people.registry():
        stored = User.get(User.login == "anna").password_hash
    assert "geheim123" not in stored and stored.startswith("scrypt$")


def test_the_tenant_list_of_a_user_holds_exactly_their_memberships(people):
    assert tenants_of(people, "anna") == [0, 2]
    assert tenants_of(people, "bernd") == [1]
    assert tenants_of(people, "nobody") == []


def test_rights_and_teams_differ_per_tenant(people):
    admin0 = rights_in(people, "anna", 0)
    clerk2 = rights_in(people, "anna", 2)
    assert admin0.tenant_admin and admin0.can("accounting", Level.WRITE)
    assert not clerk2.tenant_admin and clerk2.team == "Firmenreisen"
    assert clerk2.can("bookings", Level.WRITE) and not clerk2.can("accounting")
    with pytest.raises(PermissionDenied, match="accounting"):
        clerk2.require("accounting", Level.READ)
    outsider = rights_in(people, "bernd", 2)
    assert not outsider.is_member and not any(outsider.can(m) for m in MODULES)


def test_session_rights_follow_changes_while_open(people):
    with people.open_session(2) as session:
        assert not session.rights("anna").can("accounting")
        grant(people, "anna", 2, "accountant")
        assert session.rights("anna").can("accounting", Level.WRITE)


@pytest.mark.parametrize(
    ("field", "args"),
    [
        ("login", ("Anna Albers", "Anna", "geheim123")),
        ("login", ("anna", "Anna Zwei", "geheim123")),
        ("name", ("carla", "  ", "geheim123")),
        ("password", ("carla", "Carla", "kurz")),
    ],
)
def test_bad_users_are_refused_and_change_nothing(people, field, args):
    before = snapshot(people.root)
    with pytest.raises(ValidationError) as error:
        add_user(people, *args)
    assert error.value.field == field
    assert snapshot(people.root) == before


@pytest.mark.parametrize(
    ("field", "args"),
    [
        ("login", ("nobody", 1, "clerk")),
        ("tenant", ("anna", 7, "clerk")),
        ("role", ("anna", 1, "king")),
    ],
)
def test_bad_grants_are_refused_and_change_nothing(people, field, args):
    before = snapshot(people.root)
    with pytest.raises(ValidationError) as error:
        grant(people, *args)
    assert error.value.field == field
    assert snapshot(people.root) == before


def test_seats_are_counted_per_tenant(people):
    with people.registry(write=True):
        Tenant.update(seats=2).where(Tenant.nr == 1).execute()
    add_user(people, "carla", "Carla Clausen", "geheim123")
    add_user(people, "dirk", "Dirk Dahl", "geheim123")
    grant(people, "carla", 1, "viewer")  # second seat of tenant 1
    with pytest.raises(ValidationError, match="no free seat"):
        grant(people, "dirk", 1, "viewer")
    grant(people, "carla", 1, "clerk")  # changing a role takes no new seat
    grant(people, "dirk", 2, "viewer")  # tenant 2 has its own seats
    revoke(people, "carla", 1)
    grant(people, "dirk", 1, "viewer")
    assert tenants_of(people, "dirk") == [1, 2]


def test_modules_are_licensed_once_for_every_tenant(people):
    with people.registry():
        assert set(licensed_modules()) == set(MODULES)
    with people.registry(write=True):
        set_licensed_modules(set(MODULES) - {"controlling"})
    for nr in (0, 1, 2):
        with people.open_session(nr) as session, session.bound():
            assert "controlling" not in licensed_modules()
