"""A tenant's bookkeeping settings: invoice series, DATEV client, fiscal year, automatic locks.

The invoice series keeps invoice numbers unique per set of books (§ 14 (4) no. 4 UStG):
tenants with central accounting post into tenant 0's books, so each of them and tenant 0
issue invoices under a prefix no other of them uses. A prefix never ends in a digit, so
"M1-" + 7 can never read like another series' number.
"""

import re
from collections.abc import Iterable

from .errors import ValidationError
from .i18n import _

BOOKS_FIELDS = ("invoice_prefix", "datev_adviser", "datev_client", "fiscal_year_start", "lock_day")
PREFIX = re.compile(r"[A-Z0-9/-]{0,9}[A-Z/-]")
ADVISER_RANGE = (1001, 9_999_999)
CLIENT_RANGE = (1, 99_999)


def default_prefix(nr: int, central_accounting: bool) -> str:
    """The series proposed for a new tenant: its own one where it shares tenant 0's books."""
    return f"M{nr}-" if central_accounting and nr != 0 else ""


def check_books_settings(values: dict) -> dict:
    """Checked values of the fields given (ValidationError names the field and the fix)."""
    clean = {}
    for key, value in values.items():
        if key not in BOOKS_FIELDS:
            raise ValidationError(key, _("'{key}' is not a bookkeeping setting.").format(key=key))
        clean[key] = _CHECKS[key](value)
    return clean


def _prefix(value) -> str:
    text = str(value or "").strip().upper()
    if text and not PREFIX.fullmatch(text):
        raise ValidationError(
            "invoice_prefix",
            _(
                "'{value}' cannot be an invoice series: use up to 10 letters, digits, '-' or "
                "'/', ending in a letter, '-' or '/' (for example M1-)."
            ).format(value=text),
        )
    return text


def _whole(field: str, value, low: int, high: int, hint: str) -> int:
    text = str(value).strip() if value is not None else ""
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValidationError(field, hint.format(value=text, low=low, high=high))
    return int(text)


def _optional(field: str, low_high: tuple[int, int], hint: str):
    def check(value) -> int | None:
        if value in (None, ""):
            return None
        return _whole(field, value, *low_high, hint)

    return check


_CHECKS = {
    "invoice_prefix": _prefix,
    "datev_adviser": _optional(
        "datev_adviser",
        ADVISER_RANGE,
        _("'{value}' is no DATEV adviser number (Beraternummer): it is {low} to {high}."),
    ),
    "datev_client": _optional(
        "datev_client",
        CLIENT_RANGE,
        _("'{value}' is no DATEV client number (Mandantennummer): it is {low} to {high}."),
    ),
    "fiscal_year_start": lambda value: _whole(
        "fiscal_year_start",
        value,
        1,
        12,
        _("'{value}' is no month: the fiscal year starts in month {low} to {high}."),
    ),
    "lock_day": lambda value: _whole(
        "lock_day",
        value,
        0,
        28,
        _(
            "'{value}' is no lock day: write the day of the following month ({low} for its "
            "last day, or 1 to {high})."
        ),
    ),
}


def check_series_free(nr: int, prefix: str, sharing: Iterable[tuple[int, str]]) -> None:
    """Refuse a series another tenant of the same books uses: (nr, prefix) of those tenants."""
    for other, theirs in sharing:
        if other != nr and theirs == prefix:
            shown = prefix or _("(no prefix)")
            raise ValidationError(
                "invoice_prefix",
                _(
                    "Tenant {other} issues invoices in the series {prefix} in the same books; "
                    "choose another prefix, for example M{nr}-."
                ).format(other=other, prefix=shown, nr=nr),
            )
