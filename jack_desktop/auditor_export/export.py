"""The data for the tax auditor (GoBD Datenüberlassung, formerly "Z3"): one ZIP per unit and year.

The ZIP holds index.xml in the Beschreibungsstandard, the DTD it names, and a CSV file per
table (tables.py): the journal with its lines, the chart of accounts, the Debitoren and
Kreditoren, the invoices and the audit trail of the unit (unit.py). The tables are written
to a scratch folder beside the ZIP, then packed into a temporary file that is renamed to
its final name when complete; the export itself is recorded in the books' audit trail.
"""

import hashlib
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tenant_store import TenantSession, ValidationError
from tenant_store.audit import admin_identity, record
from tenant_store.errors import StoreError
from tenant_store.i18n import _
from tenant_store.logical import Logical

from ..documents.files import write_atomically
from . import rows
from .csv_files import TableWriter
from .index_xml import DTD_NAME, INDEX_NAME, Supplier, index_xml
from .tables import (
    ACCOUNTS,
    AUDIT_TRAIL,
    CREDITORS,
    DEBTORS,
    INVOICES,
    JOURNAL_ENTRIES,
    JOURNAL_LINES,
    TABLES,
    TENANTS,
    Table,
)
from .unit import Unit, open_unit

DTD_PATH = Path(__file__).resolve().parents[2] / "resources" / "gdpdu" / DTD_NAME
Progress = Callable[[str, int, int], None]
STEPS = len(TABLES) + 1  # each table, then packing the ZIP


@dataclass(frozen=True)
class AuditorExport:
    """A finished export: the ZIP, the records per table, the period it covers."""

    path: Path
    tables: dict[str, int]
    date_from: date
    date_to: date


def export_auditor_data(
    user: str,
    session: TenantSession,
    fiscal_year: int,
    out_dir: Path,
    *,
    progress: Progress | None = None,
) -> AuditorExport:
    """Write the unit's data of the fiscal year starting in `fiscal_year` as a ZIP in `out_dir`.

    The session is the tenant of the books: a tenant with its own accounting, or tenant 0 for
    itself and every tenant with central accounting (a central tenant gets NotHere). The
    user needs read access to accounting in each tenant of the unit.
    """
    return _export(user, session, fiscal_year, out_dir, progress, check_rights=True)


def export_for_administrator(
    session: TenantSession,
    fiscal_year: int,
    out_dir: Path,
    *,
    progress: Progress | None = None,
) -> AuditorExport:
    """The same export for `jack-desktop-admin` only, which runs without a login.

    Whoever can run it can read the files anyway; the export is recorded as made by the
    command line and the operating system's user.
    """
    exporter = admin_identity()
    return _export(exporter, session, fiscal_year, out_dir, progress, check_rights=False)


def _export(
    exporter: str,
    session: TenantSession,
    fiscal_year: object,
    out_dir: Path,
    progress: Progress | None,
    *,
    check_rights: bool,
) -> AuditorExport:
    if session.read_only:  # the export is recorded in the books: found out before the work
        raise StoreError(_("Tenant {nr} is open for reading only.").format(nr=session.nr))
    tell = progress or (lambda text, done, total: None)
    with open_unit(exporter, session, fiscal_year, check_rights=check_rights) as unit:
        folder = _checked_folder(out_dir)
        path = _zip_path(folder, unit)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".auditor-export-") as scratch:
            counts = _write_tables(unit, Path(scratch), tell)
            tell(_("Packing {name} ...").format(name=path.name), len(TABLES), STEPS)
            write_atomically(path, lambda out: _pack(out, unit, Path(scratch)))
        _record(unit, path, counts)
        tell(_("The export is complete."), STEPS, STEPS)
        return AuditorExport(path, counts, unit.date_from, unit.date_to)


def _checked_folder(out_dir: Path | str) -> Path:
    folder = Path(out_dir) if str(out_dir).strip() else None
    if folder is None or not folder.is_dir():
        raise ValidationError(
            "out_dir",
            _("'{folder}' is no folder: choose an existing folder for the export.").format(
                folder=out_dir
            ),
        )
    return folder


