"""Importing postal codes from a GeoNames file (e.g. the full DE.txt), all or nothing.

The whole file is checked before anything is written, and written in one transaction: a bad line
is reported by number and field, and the postal-code list stays as it was. With central postal
codes the import lands in tenant 0's file and every tenant sees it (R6).
"""

from dataclasses import dataclass
from pathlib import Path

from tenant_store import TenantSession, ValidationError
from tenant_store.geonames import parse_geonames, store_postal_codes
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
    try:
        with Path(path).open(encoding="utf-8") as handle:
            rows = parse_geonames(handle)
    except UnicodeDecodeError:
        raise ValidationError("file", _("{path} is not UTF-8 text.").format(path=path)) from None
    with session.transaction():
        added = store_postal_codes(rows)
    distinct = len({(r["country"], r["code"], r["place"]) for r in rows})
    return ImportResult(len(rows), added, distinct - added)
