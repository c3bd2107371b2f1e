"""Writing a desktop note: to a user, a team, this tenant, or all tenants sharing the notes (R9)."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jack_desktop import notes
from jack_desktop.notes import MAX_SUBJECT, InboxItem, notes_are_central, reply, send_note
from tenant_store import StoreError, TenantSession, ValidationError
from tenant_store.models.installation import Membership, User
from tenant_store.models.notes import Note

from .actions import set_tab_chain
from .context import TenantContext
from .errors import show_error

ERROR_STYLE = "color: #b3261e;"


@dataclass(frozen=True)
class Recipient:
    """Someone who can receive a note here, and the tenant in which they are a member."""

    login: str
    name: str
    tenant_nr: int


def recipients(session: TenantSession) -> list[Recipient]:
    """Everybody who may read notes in the tenants sharing this notes file, by name."""
    with session.bound():
        # The notes service's own selection, so the list offers exactly whom send_note accepts.
        readers = notes._readers(notes._sharing_tenants(session))
        names = dict(
            User.select(User.login, User.name).where(User.login.in_(list(readers))).tuples()
        )
    found = [Recipient(login, names.get(login, login), nr) for login, nr in readers.items()]
    return sorted(found, key=lambda r: (r.name.casefold(), r.login))


def teams(session: TenantSession) -> list[str]:
    """The teams of this tenant's members, alphabetically."""
    with session.bound():
        query = (
            Membership.select(Membership.team)
            .where(Membership.tenant_nr == session.nr, Membership.team != "")
            .distinct()
            .tuples()
        )
        return sorted((team for (team,) in query), key=str.casefold)


