"""Where documents are saved: the tenant's own folder, under a name that says what they are.

`<tenant folder>/Dokumente/Rechnung-5.pdf`, `.../Reisebestaetigung-1001.pdf`, ...: the folder is
the tenant's (`Installation.tenant_dir`), so a document of one tenant never lands among another
tenant's files. Names are ASCII (umlauts spelled out) because they travel through mail programs,
zip files and Windows shares that mangle anything else.

A document is written to a temporary file next to its final name and renamed over it only when
complete: a crash or a full disk never leaves a truncated PDF under the real name, and a viewer
that has the old version open keeps reading the old file. The file gets the permissions of a
file created the ordinary way (0666 less the umask), not the temporary file's 0600: on a shared
installation, colleagues must be able to open the documents. A writer that was killed leaves
its temporary file behind; the next save of the same document removes it once it is old
enough not to be another clerk's save in progress (STALE_PART_SECONDS).
"""

import errno
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tenant_store import TenantSession

FOLDER = "Dokumente"


def documents_dir(session: TenantSession) -> Path:
    """The folder of the session's tenant where its documents are saved."""
    return session.installation.tenant_dir(session.nr) / FOLDER


def invoice_path(session: TenantSession, invoice_label: str, credit: bool = False) -> Path:
    kind = "Gutschrift" if credit else "Rechnung"
    return documents_dir(session) / f"{kind}-{invoice_label}.pdf"


def confirmation_path(session: TenantSession, booking_number: int) -> Path:
    return documents_dir(session) / f"Reisebestaetigung-{booking_number}.pdf"


def report_path(
    session: TenantSession, name: str, on: date | None = None, consolidated: bool = False
) -> Path:
    """A report of a day: 'Journal-2026-11-23.pdf', 'Journal-konsolidiert-2026-11-23.pdf'."""
    suffix = "-konsolidiert" if consolidated else ""
    return documents_dir(session) / f"{name}{suffix}-{(on or date.today()).isoformat()}.pdf"


# A PDF is written in seconds; a temporary file this old belongs to a writer that died.
STALE_PART_SECONDS = 10 * 60
PART_SUFFIX = ".part"


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Call `write(file)` on a temporary file beside `path`, then rename it to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(path)
    fd, temp = _create_temp(path.parent, path.stem)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def remove_stale_parts(path: Path, max_age: float = STALE_PART_SECONDS) -> list[Path]:
    """Remove the temporary files killed saves of `path` left behind; returns them.

    Only `path`'s own temporary files (see `_create_temp`) older than `max_age`: a younger one
    may be a colleague's save of the same document in progress.
    """
    own = re.compile(rf"\.{re.escape(path.stem)}-[0-9a-f]{{12}}{re.escape(PART_SUFFIX)}")
    cutoff = time.time() - max_age
    removed = []
    for entry in path.parent.iterdir():
        try:
            if own.fullmatch(entry.name) and entry.lstat().st_mtime < cutoff:
                entry.unlink()
                removed.append(entry)
        except OSError:  # removed by another save first, or not ours to remove: save anyway
            continue
    return removed


def _create_temp(folder: Path, stem: str) -> tuple[int, str]:
    """A new temporary file in `folder`, created with mode 0666 so that the kernel applies the
    umask, as for any file a program creates (mkstemp's 0600 would lock colleagues out; reading
    the umask would mean setting it, for every thread at once)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    for _attempt in range(100):
        temp = str(folder / f".{stem}-{secrets.token_hex(6)}{PART_SUFFIX}")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No free name for a temporary file", str(folder))


def open_in_viewer(path: Path) -> None:
    """Open a saved document in the system's PDF viewer (returns at once)."""
    if sys.platform == "win32":
        os.startfile(path)  # noqa: S606 - the user's own document, the system's handler
    else:
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        subprocess.Popen(  # noqa: S603 - fixed program, a path we wrote
            [opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
