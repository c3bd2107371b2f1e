"""`check`: integrity of every file and of every tenant's manifest.

Damage stays local: a damaged file, manifest or even registry is one problem in the report,
named by its path, and every other file is still checked.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from .archive import check_invoices
from .audit import AUDITED, trigger_names, unrecorded_postings, verify_chain
from .errors import StoreError
from .i18n import _
from .installation import Installation, TenantInfo
from .logical import INSTALLATION_FILE, LOGICAL_DBS, Logical, file_name
from .manifest import read_manifest
from .migrations import SCHEMA_VERSIONS
from .sqlite_files import integrity_problems, read_user_version, reading
from .tenant_creation import STAGING_PREFIX, is_abandoned_tenant_folder

ARCHIVE_SINCE = 2  # the bookings schema whose invoices name their archived PDF


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "problems": self.problems,
            "notes": self.notes,
            "files_checked": self.files_checked,
        }


def check(inst: Installation) -> CheckReport:
    """Check every registered tenant, every database file once, and leftovers in Mandant/."""
    report = CheckReport()
    files: dict[Path, str] = {inst.root / INSTALLATION_FILE: "installation"}
    try:
        numbers = inst.tenant_numbers()
    except StoreError as exc:  # the registry itself is unreadable: check what is on disk
        report.problems.append(str(exc))
        report.files_checked += 1
        for path, db in sorted(_files_on_disk(inst, report).items()):
            _check_file(path, db, report)
        return report
    for nr in numbers:
        try:  # tenant by tenant: one damaged manifest must not hide the others' problems
            info = inst.tenant(nr)
        except StoreError as exc:
            # Damaged or disagreeing manifest: named here, and the tenant's files are still
            # checked where the registry says they are.
            report.problems.append(str(exc))
            info = inst.as_registered(nr)
        files.update(_check_tenant(inst, info, report))
    for path, db in sorted(files.items()):
        _check_file(path, db, report)
    for nr in numbers:
        _check_archive(inst, nr, report)
    _note_leftovers(inst, report)
    return report


def _check_tenant(inst: Installation, info: TenantInfo, report: CheckReport) -> dict[Path, str]:
    where = _("tenant {nr}").format(nr=info.nr)
    files = {}
    for db, path in info.database_paths(inst.root).items():
        if db in info.central_dbs:
            _check_central(inst, info, db, path, report, where)
        if not path.is_file():
            report.problems.append(
                _("{where}: {db} file {path} is missing.").format(
                    where=where, db=db.value, path=path
                )
            )
        else:
            files[path] = db.value
    return files


def _check_central(inst, info, db, path, report, where) -> None:
    central_file = inst.root / file_name(db)
    if not central_file.is_file() or not os.path.samefile(path, central_file):
        report.problems.append(
            _("{where}: central {db} does not resolve to tenant 0's file {path}.").format(
                where=where, db=db.value, path=central_file
            )
        )
    link = info.path / file_name(db)
    if link.is_symlink() and not (link.exists() and os.path.samefile(link, central_file)):
        report.problems.append(
            _("{where}: the link {link} does not point at tenant 0's {db} file.").format(
                where=where, link=link, db=db.value
            )
        )
    elif os.path.lexists(link) and not link.is_symlink():
        report.problems.append(
            _("{where}: {link} is a separate file although {db} is central.").format(
                where=where, link=link, db=db.value
            )
        )


def _files_on_disk(inst: Installation, report: CheckReport) -> dict[Path, str]:
    """Without a registry: the files of tenant 0 and of each `Mandant/<nr>` folder's manifest."""
    folders = [inst.root]
    if inst.tenants_dir().is_dir():
        folders += [e for e in sorted(inst.tenants_dir().iterdir()) if e.name.isdigit()]
    files = {}
    for folder in folders:
        try:
            manifest = read_manifest(folder)
        except StoreError as exc:
            report.problems.append(str(exc))
            continue
        for db in LOGICAL_DBS:
            path = manifest.database_path(db, folder, inst.root)
            if path.is_file():
                files[path] = db.value
            else:
                report.problems.append(
                    _("{db} file {path} is missing.").format(db=db.value, path=path)
                )
    return files


def _check_file(path: Path, db: str, report: CheckReport) -> None:
    report.files_checked += 1
    try:  # a file SQLite cannot read at all is one problem; the next file is still checked
        findings = integrity_problems(path)
        version = read_user_version(path)
    except StoreError as exc:
        report.problems.append(str(exc))
        return
    if findings:
        report.problems.append(
            _(
                "{path} is damaged (SQLite's integrity check: {finding}). Restore it from a "
                "backup, then run 'check' again."
            ).format(path=path, finding=findings[0])
        )
    known = SCHEMA_VERSIONS[db]
    if version > known:
        report.problems.append(
            _(
                "{path}: schema version {found} is unknown to this program (it knows 1 to {known})."
            ).format(path=path, found=version, known=known)
        )
    elif version < known:
        report.notes.append(
            _("{path}: schema version {found}, update pending ({known}).").format(
                path=path, found=version, known=known
            )
        )
    elif db in AUDITED and not findings:
        _check_audit_trail(path, db, report)


def _check_audit_trail(path: Path, db: str, report: CheckReport) -> None:
    """The file's hash chain: a changed or removed record is named by its number."""
    try:
        with reading(path) as conn:
            chain = verify_chain(conn.execute, str(path))
            unrecorded = (
                unrecorded_postings(conn.execute, str(path)) if db == "accounting" else None
            )
            present = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            }
    except StoreError as exc:
        report.problems.append(str(exc))
        return
    missing = sorted(trigger_names(db) - present)
    if missing:
        report.problems.append(
            _(
                "{path}: the protection of posted data was removed (trigger {name} is missing). "
                "Records may have been changed; restore the file from a backup."
            ).format(path=path, name=missing[0])
        )
    for problem in (chain.problem, unrecorded):
        if problem:
            report.problems.append(
                problem
                + " "
                + _("The audit trail must not be edited; restore the file from a backup.")
            )


def _check_archive(inst: Installation, nr: int, report: CheckReport) -> None:
    """The tenant's archived invoices against their files and hashes (GoBD: kept unchanged)."""
    bookings = inst.as_registered(nr).database_paths(inst.root)[Logical.BOOKINGS]
    try:
        if read_user_version(bookings) < ARCHIVE_SINCE:
            return  # not migrated yet: no archive columns (noted above)
        found = check_invoices(inst, nr, bookings)
    except StoreError:  # a missing or damaged bookings file is named above already
        return
    except OSError as exc:  # the archive folder cannot be read
        report.problems.append(
            _("tenant {nr}: the archive cannot be read ({error}).").format(nr=nr, error=exc)
        )
        return
    report.problems += found.problems
    report.notes += found.notes


def _note_leftovers(inst: Installation, report: CheckReport) -> None:
    registered = {str(nr) for nr in inst.tenant_numbers()}
    folder = inst.tenants_dir()
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if entry.name in registered:
            continue
        if entry.name.startswith(STAGING_PREFIX) or (
            entry.name.isdigit() and is_abandoned_tenant_folder(entry, int(entry.name))
        ):
            report.notes.append(
                _(
                    "{path} is left over from an interrupted tenant creation; it is "
                    "removed when that tenant is created again."
                ).format(path=entry)
            )
        else:
            report.notes.append(_("{path} is not a registered tenant.").format(path=entry))
