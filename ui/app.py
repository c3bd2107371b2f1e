"""Starting the desktop client: data folder, translations, first-run demo, login, main window."""

import sys
import traceback
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from jack_desktop.data_dir import resolve_data_dir
from tenant_store import Installation, StoreError
from tenant_store.i18n import babel_locale, set_language
from tenant_store.users import tenants_of

from .first_admin_dialog import FirstAdminDialog, has_users
from .login_dialog import LoginDialog
from .main_window import MainWindow
from .tasks import run_with_progress
from .update_dialog import offer_update

QM_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def install_translators(app: QApplication, lang: str) -> None:
    """Qt's own strings and ours in the chosen language (English is the source text).

    Numbers and dates in Qt's widgets follow the same language as babel's in the domain
    (tenant_store.i18n.babel_locale), so one screen never mixes "100,000" with "1.234,56 €".
    """
    QLocale.setDefault(QLocale(babel_locale(lang)))
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("jack", str(QM_DIR)),
    ):
        translator = QTranslator(app)
        if translator.load(QLocale(lang), name, "_", folder):
            app.installTranslator(translator)


def open_installation(data_dir: str | None) -> Installation:
    """The installation in the data folder; a newcomer's first start builds the demo."""
    root = resolve_data_dir(data_dir)
    if not Installation.is_installation(root):
        # Imported only here: the demo needs most of the domain layer, an everyday start none.
        from jack_desktop.demo import build_demo, is_new_folder

        if is_new_folder(root):
            # README "Demo installation": the first start shows a working office.
            run_with_progress(
                None,
                QCoreApplication.translate("App", "Preparing the demo installation…"),
                lambda progress: build_demo(root, progress=progress),
            )
    # Opens it; also finishes an interrupted `init` or explains a wrong folder.
    installation, _created = Installation.init(root)
    return installation


def log_in(inst: Installation) -> str | None:
    """The user who logged in, or None if the dialog was cancelled."""
    settings = QSettings()
    if not has_users(inst):
        dialog = FirstAdminDialog(inst)
    else:
        dialog = LoginDialog(inst, login=str(settings.value("last_login", "")))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings.setValue("last_login", dialog.login)
    return dialog.login


def start_tenant(inst: Installation, user: str, wanted: int | None) -> int:
    """The tenant to open: the one asked for, else the user's last one, else their first (R13)."""
    allowed = tenants_of(inst, user)
    last = QSettings().value(f"users/{user}/last_tenant")
    for candidate in (wanted, int(last) if last is not None else None):
        if candidate in allowed:
            return candidate
    return allowed[0]


def install_error_handler() -> None:
    """Unexpected errors: a message for the user, the traceback in a log file for support."""
    log_dir = Path(platformdirs.user_log_dir("jack-desktop", appauthor=False))

    def handle(kind, exc, tb) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        log = log_dir / "errors.log"
        with log.open("a", encoding="utf-8") as handle_:
            handle_.write("".join(traceback.format_exception(kind, exc, tb)) + "\n")
        QMessageBox.critical(
            None,
            "Jack Desktop",
            QCoreApplication.translate(
                "App", "An unexpected error occurred: {error}\n\nDetails were written to {log}."
            ).format(error=exc, log=log),
        )

    sys.excepthook = handle


def run(data_dir: str | None = None, lang: str | None = None, tenant_nr: int | None = None) -> int:
    """Open the installation, log in, update if needed, and show the main window."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Jack Desktop")
    app.setOrganizationName("Jack Desktop")
    install_translators(app, set_language(lang))
    install_error_handler()
    try:
        inst = open_installation(data_dir)
        if not show_main_window(inst, tenant_nr):
            return 1
    except StoreError as exc:
        QMessageBox.critical(None, "Jack Desktop", str(exc))
        return 1
    return app.exec()


def show_main_window(inst: Installation, tenant_nr: int | None = None) -> bool:
    """Log in and show the user's main window; False if the login was cancelled.

    File > Log out comes back here, so another user can log in without restarting.
    """
    user = log_in(inst)
    if user is None or not offer_update(inst, user):
        return False
    window = MainWindow(inst, user, start_tenant(inst, user, tenant_nr))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.logged_out.connect(lambda: _after_log_out(inst))
    _keep_until_closed(window)
    window.show()
    return True


# The open main windows. Without a reference of our own, a window would live only through the
# reference cycles of its signal connections, and Python's cycle collector would delete it
# (and the C++ window with it) at its next run, in the middle of painting: a crash.
_OPEN_WINDOWS: set[QWidget] = set()


def _keep_until_closed(window: QWidget) -> None:
    _OPEN_WINDOWS.add(window)
    window.destroyed.connect(lambda: _OPEN_WINDOWS.discard(window))


def _after_log_out(inst: Installation) -> None:
    """The login again; cancelling it quits, as closing the last window would."""
    try:
        logged_in = show_main_window(inst)
    except StoreError as exc:
        QMessageBox.critical(None, "Jack Desktop", str(exc))
        logged_in = False
    if not logged_in:
        QApplication.quit()
