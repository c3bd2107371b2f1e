"""Users, passwords and memberships (R13); seats are counted per tenant (R15).

Logging in gives nothing away: an unknown login costs the same scrypt work as a wrong password,
and wrong passwords in a row lock the login (known or not) for a growing while, recorded in the
installation database; an administrator can lift the lock (`user unlock`).
"""

import base64
import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta
from functools import cache

from .audit import record_installation
from .errors import LoginLocked, ValidationError, has_control_chars, plain_text, shown
from .i18n import _
from .installation import Installation, now
from .licences import seats_of, seats_used
from .logical import INSTALLATION_SCHEMA
from .models.installation import LoginFailure, Membership, Role, Tenant, User
from .rights import Rights, rights_of

LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_NAME = 100
MAX_TEAM = 50
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
# Wrong passwords in a row before a login is locked; the lock then lasts FIRST_LOCK, doubled
# for each further wrong password, at most LONGEST_LOCK. A day without one forgets them.
LOCK_AFTER = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)
FORGET_AFTER = timedelta(days=1)


def hash_password(password: str) -> str:
    """A salted scrypt hash in a self-describing text form."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    params = f"{_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}"
    return f"scrypt${params}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """True if `password` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@cache
def _dummy_hash() -> str:
    """A hash no password matches, checked for unknown logins: the same work as a real one."""
    return hash_password(secrets.token_urlsafe(16))


def check_login(login: str) -> str:
    """The login stripped; ValidationError unless it is 2-32 lower-case letters, digits etc."""
    login = (login or "").strip()
    if not LOGIN.match(login):
        raise ValidationError(
            "login",
            _(
                "'{login}' is not a valid login: use 2-32 lower-case "
                "letters, digits, '.', '_' or '-'."
            ).format(login=shown(login)),
        )
    return login


def check_password(password: str) -> str:
    """The password unchanged; refused if too short, too long, blank or with control chars."""
    password = password or ""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password",
            _("The password is too short: use at least {n} characters.").format(n=MIN_PASSWORD),
        )
    if len(password) > MAX_PASSWORD:
        raise ValidationError(
            "password",
            _("The password is too long: use at most {n} characters.").format(n=MAX_PASSWORD),
        )
    if not password.strip():
        raise ValidationError(
            "password", _("The password consists of spaces only; choose a real password.")
        )
    if has_control_chars(password):
        raise ValidationError(
            "password",
            _(
                "The password contains control characters (such as ESC or a line break), which "
                "cannot be typed when logging in; choose another one."
            ),
        )
    return password


def add_user(
    inst: Installation, login: str, name: str, password: str, *, by: str | None = None
) -> None:
    """Create a user; the login is lower case letters, digits, '.', '_' or '-'."""
    login = check_login(login)
    name = plain_text("name", name, MAX_NAME)
    if not name:
        raise ValidationError("name", _("The name is empty; enter the user's full name."))
    check_password(password)
    with inst.registry(write=True):
        if User.select().where(User.login == login).exists():
            raise ValidationError(
                "login", _("The login '{login}' exists already.").format(login=login)
            )
        User.create(login=login, name=name, password_hash=hash_password(password), created_at=now())
        record_installation(by, 0, "user", login, "create", new={"name": name})


def authenticate(inst: Installation, login: str, password: str) -> User | None:
    """The active user with these credentials, or None.

    A known and an unknown login take the same time (scrypt against a dummy hash). A locked
    login raises LoginLocked, even with the right password; the wrong password that locks it
    does too. A correct login forgets the wrong ones before it.
    """
    login = (login or "").strip()
    moment = now()
    with inst.registry():
        user = User.get_or_none((User.login == login) & (User.active == True))  # noqa: E712
        tracked = _tracks_failures(inst)
        failure = LoginFailure.get_or_none(LoginFailure.login == login) if tracked else None
    if failure is not None and failure.locked_until and failure.locked_until > moment:
        raise locked(login, failure.locked_until)
    matches = verify_password(password, user.password_hash if user else _dummy_hash())
    if user is not None and matches:
        if failure is not None:
            _forget_failures(inst, login)
        return user
    until = _record_failure(inst, login, moment) if tracked else None
    if until is not None:
        raise locked(login, until)
    return None


def _tracks_failures(inst: Installation) -> bool:
    """False while the registry is older than version 3: the administrator logs in first and
    runs the update afterwards (the update dialog follows the login)."""
    return inst.db.table_exists(LoginFailure._meta.table_name, schema=INSTALLATION_SCHEMA)


def lock_until(failures: int, moment: datetime) -> datetime | None:
    """When a login with `failures` wrong passwords in a row is free again (None: not locked)."""
    if failures < LOCK_AFTER:
        return None
    return moment + min(FIRST_LOCK * 2 ** min(failures - LOCK_AFTER, 16), LONGEST_LOCK)


