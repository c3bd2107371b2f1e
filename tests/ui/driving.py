"""Driving the client the way a user does: the main window, its menus, shortcuts and buttons.

Tests start from `open_main_window`, reach dialogs through `menu_action(window, "File", ...)`,
the module list (`click_module`) or a view's buttons (`click_button`), and answer the modal
dialogs that open with `on_modal`, which waits for the dialog the user would see.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QWidget

from ui.booking_editor import BookingEditor
from ui.booking_model import BookingTableModel
from ui.main_window import MainWindow


def plain(text: str) -> str:
    """A menu or button text as read on screen: no mnemonic '&', no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def open_main_window(qtbot, inst, user: str, nr: int) -> MainWindow:
    """The main window after login, shown and painted with its first module open."""
    window = MainWindow(inst, user, nr)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._painted)
    return window


def menu_action(window: QWidget, *path: str) -> QAction:
    """The action at `path` in the window's menu bar, e.g. ("File", "Tenant management")."""
    actions = window.menuBar().actions()
    for depth, name in enumerate(path):
        found = next((a for a in actions if plain(a.text()) == name), None)
        if found is None:
            names = [plain(a.text()) for a in actions if a.text()]
            raise AssertionError(f"no menu entry {name!r} under {path[:depth]}: {names}")
        if depth == len(path) - 1:
            return found
        menu: QMenu = found.menu()
        actions = menu.actions()
    raise AssertionError("empty menu path")


def trigger_menu(window: QWidget, *path: str) -> None:
    """Choose a menu entry, failing if it is disabled (a user could not click it)."""
    action = menu_action(window, *path)
    assert action.isEnabled(), f"{path} is disabled: {action.toolTip()}"
    action.trigger()


def click_module(qtbot, window: MainWindow, key: str) -> QWidget:
    """Click a module in the list at the left; returns the view it shows."""
    from ui.modules import MODULES

    row = [m.key for m in MODULES].index(key)
    index = window.module_model.index(row, 0)
    rect = window.module_list.visualRect(index)
    qtbot.mouseClick(window.module_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.views.get(key))
    return window.views[key]


def find_button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button of `parent` labelled `text` (as read on screen)."""
    buttons = [
        b for b in parent.findChildren(QAbstractButton) if plain(b.text()) == text and b.isVisible()
    ]
    assert buttons, f"no visible button {text!r} in {type(parent).__name__}: " + ", ".join(
        sorted({plain(b.text()) for b in parent.findChildren(QAbstractButton) if b.text()})
    )
    return buttons[0]


def click_button(qtbot, parent: QWidget, text: str) -> None:
    """Click the button labelled `text`, failing if it is disabled."""
    button = find_button(parent, text)
    assert button.isEnabled(), f"button {text!r} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def on_modal(
    handler: Callable[[QWidget], None], kind: type = QWidget, timeout_ms: int = 10_000
) -> list:
    """Call `handler(dialog)` once the next modal `kind` opens; returns the list it lands in.

    Call this before the click that opens the dialog: `exec()` blocks the test until the
    dialog closes, so the handler runs from the dialog's own event loop. A handler that fails
    closes the dialog, so the test ends with the failure instead of waiting for ever.
    """
    seen: list = []
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if kind is not QWidget and not isinstance(dialog, kind):  # also a window-modal one
            shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]
            dialog = next((w for w in shown if w.isVisible() and w not in seen), dialog)
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            try:
                handler(dialog)
            except BaseException:
                dialog.close()  # a failed step must not leave the test waiting on the dialog
                raise
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def open_booking(qtbot, window, number: int, handler) -> None:
    """Double-click booking `number` in the bookings module; `handler(editor)` runs while the
    editor is open, which is closed afterwards."""
    view = click_module(qtbot, window, "bookings")

    def run(editor):
        try:
            handler(editor)
        finally:
            QDialog.done(editor, QDialog.DialogCode.Rejected)

    seen = on_modal(run, BookingEditor)
    index = view.model.index(view.model.row_of(number), BookingTableModel.TITLE)
    centre = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert seen, "the booking editor did not open"
