"""Notes view: unread in bold and counted, reading marks read, compose scopes, replies."""

import pytest

from jack_desktop.notes import inbox, send_note
from tenant_store.users import add_user, grant, revoke
from ui.context import TenantContext
from ui.note_compose_dialog import NoteComposeDialog
from ui.notes_view import NotesView

from .driving import on_modal


@pytest.fixture
def office(inst3):
    """Tenant 0 holds the central notes file; tenants 1 and 2 keep their own notes."""
    for login, name in (("anna", "Anna Albers"), ("bernd", "Bernd Bauer"), ("eva", "Eva Ernst")):
        add_user(inst3, login, name, "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "bernd", 0, "clerk", team="Privatreisen")
    grant(inst3, "eva", 0, "viewer", team="Privatreisen")
    grant(inst3, "bernd", 1, "clerk")
    return inst3


@pytest.fixture
def open_view(qtbot, office):
    sessions = []

    def make(nr, user):
        session = office.open_session(nr)
        sessions.append(session)
        view = NotesView(TenantContext(office, user, session, session.rights(user)))
        qtbot.addWidget(view)
        return view

    yield make
    for session in sessions:
        session.close()


def _send(office, nr, user, scope, subject, to=None, body="Text"):
    with office.open_session(nr) as session:
        send_note(user, session, scope, subject, body, to)


def _compose(qtbot, view, **kw) -> NoteComposeDialog:
    dialog = NoteComposeDialog(view.ctx, view, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_unread_notes_are_bold_and_counted_and_reading_marks_them_read(qtbot, open_view, office):
    _send(office, 0, "anna", "user", "Kassenprüfung", to="bernd", body="Bitte bis Freitag.")
    _send(office, 0, "anna", "team", "Teamsitzung", to="Privatreisen")
    view = open_view(0, "bernd")
    assert view.unread() == 2
    assert view.table.item(0, 0).font().bold()
    assert [view.table.item(r, 1).text() for r in range(2)] == ["Teamsitzung", "Kassenprüfung"]
    with qtbot.waitSignal(view.unread_changed) as signal:
        view.table.selectRow(1)
    assert signal.args == [1] and view.unread() == 1
    assert not view.table.item(1, 0).font().bold()
    assert view.reader.toPlainText() == "Bitte bis Freitag."
    assert view.heading.text() == "Kassenprüfung" and "Anna Albers" in view.meta.text()
    with view.ctx.inst.open_session(0) as session:
        assert [n.read for n in inbox("bernd", session)] == [False, True]


def test_compose_offers_all_tenants_only_where_notes_are_central(qtbot, open_view):
    central = _compose(qtbot, open_view(0, "anna"))
    assert central.scope_all.isEnabled()
    own = _compose(qtbot, open_view(1, "anna"))
    assert not own.scope_all.isEnabled()
    assert "not central" in own.scope_all.toolTip()


def test_compose_lists_possible_recipients_and_teams(qtbot, open_view):
    dialog = _compose(qtbot, open_view(0, "anna"))
    logins = [dialog.user_combo.itemData(i) for i in range(dialog.user_combo.count())]
    assert logins == ["anna", "bernd", "eva"]
    assert dialog.user_combo.itemText(1) == "Bernd Bauer (bernd)"
    assert [dialog.team_combo.itemText(i) for i in range(dialog.team_combo.count())] == [
        "Privatreisen"
    ]
    own = _compose(qtbot, open_view(1, "anna"))  # own notes: only tenant 1's members
    assert [own.user_combo.itemData(i) for i in range(own.user_combo.count())] == ["anna", "bernd"]
    assert not own.scope_team.isEnabled()


def test_send_is_enabled_once_there_is_a_subject_and_a_circular_reaches_everyone(
    qtbot, open_view, office
):
    view = open_view(0, "anna")
    dialog = _compose(qtbot, view)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.subject, "Betriebsausflug")
    assert dialog.ok_button.isEnabled()
    dialog.scope_all.setChecked(True)
    assert not dialog.user_combo.isEnabled()
    dialog.body.setPlainText("Am 12. Juni.")
    dialog.ok_button.click()
    assert dialog.result() == NoteComposeDialog.DialogCode.Accepted
    assert dialog.note.scope == "all"
    assert [n.subject for n in _inbox(office, 0, "bernd")] == ["Betriebsausflug"]


def test_a_refused_note_shows_the_reason_beside_the_addressee(qtbot, open_view, office):
    view = open_view(0, "anna")
    dialog = _compose(qtbot, view)
    dialog.subject.setText("Nur für mich")
    dialog.scope_tenant.setChecked(True)
    for login in ("bernd", "eva"):
        revoke(office, login, 0)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.note is None
    assert "Nobody else" in dialog._errors["to"].text()


def test_reply_goes_to_the_sender_and_marks_the_note_read(qtbot, open_view, office):
    _send(office, 0, "anna", "user", "Frage", to="bernd")
    view = open_view(0, "bernd")
    view.table.selectRow(0)
    assert view.reply_action.isEnabled()

    def answer(dialog):
        assert dialog.subject.text() == "Re: Frage"
        assert not dialog.ok_button.isEnabled()  # a reply needs a message
        dialog.body.setPlainText("Erledigt.")
        dialog.ok_button.click()

    on_modal(answer, NoteComposeDialog)
    view.reply_action.trigger()
    assert view.status.text() == "Reply sent."
    assert [(n.subject, n.body) for n in _inbox(office, 0, "anna")] == [("Re: Frage", "Erledigt.")]


def test_a_viewer_reads_but_cannot_write(open_view, office):
    _send(office, 0, "anna", "user", "Hallo", to="eva")
    view = open_view(0, "eva")
    view.table.selectRow(0)
    assert not view.new_button.isEnabled() and not view.reply_action.isEnabled()
    assert "not write" in view.new_button.toolTip()
    assert view.unread() == 0


def test_the_sent_tab_shows_how_many_have_read(open_view, office):
    _send(office, 0, "anna", "team", "Plan", to="Privatreisen")
    view = open_view(0, "anna")
    view.tabs.setCurrentIndex(1)
    assert view.sent_table.item(0, 0).text() == "Plan"
    assert view.sent_table.item(0, 3).text() == "0 of 2"


def _inbox(office, nr, user):
    with office.open_session(nr) as session:
        return inbox(user, session)
