"""Writing a PDF page by page, so that memory does not grow with the length of a document.

reportlab keeps every finished page in memory until `save()` and then builds the whole file as
one bytes object: a journal of 100,000 postings (thousands of pages) would hold all of them,
twice. `StreamingCanvas` writes each page into the output file as soon as it is finished and
forgets it; the objects every page shares (fonts, logo, page tree, catalog) follow at the end.
What stays in memory per page is its object numbers and file offsets, in arrays: the PDF's
cross-reference table and page tree need them (about 20 bytes a page).

`LazyStory` is the other half: platypus takes the flowables from a list, and this list-like
object draws them from an iterator a few at a time, so rows are read as the pages fill.

"Page 3 of 12": the total is unknown while page 3 is written. Each page draws a form XObject
(`draw_page_total`) whose content, the total, is made at `save()`; its object number is taken
when the document starts, so the pages written before can refer to it.

This builds on reportlab's `pdfdoc` internals (object registry, formatting); reportlab is
pinned in setup.cfg, and tests/jack_desktop/test_documents_streaming.py checks the output.
"""

from array import array
from collections.abc import Iterable, Iterator

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

TOTAL_PAGES_FORM = "JackTotalPages"
LOOKAHEAD = 4  # flowables held ahead: enough for keepWithNext of a heading and its table


class _Reserved(pdfdoc.PDFObject):
    """An object number taken now for an object made at save (the page-total form)."""

    __RefOnly__ = 1


class _NumberRef(pdfdoc.PDFObject):
    """A reference to an object already written, by its number."""

    def __init__(self, number: int):
        self.number = number

    def format(self, document) -> bytes:
        return b"%d 0 R" % self.number


class _PageTree(pdfdoc.PDFPages):
    """The page tree, listing the written pages by number instead of holding them."""

    def __init__(self):
        super().__init__()
        self.numbers = array("l")

    def check_format(self, document) -> None:
        self.Kids = pdfdoc.PDFArray([_NumberRef(n) for n in self.numbers])
        self.Count = len(self.numbers)


class StreamingDocument(pdfdoc.PDFDocument):
    """A PDFDocument that writes finished pages at once (made by `StreamingCanvas`)."""

    def start(self, out) -> None:
        self._out = out
        self._position = out.write(pdfdoc.PDFFile(self._pdfVersion).strings[0])
        self._offsets = array("q", [0])  # by object number; 0: not written yet
        self.Pages = self.Catalog.Pages = _PageTree()
        self.Reference(_Reserved(), pdfdoc.xObjectName(TOTAL_PAGES_FORM))

    def addPage(self, page) -> None:  # noqa: N802 (reportlab's name)
        super().addPage(page)
        self.Pages.pages.pop()  # the tree keeps the page's number only
        number = self._write_object(page)  # formatting registers the content stream
        self._write_object(page.Contents)
        self.Pages.numbers.append(number)

    def addForm(self, name, form) -> None:  # noqa: N802 (reportlab's name)
        internal = pdfdoc.xObjectName(name)
        if isinstance(self.idToObject.get(internal), _Reserved):
            form.__InternalName__ = internal
            self.idToObject[internal] = form
            self.inObject = None
            return
        super().addForm(name, form)

    def _write_object(self, obj, forget: bool = True) -> int:
        """Write a registered object now, dropping it from the registry if `forget`."""
        name = obj.__InternalName__
        number = self.idToObjectNumberAndVersion[name][0]
        data = pdfdoc.PDFIndirectObject(name, obj).format(self)
        if len(self._offsets) <= number:
            self._offsets.extend([0] * (number + 1 - len(self._offsets)))
        self._offsets[number] = self._position
        self._position += self._out.write(data)
        if forget:  # nothing refers to a finished page or its content by name any more
            del self.idToObject[name], self.idToObjectNumberAndVersion[name]
            del self.numberToId[number]
        return number

    def _written(self, number: int) -> bool:
        return number < len(self._offsets) and self._offsets[number] != 0

    def finish(self, canvas) -> None:
        """Write what is left (fonts, forms, page tree, catalog), the xref and the trailer."""
        for font in self.delayedFonts:  # what GetPDFData does before formatting
            font.addObjects(self)
        self.info.invariant = self.invariant
        self.info.digest(self.signature)
        root, info = self.Reference(self.Catalog), self.Reference(self.info)
        self.Outlines.prepare(self, canvas)
        if self.Outlines.ready < 0:
            self.Catalog.Outlines = None
        number = 1
        while number <= self.objectcounter:  # formatting may register further objects
            if not self._written(number):
                self._write_object(self.idToObject[self.numberToId[number]], forget=False)
            number += 1
        xref = self._position
        self._out.write(self._xref())
        trailer = pdfdoc.PDFTrailer(
            startxref=xref, Size=self.objectcounter + 1, Root=root, Info=info, ID=self.ID()
        )
        self._out.write(trailer.format(self))

    def _xref(self) -> bytes:
        count = self.objectcounter
        if len(self._offsets) != count + 1 or 0 in self._offsets[1:]:
            raise RuntimeError("a PDF object was registered but never written")
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1)]
        lines += [b"%010d 00000 n \n" % offset for offset in self._offsets[1:]]
        return b"".join(lines)


