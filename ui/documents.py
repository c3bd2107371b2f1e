"""PDF documents from the client: made off the UI thread, saved in the tenant's folder, shown.

A document is written by a `jack_desktop.documents.*.save_*` function in a worker thread with
its own read-only session (SQLite connections belong to the thread that opened them; reading
never takes a write lock), then opened in the system's PDF viewer. It is drawn in the tenant's
document language, whatever language this window shows: the domain switches the language for
the drawing only, in the worker thread (`jack_desktop.documents.pages.in_document_language`),
so the UI and its messages stay in the clerk's language. Everything that can go wrong on the
way becomes a message: a refusal of the service, a file kept open by a viewer (Windows locks
it), a full disk, no viewer installed.
"""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget

from jack_desktop.documents.files import documents_dir, open_in_viewer
from tenant_store import Installation, StoreError, TenantSession

from .actions import view_action
from .context import TenantContext
from .errors import show_error
from .tasks import run_with_progress

Save = Callable[[str, TenantSession], Path]


def warn(parent: QWidget | None, text: str) -> None:
    """A problem with the file, not with the data (its own function so tests can read it)."""
    QMessageBox.warning(parent, "Jack Desktop", text)


def open_document(path: Path) -> None:
    """Show a saved document (its own function so tests need no PDF viewer)."""
    open_in_viewer(path)


def make_document(
    parent: QWidget, ctx: TenantContext, title: str, save: Save, *, writes: bool = False
) -> Path | None:
    """Run `save(user, session)` with a progress dialog and open the file; None if it failed.

    `writes`: the save may write to the tenant's files (an invoice not archived yet is
    archived at its first print); other documents only read.
    """
    root, user, nr = ctx.inst.root, ctx.user, ctx.nr

    def work(progress):
        with (
            Installation.open(root) as inst,
            inst.open_session(nr, read_only=not writes) as session,
        ):
            return save(user, session)

    try:
        path = run_with_progress(parent, title, work)
    except StoreError as exc:
        show_error(parent, exc)
        return None
    except OSError as exc:
        warn(parent, _write_failed_text(exc, documents_dir(ctx.session)))
        return None
    try:
        open_document(path)
    except OSError as exc:
        text = QCoreApplication.translate(
            "Documents",
            "The document was saved as {path}, but no PDF viewer could be opened ({error}).",
        )
        warn(parent, text.format(path=path, error=exc.strerror or exc))
    return path


def _write_failed_text(exc: OSError, folder: Path) -> str:
    if isinstance(exc, PermissionError) and exc.filename2:
        # Windows refuses to replace a file another program holds open: the old document.
        text = QCoreApplication.translate(
            "Documents",
            "{path} cannot be replaced: it is open in another program, probably the PDF "
            "viewer. Close it there and try again.",
        )
        return text.format(path=exc.filename2)
    text = QCoreApplication.translate(
        "Documents",
        "The document could not be saved ({error}). Check that the disk is not full and that "
        "you may write to {folder}, then try again.",
    )
    return text.format(error=exc.strerror or exc, folder=folder)


def print_button(
    view: QWidget, actions: Sequence[QAction] = (), text: str | None = None
) -> QPushButton:
    """'Print' (or `text`) with a menu of the view's documents; Ctrl+P in the view opens it."""
    button = QPushButton(text or QCoreApplication.translate("Documents", "&Print"), view)
    button.setObjectName("printButton")
    button.setAutoDefault(False)
    menu = QMenu(button)
    menu.setToolTipsVisible(True)  # a disabled entry says why
    button.setMenu(menu)
    fill_print_menu(button, actions)
    view_action(view, button.text(), QKeySequence.StandardKey.Print, button.showMenu)
    return button


def fill_print_menu(button: QPushButton, actions: Sequence[QAction]) -> None:
    """Put `actions` in the button's menu; with none enabled the button is disabled and its
    tooltip gives the first action's reason."""
    menu = button.menu()
    for old in menu.actions():
        if old.parent() is menu and old not in actions:
            old.deleteLater()  # entries made for the menu (see `document_action`)
    menu.clear()
    for action in actions:
        menu.addAction(action)
    enabled = any(a.isEnabled() for a in actions)
    button.setEnabled(enabled)
    if enabled or not actions:
        button.setToolTip(
            QCoreApplication.translate(
                "Documents", "Saves the document as PDF in the tenant's folder and opens it."
            )
        )
    else:
        button.setToolTip(actions[0].toolTip())


def document_action(
    parent: QWidget, text: str, slot: Callable[[], object], reason: str | None = None
) -> QAction:
    """A menu entry that makes one document; with a `reason` it is disabled and says why."""
    action = QAction(text, parent)
    action.triggered.connect(slot)
    action.setEnabled(reason is None)
    action.setToolTip(reason or "")
    return action
