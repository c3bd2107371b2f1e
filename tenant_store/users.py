"""Users, passwords and memberships (R13); seats are counted per tenant (R15)."""

import base64
import hashlib
import hmac
import re
import secrets

from .errors import ValidationError
from .i18n import _
from .installation import Installation, now
from .licences import seats_of, seats_used
from .models.installation import Membership, Role, Tenant, User
from .rights import Rights, rights_of

LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 8
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


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


def add_user(inst: Installation, login: str, name: str, password: str) -> None:
    """Create a user; the login is lower case letters, digits, '.', '_' or '-'."""
    login = (login or "").strip()
    if not LOGIN.match(login):
        raise ValidationError(
            "login",
            _(
                "'{login}' is not a valid login: use 2-32 lower-case "
                "letters, digits, '.', '_' or '-'."
            ).format(login=login),
        )
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", _("The name is empty; enter the user's full name."))
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(
            "password",
            _("The password is too short: use at least {n} characters.").format(n=MIN_PASSWORD),
        )
    with inst.registry(write=True):
        if User.select().where(User.login == login).exists():
            raise ValidationError(
                "login", _("The login '{login}' exists already.").format(login=login)
            )
        User.create(login=login, name=name, password_hash=hash_password(password), created_at=now())


def authenticate(inst: Installation, login: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    with inst.registry():
        user = User.get_or_none((User.login == (login or "").strip()) & (User.active == True))  # noqa: E712
    if user is None or not verify_password(password, user.password_hash):
        return None
    return user


def grant(inst: Installation, login: str, tenant_nr: int, role: str, team: str = "") -> None:
    """Give `login` a role (and team) in a tenant; a new membership needs a free seat."""
    with inst.registry(write=True):
        user = User.get_or_none(User.login == login)
        if user is None:
            raise ValidationError("login", _("There is no user '{login}'.").format(login=login))
        tenant = Tenant.get_or_none(Tenant.nr == tenant_nr)
        if tenant is None:
            raise ValidationError("tenant", _("There is no tenant {nr}.").format(nr=tenant_nr))
        if Role.get_or_none(Role.name == role) is None:
            roles = ", ".join(r.name for r in Role.select().order_by(Role.name))
            raise ValidationError(
                "role",
                _("'{role}' is not a role; choose from {roles}.").format(role=role, roles=roles),
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
            Membership.create(user=user, tenant_nr=tenant_nr, role=role, team=team.strip())
        else:
            Membership.update(role=role, team=team.strip()).where(
                Membership.id == existing.id
            ).execute()


def revoke(inst: Installation, login: str, tenant_nr: int) -> None:
    """Remove a user's membership in a tenant, freeing the seat."""
    with inst.registry(write=True):
        user = User.get_or_none(User.login == login)
        if user is not None:
            Membership.delete().where(
                Membership.user == user, Membership.tenant_nr == tenant_nr
            ).execute()


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
