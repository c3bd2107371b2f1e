"""An installation on disk: tenant 0 in the data folder, sub-tenants in `Mandant/<nr>` (R1)."""

import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from .errors import NotAnInstallation, ValidationError
from .i18n import _
from .logical import (
    CENTRAL_OPTIONS,
    INSTALLATION_FILE,
    INSTALLATION_SCHEMA,
    LOGICAL_DBS,
    TENANTS_DIR,
    Logical,
    default_booking_range,
    shares_booking_numbers,
)
from .manifest import Manifest, read_manifest
from .models.installation import Tenant
from .routing import bound
from .sqlite_files import StoreDatabase, fsync_dir, read_user_version, single_file

INIT_MARKER = ".jack-init-incomplete"
BRANDING_FIELDS = (
    "street",
    "postcode",
    "city",
    "country",
    "phone",
    "email",
    "bank_name",
    "iban",
    "bic",
    "tax_number",
    "vat_id",
    "colour",
    "accent_colour",
    "logo_file",
)

# Tenant colours that tell badges apart at a glance, each dark enough for white text (contrast
# >= 4.5:1). The first is the registry's default, so a fresh tenant 0 has it.
TENANT_COLOURS = (
    "#1f5f8b",  # blue
    "#c62828",  # red
    "#2e7d32",  # green
    "#6a1b9a",  # purple
    "#b34700",  # burnt orange
    "#00695c",  # teal
    "#ad1457",  # raspberry
    "#283593",  # indigo
    "#6b6b00",  # olive
    "#5d4037",  # brown
    "#37474f",  # slate
)


@dataclass(frozen=True)
class TenantInfo:
    """A registered tenant as the rest of the program sees it."""

    nr: int
    name: str
    path: Path
    central: dict[str, bool]
    booking_range: tuple[int, int]
    branding: dict[str, str]
    seats: int | None
    manifest: Manifest

    def database_paths(self, root: Path) -> dict[Logical, Path]:
        """Canonical path of the file behind each logical database."""
        return {db: self.manifest.database_path(db, self.path, root) for db in LOGICAL_DBS}

    @property
    def shares_booking_numbers(self) -> bool:
        return shares_booking_numbers(self.nr, {db for db, on in self.central.items() if on})


class TenantRange(NamedTuple):
    """What the R5 checks need of a tenant, read without touching its folder."""

    nr: int
    booking_range: tuple[int, int]
    shares_booking_numbers: bool


