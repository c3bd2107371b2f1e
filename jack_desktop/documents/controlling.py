"""The controlling report of a tenant, or consolidated in tenant 0 (R14), with a bar chart.

The figures and what they mean are `jack_desktop.controlling`'s (firm bookings, by month of
travel). The chart shows the monthly revenue, one bar per tenant in the consolidated report;
its series are told apart by shades of the printing tenant's colours, not by the other
tenants' own colours: a document shows one tenant's branding only.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from tenant_store import TenantSession
from tenant_store.i18n import _

from ..controlling import Consolidated, Figures, Row, consolidated_figures, tenant_figures
from . import files
from . import layout as lay
from . import letterhead as lh
from .pages import Report, in_document_language, write_pdf

CHART_WIDTH = 174 * mm
SECTION_ROOM = 40 * mm  # a section heading starts a new page with less room than this
CHART_HEIGHT = 68 * mm
LEGEND_HEIGHT = 12 * mm


@dataclass(frozen=True)
class ControllingData:
    user: str
    branding: lh.Branding
    figures: Figures | Consolidated

    @property
    def consolidated(self) -> bool:
        return isinstance(self.figures, Consolidated)


def write_controlling(
    user: str,
    session: TenantSession,
    out: BinaryIO,
    *,
    consolidated: bool = False,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> int:
    """Write the controlling report (of this tenant, or consolidated in tenant 0)."""
    return _render(_load(user, session, consolidated, year, date_from, date_to), out)


def save_controlling(
    user: str,
    session: TenantSession,
    *,
    consolidated: bool = False,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Path:
    """Save it as `Dokumente/Controlling[-konsolidiert]-<today>.pdf` in the tenant's folder."""
    data = _load(user, session, consolidated, year, date_from, date_to)
    path = files.report_path(session, "Controlling", consolidated=consolidated)
    return files.write_atomically(path, lambda out: _render(data, out))


def _load(user, session, consolidated, year, first, last) -> ControllingData:
    read = consolidated_figures if consolidated else tenant_figures
    figures = read(user, session, year, date_from=first, date_to=last)
    return ControllingData(user, lh.Branding.of(session), figures)


@in_document_language
def _render(data: ControllingData, out: BinaryIO) -> int:
    b, f = data.branding, data.figures
    title = _("Consolidated controlling") if data.consolidated else _("Controlling")
    subtitle = lh.period_note(f.period.first, f.period.last)
    if data.consolidated:
        numbers = ", ".join(str(t.tenant_nr) for t in f.tenants)
        subtitle += " · " + _("Tenants {numbers}").format(numbers=numbers)
    pages = Report(b, title, subtitle, lh.printed_note(data.user))
    return write_pdf(out, pages, f"{title} – {b.name}", _story(data))


def _story(data: ControllingData) -> list:
    f, colour = data.figures, data.branding.colour
    styles = lay.styles(colour)
    if not f.total.bookings:
        return [Paragraph(_("There are no firm bookings in this period."), styles["body"])]
    story = [Paragraph(_summary(f.total), styles["body"]), Spacer(1, 4 * mm)]
    story.append(
        KeepTogether(
            [Paragraph(_("Revenue per month"), styles["heading"]), _chart(data), Spacer(1, 2 * mm)]
        )
    )
    if data.consolidated:
        rows = [_tenant_row(t) for t in f.tenants]
        story += _section(_("Per tenant"), _("Tenant"), rows, f.total, colour, styles)
    months = [Row(r.key, _month(r.key, "MMMM yyyy"), *_counts(r)) for r in f.per_month]
    story += _section(_("Per month"), _("Month"), months, f.total, colour, styles)
    story += _section(
        _("Per travel type"), _("Travel type"), f.per_travel_type, f.total, colour, styles
    )
    story += _section(
        _("Per cost centre"), _("Cost centre"), f.per_cost_centre, f.total, colour, styles
    )
    return story


def _counts(r: Row) -> tuple[int, int, int]:
    return r.bookings, r.revenue_cents, r.margin_cents


def _tenant_row(t: Figures) -> Row:
    label = _("Tenant {nr}").format(nr=t.tenant_nr) + f" · {t.tenant_name}"
    return Row(str(t.tenant_nr), label, *_counts(t.total))


def _summary(total: Row) -> str:
    return _("{bookings} firm bookings, revenue {revenue}, margin {margin} ({share}).").format(
        bookings=lay.number(total.bookings),
        revenue=lay.money(total.revenue_cents),
        margin=lay.money(total.margin_cents),
        share=lay.percent(total.margin_cents, total.revenue_cents),
    )


def _month(key: str, pattern: str) -> str:
    year, month = (int(part) for part in key.split("-"))
    return lay.month(date(year, month, 1), pattern)


