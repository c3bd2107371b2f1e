"""Desktop notes: each scope reaches exactly its people, R9 central vs own notes, clear refusals."""

import pytest

from jack_desktop.notes import inbox, mark_read, reply, send_note, sent, unread_count
from tenant_store import PermissionDenied, TenantSpec, ValidationError, create_tenant
from tenant_store.models.installation import User
from tenant_store.users import add_user, grant

from ..tenant_store.snapshot import snapshot

PEOPLE = {
    "anna": "Anna Albers",
    "bernd": "Bernd Bauer",
    "carl": "Carl Clausen",
    "dora": "Dora Dietz",
    "eva": "Eva Ernst",
    "otto": "Otto Ohm",
    "vera": "Vera Voss",
    "ina": "Ina Inaktiv",
}


@pytest.fixture
def office(inst3):
    """Tenants 3 and 4 share tenant 0's notes; tenants 1 and 2 keep their own."""
    create_tenant(inst3, TenantSpec(3, "West", central=["notes"]))
    create_tenant(inst3, TenantSpec(4, "Ost", central=["notes"]))
    for login, name in PEOPLE.items():
        add_user(inst3, login, name, "geheim123")
    for nr in (0, 1, 2, 3, 4):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "eva", 0, "clerk")
    grant(inst3, "bernd", 1, "clerk", team="Nord")
    grant(inst3, "otto", 2, "clerk")
    grant(inst3, "carl", 3, "clerk", team="Sales")
    grant(inst3, "dora", 3, "clerk", team="Sales")
    grant(inst3, "dora", 4, "clerk")
    grant(inst3, "vera", 3, "viewer")
    grant(inst3, "ina", 3, "clerk", team="Sales")
    with inst3.registry(write=True):
        User.update(active=False).where(User.login == "ina").execute()
    return inst3


# Who may look into which tenant's inbox (ina is inactive and may not look at all).
MEMBERS = {
    0: ("anna", "eva"),
    1: ("anna", "bernd"),
    2: ("anna", "otto"),
    3: ("anna", "carl", "dora", "vera"),
    4: ("anna", "dora"),
}


def _send(inst, nr, user, scope, subject="Hallo", to=None, body=""):
    with inst.open_session(nr) as session:
        return send_note(user, session, scope, subject, body, to)


def _inbox(inst, nr, user, unread_only=False):
    with inst.open_session(nr) as session:
        return inbox(user, session, unread_only)


def _unread(inst, nr, user):
    with inst.open_session(nr) as session:
        return unread_count(user, session)


def _receivers(inst, subject):
    """(tenant, login) of every inbox showing a note with this subject."""
    return {
        (nr, login)
        for nr, logins in MEMBERS.items()
        for login in logins
        if any(item.subject == subject for item in _inbox(inst, nr, login))
    }


def test_a_note_to_a_user_reaches_them_in_another_tenant_sharing_notes(office):
    _send(office, 3, "carl", "user", "Rückruf", to="eva", body="Bitte Frau Huber anrufen.")
    assert _receivers(office, "Rückruf") == {(0, "eva")}
    [item] = _inbox(office, 0, "eva")
    assert (item.sender_login, item.sender_name, item.sender_tenant) == ("carl", "Carl Clausen", 3)
    assert (item.scope, item.read, item.reply_to) == ("user", False, None)
    assert item.body == "Bitte Frau Huber anrufen."


def test_a_member_of_this_tenant_is_addressed_here(office):
    _send(office, 4, "anna", "user", "Hier", to="dora")
    assert _receivers(office, "Hier") == {(4, "dora")}


def test_a_user_may_write_to_themself_only_explicitly(office):
    _send(office, 3, "anna", "user", "Merkzettel", to="anna")
    assert _receivers(office, "Merkzettel") == {(3, "anna")}


def test_a_team_note_reaches_the_active_team_members_of_this_tenant(office):
    _send(office, 3, "anna", "team", "Sales-Meeting", to="Sales")
    assert _receivers(office, "Sales-Meeting") == {(3, "carl"), (3, "dora")}


def test_a_tenant_note_reaches_every_other_member_of_this_tenant(office):
    _send(office, 3, "carl", "tenant", "Betriebsausflug")
    assert _receivers(office, "Betriebsausflug") == {(3, "anna"), (3, "dora"), (3, "vera")}


def test_a_circular_reaches_every_tenant_sharing_notes_and_is_read_once(office):
    _send(office, 4, "dora", "all", "Rundschreiben")
    expected = {(0, "anna"), (3, "anna"), (4, "anna"), (0, "eva"), (3, "carl"), (3, "vera")}
    assert _receivers(office, "Rundschreiben") == expected
    [item] = _inbox(office, 3, "anna")
    with office.open_session(0) as s0:
        mark_read("anna", s0, item.note_id)
    assert [i.read for i in _inbox(office, 3, "anna")] == [True]


def test_a_circular_is_refused_where_notes_are_own_and_changes_nothing(office):
    before = snapshot(office.root)
    with office.open_session(2) as s2, pytest.raises(ValidationError) as error:
        send_note("anna", s2, "all", "Rundschreiben")
    assert error.value.field == "scope"
    assert "notes are not central in this tenant" in error.value.message
    assert snapshot(office.root) == before


def test_own_notes_stay_in_their_tenant(office):
    _send(office, 2, "anna", "tenant", "Nur Süd")
    _send(office, 2, "anna", "user", "Notiz Süd", to="anna")
    _send(office, 1, "anna", "tenant", "Nur Nord")
    _send(office, 0, "anna", "all", "Zentral")
    assert _receivers(office, "Nur Süd") == {(2, "otto")}
    assert _receivers(office, "Notiz Süd") == {(2, "anna")}
    assert _receivers(office, "Nur Nord") == {(1, "bernd")}
    central = {(0, "eva"), (3, "carl"), (3, "dora"), (4, "dora"), (3, "vera")}
    assert _receivers(office, "Zentral") == central


