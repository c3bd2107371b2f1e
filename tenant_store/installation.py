"""An installation on disk: tenant 0 in the data folder, sub-tenants in `Mandant/<nr>` (R1)."""

import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from .books_settings import BOOKS_FIELDS, default_prefix
from .errors import NotAnInstallation, StoreError, ValidationError
from .i18n import _
from .logical import (
    CENTRAL_OPTIONS,
    INSTALLATION_FILE,
    INSTALLATION_SCHEMA,
    LOGICAL_DBS,
    MANIFEST_FILE,
    TENANTS_DIR,
    Logical,
    default_booking_range,
    file_name,
    label,
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
    books: dict = field(default_factory=dict)  # invoice series, DATEV client (books_settings)

    @property
    def books_owner(self) -> int:
        """The tenant whose books this tenant posts to: 0 with central accounting (R4)."""
        return 0 if self.central["accounting"] else self.nr

    @property
    def central_dbs(self) -> frozenset[Logical]:
        """The databases the registry keeps central for this tenant."""
        return frozenset(db for db in CENTRAL_OPTIONS if self.central[db.value])

    def database_path(self, logical: Logical, root: Path) -> Path:
        """Canonical path of the file behind `logical`.

        It follows the registry's central flags, never the manifest: the registry is the
        source of truth, a manifest that disagrees is refused when the tenant is read.
        """
        owner = root if logical in self.central_dbs else self.path
        return Path(os.path.realpath(owner / file_name(logical)))

    def database_paths(self, root: Path) -> dict[Logical, Path]:
        """Canonical path of the file behind each logical database."""
        return {db: self.database_path(db, root) for db in LOGICAL_DBS}

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

    def invoice_series(self) -> list[tuple[int, str]]:
        """(nr, invoice prefix) of tenant 0 and every tenant posting into its books."""
        with self.registry():
            rows = Tenant.select(Tenant.nr, Tenant.invoice_prefix).where(
                (Tenant.nr == 0) | Tenant.central_accounting
            )
            return list(rows.tuples())

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
        """Every registered tenant that can be read, tenant 0 first.

        A tenant whose manifest is damaged or disagrees with the registry is left out (see
        `damaged_tenants`): damage stays local, it never stops the listing of the others.
        """
        return self.tenants_and_damage()[0]

    def damaged_tenants(self) -> dict[int, str]:
        """Number -> problem of every registered tenant that `tenants()` leaves out."""
        return self.tenants_and_damage()[1]

    def tenants_and_damage(self) -> tuple[list[TenantInfo], dict[int, str]]:
        """`tenants()` and `damaged_tenants()` from one reading of the manifests."""
        read = self._read_all()
        damaged = {t[0]: str(t[1]) for t in read if isinstance(t, tuple)}
        return [t for t in read if isinstance(t, TenantInfo)], damaged

    def _read_all(self) -> list[TenantInfo | tuple[int, StoreError]]:
        with self.registry():
            rows = list(Tenant.select().order_by(Tenant.nr))
        result: list[TenantInfo | tuple[int, StoreError]] = []
        for row in rows:
            try:
                result.append(self._info(row))
            except StoreError as exc:
                result.append((row.nr, exc))
        return result

    def tenant(self, nr: int) -> TenantInfo:
        """One registered tenant; a clear error if there is none with that number."""
        with self.registry():
            row = Tenant.get_or_none(Tenant.nr == nr)
        if row is None:
            raise ValidationError("tenant", _("There is no tenant {nr}.").format(nr=nr))
        return self._info(row)

    def as_registered(self, nr: int) -> TenantInfo:
        """The tenant as the registry records it, its manifest not read (nor trusted).

        For `check`, which must still check the files of a tenant whose manifest is damaged.
        """
        with self.registry():
            row = Tenant.get(Tenant.nr == nr)
        return self._info(row, trust=False)

    def _info(self, row: Tenant, *, trust: bool = True) -> TenantInfo:
        """The tenant as registered; StoreError if its manifest is damaged or disagrees."""
        folder = self.tenant_dir(row.nr)
        central = {db.value: bool(getattr(row, f"central_{db.value}")) for db in CENTRAL_OPTIONS}
        if not trust:
            manifest = Manifest(row.nr, frozenset(db for db in CENTRAL_OPTIONS if central[db]))
        else:
            manifest = read_manifest(folder)
        info = TenantInfo(
            nr=row.nr,
            name=row.name,
            path=folder,
            central=central,
            booking_range=(row.booking_first, row.booking_last),
            branding={f: getattr(row, f) for f in BRANDING_FIELDS},
            seats=row.seats,
            manifest=manifest,
            books={f: getattr(row, f) for f in BOOKS_FIELDS},
        )
        if trust:
            require_agreement(info, self.root)
        return info

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
                db.value: {"path": str(paths[db]), "central": db in info.central_dbs}
                for db in LOGICAL_DBS
            },
            "booking_range": list(info.booking_range),
            "schema": self.schema_versions(info),
            "branding": dict(info.branding),
            "seats": info.seats,
            "books": dict(info.books),
        }

    def open_session(self, nr: int, *, read_only: bool = False):
        """A session whose models are bound to tenant `nr`'s files (see session.py).

        Read-only sessions serve cross-tenant reads (consolidation, search): they can never
        change another tenant's data and take no write lock.
        """
        from .session import TenantSession

        return TenantSession(self, self.tenant(nr), read_only=read_only)


