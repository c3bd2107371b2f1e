"""Money: Decimal in code, integer cents on disk, German formats for people (babel)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import format_currency

from tenant_store import ValidationError
from tenant_store.i18n import _

CENT = Decimal("0.01")


def parse_amount(field: str, value, *, allow_negative: bool = False) -> Decimal:
    """An amount with at most two decimals; accepts Decimal, int and text like '1.234,56'."""
    if isinstance(value, float):
        raise ValidationError(field, _("Amounts must be given exactly, not as a float."))
    if isinstance(value, str):
        text = value.strip().replace("€", "").replace(" ", "")
        if "," in text:  # German: '.' groups thousands, ',' separates the cents
            text = text.replace(".", "").replace(",", ".")
        value = text
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(
            field, _("'{value}' is not an amount such as 1234,56.").format(value=value)
        ) from None
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


def format_money(cents: int, locale: str = "de_DE", currency: str = "EUR") -> str:
    """'1.234,56 €' (German) or '€1,234.56' (English) for integer cents."""
    return format_currency(from_cents(cents), currency, locale=locale)
