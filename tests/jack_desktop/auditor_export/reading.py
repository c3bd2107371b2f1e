"""Reading an auditor export back the way an auditor's program does: from index.xml alone.

index.xml is validated against the DTD shipped in the same ZIP; each table is then read by
what index.xml says of it (URL, encoding, first line, delimiters, column names and types),
every value checked against its declared type and converted: Numeric to int or Decimal
(with exactly Accuracy decimals), Date to date, AlphaNumeric to str within MaxLength.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from lxml import etree

DTD_NAME = "gdpdu-01-09-2004.dtd"


@dataclass
class Column:
    name: str
    type: str
    accuracy: int = 0
    max_length: int | None = None


@dataclass
class TableSpec:
    name: str
    url: str
    first_line: int
    primary_key: list[str]
    columns: list[Column]
    foreign_keys: list[tuple[tuple[str, ...], str]]


@dataclass
class Export:
    names: list[str]  # the ZIP's members
    index: etree._Element
    specs: dict[str, TableSpec]
    tables: dict[str, list[dict]] = field(default_factory=dict)
    raw: dict[str, bytes] = field(default_factory=dict)


# The official DTD declares Media as (Name, Command*, Table*, Command*, AcceptNoTables?),
# which is not deterministic (a Command after no Table fits either Command*): libxml2
# refuses to validate with it. This model accepts exactly the same sequences.
MEDIA_OFFICIAL = b"<!ELEMENT Media (Name, Command*, Table*, Command*, AcceptNoTables?)>"
MEDIA_DETERMINISTIC = b"<!ELEMENT Media (Name, Command*, (Table+, Command*)?, AcceptNoTables?)>"


def dtd_for_libxml2(text: bytes) -> etree.DTD:
    """The shipped DTD, its one non-deterministic model restated so that lxml can use it."""
    assert text.count(MEDIA_OFFICIAL) == 1
    return etree.DTD(io.BytesIO(text.replace(MEDIA_OFFICIAL, MEDIA_DETERMINISTIC)))


def validated_index(archive: zipfile.ZipFile) -> etree._Element:
    """index.xml parsed without fetching anything, and valid by the DTD in the ZIP."""
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    root = etree.fromstring(archive.read("index.xml"), parser)
    assert root.getroottree().docinfo.system_url == DTD_NAME
    dtd = dtd_for_libxml2(archive.read(DTD_NAME))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def read_export(path: Path) -> Export:
    with zipfile.ZipFile(path) as archive:
        root = validated_index(archive)
        specs = {spec.name: spec for spec in map(_spec, root.iter("Table"))}
        export = Export(archive.namelist(), root, specs)
        for spec in specs.values():
            data = archive.read(spec.url)
            export.raw[spec.name] = data
            export.tables[spec.name] = _rows(spec, data)
    return export


def _spec(table: etree._Element) -> TableSpec:
    assert table.find("ANSI") is not None, "the tables are written in ANSI (Windows-1252)"
    assert table.findtext("DecimalSymbol") == ","
    layout = table.find("VariableLength")
    assert layout.findtext("ColumnDelimiter") == ";"
    assert layout.findtext("RecordDelimiter") == "\r\n"
    assert layout.findtext("TextEncapsulator") == '"'
    keys = [_column(c) for c in layout.findall("VariablePrimaryKey")]
    columns = keys + [_column(c) for c in layout.findall("VariableColumn")]
    foreign = [
        (tuple(n.text for n in fk.findall("Name")), fk.findtext("References"))
        for fk in layout.findall("ForeignKey")
    ]
    return TableSpec(
        table.findtext("Name"),
        table.findtext("URL"),
        int(table.findtext("Range/From") or 1),
        [c.name for c in keys],
        columns,
        foreign,
    )


def _column(element: etree._Element) -> Column:
    name = element.findtext("Name")
    if element.find("Numeric") is not None:
        return Column(name, "Numeric", int(element.findtext("Numeric/Accuracy") or 0))
    if element.find("Date") is not None:
        assert element.findtext("Date/Format") == "DD.MM.YYYY"
        return Column(name, "Date")
    assert element.find("AlphaNumeric") is not None
    limit = element.findtext("MaxLength")
    return Column(name, "AlphaNumeric", max_length=int(limit) if limit else None)


def _rows(spec: TableSpec, data: bytes) -> list[dict]:
    assert data.count(b"\n") == data.count(b"\r\n"), f"{spec.url}: a record not ended by CRLF"
    reader = csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";")
    lines = list(reader)
    names = [c.name for c in spec.columns]
    assert lines[0] == names, f"{spec.url}: the heading differs from index.xml"
    rows = []
    for number, fields in enumerate(lines[spec.first_line - 1 :], spec.first_line):
        assert len(fields) == len(names), f"{spec.url} line {number}: {fields}"
        rows.append(
            {c.name: _value(c, v, spec.url) for c, v in zip(spec.columns, fields, strict=True)}
        )
    return rows


def _value(column: Column, text: str, url: str):
    where = f"{url} {column.name} {text!r}"
    if column.type == "Numeric":
        if text == "":
            return None
        if column.accuracy:
            assert re.fullmatch(rf"-?\d+,\d{{{column.accuracy}}}", text), where
            return Decimal(text.replace(",", "."))
        assert re.fullmatch(r"-?\d+", text), where
        return int(text)
    if column.type == "Date":
        if text == "":
            return None
        assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", text), where
        return datetime.strptime(text, "%d.%m.%Y").date()
    assert column.max_length is None or len(text) <= column.max_length, where
    return text


def cents(value: Decimal) -> int:
    return int(value * 100)


def in_period(value: date, first: date, last: date) -> bool:
    return first <= value <= last
