"""The main window: current tenant always visible, modules by right, switching replaces views."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jack_desktop.bookings import list_bookings
from jack_desktop.tickets import add_ticket
from tenant_store.users import add_user, grant
from ui.main_window import MainWindow

from ..jack_desktop.agency import booked, build_agency
from .driving import click_module, open_main_window


@pytest.fixture
def agency(inst3):
    build_agency(inst3)
    grant(inst3, "bernd", 0, "clerk")
    with inst3.open_session(0) as s0, inst3.open_session(1) as s1:
        booked(s0, title="Kreta")
        booked(s1, title="Island")
    return inst3


def _window(qtbot, inst, user, nr):
    window = MainWindow(inst, user, nr)
    qtbot.addWidget(window)
    return window


def _booking_titles(window):
    view = window.view("bookings")
    model = view.findChild(type(view.table.model())) if hasattr(view, "table") else None
    rows = list_bookings(window.user, window.ctx.session)
    return {r.booking.title for r in rows}, model


def test_title_badge_and_dropdown_show_the_current_tenant_and_only_the_users_tenants(qtbot, agency):
    window = _window(qtbot, agency, "bernd", 1)
    assert window.windowTitle() == "Jack Desktop – Tenant 1 Reisebüro Nord – bernd"
    assert "Reisebüro Nord" in window.badge.text() and "1" in window.badge.text()
    assert window.tenant_box.currentText() == "1 · Reisebüro Nord"
    window.show()  # the user's other tenants are read right after the first paint

    def boxed():
        return [window.tenant_box.itemData(i) for i in range(window.tenant_box.count())]

    qtbot.waitUntil(lambda: boxed() == [0, 1])  # bernd is a member of 0 and 1 only (R13)
    assert window.tenant_box.currentText() == "1 · Reisebüro Nord"
    window.close()


@pytest.mark.parametrize("key", ["accounting", "controlling"])
def test_a_clerk_cannot_open_accounting_and_sees_why_without_hovering(qtbot, agency, key):
    window = open_main_window(qtbot, agency, "bernd", 1)
    item = window.module_item(key)
    assert "no access" in item.toolTip()
    row = window.module_model.indexFromItem(item)
    rect = window.module_list.visualRect(row)
    qtbot.mouseClick(window.module_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = window.stack.currentWidget()
    assert shown is window.placeholder and shown.isVisible()
    assert "You have no access to this module in tenant 1." in shown.text()
    assert key not in window.views  # nothing of the module was opened
    assert window.open_module(key) is None
    click_module(qtbot, window, "bookings")  # an open module still opens
    window.close()


def test_switching_replaces_title_badge_and_every_view(qtbot, agency):
    window = _window(qtbot, agency, "anna", 0)
    old_view = window.open_module("bookings")
    assert _booking_titles(window)[0] == {"Kreta"}
    window.switch_tenant(1)
    assert window.windowTitle() == "Jack Desktop – Tenant 1 Reisebüro Nord – anna"
    assert "Reisebüro Nord" in window.badge.text()
    new_view = window.open_module("bookings")
    assert new_view is not old_view
    assert _booking_titles(window)[0] == {"Island"}
    window.close()


def test_double_click_in_tenant_management_switches(qtbot, agency, monkeypatch):
    from ui.tenant_management import TenantManagementDialog

    window = _window(qtbot, agency, "anna", 0)
    dialog = TenantManagementDialog.for_context(window.ctx, window)
    dialog.switch_requested.connect(window.switch_tenant)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "2")
    rect = dialog.table.visualItemRect(dialog.table.item(row, 1))
    # A real double-click is a press followed by a double-click event on the same cell.
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ctx.nr == 2
    assert window.windowTitle().startswith("Jack Desktop – Tenant 2 Süd Reisen GmbH")
    window.close()


def test_unread_notes_show_on_the_module_entry(qtbot, agency):
    from jack_desktop.notes import send_note

    add_user(agency, "carl", "Carl", "geheim123")
    grant(agency, "carl", 1, "clerk")
    with agency.open_session(1) as s:
        send_note("anna", s, "user", "Rückruf Müller", to="carl")
    window = _window(qtbot, agency, "carl", 1)
    window.show()  # the count is read right after the window's first paint
    qtbot.waitUntil(lambda: window.module_item("notes").text().endswith("(1)"))
    window.close()


def test_the_first_module_opens_right_after_the_window_is_painted(qtbot, agency):
    window = _window(qtbot, agency, "bernd", 1)
    assert window.views == {}  # nothing of a module view is built before the window shows
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.views.get("bookings"))
    assert window.current_module_row() == 0
    window.close()


def test_first_start_builds_the_demo_and_opens_the_users_tenant(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from tenant_store import Installation
    from ui import app as app_module

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "log_in", lambda inst: "becker")  # a clerk in tenant 2 only
    monkeypatch.setattr(app_module, "install_error_handler", lambda: None)  # pytest-qt's stays
    assert app_module.run(data_dir=str(tmp_path / "new"), lang="en") == 0
    assert Installation.is_installation(tmp_path / "new")
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows and windows[-1].windowTitle().startswith("Jack Desktop – Tenant 2 ")
    for window in windows:
        window.close()


def test_the_main_window_outlives_the_cycle_collector(qtbot, tmp_path, monkeypatch):
    """It once lived only through the reference cycles of its signal connections: the next
    run of Python's cycle collector deleted it while it painted, and the program crashed."""
    import gc

    import shiboken6
    from PySide6.QtWidgets import QApplication

    from tenant_store import Installation
    from ui import app as app_module

    monkeypatch.setattr(app_module, "log_in", lambda inst: "becker")
    monkeypatch.setattr(app_module, "offer_update", lambda inst, user: True)
    before = set(QApplication.topLevelWidgets())
    from jack_desktop.demo import build_demo

    build_demo(tmp_path / "demo")
    with Installation.open(tmp_path / "demo") as inst:
        assert app_module.show_main_window(inst)
        gc.collect()
        qtbot.wait(50)
        (window,) = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in before
        ]
        assert shiboken6.isValid(window) and window.isVisible()
        window.close()  # WA_DeleteOnClose: closed windows are let go
        qtbot.waitUntil(lambda: not app_module._OPEN_WINDOWS)


