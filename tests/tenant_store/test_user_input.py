"""Users' names, logins, teams and passwords (issue 11): control characters, endless values and
blank passwords are refused with a message naming the field; nothing is stored."""

import pytest

from tenant_store import ValidationError
from tenant_store.users import MAX_NAME, MAX_TEAM, add_user, grant

from .snapshot import snapshot

ESC, BEL = "\x1b", "\x07"


@pytest.fixture
def anna(inst):
    add_user(inst, "anna", "Anna Albers", "geheim123")
    return inst


def _refused(inst, field: str, action, *args) -> str:
    before = snapshot(inst.root)
    with pytest.raises(ValidationError) as error:
        action(inst, *args)
    assert error.value.field == field
    assert snapshot(inst.root) == before
    message = str(error.value)
    assert ESC not in message and BEL not in message and "\n" not in message, repr(message)
    assert len(message) < 300, message
    return message


@pytest.mark.parametrize(
    "name",
    [f"{ESC}[31mAnna{ESC}[0m", f"Anna{BEL}", "Anna\nAlbers", "Anna\x00", "x" * (MAX_NAME + 1)],
)
def test_a_bad_name_is_refused(inst, name):
    message = _refused(inst, "name", add_user, "carla", name, "geheim123")
    assert "control characters" in message or f"at most {MAX_NAME}" in message


def test_a_login_with_an_escape_sequence_is_refused_without_echoing_it(inst):
    message = _refused(inst, "login", add_user, f"carla{ESC}[2J", "Carla", "geheim123")
    assert "\\x1b[2J" in message  # shown as text


@pytest.mark.parametrize(
    ("password", "words"),
    [
        (" " * 8, "spaces only"),
        ("\t" * 9, "spaces only"),
        (f"geheim{ESC}123", "control characters"),
        ("x" * 1025, "too long"),
    ],
)
def test_a_blank_or_unusable_password_is_refused(inst, password, words):
    assert words in _refused(inst, "password", add_user, "carla", "Carla", password)


@pytest.mark.parametrize(
    "team", [f"Privat{ESC}[31m", f"Privat{BEL}", "Privat\nFirmen", "t" * 10_000]
)
def test_a_bad_team_is_refused(anna, team):
    message = _refused(anna, "team", grant, "anna", 0, "clerk", team)
    assert "control characters" in message or f"at most {MAX_TEAM}" in message


def test_names_and_teams_within_the_limits_are_stored(anna):
    add_user(anna, "carla", "C" * MAX_NAME, "pass word 1")
    grant(anna, "carla", 0, "clerk", "T" * MAX_TEAM)
