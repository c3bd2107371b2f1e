"""Accounting > Export > DATEV…: the Buchungsstapel and master data of a period for the adviser.

The period defaults to the previous month, the folder to the tenant's documents folder. The
period can be locked first (Festschreibung): the adviser then imports it as final. The export
runs off the UI thread; the dialog stays open and lists what was written.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.documents.files import documents_dir
from jack_desktop.formats import date_pattern, day, number
from tenant_store import StoreError
from tenant_store.rights import Level

from ..actions import set_tab_chain
from ..context import TenantContext
from ..errors import show_error
from .export_parts import FolderField, export_buttons, outcome_label, run_export

ERROR_STYLE = "color: #b3261e;"
FOLDER = "DATEV"


def previous_month(today: date) -> tuple[date, date]:
    """The first and last day of the month before `today`'s."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), parent)
    edit.setDisplayFormat(date_pattern())
    edit.setCalendarPopup(True)
    return edit


class DatevExportDialog(QDialog):
    """Export a period of the current tenant's books in DATEV's EXTF format."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None  # the last DatevExport
        self.setWindowTitle(ctx.window_title(self.tr("DATEV export")))
        first, last = previous_month(date.today())
        self.date_from = _date_edit(self, first)
        self.date_from.setObjectName("datevFrom")
        self.date_to = _date_edit(self, last)
        self.date_to.setObjectName("datevTo")
        self.range_error = QLabel(self)
        self.range_error.setStyleSheet(ERROR_STYLE)
        self.range_error.hide()
        self.folder = FolderField(documents_dir(ctx.session) / FOLDER, self)
        self.lock = QCheckBox(self.tr("&Lock the period first (Festschreibung)"), self)
        self.lock.setObjectName("datevLock")
        self._allow_lock()
        self.outcome = outcome_label(self, "datevOutcome")
        self.buttons, self.export_button = export_buttons(self)
        self.date_from.dateChanged.connect(self._check_range)
        self.date_to.dateChanged.connect(self._check_range)
        self._build_layout()
        set_tab_chain(self.date_from, self.date_to, self.folder, self.folder.choose, self.lock)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

    def _allow_lock(self) -> None:
        if self.ctx.rights.can("accounting", Level.WRITE):
            self.lock.setToolTip(
                self.tr("Locks the books up to the end date, so DATEV takes them as final.")
            )
            return
        self.lock.setEnabled(False)
        self.lock.setToolTip(
            self.tr("You may read the accounting of tenant {nr} but not lock it.").format(
                nr=self.ctx.nr
            )
        )

    def _build_layout(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.date_to)
        period.addWidget(to_label)
        period.addWidget(self.date_to)
        period.addWidget(self.range_error)
        period.addStretch(1)
        form = QFormLayout()
        from_label = QLabel(self.tr("&Period from:"), self)
        from_label.setBuddy(self.date_from)
        folder_label = QLabel(self.tr("Output &folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(from_label, period)
        form.addRow(folder_label, self.folder)
        form.addRow("", self.lock)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- exporting ----------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def _check_range(self) -> bool:
        first, last = self.period()
        valid = last >= first
        self.range_error.setText("" if valid else self.tr("The end date is before the start date."))
        self.range_error.setVisible(not valid)
        self.export_button.setEnabled(valid)
        return valid

    def export(self) -> None:
        """Write the export files (locking first if chosen) and say what was written."""
        if not self._check_range():
            return
        first, last = self.period()
        folder = self.folder.path()
        if folder is None:
            show_error(self, StoreError(self.tr("Enter the output folder.")))
            return
        lock = self.lock.isChecked()
        if lock and not self._lock_confirmed(last):
            return
        from jack_desktop.datev.export import export_datev

        def work(user, session, progress):
            return export_datev(user, session, first, last, folder, lock=lock, progress=progress)

        result = run_export(self, self.ctx, self.tr("Exporting to DATEV…"), work, folder)
        if result is None:
            return
        self.result_value = result
        self.outcome.setText(self.outcome_text(result))

    def _lock_confirmed(self, last: date) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("DATEV export"),
            self.tr(
                "Lock the books of tenant {nr} up to {day} before the export? A lock cannot "
                "be lifted."
            ).format(nr=self.ctx.nr, day=day(last)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def outcome_text(self, result) -> str:
        """What was written: the files, the rows, and whether it is final (Festschreibung)."""
        files = "\n".join(str(path) for path in result.files)
        locked = (
            self.tr("The period is locked: DATEV imports it as final (Festschreibung).")
            if result.locked
            else self.tr("The period is not locked: DATEV imports it as changeable.")
        )
        summary = self.tr("Postings exported: {rows} ({first} to {last}). Files written:").format(
            rows=number(result.rows), first=day(result.date_from), last=day(result.date_to)
        )
        return f"{summary}\n{files}\n\n{locked}"
