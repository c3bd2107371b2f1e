"""Flowables of the documents: line items with a carry-over, and fast one-line rows.

`CarryOverTable` decides its own page breaks so that each part can end with "Carried forward"
(the running total so far) and the next part start with it, as German invoices do on long
bookings. `FixedRows` draws one-line rows straight onto the canvas: a platypus Table measures
every cell and is far too slow for a journal of 100,000 postings.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from . import layout as lay


class CarryOverTable(Flowable):
    """Line items whose running total is carried over at every page break."""

    def __init__(
        self,
        header: list,
        rows: list[list],
        amounts: Sequence[int],
        col_widths: list[float],
        *,
        colour,
        carry_label: str,
        carried_in: int | None = None,
        carries_out: bool = False,
    ):
        super().__init__()
        self.header, self.rows, self.amounts = header, rows, list(amounts)
        self.col_widths, self.colour, self.carry_label = col_widths, colour, carry_label
        self.carried_in, self.carries_out = carried_in, carries_out
        self._table: Table | None = None

    def _carry_row(self, cents: int) -> list:
        return [self.carry_label] + [""] * (len(self.col_widths) - 2) + [lay.money(cents)]

    def _build(self, carries_out: bool) -> Table:
        data = [self.header]
        if self.carried_in is not None:
            data.append(self._carry_row(self.carried_in))
        data += self.rows
        if carries_out:
            data.append(self._carry_row((self.carried_in or 0) + sum(self.amounts)))
        table = Table(data, colWidths=self.col_widths, repeatRows=1)
        table.setStyle(self._style(len(data), carries_out))
        return table

    def _style(self, count: int, carries_out: bool) -> TableStyle:
        last_col = len(self.col_widths) - 1
        cmds = [
            ("FONT", (0, 0), (-1, -1), lay.FONT, 9),
            ("TEXTCOLOR", (0, 0), (-1, -1), lay.TEXT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, 0), lay.FONT_BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), lay.tint(self.colour, 0.86)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.colour),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, lay.RULE),
            ("ALIGN", (-3, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        carry_rows = [1] if self.carried_in is not None else []
        carry_rows += [count - 1] if carries_out else []
        for row in carry_rows:
            cmds += [
                ("SPAN", (0, row), (last_col - 1, row)),
                ("ALIGN", (0, row), (-1, row), "RIGHT"),
                ("FONT", (0, row), (-1, row), lay.FONT_BOLD, 9),
                ("TEXTCOLOR", (0, row), (-1, row), lay.MUTED),
                ("BACKGROUND", (0, row), (-1, row), lay.tint(self.colour, 0.94)),
            ]
        return TableStyle(cmds)

    def wrap(self, avail_width, avail_height):
        self._table = self._build(self.carries_out)
        self.width, self.height = self._table.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        """Cut where the rows before, with a carry-over row below them, still fit."""
        probe = self._build(carries_out=True)
        probe.wrap(avail_width, avail_height)
        heights = probe._rowHeights  # header, [carried in], rows..., carried out
        first = 2 if self.carried_in is not None else 1
        room = avail_height - sum(heights[:first]) - heights[-1]
        count = 0
        for height in heights[first:-1]:
            if height > room:
                break
            room -= height
            count += 1
        count = min(count, len(self.rows) - 1)
        if count <= 0:
            return []  # not even one row fits here: the frame moves the table on
        carried = (self.carried_in or 0) + sum(self.amounts[:count])
        return [
            self._part(self.rows[:count], self.amounts[:count], self.carried_in, True),
            self._part(self.rows[count:], self.amounts[count:], carried, self.carries_out),
        ]

    def _part(self, rows, amounts, carried_in, carries_out) -> "CarryOverTable":
        return CarryOverTable(
            self.header,
            rows,
            amounts,
            self.col_widths,
            colour=self.colour,
            carry_label=self.carry_label,
            carried_in=carried_in,
            carries_out=carries_out,
        )

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)


# -- fast one-line rows -------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of one-line rows: its title, width in points and alignment."""

    title: str
    width: float
    right: bool = False
    fit: bool = False  # may be too long: shorten with "…" (text columns)


