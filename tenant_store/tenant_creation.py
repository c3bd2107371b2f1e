"""Creating a tenant, all or nothing (R2).

The folder is built aside (`Mandant/.new-<nr>-<token>`), flushed to disk, and then, under the
registry's write lock, renamed into place and registered in one transaction. A crash leaves at
most an unregistered folder, which the next creation of that number recognises and removes.
"""

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from .audit import record_installation
from .books_settings import check_series_free
from .errors import SchemaBehind, StoreError
from .i18n import _
from .installation import Installation, TenantInfo, new_tenant_row, remove_tree, unused_colour
from .logical import LOGICAL_DBS, MANIFEST_FILE, Logical, file_name, label
from .manifest import Manifest, read_manifest, write_manifest
from .migrations import SCHEMA_VERSIONS
from .models.bookings import NumberCounter
from .models.installation import Tenant
from .routing import bound
from .schema import create_database_file
from .sqlite_files import StoreDatabase, backup_copy, fsync_dir, fsync_file, single_file
from .tenant_validation import (
    CheckedSpec,
    TenantSpec,
    check_against_registry,
    check_spec,
    logo_file_name,
)

Progress = Callable[[str, int, int], None]
STAGING_PREFIX = ".new-"
STEPS = len(LOGICAL_DBS) + 2  # progress: each database, registering, done


def create_tenant(
    inst: Installation, spec: TenantSpec, progress: Progress | None = None, by: str | None = None
) -> TenantInfo:
    """Validate, build aside and register a new tenant; on any error nothing remains."""
    checked = check_spec(inst, spec)
    _require_current_schema(inst)
    report = progress or (lambda text, done, total: None)
    staging = inst.tenants_dir() / f"{STAGING_PREFIX}{checked.nr}-{secrets.token_hex(6)}"
    try:
        _build(inst, checked, staging, report)
        report(_("Registering the tenant"), STEPS - 1, STEPS)
        _register(inst, checked, staging, by)
    finally:
        if staging.exists():
            remove_tree(staging)
    report(_("Done"), STEPS, STEPS)
    return inst.tenant(checked.nr)


def _require_current_schema(inst: Installation) -> None:
    versions = inst.schema_versions(inst.tenant(0))
    behind = [db for db, v in versions.items() if v < SCHEMA_VERSIONS[db]]
    if behind:
        raise SchemaBehind(
            _("Tenant 0 needs an update first ({dbs}): run 'migrate'.").format(
                dbs=", ".join(behind)
            )
        )


def _build(inst: Installation, spec: CheckedSpec, staging: Path, report: Progress) -> None:
    staging.mkdir(parents=True)
    for step, db in enumerate(LOGICAL_DBS):
        report(_("Preparing {db}").format(db=label(db)), step, STEPS)
        target = staging / file_name(db)
        if db in spec.central:
            _link_central(db, staging)
        elif db in spec.copy and db != Logical.ACCOUNTING:
            backup_copy(inst.root / file_name(db), target, durable=False)
            if db == Logical.BOOKINGS:
                _reset_counters(target)
        else:
            # Own books start empty, even when "copied": tenant 0's journal, locks and audit
            # trail are tenant 0's and cannot be deleted from a copy (GoBD).
            create_database_file(db, target, durable=False).close()
            if db == Logical.ACCOUNTING:
                _copy_chart(inst.root / file_name(db), target)
    if spec.logo is not None:
        shutil.copyfile(spec.logo, staging / logo_file_name(spec.logo))
    write_manifest(staging, Manifest(spec.nr, spec.central))
    for entry in staging.iterdir():
        if not entry.is_symlink():
            fsync_file(entry)
    fsync_dir(staging)


def _link_central(db: Logical, staging: Path) -> None:
    """A symlink for people browsing the folder; the manifest is the record, so failure is fine."""
    with contextlib.suppress(OSError, NotImplementedError):  # Windows without the privilege
        os.symlink(Path("..", "..", file_name(db)), staging / file_name(db))


def _reset_counters(path: Path) -> None:
    """A copied bookings file must not carry tenant 0's counters into the new range."""
    conn = single_file("main", path, durable=False)
    with bound(conn), conn.atomic():
        NumberCounter.delete().execute()
    conn.close()


def _copy_chart(source: Path, target: Path) -> None:
    """Own accounting needs a chart of accounts even when tenant 0's file is not copied."""
    conn = StoreDatabase(
        None,
        [("accounting", target), ("source", source)],
        durable=False,
        read_only=frozenset({"source"}),
    )
    conn.connect()
    with conn.atomic():
        conn.execute_sql('INSERT INTO accounting."account" SELECT * FROM source."account"')
    conn.close()


def _register(inst: Installation, spec: CheckedSpec, staging: Path, by: str | None) -> None:
    final = inst.tenant_dir(spec.nr)
    row = new_tenant_row(spec.nr, spec.name, spec.central, spec.booking_range, **spec.branding)
    if spec.logo is not None:
        row["logo_file"] = logo_file_name(spec.logo)
    moved = False
    try:
        with inst.registry(write=True):  # the lock serialises concurrent creators
            check_against_registry(spec, inst.tenant_ranges())
            if row["central_accounting"]:
                check_series_free(spec.nr, row["invoice_prefix"], inst.invoice_series())
            _clear_leftovers(inst, spec.nr, staging)
            # Chosen under the lock, so two tenants created at once still differ.
            row.setdefault("colour", unused_colour(inst))
            os.rename(staging, final)
            moved = True
            fsync_dir(final.parent)
            Tenant.create(**row)
            record_installation(by, spec.nr, "tenant", spec.nr, "create", new=row)
    except BaseException:
        if moved:  # the row was not committed: the folder must not stay
            remove_tree(final)
        raise


def _clear_leftovers(inst: Installation, nr: int, keep: Path) -> None:
    """Remove what an interrupted creation of `nr` left behind (caller holds the registry lock)."""
    for entry in inst.tenants_dir().glob(f"{STAGING_PREFIX}{nr}-*"):
        if entry != keep:
            remove_tree(entry)
    final = inst.tenant_dir(nr)
    if not os.path.lexists(final):
        return
    if not is_abandoned_tenant_folder(final, nr):
        raise StoreError(
            _("{path} exists but is not a tenant folder; move it away and try again.").format(
                path=final
            )
        )
    remove_tree(final)


def is_abandoned_tenant_folder(folder: Path, nr: int) -> bool:
    """A folder the store built for tenant `nr` that never got registered."""
    if folder.is_symlink() or not (folder / MANIFEST_FILE).is_file():
        return False
    try:
        return read_manifest(folder).tenant_nr == nr
    except StoreError:
        return False
