"""Amounts are read as the UI language writes them, and never guessed."""

from decimal import Decimal

import pytest

from jack_desktop.money import format_money, parse_amount
from tenant_store import ValidationError


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.000", "1000.00"),  # a German clerk's one thousand euros, not one euro
        ("1.234", "1234.00"),
        ("1.234,56", "1234.56"),
        ("1.234,56 €", "1234.56"),
        ("1234,5", "1234.50"),
        ("12", "12.00"),
    ],
)
def test_german_amounts_are_read_as_germans_write_them(german, text, amount):
    assert parse_amount("price", text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1,000.50", "1000.50"), ("€1,234.56", "1234.56"), ("1.5", "1.50"), ("1000", "1000.00")],
)
def test_english_amounts_are_read_as_the_english_write_them(text, amount):
    assert parse_amount("price", text) == Decimal(amount)


def test_an_ambiguous_german_amount_is_refused_with_both_readings(german):
    with pytest.raises(ValidationError) as refused:
        parse_amount("Preis", "1.00")
    assert refused.value.field == "Preis"
    assert "100" in refused.value.message and "1234,56" in refused.value.message


def test_what_the_money_format_writes_is_read_back_in_both_languages(german):
    for cents in (0, 5, 123456, 100000000):
        assert parse_amount("price", format_money(cents)) == Decimal(cents) / 100


def test_english_format_round_trips_too():
    for cents in (0, 5, 123456, 100000000):
        assert parse_amount("price", format_money(cents)) == Decimal(cents) / 100


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12.34.5,6x"])
def test_text_that_is_no_amount_names_the_field(german, text):
    with pytest.raises(ValidationError) as refused:
        parse_amount("Anzahlung", text)
    assert refused.value.field == "Anzahlung"
