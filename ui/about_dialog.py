"""Help > About: which program this is, its version and licence, and where its data lives."""

import html
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .main_window import APP_TITLE

LICENCE = "GNU General Public License v3.0 or later (GPL-3.0-or-later)"


def program_version() -> str:
    """The installed version of jack-desktop, or 'unknown' when run from an unpacked tree."""
    try:
        return metadata.version("jack-desktop")
    except metadata.PackageNotFoundError:
        return "unknown"


class AboutDialog(QDialog):
    """Version, licence and data folder; the folder's path can be selected and copied."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_TITLE))
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setText(self._html(data_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _html(self, data_dir: Path) -> str:
        rows = (
            (self.tr("Version"), program_version()),
            (self.tr("Licence"), LICENCE),
            (self.tr("Data folder"), html.escape(str(data_dir))),
        )
        table = "".join(f"<tr><td><b>{k}:</b>&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        summary = self.tr("Back office for travel agencies with several business units (tenants).")
        return f"<h3>{APP_TITLE}</h3><p>{summary}</p><table>{table}</table>"
