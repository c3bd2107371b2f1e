"""Base data view: tables with add, edit and deactivate, parameters, read-only users, import."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jack_desktop.basedata import get_entry, list_parameters
from jack_desktop.customers import town_for_postcode
from tenant_store.users import add_user, grant
from ui.basedata_view import BasedataView, EntryDialog

from .driving import on_modal

LINE = "DE\t{code}\t{place}\tBayern\tBY\tOberbayern\t091\tKreis\t09162\t48.1\t11.5\t4\n"


@pytest.fixture
def office(inst3):
    add_user(inst3, "anna", "Anna Albers", "geheim123")
    add_user(inst3, "vera", "Vera Voss", "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "vera", 1, "viewer")
    return inst3


@pytest.fixture
def open_view(qtbot, office, open_context):
    def make(nr, user="anna"):
        view = BasedataView(open_context(office, nr, user))
        qtbot.addWidget(view)
        return view

    return make


def _codes(view):
    table = view.entries.table
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def _row_of(view, code):
    return _codes(view).index(code)


def test_each_table_is_listed_and_shown_with_its_own_columns(open_view):
    view = open_view(1)
    names = [view.tables.item(r).text() for r in range(view.tables.count())]
    assert names == ["Destinations", "Travel types", "Cost centres", "Suppliers", "Parameters"]
    table = view.entries.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Code", "Name", "Country", "Active"]
    view.tables.setCurrentRow(1)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Code", "Name", "VAT scheme", "Active"]
    assert "PAUS" in _codes(view)


def test_a_new_entry_is_checked_beside_its_field_and_saved(qtbot, open_view, office):
    view = open_view(1)
    view.tables.setCurrentRow(2)  # cost centres
    dialog = EntryDialog(view.ctx, "cost_centres", parent=view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["code"].setText("ABC")
    assert "1 to 6 digits" in dialog.errors["code"].text()
    assert not dialog.ok_button.isEnabled()
    dialog.fields["code"].setText(_codes(view)[0])  # taken
    dialog.fields["name"].setText("Messen")
    dialog.ok_button.click()
    assert dialog.isVisible() and "already used" in dialog.errors["code"].text()
    dialog.fields["code"].setText("610")
    dialog.ok_button.click()
    assert dialog.result() == EntryDialog.DialogCode.Accepted
    with office.open_session(1) as session:
        assert get_entry("anna", session, "cost_centres", "610").name == "Messen"


def test_editing_keeps_the_code_and_changes_the_choice(qtbot, open_view, office):
    view = open_view(1)
    view.tables.setCurrentRow(1)
    view.entries.table.selectRow(_row_of(view, "PAUS"))

    def change(dialog):
        assert dialog.fields["code"].isReadOnly()
        combo = dialog.fields["vat_scheme"]
        combo.setCurrentIndex(combo.findData("margin"))
        dialog.ok_button.click()

    on_modal(change, EntryDialog)
    view.entries.edit_action.trigger()
    row = _row_of(view, "PAUS")
    assert view.entries.table.item(row, 2).text() == "Margin scheme (§ 25 UStG)"
    with office.open_session(1) as session:
        assert get_entry("anna", session, "travel_types", "PAUS").vat_scheme == "margin"


def test_deactivating_greys_the_entry_and_offers_to_reactivate(open_view):
    view = open_view(1)
    page = view.entries
    code = _codes(view)[0]
    page.table.selectRow(0)
    assert page.toggle_action.text() == "&Deactivate"
    page.toggle_action.trigger()
    assert page.show_inactive.isChecked()
    row = _row_of(view, code)
    assert page.table.item(row, page.table.columnCount() - 1).text() == "no"
    assert page.current().code == code and page.toggle_action.text() == "&Reactivate"
    page.toggle_action.trigger()
    assert page.table.item(_row_of(view, code), page.table.columnCount() - 1).text() == "yes"


def test_parameters_are_saved_and_a_bad_value_is_named_beside_its_field(open_view, office):
    view = open_view(1)
    view.tables.setCurrentRow(4)
    page = view.parameters
    assert page.editors["vat.standard_percent"].text() == "19"
    assert not page.save_button.isEnabled()
    page.editors["payment.terms_days"].setText("21")
    page.editors["vat.reduced_percent"].setText("150")
    assert page.save_button.isEnabled()
    page.save_action.trigger()
    assert "0 to 100" in page.errors["vat.reduced_percent"].text()
    assert page.status.text() == "Saved: 1. Not saved: 1."
    with office.open_session(1) as session:
        stored = {p.key: p.value for p in list_parameters("anna", session)}
    assert stored["payment.terms_days"] == "21" and stored["vat.reduced_percent"] == "7"


def test_a_read_only_user_sees_everything_disabled_with_the_reason(open_view):
    view = open_view(1, user="vera")
    assert not view.read_only_note.isHidden()
    assert "Read only" in view.read_only_note.text()
    view.entries.table.selectRow(0)
    assert not view.entries.new_action.isEnabled()
    assert not view.entries.edit_action.isEnabled()
    assert not view.entries.toggle_action.isEnabled()
    assert not view.import_button.isEnabled()
    view.tables.setCurrentRow(4)
    assert view.parameters.editors["currency"].isReadOnly()
    writer = open_view(1)
    assert writer.read_only_note.isHidden()


def test_postal_codes_are_imported_from_the_chosen_file(open_view, office, tmp_path, monkeypatch):
    path = tmp_path / "DE.txt"
    path.write_text(LINE.format(code="85999", place="Neuhausen am Testbach"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    view = open_view(2)
    assert "central" in view.import_button.toolTip()
    view.import_action.trigger()
    assert told == ["1 lines read: 1 postal codes added, 0 updated."]
    with office.open_session(1) as session:  # central postal codes: seen in tenant 1 too
        assert town_for_postcode(session, "85999") == "Neuhausen am Testbach"


def test_a_bad_import_file_is_a_message_not_a_traceback(open_view, tmp_path, monkeypatch):
    path = tmp_path / "DE.txt"
    path.write_text("nonsense\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    view = open_view(0)
    view.import_action.trigger()
    assert warned and "line 1" in warned[0], warned
