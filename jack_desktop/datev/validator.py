"""Our own check of a DATEV file, from DATEV's published field rules (Formatbeschreibung).

The export runs it on every file before saving it and saves nothing on any problem, so a file
that reaches the tax adviser has passed these rules:

- file: Windows-1252 (UTF-8 only with a BOM), CR LF line ends, at most 99,999 bookings;
- header (line 1): 31 fields; "EXTF", 700, a known category with its format name and
  version; creation time; Berater 1001-9999999, Mandant 1-99999; WJ-Beginn; Sachkontenlänge
  4-8; for a Buchungsstapel Datum vom/bis in one calendar year inside the fiscal year,
  Festschreibung 0/1 and a currency; master data leave the booking fields 15-17, 19-22 empty;
- headings (line 2): the column count of the format version, DATEV's headings;
- rows: the field count; no line break or tab in a field; Buchungsstapel: Umsatz
  `^\\d{1,10},\\d{2}$` and not 0,00, S/H, accounts (Sachkonto up to Sachkontenlänge digits,
  Debitor/Kreditor one digit more, not starting with 0), BU-Schlüssel 1-4 digits and never
  on an automatic account, Belegdatum TTMM inside Datum vom/bis, Belegfeld 1 (36 characters
  of A-Z a-z 0-9 $ & % * + - /), the lengths of Belegfeld 2, Buchungstext and KOST;
  Debitoren/Kreditoren and Kontenbeschriftungen: account, addressee type, name lengths.

It reads the file record by record (memory does not grow with the file) and stops listing
after MAX_PROBLEMS problems. The header's rules are in `header_rules`, the rows' in `row_rules`.
"""

import contextlib
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from tenant_store.i18n import _

from .header import BOOKINGS
from .header_rules import check_header
from .reader import RawRecord, decode, field_reader, raw_records, split_fields
from .row_rules import ROW_CHECKS
from .validation import CONTROL, HEADINGS, Context, Full, Problem, Problems, check_controls

MAX_BOOKINGS = 99_999
__all__ = ["MAX_BOOKINGS", "Problem", "validate_bytes", "validate_file"]


def validate_file(path: Path) -> list[Problem]:
    """The problems of the DATEV file at `path` (an empty list: DATEV's rules are met)."""
    with open(path, "rb") as stream:
        return _validate(stream)


def validate_bytes(data: bytes) -> list[Problem]:
    """The problems of a DATEV file's content."""
    return _validate(io.BytesIO(data))


def _validate(stream) -> list[Problem]:
    problems = Problems()
    with contextlib.suppress(Full):
        _check_stream(stream, problems)
    return list(problems)


def _check_stream(stream, problems: Problems) -> None:
    utf8 = stream.read(3) == b"\xef\xbb\xbf"
    stream.seek(0)
    records = raw_records(stream)
    first = next(records, None)
    if first is None:
        problems.add(0, "", _("The file is empty: a DATEV file starts with its header line."))
        return
    header = _fields(first, utf8, problems)
    context = check_header(header[1], problems) if header else None
    if context is None:
        return
    second = next(records, None)
    if second is None:
        problems.add(2, "", _("The column headings (line 2) are missing."))
        return
    headings = _fields(second, utf8, problems)
    if headings is None:
        return
    _check_headings(headings[0], headings[1], context, problems)
    check_row = ROW_CHECKS[context.category]
    # `at`: the line of the record the reader is on, and whether its text has control characters
    rows, at = 0, [0, False]
    reader = field_reader(_texts(records, utf8, problems, at))
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error:  # the reader starts afresh with the next record
            problems.add(at[0], "", _("The quotes of a text field do not match."))
            continue
        rows += 1
        if _check_shape(at[0], fields, context, problems, at[1]):
            check_row(at[0], fields, context, problems)
    if context.category == BOOKINGS and rows > MAX_BOOKINGS:
        problems.add(
            0,
            "",
            _("The file has {rows} bookings; DATEV takes at most {max} per file.").format(
                rows=f"{rows:,}", max=f"{MAX_BOOKINGS:,}"
            ),
        )


def _fields(record: RawRecord, utf8: bool, problems: Problems):
    """(line, fields) of a record, or None after naming why it cannot be read."""
    text = _text(record, utf8, problems)
    if text is None:
        return None
    try:
        return record.line, split_fields(text)
    except csv.Error:
        problems.add(record.line, "", _("The quotes of a text field do not match."))
        return None


def _texts(records, utf8: bool, problems: Problems, at: list[int]) -> Iterator[str]:
    """The decodable records' texts; `at` tells the line of the one given last and whether it
    holds a line break or tab (then its fields are searched for them)."""
    for record in records:
        text = _text(record, utf8, problems)
        if text is not None:
            at[0], at[1] = record.line, CONTROL.search(text) is not None
            yield text


def _text(record: RawRecord, utf8: bool, problems: Problems) -> str | None:
    """A record's text, or None after naming why it cannot be read; line end and encoding."""
    if record.line_end == b"\n":
        problems.add(record.line, "", _("The line ends with LF only; DATEV needs CR LF line ends."))
    try:
        text = decode(record.content, utf8)
    except UnicodeDecodeError as exc:
        byte = record.content[exc.start : exc.start + 1].hex().upper()
        problems.add(
            record.line,
            "",
            _("Byte 0x{byte} is not a Windows-1252 character; DATEV reads Windows-1252.").format(
                byte=byte
            ),
        )
        return None
    if not (utf8 or problems.utf8_named or record.content.isascii()) and _is_utf8(record.content):
        problems.utf8_named = True
        problems.add(
            record.line,
            "",
            _(
                "The text is UTF-8 without a byte order mark: DATEV reads it as Windows-1252 "
                "and garbles every umlaut. Write the file in Windows-1252."
            ),
        )
    return text


def _is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# -- headings and shape ------------------------------------------------------------------------


def _normal(heading: str) -> str:
    return re.sub(r"[^a-z0-9äöüß]", "", heading.lower())


def _check_headings(line: int, fields: list[str], context: Context, problems: Problems) -> None:
    if len(fields) != context.columns:
        problems.add(
            line,
            "",
            _("The headings have {count} columns; this format version has {expected}.").format(
                count=len(fields), expected=context.columns
            ),
        )
    expected = HEADINGS[context.category]
    for i, (found, heading) in enumerate(zip(fields, expected, strict=False)):
        if _normal(found) != _normal(heading):
            problems.add(
                line,
                heading,
                _("Column {n} is headed '{found}'.").format(n=i + 1, found=found),
            )
            return


def _check_shape(
    line: int, fields: list[str], context: Context, problems: Problems, controls: bool = True
) -> bool:
    """Field count and control characters; False if the row cannot be checked further."""
    names = HEADINGS[context.category]
    if controls:
        check_controls(line, fields, lambda i: names[i] if i < len(names) else str(i + 1), problems)
    if len(fields) != context.columns:
        problems.add(
            line,
            "",
            _("The row has {count} fields; this format version has {expected}.").format(
                count=len(fields), expected=context.columns
            ),
        )
        return False
    return True
