"""Line 1 of a DATEV file: the 31 header fields, in DATEV's order.

| 1 "EXTF" | 2 700 | 3 category | 4 format name | 5 format version | 6 created (17 digits) |
| 7 imported (empty) | 8 origin "RE" | 9 exported by | 10 imported by | 11 Berater | 12 Mandant |
| 13 WJ-Beginn | 14 Sachkontenlänge | 15 Datum vom | 16 Datum bis | 17 Bezeichnung |
| 18 Diktatkürzel | 19 Buchungstyp | 20 Rechnungslegungszweck | 21 Festschreibung | 22 WKZ |
| 23-26 reserved, Derivatskennzeichen | 27 SKR | 28 Branchenlösung | 29, 30 reserved |
| 31 Anwendungsinformation |

Fields 15-17 and 19-22 belong to transaction data: master data files leave them empty.
"""

from dataclasses import dataclass
from datetime import date, datetime

from .fields import SEPARATOR, clean_text, quote, timestamp, ymd

BOOKINGS, PERSONS, ACCOUNT_NAMES = 21, 16, 20
# category -> (format name, format version written)
FORMATS = {
    BOOKINGS: ("Buchungsstapel", 13),
    PERSONS: ("Debitoren/Kreditoren", 5),
    ACCOUNT_NAMES: ("Kontenbeschriftungen", 3),
}
HEADER_FIELDS = 31
ACCOUNT_LENGTH = 4  # Sachkontenlänge of SKR04 as shipped
SKR = "04"
ORIGIN = "RE"
APPLICATION = "Jack Desktop"
EXPORTED_BY_MAX = 25
LABEL_MAX = 30


@dataclass(frozen=True)
class Header:
    """What line 1 says; `date_from`, `date_to`, `label`, `locked` only for a Buchungsstapel."""

    category: int
    adviser: int
    client: int
    fiscal_year_start: date
    exported_by: str
    created: datetime
    date_from: date | None = None
    date_to: date | None = None
    label: str = ""
    locked: bool = False
    account_length: int = ACCOUNT_LENGTH


def header_line(header: Header) -> str:
    """The header line (without line end)."""
    name, version = FORMATS[header.category]
    bookings = header.category == BOOKINGS
    fields = [
        quote("EXTF"),
        "700",
        str(header.category),
        quote(name),
        str(version),
        timestamp(header.created),
        "",
        quote(ORIGIN),
        quote(clean_text(header.exported_by, EXPORTED_BY_MAX)),
        quote(""),
        str(header.adviser),
        str(header.client),
        ymd(header.fiscal_year_start),
        str(header.account_length),
        ymd(header.date_from) if bookings else "",
        ymd(header.date_to) if bookings else "",
        quote(clean_text(header.label, LABEL_MAX)) if bookings else "",
        quote(""),
        "1" if bookings else "",  # Buchungstyp 1: Finanzbuchführung
        "0" if bookings else "",  # Rechnungslegungszweck: independent of purpose
        ("1" if header.locked else "0") if bookings else "",
        quote("EUR") if bookings else "",
        "",
        quote(""),
        "",
        "",
        quote(SKR),
        "",
        "",
        quote(""),
        quote(APPLICATION),
    ]
    assert len(fields) == HEADER_FIELDS
    return SEPARATOR.join(fields)


def headings_line(columns: tuple[str, ...]) -> str:
    """Line 2: the column headings, unquoted as in DATEV's own files."""
    return SEPARATOR.join(columns)
