"""Accounting > Export > Tax auditor data (GoBD)…: a fiscal year for the tax auditor (Z3).

The data of one fiscal year as a ZIP with the tables and their description (index.xml), for
the Datenträgerüberlassung of an audit. The fiscal year defaults to the last completed one; it
starts in the month set for the books (tenant 0's with central accounting).
"""

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.documents.files import documents_dir
from jack_desktop.formats import number, period
from tenant_store import StoreError

from ..actions import set_tab_chain
from ..context import TenantContext
from ..errors import show_error
from .export_parts import FolderField, export_buttons, outcome_label, run_export

FOLDER = "GoBD"


def fiscal_year_dates(year: int, start_month: int) -> tuple[date, date]:
    """First and last day of the fiscal year that begins in `start_month` of `year`."""
    first = date(year, start_month, 1)
    following = date(year + 1, start_month, 1)
    return first, following - timedelta(days=1)


def last_completed_fiscal_year(today: date, start_month: int) -> int:
    """The year in which the last fiscal year that has ended by `today` began."""
    current = today.year if today.month >= start_month else today.year - 1
    return current - 1


class AuditorExportDialog(QDialog):
    """Export a fiscal year of the current tenant's books for the tax auditor."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None  # the last AuditorExport
        self.setWindowTitle(ctx.window_title(self.tr("Tax auditor data (GoBD)")))
        owner = ctx.inst.tenant(ctx.tenant.books_owner)
        self.start_month = owner.books.get("fiscal_year_start") or 1
        self.year = QSpinBox(self)
        self.year.setObjectName("fiscalYear")
        self.year.setRange(2000, date.today().year)
        self.year.setValue(last_completed_fiscal_year(date.today(), self.start_month))
        self.span = QLabel(self)
        self.folder = FolderField(documents_dir(ctx.session) / FOLDER, self)
        self.outcome = outcome_label(self, "auditorOutcome")
        self.buttons, self.export_button = export_buttons(self)
        self.year.valueChanged.connect(self._show_span)
        self._show_span()
        self._build_layout()
        set_tab_chain(self.year, self.folder, self.folder.choose)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

    def _build_layout(self) -> None:
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.span)
        year_row.addStretch(1)
        year_label = QLabel(self.tr("&Fiscal year:"), self)
        year_label.setBuddy(self.year)
        folder_label = QLabel(self.tr("Output f&older:"), self)
        folder_label.setBuddy(self.folder)
        form = QFormLayout()
        form.addRow(year_label, year_row)
        form.addRow(folder_label, self.folder)
        note = QLabel(
            self.tr(
                "The books of the fiscal year with their description (index.xml), in one "
                "ZIP file for the tax auditor (Datenträgerüberlassung)."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def fiscal_year(self) -> int:
        return self.year.value()

    def _show_span(self) -> None:
        first, last = fiscal_year_dates(self.fiscal_year(), self.start_month)
        self.span.setText(period(first, last))

    def export(self) -> None:
        """Write the ZIP file of the chosen fiscal year and say what is in it."""
        folder = self.folder.path()
        if folder is None:
            show_error(self, StoreError(self.tr("Enter the output folder.")))
            return
        year = self.fiscal_year()
        from jack_desktop.auditor_export.export import export_auditor_data

        def work(user, session, progress):
            folder.mkdir(parents=True, exist_ok=True)  # the default one is new at first
            return export_auditor_data(user, session, year, folder, progress=progress)

        result = run_export(
            self, self.ctx, self.tr("Exporting the tax auditor data…"), work, folder
        )
        if result is None:
            return
        self.result_value = result
        self.outcome.setText(self.outcome_text(result))

    def outcome_text(self, result) -> str:
        """The ZIP file written and the rows of each table in it."""
        head = self.tr("Fiscal year {span} written to:").format(
            span=period(result.date_from, result.date_to)
        )
        tables = "\n".join(
            self.tr("{table}: {rows} rows").format(table=name, rows=number(rows))
            for name, rows in result.tables.items()
        )
        return f"{head}\n{result.path}\n\n{tables}"
