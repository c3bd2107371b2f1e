"""Dates for people in the current language: the UI's, or a document's inside using_language.

One pattern per language, used by babel here and by Qt's date fields (the same letters), so a
date reads the same in a list, an input field and a PDF.
"""

from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from tenant_store.i18n import babel_locale, current_language

DATE_PATTERNS = {"de": "dd.MM.yyyy", "en": "dd/MM/yyyy"}
PERCENT_PATTERNS = {"de": "#,##0.0\xa0%", "en": "#,##0.0%"}


def date_pattern() -> str:
    """'dd.MM.yyyy' (German) or 'dd/MM/yyyy' (English), for babel and QDateEdit alike."""
    return DATE_PATTERNS.get(current_language(), DATE_PATTERNS["en"])


def day(value: date | None) -> str:
    """'23.11.2026' (German), '23/11/2026' (English); empty for no date."""
    if not value:
        return ""
    return format_date(value, date_pattern(), locale=babel_locale())


def day_time(value: datetime) -> str:
    """'23.11.2026 14:05' (German), '23/11/2026 14:05' (English)."""
    return format_datetime(value, f"{date_pattern()} HH:mm", locale=babel_locale())


def number(value: int) -> str:
    """'12.345' (German thousands separator), '12,345' (English)."""
    return format_decimal(value, locale=babel_locale())


def percent(part: int, whole: int) -> str:
    """'12,5 %' (German) or '12.5%' (English) of two integers; empty where `whole` is 0."""
    if not whole:
        return ""
    pattern = PERCENT_PATTERNS.get(current_language(), PERCENT_PATTERNS["en"])
    return format_percent(Decimal(part) / Decimal(whole), pattern, locale=babel_locale())


def period(first: date | None, last: date | None) -> str:
    """'01.05.2027 – 08.05.2027', one date if both are the same, empty if none."""
    if first and last and first != last:
        return f"{day(first)} – {day(last)}"
    return day(first or last)
