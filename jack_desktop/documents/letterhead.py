"""A tenant's branding on paper: letterhead, footer with bank details, DIN 5008 address window.

`Branding.of(session)` is the only place documents read a tenant's name, address, colours,
logo and document language, and it reads them for the session's own tenant number: a document
cannot pick up another tenant's branding. The logo is taken only from the tenant's own folder
(a bare file name there).

Positions follow DIN 5008 form B on A4 (mm from the top-left corner): letterhead 0-45, address
field 45-90 at 20 mm from the left (5 lines of return address and notes, then 9 of address),
information block from 50 at 125, fold marks at 105 and 210, hole mark at 148.5, text from 98.5.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from tenant_store import TenantSession
from tenant_store.i18n import _

from ..basedata import document_language
from . import layout as lay

# DIN 5008 form B, in mm
LETTER_LEFT = 25.0  # text margin
LETTER_RIGHT = 20.0
ADDRESS_FIELD_LEFT = 20.0
ADDRESS_FIELD_TOP = 45.0
ADDRESS_FIELD_WIDTH = 85.0
NOTES_ZONE_HEIGHT = 17.7  # return address and notes, above the address proper
ADDRESS_ZONE_HEIGHT = 27.3
INFO_LEFT = 125.0
INFO_TOP = 50.0
BODY_TOP = 98.5
FOLD_MARKS = (105.0, 210.0)
HOLE_MARK = 148.5
FOOTER_HEIGHT = 27.0  # the body ends this far above the bottom edge
LOGO_WIDTH = 48 * mm  # at most; the letterhead's logo box is 48 x 20 mm


@dataclass(frozen=True)
class Branding:
    """How one tenant appears on paper."""

    nr: int
    name: str
    street: str
    postcode: str
    city: str
    country: str
    phone: str
    email: str
    bank_name: str
    iban: str
    bic: str
    tax_number: str
    vat_id: str
    colour: colors.Color
    accent: colors.Color
    logo: Path | None
    language: str = "de"  # the tenant's document language (base-data parameter)

    @classmethod
    def of(cls, session: TenantSession) -> "Branding":
        """The branding of the session's tenant, read from the registry now."""
        info = session.installation.tenant(session.nr)
        b = {k: (v or "").strip() for k, v in info.branding.items()}
        folder = session.installation.tenant_dir(info.nr)
        return cls(
            nr=info.nr,
            name=info.name,
            street=b.get("street", ""),
            postcode=b.get("postcode", ""),
            city=b.get("city", ""),
            country=b.get("country", ""),
            phone=b.get("phone", ""),
            email=b.get("email", ""),
            bank_name=b.get("bank_name", ""),
            iban=b.get("iban", ""),
            bic=b.get("bic", ""),
            tax_number=b.get("tax_number", ""),
            vat_id=b.get("vat_id", ""),
            colour=lay.colour(b.get("colour")),
            accent=lay.colour(b.get("accent_colour"), lay.colour(b.get("colour"))),
            logo=_own_logo(folder, b.get("logo_file", "")),
            language=document_language(session),
        )

    @property
    def town(self) -> str:
        return f"{self.postcode} {self.city}".strip()

    def return_address(self) -> str:
        """The one-line sender above the window address."""
        return " · ".join(p for p in (self.name, self.street, self.town) if p)

    def contact_lines(self) -> list[str]:
        """Address, then phone and e-mail, under the name in the letterhead."""
        phone = _("Phone {number}").format(number=self.phone) if self.phone else ""
        lines = (
            " · ".join(p for p in parts if p)
            for parts in ((self.street, self.town), (phone, self.email))
        )
        return [line for line in lines if line]

    def tax_lines(self) -> list[str]:
        """VAT ID and tax number as printed (§ 14 UStG asks for one of them on invoices)."""
        lines = []
        if self.vat_id:
            lines.append(_("VAT ID {id}").format(id=self.vat_id))
        if self.tax_number:
            lines.append(_("Tax no. {number}").format(number=self.tax_number))
        return lines


def _own_logo(folder: Path, name: str) -> Path | None:
    """The logo file if it is a plain file name inside the tenant's folder, else None."""
    if not name or Path(name).name != name:
        return None
    path = folder / name
    return path if path.is_file() else None


def top(pagesize: tuple[float, float], y_mm: float) -> float:
    """The reportlab y of a position given in mm from the top edge."""
    return pagesize[1] - y_mm * mm


