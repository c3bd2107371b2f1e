"""PDF documents from the client: saved in the tenant's folder off the UI thread, opened in the
viewer, every failure a message; the booking editor's documents menu."""

from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtWidgets import QPushButton

from jack_desktop.bookings import create_booking
from jack_desktop.documents import files
from jack_desktop.invoicing import cancel_booking, invoice_booking
from jack_desktop.tickets import add_ticket
from tenant_store.tenant_edit import update_tenant
from ui import accounting_view, booking_actions, booking_editor, documents, tickets_view
from ui.accounting_view import AccountingView
from ui.booking_editor import BookingEditor
from ui.controlling_view import ControllingView
from ui.tickets_view import TicketsView

from ..jack_desktop.agency import PACKAGE, booked, build_agency, new_customer


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
        f"Invoice {invoice.number}",
        f"Credit note {credit.number}",
    ]
    assert not entries["Travel confirmation"].isEnabled()  # cancelled
    entries[f"Credit note {credit.number}"].trigger()
    folder = office.tenant_dir(1) / "Dokumente"
    assert shown["opened"] == [folder / f"Gutschrift-{credit.number}.pdf"]
    entries[f"Invoice {invoice.number}"].trigger()
    assert shown["opened"][-1] == folder / f"Rechnung-{invoice.number}.pdf"


def test_a_refusal_of_the_service_is_shown_and_nothing_is_saved(qtbot, office, open_context, shown):
    update_tenant(office, 1, branding={"tax_number": ""})  # no tax number, no VAT ID
    with office.open_session(1) as s:
        number = booked(s)
        invoice = invoice_booking("anna", s, number)
    editor = _editor(qtbot, office, open_context, number)
    _entries(editor)[f"Invoice {invoice.number}"].trigger()
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
    "fare": "1.234,56",
    "taxes": "100,00",
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
