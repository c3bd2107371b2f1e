"""The DATEV export of a period: Buchungsstapel, Debitoren/Kreditoren and Kontenbeschriftungen.

The books are the session's: an own-accounting tenant's, or tenant 0's, which with central
accounting hold the postings of every tenant sharing them (R4); those are exported in tenant 0
only, each row carrying its branch in KOST2. The header comes from the books owner's registry
row (Berater, Mandant, fiscal year). A period lies in one fiscal year and is written as one
Buchungsstapel per calendar year it touches, split at DATEV's 99,999 rows per file.

The journal is read in chunks (memory does not grow with the postings), each file is checked
by `validator` before anything is saved, and the export is recorded in the accounting file's
audit trail with the SHA-256 of every file. With `lock`, the period is locked (Festschreibung)
in the same transaction as that record, after the files passed and only if no posting was
added to the period meanwhile (the writer lock of that transaction keeps any more out): a
locked period's export is complete, and a refused export locks nothing.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from tenant_store import TenantSession, ValidationError
from tenant_store.audit import admin_identity, record
from tenant_store.books_settings import BOOKS_FIELDS
from tenant_store.i18n import _
from tenant_store.logical import Logical
from tenant_store.models.accounting import JournalEntry
from tenant_store.models.installation import Tenant
from tenant_store.rights import Level

from .. import accounting, books, period_locks
from ..formats import day
from ..personal_accounts import collective_account
from . import columns as col
from .accounts_file import account_name_line, person_line, person_records
from .bookings import booking_line, rows_of
from .header import ACCOUNT_NAMES, BOOKINGS, PERSONS, Header, header_line, headings_line
from .journal import Entry, account_names, read_entries
from .staging import StagedFile
from .validator import MAX_BOOKINGS, validate_file

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DatevExport:
    """What an export wrote: the files, the number of Buchungsstapel rows, Festschreibung."""

    files: list[Path]
    rows: int
    locked: bool  # the Festschreibung flag of the Buchungsstapel
    date_from: date
    date_to: date


def export_datev(
    user: str,
    session: TenantSession,
    date_from: date,
    date_to: date,
    out_dir: Path,
    *,
    lock: bool = False,
    progress: Progress | None = None,
) -> DatevExport:
    """Export the session's books from `date_from` to `date_to` into `out_dir` for DATEV.

    Needs read access to accounting in the session's tenant and in every branch whose
    postings the books hold, and write access for `lock` (lock the books through
    `date_to`, which must be the end of a month that is over). `progress(text, done,
    total)` is told how far the journal is read.
    """
    if lock:
        session.rights(user).require("accounting", Level.WRITE)
    tenants = books_tenants(session)
    books.require_readable(user, session, tenants)
    journal = _journal(session, tenants)
    run = _Run(session, user, admin=False, branch=len(tenants) > 1)
    return _export(run, journal, tenants, date_from, date_to, out_dir, lock, progress)


def export_datev_as_administrator(
    session: TenantSession,
    date_from: date,
    date_to: date,
    out_dir: Path,
    *,
    lock: bool = False,
    progress: Progress | None = None,
) -> DatevExport:
    """The export for `jack-desktop-admin datev export` only: no login, no rights checked.

    The administrator running the command line has the installation's files anyway; the
    export is recorded as made by "jack-desktop-admin (<OS user>)".
    """
    tenants = books_tenants(session)
    journal = _journal(session, tenants)
    run = _Run(session, admin_identity(), admin=True, branch=len(tenants) > 1)
    return _export(run, journal, tenants, date_from, date_to, out_dir, lock, progress)


def books_tenants(session: TenantSession) -> list[int]:
    """The tenants whose postings the session's books hold; NotHere where they are tenant 0's."""
    return books.books_tenants(
        session,
        _(
            "Tenant {nr} posts into the books of tenant 0: they are exported to DATEV in "
            "tenant 0, with every branch's postings."
        ),
    )


def _books_settings(session: TenantSession) -> dict:
    """The bookkeeping settings of the session's books as registered now (not as they were
    when the session was opened: the adviser number may have been entered since)."""
    with session.bound():
        row = Tenant.get_by_id(session.nr)
    return {name: getattr(row, name) for name in BOOKS_FIELDS}


# -- reading the journal ------------------------------------------------------------------------

Journal = Callable[[date, date], Iterator[Entry]]


def _journal(session: TenantSession, tenants: list[int]) -> Journal:
    def read(start: date, end: date) -> Iterator[Entry]:
        return read_entries(session, tenants, start, end)

    return read


def _entry_count(session: TenantSession, tenants: list[int], start: date, end: date) -> int:
    with session.bound():
        return (
            JournalEntry.select()
            .where(
                JournalEntry.tenant_nr.in_(tenants)
                & (JournalEntry.entry_date >= start)
                & (JournalEntry.entry_date <= end)
            )
            .count()
        )


# -- the plan: header values and files ----------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    adviser: int
    client: int
    fiscal_year_start: date
    parts: list[tuple[date, date]]  # one per calendar year


def _plan(session: TenantSession, date_from: date, date_to: date) -> _Plan:
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if not isinstance(value, date):
            raise ValidationError(name, _("Enter the first and the last day to export."))
    if date_to < date_from:
        raise ValidationError("date_to", _("The end date is before the start date."))
    books = _books_settings(session)
    for name, label in (
        ("datev_adviser", _("DATEV adviser number")),
        ("datev_client", _("DATEV client number")),
    ):
        if not books.get(name):
            raise ValidationError(
                name,
                _(
                    "Tenant {nr} has no {label} yet: enter it under File > Tenant management > "
                    'Edit… ("{label}") before exporting to DATEV.'
                ).format(nr=session.nr, label=label),
            )
    start = fiscal_year_start(date_from, books.get("fiscal_year_start") or 1)
    end = start.replace(year=start.year + 1) - timedelta(days=1)
    if date_to > end:
        raise ValidationError(
            "date_to",
            _(
                "{start} to {end} is one fiscal year; the period up to {to} goes beyond it. "
                "Export each fiscal year on its own."
            ).format(start=day(start), end=day(end), to=day(date_to)),
        )
    parts = [
        (max(date_from, date(year, 1, 1)), min(date_to, date(year, 12, 31)))
        for year in range(date_from.year, date_to.year + 1)
    ]
    return _Plan(books["datev_adviser"], books["datev_client"], start, parts)


def fiscal_year_start(on: date, first_month: int) -> date:
    """The first day of the fiscal year containing `on` (it starts in `first_month`)."""
    year = on.year if on.month >= first_month else on.year - 1
    return date(year, first_month, 1)


def _require_lockable(date_to: date) -> None:
    if date_to != period_locks.month_end(date_to) or date_to >= date.today():
        raise ValidationError(
            "lock",
            _(
                "Only the books up to the end of a month that is over can be locked; {day} is "
                "not. Export without locking, or up to the end of an earlier month."
            ).format(day=day(date_to)),
        )


# -- writing -------------------------------------------------------------------------------------


@dataclass
class _Run:
    """The state of one export while it writes."""

    session: TenantSession
    exporter: str
    admin: bool  # the command line: no login, no rights
    branch: bool  # KOST2 = the posting's tenant
    plan: _Plan | None = None
    out_dir: Path = Path()
    created: datetime = field(default_factory=datetime.now)
    locked_through: date | None = None
    files: list[StagedFile] = field(default_factory=list)
    accounts: set[str] = field(default_factory=set)  # Konto and Gegenkonto of the rows
    entries: int = 0
    rows: int = 0

    def header(self, category: int, start=None, end=None, locked=False) -> Header:
        return Header(
            category,
            self.plan.adviser,
            self.plan.client,
            self.plan.fiscal_year_start,
            self.exporter,
            self.created,
            start,
            end,
            f"Buchungen {start:%d.%m.}-{end:%d.%m.%Y}" if start else "",
            locked,
        )

    def locked(self, end: date) -> bool:
        return self.locked_through is not None and self.locked_through >= end

    def stage(self, name: str, header: Header, columns: tuple[str, ...]) -> StagedFile:
        staged = StagedFile(self.out_dir, name)
        self.files.append(staged)
        staged.line(header_line(header))
        staged.line(headings_line(columns))
        return staged


def _export(
    run: _Run,
    journal: Journal,
    tenants: list[int],
    date_from: date,
    date_to: date,
    out_dir: Path,
    lock: bool,
    progress: Progress | None,
) -> DatevExport:
    session = run.session
    run.plan = plan = _plan(session, date_from, date_to)
    if lock:
        _require_lockable(date_to)
    run.out_dir = Path(out_dir)
    created = not run.out_dir.exists()
    run.out_dir.mkdir(parents=True, exist_ok=True)
    run.locked_through = date_to if lock else period_locks.lock_state(session).locked_through
    total = _entry_count(session, tenants, date_from, date_to)
    report = progress or (lambda text, done, all_: None)
    try:
        for start, end in plan.parts:
            _write_bookings(run, journal(start, end), start, end, total, report)
        _write_master_data(run, date_from, date_to)
        report(_("Checking the files"), total, total)
        _check_files(run.files)
        return _commit(run, tenants, date_from, date_to, lock, total)
    except BaseException:
        for staged in run.files:
            staged.discard()
        if created and not any(run.out_dir.iterdir()):
            run.out_dir.rmdir()  # a refused export leaves no trace
        raise


def _booking_name(client: int, start: date, end: date, part: int | None) -> str:
    suffix = f"_{part:02d}" if part else ""
    return f"EXTF_Buchungsstapel_{client}_{start:%Y%m%d}_{end:%Y%m%d}{suffix}.csv"


def _write_bookings(
    run: _Run, entries: Iterator[Entry], start: date, end: date, total: int, report
) -> None:
    header = run.header(BOOKINGS, start, end, run.locked(end))
    parts = [
        run.stage(_booking_name(run.plan.client, start, end, None), header, col.BOOKING_COLUMNS)
    ]
    for entry in entries:
        for row in rows_of(entry, branch=run.branch):
            if parts[-1].rows == MAX_BOOKINGS:
                name = _booking_name(run.plan.client, start, end, len(parts) + 1)
                parts.append(run.stage(name, header, col.BOOKING_COLUMNS))
            parts[-1].row(booking_line(row))
            run.accounts.add(row.konto)
            run.accounts.add(row.gegenkonto)
            run.rows += 1
        run.entries += 1
        if run.entries % accounting.JOURNAL_CHUNK == 0:
            report(_("Reading the journal"), run.entries, total)
    for staged in parts:
        staged.close()
    if len(parts) > 1:  # split at DATEV's limit: _01, _02, ...
        for n, staged in enumerate(parts, 1):
            staged.name = _booking_name(run.plan.client, start, end, n)


def _write_master_data(run: _Run, date_from: date, date_to: date) -> None:
    """Debitoren/Kreditoren and Kontenbeschriftungen of the accounts the rows use."""
    span = f"{run.plan.client}_{date_from:%Y%m%d}_{date_to:%Y%m%d}"
    personal = {n for n in run.accounts if collective_account(n)}
    people = person_records(run.session, personal)
    if people:
        staged = run.stage(
            f"EXTF_Debitoren_Kreditoren_{span}.csv", run.header(PERSONS), col.PERSON_COLUMNS
        )
        for person in people:
            staged.row(person_line(person))
        staged.close()
    names = account_names(run.session)
    used = {n: names.get(n, "?") for n in run.accounts - personal}
    if used:
        staged = run.stage(
            f"EXTF_Kontenbeschriftungen_{span}.csv",
            run.header(ACCOUNT_NAMES),
            col.ACCOUNT_NAMES_COLUMNS,
        )
        for number in sorted(used):
            staged.row(account_name_line(number, used[number]))
        staged.close()


def _check_files(files: list[StagedFile]) -> None:
    for staged in files:
        problems = validate_file(staged.temp)
        if problems:
            raise ValidationError(
                "datev",
                _(
                    "The DATEV file {name} does not meet DATEV's rules, so nothing was saved: "
                    "{problem}"
                ).format(name=staged.name, problem=problems[0]),
            )


def _commit(
    run: _Run, tenants: list[int], date_from: date, date_to: date, lock: bool, total: int
) -> DatevExport:
    session = run.session
    hashes = {staged.name: staged.sha256() for staged in run.files}
    locked = run.locked(date_to)
    with session.transaction():
        # A period being locked must be exported whole: nothing may have come in meanwhile.
        if lock and _entry_count(session, tenants, date_from, date_to) != total:
            raise ValidationError(
                "datev",
                _("Postings were added to the period while it was exported; export it again."),
            )
        if lock:
            _lock(run, date_to)
        record(
            Logical.ACCOUNTING,
            user=run.exporter,
            tenant_nr=session.nr,
            kind="datev_export",
            object_id=f"{date_from.isoformat()}..{date_to.isoformat()}",
            action="export",
            new={
                "from": date_from,
                "to": date_to,
                "files": list(hashes),
                "rows": run.rows,
                "festschreibung": locked,
                "sha256": hashes,
            },
        )
        paths = [staged.commit() for staged in run.files]
    return DatevExport(paths, run.rows, locked, date_from, date_to)


def _lock(run: _Run, through: date) -> None:
    """Festschreibung through `through`, unless the books are locked that far already."""
    current = period_locks.lock_state(run.session).locked_through
    if current and current >= through:
        return
    if run.admin:
        # The command line has no login to check; the lock is recorded under its name.
        period_locks.record_lock(run.session, run.exporter, through, automatic=False)
    else:
        period_locks.lock_period(run.exporter, run.session, through)
