"""How single values are written in a DATEV file: Windows-1252 text, quoting, amounts, dates.

DATEV reads Windows-1252 (UTF-8 only with a BOM, which not every import path accepts), so text
is brought into that character set here, before lengths are counted: a limit of 60 means 60
characters of what DATEV will see. A character Windows-1252 lacks becomes its base letter
where it has one (Ł -> L, ő -> o), else '?': a row is never dropped for a name.
"""

import re
import unicodedata
from datetime import date, datetime

SEPARATOR = ";"
LINE_END = "\r\n"
ENCODING = "cp1252"
BELEG1_MAX = 36
BELEG1_ALLOWED = re.compile(r"[^A-Za-z0-9$&%*+\-/]")
_CONTROL = re.compile(r"[\r\n\t\x00-\x1f\x7f\x85\u2028\u2029]+")
# Letters NFKD does not decompose into an ASCII base letter.
_BASE_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i", "ŀ": "l", "Ŀ": "L"}
)


def to_cp1252(text: str) -> str:
    """`text` with every character Windows-1252 cannot hold replaced (never raises)."""
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        return "".join(_cp1252_char(c) for c in text)


def _cp1252_char(char: str) -> str:
    try:
        char.encode(ENCODING)
        return char
    except UnicodeEncodeError:
        pass
    char = char.translate(_BASE_LETTERS)
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    try:
        return base.encode(ENCODING).decode(ENCODING) if base else "?"
    except UnicodeEncodeError:
        return "?"


def clean_text(value: object, limit: int) -> str:
    """Text for one field: no line breaks or tabs, Windows-1252, at most `limit` characters."""
    text = value if isinstance(value, str) else str(value or "")
    if not text.isprintable():  # line breaks, tabs, other control characters
        text = _CONTROL.sub(" ", text)
    return to_cp1252(text.strip())[:limit].rstrip()


def quote(text: str) -> str:
    """A text field: in double quotes, inner quotes doubled (an empty text is "")."""
    return '"' + text.replace('"', '""') + '"'


def text_field(value: object, limit: int) -> str:
    """`clean_text` in quotes."""
    return quote(clean_text(value, limit))


def amount(cents: int) -> str:
    """Umsatz: always positive, decimal comma, no thousands separator ('1234,56')."""
    if cents <= 0:
        raise ValueError(f"a DATEV amount is positive: {cents}")
    return f"{cents // 100},{cents % 100:02d}"


def belegfeld1(text: str) -> str:
    """Belegfeld 1: at most 36 of A-Z a-z 0-9 $ & % * + - /, anything else becomes '-'."""
    return BELEG1_ALLOWED.sub("-", text.strip())[:BELEG1_MAX]


def ttmm(day: date) -> str:
    """Belegdatum: day and month (the year comes from the header)."""
    return f"{day.day:02d}{day.month:02d}"


def ymd(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def timestamp(moment: datetime) -> str:
    """'Erzeugt am': YYYYMMDDHHMMSSFFF."""
    return moment.strftime("%Y%m%d%H%M%S") + f"{moment.microsecond // 1000:03d}"
