"""Issue 10, driven as a user does: the bookings module of the main window, a booking opened
by double-click or the New button, and what the editor says before and after each click."""

import gettext
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QStyle

from jack_desktop.bookings import get_booking
from jack_desktop.invoicing import invoice_booking, invoices_of
from jack_desktop.money import parse_amount
from tenant_store import ValidationError, i18n
from ui.booking_editor import BookingEditor
from ui.booking_model import BookingTableModel
from ui.editable_table import BAD_CELL
from ui.payment_dialog import PaymentDialog
from ui.service_lines_table import PRICE

from ..jack_desktop.agency import booked, build_agency, new_customer
from .driving import click_button, click_module, on_modal, open_main_window
from .test_bookings_view import edit_cell

TENANT_1 = "Tenant 1 Reisebüro Nord"


@pytest.fixture
def office(inst3):
    """Tenants 0-3 of agency.py; anna is an administrator everywhere."""
    return build_agency(inst3)


def in_tenant_1(office, make):
    """Prepare data in tenant 1 before the window opens: make(session) -> result."""
    with office.open_session(1) as session:
        return make(session)


def open_booking(qtbot, window, number: int | None, handler) -> None:
    """Double-click booking `number` in the list (None: the New button); `handler(editor)` runs
    while the editor is open, which is closed afterwards without asking."""
    view = click_module(qtbot, window, "bookings")

    def run(editor):
        try:
            # As on a desktop, keys go to the dialog, not to the Return of the list behind it
            # (the offscreen platform may leave no window active at all: keys reach it too).
            editor.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is not window)
            handler(editor)
        finally:
            QDialog.done(editor, QDialog.DialogCode.Rejected)  # no "discard changes?" question

    seen = on_modal(run, BookingEditor)
    if number is None:
        click(qtbot, view.new_button)  # "New booking"
    else:
        index = view.model.index(view.model.row_of(number), BookingTableModel.TITLE)
        centre = view.table.visualRect(index).center()
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert seen, "the booking editor did not open"


def answer(button: QMessageBox.StandardButton, told: list):
    """A handler for on_modal: note the message box's text and default, then press `button`."""

    def press(box: QMessageBox) -> None:
        told.append((box.text(), box.defaultButton() is box.button(QMessageBox.StandardButton.No)))
        box.button(button).click()

    return press


def refusal(text: str) -> str:
    """What the money service says about `text` as an amount."""
    with pytest.raises(ValidationError) as caught:
        parse_amount("price", text)
    return caught.value.message


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- 1: invoicing asks first ---------------------------------------------------------------------


def test_invoice_asks_first_and_no_changes_nothing(qtbot, office):
    number = in_tenant_1(office, booked)
    window = open_main_window(qtbot, office, "anna", 1)
    told = []

    def invoice_twice(editor):
        editor.title.setText("Mallorca, zwei Wochen")  # pending: No must not save it either
        on_modal(answer(QMessageBox.StandardButton.No, told), QMessageBox)
        click(qtbot, editor.actions_bar.invoice_button)
        assert editor.actions_bar.status.text() == "Status: Booked"
        on_modal(answer(QMessageBox.StandardButton.Yes, told), QMessageBox)
        click(qtbot, editor.actions_bar.invoice_button)
        assert editor.actions_bar.status.text() == "Status: Invoiced"

    open_booking(qtbot, window, number, invoice_twice)
    (question, no_is_default), _second = told
    assert question.startswith(f"Invoice booking {number}?")
    assert "next invoice number and posts the invoice to the books" in question
    assert "only a cancellation with a credit note can undo it" in question
    assert no_is_default  # Return on the question does not invoice
    stored = get_booking("anna", window.ctx.session, number)
    assert (stored.status, stored.title) == ("invoiced", "Mallorca, zwei Wochen")
    assert len(invoices_of("anna", window.ctx.session, number)) == 1


def test_no_on_the_invoice_question_leaves_the_booking_as_it_was(qtbot, office):
    number = in_tenant_1(office, booked)
    window = open_main_window(qtbot, office, "anna", 1)
    told = []

    def say_no(editor):
        editor.title.setText("Mallorca, zwei Wochen")
        on_modal(answer(QMessageBox.StandardButton.No, told), QMessageBox)
        click(qtbot, editor.actions_bar.invoice_button)

    open_booking(qtbot, window, number, say_no)
    assert told, "no question was asked"
    stored = get_booking("anna", window.ctx.session, number)
    assert (stored.status, stored.title) == ("booked", "Mallorca")
    assert invoices_of("anna", window.ctx.session, number) == []


