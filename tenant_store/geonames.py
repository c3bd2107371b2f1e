"""The public GeoNames postal-code text format: tab-separated, 12 fields per line (R6).

Used for the sample shipped in resources/ and for importing the full files (DE.txt has about
16,000 lines). A GeoNames line is about 100 characters; anything far longer, or with control
characters, is no such file and is refused before it costs memory or reaches the database.
"""

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

import peewee

from .errors import ValidationError, has_control_chars
from .i18n import N_, _
from .models.postal import PostalCode

FIELDS = 12
BATCH = 500
COUNTRY = re.compile(r"^[A-Z]{2}$")
# Longest line read: ten times a real one. A longer one is refused unread (no 50 MB string).
MAX_LINE = 1000
# Longest value of each stored field, as GeoNames defines them (varchar(20), (180), (100)).
MAX_LENGTHS = {"code": 20, "place": 180, "state": 100}
LABELS = {"code": N_("postal code"), "place": N_("place name"), "state": N_("state")}


def read_lines(handle: TextIO, limit: int = MAX_LINE) -> Iterator[str]:
    """The lines of an open text file; a line longer than `limit` characters is refused
    (ValidationError naming it) after reading no more than `limit` + 1 characters of it."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line.rstrip("\n")) > limit:
            raise ValidationError(
                _("line {n}").format(n=number),
                _(
                    "the line is longer than {max} characters; is this a GeoNames postal-code file?"
                ).format(max=limit),
            )
        yield line


def parse_geonames(lines: Iterable[str]) -> list[dict[str, str]]:
    """Rows of a GeoNames postal-code file; ValidationError names the first bad line and field."""
    rows = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        rows.append(_parse_line(line, _("line {n}").format(n=number)))
    return rows


def _parse_line(line: str, where: str) -> dict[str, str]:
    fields = line.split("\t")
    if len(fields) != FIELDS:
        raise ValidationError(
            where,
            _(
                "{found} tab-separated fields instead of {expected}; "
                "is this a GeoNames postal-code file?"
            ).format(found=len(fields), expected=FIELDS),
        )
    for index, value in enumerate(fields, start=1):
        if has_control_chars(value):
            raise ValidationError(
                where,
                _(
                    "field {n} contains control characters (such as NUL or ESC); "
                    "is the file damaged?"
                ).format(n=index),
            )
    country, code, place, state = (f.strip() for f in fields[:4])
    if not COUNTRY.match(country):
        raise ValidationError(
            where, _("country code '{value}' is not two capital letters.").format(value=country)
        )
    if not code or not place:
        raise ValidationError(where, _("the postal code and the place must not be empty."))
    row = {"country": country, "code": code, "place": place, "state": state}
    for key, limit in MAX_LENGTHS.items():
        if len(row[key]) > limit:
            raise ValidationError(
                where,
                _("{field}: {n} characters, more than the {max} a GeoNames file allows.").format(
                    field=_(LABELS[key]), n=len(row[key]), max=limit
                ),
            )
    return row


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
