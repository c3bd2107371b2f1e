"""Controlling (R14): revenue and margin per month, travel type and cost centre, with a chart.

Each tenant sees its own figures; tenant 0 can switch to the consolidated figures of every tenant
whose controlling the user may read, shown as one bar per tenant and month.
"""

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.controlling import (
    Consolidated,
    Figures,
    Row,
    consolidated_figures,
    tenant_figures,
)
from jack_desktop.documents.controlling import save_controlling
from jack_desktop.formats import percent
from jack_desktop.money import format_money, format_whole_euros
from tenant_store import Installation, StoreError

from .actions import set_tab_chain
from .bar_chart import BarChart, Series
from .context import TenantContext
from .documents import document_action, make_document, print_button
from .errors import show_error
from .tasks import run_with_progress

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _cell(text: str, right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if right:
        item.setTextAlignment(RIGHT)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def margin_percent(row: Row) -> str:
    """'12,5 %' (German), '12.5%' (English) of revenue, or '–' without revenue."""
    return percent(row.margin_cents, row.revenue_cents) or "–"


class ControllingView(QWidget):
    """Year selector, a monthly revenue chart and tables; tenant 0 adds a consolidated view."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.figures: Figures | Consolidated | None = None
        self._build_actions()
        self._build_layout()
        self.refresh()
        self.year.valueChanged.connect(self.refresh)
        self.consolidated.toggled.connect(self.refresh)

    # -- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)
        self.refresh_action = refresh

    def _build_layout(self) -> None:
        self.chart = BarChart()
        self.chart.setObjectName("revenueChart")
        self.chart.axis_format = format_whole_euros
        self.chart.value_format = format_money
        self.chart.empty_text = self.tr("No firm bookings in this year.")
        self.tabs = QTabWidget()
        self.month_table = self._table(self.tr("Month"))
        self.type_table = self._table(self.tr("Travel type"))
        self.centre_table = self._table(self.tr("Cost centre"))
        self.tenant_table = self._table(self.tr("Tenant"))
        self.tabs.addTab(self.month_table, self.tr("Per &month"))
        self.tabs.addTab(self.type_table, self.tr("Per travel &type"))
        self.tabs.addTab(self.centre_table, self.tr("Per &cost centre"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.tabs)
        splitter.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_row())
        layout.addWidget(splitter, 1)
        set_tab_chain(self.year, self.consolidated, self.print_button, self.tabs)

    def _build_top_row(self) -> QHBoxLayout:
        self.year = QSpinBox()
        self.year.setRange(1900, 2999)
        self.year.setValue(QDate.currentDate().year())
        self.year.setKeyboardTracking(False)  # not a query per typed digit
        label = QLabel(self.tr("&Year:"))
        label.setBuddy(self.year)
        self.consolidated = QCheckBox(self.tr("C&onsolidated (all tenants)"))
        self.consolidated.setVisible(self.ctx.nr == 0)
        self.consolidated.setToolTip(
            self.tr("The figures of every tenant whose controlling you may read, side by side.")
        )
        self.total = QLabel()
        self.total.setObjectName("controllingTotal")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.year)
        row.addSpacing(12)
        row.addWidget(self.consolidated)
        row.addStretch(1)
        row.addWidget(self.total)
        row.addSpacing(12)
        row.addWidget(self._build_print_button())
        return row

    def _build_print_button(self) -> QPushButton:
        self.report_action = document_action(
            self, self.tr("Controlling &report of the year shown"), self.print_report
        )
        self.print_button = print_button(self, [self.report_action])
        return self.print_button

    def _table(self, first: str) -> QTableWidget:
        headers = [
            first,
            self.tr("Bookings"),
            self.tr("Revenue"),
            self.tr("Cost"),
            self.tr("Margin"),
            self.tr("Margin %"),
        ]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # -- loading -------------------------------------------------------------------------------

    def is_consolidated(self) -> bool:
        return self.ctx.nr == 0 and self.consolidated.isChecked()

    def refresh(self) -> None:
        """Read the figures of the chosen year (consolidated off the UI thread)."""
        try:
            figures = self._consolidated() if self.is_consolidated() else self._own()
        except StoreError as exc:
            show_error(self, exc)
            return
        self.show_figures(figures)

    def _own(self) -> Figures:
        return tenant_figures(self.ctx.user, self.ctx.session, self.year.value())

    def _consolidated(self) -> Consolidated:
        root, user, year = self.ctx.inst.root, self.ctx.user, self.year.value()

        def work(progress):
            # Its own connection: the work runs in another thread (see ui/tasks.py).
            with Installation.open(root) as inst, inst.open_session(0) as session:
                return consolidated_figures(user, session, year)

        return run_with_progress(self, self.tr("Consolidating the tenants…"), work)

    def print_report(self) -> None:
        """The figures shown (this tenant's or consolidated) as a PDF report with the chart."""
        year, consolidated = self.year.value(), self.is_consolidated()
        make_document(
            self,
            self.ctx,
            self.tr("Making the controlling report…"),
            lambda user, session: save_controlling(
                user, session, consolidated=consolidated, year=year
            ),
        )

    # -- showing -------------------------------------------------------------------------------

    def show_figures(self, figures: Figures | Consolidated) -> None:
        """Tables, total and chart of one tenant's or the consolidated figures."""
        self.figures = figures
        self._fill(self.month_table, [self._month_row(r) for r in figures.per_month], figures)
        self._fill(self.type_table, figures.per_travel_type, figures)
        self._fill(self.centre_table, figures.per_cost_centre, figures)
        consolidated = isinstance(figures, Consolidated)
        if consolidated:
            tenants = [self._tenant_row(f) for f in figures.tenants]
            self._fill(self.tenant_table, tenants, figures)
        self._show_tenant_tab(consolidated)
        t = figures.total
        self.total.setText(
            self.tr("Revenue {revenue} · margin {margin} ({percent}) · {n} bookings").format(
                revenue=format_money(t.revenue_cents),
                margin=format_money(t.margin_cents),
                percent=margin_percent(t),
                n=t.bookings,
            )
        )
        self._show_chart(figures)

    def _show_tenant_tab(self, shown: bool) -> None:
        index = self.tabs.indexOf(self.tenant_table)
        if shown and index < 0:
            self.tabs.addTab(self.tenant_table, self.tr("Per t&enant"))
        elif not shown and index >= 0:
            self.tabs.removeTab(index)

    def _month_row(self, row: Row) -> Row:
        year, month = (int(part) for part in row.key.split("-"))
        label = f"{self.locale().standaloneMonthName(month)} {year}"
        return Row(row.key, label, row.bookings, row.revenue_cents, row.margin_cents)

    def _tenant_row(self, figures: Figures) -> Row:
        t = figures.total
        label = f"{figures.tenant_nr} {figures.tenant_name}"
        return Row(str(figures.tenant_nr), label, t.bookings, t.revenue_cents, t.margin_cents)

    def _fill(self, table: QTableWidget, rows, figures) -> None:
        total = Row(
            "",
            self.tr("Total"),
            figures.total.bookings,
            figures.total.revenue_cents,
            figures.total.margin_cents,
        )
        table.setRowCount(len(rows) + 1)
        for r, row in enumerate([*rows, total]):
            bold = row is total
            cells = (
                _cell(row.label, bold=bold),
                _cell(str(row.bookings), right=True, bold=bold),
                _cell(format_money(row.revenue_cents), right=True, bold=bold),
                _cell(format_money(row.cost_cents), right=True, bold=bold),
                _cell(format_money(row.margin_cents), right=True, bold=bold),
                _cell(margin_percent(row), right=True, bold=bold),
            )
            for c, item in enumerate(cells):
                table.setItem(r, c, item)

    def _show_chart(self, figures: Figures | Consolidated) -> None:
        """Twelve months of the year; in the consolidated view one bar per tenant."""
        year = self.year.value()
        keys = [date(year, m, 1).strftime("%Y-%m") for m in range(1, 13)]
        short = QLocale.FormatType.ShortFormat
        months = [self.locale().standaloneMonthName(m, short) for m in range(1, 13)]
        if isinstance(figures, Consolidated):
            series = [
                Series(f"{f.tenant_nr} {f.tenant_name}", self._by_month(f, keys))
                for f in figures.tenants
            ]
            title = self.tr("Revenue per month and tenant, {year}").format(year=year)
        else:
            series = [Series(self.tr("Revenue"), self._by_month(figures, keys))]
            title = self.tr("Revenue per month, {year}").format(year=year)
        if not figures.total.bookings:
            series = []
        self.chart.set_data(months, series, title)

    def _by_month(self, figures: Figures, keys: list[str]) -> list[int]:
        found = {row.key: row.revenue_cents for row in figures.per_month}
        return [found.get(key, 0) for key in keys]
