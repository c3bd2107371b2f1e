"""The archive of issued documents: where they live on disk, written once, read back unchanged.

GoBD and § 14b UStG: an invoice is kept for ten years exactly as it was issued. Each tenant
keeps the documents it issued in its own folder, `<tenant folder>/Archiv/<year>/<name>.pdf`
(the issuing tenant's, also where tenant 0 keeps the books). The caller stores the file name
(relative to the archive, with '/') and the SHA-256 of the bytes with the record they belong to.

A document is archived in two steps around the caller's database transaction:
1. `write_part`, inside the transaction: the bytes go to `<name>.pdf.part`, synced to disk;
2. `complete`, after the commit: the part is renamed to its final name, made read-only
   (0444) and the folder synced. On a rollback `discard` removes the part.

A process killed between commit and rename leaves a part whose hash is the committed one:
`read` (and `complete`) finish the rename then. A part with no committed record is left over
from a transaction that never committed; the next `write_part` of that name replaces it (the
caller writes a name only while it holds the write lock on the records that could claim it).
Nothing here deletes or replaces an archived file: `write_part` refuses a name whose final
file exists with other bytes, and there is no function to remove one.
"""

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import StoreError
from .i18n import _
from .installation import Installation
from .sqlite_files import reading

FOLDER = "Archiv"
PART_SUFFIX = ".part"
READ_ONLY = 0o444
# Names are made by `document_name`: letters, digits and '-', one year folder.
_NAME = re.compile(r"[0-9]{4}/[A-Za-z0-9][A-Za-z0-9-]{0,80}\.pdf")
_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")


