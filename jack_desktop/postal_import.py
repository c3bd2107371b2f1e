"""Importing postal codes from the public GeoNames text format (e.g. DE.txt, ~16,000 lines).

The whole file is checked before anything is written, and written in one transaction: a bad line
is reported by number and field, and the postal-code list stays as it was. With central postal
codes the import lands in tenant 0's file and every tenant sees it (R6).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import peewee

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _
from tenant_store.models.postal import PostalCode
from tenant_store.rights import Level

GEONAMES_FIELDS = 12
BATCH = 500
COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class ImportResult:
    lines: int
    added: int
    updated: int


def parse_geonames(lines: Iterable[str]) -> list[dict[str, str]]:
    """Rows of a GeoNames postal-code file; ValidationError names the first bad line and field."""
    rows = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        fields = line.split("\t")
        where = _("line {n}").format(n=number)
        if len(fields) != GEONAMES_FIELDS:
            raise ValidationError(
                where,
                _(
                    "{found} tab-separated fields instead of {expected}; "
                    "is this a GeoNames postal-code file?"
                ).format(found=len(fields), expected=GEONAMES_FIELDS),
            )
        country, code, place, state = (f.strip() for f in fields[:4])
        if not COUNTRY.match(country):
            raise ValidationError(
                where, _("country code '{value}' is not two capital letters.").format(value=country)
            )
        if not code or not place:
            raise ValidationError(where, _("the postal code and the place must not be empty."))
        rows.append({"country": country, "code": code, "place": place, "state": state})
    return rows


def import_postal_codes(user: str, session: TenantSession, path: Path) -> ImportResult:
    """Add new postal codes and update the state of known ones, all or nothing."""
    session.rights(user).require("basedata", Level.WRITE)
    try:
        with Path(path).open(encoding="utf-8") as handle:
            rows = parse_geonames(handle)
    except UnicodeDecodeError:
        raise ValidationError("file", _("{path} is not UTF-8 text.").format(path=path)) from None
    with session.transaction():
        before = PostalCode.select().count()
        for start in range(0, len(rows), BATCH):
            (
                PostalCode.insert_many(rows[start : start + BATCH])
                .on_conflict(
                    conflict_target=[PostalCode.country, PostalCode.code, PostalCode.place],
                    update={PostalCode.state: peewee.EXCLUDED.state},
                )
                .execute()
            )
        added = PostalCode.select().count() - before
    return ImportResult(
        len(rows), added, len({(r["country"], r["code"], r["place"]) for r in rows}) - added
    )
