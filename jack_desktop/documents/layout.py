"""What every document shares: the embedded font, text styles, A4 geometry, formats.

Documents use one TrueType font shipped in resources/fonts (DejaVu Sans), embedded as a subset
in every PDF: the 14 standard PDF fonts cannot print "€" reliably everywhere, and a font of the
system would make the output depend on the machine. Money (from integer cents), numbers and
dates are formatted with babel in the language being rendered, which is the tenant's document
language while a document is drawn (`i18n.using_language`): "1.234,56 €" and "23.11.2026" in
German, "€1,234.56" and "23/11/2026" in English.
"""

from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tenant_store.i18n import babel_locale

from ..formats import day, number, percent, period  # noqa: F401 (the documents' formats)
from ..money import format_money

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT = "JackSans"
FONT_BOLD = "JackSans-Bold"

PORTRAIT = A4
LANDSCAPE = landscape(A4)
TEXT = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#c8c8c8")
DEFAULT_COLOUR = colors.HexColor("#34495e")

BODY_SIZE = 9.5
SMALL_SIZE = 7.5


@cache
def register_fonts() -> None:
    """Register the shipped TTF fonts once per process (reportlab keeps a global registry)."""
    # Page contents compressed, not also ASCII85-encoded (reportlab's default): a quarter
    # smaller and faster; only PDF files for 7-bit channels need the encoding.
    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)


# -- formats ------------------------------------------------------------------------------------


def money(cents: int) -> str:
    """'1.234,56 €' from integer cents (never through float)."""
    return format_money(cents, locale=babel_locale())


def month(value: date, pattern: str = "MMMM yyyy") -> str:
    """'Mai 2027', 'May 2027': a month in the language being rendered."""
    return format_date(value, pattern, locale=babel_locale())


def iban(value: str) -> str:
    """An IBAN in groups of four, as printed on letters."""
    compact = "".join((value or "").split()).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def colour(value: str | None, default: colors.Color = DEFAULT_COLOUR) -> colors.Color:
    """A tenant colour ('#1f5f8b'); the default where it is missing or not a colour."""
    try:
        return colors.HexColor(value) if value else default
    except (ValueError, TypeError):
        return default


def tint(base: colors.Color, amount: float) -> colors.Color:
    """`base` mixed with white: amount 0 is `base`, 1 is white (table headers, stripes)."""
    return colors.Color(*(c + (1 - c) * amount for c in (base.red, base.green, base.blue)))


def ink(base: colors.Color) -> colors.Color:
    """`base` darkened where it is too light to read as text on white (a yellow, say)."""
    luminance = 0.2126 * base.red + 0.7152 * base.green + 0.0722 * base.blue
    if luminance <= 0.45:
        return base
    return colors.Color(base.red * 0.6, base.green * 0.6, base.blue * 0.6)


@lru_cache(maxsize=1024)
def fit(text: str, width: float, font: str = FONT, size: float = BODY_SIZE) -> str:
    """`text` shortened with '…' to fit `width` points (one-line cells). A small bounded
    cache: account names and the like repeat on every page of a journal."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with "…" lies in [low, high)
    while low < high - 1:
        middle = (low + high) // 2
        if pdfmetrics.stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle
    return text[:low].rstrip() + "…"


# -- paragraph styles ---------------------------------------------------------------------------


def styles(accent: colors.Color) -> dict[str, ParagraphStyle]:
    """The paragraph styles of a document in the tenant's colour."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=BODY_SIZE, leading=12.5, textColor=TEXT)
    return {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=SMALL_SIZE + 0.5, leading=10.5),
        "muted": ParagraphStyle("muted", body, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=11.2),
        "cell_right": ParagraphStyle(
            "cell_right", body, fontSize=9, leading=11.2, alignment=TA_RIGHT
        ),
        "subject": ParagraphStyle(
            "subject", body, fontName=FONT_BOLD, fontSize=12, leading=15, spaceAfter=8
        ),
        "heading": ParagraphStyle(
            "heading",
            body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ink(accent),
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "total": ParagraphStyle("total", body, fontName=FONT_BOLD, fontSize=10),
    }
