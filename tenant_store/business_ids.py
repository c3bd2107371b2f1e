"""Checks of the numbers a business prints on its letters: IBAN, tax number, VAT ID.

The libraries are imported on first use: they are needed when someone types a number, not to
start the program.
"""

from .errors import ValidationError
from .i18n import _


def check_iban(field: str, text: str) -> str:
    """An IBAN in its compact form ('' stays ''); a ValidationError on `field` if it is wrong."""
    import schwifty

    if not text.strip():
        return ""
    try:
        return str(schwifty.IBAN(text).compact)
    except ValueError as exc:
        raise ValidationError(
            field,
            _("'{value}' is not a valid IBAN ({reason}).").format(value=text.strip(), reason=exc),
        ) from None


def iban_problem(text: str) -> str | None:
    """Why `text` is not a valid IBAN, or None if it is (or is empty)."""
    try:
        check_iban("iban", text)
    except ValidationError as exc:
        return exc.message
    return None


def check_tax_number(text: str, country: str) -> str:
    """A German Steuernummer (regional '21/815/08150' or 13 digits), as typed; '' stays ''.

    Only German numbers have a known form; another country's number is taken as it is.
    """
    from stdnum.de import stnr
    from stdnum.exceptions import ValidationError as Invalid

    text = " ".join(text.split())
    if not text or country != "DE":
        return text
    try:
        stnr.validate(text)
    except Invalid:
        raise ValidationError(
            "tax_number",
            _(
                "'{value}' is not a German tax number: write it as on the tax office's letter, "
                "e.g. 21/815/08150, or as 13 digits."
            ).format(value=text),
        ) from None
    return text


def check_vat_id(text: str) -> str:
    """A VAT ID of an EU country in its compact form (DE136695976); '' stays ''."""
    from stdnum.eu import vat
    from stdnum.exceptions import ValidationError as Invalid

    if not text.strip():
        return ""
    try:
        return vat.validate(text)
    except Invalid:
        raise ValidationError(
            "vat_id",
            _(
                "'{value}' is not a valid VAT ID: it starts with the country code and its "
                "check digit must match, e.g. DE136695976."
            ).format(value=text.strip()),
        ) from None
