"""Keyboard and actions of views and dialogs: shortcuts, mirroring buttons, tab order."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget


def view_action(widget: QWidget, text: str, shortcut, slot: Callable | None = None) -> QAction:
    """An action whose shortcut works while the focus is inside `widget` (so views don't clash)."""
    action = QAction(text, widget)
    action.setShortcut(shortcut)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if slot is not None:
        action.triggered.connect(slot)
    widget.addAction(action)
    return action


def action_button(action: QAction) -> QPushButton:
    """A push button that triggers `action` and is enabled exactly when it is."""
    button = QPushButton(action.text())
    button.setToolTip(action.toolTip())
    button.setEnabled(action.isEnabled())
    button.clicked.connect(action.trigger)
    action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
    return button


def open_row_action(view: QWidget, table: QWidget, text: str, slot: Callable) -> QAction:
    """Return or Enter opens the selected row, only while the list itself has the focus."""
    action = QAction(text, view)
    action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    table.addAction(action)
    return action


def set_tab_chain(*widgets: QWidget) -> None:
    """Tab moves through `widgets` in the order given (the reading order of the form)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def select_row(table: QAbstractItemView, row: int) -> None:
    """Make `row` the current, selected row of a list and scroll it into view."""
    index = table.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(index, flags)
    table.scrollTo(index)
