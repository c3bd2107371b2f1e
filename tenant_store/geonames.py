"""The public GeoNames postal-code text format: tab-separated, 12 fields per line (R6).

Used for the sample shipped in resources/ and for importing the full files (DE.txt has about
16,000 lines).
"""

import re
from collections.abc import Iterable

import peewee

from .errors import ValidationError
from .i18n import _
from .models.postal import PostalCode

FIELDS = 12
BATCH = 500
COUNTRY = re.compile(r"^[A-Z]{2}$")


def parse_geonames(lines: Iterable[str]) -> list[dict[str, str]]:
    """Rows of a GeoNames postal-code file; ValidationError names the first bad line and field."""
    rows = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        fields = line.split("\t")
        where = _("line {n}").format(n=number)
        if len(fields) != FIELDS:
            raise ValidationError(
                where,
                _(
                    "{found} tab-separated fields instead of {expected}; "
                    "is this a GeoNames postal-code file?"
                ).format(found=len(fields), expected=FIELDS),
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


def store_postal_codes(rows: list[dict[str, str]]) -> int:
    """Add new codes and update the state of known ones (bound, in a transaction); returns added."""
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
    return PostalCode.select().count() - before
