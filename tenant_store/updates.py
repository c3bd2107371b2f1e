"""Schema updates in the order R10 demands: sub-tenants' own files first, then tenant 0.

Tenant 0 holds the central files and the installation database; a sub-tenant reads them, so
they move last. Each file is backed up (SQLite backup API) before it is changed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import UpdateOrderError
from .i18n import _
from .installation import Installation
from .logical import INSTALLATION_FILE, INSTALLATION_SCHEMA, LOGICAL_DBS, file_name
from .manifest import read_manifest
from .migrations import SCHEMA_VERSIONS, schema_of, too_new, upgrade_file
from .sqlite_files import backup_copy, read_user_version, single_file

BACKUP_DIR = "backups"


@dataclass(frozen=True)
class UpdateStep:
    tenant_nr: int
    db: str
    path: Path
    current: int
    target: int

    def describe(self) -> str:
        return _("tenant {nr}: {db} {current} -> {target} ({path})").format(
            nr=self.tenant_nr, db=self.db, current=self.current, target=self.target, path=self.path
        )


def _files_of(inst: Installation, nr: int) -> list[tuple[str, Path]]:
    """The files a tenant owns: own logical databases; tenant 0 also the installation database."""
    folder = inst.tenant_dir(nr)
    central = read_manifest(folder).central
    files = [(db.value, folder / file_name(db)) for db in LOGICAL_DBS if db not in central]
    if nr == 0:
        files.append((INSTALLATION_SCHEMA, folder / INSTALLATION_FILE))
    return files


def pending_steps(inst: Installation, nr: int) -> list[UpdateStep]:
    """Files of one tenant that are behind the program; a file that is ahead is an error."""
    steps = []
    for db, path in _files_of(inst, nr):
        current, target = read_user_version(path), SCHEMA_VERSIONS[db]
        if current > target:
            raise too_new(path, current, target)
        if current < target:
            steps.append(UpdateStep(nr, db, path, current, target))
    return steps


def plan(inst: Installation) -> list[UpdateStep]:
    """Every pending step of the installation in the order they must run."""
    subs = [nr for nr in inst.tenant_numbers() if nr != 0]
    return [step for nr in [*subs, 0] for step in pending_steps(inst, nr)]


def migrate(
    inst: Installation,
    tenant: int | None = None,
    progress: Callable[[UpdateStep, int, int], None] | None = None,
) -> list[UpdateStep]:
    """Run the pending steps (of one tenant, or all in R10 order); returns what was done."""
    if tenant == 0:
        behind = sorted(
            {
                s.tenant_nr
                for nr in inst.tenant_numbers()
                if nr != 0
                for s in pending_steps(inst, nr)
            }
        )
        if behind:
            raise UpdateOrderError(
                _(
                    "Tenant 0 cannot be updated while sub-tenants are behind ({tenants}): "
                    "update them "
                    "first, or run the update for the whole installation."
                ).format(tenants=", ".join(map(str, behind)))
            )
    steps = plan(inst) if tenant is None else pending_steps(inst, inst.tenant(tenant).nr)
    backup_root = inst.root / BACKUP_DIR / datetime.now().strftime("update-%Y%m%d-%H%M%S-%f")
    for done, step in enumerate(steps):
        if progress:
            progress(step, done, len(steps))
        _backup(inst, step.path, backup_root)
        conn = single_file(schema_of(step.db), step.path)
        try:
            upgrade_file(conn, step.db, step.current, step.target)
        finally:
            conn.close()
    return steps


def _backup(inst: Installation, path: Path, backup_root: Path) -> Path:
    target = backup_root / path.relative_to(inst.root)
    target.parent.mkdir(parents=True, exist_ok=True)
    backup_copy(path, target)
    return target
