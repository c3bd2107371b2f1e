"""Booking list and editor: service lines with a live total, status buttons, refusals shown."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QSpinBox, QWidget

from jack_desktop.bookings import create_booking, get_booking, services_of, travellers_of
from jack_desktop.invoicing import invoice_booking, invoice_label, invoices_of
from jack_desktop.money import amount_input, format_money
from tenant_store.users import add_user, grant
from ui import booking_actions, booking_editor, bookings_view, payment_dialog
from ui.booking_editor import BookingEditor
from ui.bookings_view import BookingsView
from ui.optional_date import date_text, dates_text
from ui.payment_dialog import PaymentDialog

from ..jack_desktop.agency import FLIGHT, PACKAGE, booked, build_agency, new_customer


@pytest.fixture
def office(inst3):
    """Tenants 0-3 (see agency.py); anna admin everywhere, vera a viewer in tenant 1."""
    build_agency(inst3)
    add_user(inst3, "carl", "Carl Clerk", "geheim123")
    grant(inst3, "carl", 1, "clerk")
    return inst3


@pytest.fixture
def context(office, open_context):
    """make(nr, user) -> a TenantContext of `office`."""
    return lambda nr=1, user="anna": open_context(office, nr, user)


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    """Errors are captured instead of shown; confirmations say yes."""
    errors = []
    for module in (bookings_view, booking_editor, booking_actions, payment_dialog):
        monkeypatch.setattr(module, "show_error", lambda _p, exc: errors.append(exc))
    monkeypatch.setattr(booking_actions, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(booking_editor, "confirm", lambda *_a, **_k: True)
    return errors


def show_active(qtbot, widget) -> None:
    """Show a window and wait until it is active (keyboard focus works then)."""
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def open_editor(qtbot, ctx, number=None, **kwargs) -> BookingEditor:
    editor = BookingEditor(ctx, number, **kwargs)
    show_active(qtbot, editor)
    return editor


def edit_cell(qtbot, table, row: int, column: int, value) -> None:
    """Edit one cell the way a user does: open its editor, enter the value, press Return."""
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = _cell_editor(qtbot, table)
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(value))
    elif isinstance(editor, QDateEdit):
        editor.set_value(value)
    elif isinstance(editor, QSpinBox):
        editor.setValue(value)
    else:
        editor.selectAll()
        qtbot.keyClicks(editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def _cell_editor(qtbot, table) -> QWidget:
    """The editor the delegate opened; the offscreen platform may not move the focus to it."""

    def opened():
        return [
            w
            for w in table.viewport().findChildren(QWidget)
            if w.isVisible() and w.parent() is table.viewport()
        ]

    qtbot.waitUntil(lambda: bool(opened()))
    editor = opened()[-1]
    editor.setFocus()
    return editor


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def rows(view: BookingsView, column: int) -> list[str]:
    return [view.model.index(r, column).data() for r in range(view.model.rowCount())]


# -- the list ------------------------------------------------------------------------------------


def test_the_list_shows_this_tenants_bookings_newest_first(qtbot, context):
    ctx = context(1)
    first = booked(ctx.session, title="Mallorca")
    second = booked(ctx.session, services=(PACKAGE, FLIGHT), title="Kreta")
    booked(context(0).session, title="Tenant 0 only")  # R8: another tenant's bookings stay out
    view = BookingsView(ctx)
    qtbot.addWidget(view)
    model = view.model
    assert rows(view, model.NUMBER) == [str(second), str(first)]
    assert rows(view, model.TITLE) == ["Kreta", "Mallorca"]
    assert rows(view, model.TOTAL) == [format_money(130000), format_money(100000)]
    assert rows(view, model.STATUS) == ["Booked", "Booked"]
    assert rows(view, model.DATES)[0] == dates_text(date(2027, 5, 1), date(2027, 5, 8))
    assert rows(view, model.CUSTOMER)[0] == "Müller, Hans"
    assert view.status.text() == "Bookings: 2"


def test_status_and_text_filters_narrow_the_list(qtbot, context):
    ctx = context(1)
    booked(ctx.session, title="Mallorca")
    customer = new_customer(ctx.session, last_name="Schulz")
    create_booking("anna", ctx.session, {"customer_id": customer, "title": "Kreta"})
    view = BookingsView(ctx)
    qtbot.addWidget(view)
    view.status_filter.setCurrentIndex(view.status_filter.findData("offer"))
    assert rows(view, view.model.TITLE) == ["Kreta"]
    view.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(view.filter, "Mallo")
    qtbot.waitUntil(lambda: rows(view, view.model.TITLE) == ["Mallorca"])
    view.filter.setText("nothing like it")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.status.text() == "No booking matches the filter."


def test_the_list_fetches_more_rows_while_scrolling(qtbot, context):
    ctx = context(1)
    customer = new_customer(ctx.session)
    for n in range(230):
        create_booking("anna", ctx.session, {"customer_id": customer, "title": f"Reise {n}"})
    view = BookingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 200
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 230)
    assert len(set(rows(view, view.model.NUMBER))) == 230


def test_a_viewer_sees_new_disabled_and_a_read_only_booking(qtbot, context):
    number = booked(context(1).session)
    ctx = context(1, "vera")
    view = BookingsView(ctx)
    qtbot.addWidget(view)
    assert not view.new_button.isEnabled()
    assert "may read bookings in tenant 1 but not change them" in view.new_button.toolTip()
    editor = open_editor(qtbot, ctx, number)
    assert editor.title.isReadOnly() and not editor.save_button.isEnabled()
    assert editor.read_only_note.isVisible()
    for button in editor.actions_bar.buttons():
        assert not button.isEnabled()
        assert "may read bookings" in button.toolTip()


def test_open_booking_opens_the_editor_and_refreshes_after_changes(qtbot, context, monkeypatch):
    ctx = context(1)
    number = booked(ctx.session, title="Mallorca")
    opened = []

    def fake_exec(editor):
        opened.append(editor.number)
        editor.title.setText("Mallorca, Hotel Sol")
        assert editor.save()
        return 0

    monkeypatch.setattr(BookingEditor, "exec", fake_exec)
    view = BookingsView(ctx)
    qtbot.addWidget(view)
    assert view.open_booking(number) is True
    assert opened == [number]
    assert rows(view, view.model.TITLE) == ["Mallorca, Hotel Sol"]
    assert view.selected_number() == number


def test_open_booking_of_another_tenant_shows_the_service_message(qtbot, context, shown):
    number = booked(context(0).session)
    view = BookingsView(context(3))
    qtbot.addWidget(view)
    assert view.open_booking(number) is False
    assert shown[0].message == f"There is no booking {number}."


# -- the editor ----------------------------------------------------------------------------------


def test_a_booking_with_two_service_lines_is_created_through_the_editor(qtbot, context):
    ctx = context(1)
    new_customer(ctx.session, first_name="Hans", last_name="Müller", city="Hamburg")
    new_customer(ctx.session, first_name="Eva", last_name="Meier")
    editor = open_editor(qtbot, ctx)
    assert not editor.save_button.isEnabled()  # no customer yet
    editor.customer.setFocus()
    qtbot.keyClicks(editor.customer, "muel")
    popup = editor.customer.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.customer.text().startswith("Müller, Hans – Hamburg")
    assert editor.travellers.travellers()[0]["last_name"] == "Müller"  # the customer travels
    qtbot.keyClicks(editor.title, "Mallorca")
    editor.travel_from.set_value(date(2027, 5, 1))
    editor.travel_to.set_value(date(2027, 5, 8))
    editor.codes["travel_type_code"].setCurrentIndex(
        editor.codes["travel_type_code"].findData("PAUS")
    )
    click(qtbot, editor.services.edit_buttons[0])  # Add service: a package for the travel dates
    services = editor.services
    description = _cell_editor(qtbot, services)
    qtbot.keyClicks(description, "Hotel Sol")
    qtbot.keyClick(description, Qt.Key.Key_Return)
    QApplication.processEvents()
    edit_cell(qtbot, services, 0, 1, "TUI")
    edit_cell(qtbot, services, 0, 5, 2)
    edit_cell(qtbot, services, 0, 6, amount_input(50000))
    edit_cell(qtbot, services, 0, 7, "440")
    click(qtbot, services.edit_buttons[0])
    qtbot.keyClick(_cell_editor(qtbot, services), Qt.Key.Key_Escape)
    edit_cell(qtbot, services, 1, 0, "flight")
    edit_cell(qtbot, services, 1, 6, "300")
    assert editor.total.text().startswith(f"Total: {format_money(130000)}")
    assert f"Margin: {format_money(42000)}" in editor.total.text()
    click(qtbot, editor.save_button)
    number = editor.number
    assert number is not None
    assert editor.windowTitle() == f"Booking {number} (Offer) – Tenant 1 Reisebüro Nord"
    lines = services_of("anna", ctx.session, number)
    assert [(s.kind, s.supplier_code, s.quantity, s.price_cents, s.cost_cents) for s in lines] == [
        ("package", "TUI", 2, 50000, 44000),
        ("flight", "", 1, 30000, 0),
    ]
    assert (lines[0].date_from, lines[0].date_to) == (date(2027, 5, 1), date(2027, 5, 8))
    assert [t.last_name for t in travellers_of("anna", ctx.session, number)] == ["Müller"]
    assert get_booking("anna", ctx.session, number).travel_type_code == "PAUS"
    assert editor.result_label.text() == f"Booking {number} saved."


def test_an_amount_that_is_none_is_shown_and_keeps_save_disabled(qtbot, context):
    ctx = context(1)
    editor = open_editor(qtbot, ctx, customer_id=new_customer(ctx.session))
    assert editor.save_button.isEnabled()
    click(qtbot, editor.services.edit_buttons[0])
    qtbot.keyClick(_cell_editor(qtbot, editor.services), Qt.Key.Key_Escape)
    comma = amount_input(0)[1]  # the decimal sign of the UI's language
    edit_cell(qtbot, editor.services, 0, 6, f"12{comma}345")
    assert not editor.save_button.isEnabled()
    message = editor.messages["services"].text()
    assert message.startswith("Service 1, Price: 12.345 has more than two decimals")
    assert editor.total.text() == "Total: –"
    edit_cell(qtbot, editor.services, 0, 6, f"12{comma}34")
    assert editor.save_button.isEnabled() and not editor.messages["services"].isVisible()


def test_travellers_need_a_last_name(qtbot, context):
    ctx = context(1)
    editor = open_editor(qtbot, ctx, customer_id=new_customer(ctx.session))
    rows_before = editor.travellers.rowCount()
    click(qtbot, editor.travellers.edit_buttons[0])
    first_name = _cell_editor(qtbot, editor.travellers)
    qtbot.keyClicks(first_name, "Eva")  # the first name, no last name
    qtbot.keyClick(first_name, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert editor.travellers.rowCount() == rows_before + 1
    assert not editor.save_button.isEnabled()
    assert editor.messages["travellers"].text() == "Traveller 2, Last name: Enter the last name."


def test_invoicing_from_the_editor_changes_the_status_and_shows_the_invoice_number(qtbot, context):
    ctx = context(1)
    number = booked(ctx.session)
    editor = open_editor(qtbot, ctx, number)
    assert not editor.actions_bar.book_button.isEnabled()
    assert editor.actions_bar.book_button.toolTip() == "Only an offer can be booked."
    click(qtbot, editor.actions_bar.invoice_button)
    invoice = invoices_of("anna", ctx.session, number)[0]
    assert get_booking("anna", ctx.session, number).status == "invoiced"
    assert editor.actions_bar.status.text() == "Status: Invoiced"
    assert (
        editor.result_label.text()
        == f"Invoice {invoice_label(invoice)} issued for {format_money(100000)}."
    )
    assert f"Invoice {invoice_label(invoice)} of" in editor.actions_bar.invoices.text()
    assert f"open: {format_money(100000)}" in editor.actions_bar.invoices.text()
    # Invoiced: read-only, only payment and cancellation are left.
    assert editor.title.isReadOnly() and not editor.save_button.isEnabled()
    assert "is invoiced and can no longer be changed" in editor.read_only_note.text()
    assert editor.actions_bar.pay_button.isEnabled()
    assert not editor.actions_bar.invoice_button.isEnabled()


def test_a_refused_action_shows_the_services_message(qtbot, context, shown):
    ctx = context(1)
    number = booked(ctx.session, travel_type="")
    editor = open_editor(qtbot, ctx, number)
    click(qtbot, editor.actions_bar.invoice_button)
    assert [e.message for e in shown] == [
        "Choose a travel type before invoicing: it decides how VAT is treated."
    ]
    assert get_booking("anna", ctx.session, number).status == "booked"


def test_book_then_cancel_an_invoiced_booking_gives_a_credit_note(qtbot, context):
    ctx = context(1)
    customer = new_customer(ctx.session)
    offer = create_booking(
        "anna",
        ctx.session,
        {"customer_id": customer, "travel_type_code": "PAUS"},
        services=[PACKAGE],
    )
    editor = open_editor(qtbot, ctx, offer.number)
    click(qtbot, editor.actions_bar.book_button)
    assert editor.result_label.text() == f"Booking {offer.number} is booked."
    click(qtbot, editor.actions_bar.invoice_button)
    click(qtbot, editor.actions_bar.cancel_button)
    credit = invoices_of("anna", ctx.session, offer.number)[-1]
    assert credit.kind == "credit"
    assert editor.result_label.text() == (
        f"Booking {offer.number} is cancelled. Credit note {invoice_label(credit)} issued."
    )
    assert not any(button.isEnabled() for button in editor.actions_bar.buttons())


def test_pending_edits_are_saved_before_an_action(qtbot, context):
    ctx = context(1)
    number = booked(ctx.session, title="Mallorca")
    editor = open_editor(qtbot, ctx, number)
    editor.title.setText("Mallorca, zwei Wochen")
    click(qtbot, editor.actions_bar.invoice_button)
    stored = get_booking("anna", ctx.session, number)
    assert (stored.title, stored.status) == ("Mallorca, zwei Wochen", "invoiced")


def test_a_payment_is_recorded_up_to_the_open_amount(qtbot, context):
    ctx = context(1)
    number = booked(ctx.session)
    invoice_booking("anna", ctx.session, number)
    dialog = PaymentDialog(ctx, number, 100000)
    show_active(qtbot, dialog)
    assert dialog.amount.text() == amount_input(100000)
    dialog.amount.setText("1200")
    assert not dialog.ok_button.isEnabled()
    assert (
        dialog.messages["amount"].text()
        == f"That is more than the open amount of {format_money(100000)}."
    )
    dialog.amount.setText(amount_input(40000))
    click(qtbot, dialog.ok_button)
    assert dialog.payment is not None and dialog.payment.amount_cents == 40000
    editor = open_editor(qtbot, ctx, number)
    assert f"open: {format_money(60000)}" in editor.actions_bar.invoices.text()


def test_record_payment_in_the_editor_shows_what_was_recorded(qtbot, context, monkeypatch):
    ctx = context(1)
    number = booked(ctx.session)
    invoice_booking("anna", ctx.session, number)

    def pay_in_full(dialog):
        dialog.record()
        return dialog.result()

    monkeypatch.setattr(PaymentDialog, "exec", pay_in_full)
    editor = open_editor(qtbot, ctx, number)
    click(qtbot, editor.actions_bar.pay_button)
    assert editor.result_label.text() == f"Payment of {format_money(100000)} recorded."
    assert not editor.actions_bar.pay_button.isEnabled()
    assert editor.actions_bar.pay_button.toolTip() == "Nothing is open on this booking."


def test_a_new_booking_for_a_customer_starts_with_them_as_traveller(qtbot, context):
    ctx = context(1)
    customer = new_customer(ctx.session, first_name="Eva", last_name="Meier")
    editor = open_editor(qtbot, ctx, customer_id=customer)
    assert editor.customer.customer_id() == customer
    assert [(t["first_name"], t["last_name"]) for t in editor.travellers.travellers()] == [
        ("Eva", "Meier")
    ]
    assert not editor.has_unsaved_changes()  # nothing typed yet: closing does not ask


def test_travel_dates_are_typed_as_the_language_writes_them_and_can_be_emptied(qtbot, context):
    ctx = context(1)
    editor = open_editor(qtbot, ctx, customer_id=new_customer(ctx.session))
    editor.travel_from.setFocus()
    qtbot.keyClicks(editor.travel_from, date_text(date(2027, 5, 1)))
    assert editor.values()["travel_from"] == date(2027, 5, 1)
    editor.travel_to.setFocus()
    qtbot.keyClicks(editor.travel_to, date_text(date(2027, 4, 24)))
    assert editor.messages["dates"].text() == "The return date lies before the departure date."
    assert not editor.save_button.isEnabled()
    editor.travel_to.lineEdit().selectAll()
    qtbot.keyClick(editor.travel_to, Qt.Key.Key_Delete)
    assert editor.values()["travel_to"] is None
    assert editor.save_button.isEnabled()


def test_return_on_a_row_opens_the_booking(qtbot, context, monkeypatch):
    ctx = context(1)
    number = booked(ctx.session)
    opened = []
    monkeypatch.setattr(BookingEditor, "exec", lambda editor: opened.append(editor.number) or 0)
    view = BookingsView(ctx)
    show_active(qtbot, view)
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [number]