def disagreements(info: TenantInfo, root: Path) -> list[str]:
    """Where the tenant's manifest (or a link in its folder) disagrees with the registry.

    Each message names the tenant, the database and the fix, for the session and for `check`.
    """
    manifest_path = info.path / MANIFEST_FILE
    fix = _("Restore {path} from a backup, then run 'jack-desktop-admin check'.").format(
        path=manifest_path
    )
    problems = []
    if info.manifest.tenant_nr != info.nr:
        problems.append(
            _("Tenant {nr}: the manifest {path} belongs to tenant {other}. {fix}").format(
                nr=info.nr, path=manifest_path, other=info.manifest.tenant_nr, fix=fix
            )
        )
    for db in CENTRAL_OPTIONS:
        if (db in info.central_dbs) != (db in info.manifest.central):
            problems.append(_mismatch(info, db, manifest_path, fix))
    problems += _own_links_to_central(info, root)
    return problems


def _mismatch(info: TenantInfo, db: Logical, manifest_path: Path, fix: str) -> str:
    registered = _("central") if db in info.central_dbs else _("own")
    return _(
        "Tenant {nr}: the registry keeps {db} {registered}, but the manifest {path} disagrees; "
        "the tenant is not opened. {fix}"
    ).format(nr=info.nr, db=label(db), registered=registered, path=manifest_path, fix=fix)


def _own_links_to_central(info: TenantInfo, root: Path) -> list[str]:
    # An own database whose file in the tenant folder is a link to tenant 0's file would
    # silently share tenant 0's data: only a link can do that, so only links are resolved.
    problems = []
    for db in LOGICAL_DBS:
        link = info.path / file_name(db)
        if info.nr == 0 or db in info.central_dbs or not link.is_symlink():
            continue
        if os.path.realpath(link) == os.path.realpath(root / file_name(db)):
            problems.append(
                _(
                    "Tenant {nr}: {link} points at tenant 0's {db} file, but the registry keeps "
                    "{db} own; the tenant is not opened. Replace the link by the tenant's own "
                    "file from a backup, then run 'jack-desktop-admin check'."
                ).format(nr=info.nr, link=link, db=label(db))
            )
    return problems


def require_agreement(info: TenantInfo, root: Path) -> None:
    """Refuse a tenant whose manifest or links disagree with the registry (never follow them)."""
    problems = disagreements(info, root)
    if problems:
        raise StoreError(" ".join(problems))


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
    row["invoice_prefix"] = default_prefix(nr, Logical.ACCOUNTING in central)
    return row


def remove_tree(path: Path) -> None:
    """Remove a folder the store built itself, and make the removal durable."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
    fsync_dir(path.parent)