class NoteComposeDialog(QDialog):
    """New note (with a scope choice) or, given `reply_to`, an answer to its sender."""

    def __init__(
        self, ctx: TenantContext, parent: QWidget | None = None, reply_to: InboxItem | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.reply_to = reply_to
        self.note: Note | None = None
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(ctx.window_title(self.tr("Reply") if reply_to else self.tr("New note")))
        layout = QVBoxLayout(self)
        if reply_to:
            layout.addWidget(self._build_reply_header())
        else:
            layout.addWidget(self._build_scope_box())
        layout.addLayout(self._build_text_form())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sen&d"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._set_tab_order()
        self.resize(560, 460)
        self._scope_changed()

    # -- building ------------------------------------------------------------------------------

    def _build_reply_header(self) -> QWidget:
        item = self.reply_to
        header = QLabel(
            self.tr("To: {name} ({login})").format(name=item.sender_name, login=item.sender_login)
        )
        header.setObjectName("replyTo")
        return header

    def _build_scope_box(self) -> QWidget:
        box = QGroupBox(self.tr("Send to"))
        grid = QGridLayout(box)
        self.scope_user = QRadioButton(self.tr("A &user:"))
        self.scope_team = QRadioButton(self.tr("A t&eam of this tenant:"))
        self.scope_tenant = QRadioButton(
            self.tr("Everyone in this &tenant ({nr})").format(nr=self.ctx.nr)
        )
        self.scope_all = QRadioButton(self.tr("Everyone in &all tenants (circular)"))
        self.user_combo = QComboBox()
        for person in recipients(self.ctx.session):
            self.user_combo.addItem(self._person_text(person), person.login)
        self.team_combo = QComboBox()
        self.team_combo.addItems(teams(self.ctx.session))
        self.scopes = QButtonGroup(self)
        for i, (scope, button, combo) in enumerate(
            (
                ("user", self.scope_user, self.user_combo),
                ("team", self.scope_team, self.team_combo),
                ("tenant", self.scope_tenant, None),
                ("all", self.scope_all, None),
            ),
            start=1,
        ):
            button.setProperty("scope", scope)
            self.scopes.addButton(button)
            grid.addWidget(button, i, 0)
            if combo is not None:
                grid.addWidget(combo, i, 1)
        grid.setColumnStretch(1, 1)
        self._explain_unavailable_scopes()
        self.scope_user.setChecked(True)
        self.scopes.buttonToggled.connect(self._scope_changed)
        self._errors["to"] = self._error_label()
        grid.addWidget(self._errors["to"], 5, 0, 1, 2)
        return box

    def _person_text(self, person: Recipient) -> str:
        if person.tenant_nr == self.ctx.nr:
            return f"{person.name} ({person.login})"
        return self.tr("{name} ({login}), tenant {nr}").format(
            name=person.name, login=person.login, nr=person.tenant_nr
        )

    def _explain_unavailable_scopes(self) -> None:
        if not notes_are_central(self.ctx.session):
            self.scope_all.setEnabled(False)
            self.scope_all.setToolTip(
                self.tr(
                    "Desktop notes are not central in tenant {nr}: it keeps its own notes, so a "
                    "circular reaches only this tenant."
                ).format(nr=self.ctx.nr)
            )
        if self.team_combo.count() == 0:
            self.scope_team.setEnabled(False)
            self.scope_team.setToolTip(self.tr("No member of this tenant is in a team."))

    def _build_text_form(self) -> QFormLayout:
        form = QFormLayout()
        self.subject = QLineEdit()
        self.subject.setMaxLength(MAX_SUBJECT)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        if self.reply_to:
            self.subject.setText(self._reply_subject(self.reply_to.subject))
        for key, text, field in (
            ("subject", self.tr("&Subject:"), self.subject),
            ("body", self.tr("&Message:"), self.body),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            self._errors[key] = self._error_label()
            form.addRow("", self._errors[key])
        self.subject.textChanged.connect(self._check)
        self.body.textChanged.connect(self._check)
        return form

    def _reply_subject(self, subject: str) -> str:
        prefix = self.tr("Re: ")
        return subject if subject.startswith(prefix) else (prefix + subject)[:MAX_SUBJECT]

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _set_tab_order(self) -> None:
        order: list[QWidget] = []
        if not self.reply_to:
            order += [
                self.scope_user,
                self.user_combo,
                self.scope_team,
                self.team_combo,
                self.scope_tenant,
                self.scope_all,
            ]
        order += [
            self.subject,
            self.body,
            self.ok_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        set_tab_chain(*order)
        (self.body if self.reply_to else self.subject).setFocus()

    # -- state ---------------------------------------------------------------------------------

    def scope(self) -> str:
        """user, team, tenant or all; a reply always goes to one user."""
        if self.reply_to:
            return "user"
        return self.scopes.checkedButton().property("scope")

    def set_scope(self, scope: str) -> None:
        """Choose the scope (e.g. the main window's "circular" command)."""
        for button in self.scopes.buttons():
            if button.property("scope") == scope and button.isEnabled():
                button.setChecked(True)

    def addressee(self) -> str | None:
        scope = self.scope()
        if scope == "user":
            return self.user_combo.currentData()
        if scope == "team":
            return self.team_combo.currentText()
        return None

    def _scope_changed(self, *_args) -> None:
        if self.reply_to:
            self._check()
            return
        self.user_combo.setEnabled(self.scope() == "user")
        self.team_combo.setEnabled(self.scope() == "team")
        self._show_error("to", None)
        self._check()

    def _check(self) -> None:
        """Send only with a subject (and a message, for a reply) and somebody to send to."""
        if self.reply_to:
            ready = bool(self.body.toPlainText().strip() and self.subject.text().strip())
        else:
            ready = bool(self.subject.text().strip()) and (
                self.scope() in ("tenant", "all") or bool(self.addressee())
            )
        self.ok_button.setEnabled(ready)

    def _show_error(self, field: str, message: str | None) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.setText(message or "")
            label.setVisible(bool(message))

    def accept(self) -> None:
        try:
            self.note = self._send()
        except ValidationError as exc:
            if exc.field in self._errors:
                self._show_error(exc.field, exc.message)
            else:
                show_error(self, exc)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()

    def _send(self) -> Note:
        user, session = self.ctx.user, self.ctx.session
        subject, body = self.subject.text(), self.body.toPlainText()
        if self.reply_to:
            return reply(user, session, self.reply_to.note_id, body, subject)
        return send_note(user, session, self.scope(), subject, body, self.addressee())
