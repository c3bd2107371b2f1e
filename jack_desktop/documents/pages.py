"""Page templates (letters and reports), the one function that writes every document, and
the one switch into the tenant's document language.

Every page of every document is drawn for one `Branding`, and the PDF's metadata names the
tenant too (author, subject, keywords), so a saved file says which tenant it belongs to even
where the page shows only the tenant's name.

A document's `_render(data, out)` is decorated with `in_document_language`: it draws in the
language of `data.branding`, the tenant's document language, whatever the clerk's UI shows.
Reading the data (`_load`) stays outside it, so a refusal is told in the clerk's language.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from tenant_store.i18n import using_language

from . import layout as lay
from . import letterhead as lh
from .flowables import ColumnHeader
from .streaming import LazyStory, StreamingCanvas

Render = Callable[[Any, BinaryIO], int]  # (data with a `branding`, out) -> page count


def in_document_language(render: Render) -> Render:
    """Wrap a document's `render(data, out)` so that every text, amount and date it draws is
    in `data.branding.language` (a context variable: other threads keep their language)."""

    @functools.wraps(render)
    def rendered(data, out: BinaryIO) -> int:
        with using_language(data.branding.language):
            return render(data, out)

    return rendered


class DocumentCanvas(StreamingCanvas):
    """The streaming canvas with the page total in the footer's font."""

    total_font = (lay.FONT, lay.SMALL_SIZE)
    total_colour = (lay.MUTED.red, lay.MUTED.green, lay.MUTED.blue)


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(
        x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name
    )


@dataclass(frozen=True)
class Letter:
    """A letter to a customer: DIN 5008 form B first page, compact head on later pages."""

    branding: lh.Branding
    address: list[str]
    info: list[tuple[str, str]]
    reference: str  # what the letter is, repeated in the head of later pages
    pagesize: tuple[float, float] = lay.PORTRAIT

    def templates(self) -> list[PageTemplate]:
        width, height = self.pagesize
        x = lh.LETTER_LEFT * mm
        text_width = width - (lh.LETTER_LEFT + lh.LETTER_RIGHT) * mm
        bottom = lh.FOOTER_HEIGHT * mm
        first = _frame(x, bottom, text_width, height - lh.BODY_TOP * mm - bottom, "first")
        later = _frame(x, bottom, text_width, height - 25 * mm - bottom, "later")
        return [
            PageTemplate("first", [first], onPage=self._first, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=self._later),
        ]

    def _first(self, canv, doc) -> None:
        lh.draw_letterhead(canv, self.branding, self.pagesize)
        lh.draw_window_address(canv, self.branding, self.pagesize, self.address)
        lh.draw_info_block(canv, self.pagesize, self.info)
        lh.draw_fold_marks(canv, self.pagesize)
        lh.draw_letter_footer(canv, self.branding, self.pagesize, doc.page)

    def _later(self, canv, doc) -> None:
        lh.draw_compact_head(canv, self.branding, self.pagesize, self.reference)
        lh.draw_fold_marks(canv, self.pagesize)
        lh.draw_letter_footer(canv, self.branding, self.pagesize, doc.page)


@dataclass(frozen=True)
class Report:
    """An internal report: the same head on every page, optionally with column titles."""

    branding: lh.Branding
    title: str
    subtitle: str
    note: str  # footer centre: when and by whom it was made
    pagesize: tuple[float, float] = lay.PORTRAIT
    column_header: ColumnHeader | None = None

    def templates(self) -> list[PageTemplate]:
        width, height = self.pagesize
        margin = lh.REPORT_MARGIN * mm
        head = lh.REPORT_HEAD * mm + (self.column_header.height if self.column_header else 0)
        bottom = 19 * mm
        frame = _frame(margin, bottom, width - 2 * margin, height - head - bottom, "report")
        return [PageTemplate("report", [frame], onPage=self._page)]

    def _page(self, canv, doc) -> None:
        b = self.branding
        lh.draw_report_head(canv, b, self.pagesize, self.title, self.subtitle)
        if self.column_header:
            top = lh.top(self.pagesize, lh.REPORT_HEAD)
            self.column_header.draw(canv, lh.REPORT_MARGIN * mm, top)
        lh.draw_report_footer(canv, b, self.pagesize, doc.page, self.note)


def write_pdf(out: BinaryIO, pages: Letter | Report, title: str, story: Iterable) -> int:
    """Lay out `story` (flowables, may be a generator) on `pages` into `out`; the page count."""
    lay.register_fonts()
    b = pages.branding
    doc = BaseDocTemplate(
        out,
        pagesize=pages.pagesize,
        title=title,
        author=b.name,
        subject=lh.tenant_label(b),
        keywords=[lh.tenant_label(b), f"jack-tenant:{b.nr}"],
        creator="Jack Desktop",
        initialFontName=lay.FONT,
        initialFontSize=lay.BODY_SIZE,
        pageCompression=1,
    )
    doc.addPageTemplates(pages.templates())
    doc.build(LazyStory(story), canvasmaker=DocumentCanvas)
    return doc.page
