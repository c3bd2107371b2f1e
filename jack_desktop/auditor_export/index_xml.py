"""index.xml: the description of the export in the Beschreibungsstandard (GDPdU DTD 2004).

Written by hand rather than with ElementTree: the record delimiter CRLF must appear as the
character references `&#13;&#10;` (a raw CR in XML text is read back as LF), and the
DOCTYPE naming the DTD beside the file is part of the standard.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from .csv_files import COLUMN_DELIMITER, TEXT_ENCAPSULATOR, format_date
from .tables import ALPHANUMERIC, DATE, DATE_FORMAT, NUMERIC, Column, Table

DTD_NAME = "gdpdu-01-09-2004.dtd"
INDEX_NAME = "index.xml"
VERSION = "1.0"
FIRST_DATA_LINE = 2  # line 1 names the columns


@dataclass(frozen=True)
class Supplier:
    """Who supplies the data (DataSupplier: name, location and a comment)."""

    name: str
    location: str
    comment: str


def index_xml(
    tables: Sequence[Table],
    *,
    supplier: Supplier,
    media: str,
    date_from: date,
    date_to: date,
) -> str:
    """The text of index.xml describing `tables` (UTF-8, as its declaration says)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<!DOCTYPE DataSet SYSTEM "{DTD_NAME}">',
        "<DataSet>",
        _el(1, "Version", VERSION),
        "  <DataSupplier>",
        _el(2, "Name", supplier.name),
        _el(2, "Location", supplier.location),
        _el(2, "Comment", supplier.comment),
        "  </DataSupplier>",
        "  <Media>",
        _el(2, "Name", media),
    ]
    for table in tables:
        lines.extend(_table(table, date_from, date_to))
    lines += ["  </Media>", "</DataSet>", ""]
    return "\n".join(lines)


def _el(depth: int, tag: str, value: str) -> str:
    return f"{'  ' * depth}<{tag}>{escape(value)}</{tag}>"


def _table(table: Table, date_from: date, date_to: date) -> list[str]:
    lines = [
        "    <Table>",
        _el(3, "URL", table.url),
        _el(3, "Name", table.name),
        _el(3, "Description", table.description),
    ]
    if table.of_period:
        lines += [
            "      <Validity>",
            "        <Range>",
            _el(5, "From", format_date(date_from)),
            _el(5, "To", format_date(date_to)),
            "        </Range>",
            _el(4, "Format", DATE_FORMAT),
            "      </Validity>",
        ]
    lines += [
        "      <ANSI/>",
        _el(3, "DecimalSymbol", ","),
        _el(3, "DigitGroupingSymbol", "."),
        "      <Range>",
        _el(4, "From", str(FIRST_DATA_LINE)),
        "      </Range>",
        "      <VariableLength>",
        _el(4, "ColumnDelimiter", COLUMN_DELIMITER),
        "        <RecordDelimiter>&#13;&#10;</RecordDelimiter>",
        _el(4, "TextEncapsulator", TEXT_ENCAPSULATOR),
    ]
    lines += [line for c in table.primary_key for line in _column("VariablePrimaryKey", c)]
    lines += [line for c in table.columns for line in _column("VariableColumn", c)]
    for key in table.foreign_keys:
        lines.append("        <ForeignKey>")
        lines += [_el(5, "Name", name) for name in key.columns]
        lines.append(_el(5, "References", key.references))
        lines.append("        </ForeignKey>")
    lines += ["      </VariableLength>", "    </Table>"]
    return lines


def _column(tag: str, column: Column) -> list[str]:
    lines = [f"        <{tag}>", _el(5, "Name", column.name)]
    if column.description:
        lines.append(_el(5, "Description", column.description))
    lines += _type(column)
    lines.append(f"        </{tag}>")
    return lines


def _type(column: Column) -> list[str]:
    pad = "  " * 5
    if column.type == NUMERIC:
        if column.accuracy:
            return [f"{pad}<Numeric>", _el(6, "Accuracy", str(column.accuracy)), f"{pad}</Numeric>"]
        return [f"{pad}<Numeric/>"]
    if column.type == DATE:
        return [f"{pad}<Date>", _el(6, "Format", DATE_FORMAT), f"{pad}</Date>"]
    assert column.type == ALPHANUMERIC, column.type
    lines = [f"{pad}<AlphaNumeric/>"]
    if column.max_length:
        lines.append(_el(5, "MaxLength", str(column.max_length)))
    return lines
