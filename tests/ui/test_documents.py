"""PDF documents from the client: saved in the tenant's folder off the UI thread, opened in the
viewer, every failure a message; the booking editor's documents menu."""

from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtWidgets import QPushButton

from jack_desktop.bookings import create_booking
from jack_desktop.documents import files
from jack_desktop.invoicing import cancel_booking, invoice_booking, invoice_label
from jack_desktop.tickets import add_ticket
from tenant_store import i18n
from tenant_store.tenant_edit import update_tenant
from ui import accounting_view, booking_actions, booking_editor, documents, tickets_view
from ui.accounting_view import AccountingView
from ui.booking_editor import BookingEditor
from ui.controlling_view import ControllingView
from ui.tickets_view import TicketsView

from ..jack_desktop.agency import FLIGHT, PACKAGE, booked, build_agency, new_customer
from .driving import click_button, click_module, open_booking, open_main_window, plain


@pytest.fixture
def office(inst3):
    build_agency(inst3)
    update_tenant(inst3, 1, branding={"tax_number": "21/815/08150"})
    return inst3


@pytest.fixture
def shown(monkeypatch):
    """Opened documents, messages and errors, recorded instead of shown."""
    seen = {"opened": [], "warnings": [], "errors": []}
    monkeypatch.setattr(documents, "open_document", seen["opened"].append)
    monkeypatch.setattr(documents, "warn", lambda _p, text: seen["warnings"].append(text))
    for module in (documents, booking_actions, booking_editor, accounting_view, tickets_view):
        monkeypatch.setattr(module, "show_error", lambda _p, exc: seen["errors"].append(exc))
    return seen


def _editor(qtbot, office, open_context, number, user="anna"):
    editor = BookingEditor(open_context(office, 1, user), number)
    qtbot.addWidget(editor)
    return editor


def _entries(editor) -> dict[str, object]:
    menu = editor.actions_bar.documents_button.menu()
    return {a.text().replace("&", ""): a for a in menu.actions()}


def _text(path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_an_offer_has_no_documents_yet_and_says_why(qtbot, office, open_context, shown):
    with office.open_session(1) as s:
        offer = create_booking("anna", s, {"customer_id": new_customer(s)}, [], [PACKAGE])
        number = offer.number
    editor = _editor(qtbot, office, open_context, number)
    button = editor.actions_bar.documents_button
    assert not button.isEnabled()
    assert "once the booking is booked" in button.toolTip()
    assert list(_entries(editor)) == ["Travel confirmation"]


def test_confirmation_is_saved_in_the_tenants_folder_and_opened(qtbot, office, open_context, shown):
    with office.open_session(1) as s:
        number = booked(s)
    editor = _editor(qtbot, office, open_context, number, user="vera")  # a viewer may print
    assert editor.actions_bar.documents_button.isEnabled()
    _entries(editor)["Travel confirmation"].trigger()
    expected = office.tenant_dir(1) / "Dokumente" / f"Reisebestaetigung-{number}.pdf"
    assert shown["opened"] == [expected]
    assert "Reisebüro Nord" in _text(expected)
    assert shown["warnings"] == shown["errors"] == []


def test_each_invoice_and_credit_note_has_its_entry(qtbot, office, open_context, shown):
    with office.open_session(1) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number)
        credit = cancel_booking("anna", s, number)
    editor = _editor(qtbot, office, open_context, number)
    entries = _entries(editor)
    assert list(entries) == [
        "Travel confirmation",
        f"Invoice {invoice_label(invoice)}",  # M1-1: tenant 1's series in tenant 0's books
        f"Credit note {invoice_label(credit)}",
    ]
    assert not entries["Travel confirmation"].isEnabled()  # cancelled
    entries[f"Credit note {invoice_label(credit)}"].trigger()
    folder = office.tenant_dir(1) / "Dokumente"
    assert shown["opened"] == [folder / f"Gutschrift-{invoice_label(credit)}.pdf"]
    entries[f"Invoice {invoice_label(invoice)}"].trigger()
    assert shown["opened"][-1] == folder / f"Rechnung-{invoice_label(invoice)}.pdf"


def test_a_refusal_of_the_service_is_shown_and_nothing_is_saved(qtbot, office, open_context, shown):
    update_tenant(office, 1, branding={"tax_number": ""})  # no tax number, no VAT ID
    with office.open_session(1) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number)
    editor = _editor(qtbot, office, open_context, number)
    _entries(editor)[f"Invoice {invoice_label(invoice)}"].trigger()
    (error,) = shown["errors"]
    assert error.field == "tax_number" and "§ 14 UStG" in error.message
    assert shown["opened"] == []
    assert not (office.tenant_dir(1) / "Dokumente").exists()