def test_an_unexpected_error_is_shown_plainly_and_logged(qtbot, monkeypatch, tmp_path):
    import sys

    from ui import app as app_module

    shown = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(app_module.platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app_module.install_error_handler()
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "disk on fire" in shown[0] and "errors.log" in shown[0]
    assert "Traceback" in (tmp_path / "errors.log").read_text()


CENTRAL_TICKET = {
    "number": "220-1234567890",
    "airline": "LH",
    "passenger": "Nordmann/Kari Mrs",
    "route": "FRA-JFK-FRA",
    "fare": "1234.56",
    "issued_on": date.today() - timedelta(days=1),
}


def _open_search_hit(qtbot, window, text: str, kind: str):
    """Search all tenants through the toolbar field and choose the first hit of `kind`."""
    window.search.setText(text)
    window.search.run_search()
    qtbot.waitUntil(lambda: not window.search.is_searching())
    results = window.search.results
    item = next(
        results.item(row)
        for row in range(results.count())
        if getattr(window.search.hit_of(results.item(row)), "kind", None) == kind
    )
    hit = window.search.hit_of(item)
    results.itemActivated.emit(item)
    return hit


def test_a_central_ticket_of_a_sub_tenant_opens_in_tenant_0s_ticket_list(qtbot, agency):
    with agency.open_session(2) as s2:  # tenant 2's tickets are central (R7)
        add_ticket("anna", s2, CENTRAL_TICKET)
    window = _window(qtbot, agency, "anna", 1)
    hit = _open_search_hit(qtbot, window, "Nordmann", "ticket")
    assert hit.tenant_nr == 2  # labelled with its own tenant
    assert window.ctx.nr == 0  # but shown where the central list is
    view = window.views["tickets"]
    assert window.stack.currentWidget() is view and view.tabs.currentIndex() == 0
    assert view.filter.text() == "2201234567890"
    selected = view.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [0]
    assert view.table.item(0, 0).text() == "2 Süd Reisen GmbH"
    assert view.table.item(0, 1).text() == "220-1234567890"
    window.close()


def test_a_central_ticket_hit_says_why_it_cannot_be_shown_without_tenant_0(
    qtbot, agency, monkeypatch
):
    add_user(agency, "sven", "Sven Sand", "geheim123")
    grant(agency, "sven", 2, "clerk")  # tickets in tenant 2, no membership in tenant 0
    with agency.open_session(2) as s2:
        add_ticket("sven", s2, CENTRAL_TICKET)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window = _window(qtbot, agency, "sven", 2)
    _open_search_hit(qtbot, window, "Nordmann", "ticket")
    assert window.ctx.nr == 2
    assert window.stack.currentWidget() is window.views["tickets"]
    assert len(told) == 1 and "listed in tenant 0" in told[0]
    window.close()


def test_a_search_hit_asks_before_unsaved_changes_are_dropped(qtbot, agency, monkeypatch):
    with agency.open_session(1) as s1:  # tenant 1 keeps its own tickets
        add_ticket("anna", s1, CENTRAL_TICKET)
    window = _window(qtbot, agency, "anna", 0)
    view = window.open_module("basedata")
    view.tables.setCurrentRow(view.tables.count() - 1)  # the parameters
    view.parameters.editors["invoice.footer_text"].setPlainText("Noch nicht gespeichert")
    answers, asked = [QMessageBox.StandardButton.No], []

    def question(*args):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    _open_search_hit(qtbot, window, "Nordmann", "ticket")  # tenant 1's ticket
    assert len(asked) == 1 and "unsaved changes in tenant 0" in asked[0]
    assert window.ctx.nr == 0  # "No": stays, the typed text is still there
    assert view.has_unsaved_changes()
    answers.append(QMessageBox.StandardButton.Yes)
    _open_search_hit(qtbot, window, "Nordmann", "ticket")
    assert window.ctx.nr == 1
    window.close()
