"""Importing postal codes from a GeoNames file (e.g. the full DE.txt), all or nothing.

The whole file is checked before anything is written, and written in one transaction: a bad line
is reported by number and field, and the postal-code list stays as it was. With central postal
codes the import lands in tenant 0's file and every tenant sees it (R6).
"""

from dataclasses import dataclass
from pathlib import Path

from tenant_store import TenantSession, ValidationError
from tenant_store.geonames import parse_geonames, read_lines, store_postal_codes
from tenant_store.i18n import _
from tenant_store.rights import Level


@dataclass(frozen=True)
class ImportResult:
    lines: int
    added: int
    updated: int


def import_postal_codes(user: str, session: TenantSession, path: Path) -> ImportResult:
    """Add new postal codes and update the state of known ones."""
    session.rights(user).require("basedata", Level.WRITE)
    rows = read_postal_file(Path(path))
    with session.transaction():
        added = store_postal_codes(rows)
    distinct = len({(r["country"], r["code"], r["place"]) for r in rows})
    return ImportResult(len(rows), added, distinct - added)


def read_postal_file(path: Path) -> list[dict[str, str]]:
    """The rows of a GeoNames file, every line checked; ValidationError names the file or line.

    A UTF-8 byte order mark (as Windows editors write it) is accepted; an empty or blank file
    is refused, as it would otherwise "succeed" with nothing imported.
    """
    try:
        with path.open(encoding="utf-8-sig") as handle:
            rows = parse_geonames(read_lines(handle))
    except UnicodeDecodeError:
        raise ValidationError("file", _("{path} is not UTF-8 text.").format(path=path)) from None
    except IsADirectoryError:
        raise _unreadable(_("{path} is a folder, not a file."), path) from None
    except FileNotFoundError:
        raise _unreadable(_("{path} does not exist."), path) from None
    except PermissionError:
        raise _unreadable(_("{path} may not be read (no permission)."), path) from None
    if not rows:
        raise ValidationError(
            "file", _("{path} contains no postal codes: it is empty or blank.").format(path=path)
        )
    return rows


def _unreadable(message: str, path: Path) -> ValidationError:
    hint = _("Choose a GeoNames postal-code file such as DE.txt.")
    return ValidationError("file", f"{message.format(path=path)} {hint}")
