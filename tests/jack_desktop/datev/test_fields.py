"""Single values as DATEV reads them: Windows-1252, quoting, amounts, Belegfeld 1, dates."""

from datetime import date, datetime

import pytest

from jack_desktop.datev.fields import (
    amount,
    belegfeld1,
    clean_text,
    quote,
    timestamp,
    to_cp1252,
    ttmm,
)


def test_text_keeps_what_windows_1252_holds():
    assert to_cp1252("Müller & Söhne – Straße „Nord“ 5 €") == "Müller & Söhne – Straße „Nord“ 5 €"


@pytest.mark.parametrize(
    ("text", "written"),
    [("Łódź", "Lódz"), ("Dvořák", "Dvorák"), ("Đorđe", "Dorde"), ("İstanbul", "Istanbul")],
)
def test_letters_outside_windows_1252_become_their_base_letter(text, written):
    assert to_cp1252(text) == written
    written.encode("cp1252")


def test_a_character_without_base_letter_becomes_a_question_mark():
    assert to_cp1252("Reise 🌴 nach 東京") == "Reise ? nach ??"


def test_text_loses_line_breaks_and_tabs_and_is_cut_after_replacing():
    assert clean_text("Zeile 1\r\nZeile\t2", 60) == "Zeile 1 Zeile 2"
    assert clean_text("Łódź" * 20, 60) == "Lódz" * 15


def test_quotes_are_doubled_and_empty_text_is_two_quotes():
    assert quote('Hotel "Adler"') == '"Hotel ""Adler"""'
    assert quote("") == '""'


@pytest.mark.parametrize(
    ("cents", "text"), [(1, "0,01"), (1250, "12,50"), (123456789, "1234567,89")]
)
def test_amounts_have_a_decimal_comma_and_no_grouping(cents, text):
    assert amount(cents) == text


@pytest.mark.parametrize("cents", [0, -100])
def test_an_amount_is_positive(cents):
    with pytest.raises(ValueError):
        amount(cents)


def test_belegfeld1_keeps_datev_characters_and_36_of_them():
    assert belegfeld1("M1-17") == "M1-17"
    assert belegfeld1("RE M1-17") == "RE-M1-17"
    assert belegfeld1("Büro_1 (Mai)") == "B-ro-1--Mai-"
    assert belegfeld1("X" * 40) == "X" * 36


def test_dates():
    assert ttmm(date(2026, 3, 5)) == "0503"
    assert timestamp(datetime(2026, 11, 2, 9, 8, 7, 654321)) == "20261102090807654"
