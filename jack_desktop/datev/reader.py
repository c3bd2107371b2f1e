"""Reading a DATEV file back: records (with their line numbers and line ends) and the rows of a
Buchungsstapel, for the validator and for the round trip.

Records are assembled from physical lines until their quotes balance, so a line break inside
a quoted field stays inside its record (and the validator names it) instead of splitting the
record. The file is read line by line: memory does not grow with the file.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .columns import (
    BELEGDATUM,
    BELEGFELD1,
    BELEGFELD2,
    BU,
    BUCHUNGSTEXT,
    GEGENKONTO,
    KONTO,
    KOST1,
    KOST2,
    SOLL_HABEN,
    UMSATZ,
)
from .fields import ENCODING, SEPARATOR

UTF8_BOM = b"\xef\xbb\xbf"


class RawRecord(NamedTuple):
    """One record as bytes: where it starts, its content and how it ended."""

    line: int
    content: bytes
    line_end: bytes  # b"\r\n", b"\n", or b"" at the end of the file


def raw_records(stream: BinaryIO) -> Iterator[RawRecord]:
    """The records of a binary stream; a BOM at the start is skipped (see `has_bom`)."""
    start, parts = 1, []
    for line_no, physical in enumerate(stream, 1):
        if line_no == 1:
            physical = physical.removeprefix(UTF8_BOM)
        if parts:
            parts.append(physical)
            if physical.count(b'"') % 2:  # the open quoted field ends on this line
                yield _finished(start, b"".join(parts))
                parts = []
        elif physical.count(b'"') % 2:  # a quoted field goes on in the next line
            start, parts = line_no, [physical]
        elif physical.endswith(b"\r\n"):  # the usual record, without a function call
            yield RawRecord(line_no, physical[:-2], b"\r\n")
        else:
            yield _finished(line_no, physical)
    if parts:
        yield _finished(start, b"".join(parts))


def _finished(start: int, data: bytes) -> RawRecord:
    if data.endswith(b"\r\n"):
        return RawRecord(start, data[:-2], b"\r\n")
    if data.endswith(b"\n"):
        return RawRecord(start, data[:-1], b"\n")
    return RawRecord(start, data, b"")


def has_bom(path: Path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(3) == UTF8_BOM


def decode(content: bytes, utf8: bool) -> str:
    """A record's text: UTF-8 after a BOM, else Windows-1252 (raises UnicodeDecodeError)."""
    return content.decode("utf-8" if utf8 else ENCODING)


def field_reader(texts: Iterator[str]) -> Iterator[list[str]]:
    """The fields of each record text (one csv reader for all: far cheaper than one each)."""
    return csv.reader(texts, delimiter=SEPARATOR, quotechar='"', strict=True)


def split_fields(text: str) -> list[str]:
    """The fields of one record's text (raises csv.Error on broken quoting)."""
    return next(csv.reader((text,), delimiter=SEPARATOR, quotechar='"', strict=True), [])


@dataclass(frozen=True)
class ParsedBooking:
    """A Buchungsstapel row read back."""

    line: int
    cents: int
    side: str
    konto: str
    gegenkonto: str
    bu: str
    day: date
    beleg1: str
    beleg2: str
    text: str
    kost1: str
    kost2: str

    @property
    def debit_account(self) -> str:
        return self.konto if self.side == "S" else self.gegenkonto

    @property
    def credit_account(self) -> str:
        return self.gegenkonto if self.side == "S" else self.konto


@dataclass(frozen=True)
class BookingFile:
    header: list[str]
    headings: list[str]
    rows: list[ParsedBooking]


def read_bookings(path: Path) -> BookingFile:
    """A Buchungsstapel parsed into rows (the year of each Belegdatum from 'Datum vom')."""
    utf8 = has_bom(path)
    with open(path, "rb") as stream:
        records = raw_records(stream)
        header = split_fields(decode(next(records).content, utf8))
        headings = split_fields(decode(next(records).content, utf8))
        year = int(header[14][:4])
        rows = [_booking(r.line, split_fields(decode(r.content, utf8)), year) for r in records]
    return BookingFile(header, headings, rows)


def _booking(line: int, fields: list[str], year: int) -> ParsedBooking:
    euros, cents = fields[UMSATZ].split(",")
    day = fields[BELEGDATUM]
    return ParsedBooking(
        line,
        int(euros) * 100 + int(cents),
        fields[SOLL_HABEN],
        fields[KONTO],
        fields[GEGENKONTO],
        fields[BU],
        date(year, int(day[2:]), int(day[:2])),
        fields[BELEGFELD1],
        fields[BELEGFELD2],
        fields[BUCHUNGSTEXT],
        fields[KOST1],
        fields[KOST2],
    )


def read_records(path: Path) -> list[list[str]]:
    """Every record of a (small) DATEV file as its fields, header and headings included."""
    utf8 = has_bom(path)
    with open(path, "rb") as stream:
        return [split_fields(decode(r.content, utf8)) for r in raw_records(stream)]