def _section(title: str, first: str, rows, total: Row, colour, styles) -> list:
    header = [first, _("Bookings"), _("Revenue"), _("Cost"), _("Margin"), _("Margin %")]
    # "(none)" was labelled in the UI language when the figures were read; the document's here.
    labels = [r.label if r.key else _("(none)") for r in rows]
    data = [header] + [_cells(label, r) for label, r in zip(labels, rows, strict=True)]
    data.append(_cells(_("Total"), total))
    widths = [66 * mm, 18 * mm, 24 * mm, 24 * mm, 24 * mm, 18 * mm]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_style(colour))
    # Not keepWithNext: that would move a long table whole to the next page. A heading only
    # needs a few rows of room below it; the table splits and repeats its header.
    heading = ParagraphStyle("section", styles["heading"], keepWithNext=0)
    return [CondPageBreak(SECTION_ROOM), Paragraph(title, heading), table]


def _cells(label: str, r: Row) -> list[str]:
    return [
        lay.fit(label, 64 * mm, lay.FONT, 8.5),
        lay.number(r.bookings),
        lay.money(r.revenue_cents),
        lay.money(r.cost_cents),
        lay.money(r.margin_cents),
        lay.percent(r.margin_cents, r.revenue_cents),
    ]


def _style(colour) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), lay.FONT, 8.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), lay.TEXT),
            ("FONT", (0, 0), (-1, 0), lay.FONT_BOLD, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), lay.tint(colour, 0.86)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour),
            ("LINEBELOW", (0, 1), (-1, -2), 0.25, lay.RULE),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("FONT", (0, -1), (-1, -1), lay.FONT_BOLD, 8.5),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colour),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]
    )


# -- the chart ----------------------------------------------------------------------------------


def _months(data: ControllingData) -> list[str]:
    """Every month from the first to the last with figures: a gap shows as a month of 0."""
    keys = [r.key for r in data.figures.per_month]
    year, month = (int(part) for part in keys[0].split("-"))
    months = []
    while not months or months[-1] < keys[-1]:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _series(data: ControllingData, months: list[str]) -> list[tuple[str, list[int]]]:
    """(legend label, revenue per month in whole euros) per bar series."""
    f = data.figures
    tenants = f.tenants if data.consolidated else (f,)
    series = []
    for t in tenants:
        revenue = {r.key: r.revenue_cents for r in t.per_month}
        label = lay.fit(f"{t.tenant_nr} · {t.tenant_name}", 70 * mm, lay.FONT, 7.5)
        series.append((label, [revenue.get(m, 0) // 100 for m in months]))
    return series


def _palette(b: lh.Branding, count: int) -> list[colors.Color]:
    """Shades of the printing tenant's colour and accent, enough for `count` series."""
    shades = [b.colour, b.accent, lay.tint(b.colour, 0.45), lay.tint(b.accent, 0.45)]
    shades += [colors.HexColor(c) for c in ("#555555", "#8c8c8c", "#b5b5b5", "#2f2f2f")]
    return [shades[i % len(shades)] for i in range(count)]


def _chart(data: ControllingData) -> Drawing:
    months = _months(data)
    series = _series(data, months)
    below = LEGEND_HEIGHT if data.consolidated else 0  # the legend, under the month labels
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT + below)
    drawing.initialFontName = lay.FONT  # else the renderer starts with Helvetica, not embedded
    chart = VerticalBarChart()
    chart.x, chart.y = 22 * mm, below + 14 * mm
    chart.width, chart.height = CHART_WIDTH - 26 * mm, CHART_HEIGHT - 20 * mm
    chart.data = [values for _label, values in series]
    _scale(chart, max((max(values) for _label, values in series), default=0))
    chart.categoryAxis.categoryNames = [_month(m, "MM/yy") for m in months]
    _style_axes(chart)
    for i, shade in enumerate(_palette(data.branding, len(series))):
        chart.bars[i].fillColor = shade
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if data.consolidated:
        drawing.add(_legend(series, _palette(data.branding, len(series))))
    drawing.add(String(0, below + CHART_HEIGHT - 4 * mm, "€", fontName=lay.FONT, fontSize=8))
    return drawing


def _scale(chart: VerticalBarChart, highest: int) -> None:
    """A round top and step for the value axis (1, 2 or 5 times a power of ten), so that the
    highest bar stays under the top grid line."""
    step = 1
    while highest / step > 6:
        step *= {1: 2, 2: 2.5, 5: 2}[int(str(step)[0])]
        step = int(step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = max(step, -(-highest // step) * step)


def _style_axes(chart: VerticalBarChart) -> None:
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = lay.FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = lambda v: lay.number(int(v))
    chart.valueAxis.gridStrokeColor = lay.RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.strokeColor = lay.MUTED
    chart.categoryAxis.labels.fontName = lay.FONT
    chart.categoryAxis.labels.fontSize = 7
    # Slanted: two years of months side by side would overlap written straight.
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dx = 3
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = lay.MUTED
    chart.barSpacing = 0.5
    chart.groupSpacing = 4


def _legend(series, palette) -> Legend:
    legend = Legend()
    legend.x, legend.y = 22 * mm, LEGEND_HEIGHT - 1 * mm
    legend.alignment = "right"
    legend.fontName = lay.FONT
    legend.fontSize = 7.5
    legend.columnMaximum = 2  # two entries above each other, then the next column
    legend.deltax = 80 * mm
    legend.dx, legend.dy = 6, 6
    legend.colorNamePairs = [(palette[i], label) for i, (label, _v) in enumerate(series)]
    return legend
