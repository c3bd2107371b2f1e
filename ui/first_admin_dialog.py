"""The very first start of an installation without users: create the first administrator."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tenant_store import Installation, StoreError, ValidationError
from tenant_store.models.installation import User
from tenant_store.users import LOGIN, MIN_PASSWORD, add_user, grant

from .actions import set_tab_chain
from .errors import show_error
from .tenant_wizard.widgets import ErrorLabel, with_error

ADMIN_ROLE = "admin"


def has_users(inst: Installation) -> bool:
    """False on the very first start: nobody could log in yet."""
    with inst.registry():
        return User.select().exists()


def _hint(text: str, parent: QWidget) -> QLabel:
    hint = QLabel(text, parent)
    hint.setWordWrap(True)
    hint.setEnabled(False)  # the style's muted colour: a rule, not an error
    return hint


class FirstAdminDialog(QDialog):
    """Login, name and password (twice); creates the user as administrator of every tenant.

    After accept(), `login` is the new administrator's login.
    """

    def __init__(self, inst: Installation, parent: QWidget | None = None):
        super().__init__(parent)
        self.inst = inst
        self.login: str | None = None
        self.setWindowTitle(self.tr("Jack Desktop \u2013 First administrator"))
        self.login_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {key: ErrorLabel(self) for key in ("login", "name", "password", "repeat")}
        self.hints: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create administrator"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        for edit in (self.login_edit, self.name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._check)
        edits = (self.login_edit, self.name_edit, self.password_edit, self.repeat_edit)
        set_tab_chain(*edits, *self.buttons.buttons())
        self.login_edit.setFocus()
        self._check()

    def _build_layout(self) -> None:
        intro = QLabel(
            self.tr(
                "This installation has no users yet. Create the first administrator: they can "
                "log in, manage every tenant and add the other users."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        rows = [
            (self.tr("&Login:"), self.login_edit, "login"),
            (self.tr("Full &name:"), self.name_edit, "name"),
            (self.tr("&Password:"), self.password_edit, "password"),
            (self.tr("&Repeat password:"), self.repeat_edit, "repeat"),
        ]
        hints = {
            "login": self.tr("2 to 32 lower-case letters, digits, '.', '_' or '-'."),
            "password": self.tr("At least {n} characters.").format(n=MIN_PASSWORD),
        }
        for text, edit, key in rows:
            label = QLabel(text, self)
            label.setBuddy(edit)
            box = with_error(edit, self.errors[key])
            if key in hints:  # the rule under its field, muted, until an error restates it
                self.hints[key] = _hint(hints[key], self)
                box.layout().addWidget(self.hints[key])
            form.addRow(label, box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _problems(self) -> dict[str, str]:
        """Why each field is not acceptable yet (the store's rules: users.LOGIN, MIN_PASSWORD)."""
        problems = {}
        if not LOGIN.match(self.login_edit.text().strip()):
            problems["login"] = self.tr("Use 2 to 32 lower-case letters, digits, '.', '_' or '-'.")
        if not self.name_edit.text().strip():
            problems["name"] = self.tr("Enter the administrator's full name.")
        if len(self.password_edit.text()) < MIN_PASSWORD:
            problems["password"] = self.tr(
                "The password is too short: use at least {n} characters."
            ).format(n=MIN_PASSWORD)
        if self.repeat_edit.text() != self.password_edit.text():
            problems["repeat"] = self.tr("The two passwords differ.")
        return problems

    def _check(self) -> bool:
        """Enable OK only when everything is acceptable; explain fields the user has touched."""
        problems = self._problems()
        edits = {
            "login": self.login_edit,
            "name": self.name_edit,
            "password": self.password_edit,
            "repeat": self.repeat_edit,
        }
        for key, label in self.errors.items():
            label.show_message(problems.get(key, "") if edits[key].isModified() else "")
            if key in self.hints:  # the error restates the rule; one line is enough
                self.hints[key].setVisible(not label.text())
        self.ok_button.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if not self._check():
            return
        login = self.login_edit.text().strip()
        try:
            add_user(self.inst, login, self.name_edit.text(), self.password_edit.text())
            for nr in self.inst.tenant_numbers():
                grant(self.inst, login, nr, ADMIN_ROLE)
        except ValidationError as exc:
            if exc.field in self.errors:
                self.errors[exc.field].show_message(exc.message)
            else:
                show_error(self, exc)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        self.login = login
        super().accept()
