"""Desktop notes and circulars between the users of one notes file (R9, R13).

With own notes a tenant's notes file reaches only that tenant's members. With central notes the
file is tenant 0's, shared by tenant 0 and every tenant with central notes: a note may go to a
user of any of them, and a circular ("all") reaches all of them.

Each recipient gets one row per note, with the tenant in which they are addressed. A user sees a
note in that tenant only, except circulars, which are seen in every tenant sharing the file; so a
circular is read once, whichever tenant it is read in.
"""

from dataclasses import dataclass
from datetime import datetime

import peewee

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.models.installation import Membership, RoleRight, Tenant, User
from tenant_store.models.notes import Note, NoteRecipient
from tenant_store.rights import Level

SCOPES = ("user", "team", "tenant", "all")
MAX_SUBJECT = 200


@dataclass(frozen=True)
class InboxItem:
    note_id: int
    subject: str
    body: str
    sender_login: str
    sender_name: str
    sender_tenant: int
    scope: str
    created_at: datetime
    read: bool
    reply_to: int | None


@dataclass(frozen=True)
class SentItem:
    note_id: int
    subject: str
    body: str
    scope: str
    created_at: datetime
    reply_to: int | None
    recipients: int
    read_by: int


# -- who shares this notes file ----------------------------------------------------------------


def notes_are_central(session: TenantSession) -> bool:
    """True if this tenant's notes file is tenant 0's (tenant 0 always holds that file)."""
    return session.nr == 0 or bool(session.tenant.central.get("notes"))


def _sharing_tenants(session: TenantSession) -> list[int]:
    """The tenants whose notes live in this session's notes file, lowest first."""
    if not notes_are_central(session):
        return [session.nr]
    query = Tenant.select(Tenant.nr).where(
        (Tenant.nr == 0) | (Tenant.central_notes == True)  # noqa: E712
    )
    return sorted(nr for (nr,) in query.tuples())


def _readers(tenants: list[int], team: str | None = None) -> dict[str, int]:
    """Active members who may read notes in `tenants` -> their lowest such tenant."""
    query = (
        Membership.select(User.login, Membership.tenant_nr)
        .join(User)
        .switch(Membership)
        .join(RoleRight, on=(RoleRight.role == Membership.role))
        .where(
            User.active == True,  # noqa: E712
            Membership.tenant_nr.in_(tenants),
            RoleRight.module == "notes",
            RoleRight.level != "none",
        )
        .order_by(Membership.tenant_nr.desc())
    )
    if team is not None:
        query = query.where(Membership.team == team)
    # Descending, so the lowest tenant number is written last and wins.
    return dict(query.tuples())


# -- recipients of a new note ------------------------------------------------------------------


def _recipients(user: str, session: TenantSession, scope: str, to: str | None) -> dict[str, int]:
    """login -> tenant in which the note is addressed to them; refuses an empty set."""
    if scope == "user":
        found = _one_user(session, to)
    elif scope == "team":
        found = _team(session, to)
    elif scope == "tenant":
        found = {login: session.nr for login in _readers([session.nr])}
    else:
        found = _readers(_sharing_tenants(session))
    if scope != "user":
        found.pop(user, None)  # the sender gets a copy only by addressing themself
    if not found:
        raise ValidationError("to", _("Nobody else can receive this note."))
    return found


def _one_user(session: TenantSession, login: str) -> dict[str, int]:
    tenants = _readers(_sharing_tenants(session))
    if login not in tenants:
        raise ValidationError(
            "to", _("There is no user '{login}' who can receive notes here.").format(login=login)
        )
    # A member of this tenant is addressed here, not in another tenant sharing the file.
    here = _readers([session.nr])
    return {login: session.nr if login in here else tenants[login]}


def _team(session: TenantSession, team: str) -> dict[str, int]:
    known = Membership.select().where(Membership.tenant_nr == session.nr, Membership.team == team)
    if not known.exists():
        raise ValidationError(
            "to", _("There is no team '{team}' in tenant {nr}.").format(team=team, nr=session.nr)
        )
    return {login: session.nr for login in _readers([session.nr], team)}