@dataclass(frozen=True)
class Row:
    """One line; `starts_group` keeps a group (a journal entry) together across pages."""

    cells: tuple[str, ...]
    starts_group: bool = True
    bold: bool = False


ROW_HEIGHT = 4.5 * mm
PAD = 1.2 * mm
SIZE = 9


class ColumnHeader:
    """The column titles of `FixedRows`, drawn by the page template at the top of every page."""

    height = 6.5 * mm

    def __init__(self, columns: Sequence[Column], colour):
        self.columns, self.colour = columns, colour

    def draw(self, canv, x: float, top_y: float) -> None:
        width = sum(c.width for c in self.columns)
        canv.setFillColor(lay.tint(self.colour, 0.86))
        canv.rect(x, top_y - self.height + 1 * mm, width, self.height - 1 * mm, stroke=0, fill=1)
        canv.setFillColor(lay.TEXT)
        canv.setFont(lay.FONT_BOLD, SIZE)
        titles = [c.title for c in self.columns]
        y = top_y - self.height + 2.8 * mm
        _draw_cells(canv, self.columns, x, y, titles, lay.FONT_BOLD, fit_all=True)
        canv.setStrokeColor(self.colour)
        canv.setLineWidth(0.8)
        canv.line(x, top_y - self.height + 1 * mm, x + width, top_y - self.height + 1 * mm)


def _draw_cells(
    canv, columns: Sequence[Column], x: float, y: float, cells, font=lay.FONT, fit_all=False
) -> None:
    text = canv.beginText()
    text.setFont(font, SIZE)
    _put_cells(text, columns, x, y, cells, font, fit_all)
    canv.drawText(text)


def _put_cells(text, columns, x: float, y: float, cells, font: str, fit_all=False) -> None:
    """Cells of one line into a text object: one text object per block of rows instead of one
    per cell is what makes a journal of thousands of pages fast enough."""
    for column, cell in zip(columns, cells, strict=True):
        if cell:
            if column.fit or fit_all:
                cell = lay.fit(cell, column.width - 2 * PAD, font, SIZE)
            left = x + PAD
            if column.right:
                left = x + column.width - PAD - stringWidth(cell, font, SIZE)
            text.setTextOrigin(left, y)
            text.textOut(cell)
        x += column.width


class FixedRows(Flowable):
    """One-line rows of equal height, drawn directly; splits between groups where it can."""

    def __init__(self, columns: Sequence[Column], rows: list[Row]):
        super().__init__()
        self.columns, self.rows = columns, rows
        self.width = sum(c.width for c in columns)
        self.height = len(rows) * ROW_HEIGHT

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def split(self, avail_width, avail_height):
        fits = int(avail_height // ROW_HEIGHT)
        if fits <= 0 or fits >= len(self.rows):
            return []
        starts = [i for i in range(1, fits + 1) if self.rows[i].starts_group]
        cut = starts[-1] if starts else fits  # a group longer than a page is cut anyway
        return [FixedRows(self.columns, self.rows[:cut]), FixedRows(self.columns, self.rows[cut:])]

    def draw(self):
        canv = self.canv
        canv.setStrokeColor(lay.RULE)
        canv.setLineWidth(0.25)
        y = self.height
        for i, row in enumerate(self.rows):
            y -= ROW_HEIGHT
            if row.starts_group and i:
                canv.line(0, y + ROW_HEIGHT, self.width, y + ROW_HEIGHT)
        canv.setFillColor(lay.TEXT)
        text = canv.beginText()
        y = self.height
        for row in self.rows:
            y -= ROW_HEIGHT
            font = lay.FONT_BOLD if row.bold else lay.FONT
            text.setFont(font, SIZE)
            _put_cells(text, self.columns, 0, y + 1.3 * mm, row.cells, font)
        canv.drawText(text)