def draw_logo(canv, b: Branding, right: float, top_y: float, max_w: float, max_h: float) -> None:
    """The logo scaled into a box whose top-right corner is (right, top_y); skipped if broken."""
    if b.logo is None:
        return
    try:
        image = ImageReader(str(b.logo))
        w, h = image.getSize()
    except (OSError, ValueError):
        return  # a damaged logo must not stop an invoice
    scale = min(max_w / w, max_h / h)
    canv.drawImage(image, right - w * scale, top_y - h * scale, w * scale, h * scale, mask="auto")


def draw_rule(canv, colour, x1: float, x2: float, y: float, width: float = 0.8) -> None:
    canv.setStrokeColor(colour)
    canv.setLineWidth(width)
    canv.line(x1, y, x2, y)


# -- letters ------------------------------------------------------------------------------------


def draw_letterhead(canv, b: Branding, pagesize) -> None:
    """First page of a letter: name, contact line, logo top right, a thin rule in the colour."""
    left, right = LETTER_LEFT * mm, pagesize[0] - LETTER_RIGHT * mm
    room = right - left - LOGO_WIDTH - 5 * mm  # name and contact line stay clear of the logo
    canv.setFillColor(lay.ink(b.colour))
    canv.setFont(lay.FONT_BOLD, 17)
    canv.drawString(left, top(pagesize, 22), lay.fit(b.name, room, lay.FONT_BOLD, 17))
    canv.setFillColor(lay.MUTED)
    canv.setFont(lay.FONT, 8)
    for i, line in enumerate(b.contact_lines()):
        canv.drawString(left, top(pagesize, 27.5 + i * 3.6), lay.fit(line, room, lay.FONT, 8))
    draw_logo(canv, b, right, top(pagesize, 10), LOGO_WIDTH, 20 * mm)
    draw_rule(canv, b.colour, left, right, top(pagesize, 35), 1.2)


def draw_compact_head(canv, b: Branding, pagesize, right_text: str) -> None:
    """Later pages of a letter: name and what the letter is, above a thin rule."""
    left, right = LETTER_LEFT * mm, pagesize[0] - LETTER_RIGHT * mm
    canv.setFillColor(lay.ink(b.colour))
    canv.setFont(lay.FONT_BOLD, 11)
    canv.drawString(left, top(pagesize, 15), b.name)
    canv.setFillColor(lay.MUTED)
    canv.setFont(lay.FONT, 8.5)
    canv.drawRightString(right, top(pagesize, 15), right_text)
    draw_rule(canv, b.colour, left, right, top(pagesize, 19), 0.8)


def draw_window_address(canv, b: Branding, pagesize, lines: list[str]) -> None:
    """DIN 5008 form B address field: return address at the bottom of the notes zone, then up
    to 9 address lines; text at 5 mm inside the field so it lines up with the letter text."""
    x = (ADDRESS_FIELD_LEFT + 5) * mm
    zone = ADDRESS_FIELD_TOP + NOTES_ZONE_HEIGHT
    sender = lay.fit(b.return_address(), (ADDRESS_FIELD_WIDTH - 10) * mm, lay.FONT, 6.5)
    canv.setFillColor(lay.MUTED)
    canv.setFont(lay.FONT, 6.5)
    canv.drawString(x, top(pagesize, zone - 1.6), sender)
    draw_rule(
        canv, lay.RULE, x, x + stringWidth(sender, lay.FONT, 6.5), top(pagesize, zone - 1.0), 0.3
    )
    canv.setFillColor(lay.TEXT)
    canv.setFont(lay.FONT, 10)
    for i, line in enumerate(lines[:9]):
        canv.drawString(x, top(pagesize, zone + 4.2 + i * 4.23), line)


def draw_info_block(canv, pagesize, rows: list[tuple[str, str]]) -> None:
    """Label/value rows at the right of the address field (invoice number, dates, ...)."""
    x_label, x_value = INFO_LEFT * mm, (INFO_LEFT + 25) * mm
    for i, (label, value) in enumerate(rows):
        y = top(pagesize, INFO_TOP + 3 + i * 4.6)
        canv.setFillColor(lay.MUTED)
        canv.setFont(lay.FONT, 8)
        canv.drawString(x_label, y, label)
        canv.setFillColor(lay.TEXT)
        canv.setFont(lay.FONT, 9)
        canv.drawString(x_value, y, value)


def draw_fold_marks(canv, pagesize) -> None:
    """Fold marks and the hole mark at the left edge (DIN 5008 form B)."""
    marks = ((FOLD_MARKS[0], 5), (HOLE_MARK, 8), (FOLD_MARKS[1], 5))
    for y_mm, length in marks:
        draw_rule(canv, lay.RULE, 3 * mm, (3 + length) * mm, top(pagesize, y_mm), 0.4)