# -- checking input ----------------------------------------------------------------------------


def _clean_subject(subject: str | None) -> str:
    subject = (subject or "").strip()
    if not subject:
        raise ValidationError("subject", _("Enter a subject."))
    if len(subject) > MAX_SUBJECT:
        raise ValidationError(
            "subject",
            _("The subject is too long: use at most {n} characters.").format(n=MAX_SUBJECT),
        )
    return subject


def _clean_address(session: TenantSession, scope: str, to: str | None) -> str | None:
    if scope not in SCOPES:
        raise ValidationError(
            "scope",
            _("'{scope}' is not a scope; choose from {scopes}.").format(
                scope=scope, scopes=", ".join(SCOPES)
            ),
        )
    if scope == "all" and not notes_are_central(session):
        raise ValidationError(
            "scope",
            _(
                "A circular to all tenants needs central desktop notes, but notes are not "
                "central in this tenant (tenant {nr} keeps its own)."
            ).format(nr=session.nr),
        )
    to = (to or "").strip()
    if scope in ("user", "team") and not to:
        raise ValidationError("to", _("Choose the user or team that receives the note."))
    if scope in ("tenant", "all") and to:
        raise ValidationError(
            "to",
            _(
                "'{to}': a note to a whole tenant or to all tenants has no single addressee; "
                "leave it empty."
            ).format(to=to),
        )
    return to or None


# -- sending -----------------------------------------------------------------------------------


def send_note(
    user: str,
    session: TenantSession,
    scope: str,
    subject: str,
    body: str = "",
    to: str | None = None,
) -> Note:
    """Send a note to a user, a team of this tenant, this tenant, or all sharing tenants."""
    session.rights(user).require("notes", Level.WRITE)
    subject = _clean_subject(subject)
    to = _clean_address(session, scope, to)
    with session.bound():
        recipients = _recipients(user, session, scope, to)
    return _store(user, session, scope, subject, body or "", recipients)


def _store(
    user: str,
    session: TenantSession,
    scope: str,
    subject: str,
    body: str,
    recipients: dict[str, int],
    reply_to: int | None = None,
) -> Note:
    with session.transaction():
        note = Note.create(
            sender_login=user,
            sender_tenant=session.nr,
            scope=scope,
            subject=subject,
            body=body,
            reply_to=reply_to,
            created_at=now(),
        )
        rows = [
            {"note": note.id, "recipient_login": login, "tenant_nr": nr}
            for login, nr in sorted(recipients.items())
        ]
        # Chunks keep a circular to a large office under SQLite's limit of bound variables.
        for chunk in peewee.chunked(rows, 500):
            NoteRecipient.insert_many(chunk).execute()
    return note


def reply(
    user: str, session: TenantSession, note_id: int, body: str, subject: str | None = None
) -> Note:
    """Answer a received note; the answer goes to its sender, also in another sharing tenant."""
    session.rights(user).require("notes", Level.WRITE)
    if not (body or "").strip():
        raise ValidationError("body", _("Write an answer."))
    with session.bound():
        original = _received(user, session, note_id).note
        subject = _clean_subject(subject) if subject else _reply_subject(original.subject)
        recipients = _reply_recipient(session, original)
    with session.transaction():  # answered means read: both or neither
        note = _store(user, session, "user", subject, body, recipients, reply_to=original.id)
        _set_read(user, session, note_id)
    return note


def _reply_subject(subject: str) -> str:
    prefix = _("Re: ")
    if subject.startswith(prefix):
        return subject
    return (prefix + subject)[:MAX_SUBJECT]


def _reply_recipient(session: TenantSession, original: Note) -> dict[str, int]:
    """The sender, in the tenant they wrote from if they can still read notes there."""
    sharing = _sharing_tenants(session)
    tenants = _readers(sharing)
    login = original.sender_login
    if login not in tenants:
        raise ValidationError(
            "note", _("'{login}' can no longer receive notes here.").format(login=login)
        )
    there = _readers([original.sender_tenant]) if original.sender_tenant in sharing else {}
    return {login: original.sender_tenant if login in there else tenants[login]}