class ArchiveError(StoreError):
    """An archived document is missing, altered, or would be overwritten; `name` is its file."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


@dataclass(frozen=True)
class Stored:
    """A document as written to the archive: its file name there and the SHA-256 of its bytes."""

    name: str
    sha256: str


def sha256_of(data: bytes) -> str:
    """The hex SHA-256 of `data`, as stored with the record."""
    return hashlib.sha256(data).hexdigest()


def document_name(kind: str, label: str, year: int) -> str:
    """The archive file name of a document: '2026/Rechnung-M1-17.pdf'.

    `kind` and `label` are reduced to ASCII letters, digits and '-' (the series may contain
    '/', which would be a folder).
    """
    stem = _UNSAFE.sub("-", f"{kind}-{label}").strip("-")
    return f"{year:04d}/{stem}.pdf"


class Archive:
    """The archive folder of one tenant."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @classmethod
    def of(cls, inst: Installation, nr: int) -> "Archive":
        """The archive of tenant `nr` (in its own folder, whoever keeps its books)."""
        return cls(inst.tenant_dir(nr) / FOLDER)

    def path(self, name: str) -> Path:
        """The final file of `name`; refuses a name that is not one of ours (a stored name is
        data: it must not lead outside the archive)."""
        if not _NAME.fullmatch(name):
            raise ArchiveError(
                name, _("'{name}' is not the name of an archived document.").format(name=name)
            )
        return self.folder.joinpath(*PurePosixPath(name).parts)

    def part_path(self, name: str) -> Path:
        final = self.path(name)
        return final.with_name(final.name + PART_SUFFIX)

    # -- writing -------------------------------------------------------------------------------

    def write_part(self, name: str, data: bytes) -> Stored:
        """Write `data` as the part of `name`, synced; refused if `name` is archived already.

        The same bytes again are accepted (nothing is written then): a repeated call changes
        nothing.
        """
        final, part = self.path(name), self.part_path(name)
        digest = sha256_of(data)
        if final.exists():
            if _file_sha256(final) == digest:
                return Stored(name, digest)
            raise ArchiveError(name, _refused_text(final))
        final.parent.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)  # left over from a transaction that never committed
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(part, flags, 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return Stored(name, digest)

    def complete(self, stored: Stored) -> Path:
        """Give the part of a committed document its final name, read-only; returns the file.

        Done already (the final file has the stored hash) is fine; a final file with other
        bytes is refused and the part left alone.
        """
        final, part = self.path(stored.name), self.part_path(stored.name)
        if final.exists():
            if _file_sha256(final) != stored.sha256:
                raise ArchiveError(stored.name, _refused_text(final))
            part.unlink(missing_ok=True)
            return final
        if not part.exists():
            raise ArchiveError(stored.name, _missing_text(final))
        if _file_sha256(part) != stored.sha256:
            raise ArchiveError(stored.name, _altered_text(part))
        try:
            _rename_once(part, final)
        except FileExistsError:  # another process finished it meanwhile
            return self.complete(stored)
        os.chmod(final, READ_ONLY)
        _sync_folder(final.parent)
        return final

    def discard(self, name: str) -> None:
        """Remove the part of `name` after a rollback (never an archived file)."""
        self.part_path(name).unlink(missing_ok=True)

    # -- reading -------------------------------------------------------------------------------

    def read(self, stored: Stored) -> bytes:
        """The archived bytes, checked against the stored hash (a pending rename is finished)."""
        final = self.path(stored.name)
        if not final.exists() and self.part_path(stored.name).exists():
            self.complete(stored)
        try:
            data = final.read_bytes()
        except FileNotFoundError:
            raise ArchiveError(stored.name, _missing_text(final)) from None
        if sha256_of(data) != stored.sha256:
            raise ArchiveError(stored.name, _altered_text(final))
        return data

    def problem(self, stored: Stored) -> str | None:
        """What is wrong with an archived document (missing, altered), or None; reads only."""
        final, part = self.path(stored.name), self.part_path(stored.name)
        if final.exists():
            return None if _file_sha256(final) == stored.sha256 else _altered_text(final)
        if part.exists() and _file_sha256(part) == stored.sha256:
            return None  # committed, renamed on the next read
        return _missing_text(final)

    def parts(self) -> list[str]:
        """The names of every part in the archive (pending renames and leftovers)."""
        if not self.folder.is_dir():
            return []
        found = []
        for year in sorted(self.folder.iterdir()):
            if not year.is_dir():
                continue
            for entry in sorted(year.iterdir()):
                if entry.name.endswith(".pdf" + PART_SUFFIX):
                    found.append(f"{year.name}/{entry.name[: -len(PART_SUFFIX)]}")
        return found


def unclaimed_parts(archive: Archive, claimed: Iterable[str]) -> list[Path]:
    """Parts whose name no committed record holds: left over from a rolled-back issue."""
    claimed = set(claimed)
    return [archive.part_path(name) for name in archive.parts() if name not in claimed]


@dataclass
class ArchiveReport:
    """What `check_invoices` found: problems (missing, altered) and notes (leftovers)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_invoices(inst: Installation, nr: int, bookings: Path) -> ArchiveReport:
    """Every archived invoice of tenant `nr` (read from its bookings file) against its file and
    hash; reads only. A problem names the tenant, the invoice and the file."""
    report = ArchiveReport()
    with reading(bookings) as conn:
        rows = conn.execute(
            "SELECT series, number, kind, archive_file, archive_sha256 FROM invoice "
            "WHERE archive_file <> '' ORDER BY number"
        ).fetchall()
    archive = Archive.of(inst, nr)
    for series, number, kind, name, digest in rows:
        what = (
            _("tenant {nr}, credit note {label}")
            if kind == "credit"
            else _("tenant {nr}, invoice {label}")
        ).format(nr=nr, label=f"{series}{number}")
        try:
            problem = archive.problem(Stored(name, digest))
        except (ArchiveError, OSError) as exc:
            problem = str(exc)
        if problem:
            report.problems.append(f"{what}: {problem}")
    for part in unclaimed_parts(archive, (row[3] for row in rows)):
        report.notes.append(
            _(
                "{path} is left over from an invoice that was never committed; it is replaced "
                "when that number is issued."
            ).format(path=part)
        )
    return report


def _rename_once(part: Path, final: Path) -> None:
    """Rename `part` to `final`, never over an existing file (FileExistsError then)."""
    if os.name == "nt":
        os.rename(part, final)  # Windows refuses an existing target
        return
    try:
        os.link(part, final)  # POSIX rename would replace a file that appeared meanwhile
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (some network shares)
        os.rename(part, final)
        return
    part.unlink()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _refused_text(path: Path) -> str:
    return _(
        "{path} is archived already with other contents; an archived document is never "
        "replaced. Nothing was changed."
    ).format(path=path)


def _missing_text(path: Path) -> str:
    return _(
        "The archived document {path} is missing. Restore it from a backup: issued documents "
        "must be kept as they were issued."
    ).format(path=path)


def _altered_text(path: Path) -> str:
    return _(
        "The archived document {path} was altered (its SHA-256 hash differs from the one "
        "stored when it was issued). Restore it from a backup."
    ).format(path=path)
