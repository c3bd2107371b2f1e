"""Writing a table of the auditor's export as the Beschreibungsstandard's defaults read it.

`;` between columns, CRLF after each record, text in `"` with inner quotes doubled, numbers
unquoted with a decimal comma and no grouping, dates DD.MM.YYYY, ANSI (Windows-1252). The
first line names the columns; index.xml tells the reader to start at line 2.
"""

import codecs
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .tables import ALPHANUMERIC, DATE, NUMERIC, Column, Table

ENCODING = "cp1252"
ERRORS = "jack-auditor-ansi"
COLUMN_DELIMITER, RECORD_DELIMITER, TEXT_ENCAPSULATOR = ";", "\r\n", '"'
# A record is one line: a line break or tab inside a text would split it for many readers.
_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\t": " ", "\x0b": " ", "\x0c": " "})
# Letters with a stroke have no decomposition to their base letter.
_STROKED = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t"}


def _nearest_ansi(error: UnicodeEncodeError) -> tuple[str, int]:
    """A character Windows-1252 lacks, as its base letter (ł -> l, ő -> o), else '?'.

    The ANSI code page is the standard's default that every reader understands; the few
    names it cannot spell stay readable instead of stopping the export.
    """
    out = []
    for char in error.object[error.start : error.end]:
        decomposed = unicodedata.normalize("NFKD", _STROKED.get(char, char))
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        try:
            base.encode(ENCODING)
        except UnicodeEncodeError:
            base = "?"
        out.append(base or "?")
    return "".join(out), error.end


codecs.register_error(ERRORS, _nearest_ansi)


def format_numeric(value: int | None, accuracy: int = 0) -> str:
    """A whole number of 10**-accuracy as text with a decimal comma: 123456, 2 -> '1234,56'."""
    if value is None:
        return ""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"a Numeric column takes whole numbers, not {value!r}")
    if accuracy == 0:
        return str(value)
    sign = "-" if value < 0 else ""
    whole, part = divmod(abs(value), 10**accuracy)
    return f"{sign}{whole},{part:0{accuracy}d}"


def format_text(value: object) -> str:
    """Text in the encapsulator, inner encapsulators doubled, on one line."""
    text = "" if value is None else str(value).translate(_LINE_BREAKS)
    doubled = text.replace(TEXT_ENCAPSULATOR, TEXT_ENCAPSULATOR * 2)
    return f"{TEXT_ENCAPSULATOR}{doubled}{TEXT_ENCAPSULATOR}"


def format_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""


def format_value(column: Column, value: object) -> str:
    if column.type == NUMERIC:
        return format_numeric(value, column.accuracy)
    if column.type == DATE:
        return format_date(value)
    assert column.type == ALPHANUMERIC, column.type
    return format_text(value)


class TableWriter:
    """One table's file: the heading line, then a record per `write`; counts the records."""

    def __init__(self, folder: Path, table: Table):
        self.table = table
        self.path = folder / table.url
        self.rows = 0
        self._columns = table.all_columns
        self._file = self.path.open("w", encoding=ENCODING, errors=ERRORS, newline="")
        self._line([format_text(c.name) for c in self._columns])

    def write(self, values: Sequence) -> None:
        """One record; `values` in the table's column order."""
        if len(values) != len(self._columns):
            raise ValueError(
                f"{self.table.name}: {len(values)} values for {len(self._columns)} columns"
            )
        self._line([format_value(c, v) for c, v in zip(self._columns, values, strict=True)])
        self.rows += 1

    def _line(self, fields: list[str]) -> None:
        self._file.write(COLUMN_DELIMITER.join(fields) + RECORD_DELIMITER)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
