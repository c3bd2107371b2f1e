"""Every action the main window and its module views offer, triggered as a user would.

An administrator and a clerk open each module from the module list, then trigger every QAction
of the window (menus included) and of the view, with a row selected where a view has a list. Any
dialog that opens is looked at and closed. The test fails on an unexpected-error message, on an
exception in a slot (pytest-qt fails the test on those), and on a line in the error log.
"""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from jack_desktop.notes import send_note
from jack_desktop.tickets import add_ticket
from tenant_store.users import grant
from ui import app as app_module
from ui import documents
from ui.actions import select_row
from ui.modules import MODULES, closed_reason

from ..jack_desktop.agency import booked, build_agency
from .driving import click_module, open_main_window, plain
from .test_main_window import CENTRAL_TICKET

# Triggered on their own at the end: they end the window's session.
LEAVING = {"Quit", "Log out"}


@pytest.fixture
def office(inst3):
    build_agency(inst3)
    grant(inst3, "bernd", 0, "clerk")
    with inst3.open_session(0) as s0, inst3.open_session(1) as s1:
        booked(s0, title="Kreta")
        booked(s1, title="Island")
        add_ticket("anna", s1, CENTRAL_TICKET)  # tenant 1 keeps its own tickets
        send_note("anna", s1, "user", "Rückruf", to="bernd")
    return inst3


class DialogCloser:
    """Closes every dialog that opens (as Escape would) and keeps what it said."""

    def __init__(self):
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._close_modal)
        self.timer.start()

    def _close_modal(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog) or not widget.isVisible():
            return
        text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
        self.seen.append(f"{type(widget).__name__}: {text}")
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def unexpected(self) -> list[str]:
        return [text for text in self.seen if "unexpected error" in text.lower()]


@pytest.fixture
def closer(monkeypatch, tmp_path):
    monkeypatch.setattr(documents, "open_document", lambda path: None)  # no PDF viewer here
    monkeypatch.setattr(app_module.platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path))
    closer = DialogCloser()
    yield closer
    closer.timer.stop()
    assert not (tmp_path / "errors.log").exists(), (tmp_path / "errors.log").read_text()


def _select_first_row(view: QWidget) -> None:
    QApplication.processEvents()  # lists fill right after they are shown
    for table in view.findChildren(QAbstractItemView):
        model = table.model()
        if isinstance(table, QHeaderView):
            continue
        if table.isVisibleTo(view) and model is not None and model.rowCount() > 0:
            select_row(table, 0)


def _actions(widget: QWidget) -> list[QAction]:
    found = widget.findChildren(QAction)
    return [a for a in found if a.text() and not a.menu() and not a.isSeparator()]


def _menu_actions(window: QWidget) -> list[QAction]:
    def entries(menu) -> list[QAction]:  # submenus too (Accounting > Export > ...)
        return [e for a in menu.actions() for e in (entries(a.menu()) if a.menu() else [a])]

    found = [a for m in window.menuBar().actions() for a in entries(m.menu())]
    return [a for a in found if a.text() and not a.isSeparator()]


def _trigger_all(actions: list[QAction], closer: DialogCloser, where: str) -> list[str]:
    triggered = []
    for action in actions:
        if plain(action.text()) in LEAVING or not action.isEnabled():
            continue
        action.trigger()
        QApplication.processEvents()
        triggered.append(plain(action.text()))
        assert not closer.unexpected(), f"{where}, {plain(action.text())}: {closer.unexpected()}"
    return triggered


@pytest.mark.parametrize(("user", "nr"), [("anna", 0), ("anna", 1), ("bernd", 1)])
def test_every_action_of_the_window_and_its_views_works(qtbot, office, closer, user, nr):
    window = open_main_window(qtbot, office, user, nr)
    triggered = _trigger_all(_menu_actions(window), closer, "menu bar")
    assert {"Tenant management", "Search all tenants", "About Jack Desktop"} <= set(triggered)
    accounting = {"DATEV", "Tax auditor data (GoBD)", "Lock period", "Audit trail"}
    assert (accounting <= set(triggered)) == window.ctx.rights.can("accounting")
    assert {"TenantManagementDialog: Tenant management", "AboutDialog: About Jack Desktop"} <= set(
        closer.seen
    )
    for module in MODULES:
        if closed_reason(window.ctx, module):
            continue
        view = click_module(qtbot, window, module.key)
        _select_first_row(view)
        done = _trigger_all(_actions(view), closer, module.key)
        assert done, f"{module.key} offers no action"
        assert window.ctx.nr == nr, f"an action of {module.key} switched the tenant"
    assert not closer.unexpected()
    window.close()


def _visible_users() -> list[str]:
    from ui.main_window import MainWindow

    return [
        w.user
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible()
    ]


def _visible_window_of(user: str):
    # Visible only: windows of earlier tests may linger, closed but not yet deleted.
    shown = QApplication.topLevelWidgets()
    return next(w for w in shown if getattr(w, "user", "") == user and w.isVisible())


def test_log_out_lets_another_user_log_in_without_quitting(qtbot, office, closer, monkeypatch):
    logins, quits = ["bernd", "anna", None], []
    monkeypatch.setattr(app_module, "log_in", lambda inst: logins.pop(0))
    monkeypatch.setattr(app_module, "offer_update", lambda inst, user: True)
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    assert app_module.show_main_window(office, 1)
    assert _visible_users() == ["bernd"]
    window = _visible_window_of("bernd")
    next(a for a in _menu_actions(window) if plain(a.text()) == "Log out").trigger()
    assert _visible_users() == ["anna"] and not quits
    window = _visible_window_of("anna")
    next(a for a in _menu_actions(window) if plain(a.text()) == "Log out").trigger()
    assert _visible_users() == [] and quits == [True]  # the login was cancelled: the app ends
