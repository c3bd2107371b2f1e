"""The streaming layer under every document: pages leave memory as they are finished, the
story is drawn from an iterator, and "page x of y" is filled in at the end."""

import io
import tracemalloc

import pypdf
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from jack_desktop.documents import layout as lay
from jack_desktop.documents.flowables import Column, ColumnHeader, FixedRows, Row
from jack_desktop.documents.letterhead import Branding
from jack_desktop.documents.pages import Report, write_pdf
from jack_desktop.documents.streaming import LazyStory
from jack_desktop.money import format_money

EMPTY = dict.fromkeys(("street", "postcode", "city", "country", "phone", "email"), "")
BRANDING = Branding(
    nr=7,
    name="Prüf & Söhne",
    **EMPTY,
    bank_name="",
    iban="",
    bic="",
    tax_number="",
    vat_id="",
    colour=lay.DEFAULT_COLOUR,
    accent=lay.DEFAULT_COLOUR,
    logo=None,
)
COLUMNS = [Column("Nr.", 20 * mm), Column("Text", 150 * mm, fit=True), Column("€", 30 * mm, True)]


def _rows(count: int, batch: int = 100):
    """FixedRows flowables of `count` rows, made only when platypus asks for them."""
    rows = []
    for i in range(count):
        # German amounts whatever the language: what matters here is the text, "€" included
        rows.append(Row((str(i), f"Übertrag Straße € {i}", format_money(i * 101, "de_DE"))))
        if len(rows) == batch:
            yield FixedRows(COLUMNS, rows)
            rows = []
    if rows:
        yield FixedRows(COLUMNS, rows)


def _write(story, out=None) -> tuple[bytes, int]:
    out = out or io.BytesIO()
    pages = Report(BRANDING, "Liste", "Test", "", column_header=ColumnHeader(COLUMNS, lay.RULE))
    count = write_pdf(out, pages, "Liste", story)
    return (out.getvalue() if isinstance(out, io.BytesIO) else b""), count


def test_lazy_story_draws_only_a_few_flowables_ahead():
    taken = []

    def source():
        for i in range(1000):
            taken.append(i)
            yield i

    story = LazyStory(source())
    assert len(story) == 4 and taken == [0, 1, 2, 3]
    assert story[0] == 0
    del story[0]
    story.insert(0, "split part")
    story[0:0] = ["another"]
    assert story[:3] == ["another", "split part", 1]
    del story[:2]
    assert story[0] == 1 and len(taken) < 10


def test_page_totals_are_filled_in_at_the_end():
    data, count = _write(_rows(500))
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)  # xref offsets must be exact
    assert len(reader.pages) == count > 5
    for i, page in enumerate(reader.pages, 1):
        text = " ".join(page.extract_text().split())
        assert f"Page {i} of {count}" in text
        assert text.startswith("Prüf & Söhne")
    last = " ".join(reader.pages[-1].extract_text().replace("\xa0", " ").split())
    assert "Übertrag Straße € 499 503,99 €" in last


def test_metadata_names_the_tenant():
    data, _count = _write([Paragraph("Hallo", lay.styles(lay.DEFAULT_COLOUR)["body"])])
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta.title == "Liste"
    assert meta.author == "Prüf & Söhne"
    assert meta.subject == "Tenant 7 · Prüf & Söhne"


def _peak(rows: int, path) -> tuple[int, int]:
    with path.open("wb") as out:
        tracemalloc.start()
        try:
            _data, pages = _write(_rows(rows), out)
            return tracemalloc.get_traced_memory()[1], pages
        finally:
            tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_pages(tmp_path):
    """Ten times the rows (and pages) take hardly more memory: each finished page goes to the
    output file at once. What remains per page is its object numbers and offsets (about 20
    bytes) for the cross-reference table and the page tree."""
    _write(_rows(100))  # fonts and caches loaded once, outside the measurement
    small, small_pages = _peak(1_500, tmp_path / "small.pdf")
    large, large_pages = _peak(15_000, tmp_path / "large.pdf")
    assert large_pages > 9 * small_pages
    assert large - small < 1_000_000, f"{small:,} -> {large:,} bytes for {large_pages} pages"