def draw_letter_footer(canv, b: Branding, pagesize, page: int) -> None:
    """ "Page x of y" above the rule; address, contact and tax numbers, bank details."""
    left, right = LETTER_LEFT * mm, pagesize[0] - LETTER_RIGHT * mm
    draw_page_number(canv, right - 22 * mm, 24 * mm, page)
    draw_rule(canv, lay.RULE, left, right, 22 * mm, 0.5)
    phone = _("Phone {number}").format(number=b.phone) if b.phone else ""
    columns = (
        (left, 46 * mm, [b.name, b.street, b.town]),
        (left + 48 * mm, 58 * mm, [phone, b.email, *b.tax_lines()]),
        (left + 108 * mm, right - left - 108 * mm, [b.bank_name, _iban(b), _bic(b)]),
    )
    canv.setFillColor(lay.MUTED)
    for x, width, lines in columns:
        _draw_lines(canv, x, 18 * mm, [line for line in lines if line], width)


def _iban(b: Branding) -> str:
    return f"IBAN {lay.iban(b.iban)}" if b.iban else ""


def _bic(b: Branding) -> str:
    return f"BIC {b.bic}" if b.bic else ""


def _draw_lines(canv, x: float, y: float, lines: list[str], width: float) -> None:
    canv.setFont(lay.FONT, lay.SMALL_SIZE - 0.5)
    for i, line in enumerate(lines):
        canv.drawString(x, y - i * 3.3 * mm, lay.fit(line, width, lay.FONT, lay.SMALL_SIZE - 0.5))


def draw_page_number(canv, x: float, y: float, page: int) -> None:
    """'Page 2 of ' and the total, which the canvas fills in when the document is complete."""
    text = _("Page {page} of").format(page=page) + " "
    canv.setFont(lay.FONT, lay.SMALL_SIZE)
    canv.setFillColor(lay.MUTED)
    canv.drawString(x, y, text)
    canv.draw_page_total(x + stringWidth(text, lay.FONT, lay.SMALL_SIZE), y)


# -- reports ------------------------------------------------------------------------------------

REPORT_MARGIN = 18.0
REPORT_HEAD = 38.0  # mm from the top where a report's content (or column header) starts


def draw_report_head(canv, b: Branding, pagesize, title: str, subtitle: str) -> None:
    """Every page of a report: tenant name, logo, rule, the report's title and what it covers."""
    left, right = REPORT_MARGIN * mm, pagesize[0] - REPORT_MARGIN * mm
    canv.setFillColor(lay.ink(b.colour))
    canv.setFont(lay.FONT_BOLD, 12)
    canv.drawString(left, top(pagesize, 14), b.name)
    draw_logo(canv, b, right, top(pagesize, 7), 40 * mm, 11 * mm)
    draw_rule(canv, b.colour, left, right, top(pagesize, 19.5), 1.0)
    canv.setFillColor(lay.TEXT)
    canv.setFont(lay.FONT_BOLD, 13)
    canv.drawString(left, top(pagesize, 27.5), title)
    canv.setFillColor(lay.MUTED)
    canv.setFont(lay.FONT, 8.5)
    canv.drawString(left, top(pagesize, 32.5), subtitle)


def draw_report_footer(canv, b: Branding, pagesize, page: int, note: str) -> None:
    """Tenant and number, when and by whom it was made, and "Page x of y"."""
    left, right = REPORT_MARGIN * mm, pagesize[0] - REPORT_MARGIN * mm
    draw_rule(canv, lay.RULE, left, right, 14 * mm, 0.5)
    canv.setFillColor(lay.MUTED)
    canv.setFont(lay.FONT, lay.SMALL_SIZE)
    canv.drawString(left, 9.5 * mm, tenant_label(b))
    canv.drawCentredString(pagesize[0] / 2, 9.5 * mm, note)
    draw_page_number(canv, right - 24 * mm, 9.5 * mm, page)


def tenant_label(b: Branding) -> str:
    """'Tenant 1 · Sonnenschein Firmenreisen': which tenant a report belongs to."""
    return _("Tenant {nr}").format(nr=b.nr) + f" · {b.name}"


def printed_note(user: str) -> str:
    """Footer centre of a report: when and by whom it was printed."""
    return _("Printed on {date} by {user}").format(date=lay.day(date.today()), user=user)


def period_note(first: date | None, last: date | None) -> str:
    """What a report covers: 'All postings' or 'From 01.01.2026 to 31.12.2026'."""
    if first and last:
        return _("From {first} to {last}").format(first=lay.day(first), last=lay.day(last))
    if first:
        return _("From {first}").format(first=lay.day(first))
    if last:
        return _("Until {last}").format(last=lay.day(last))
    return _("All dates")
