"""The cross-tenant search (Ctrl+K) as a clerk uses it: typing, the box of hits, opening one.

Issue 10: the hits were a Qt.Popup that grabbed mouse and keyboard (clicks on the window were
lost, Escape did not close it, a stray key opened a hit and switched tenant), stuck out past the
window's right edge, searched only on Return behind a progress dialog, and missed MUELLER.
"""

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from jack_desktop import cross_search
from jack_desktop.cross_search import Hit
from jack_desktop.customers import create_customer
from jack_desktop.tickets import add_ticket
from tenant_store.users import grant

from ..jack_desktop.agency import booked, build_agency
from .driving import click_module, on_modal, open_main_window


def _ticket(number: str, passenger: str) -> dict:
    return {
        "number": number,
        "airline": "LH",
        "passenger": passenger,
        "route": "FRA-JFK-FRA",
        "fare": "500.00",
        "issued_on": date.today() - timedelta(days=3),
    }


@pytest.fixture
def agency(inst3):
    """Nordlicht customers in tenants 0 and 3, their bookings, a ticket of MUELLER in tenant 3."""
    build_agency(inst3)
    with inst3.open_session(0) as s0, inst3.open_session(3) as s3:
        for session in (s0, s3):
            customer = create_customer("anna", session, {"last_name": "Nordlicht"}).customer
            booked(session, customer_id=customer.id, title="Nordkap")
        add_ticket("anna", s3, _ticket("220-1111111111", "MUELLER/HANS MR"))
    grant(inst3, "bernd", 0, "clerk")
    return inst3


@pytest.fixture
def window(qtbot, agency):
    """The main window of anna in tenant 0, active: keys go where the focus is."""
    window = open_main_window(qtbot, agency, "anna", 0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.search.hide_results()
    window.close()


def _type(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a user does."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _search(qtbot, window, text: str) -> None:
    """Ctrl+K, type `text`, and wait (no Return) until the hits are on screen."""
    _press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    _type(qtbot, text)
    qtbot.waitUntil(lambda: bool(_lines(window)) and not _searching(window), timeout=10_000)


def _lines(window) -> list[str]:
    """The lines of the box of hits as the user reads them, [] while it is closed."""
    box = window.search.results
    if not box.isVisible():
        return []
    return [box.item(row).text().strip() for row in range(box.count())]


def _searching(window) -> bool:
    return window.search.is_searching()


def _current(window) -> str:
    return window.search.results.currentItem().text().strip()


def test_hits_come_while_typing_without_a_dialog_and_the_focus_stays_in_the_field(qtbot, window):
    _press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "N")  # one letter is not searched
    qtbot.wait(400)
    assert _lines(window) == [] and not window.search.is_searching()
    _type(qtbot, "ordlicht")
    qtbot.waitUntil(lambda: "Customer · Nordlicht" in _lines(window), timeout=10_000)
    assert window.findChildren(QProgressDialog) == []
    assert QApplication.activeModalWidget() is None
    assert QApplication.focusWidget() is window.search  # the box never takes the focus
    assert _lines(window)[0] == "Tenant 0 · Hauptmandant"
    assert "Tenant 3 · West" in _lines(window)
    _type(qtbot, " x")  # typing goes on into the field, and nothing is opened
    assert window.search.text() == "Nordlicht x"
    assert window.ctx.nr == 0
    qtbot.waitUntil(lambda: _lines(window) == ["No matches in your tenants."], timeout=10_000)


def test_escape_closes_the_hits_and_keeps_the_text_and_down_shows_them_again(qtbot, window):
    _search(qtbot, window, "Nordlicht")
    _press(qtbot, Qt.Key.Key_Escape)
    assert _lines(window) == []
    assert QApplication.focusWidget() is window.search
    assert window.search.text() == "Nordlicht"
    assert window.isVisible()  # Escape closed the box, nothing else
    _press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "Customer · Nordlicht" in _lines(window))


def test_a_click_elsewhere_closes_the_hits_and_reaches_the_window(qtbot, window):
    _search(qtbot, window, "Nordlicht")
    view = click_module(qtbot, window, "customers")  # fails if the click were swallowed
    assert window.stack.currentWidget() is view
    assert _lines(window) == []
    assert window.ctx.nr == 0


