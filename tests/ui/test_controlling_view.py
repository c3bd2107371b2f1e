"""Controlling view: a year's figures in tables and a revenue chart; tenant 0 consolidates."""

from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPointF

from tests.jack_desktop.agency import booked, build_agency
from ui.bar_chart import BarChart, Series, nice_step
from ui.controlling_view import ControllingView


@pytest.fixture
def agency(inst3):
    agency = build_agency(inst3)
    with agency.open_session(0) as s0, agency.open_session(2) as s2:
        booked(s0)  # May 2027: revenue 1.000,00 €, cost 880,00 €
        booked(s2)
        booked(s2, travel_from=date(2027, 7, 1), travel_to=date(2027, 7, 8))
    return agency


@pytest.fixture
def open_view(qtbot, agency, open_context):
    # Month names follow the locale; the tests read the English ones whatever the machine's.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    def make(nr, user="anna"):
        view = ControllingView(open_context(agency, nr, user))
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.year.setValue(2027)
        return view

    yield make
    QLocale.setDefault(QLocale.system())


def _rows(table):
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_tenant_sees_its_months_with_a_totals_row_and_a_chart(open_view):
    view = open_view(2)
    assert not view.consolidated.isVisibleTo(view)
    assert [row[:3] for row in _rows(view.month_table)] == [
        ["May 2027", "1", "€1,000.00"],
        ["July 2027", "1", "€1,000.00"],
        ["Total", "2", "€2,000.00"],
    ]
    assert _rows(view.month_table)[-1][3:] == ["€1,760.00", "€240.00", "12.0%"]
    assert [s.label for s in view.chart.series] == ["Revenue"]
    assert view.chart.series[0].values == [0] * 4 + [100_000, 0, 100_000] + [0] * 5
    assert "240.00" in view.total.text()


def test_tenant_0_consolidated_shows_a_bar_series_per_tenant(open_view):
    view = open_view(0)
    assert view.consolidated.isVisibleTo(view)
    view.consolidated.setChecked(True)
    labels = [s.label for s in view.chart.series]
    assert labels == ["0 Hauptmandant", "1 Reisebüro Nord", "2 Süd Reisen GmbH", "3 West"]
    assert view.chart.series[2].values[4] == 100_000
    assert view.tabs.tabText(3) == "Per t&enant"
    assert _rows(view.tenant_table)[-1][:3] == ["Total", "3", "€3,000.00"]
    view.consolidated.setChecked(False)
    assert view.tabs.count() == 3 and len(view.chart.series) == 1


def test_a_year_without_bookings_says_so(open_view):
    view = open_view(1)
    view.year.setValue(2030)
    assert view.chart.series == [] and view.chart.empty_text
    assert _rows(view.month_table) == [["Total", "0", "€0.00", "€0.00", "€0.00", "–"]]


def test_the_chart_has_a_bar_for_each_value_and_finds_it_under_the_mouse(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_data(["Jan", "Feb"], [Series("A", [100, 300]), Series("B", [200, 0])])
    bars = chart.bar_rects()
    assert len(bars) == 4
    heights = {(s, c): rect.height() for s, c, rect in bars}
    assert heights[(0, 1)] == pytest.approx(3 * heights[(0, 0)])
    s, c, rect = bars[2]
    assert chart.bar_at(QPointF(rect.center())) == (s, c)
    assert "A: Jan: 100" in chart.describe()
    chart.grab()  # paints without error


def test_nice_steps_are_round():
    assert nice_step(1000) == 200
    assert nice_step(2_345_000) == 500_000
    assert nice_step(0) == 1
