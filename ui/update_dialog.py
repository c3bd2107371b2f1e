"""Schema updates from the client (R10): an administrator runs them, a clerk is told to ask one.

The store decides the order (sub-tenants before tenant 0) and backs up every file before it
changes it; this dialog only shows the plan, runs it off the UI thread and reports the result.
"""

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tenant_store import Installation, StoreError
from tenant_store.updates import UpdateStep, migrate, plan
from tenant_store.users import rights_in

from .errors import show_error
from .tasks import Progress, run_with_progress


def needs_update(inst: Installation) -> bool:
    """True if any file is behind the program. A file that is ahead raises SchemaTooNew."""
    return bool(plan(inst))


def may_update(inst: Installation, login: str) -> bool:
    """Updates change tenant 0's files and the installation database: its administrators may."""
    return rights_in(inst, login, 0).tenant_admin


def offer_update(inst: Installation, login: str, parent: QWidget | None = None) -> bool:
    """On start: run the update dialog for an administrator, or tell anybody else to ask one.

    Returns True when the installation is current afterwards (the program may go on).
    """
    if not needs_update(inst):
        return True
    if not may_update(inst, login):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("UpdateDialog", "Update needed"),
            QCoreApplication.translate(
                "UpdateDialog",
                "This installation's databases are older than this program and must be "
                "updated before anybody can work with them. Please ask an administrator to "
                "start Jack Desktop and run the update.",
            ),
        )
        return False
    dialog = UpdateDialog(inst, parent)
    dialog.exec()
    return dialog.is_current()


def run_update(root: Path, progress: Progress) -> list[str]:
    """Every pending step in R10 order (worker thread, own connection); what was done."""
    with Installation.open(root) as own:
        done = migrate(own, None, progress=partial(_report, progress))
    return [step.describe() for step in done]


def _report(progress: Progress, step: UpdateStep, done: int, total: int) -> None:
    progress(step.describe(), done, total)


class UpdateDialog(QDialog):
    """The update plan, a Run button, and the result; Close once everything is current."""

    def __init__(self, inst: Installation, parent: QWidget | None = None):
        super().__init__(parent)
        self.inst = inst
        self.done_steps: list[str] = []
        self.setWindowTitle(self.tr("Update the installation"))
        self.intro = QLabel(
            self.tr(
                "The databases below are older than this program. They are updated in the "
                "required order: the sub-tenants first, then tenant 0 with the central "
                "databases. Every file is backed up before it changes. Nobody should work "
                "with the installation meanwhile."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.steps = QListWidget(self)
        caption = QLabel(self.tr("&Pending steps:"), self)
        caption.setBuddy(self.steps)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.run_button = QPushButton(self.tr("&Run update"), self)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(caption)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.steps, self.run_button)
        self.resize(640, 380)
        self.show_plan()
        self.run_button.setFocus()

    def show_plan(self) -> None:
        self.steps.clear()
        try:
            pending = plan(self.inst)
        except StoreError as exc:  # a file newer than the program: say so, offer nothing
            self.status.setText(str(exc))
            self.run_button.setEnabled(False)
            return
        self.steps.addItems([step.describe() for step in pending])
        self.run_button.setEnabled(bool(pending))
        if not pending:
            self.status.setText(self.tr("Everything is up to date."))

    def is_current(self) -> bool:
        try:
            return not plan(self.inst)
        except StoreError:
            return False

    def run(self) -> None:
        """Run every pending step with a progress dialog, then show what was done."""
        try:
            self.done_steps = run_with_progress(
                self, self.tr("Updating the installation"), partial(run_update, self.inst.root)
            )
        except Exception as exc:  # store refusals and I/O errors alike: a message, no traceback
            show_error(self, exc)
            self.show_plan()
            return
        self.steps.clear()
        self.steps.addItems(self.done_steps)
        self.status.setText(
            self.tr("Done: %n file(s) updated; everything is up to date.", "", len(self.done_steps))
        )
        self.run_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
