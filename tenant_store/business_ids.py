"""Checks of the numbers a business prints on its letters: IBAN, tax number, VAT ID.

The libraries are imported on first use: they are needed when someone types a number, not to
start the program.
"""

import re

from .errors import ValidationError
from .i18n import _


def check_iban(field: str, text: str) -> str:
    """An IBAN in its compact form ('' stays ''); a ValidationError on `field` if it is wrong.

    The message says what is wrong in our words (schwifty's reasons are English only).
    """
    import schwifty

    if not text.strip():
        return ""
    try:
        return str(schwifty.IBAN(text).compact)
    except ValueError as exc:
        raise ValidationError(field, _iban_reason(text.strip(), exc)) from None


def _iban_reason(value: str, exc: ValueError) -> str:
    """Why schwifty refused `value`, by the type of its exception, naming what to fix."""
    from schwifty import exceptions, registry

    compact = "".join(value.split()).upper()
    code = compact[:2]
    if isinstance(exc, exceptions.InvalidCountryCode):
        return _(
            "'{value}' is not a valid IBAN: it must start with a country code such as DE, "
            "and '{code}' is none."
        ).format(value=value, code=code)
    if isinstance(exc, exceptions.InvalidLength):
        return _(
            "'{value}' is not a valid IBAN: it has {count} characters, {kind} has {expected}."
        ).format(
            value=value,
            count=len(compact),
            kind=_iban_of(code),
            expected=registry.get_iban_spec(code).iban_length,
        )
    if isinstance(exc, exceptions.InvalidChecksumDigits):
        return _(
            "'{value}' is not a valid IBAN: its check digits (the 3rd and 4th character) do not "
            "match the rest. Please check it for typing errors."
        ).format(value=value)
    if isinstance(exc, exceptions.InvalidStructure) and _IBAN_CHARACTERS.fullmatch(compact):
        # Only the part after the check digits (the BBAN) does not have the country's form.
        return _(
            "'{value}' is not a valid IBAN: after the check digits, {kind} has {parts}."
        ).format(
            value=value,
            kind=_iban_of(code),
            parts=_bban_parts(registry.get_iban_spec(code).bban_spec),
        )
    if isinstance(exc, exceptions.InvalidStructure):
        return _(
            "'{value}' is not a valid IBAN: it starts with a country code and two check digits, "
            "followed by letters and digits only, e.g. DE89 3704 0044 0532 0130 00."
        ).format(value=value)
    return _("'{value}' is not a valid IBAN.").format(value=value)


# What schwifty accepts as characters: country code, check digits, then letters and digits.
_IBAN_CHARACTERS = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]+")
_BBAN_PART = re.compile(r"(\d+)!?([nace])")


def _iban_of(code: str) -> str:
    """'a German IBAN' for the countries our clerks meet most, else by its country code."""
    known = {
        "DE": _("a German IBAN"),
        "AT": _("an Austrian IBAN"),
        "CH": _("a Swiss IBAN"),
    }
    return known.get(code) or _("an IBAN with the country code {code}").format(code=code)


def _bban_parts(spec: str) -> str:
    """A BBAN format such as '8!n10!n' in words: '18 digits'; '4!a14!n': '4 letters and ...'."""
    counts: list[list] = []  # [kind, count], neighbours of one kind added up
    for count, kind in _BBAN_PART.findall(spec):
        kind = "c" if kind == "e" else kind  # a blank: rare, said as "letters or digits"
        if counts and counts[-1][0] == kind:
            counts[-1][1] += int(count)
        else:
            counts.append([kind, int(count)])
    words = [_bban_words(kind, count) for kind, count in counts]
    if len(words) == 1:
        return words[0]
    return _("{parts} and {last}").format(parts=", ".join(words[:-1]), last=words[-1])


def _bban_words(kind: str, count: int) -> str:
    if kind == "n":
        return _("one digit") if count == 1 else _("{count} digits").format(count=count)
    if kind == "a":
        return _("one letter") if count == 1 else _("{count} letters").format(count=count)
    if count == 1:
        return _("one letter or digit")
    return _("{count} letters or digits").format(count=count)


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
