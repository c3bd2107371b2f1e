"""Journal entries become Buchungsstapel rows: lines paired, personal accounts, 4400 folded."""

from datetime import date

import pytest

from jack_desktop.datev.bookings import booking_line, rows_of
from jack_desktop.datev.columns import BOOKING_COLUMNS, KOST1, KOST2
from jack_desktop.datev.journal import Entry, EntryLine
from jack_desktop.formats import day
from tenant_store import ValidationError

DAY = date(2026, 3, 5)


def entry(*lines, document="M1-17", reference="RE M1-17", tenant_nr=0) -> Entry:
    """An entry of (account, debit, credit[, personal account[, cost centre]]) lines."""
    rows = tuple(
        EntryLine(
            line[0],
            line[1],
            line[2],
            line[4] if len(line) > 4 else "",
            line[3] if len(line) > 3 else "",
        )
        for line in lines
    )
    return Entry(7, DAY, reference, "Rechnung", tenant_nr, document, rows)


def table(rows):
    return [(r.cents, r.konto, r.gegenkonto) for r in rows]


def test_two_lines_make_one_row_from_debit_to_credit():
    rows = rows_of(entry(("1800", 5000, 0), ("6310", 0, 5000)))
    assert table(rows) == [(5000, "1800", "6310")]
    assert rows[0].beleg1 == "M1-17" and rows[0].day == DAY


def test_lines_are_paired_greedily_in_order():
    margin = entry(
        ("1200", 100000, 0, "10004"),
        ("4010", 0, 98084),
        ("3806", 0, 1916),
        ("5900", 88000, 0, "", "100"),
        ("3300", 0, 50000, "70001"),
        ("3300", 0, 38000, "70002"),
    )
    assert table(rows_of(margin)) == [
        (98084, "10004", "4010"),
        (1916, "10004", "3806"),
        (50000, "5900", "70001"),
        (38000, "5900", "70002"),
    ]


def test_the_personal_account_replaces_the_collective_account():
    payment = entry(("1800", 11900, 0), ("1200", 0, 11900, "10001"))
    assert table(rows_of(payment)) == [(11900, "1800", "10001")]


def test_vat_is_folded_into_4400_as_the_gross_amount():
    fee = entry(("1200", 11900, 0, "10001"), ("4400", 0, 10000, "", "200"), ("3806", 0, 1900))
    (row,) = rows_of(fee)
    assert (row.cents, row.konto, row.gegenkonto, row.kost1) == (11900, "10001", "4400", "200")


def test_a_reversed_fee_folds_on_the_debit_side():
    credit_note = entry(("1200", 0, 11900, "10001"), ("4400", 10000, 0), ("3806", 1900, 0))
    assert table(rows_of(credit_note)) == [(11900, "4400", "10001")]


def test_half_cent_vat_is_rounded_half_up_like_datev():
    # 19 % of 1,50 gross is 0,2395 -> 0,24 (net 1,26)
    assert table(rows_of(entry(("1600", 150, 0), ("4400", 0, 126), ("3806", 0, 24)))) == [
        (150, "1600", "4400")
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [("1200", 11800, 0, "10001"), ("4400", 0, 10000), ("3806", 0, 1800)],  # 18 %
        [("1800", 10000, 0), ("4400", 0, 10000)],  # no VAT at all
    ],
)
def test_4400_without_exactly_19_percent_is_refused_naming_the_entry(lines):
    with pytest.raises(ValidationError) as caught:
        rows_of(entry(*lines))
    assert caught.value.field == "entry"
    assert f"Entry 7 of {day(DAY)} (RE M1-17)" in caught.value.message
    assert "4400" in caught.value.message


def test_kost2_carries_the_branch_only_for_shared_books():
    fee = entry(("1800", 5000, 0), ("6310", 0, 5000, "", "300"), tenant_nr=1)
    assert rows_of(fee)[0].kost2 == ""
    (row,) = rows_of(fee, branch=True)
    assert (row.kost1, row.kost2) == ("300", "1")


def test_belegfeld1_falls_back_to_the_reference():
    rows = rows_of(
        entry(("1800", 5000, 0), ("6310", 0, 5000), document="", reference="BA 202601-1")
    )
    assert rows[0].beleg1 == "BA-202601-1"


def test_a_row_is_a_line_of_125_fields():
    (row,) = rows_of(
        entry(("1800", 5000, 0), ("6310", 0, 5000, "", "100"), tenant_nr=1), branch=True
    )
    fields = booking_line(row).split(";")
    assert len(fields) == len(BOOKING_COLUMNS) == 125
    assert fields[:14] == [
        "50,00",
        '"S"',
        '"EUR"',
        "",
        "",
        "",
        "1800",
        "6310",
        '""',
        "0503",
        '"M1-17"',
        '""',
        "",
        '"Rechnung"',
    ]
    assert (fields[KOST1], fields[KOST2]) == ('"100"', '"1"')