def _zip_path(folder: Path, unit: Unit) -> Path:
    """gdpdu-<tenant>-<year>[-<next year>]-<when>.zip: never the name of an earlier export."""
    year = unit.fiscal_year
    years = str(year) if unit.date_to.year == year else f"{year}-{unit.date_to.year}"
    stem = f"gdpdu-{unit.session.nr}-{years}-{datetime.now():%Y%m%d-%H%M%S}"
    path, n = folder / f"{stem}.zip", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.zip"
    return path


def _write_tables(unit: Unit, scratch: Path, tell: Progress) -> dict[str, int]:
    """Each table's CSV file in `scratch`; the records written per table."""
    simple = {
        TENANTS: rows.tenant_rows,
        ACCOUNTS: rows.account_rows,
        DEBTORS: rows.debtor_rows,
        CREDITORS: rows.creditor_rows,
        INVOICES: rows.invoice_rows,
        AUDIT_TRAIL: rows.audit_rows,
    }
    counts: dict[str, int] = {}
    for done, table in enumerate(TABLES):
        if table is JOURNAL_LINES:
            continue  # written with the entries, in the same pass over the journal
        tell(_("Writing the table {table} ...").format(table=table.name), done, STEPS)
        if table is JOURNAL_ENTRIES:
            counts.update(_write_journal(unit, scratch, tell, done))
        else:
            counts[table.name] = _write_table(scratch, table, simple[table](unit))
    return {table.name: counts[table.name] for table in TABLES}


def _write_table(scratch: Path, table: Table, records) -> int:
    with TableWriter(scratch, table) as writer:
        for values in records:
            writer.write(values)
        return writer.rows


def _write_journal(unit: Unit, scratch: Path, tell: Progress, done: int) -> dict[str, int]:
    """Entries and lines in one pass: the journal is read once, a chunk at a time."""
    with (
        TableWriter(scratch, JOURNAL_ENTRIES) as entries,
        TableWriter(scratch, JOURNAL_LINES) as lines,
    ):
        for row in rows.journal(unit):
            entries.write(rows.entry_record(row))
            for line in rows.line_records(row):
                lines.write(line)
            if entries.rows % 1000 == 0:
                tell(
                    _("Writing the journal: {n} entries ...").format(n=entries.rows),
                    done,
                    STEPS,
                )
        return {JOURNAL_ENTRIES.name: entries.rows, JOURNAL_LINES.name: lines.rows}


def _pack(out, unit: Unit, scratch: Path) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(INDEX_NAME, _index(unit).encode("utf-8"))
        archive.write(DTD_PATH, DTD_NAME)
        for table in TABLES:
            archive.write(scratch / table.url, table.url)


def _index(unit: Unit) -> str:
    tenant = unit.session.tenant
    branding = tenant.branding
    location = ", ".join(
        part
        for part in (
            branding.get("street", ""),
            f"{branding.get('postcode', '')} {branding.get('city', '')}".strip(),
            branding.get("country", ""),
        )
        if part
    )
    period = f"{unit.date_from:%d.%m.%Y} - {unit.date_to:%d.%m.%Y}"
    comment = (
        f"Jack Desktop: Buchführung von Mandant {tenant.nr} "
        f"(Mandanten {', '.join(map(str, unit.tenants))}), Wirtschaftsjahr {period}; "
        f"erstellt am {datetime.now():%d.%m.%Y %H:%M} von {unit.exporter}"
    )
    return index_xml(
        TABLES,
        supplier=Supplier(tenant.name, location, comment),
        media=f"Datenüberlassung {tenant.name} {period}",
        date_from=unit.date_from,
        date_to=unit.date_to,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _record(unit: Unit, path: Path, counts: dict[str, int]) -> None:
    """The export in the books' audit trail; without the record, no export is left behind."""
    try:
        with unit.session.transaction():
            record(
                Logical.ACCOUNTING,
                user=unit.exporter,
                tenant_nr=unit.session.nr,
                kind="auditor_export",
                object_id=path.name,
                action="export",
                new={
                    "fiscal_year": unit.fiscal_year,
                    "from": unit.date_from,
                    "to": unit.date_to,
                    "tables": counts,
                    "sha256": _sha256(path),
                },
            )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