def test_a_document_open_in_the_viewer_is_explained_and_the_old_file_kept(
    qtbot, office, open_context, shown, monkeypatch
):
    """Windows refuses to replace a PDF that Acrobat holds open: os.replace raises."""
    with office.open_session(1) as s:
        number = booked(s)
    editor = _editor(qtbot, office, open_context, number)
    _entries(editor)["Travel confirmation"].trigger()
    (path,) = shown["opened"]
    before = path.read_bytes()

    def locked(src, dst):
        raise PermissionError(13, "Access is denied", str(src), None, str(dst))

    monkeypatch.setattr(files.os, "replace", locked)
    _entries(editor)["Travel confirmation"].trigger()
    (warning,) = shown["warnings"]
    assert f"{path} cannot be replaced: it is open in another program" in warning
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temp file left


def test_a_folder_that_cannot_be_written_is_named(qtbot, office, open_context, shown):
    with office.open_session(1) as s:
        number = booked(s)
    folder = office.tenant_dir(1) / "Dokumente"
    folder.write_text("not a folder")  # a real failure even for root, unlike permissions
    editor = _editor(qtbot, office, open_context, number)
    _entries(editor)["Travel confirmation"].trigger()
    (warning,) = shown["warnings"]
    assert "could not be saved" in warning and str(folder) in warning
    assert shown["opened"] == []
    assert folder.read_text() == "not a folder"


def test_no_viewer_still_says_where_the_document_is(
    qtbot, office, open_context, shown, monkeypatch
):
    def no_viewer(path):
        raise FileNotFoundError(2, "No such file or directory", "xdg-open")

    monkeypatch.setattr(documents, "open_document", no_viewer)
    with office.open_session(1) as s:
        number = booked(s)
    editor = _editor(qtbot, office, open_context, number)
    _entries(editor)["Travel confirmation"].trigger()
    (warning,) = shown["warnings"]
    path = office.tenant_dir(1) / "Dokumente" / f"Reisebestaetigung-{number}.pdf"
    assert f"saved as {path}" in warning and path.is_file()


# -- reports in the views ------------------------------------------------------------------------

TICKET = {
    "number": "220-1234567890",
    "airline": "LH",
    "passenger": "Müller/Hans Mr",
    "route": "FRA-JFK-FRA",
    "fare": "1234.56",
    "taxes": "100.00",
    "issued_on": date.today() - timedelta(days=1),
}


def _menu(button) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in button.menu().actions()}


def _view(qtbot, kind, ctx):
    view = kind(ctx)
    qtbot.addWidget(view)
    return view


def test_ticket_list_of_tenant_0_covers_the_central_tickets(qtbot, office, open_context, shown):
    with office.open_session(2) as s:  # tenant 2 keeps its tickets in tenant 0 (R7)
        add_ticket("anna", s, TICKET)
    sub = _view(qtbot, TicketsView, open_context(office, 2, "anna"))
    assert not sub.print_button.isEnabled()
    assert "done in tenant 0" in sub.print_button.toolTip()
    main = _view(qtbot, TicketsView, open_context(office, 0, "anna"))
    main.list_action.trigger()
    (path,) = shown["opened"]
    assert path == office.root / "Dokumente" / f"Ticketliste-{date.today().isoformat()}.pdf"
    assert "220-1234567890" in _text(path) and "Müller/Hans" in _text(path)


def test_accounting_prints_own_and_in_tenant_0_consolidated_reports(
    qtbot, office, open_context, shown
):
    with office.open_session(1) as s:
        invoice_booking("anna", s, booked(s))  # posted in tenant 0's journal (R4)
    sub = _view(qtbot, AccountingView, open_context(office, 1, "anna"))
    button = sub.findChild(QPushButton, "printButton")
    assert list(_menu(button)) == ["Journal", "Trial balance"]
    _menu(button)["Journal"].trigger()
    today = date.today().isoformat()
    assert shown["opened"] == [office.tenant_dir(1) / "Dokumente" / f"Journal-{today}.pdf"]
    main = _view(qtbot, AccountingView, open_context(office, 0, "anna"))
    menu = _menu(main.findChild(QPushButton, "printButton"))
    assert list(menu) == [
        "Journal",
        "Trial balance",
        "Consolidated journal",
        "Consolidated trial balance",
    ]
    menu["Consolidated trial balance"].trigger()
    path = shown["opened"][-1]
    assert path.name == f"Summen-und-Saldenliste-konsolidiert-{today}.pdf"
    assert "Reisebüro Nord" in _text(path)  # tenant 1's column


