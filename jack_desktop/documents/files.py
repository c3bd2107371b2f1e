"""Where documents are saved: the tenant's own folder, under a name that says what they are.

`<tenant folder>/Dokumente/Rechnung-5.pdf`, `.../Reisebestaetigung-1001.pdf`, ...: the folder is
the tenant's (`Installation.tenant_dir`), so a document of one tenant never lands among another
tenant's files. Names are ASCII (umlauts spelled out) because they travel through mail programs,
zip files and Windows shares that mangle anything else.

A document is written to a temporary file next to its final name and renamed over it only when
complete: a crash or a full disk never leaves a truncated PDF under the real name, and a viewer
that has the old version open keeps reading the old file.
"""

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tenant_store import TenantSession

FOLDER = "Dokumente"


def documents_dir(session: TenantSession) -> Path:
    """The folder of the session's tenant where its documents are saved."""
    return session.installation.tenant_dir(session.nr) / FOLDER


def invoice_path(session: TenantSession, invoice_number: int, credit: bool = False) -> Path:
    kind = "Gutschrift" if credit else "Rechnung"
    return documents_dir(session) / f"{kind}-{invoice_number}.pdf"


def confirmation_path(session: TenantSession, booking_number: int) -> Path:
    return documents_dir(session) / f"Reisebestaetigung-{booking_number}.pdf"


def report_path(
    session: TenantSession, name: str, on: date | None = None, consolidated: bool = False
) -> Path:
    """A report of a day: 'Journal-2026-11-23.pdf', 'Journal-konsolidiert-2026-11-23.pdf'."""
    suffix = "-konsolidiert" if consolidated else ""
    return documents_dir(session) / f"{name}{suffix}-{(on or date.today()).isoformat()}.pdf"


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Call `write(file)` on a temporary file beside `path`, then rename it to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=path.parent)
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


def open_in_viewer(path: Path) -> None:
    """Open a saved document in the system's PDF viewer (returns at once)."""
    if sys.platform == "win32":
        os.startfile(path)  # noqa: S606 - the user's own document, the system's handler
    else:
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        subprocess.Popen(  # noqa: S603 - fixed program, a path we wrote
            [opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
