"""Our validator accepts what the writer writes and names each broken rule in known-bad files."""

from datetime import date, datetime

import pytest

from jack_desktop.datev import columns as col
from jack_desktop.datev.accounts_file import PersonRecord, account_name_line, person_line
from jack_desktop.datev.bookings import BookingRow, booking_line
from jack_desktop.datev.header import (
    ACCOUNT_NAMES,
    BOOKINGS,
    PERSONS,
    Header,
    header_line,
    headings_line,
)
from jack_desktop.datev.validator import validate_bytes

CRLF = "\r\n"
START, END = date(2026, 1, 1), date(2026, 3, 31)
ROW = BookingRow(11900, "10001", "4400", date(2026, 3, 5), "M1-17", "Rechnung Müller", "100", "1")


def header(category=BOOKINGS, **changes) -> str:
    values = dict(
        category=category,
        adviser=1234567,
        client=10001,
        fiscal_year_start=date(2026, 1, 1),
        exported_by="anna",
        created=datetime(2026, 4, 2, 9, 30),
    )
    if category == BOOKINGS:
        values.update(date_from=START, date_to=END, label="Buchungen Q1")
    return header_line(Header(**{**values, **changes}))


def bookings(*lines: str, head: str | None = None, columns=col.BOOKING_COLUMNS) -> str:
    return CRLF.join([head or header(), headings_line(columns), *lines]) + CRLF


def encoded(text: str) -> bytes:
    return text.encode("cp1252")


def problems_of(data: bytes):
    return validate_bytes(data)


def only(data: bytes, column: str, words: str):
    """The single problem found, in `column`, saying `words`."""
    found = problems_of(data)
    assert len(found) == 1, found
    assert found[0].column == column, found
    assert words in found[0].message, found
    return found[0]


def row_with(**changes) -> str:
    fields = booking_line(ROW).split(";")
    for name, value in changes.items():
        fields[getattr(col, name.upper())] = value
    return ";".join(fields)


# -- what the writer writes passes ---------------------------------------------------------------


def test_a_written_buchungsstapel_passes():
    assert problems_of(encoded(bookings(booking_line(ROW), booking_line(ROW)))) == []


def test_a_header_only_buchungsstapel_passes():
    assert problems_of(encoded(bookings())) == []


def test_written_master_data_pass():
    person = PersonRecord("10001", 1, {col.P_LAST_NAME: "Müller", col.P_FIRST_NAME: "Hans"})
    people = CRLF.join([header(PERSONS), headings_line(col.PERSON_COLUMNS), person_line(person)])
    names = CRLF.join(
        [
            header(ACCOUNT_NAMES),
            headings_line(col.ACCOUNT_NAMES_COLUMNS),
            account_name_line("4400", "Erlöse 19 % USt"),
        ]
    )
    assert problems_of(encoded(people + CRLF)) == []
    assert problems_of(encoded(names + CRLF)) == []


# -- header --------------------------------------------------------------------------------------


def test_a_header_with_30_fields_is_refused():
    short = header().rsplit(";", 1)[0]
    found = only(encoded(bookings(booking_line(ROW), head=short)), "", "30 fields")
    assert found.row == 1


@pytest.mark.parametrize(
    ("position", "value", "column", "words"),
    [
        (0, '"DTVF"', "DATEV-Format-KZ", "EXTF"),
        (1, "510", "Versionsnummer", "700"),
        (3, '"Debitoren/Kreditoren"', "Formatname", "Buchungsstapel"),
        (4, "9", "Formatversion", "10, 11, 12, 13"),
        (5, "2026040209", "Erzeugt am", "YYYYMMDDHHMMSSFFF"),
        (10, "999", "Berater", "1001"),
        (11, "100000", "Mandant", "99999"),
        (12, "20261301", "WJ-Beginn", "YYYYMMDD"),
        (13, "3", "Sachkontenlänge", "4 to 8"),
        (14, "20251201", "Datum bis", "calendar year"),
        (15, "20270105", "Datum bis", "calendar year"),
        (20, "2", "Festschreibung", "0 or 1"),
        (21, '"Euro"', "WKZ", "currency"),
        (26, '"4"', "SKR", "two digits"),
    ],
)
def test_bad_header_values_are_named(position, value, column, words):
    fields = header().split(";")
    fields[position] = value
    assert any(
        p.row == 1 and p.column == column and words in p.message
        for p in problems_of(encoded(bookings(head=";".join(fields))))
    ), problems_of(encoded(bookings(head=";".join(fields))))


def test_master_data_leave_the_booking_fields_of_the_header_empty():
    fields = header(PERSONS).split(";")
    fields[20] = "0"  # Festschreibung
    text = CRLF.join([";".join(fields), headings_line(col.PERSON_COLUMNS)]) + CRLF
    only(encoded(text), "Festschreibung", "empty")


# -- headings and shape --------------------------------------------------------------------------


def test_124_columns_under_version_13_are_refused():
    columns = col.BOOKING_COLUMNS[:124]
    row = booking_line(ROW).rsplit(";", 1)[0]
    found = problems_of(encoded(bookings(row, columns=columns)))
    assert [(p.row, p.message) for p in found] == [
        (2, "The headings have 124 columns; this format version has 125."),
        (3, "The row has 124 fields; this format version has 125."),
    ]