class Installation:
    """Open with `Installation.open(root)` or create with `Installation.init(root)`."""

    def __init__(self, root: Path):
        self.root = Path(os.path.realpath(root))
        self.db = single_file(INSTALLATION_SCHEMA, self.root / INSTALLATION_FILE)

    # -- opening --------------------------------------------------------------------------------

    @staticmethod
    def is_installation(root: Path) -> bool:
        """True if `root` holds a complete installation."""
        root = Path(root)
        return (root / INSTALLATION_FILE).is_file() and not (root / INIT_MARKER).exists()

    @classmethod
    def open(cls, root: Path) -> "Installation":
        """Open an existing installation."""
        if not cls.is_installation(root):
            raise NotAnInstallation(
                _("{root} is not a Jack Desktop installation: run 'init' first.").format(root=root)
            )
        return cls(root)

    @classmethod
    def init(cls, root: Path, *, name: str = "Hauptmandant") -> tuple["Installation", bool]:
        """Create tenant 0 in an empty folder; an existing installation is left as it is."""
        root = Path(root)
        if cls.is_installation(root):
            return cls.open(root), False
        from .installation_init import build_tenant_zero

        build_tenant_zero(root, name)
        return cls.open(root), True

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Installation":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- registry ---------------------------------------------------------------------------------

    @contextmanager
    def registry(self, write: bool = False) -> Iterator[StoreDatabase]:
        """Bind the installation models; with write=True inside one IMMEDIATE transaction."""
        with bound(self.db):
            if write:
                with self.db.atomic():
                    yield self.db
            else:
                yield self.db

    def tenants_dir(self) -> Path:
        return self.root / TENANTS_DIR

    def tenant_dir(self, nr: int) -> Path:
        return self.root if nr == 0 else self.tenants_dir() / str(nr)

    def tenant_numbers(self) -> list[int]:
        with self.registry():
            return [t.nr for t in Tenant.select(Tenant.nr).order_by(Tenant.nr)]

    def tenant_names(self) -> dict[int, str]:
        """Number -> name of every tenant (one cheap query; no tenant folder is read)."""
        with self.registry():
            return dict(Tenant.select(Tenant.nr, Tenant.name).order_by(Tenant.nr).tuples())

    def sharing_tenants(self, db: Logical) -> list[int]:
        """Sub-tenants that keep `db` centrally in tenant 0 (one cheap query, no folder read)."""
        column = getattr(Tenant, f"central_{Logical(db).value}")
        with self.registry():
            query = Tenant.select(Tenant.nr).where(column & (Tenant.nr != 0)).order_by(Tenant.nr)
            return [nr for (nr,) in query.tuples()]

    def tenant_ranges(self) -> list[TenantRange]:
        """Number, booking range and R5 relevance of every tenant (one cheap query)."""
        with self.registry():
            rows = Tenant.select(
                Tenant.nr,
                Tenant.booking_first,
                Tenant.booking_last,
                Tenant.central_accounting,
                Tenant.central_tickets,
            ).tuples()
            return [
                TenantRange(
                    nr,
                    (first, last),
                    shares_booking_numbers(
                        nr, {db for db, on in (("accounting", acc), ("tickets", tick)) if on}
                    ),
                )
                for nr, first, last, acc, tick in rows
            ]

    def tenants(self) -> list[TenantInfo]:
        """Every registered tenant, tenant 0 first."""
        with self.registry():
            rows = list(Tenant.select().order_by(Tenant.nr))
        return [self._info(row) for row in rows]

    def tenant(self, nr: int) -> TenantInfo:
        """One registered tenant; a clear error if there is none with that number."""
        with self.registry():
            row = Tenant.get_or_none(Tenant.nr == nr)
        if row is None:
            raise ValidationError("tenant", _("There is no tenant {nr}.").format(nr=nr))
        return self._info(row)

    def _info(self, row: Tenant) -> TenantInfo:
        folder = self.tenant_dir(row.nr)
        return TenantInfo(
            nr=row.nr,
            name=row.name,
            path=folder,
            central={db.value: bool(getattr(row, f"central_{db.value}")) for db in CENTRAL_OPTIONS},
            booking_range=(row.booking_first, row.booking_last),
            branding={f: getattr(row, f) for f in BRANDING_FIELDS},
            seats=row.seats,
            manifest=read_manifest(folder),
        )

    def schema_versions(self, info: TenantInfo) -> dict[str, int]:
        """Schema version of each file the tenant uses."""
        return {
            db.value: read_user_version(path) for db, path in info.database_paths(self.root).items()
        }

    def describe(self, info: TenantInfo) -> dict:
        """The JSON form of a tenant used by `tenant show --json` and `tenant list --json`."""
        paths = info.database_paths(self.root)
        return {
            "nr": info.nr,
            "name": info.name,
            "path": str(info.path),
            "central": dict(info.central),
            "databases": {
                db.value: {"path": str(paths[db]), "central": db in info.manifest.central}
                for db in LOGICAL_DBS
            },
            "booking_range": list(info.booking_range),
            "schema": self.schema_versions(info),
            "branding": dict(info.branding),
            "seats": info.seats,
        }

    def open_session(self, nr: int, *, read_only: bool = False):
        """A session whose models are bound to tenant `nr`'s files (see session.py).

        Read-only sessions serve cross-tenant reads (consolidation, search): they can never
        change another tenant's data and take no write lock.
        """
        from .session import TenantSession

        return TenantSession(self, self.tenant(nr), read_only=read_only)


def pick_colour(used: Iterable[str]) -> str:
    """The first of TENANT_COLOURS nobody uses (case does not matter), else the least used."""
    counts = Counter((colour or "").strip().lower() for colour in used)
    return min(TENANT_COLOURS, key=lambda colour: counts[colour])  # min keeps the first of ties


def unused_colour(inst: Installation) -> str:
    """A colour for a new tenant that no other tenant's badge has yet."""
    with inst.registry():
        return pick_colour(colour for (colour,) in Tenant.select(Tenant.colour).tuples())


def now() -> datetime:
    """Timestamps are local wall-clock time without microseconds: what clerks read."""
    return datetime.now().replace(microsecond=0)


def new_tenant_row(
    nr: int,
    name: str,
    central: frozenset[Logical],
    booking_range: tuple[int, int] | None = None,
    **branding,
) -> dict:
    """Column values of a registry row."""
    first, last = booking_range or default_booking_range(nr)
    row = {
        "nr": nr,
        "name": name,
        "booking_first": first,
        "booking_last": last,
        "created_at": now(),
        **{k: v for k, v in branding.items() if v is not None},
    }
    row.update({f"central_{db.value}": db in central for db in CENTRAL_OPTIONS})
    return row


def remove_tree(path: Path) -> None:
    """Remove a folder the store built itself, and make the removal durable."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
    fsync_dir(path.parent)
