"""The checks of a DATEV file's header line (line 1), from DATEV's Formatbeschreibung."""

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from tenant_store.i18n import _

from .. import formats
from . import columns as col
from .header import ACCOUNT_NAMES, BOOKINGS, HEADER_FIELDS, PERSONS
from .validation import Context, Problems, check_controls

FORMAT_NAMES = {
    BOOKINGS: "Buchungsstapel",
    PERSONS: "Debitoren/Kreditoren",
    ACCOUNT_NAMES: "Kontenbeschriftungen",
}
COLUMN_COUNTS = {
    BOOKINGS: col.BOOKING_COLUMN_COUNT,
    PERSONS: {col.PERSON_VERSION: len(col.PERSON_COLUMNS)},
    ACCOUNT_NAMES: col.ACCOUNT_NAMES_COLUMN_COUNT,
}
HEADER_NAMES = {
    1: "DATEV-Format-KZ",
    2: "Versionsnummer",
    3: "Datenkategorie",
    4: "Formatname",
    5: "Formatversion",
    6: "Erzeugt am",
    8: "Herkunft",
    9: "Exportiert von",
    11: "Berater",
    12: "Mandant",
    13: "WJ-Beginn",
    14: "Sachkontenlänge",
    15: "Datum vom",
    16: "Datum bis",
    17: "Bezeichnung",
    19: "Buchungstyp",
    20: "Rechnungslegungszweck",
    21: "Festschreibung",
    22: "WKZ",
    27: "SKR",
    31: "Anwendungsinformation",
}
BOOKING_ONLY_FIELDS = (15, 16, 17, 19, 20, 21, 22)
# Automatic accounts (AM) of DATEV's charts: they compute their VAT themselves.
AUTOMATIC_ACCOUNTS = {
    "03": frozenset({"8120", "8125", "8300", "8310", "8315", "8336", "8338", "8400", "8449"}),
    "04": frozenset({"4120", "4125", "4300", "4310", "4315", "4336", "4338", "4400", "4449"}),
}


def check_header(fields: list[str], problems: Problems) -> Context | None:
    def field(n: int) -> str:
        return fields[n - 1] if len(fields) >= n else ""

    def bad(n: int, message: str) -> None:
        problems.add(1, HEADER_NAMES.get(n, str(n)), message)

    check_controls(1, fields, lambda i: HEADER_NAMES.get(i + 1, str(i + 1)), problems)
    if len(fields) != HEADER_FIELDS:
        problems.add(
            1,
            "",
            _("The header has {count} fields; DATEV's header has {expected}.").format(
                count=len(fields), expected=HEADER_FIELDS
            ),
        )
    if field(1) != "EXTF":
        bad(1, _("'{value}' is no DATEV file marker: write \"EXTF\".").format(value=field(1)))
        return None
    if field(2) != "700":
        bad(2, _("'{value}' is not the DATEV format version 700.").format(value=field(2)))
    category = int(field(3)) if field(3).isdigit() else None
    if category not in FORMAT_NAMES:
        bad(3, _("'{value}' is not a data category we write (21, 16, 20).").format(value=field(3)))
        return None
    if field(4) != FORMAT_NAMES[category]:
        bad(
            4,
            _("Category {category} is called '{name}', not '{value}'.").format(
                category=category, name=FORMAT_NAMES[category], value=field(4)
            ),
        )
    counts = COLUMN_COUNTS[category]
    version = int(field(5)) if field(5).isdigit() else None
    if version not in counts:
        bad(
            5,
            _("'{value}' is no format version of {name} ({versions}).").format(
                value=field(5),
                name=FORMAT_NAMES[category],
                versions=", ".join(map(str, counts)),
            ),
        )
        version = max(counts)
    context = Context(category, counts[version])
    _check_created(field(6), bad)
    if len(field(8)) != 2:
        bad(8, _('The origin has two characters, e.g. "RE".'))
    if len(field(9)) > 25:
        bad(9, _("At most {max} characters.").format(max=25))
    _check_number(field(11), 1001, 9_999_999, lambda m: bad(11, m))
    _check_number(field(12), 1, 99_999, lambda m: bad(12, m))
    fiscal = _ymd(field(13))
    if fiscal is None:
        bad(13, _("'{value}' is no date YYYYMMDD.").format(value=field(13)))
    if field(14) in {"4", "5", "6", "7", "8"}:
        context.account_length = int(field(14))
    else:
        bad(14, _("'{value}' is no Sachkontenlänge (4 to 8).").format(value=field(14)))
    if not re.fullmatch(r"\d{2}", field(27)):
        bad(
            27,
            _("'{value}' is no chart of accounts (two digits, e.g. 04).").format(value=field(27)),
        )
    context.automatic = AUTOMATIC_ACCOUNTS.get(field(27), frozenset())
    if category == BOOKINGS:
        _check_booking_header(field, bad, fiscal, context)
    else:
        for n in BOOKING_ONLY_FIELDS:
            if field(n):
                bad(n, _("Master data leave this field empty."))
    return context


def _check_created(value: str, bad) -> None:
    try:
        ok = len(value) == 17 and value.isdigit()
        ok = ok and datetime.strptime(value[:14], "%Y%m%d%H%M%S") is not None
    except ValueError:
        ok = False
    if not ok:
        bad(6, _("'{value}' is no time YYYYMMDDHHMMSSFFF.").format(value=value))


def _check_number(value: str, low: int, high: int, bad: Callable[[str], None]) -> None:
    if not value.isdigit() or not low <= int(value) <= high:
        bad(
            _("'{value}' is not a number from {low} to {high}.").format(
                value=value, low=low, high=high
            )
        )


def _ymd(value: str) -> date | None:
    if not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _check_booking_header(field, bad, fiscal: date | None, context: Context) -> None:
    start, end = _ymd(field(15)), _ymd(field(16))
    for n, value in ((15, start), (16, end)):
        if value is None:
            bad(n, _("'{value}' is no date YYYYMMDD.").format(value=field(n)))
    if start and end:
        if end < start:
            bad(16, _("Datum bis is before Datum vom."))
        elif start.year != end.year:
            bad(16, _("Datum vom and Datum bis must lie in one calendar year."))
        else:
            context.year, context.date_from, context.date_to = start.year, start, end
        if fiscal and (start < fiscal or end > _fiscal_end(fiscal)):
            bad(
                16,
                _("The period must lie in the fiscal year starting {day}.").format(
                    day=formats.day(fiscal)
                ),
            )
    if len(field(17)) > 30:
        bad(17, _("At most {max} characters.").format(max=30))
    if field(19) not in {"1", "2"}:
        bad(19, _("'{value}' is no Buchungstyp (1 or 2).").format(value=field(19)))
    if field(20) not in {"", "0", "30", "40", "50", "64"}:
        bad(20, _("'{value}' is no Rechnungslegungszweck.").format(value=field(20)))
    if field(21) not in {"0", "1"}:
        bad(21, _("'{value}' is no Festschreibung (0 or 1).").format(value=field(21)))
    if not re.fullmatch(r"[A-Z]{3}", field(22)):
        bad(22, _("'{value}' is no currency code such as EUR.").format(value=field(22)))


def _fiscal_end(start: date) -> date:
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return date(start.year + 1, 2, 28)
