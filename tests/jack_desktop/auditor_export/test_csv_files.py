"""The CSV conventions of the Beschreibungsstandard, written and read back from a real file."""

import csv
import io
from datetime import date

import pytest

from jack_desktop.auditor_export.csv_files import (
    TableWriter,
    format_date,
    format_numeric,
    format_text,
)
from jack_desktop.auditor_export.tables import Table, amount, day, numeric, text

TABLE = Table(
    "sample",
    "Beispiel",
    (numeric("id", "Nummer"),),
    (text("name", "Name"), amount("total", "Betrag"), day("on", "Datum")),
)


@pytest.mark.parametrize(
    ("value", "accuracy", "written"),
    [
        (123456, 2, "1234,56"),
        (-5, 2, "-0,05"),
        (0, 2, "0,00"),
        (-100000, 2, "-1000,00"),  # no grouping symbol
        (42, 0, "42"),
        (7, 3, "0,007"),
        (None, 2, ""),
    ],
)
def test_numbers_have_a_decimal_comma_and_exactly_their_accuracy(value, accuracy, written):
    assert format_numeric(value, accuracy) == written


@pytest.mark.parametrize("value", [1.5, "12", True])
def test_a_numeric_column_takes_only_whole_numbers(value):
    with pytest.raises(TypeError):
        format_numeric(value, 2)


def test_text_is_encapsulated_with_inner_quotes_doubled_and_kept_on_one_line():
    assert format_text('Reisen "Sonne" GmbH') == '"Reisen ""Sonne"" GmbH"'
    assert format_text("Zeile 1\r\nZeile 2\tEnde") == '"Zeile 1  Zeile 2 Ende"'
    assert format_text("") == '""'
    assert format_text(None) == '""'


def test_dates_are_dd_mm_yyyy():
    assert format_date(date(2026, 3, 7)) == "07.03.2026"
    assert format_date(None) == ""


def test_a_table_file_is_windows_1252_with_crlf_and_reads_back(tmp_path):
    with TableWriter(tmp_path, TABLE) as writer:
        writer.write((1, 'Müller "Reisen"; Köln', 123456, date(2026, 1, 31)))
        writer.write((2, "Łódź € 中", -5, None))
    assert writer.rows == 2
    data = (tmp_path / "sample.csv").read_bytes()
    assert data.split(b"\r\n")[1] == b'1;"M\xfcller ""Reisen""; K\xf6ln";1234,56;31.01.2026'
    assert data.count(b"\r\n") == 3 and data.count(b"\n") == 3
    rows = list(csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";"))
    assert rows == [
        ["id", "name", "total", "on"],
        ["1", 'Müller "Reisen"; Köln', "1234,56", "31.01.2026"],
        ["2", "Lódz € ?", "-0,05", ""],  # ó is in Windows-1252, Ł and ź are not
    ]


def test_a_record_must_have_a_value_per_column(tmp_path):
    with TableWriter(tmp_path, TABLE) as writer, pytest.raises(ValueError):
        writer.write((1, "zu kurz"))