def locked(login: str, until: datetime) -> LoginLocked:
    """The refusal of a locked login; it says when to try again (the next full minute)."""
    shown_until = until if until.second == 0 else until + timedelta(seconds=60 - until.second)
    return LoginLocked(
        _(
            "Too many wrong passwords: the login '{login}' is locked until {time}. Try again "
            "then, or ask an administrator to lift the lock "
            "(jack-desktop-admin user unlock {login})."
        ).format(login=shown(login), time=shown_until.strftime("%H:%M")),
        until,
    )


def _record_failure(inst: Installation, login: str, moment: datetime) -> datetime | None:
    """Count one more wrong password for `login`; returns the end of the lock it earns."""
    if not LOGIN.match(login):  # no user can have it: nothing to protect, no row to store
        return None
    with inst.registry(write=True):
        row = LoginFailure.get_or_none(LoginFailure.login == login)
        fresh = row is None or moment - row.last_failure > FORGET_AFTER
        failures = 1 if fresh else row.failures + 1
        until = lock_until(failures, moment)
        LoginFailure.replace(
            login=login, failures=failures, last_failure=moment, locked_until=until
        ).execute()
        # Rows of logins nobody has tried for a day only take room.
        LoginFailure.delete().where(LoginFailure.last_failure < moment - FORGET_AFTER).execute()
    return until


def _forget_failures(inst: Installation, login: str) -> bool:
    """Delete the wrong passwords recorded for `login`; True if there were any."""
    with inst.registry(write=True):
        return LoginFailure.delete().where(LoginFailure.login == login).execute() > 0


def unlock(inst: Installation, login: str) -> bool:
    """Lift the lock of a login (an administrator's command); True if it was locked."""
    login = (login or "").strip()
    with inst.registry():
        known = User.select().where(User.login == login).exists()
        tracked = _tracks_failures(inst)
        row = LoginFailure.get_or_none(LoginFailure.login == login) if tracked else None
    if not known and row is None:
        raise ValidationError("login", _("There is no user '{login}'.").format(login=shown(login)))
    if row is None:
        return False
    _forget_failures(inst, login)
    return row.locked_until is not None and row.locked_until > now()


def grant(
    inst: Installation,
    login: str,
    tenant_nr: int,
    role: str,
    team: str = "",
    *,
    by: str | None = None,
) -> None:
    """Give `login` a role (and team) in a tenant; a new membership needs a free seat."""
    team = plain_text("team", team, MAX_TEAM)
    with inst.registry(write=True):
        user = User.get_or_none(User.login == login)
        if user is None:
            raise ValidationError(
                "login", _("There is no user '{login}'.").format(login=shown(login))
            )
        tenant = Tenant.get_or_none(Tenant.nr == tenant_nr)
        if tenant is None:
            raise ValidationError("tenant", _("There is no tenant {nr}.").format(nr=tenant_nr))
        if Role.get_or_none(Role.name == role) is None:
            roles = ", ".join(r.name for r in Role.select().order_by(Role.name))
            raise ValidationError(
                "role",
                _("'{role}' is not a role; choose from {roles}.").format(
                    role=shown(role), roles=roles
                ),
            )
        existing = Membership.get_or_none(
            Membership.user == user, Membership.tenant_nr == tenant_nr
        )
        if existing is None and seats_used(tenant_nr) >= seats_of(tenant):
            raise ValidationError(
                "tenant",
                _(
                    "Tenant {nr} has no free seat: all {seats} licensed seats are taken. Revoke a "
                    "membership or extend the licence."
                ).format(nr=tenant_nr, seats=seats_of(tenant)),
            )
        if existing is None:
            Membership.create(user=user, tenant_nr=tenant_nr, role=role, team=team)
            old = None
        else:
            Membership.update(role=role, team=team).where(Membership.id == existing.id).execute()
            old = {"role": existing.role_id, "team": existing.team}
        new = {"role": role, "team": team}
        if old != new:
            record_installation(by, tenant_nr, "membership", login, "grant", old, new)


def revoke(inst: Installation, login: str, tenant_nr: int, *, by: str | None = None) -> None:
    """Remove a user's membership in a tenant, freeing the seat."""
    with inst.registry(write=True):
        user = User.get_or_none(User.login == login)
        if user is not None:
            removed = (
                Membership.delete()
                .where(Membership.user == user, Membership.tenant_nr == tenant_nr)
                .execute()
            )
            if removed:
                record_installation(by, tenant_nr, "membership", login, "revoke")


def tenants_of(inst: Installation, login: str) -> list[int]:
    """The tenants `login` may enter, in number order (R13: the drop-down lists only these)."""
    with inst.registry():
        query = (
            Membership.select(Membership.tenant_nr)
            .join(User)
            .where(User.login == login, User.active == True)  # noqa: E712
            .order_by(Membership.tenant_nr)
        )
        return [m.tenant_nr for m in query]


def rights_in(inst: Installation, login: str, tenant_nr: int) -> Rights:
    """Rights of `login` in a tenant, read from the installation database."""
    with inst.registry():
        return rights_of(login, tenant_nr)
