"""Issue #12 through the client: an invoice issued from the booking editor is archived; printing
it from the editor's Documents menu opens a byte-identical copy of that archived original, also
after the tenant's name, address and colours changed, and the editor says it is a copy."""

import hashlib

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jack_desktop.invoicing import invoice_label
from tenant_store.archive import Archive
from tenant_store.models.bookings import Invoice
from tenant_store.tenant_edit import update_tenant
from ui import booking_actions, booking_editor, documents
from ui.optional_date import date_text

from ..jack_desktop.agency import booked, build_agency
from .driving import on_modal, open_booking, open_main_window


@pytest.fixture
def office(inst3):
    build_agency(inst3)
    update_tenant(inst3, 1, branding={"tax_number": "21/815/08150", "street": "Hafenstraße 3"})
    return inst3


@pytest.fixture
def shown(monkeypatch):
    """Opened documents, warnings and errors, recorded instead of shown."""
    seen = {"opened": [], "warnings": [], "errors": []}
    monkeypatch.setattr(documents, "open_document", seen["opened"].append)
    monkeypatch.setattr(documents, "warn", lambda _p, text: seen["warnings"].append(text))
    for module in (documents, booking_actions, booking_editor):
        monkeypatch.setattr(module, "show_error", lambda _p, exc: seen["errors"].append(exc))
    return seen


def _yes(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def _print(qtbot, editor, invoice: int) -> str:
    """Documents > Invoice <label>; returns the note the editor shows afterwards."""
    menu = editor.actions_bar.documents_button.menu()
    entries = {a.text().replace("&", ""): a for a in menu.actions()}
    action = entries[f"Invoice {invoice_label(editor.actions_bar.issued[invoice])}"]
    assert action.isEnabled(), action.toolTip()
    action.trigger()
    return editor.actions_bar.document_note.text()


def test_a_printed_invoice_is_the_archived_original_also_after_a_branding_change(
    qtbot, office, shown
):
    with office.open_session(1) as s:
        number = booked(s)
    window = open_main_window(qtbot, office, "anna", 1)
    notes = []

    def invoice_and_print(editor):
        on_modal(_yes, QMessageBox)
        qtbot.mouseClick(editor.actions_bar.invoice_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "issued" in editor.result_label.text())
        (issued,) = editor.actions_bar.issued
        notes.append((issued, _print(qtbot, editor, issued)))

    open_booking(qtbot, window, number, invoice_and_print)
    ((invoice_number, first_note),) = notes
    with office.open_session(1, read_only=True) as s, s.bound():
        row = Invoice.get(Invoice.number == invoice_number)
    archived = Archive.of(office, 1).path(row.archive_file)
    original = archived.read_bytes()
    assert hashlib.sha256(original).hexdigest() == row.archive_sha256
    (first,) = shown["opened"]
    assert first == office.tenant_dir(1) / "Dokumente" / f"Rechnung-{invoice_label(row)}.pdf"
    assert first.read_bytes() == original
    assert "a copy of the archived original of" in first_note and str(first) in first_note
    assert date_text(row.issued_on) in first_note

    update_tenant(
        office,
        1,
        name="Nord Reisen neu",
        branding={"street": "Neue Allee 9", "city": "Kiel", "colour": "#aa0000"},
    )

    def print_again(editor):
        notes.append((None, _print(qtbot, editor, invoice_number)))

    open_booking(qtbot, window, number, print_again)
    again = shown["opened"][-1]
    assert again == first
    assert again.read_bytes() == original  # byte for byte the invoice as issued
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(again).pages)
    assert "Hafenstraße 3" in text and "Neue Allee" not in text and "Nord Reisen neu" not in text
    assert "a copy of the archived original" in notes[-1][1]
    assert shown["warnings"] == shown["errors"] == []