# -- reading -----------------------------------------------------------------------------------


def _addressed(user: str, session: TenantSession) -> peewee.Expression:
    """The user's rows visible in this tenant: addressed here, or circulars."""
    return (NoteRecipient.recipient_login == user) & (
        (NoteRecipient.tenant_nr == session.nr) | (Note.scope == "all")
    )


def _received(user: str, session: TenantSession, note_id: int) -> NoteRecipient:
    row = (
        NoteRecipient.select(NoteRecipient, Note)
        .join(Note)
        .where(_addressed(user, session) & (Note.id == note_id))
        .first()
    )
    if row is None:
        raise ValidationError("note", _("There is no note {id}.").format(id=note_id))
    return row


def inbox(user: str, session: TenantSession, unread_only: bool = False) -> list[InboxItem]:
    """The notes the user received in this tenant, newest first."""
    session.rights(user).require("notes", Level.READ)
    condition = _addressed(user, session)
    if unread_only:
        condition &= NoteRecipient.read_at.is_null()
    sender = User.alias()
    with session.bound():
        rows = (
            NoteRecipient.select(NoteRecipient, Note, sender.name.alias("sender_name"))
            .join(Note)
            .join(sender, peewee.JOIN.LEFT_OUTER, on=(sender.login == Note.sender_login))
            .where(condition)
            .order_by(Note.created_at.desc(), Note.id.desc())
            .objects()
        )
        return [_item(row) for row in rows]


def _item(row: NoteRecipient) -> InboxItem:
    note = row.note
    return InboxItem(
        note_id=note.id,
        subject=note.subject,
        body=note.body,
        sender_login=note.sender_login,
        sender_name=row.sender_name or note.sender_login,
        sender_tenant=note.sender_tenant,
        scope=note.scope,
        created_at=note.created_at,
        read=row.read_at is not None,
        reply_to=note.__data__.get("reply_to"),
    )


def unread_count(user: str, session: TenantSession) -> int:
    """How many notes the user has not read yet in this tenant."""
    session.rights(user).require("notes", Level.READ)
    with session.bound():
        return (
            NoteRecipient.select()
            .join(Note)
            .where(_addressed(user, session) & NoteRecipient.read_at.is_null())
            .count()
        )


def mark_read(user: str, session: TenantSession, note_id: int) -> None:
    """Mark a received note as read; reading it again keeps the first time."""
    session.rights(user).require("notes", Level.READ)
    with session.bound():
        _received(user, session, note_id)
    _set_read(user, session, note_id)


def _set_read(user: str, session: TenantSession, note_id: int) -> None:
    with session.transaction():
        NoteRecipient.update(read_at=now()).where(
            NoteRecipient.note == note_id,
            NoteRecipient.recipient_login == user,
            NoteRecipient.read_at.is_null(),
        ).execute()


def sent(user: str, session: TenantSession) -> list[SentItem]:
    """The notes the user sent from this tenant, newest first, with how many have read them."""
    session.rights(user).require("notes", Level.READ)
    read = peewee.fn.COUNT(NoteRecipient.read_at)
    with session.bound():
        rows = (
            Note.select(Note, peewee.fn.COUNT(NoteRecipient.id).alias("n"), read.alias("r"))
            .join(NoteRecipient, peewee.JOIN.LEFT_OUTER)
            .where(Note.sender_login == user, Note.sender_tenant == session.nr)
            .group_by(Note.id)
            .order_by(Note.created_at.desc(), Note.id.desc())
        )
        return [
            SentItem(
                note.id,
                note.subject,
                note.body,
                note.scope,
                note.created_at,
                note.__data__.get("reply_to"),
                note.n,
                note.r,
            )
            for note in rows
        ]