# -- 2 and 6: a wrong price names row and column, and Invoice says why it does nothing ----------


def test_letters_in_a_price_name_the_cell_and_invoice_says_why_it_cannot(qtbot, office):
    number = in_tenant_1(office, booked)
    window = open_main_window(qtbot, office, "anna", 1)
    told, seen = [], {}

    def wrong_price(editor):
        edit_cell(qtbot, editor.services, 0, PRICE, "abc")
        seen["message"] = editor.messages["services"].text()
        seen["shown"] = editor.messages["services"].isVisible()
        seen["tinted"] = editor.services.item(0, PRICE).background() == BAD_CELL
        seen["hint"] = editor.save_hint.text()
        on_modal(answer(QMessageBox.StandardButton.Ok, told), QMessageBox)
        click(qtbot, editor.actions_bar.invoice_button)

    open_booking(qtbot, window, number, wrong_price)
    # "'abc' is not an amount such as 1234,56." (the example in the UI's language)
    expected = f"Service 1, Price: {refusal('abc')}"
    assert seen == {"message": expected, "shown": True, "tinted": True, "hint": expected}
    assert told, "Invoice did nothing and said nothing"
    assert expected in told[0][0]
    assert "First correct the booking" in told[0][0]
    assert get_booking("anna", window.ctx.session, number).status == "booked"


def test_reversed_travel_dates_are_told_and_not_saved(qtbot, office):
    number = in_tenant_1(office, booked)
    window = open_main_window(qtbot, office, "anna", 1)
    told, seen = [], {}

    def reverse(editor):
        editor.travel_to.set_value(date(2027, 4, 20))  # before the departure on 1 May
        seen["dates"] = editor.messages["dates"].text()
        seen["save"] = editor.save_button.isEnabled()
        seen["hint"] = editor.save_hint.text()
        on_modal(answer(QMessageBox.StandardButton.Ok, told), QMessageBox)
        click(qtbot, editor.actions_bar.invoice_button)

    open_booking(qtbot, window, number, reverse)
    expected = "The return date lies before the departure date."
    assert seen == {"dates": expected, "save": False, "hint": expected}
    assert told and expected in told[0][0]
    stored = get_booking("anna", window.ctx.session, number)
    assert (stored.status, stored.travel_to) == ("booked", date(2027, 5, 8))


def test_a_new_booking_says_which_field_keeps_save_disabled(qtbot, office):
    window = open_main_window(qtbot, office, "anna", 1)
    seen = {}

    def look(editor):
        seen["save"] = editor.save_button.isEnabled()
        seen["hint"] = (editor.save_hint.isVisible(), editor.save_hint.text())

    open_booking(qtbot, window, None, look)
    assert seen == {
        "save": False,
        "hint": (True, "Choose the customer from the list of matches."),
    }


# -- 3: a locked booking looks locked ------------------------------------------------------------


def test_an_invoiced_booking_shows_title_and_note_read_only_with_the_reason(qtbot, office):
    def invoiced(session):
        number = booked(session, note="Meerblick")
        invoice_booking("anna", session, number)
        return number

    number = in_tenant_1(office, invoiced)
    window = open_main_window(qtbot, office, "anna", 1)
    seen = {}

    def look(editor):
        qtbot.keyClicks(editor.title, "xyz")
        grey = editor.palette().color(QPalette.ColorRole.Window)
        for name in ("title", "note", "customer"):
            field = getattr(editor, name)
            seen[name] = (field.palette().color(QPalette.ColorRole.Base) == grey, field.toolTip())
        seen["title text"] = editor.title.text()
        seen["note shown"] = editor.read_only_note.isVisible()

    open_booking(qtbot, window, number, look)
    reason = (
        "This booking is invoiced and can no longer be changed; cancel it and create a new one."
    )
    assert seen == {
        "title": (True, reason),
        "note": (True, reason),
        "customer": (True, reason),
        "title text": "Mallorca",
        "note shown": True,
    }


def test_an_open_booking_keeps_editable_fields_white(qtbot, office):
    number = in_tenant_1(office, booked)
    window = open_main_window(qtbot, office, "anna", 1)
    seen = []

    def look(editor):
        grey = editor.palette().color(QPalette.ColorRole.Window)
        seen.append(editor.title.palette().color(QPalette.ColorRole.Base) != grey)
        seen.append(editor.title.toolTip())

    open_booking(qtbot, window, number, look)
    assert seen == [True, ""]