def test_controlling_prints_what_is_shown(qtbot, office, open_context, shown):
    with office.open_session(1) as s:
        booked(s)
    view = _view(qtbot, ControllingView, open_context(office, 0, "anna"))
    view.year.setValue(2027)  # the booking travels in May 2027
    view.consolidated.setChecked(True)
    view.report_action.trigger()
    (path,) = shown["opened"]
    assert path.name == f"Controlling-konsolidiert-{date.today().isoformat()}.pdf"
    text = _text(path)
    assert "2027" in text and "Reisebüro Nord" in text


# -- issue 10: the document language, driven from the main window -------------------------------


def _print_invoice(qtbot, window, number: int, invoice: int) -> list[str]:
    """Documents > Invoice <n> in the booking's editor; the menu's entries as shown."""
    shown_entries = []

    def print_it(editor):
        entries = _entries(editor)
        shown_entries.extend(entries)
        action = entries[f"Invoice {invoice}"]
        assert action.isEnabled(), action.toolTip()
        action.trigger()

    open_booking(qtbot, window, number, print_it)
    return shown_entries


def _set_parameter_in_the_editor(qtbot, window, key: str, value: str) -> str:
    """Base data > Parameters: type `value` for `key`, Save; the message beside the field."""
    view = click_module(qtbot, window, "basedata")
    view.tables.setCurrentRow(view.tables.count() - 1)  # "Parameters", the last entry
    page = view.parameters
    page.editors[key].setText(value)
    click_button(qtbot, page, "Save")
    return page.errors[key].text()


def _invoiced(office) -> tuple[int, int]:
    with office.open_session(1) as s:
        number = booked(s, services=(PACKAGE, {**FLIGHT, "description": "Flug DUS-VIE-DUS"}))
        return number, invoice_label(invoice_booking("anna", s, number))


def test_an_english_ui_prints_the_tenants_german_invoice(qtbot, office, shown):
    number, invoice = _invoiced(office)
    window = open_main_window(qtbot, office, "anna", 1)
    entries = _print_invoice(qtbot, window, number, invoice)
    (path,) = shown["opened"]
    assert path == office.tenant_dir(1) / "Dokumente" / f"Rechnung-{invoice}.pdf"
    text = " ".join(_text(path).replace("\xa0", " ").split())
    for german in (f"Rechnung {invoice}", "Seite 1 von 1", "Rechnungsbetrag 1.300,00 €"):
        assert german in text, german
    assert "Bitte überweisen Sie 1.300,00 €" in text and text.count("überweisen") == 1
    assert "Flug DUS-VIE-DUS" in text and "Flug Flug" not in text
    for english in ("Invoice", "Page", "Booking", "Amount", "Please", "€1"):
        assert english not in text, english
    # The clerk's UI is as English as before printing.
    assert i18n.current_language() == "en"
    assert entries == ["Travel confirmation", f"Invoice {invoice}"]
    assert plain(window.menuBar().actions()[0].text()) == "File"
    assert shown["warnings"] == shown["errors"] == []


def test_document_language_english_set_in_base_data_gives_an_english_invoice(qtbot, office, shown):
    window = open_main_window(qtbot, office, "anna", 1)
    message = _set_parameter_in_the_editor(qtbot, window, "document.language", "fr")
    assert "document language" in message and "de (German) or en (English)" in message
    assert _set_parameter_in_the_editor(qtbot, window, "document.language", "en") == ""
    # Set before the invoice is issued: it is archived as issued, and printed as archived.
    number, invoice = _invoiced(office)
    click_module(qtbot, window, "bookings").refresh_action.trigger()  # F5: the new booking
    _print_invoice(qtbot, window, number, invoice)
    (path,) = shown["opened"]
    text = " ".join(_text(path).replace("\xa0", " ").split())
    for english in (f"Invoice {invoice}", "Page 1 of 1", "Invoice total €1,300.00"):
        assert english in text, english
    assert "Please transfer €1,300.00" in text and "Flight DUS-VIE-DUS" in text
    for german in ("Rechnung", "Seite", "Vorgang", "Bitte", "Flug", "1.300,00"):
        assert german not in text, german
    assert i18n.current_language() == "en"
