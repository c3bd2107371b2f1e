"""The login dialog says when a login locked by wrong passwords may try again (issue 11)."""

from tenant_store.users import LOCK_AFTER, add_user, grant
from ui.login_dialog import LoginDialog


def test_the_dialog_shows_the_lock_and_stays_open(qtbot, inst):
    add_user(inst, "anna", "Anna Admin", "secret-123")
    grant(inst, "anna", 0, "admin")
    dialog = LoginDialog(inst, login="anna")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(LOCK_AFTER):
        dialog.password_edit.setText("wrong-one")
        dialog.accept()
    assert dialog.isVisible() and dialog.login is None
    assert "the login 'anna' is locked until" in dialog.error.text()
    dialog.password_edit.setText("secret-123")
    dialog.accept()  # the right password does not open a locked login either
    assert dialog.isVisible() and "locked until" in dialog.error.text()
