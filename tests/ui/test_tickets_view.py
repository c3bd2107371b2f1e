"""Tickets view: tenant 0 lists all central tickets; a sub-tenant with central tickets issues."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from jack_desktop.tickets import add_ticket
from tenant_store.users import add_user, grant, revoke
from ui.ticket_dialog import TicketDialog
from ui.tickets_view import TicketsView

from .driving import on_modal

YESTERDAY = date.today() - timedelta(days=1)
TICKET = {
    "number": "220-1234567890",
    "airline": "LH",
    "passenger": "Müller/Hans Mr",
    "route": "FRA-JFK-FRA",
    "fare": "1234.56",
    "taxes": "100.00",
    "issued_on": YESTERDAY,
}


@pytest.fixture
def office(inst3):
    add_user(inst3, "anna", "Anna Albers", "geheim123")
    add_user(inst3, "vera", "Vera Voss", "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
        grant(inst3, "vera", nr, "viewer")
    return inst3


@pytest.fixture
def open_view(qtbot, office, open_context):
    def make(nr, user="anna"):
        view = TicketsView(open_context(office, nr, user))
        qtbot.addWidget(view)
        return view

    return make


def _column(table, header):
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return [table.item(r, headers.index(header)).text() for r in range(table.rowCount())]


def test_a_sub_tenant_with_central_tickets_issues_but_lists_in_tenant_0(open_view, office):
    sub = open_view(2)
    assert not sub.central_note.isHidden()
    assert "done in tenant 0" in sub.central_note.text()
    assert not sub.tabs.isEnabled() and not sub.filter.isEnabled()
    assert sub.new_action.isEnabled()
    with office.open_session(2) as session:
        add_ticket("anna", session, TICKET)
    main = open_view(0)
    assert _column(main.table, "Tenant") == ["2 Süd Reisen GmbH"]
    assert _column(main.table, "Ticket number") == ["220-1234567890"]
    assert _column(main.table, "Fare") == ["€1,234.56"]
    assert main.tabs.isEnabled() and main.central_note.isHidden()


def test_a_tenant_with_own_tickets_has_no_tenant_column(open_view):
    view = open_view(1)
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert "Tenant" not in headers and view.tabs.isEnabled()


def test_the_filter_narrows_the_list(qtbot, open_view, office):
    with office.open_session(0) as session:
        add_ticket("anna", session, TICKET)
        add_ticket("anna", session, {**TICKET, "number": "2209999999999", "passenger": "Bauer"})
    view = open_view(0)
    assert view.table.rowCount() == 2
    qtbot.keyClicks(view.filter, "bauer")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert _column(view.table, "Passenger") == ["Bauer"]


def test_reconciliation_lists_the_three_kinds_of_findings(open_view, office):
    with office.open_session(2) as session:
        add_ticket("anna", session, TICKET)
        add_ticket("anna", session, TICKET)
    view = open_view(0)
    view.tabs.setCurrentIndex(1)
    view.reconcile_button.click()
    assert view.without_booking.rowCount() == 2
    assert view.duplicates.rowCount() == 1
    assert _column(view.duplicates, "Times issued") == ["2"]
    assert "(2)" in view._groups["without_booking"].title()
    assert view.summary.text() == "Findings to check: 3"


def test_a_clean_reconciliation_says_so(open_view):
    view = open_view(0)
    view.reconcile_button.click()
    assert view.summary.text() == "Everything agrees: no findings."


def test_new_ticket_dialog_keeps_ok_disabled_until_valid_and_saves(qtbot, open_view, office):
    view = open_view(2)
    dialog = TicketDialog(view.ctx, view)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.number, "220-12345")
    assert dialog._errors["number"].isHidden()  # not while typing
    dialog.number.editingFinished.emit()
    assert "13 digits" in dialog._errors["number"].text()
    dialog.number.setText("220-1234567890")
    dialog.airline.setText("lh")
    dialog.passenger.setText("Müller/Hans Mr")
    dialog.route.setText("FRA-XXX")
    dialog.route.editingFinished.emit()
    assert "XXX" in dialog._errors["route"].text() and not dialog.ok_button.isEnabled()
    dialog.route.setText("FRA-JFK")
    dialog.fare.setText("499.00")
    assert dialog.ok_button.isEnabled() and dialog._errors["route"].isHidden()
    dialog.issued_on.setDate(QDate.currentDate().addDays(3))  # clamped: never in the future
    assert dialog.issued_on.date() == QDate.currentDate()
    dialog.ok_button.click()
    assert dialog.result() == TicketDialog.DialogCode.Accepted
    assert dialog.ticket.tenant_nr == 2 and dialog.ticket.fare_cents == 49_900


def test_a_service_refusal_is_shown_beside_its_field(qtbot, open_view):
    view = open_view(0)
    dialog = TicketDialog(view.ctx, view)
    qtbot.addWidget(dialog)
    dialog.show()
    for edit, text in (
        (dialog.number, "2201234567890"),
        (dialog.airline, "LH"),
        (dialog.passenger, "Bauer"),
        (dialog.route, "FRA-JFK"),
        (dialog.fare, "10"),
        (dialog.booking_number, "4711"),
    ):
        edit.setText(text)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.ticket is None
    assert "no booking 4711" in dialog._errors["booking_number"].text()


def test_new_ticket_from_the_view_refreshes_the_list(qtbot, open_view):
    view = open_view(0)

    def fill_and_save(dialog):
        dialog.number.setText("2201234567890")
        dialog.airline.setText("LH")
        dialog.passenger.setText("Bauer")
        dialog.route.setText("FRA-JFK")
        dialog.fare.setText("10")
        dialog.ok_button.click()

    on_modal(fill_and_save, TicketDialog)
    view.new_action.trigger()
    assert view.table.rowCount() == 1
    assert "saved" in view.status.text()


def test_a_viewer_cannot_issue_tickets_and_is_told_why(open_view):
    view = open_view(0, user="vera")
    assert not view.new_action.isEnabled() and not view.new_button.isEnabled()
    assert "not issue" in view.new_button.toolTip()


def test_errors_are_messages_not_tracebacks(open_view, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    view = open_view(0, user="vera")
    revoke(view.ctx.inst, "vera", 0)  # rights change while the view is open
    view.refresh()
    assert shown and "You do not have read access to tickets" in shown[0]


def test_a_search_hit_shows_its_ticket(open_view, office):
    with office.open_session(0) as session:
        add_ticket("anna", session, {**TICKET, "number": "2209999999999", "passenger": "Bauer"})
        wanted = add_ticket("anna", session, TICKET)
    view = open_view(0)
    assert view.show_ticket(wanted.id)
    assert _column(view.table, "Passenger") == ["Müller/Hans Mr"]
    assert view.table.selectionModel().selectedRows()
    assert not open_view(2).show_ticket(wanted.id)  # R7: listed in tenant 0 only