# -- 4: a company customer is shown by its company -----------------------------------------------


def test_the_list_and_the_editor_show_the_company_of_a_company_customer(qtbot, office):
    def company_booking(session):
        customer = new_customer(
            session,
            kind="company",
            company="Hansen IT-Beratung GmbH",
            first_name="Stefan",
            last_name="Klein",
        )
        return booked(session, customer_id=customer)

    number = in_tenant_1(office, company_booking)
    window = open_main_window(qtbot, office, "anna", 1)
    view = click_module(qtbot, window, "bookings")
    row = view.model.row_of(number)
    shown = view.model.index(row, BookingTableModel.CUSTOMER).data()
    assert shown == "Hansen IT-Beratung GmbH (Klein, Stefan)"
    seen = []
    open_booking(qtbot, window, number, lambda editor: seen.append(editor.customer.text()))
    assert seen[0].startswith("Hansen IT-Beratung GmbH")
    view.filter.setText("Hansen")  # the company is found by its name too
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.number(0) == number


# -- 5: every editor says which tenant it works in -----------------------------------------------


def test_the_booking_editor_and_its_payment_dialog_name_the_tenant(qtbot, office):
    def invoiced(session):
        number = booked(session)
        invoice_booking("anna", session, number)
        return number

    number = in_tenant_1(office, invoiced)
    window = open_main_window(qtbot, office, "anna", 1)
    titles = []

    def look(editor):
        titles.append(editor.windowTitle())
        on_modal(lambda d: (titles.append(d.windowTitle()), d.reject()), PaymentDialog)
        click(qtbot, editor.actions_bar.pay_button)

    open_booking(qtbot, window, number, look)
    open_booking(qtbot, window, None, lambda editor: titles.append(editor.windowTitle()))
    assert titles == [
        f"Booking {number} (Invoiced) – {TENANT_1}",
        f"Payment for booking {number} – {TENANT_1}",
        f"New booking – {TENANT_1}",
    ]


@pytest.mark.parametrize(
    ("module", "button", "title"),
    [
        ("customers", "New customer", "New customer"),
        ("tickets", "New ticket", "New ticket"),
        ("notes", "New note", "New note"),
        ("accounting", "New entry", "New journal entry"),
    ],
)
def test_the_editors_of_the_other_modules_name_the_tenant(qtbot, office, module, button, title):
    window = open_main_window(qtbot, office, "anna", 1)
    view = click_module(qtbot, window, module)
    titles = []
    on_modal(lambda dialog: (titles.append(dialog.windowTitle()), dialog.done(0)), QDialog)
    click_button(qtbot, view, button)
    assert titles == [f"{title} – {TENANT_1}"]


# -- 7: capitalised, translated labels; the status column fits them ------------------------------


def test_status_and_service_kinds_are_shown_capitalised(qtbot, office):
    number = in_tenant_1(office, booked)
    window = open_main_window(qtbot, office, "anna", 1)
    view = click_module(qtbot, window, "bookings")
    status = view.model.index(view.model.row_of(number), BookingTableModel.STATUS).data()
    filters = [view.status_filter.itemText(i) for i in range(view.status_filter.count())]
    assert (status, filters) == ("Booked", ["All", "Offer", "Booked", "Invoiced", "Cancelled"])
    seen = []
    open_booking(qtbot, window, number, lambda e: seen.append(e.services.item(0, 0).text()))
    assert seen == ["Package"]


class LongStatus(gettext.NullTranslations):
    """A language whose word for 'Invoiced' is long (as German 'Abgerechnet' is in the list)."""

    def gettext(self, message):
        return {"Invoiced": "Abgerechnet und gebucht (Rechnung gestellt)"}.get(message, message)


def test_the_status_column_fits_the_longest_translated_status(qtbot, office, monkeypatch):
    monkeypatch.setattr(i18n, "_translation", LongStatus())

    def invoiced(session):
        number = booked(session)
        invoice_booking("anna", session, number)
        return number

    number = in_tenant_1(office, invoiced)
    window = open_main_window(qtbot, office, "anna", 1)
    view = click_module(qtbot, window, "bookings")
    table = view.table
    text = view.model.index(view.model.row_of(number), BookingTableModel.STATUS).data()
    assert text == "Abgerechnet und gebucht (Rechnung gestellt)"
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    needed = table.fontMetrics().horizontalAdvance(text) + 2 * margin
    assert table.horizontalHeader().sectionSize(BookingTableModel.STATUS) >= needed
