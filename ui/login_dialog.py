"""Logging in with one of the installation's users (R13)."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tenant_store import Installation
from tenant_store.errors import LoginLocked
from tenant_store.users import authenticate, tenants_of

from .actions import set_tab_chain
from .tenant_wizard.widgets import ErrorLabel, with_error


class LoginDialog(QDialog):
    """Login and password. After accept(), `login` is the user and `tenants` the tenants they
    may enter (never empty). A wrong password is said beside the field; the dialog stays open."""

    def __init__(self, inst: Installation, parent: QWidget | None = None, login: str = ""):
        super().__init__(parent)
        self.inst = inst
        self.login: str | None = None
        self.tenants: list[int] = []
        self.setWindowTitle(self.tr("Jack Desktop \u2013 Log in"))
        self.login_edit = QLineEdit(login, self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Log in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.login_edit.textChanged.connect(self._update_ok)
        self.password_edit.textEdited.connect(lambda _text: self.error.show_message(""))
        self._build_layout()
        set_tab_chain(self.login_edit, self.password_edit, *self.buttons.buttons())
        (self.password_edit if login else self.login_edit).setFocus()
        self._update_ok()

    def _build_layout(self) -> None:
        login_label = QLabel(self.tr("L&ogin:"), self)
        login_label.setBuddy(self.login_edit)
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(login_label, self.login_edit)
        form.addRow(password_label, with_error(self.password_edit, self.error))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.login_edit.text().strip()))

    def accept(self) -> None:
        login = self.login_edit.text().strip()
        try:
            user = authenticate(self.inst, login, self.password_edit.text())
        except LoginLocked as exc:  # says until when, known login or not
            self._refuse(str(exc))
            return
        if user is None:
            # One message for both cases: it must not reveal which logins exist.
            self._refuse(self.tr("The login or the password is wrong."))
            return
        tenants = tenants_of(self.inst, user.login)
        if not tenants:
            self._refuse(
                self.tr(
                    "You are not a member of any tenant yet; ask an administrator to grant "
                    "you a role."
                )
            )
            return
        self.login, self.tenants = user.login, tenants
        super().accept()

    def _refuse(self, message: str) -> None:
        self.error.show_message(message)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
