"""Modules, access levels and roles: what a membership allows in one tenant (R13)."""

from dataclasses import dataclass, field
from enum import IntEnum

from .errors import PermissionDenied
from .i18n import N_, _
from .models.installation import Licence, Membership, Role, RoleRight, User

MODULES: tuple[str, ...] = (
    "customers",
    "bookings",
    "tickets",
    "notes",
    "accounting",
    "basedata",
    "controlling",
)


MODULE_LABELS: dict[str, str] = {
    "customers": N_("customers"),
    "bookings": N_("bookings"),
    "tickets": N_("tickets"),
    "notes": N_("desktop notes"),
    "accounting": N_("accounting"),
    "basedata": N_("base data"),
    "controlling": N_("controlling"),
}
LEVEL_LABELS = {"none": N_("no"), "read": N_("read"), "write": N_("write")}


class Level(IntEnum):
    NONE = 0
    READ = 1
    WRITE = 2

    @classmethod
    def parse(cls, text: str) -> "Level":
        return cls[text.upper()]


_W, _R, _N = Level.WRITE, Level.READ, Level.NONE
# role -> (tenant admin, level per module in MODULES order)
DEFAULT_ROLES: dict[str, tuple[bool, tuple[Level, ...]]] = {
    "admin": (True, (_W, _W, _W, _W, _W, _W, _W)),
    "manager": (False, (_R, _R, _R, _W, _R, _R, _R)),
    "clerk": (False, (_W, _W, _W, _W, _N, _R, _N)),
    "accountant": (False, (_R, _R, _R, _W, _W, _R, _R)),
    "viewer": (False, (_R, _R, _R, _R, _N, _R, _N)),
}


@dataclass(frozen=True)
class Rights:
    """What one user may do in one tenant."""

    tenant_nr: int
    role: str | None = None
    team: str = ""
    tenant_admin: bool = False
    levels: dict[str, Level] = field(default_factory=dict)
    # None: every module (R15: the licence is the installation's, the same in every tenant).
    licensed: frozenset[str] | None = None

    @property
    def is_member(self) -> bool:
        return self.role is not None

    def is_licensed(self, module: str) -> bool:
        return self.licensed is None or module in self.licensed

    def level(self, module: str) -> Level:
        """The user's level on `module`; an unlicensed module is closed to everybody."""
        return self.levels.get(module, Level.NONE) if self.is_licensed(module) else Level.NONE

    def can(self, module: str, level: Level = Level.READ) -> bool:
        return self.level(module) >= level

    def require(self, module: str, level: Level = Level.READ) -> None:
        """Raise PermissionDenied unless the user has `level` on `module`."""
        if not self.is_licensed(module):
            raise PermissionDenied(
                _("The module {module} is not licensed for this installation.").format(
                    module=_(MODULE_LABELS[module])
                )
            )
        if not self.can(module, level):
            raise PermissionDenied(
                _("You do not have {level} access to {module} in tenant {nr}.").format(
                    level=_(LEVEL_LABELS[level.name.lower()]),
                    module=_(MODULE_LABELS[module]),
                    nr=self.tenant_nr,
                )
            )


def install_default_roles() -> None:
    """Create the shipped roles (inside an installation-bound transaction)."""
    for name, (admin, levels) in DEFAULT_ROLES.items():
        role = Role.create(name=name, tenant_admin=admin)
        for module, level in zip(MODULES, levels, strict=True):
            RoleRight.create(role=role, module=module, level=level.name.lower())


def rights_of(login: str, tenant_nr: int) -> Rights:
    """Rights of `login` in a tenant; no membership means no rights (installation-bound)."""
    membership = (
        Membership.select(Membership, Role)
        .join(User)
        .switch(Membership)
        .join(Role)
        .where(
            User.login == login,
            User.active == True,  # noqa: E712
            Membership.tenant_nr == tenant_nr,
        )
        .first()
    )
    licensed = frozenset(row.module for row in Licence.select())
    if membership is None:
        return Rights(tenant_nr, licensed=licensed)
    levels = {
        r.module: Level.parse(r.level)
        for r in RoleRight.select().where(RoleRight.role == membership.role)
    }
    return Rights(
        tenant_nr,
        membership.role.name,
        membership.team,
        membership.role.tenant_admin,
        levels,
        licensed,
    )