@pytest.mark.parametrize(("nr", "login"), [(3, "bernd"), (0, "otto"), (2, "eva"), (1, "otto")])
def test_users_cannot_be_reached_across_own_notes(office, nr, login):
    with office.open_session(nr) as session, pytest.raises(ValidationError) as error:
        send_note("anna", session, "user", "Hallo", to=login)
    assert error.value.field == "to" and login in error.value.message


def test_the_unread_count_drops_when_a_note_is_read(office):
    first = _send(office, 3, "carl", "user", "Eins", to="dora")
    _send(office, 3, "carl", "user", "Zwei", to="dora")
    assert _unread(office, 3, "dora") == 2
    with office.open_session(3) as s3:
        mark_read("dora", s3, first.id)
        mark_read("dora", s3, first.id)  # again: harmless
    assert _unread(office, 3, "dora") == 1
    assert [i.subject for i in _inbox(office, 3, "dora", unread_only=True)] == ["Zwei"]
    assert [i.subject for i in _inbox(office, 3, "dora")] == ["Zwei", "Eins"]


def test_only_an_own_received_note_can_be_marked_read(office):
    note = _send(office, 3, "carl", "user", "Privat", to="dora")
    before = snapshot(office.root)
    for nr, login, note_id in ((3, "vera", note.id), (4, "dora", note.id), (3, "dora", 999)):
        with office.open_session(nr) as session, pytest.raises(ValidationError) as error:
            mark_read(login, session, note_id)
        assert error.value.message == f"There is no note {note_id}."
    assert snapshot(office.root) == before


def test_a_reply_reaches_the_sender_in_their_tenant(office):
    note = _send(office, 0, "eva", "user", "Frage", to="carl")
    with office.open_session(3) as s3:
        answer = reply("carl", s3, note.id, "Erledigt.")
    assert answer.scope == "user" and answer.subject == "Re: Frage"
    assert _receivers(office, "Re: Frage") == {(0, "eva")}
    [item] = _inbox(office, 0, "eva")
    assert (item.reply_to, item.sender_tenant, item.body) == (note.id, 3, "Erledigt.")
    assert _unread(office, 3, "carl") == 0  # answering means having read it
    with office.open_session(0) as s0:
        again = reply("eva", s0, answer.id, "Danke.")
    assert again.subject == "Re: Frage"


def test_a_reply_to_a_circular_goes_to_its_sender_only(office):
    circular = _send(office, 4, "dora", "all", "Inventur")
    with office.open_session(0) as s0:
        reply("eva", s0, circular.id, "Bin dabei.", subject="Inventur am Freitag")
    assert _receivers(office, "Inventur am Freitag") == {(4, "dora")}


def test_sent_notes_are_listed_with_how_many_have_read_them(office):
    note = _send(office, 3, "anna", "tenant", "Ferien")
    _send(office, 0, "anna", "tenant", "Anderswo")
    with office.open_session(3) as s3:
        mark_read("carl", s3, note.id)
        [item] = sent("anna", s3)
    assert (item.note_id, item.subject, item.recipients, item.read_by) == (note.id, "Ferien", 3, 1)


@pytest.mark.parametrize(
    ("field", "scope", "subject", "to"),
    [
        ("subject", "tenant", "   ", None),
        ("subject", "tenant", "x" * 201, None),
        ("scope", "everyone", "Hallo", None),
        ("to", "user", "Hallo", None),
        ("to", "user", "Hallo", "niemand"),
        ("to", "user", "Hallo", "ina"),
        ("to", "team", "Hallo", "Einkauf"),
        ("to", "team", "Hallo", ""),
        ("to", "tenant", "Hallo", "carl"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(office, field, scope, subject, to):
    before = snapshot(office.root)
    with office.open_session(3) as s3, pytest.raises(ValidationError) as error:
        send_note("anna", s3, scope, subject, to=to)
    assert error.value.field == field
    if to:
        assert to in error.value.message
    assert snapshot(office.root) == before


def test_a_note_nobody_else_can_receive_is_refused(office):
    before = snapshot(office.root)
    with office.open_session(1) as s1, pytest.raises(ValidationError) as error:
        send_note("bernd", s1, "team", "Nur ich", to="Nord")
    assert error.value.field == "to"
    assert snapshot(office.root) == before


def test_a_viewer_reads_but_cannot_send_or_reply(office):
    note = _send(office, 3, "carl", "user", "Info", to="vera")
    with office.open_session(3) as s3:
        assert [i.subject for i in inbox("vera", s3)] == ["Info"]
        mark_read("vera", s3, note.id)
        with pytest.raises(PermissionDenied, match="write"):
            send_note("vera", s3, "user", "Antwort", to="carl")
        with pytest.raises(PermissionDenied, match="write"):
            reply("vera", s3, note.id, "Antwort")


@pytest.mark.parametrize("nr", [0, 1, 2, 3, 4])
def test_a_non_member_is_refused_in_every_tenant(office, nr):
    outsider = "eva" if nr else "carl"
    with office.open_session(nr) as session:
        for call in (
            lambda: send_note(outsider, session, "tenant", "Hallo"),
            lambda: inbox(outsider, session),
            lambda: unread_count(outsider, session),
            lambda: mark_read(outsider, session, 1),
            lambda: reply(outsider, session, 1, "Hallo"),
            lambda: sent(outsider, session),
        ):
            with pytest.raises(PermissionDenied):
                call()
