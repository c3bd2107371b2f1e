"""Wizard page 5: which users get which role in the new tenant (R13)."""

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from tenant_store import Installation
from tenant_store.models.installation import Role, User

from ..actions import set_tab_chain

ADMIN_ROLE = "admin"


def active_users(inst: Installation) -> list[tuple[str, str]]:
    """(login, full name) of every active user, by login."""
    with inst.registry():
        query = User.select(User.login, User.name).where(User.active == True)  # noqa: E712
        return [(u.login, u.name) for u in query.order_by(User.login)]


def role_names(inst: Installation) -> list[tuple[str, bool]]:
    """(role, grants tenant administration) of every role, administrators' first."""
    with inst.registry():
        rows = [(r.name, bool(r.tenant_admin)) for r in Role.select()]
    return sorted(rows, key=lambda row: (not row[1], row[0]))


class UsersPage(QWizardPage):
    """A role drop-down per user; "no access" leaves a user out (and takes no seat).

    A form rather than a table: Tab walks from one user's drop-down to the next and each label
    is its drop-down's buddy, so the page works without a mouse.
    """

    def __init__(self, inst: Installation, acting_user: str, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Users and roles"))
        self.setSubTitle(
            self.tr(
                "Choose who may work in the new tenant and with which role. Each member takes "
                "one of the tenant's licensed seats; roles can be changed later."
            )
        )
        self._roles = role_names(inst)
        self._admin_roles = {name for name, admin in self._roles if admin}
        self.combos: dict[str, QComboBox] = {}
        self.user_names: dict[str, str] = {}
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        rows = QWidget()
        form = QFormLayout(rows)
        for login, name in active_users(inst):
            self.user_names[login] = name
            combo = self._combo(login, ADMIN_ROLE if login == acting_user else "")
            label = QLabel(self.tr("{name} ({login}):").format(name=name, login=login), rows)
            label.setBuddy(combo)
            form.addRow(label, combo)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.hint)
        set_tab_chain(*self.combos.values())
        self._update_hint()

    def _combo(self, login: str, role: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("no access"), "")
        for name, _admin in self._roles:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(role), 0))
        combo.currentIndexChanged.connect(self._update_hint)
        self.combos[login] = combo
        return combo

    def _update_hint(self) -> None:
        """Warn (without blocking) when nobody could administer the new tenant."""
        has_admin = any(role in self._admin_roles for role in self.roles().values())
        self.hint.setText(
            ""
            if has_admin
            else self.tr(
                "Nobody gets an administrator role: the new tenant can then only be managed "
                "after granting one on the command line."
            )
        )

    def initializePage(self) -> None:
        if self.combos:
            next(iter(self.combos.values())).setFocus()

    def set_role(self, login: str, role: str) -> None:
        combo = self.combos[login]
        combo.setCurrentIndex(max(combo.findData(role), 0))

    def roles(self) -> dict[str, str]:
        """login -> role for every user who gets access."""
        return {login: c.currentData() for login, c in self.combos.items() if c.currentData()}
