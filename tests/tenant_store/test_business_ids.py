"""IBAN, tax number and VAT ID: what a tenant's letters and invoices print."""

import pytest

from tenant_store import ValidationError
from tenant_store.business_ids import check_iban, check_tax_number, check_vat_id, iban_problem
from tenant_store.tenant_validation import check_branding


def test_iban_problem_names_the_reason_and_accepts_valid_ibans():
    assert iban_problem("DE89 3704 0044 0532 0130 00") is None
    assert iban_problem("") is None
    assert iban_problem("DE00 1234").startswith("'DE00 1234' is not a valid IBAN: ")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("DE89 3704 0044 0532 0130 0", "it has 21 characters, a German IBAN has 22."),
        ("at61 1904 3002 3457 320", "it has 19 characters, an Austrian IBAN has 20."),
        ("GB82 WEST 1234 5698 7654 3", "an IBAN with the country code GB has 22."),
        ("XX89 3704 0044 0532 0130 00", "start with a country code such as DE, and 'XX' is none"),
        ("DE88 3704 0044 0532 0130 00", "its check digits (the 3rd and 4th character) do not"),
        ("DE89 37O4 0044 0532 0130 00", "after the check digits, a German IBAN has 18 digits."),
        ("GB82 1EST 1234 5698 7654 32", "has 4 letters and 14 digits."),
        ("DE89-3704", "followed by letters and digits only, e.g. DE89 3704"),
    ],
)
def test_a_wrong_iban_is_explained_in_our_words_not_the_librarys(typed, reason):
    with pytest.raises(ValidationError) as refused:
        check_iban("iban", typed)
    assert refused.value.field == "iban"
    assert refused.value.message.startswith(f"'{typed}' is not a valid IBAN: ")
    assert reason in refused.value.message
    assert "Invalid" not in refused.value.message  # schwifty's own wording


def test_a_valid_iban_is_kept_compact():
    assert check_iban("iban", "de89 3704 0044 0532 0130 00") == "DE89370400440532013000"


def test_german_tax_numbers_in_both_forms_are_accepted_as_typed():
    assert check_tax_number("21/815/08150", "DE") == "21/815/08150"
    assert check_tax_number(" 5133081508159 ", "DE") == "5133081508159"
    assert check_tax_number("", "DE") == ""


def test_another_countrys_tax_number_is_taken_as_it_is():
    assert check_tax_number("12 345/6789", "AT") == "12 345/6789"


def test_a_vat_id_is_checked_and_stored_compact():
    assert check_vat_id("DE 136 695 976") == "DE136695976"
    assert check_vat_id("ATU13585627") == "ATU13585627"


@pytest.mark.parametrize(
    ("branding", "field", "hint"),
    [
        ({"tax_number": "123"}, "tax_number", "21/815/08150"),
        ({"vat_id": "DE136695977"}, "vat_id", "check digit"),
        ({"vat_id": "136695976"}, "vat_id", "country code"),
        ({"iban": "DE00 1234"}, "iban", "not a valid IBAN"),
    ],
)
def test_wrong_numbers_are_refused_naming_the_field_and_the_fix(branding, field, hint):
    with pytest.raises(ValidationError) as error:
        check_branding(branding)
    assert error.value.field == field
    assert hint in error.value.message


def test_branding_keeps_valid_numbers_in_their_printed_form():
    clean = check_branding(
        {"country": "DE", "tax_number": "21/815/08150", "vat_id": "de136695976", "iban": ""}
    )
    assert clean == {
        "country": "DE",
        "tax_number": "21/815/08150",
        "vat_id": "DE136695976",
        "iban": "",
    }