def test_version_12_has_124_columns():
    fields = header().split(";")
    fields[4] = "12"
    row = booking_line(ROW).rsplit(";", 1)[0]
    assert (
        problems_of(
            encoded(bookings(row, head=";".join(fields), columns=col.BOOKING_COLUMNS[:124]))
        )
        == []
    )
    found = problems_of(encoded(bookings(booking_line(ROW), head=";".join(fields))))
    assert "this format version has 124" in found[0].message


def test_a_wrong_heading_is_named():
    columns = list(col.BOOKING_COLUMNS)
    columns[6] = "Kontonummer"
    only(encoded(bookings(columns=tuple(columns))), "Konto", "Kontonummer")


# -- rows ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("12.50", "decimal point"),
        ("-12,50", "negative"),
        ("0,00", "0,00"),
        ("1.234,56", "no amount"),
        ("12345678901,00", "no amount"),
    ],
)
def test_bad_amounts(value, words):
    found = only(encoded(bookings(row_with(umsatz=value))), "Umsatz (ohne Soll/Haben-Kz)", words)
    assert found.row == 3


def test_side_must_be_s_or_h():
    only(encoded(bookings(row_with(soll_haben='"X"'))), "Soll/Haben-Kennzeichen", "S nor H")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("12A0", "digits only"),
        ("123456", "too long"),
        ("01234", "does not start with 0"),
        ("", "digits"),
    ],
)
def test_bad_accounts(value, words):
    only(encoded(bookings(row_with(gegenkonto=value))), "Gegenkonto (ohne BU-Schlüssel)", words)


def test_no_bu_key_on_the_automatic_account_4400():
    only(encoded(bookings(row_with(bu='"3"'))), "BU-Schlüssel", "automatic account")


def test_a_bu_key_has_one_to_four_digits():
    fields = booking_line(ROW).split(";")
    fields[col.GEGENKONTO], fields[col.BU] = "4560", '"12345"'
    only(encoded(bookings(";".join(fields))), "BU-Schlüssel", "1 to 4 digits")


@pytest.mark.parametrize(
    ("value", "words"),
    [("0504", "outside Datum vom/bis"), ("3102", "no day"), ("05032026", "TTMM")],
)
def test_belegdatum_ttmm_inside_the_period(value, words):
    only(encoded(bookings(row_with(belegdatum=value))), "Belegdatum", words)


def test_belegfeld1_of_37_characters_is_refused():
    only(encoded(bookings(row_with(belegfeld1='"' + "A" * 37 + '"'))), "Belegfeld 1", "36")


def test_belegfeld1_with_a_space_is_refused():
    only(encoded(bookings(row_with(belegfeld1='"RE 17"'))), "Belegfeld 1", "other than A-Z")


@pytest.mark.parametrize(
    ("name", "limit"), [("belegfeld2", 12), ("buchungstext", 60), ("kost1", 36), ("kost2", 36)]
)
def test_length_limits(name, limit):
    only(
        encoded(bookings(row_with(**{name: '"' + "x" * (limit + 1) + '"'}))),
        col.BOOKING_COLUMNS[getattr(col, name.upper())],
        str(limit),
    )


def test_a_line_feed_inside_a_text_is_refused():
    found = only(
        encoded(bookings(row_with(buchungstext='"Zeile 1\nZeile 2"'))), "Buchungstext", "line break"
    )
    assert found.row == 3


def test_lf_line_ends_are_refused():
    text = bookings(booking_line(ROW)).replace(CRLF, "\n")
    found = problems_of(encoded(text))
    assert {p.row for p in found} == {1, 2, 3}
    assert all("CR LF" in p.message for p in found)


def test_utf8_without_bom_is_refused_once():
    text = bookings(booking_line(ROW), booking_line(ROW))
    found = problems_of(text.encode("utf-8"))
    assert "UTF-8 without a byte order mark" in found[0].message
    assert [p.message for p in found].count(found[0].message) == 1


def test_utf8_with_bom_is_read():
    text = bookings(booking_line(ROW))
    assert problems_of(b"\xef\xbb\xbf" + text.encode("utf-8")) == []


def test_bytes_windows_1252_does_not_define_are_refused():
    data = encoded(bookings(row_with(buchungstext='"Rechnung X"'))).replace(
        b"Rechnung X", b"Rechnung \x81"
    )
    only(data, "", "0x81")


def test_100000_rows_are_one_too_many():
    line = booking_line(ROW)
    data = encoded(bookings(*([line] * 99_999)))
    assert problems_of(data) == []
    data += encoded(line + CRLF)
    found = only(data, "", "at most 99,999")
    assert found.row == 0 and "100,000 bookings" in found.message


def test_a_debitor_in_the_master_data_has_five_digits():
    person = PersonRecord("1200", 2, {col.P_NAME_COMPANY: "Muster GmbH"})
    text = CRLF.join([header(PERSONS), headings_line(col.PERSON_COLUMNS), person_line(person)])
    only(encoded(text + CRLF), "Konto", "Debitor or Kreditor")


def test_listing_stops_after_a_hundred_problems():
    found = problems_of(encoded(bookings(*([row_with(umsatz="0,00")] * 500))))
    assert len(found) == 101 and found[-1].message == "Further problems are not listed."


def test_broken_quotes_are_named_and_the_next_row_is_still_checked():
    broken = row_with(buchungstext='"Rechnung"17')
    found = problems_of(encoded(bookings(broken, row_with(umsatz="0,00"))))
    assert [(p.row, p.column) for p in found] == [(3, ""), (4, "Umsatz (ohne Soll/Haben-Kz)")]
    assert "quotes" in found[0].message
