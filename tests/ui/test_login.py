"""Logging in with the installation's users; the first administrator of an empty installation."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tenant_store.users import add_user, authenticate, grant, rights_in, tenants_of
from ui.first_admin_dialog import FirstAdminDialog, has_users
from ui.login_dialog import LoginDialog


def make(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_right_password_logs_in(qtbot, inst3):
    add_user(inst3, "anna", "Anna Admin", "secret-123")
    grant(inst3, "anna", 0, "admin")
    grant(inst3, "anna", 2, "clerk")
    dialog = make(qtbot, LoginDialog(inst3))
    qtbot.keyClicks(dialog.login_edit, "anna")
    qtbot.keyClicks(dialog.password_edit, "secret-123")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.login == "anna" and dialog.tenants == [0, 2]


def test_a_wrong_password_is_said_beside_the_field_and_the_dialog_stays(qtbot, inst):
    add_user(inst, "anna", "Anna Admin", "secret-123")
    grant(inst, "anna", 0, "admin")
    dialog = make(qtbot, LoginDialog(inst, login="anna"))
    qtbot.keyClicks(dialog.password_edit, "wrong-one")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.login is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The login or the password is wrong."
    qtbot.keyClicks(dialog.password_edit, "x")  # typing again clears the message
    assert not dialog.error.isVisible()


def test_an_unknown_login_gets_the_same_message(qtbot, inst):
    dialog = make(qtbot, LoginDialog(inst))
    qtbot.keyClicks(dialog.login_edit, "nobody")
    qtbot.keyClicks(dialog.password_edit, "secret-123")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "The login or the password is wrong."


def test_a_user_without_any_tenant_is_told_to_ask_an_administrator(qtbot, inst):
    add_user(inst, "bert", "Bert", "secret-123")
    dialog = make(qtbot, LoginDialog(inst, login="bert"))
    qtbot.keyClicks(dialog.password_edit, "secret-123")
    dialog.accept()
    assert dialog.isVisible() and "not a member of any tenant" in dialog.error.text()


def test_login_needs_a_login_before_ok(qtbot, inst):
    dialog = make(qtbot, LoginDialog(inst))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.login_edit, "a")
    assert ok.isEnabled()


# -- the first administrator ----------------------------------------------------------------------


def fill(qtbot, dialog, login, name, password, repeat):
    for edit, text in (
        (dialog.login_edit, login),
        (dialog.name_edit, name),
        (dialog.password_edit, password),
        (dialog.repeat_edit, repeat),
    ):
        qtbot.keyClicks(edit, text)


def test_the_first_administrator_is_created_and_administers_every_tenant(qtbot, inst3):
    assert not has_users(inst3)
    dialog = make(qtbot, FirstAdminDialog(inst3))
    fill(qtbot, dialog, "chef", "Chefin Erste", "geheim-123", "geheim-123")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.login == "chef"
    assert has_users(inst3)
    assert authenticate(inst3, "chef", "geheim-123") is not None
    assert tenants_of(inst3, "chef") == [0, 1, 2]
    assert all(rights_in(inst3, "chef", nr).tenant_admin for nr in (0, 1, 2))


def test_first_admin_explains_what_is_wrong_beside_each_field(qtbot, inst):
    dialog = make(qtbot, FirstAdminDialog(inst))
    fill(qtbot, dialog, "Chef!", "Chefin", "kurz", "anders")
    assert not dialog.ok_button.isEnabled()
    assert "lower-case letters" in dialog.errors["login"].text()
    assert "too short" in dialog.errors["password"].text()
    assert dialog.errors["repeat"].text() == "The two passwords differ."
    assert not dialog.errors["name"].isVisible()
    assert not has_users(inst)


def test_first_admin_shows_the_rules_before_anything_is_typed(qtbot, inst):
    dialog = make(qtbot, FirstAdminDialog(inst))
    assert not dialog.ok_button.isEnabled()
    assert not any(label.isVisible() for label in dialog.errors.values())  # nothing shouted yet
    assert not dialog.grab().isNull()


def test_a_taken_login_is_reported_beside_the_login(qtbot, inst):
    add_user(inst, "chef", "Chef", "secret-123")  # e.g. created meanwhile by the command line
    dialog = make(qtbot, FirstAdminDialog(inst))
    fill(qtbot, dialog, "chef", "Chefin", "geheim-123", "geheim-123")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["login"].text() == "The login 'chef' exists already."