class StreamingCanvas(Canvas):
    """A canvas whose pages go to the output file as they are finished; draws page totals.

    Give it a binary file object (platypus passes its `filename` through); a path is opened
    here and closed by `save()`.
    """

    total_font = ("Helvetica", 8)
    total_colour = (0, 0, 0)

    def __init__(self, filename, *args, **kwargs):
        super().__init__(filename, *args, **kwargs)
        self._owns_file = not hasattr(filename, "write")
        out = open(filename, "wb") if self._owns_file else filename  # noqa: SIM115 - see save
        self._doc.__class__ = StreamingDocument  # reportlab made it; same state, new methods
        self._doc.start(out)

    def draw_page_total(self, x: float, y: float) -> None:
        """Draw the document's page count with its baseline at (x, y)."""
        self.saveState()
        self.translate(x, y)
        self.doForm(TOTAL_PAGES_FORM)
        self.restoreState()

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        self._make_total_form(self._pageNumber - 1)
        try:
            self._doc.finish(self)
        finally:
            if self._owns_file:
                self._doc._out.close()

    def _make_total_form(self, total: int) -> None:
        self.beginForm(TOTAL_PAGES_FORM)
        self.setFont(*self.total_font)
        self.setFillColorRGB(*self.total_colour)
        self.drawString(0, 0, str(total))
        self.endForm()


class LazyStory:
    """The list operations platypus uses on its story, over an iterator of flowables.

    platypus takes flowables from the front, puts split parts back at the front and looks a
    few ahead (keepWithNext); only those few are held, the rest is still in the iterator.
    """

    def __init__(self, flowables: Iterable):
        self._source: Iterator = iter(flowables)
        self._buffer: list = []

    def _fill(self, count: int) -> None:
        while len(self._buffer) < count:
            try:
                self._buffer.append(next(self._source))
            except StopIteration:
                return

    def _fill_for(self, index) -> None:
        if isinstance(index, slice):
            self._fill(LOOKAHEAD if index.stop is None else max(index.stop, 1))
        else:
            self._fill(index + 1)

    def __len__(self) -> int:
        self._fill(LOOKAHEAD)
        return len(self._buffer)

    def __getitem__(self, index):
        self._fill_for(index)
        return self._buffer[index]

    def __setitem__(self, index, value) -> None:
        self._fill_for(index)
        self._buffer[index] = value

    def __delitem__(self, index) -> None:
        self._fill_for(index)
        del self._buffer[index]

    def insert(self, index: int, value) -> None:
        self._buffer.insert(index, value)
