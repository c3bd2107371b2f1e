"""Money: Decimal in code, integer cents on disk, formats of the current language (babel)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import (
    NumberFormatError,
    format_currency,
    format_decimal,
    get_decimal_symbol,
    parse_decimal,
)

from tenant_store import ValidationError
from tenant_store.i18n import _, babel_locale

CENT = Decimal("0.01")


def parse_amount(field: str, value, *, allow_negative: bool = False) -> Decimal:
    """An amount with at most two decimals: a Decimal, an int, or text as the current language
    writes it ('1.234,56' in German, '1,234.56' in English); ambiguous text is refused."""
    if isinstance(value, float):
        raise ValidationError(field, _("Amounts must be given exactly, not as a float."))
    amount = _read_text(field, value) if isinstance(value, str) else _exact(field, value)
    if not amount.is_finite():
        raise ValidationError(field, _("'{value}' is not an amount.").format(value=value))
    if amount != amount.quantize(CENT):
        raise ValidationError(
            field, _("{value} has more than two decimals; enter whole cents.").format(value=value)
        )
    if amount < 0 and not allow_negative:
        raise ValidationError(field, _("The amount must not be negative."))
    if abs(amount) >= Decimal(10) ** 13:
        raise ValidationError(field, _("The amount is too large."))
    return amount.quantize(CENT)


def _exact(field: str, value) -> Decimal:
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(field, _("'{value}' is not an amount.").format(value=value)) from None


def _read_text(field: str, text: str) -> Decimal:
    """Text in the current language's number format, strictly: a German '1.000' is a thousand,
    and a '1.00', which could be one or a hundred, is refused with both readings."""
    clean = "".join(text.replace("€", "").split())
    if clean.upper().endswith("EUR"):
        clean = clean[:-3]
    locale = babel_locale()
    example = format_decimal(Decimal("1234.56"), "0.00", locale=locale)
    try:
        return parse_decimal(clean, locale=locale, strict=True)
    except NumberFormatError as exc:
        if exc.suggestions:
            raise ValidationError(
                field,
                _(
                    "'{value}' is unclear: did you mean {choices}? Write amounts like {example}."
                ).format(
                    value=text.strip(), choices=_(" or ").join(exc.suggestions), example=example
                ),
            ) from None
        raise ValidationError(
            field,
            _("'{value}' is not an amount such as {example}.").format(
                value=text.strip(), example=example
            ),
        ) from None


def to_cents(amount: Decimal) -> int:
    """Integer cents of an already checked amount."""
    return int((amount * 100).to_integral_value(ROUND_HALF_UP))


def from_cents(cents: int) -> Decimal:
    """The Decimal amount of integer cents."""
    return (Decimal(cents) / 100).quantize(CENT)


def share_cents(cents: int, numerator: int, denominator: int) -> int:
    """`cents * numerator / denominator`, rounded half up to whole cents (e.g. VAT included)."""
    value = Decimal(cents) * numerator / denominator
    return int(value.to_integral_value(ROUND_HALF_UP))


def format_whole_euros(cents: float) -> str:
    """Rounded to whole euros, for chart axes: '12.000 €' (German), '€12,000' (English)."""
    text = format_money(round(cents / 100) * 100)
    return text.replace(get_decimal_symbol(babel_locale()) + "00", "", 1)


def amount_input(cents: int) -> str:
    """Cents as an amount is typed in the current language: '1234,56' in German, '1234.56' in
    English (no grouping, no currency), which parse_amount reads back."""
    return format_decimal(from_cents(cents), "0.00", locale=babel_locale())


def format_money(cents: int, locale: str | None = None, currency: str = "EUR") -> str:
    """'1.234,56 €' (German) or '€1,234.56' (English) for integer cents; by default in the
    current language: the UI's, or a document's inside `i18n.using_language`."""
    return format_currency(from_cents(cents), currency, locale=locale or babel_locale())
