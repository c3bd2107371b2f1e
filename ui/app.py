"""Starting the desktop client: data folder, translations, first-run installation, main window."""

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from jack_desktop.data_dir import resolve_data_dir
from tenant_store import Installation, StoreError
from tenant_store.i18n import set_language

from .main_window import MainWindow


def install_translators(app: QApplication, lang: str) -> None:
    """Qt's own strings in the chosen language (our UI strings follow in the client issue)."""
    translator = QTranslator(app)
    if translator.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    ):
        app.installTranslator(translator)


def run(data_dir: str | None = None, lang: str | None = None, tenant_nr: int = 0) -> int:
    """Open (on first start: create) the installation and show its main window."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Jack Desktop")
    app.setOrganizationName("Jack Desktop")
    install_translators(app, set_language(lang))
    try:
        installation, _created = Installation.init(resolve_data_dir(data_dir))
        window = MainWindow(installation, installation.tenant(tenant_nr))
    except StoreError as exc:
        QMessageBox.critical(None, "Jack Desktop", str(exc))
        return 1
    window.show()
    return app.exec()