def test_up_and_down_move_through_the_hits_and_return_opens_the_chosen_one(qtbot, window):
    _search(qtbot, window, "muller")
    assert _current(window) == "Ticket · 2201111111111 MUELLER/HANS MR"  # folded like customers
    _press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "Nordkap")  # replaces the selected text
    qtbot.waitUntil(lambda: "Tenant 3 · West" in _lines(window) and not _searching(window))
    hits = [line for line in _lines(window) if "·" in line and not line.startswith("Tenant")]
    assert _current(window) == hits[0]  # the first hit, not the tenant's header
    _press(qtbot, Qt.Key.Key_Down)
    assert _current(window) == hits[1]  # the header of tenant 3 is skipped
    _press(qtbot, Qt.Key.Key_Up)
    _press(qtbot, Qt.Key.Key_Up)  # stays on the first
    assert _current(window) == hits[0]
    _press(qtbot, Qt.Key.Key_Down)
    editors = on_modal(lambda editor: editor.reject())  # the booking opens in its editor
    _press(qtbot, Qt.Key.Key_Return)
    assert len(editors) == 1 and editors[0].title.text() == "Nordkap"
    assert window.ctx.nr == 3  # switched to the hit's tenant
    assert _lines(window) == []


def test_a_single_click_chooses_a_hit_and_a_double_click_opens_it(qtbot, window):
    _search(qtbot, window, "Nordkap")
    box = window.search.results
    rows = [r for r in range(box.count()) if window.search.hit_of(box.item(r))]
    rect = box.visualItemRect(box.item(rows[1]))
    opened = []
    window.search.open_requested.disconnect()
    window.search.open_requested.connect(lambda *hit: opened.append(hit))
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.currentRow() == rows[1] and opened == []
    assert _lines(window) and QApplication.focusWidget() is window.search
    qtbot.mouseDClick(box.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [(nr, kind) for nr, kind, _key in opened] == [(3, "booking")]


def test_return_opens_a_ticket_hit_in_its_tenant(qtbot, window):
    _search(qtbot, window, "MÜL")
    assert _current(window) == "Ticket · 2201111111111 MUELLER/HANS MR"
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx.nr == 3)
    assert window.stack.currentWidget() is window.views["tickets"]


def test_the_hits_stay_inside_a_narrow_window(qtbot, window):
    window.resize(700, 420)
    qtbot.waitUntil(lambda: window.width() == 700)
    _search(qtbot, window, "Nordlicht")
    box = window.search.results
    placed = QRect(box.mapTo(window, QPoint(0, 0)), box.size())
    assert window.rect().contains(placed), (placed, window.rect())
    assert placed.right() == window.rect().right()  # aligned to the window's right edge
    assert placed.top() >= window.search.mapTo(window, QPoint(0, window.search.height())).y()
    window.resize(1000, 420)  # wider again: the box follows
    qtbot.waitUntil(lambda: window.width() == 1000)
    assert window.rect().contains(QRect(box.mapTo(window, QPoint(0, 0)), box.size()))


def test_the_answer_to_older_text_never_replaces_the_newer_hits(qtbot, window, monkeypatch):
    real = cross_search.search_everywhere
    started, released = [], threading.Event()

    def search_everywhere(user, inst, text, limit=50):
        started.append(text)
        if text == "Nord":  # a slow search, overtaken by typing on
            released.wait(10)
            return [Hit(0, "Hauptmandant", "customer", 1, "Veraltet", "")]
        return real(user, inst, text, limit)

    monkeypatch.setattr(cross_search, "search_everywhere", search_everywhere)
    _press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "Nord")
    qtbot.waitUntil(lambda: started == ["Nord"])
    _type(qtbot, "licht")
    qtbot.wait(400)  # the pause that starts the search for "Nordlicht"
    released.set()
    qtbot.waitUntil(lambda: "Customer · Nordlicht" in _lines(window), timeout=10_000)
    qtbot.wait(200)
    assert started == ["Nord", "Nordlicht"]
    assert not any("Veraltet" in line for line in _lines(window))
