"""What the export dialogs share: the output folder field and running an export off the UI thread.

An export reads a whole period and writes files, so it runs in a worker thread
(ui/tasks.py) with a session of its own: SQLite connections belong to the thread that opened
them. The session may write, because the DATEV export can lock the period and every export is
recorded in the audit trail.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from tenant_store import Installation, StoreError, TenantSession

from ..context import TenantContext
from ..errors import show_error
from ..tasks import Progress, run_with_progress

Export = Callable[[str, TenantSession, Progress], Any]


class FolderField(QWidget):
    """A folder path to type in, or to choose with 'Choose…'."""

    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(str(folder), self)
        self.edit.setObjectName("outputFolder")
        self.edit.setMinimumWidth(360)
        self.choose = QPushButton(self.tr("C&hoose…"), self)
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        """The folder entered, or None if the field is empty."""
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, folder: Path) -> None:
        self.edit.setText(str(folder))

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the output folder"), self.edit.text()
        )
        if chosen:
            self.set_path(Path(chosen))


def run_export(
    parent: QWidget, ctx: TenantContext, title: str, export: Export, folder: Path
) -> Any:
    """Run `export(user, session, progress)` in a worker thread with a progress dialog.

    Returns its result, or None when it failed: a refusal is shown with its message, a file
    that could not be written into `folder` with what to check.
    """
    root, user, nr = ctx.inst.root, ctx.user, ctx.nr

    def work(progress: Progress):
        with Installation.open(root) as inst, inst.open_session(nr) as session:
            return export(user, session, progress)

    try:
        return run_with_progress(parent, title, work)
    except StoreError as exc:
        show_error(parent, exc)
    except OSError as exc:
        write_failed(parent, folder, exc)
    return None


def write_failed(parent: QWidget, folder: Path, exc: OSError) -> None:
    """The files could not be written: say where and what to check (never a traceback)."""
    text = QCoreApplication.translate(
        "Exports",
        "The export could not be written to {folder} ({error}). Check that the folder can be "
        "written and the disk is not full, then try again.",
    ).format(folder=folder, error=exc.strerror or exc)
    QMessageBox.warning(parent, "Jack Desktop", text)


def outcome_label(parent: QWidget, name: str) -> QLabel:
    """Where an export dialog says what it wrote: wrapped, selectable (paths are copied)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def export_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """Close, and Export as the default button wired to `dialog.export`."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    export = buttons.addButton(
        QCoreApplication.translate("Exports", "&Export"), QDialogButtonBox.ButtonRole.ActionRole
    )
    export.setDefault(True)
    export.clicked.connect(dialog.export)
    buttons.rejected.connect(dialog.reject)
    return buttons, export
