"""Issue 10, the customers module as a clerk uses it: companies listed by their name, the editor
saying which field is missing, and IBAN mistakes explained in the user's language."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from jack_desktop.customers import create_customer
from tenant_store import i18n
from ui.customer_editor import CustomerEditor
from ui.customer_model import CustomerModel

from ..jack_desktop.agency import build_agency
from .driving import click_button, click_module, on_modal, open_main_window
from .test_customers_view import type_text


@pytest.fixture
def office(inst3):
    """Tenants 0-3 of agency.py; anna is an administrator everywhere."""
    build_agency(inst3)
    with inst3.open_session(0) as session:
        for values in (
            {"kind": "company", "company": "Zeppelin Reisen AG", "last_name": "Abel"},
            {"first_name": "Eva", "last_name": "Meier"},
            {"kind": "company", "company": "Acme GmbH", "last_name": "Zorn"},
            {"first_name": "Hans", "last_name": "Müller", "company": "Bosch"},
        ):
            create_customer("anna", session, values)
    return inst3


@pytest.fixture
def german():
    """Messages of the services (and their checks as you type) in German."""
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def _names(view) -> list[str]:
    model = view.model
    return [model.index(row, CustomerModel.NAME).data() for row in range(model.rowCount())]


def new_customer(qtbot, window, handler) -> None:
    """Click New customer in the customers module; `handler(editor)` runs while it is open."""
    view = click_module(qtbot, window, "customers")

    def run(editor):
        try:
            handler(editor)
        finally:
            QDialog.done(editor, QDialog.DialogCode.Rejected)  # no "discard changes?" question

    seen = on_modal(run, CustomerEditor)
    click_button(qtbot, view, "New customer")
    assert seen, "the customer editor did not open"


def test_companies_are_listed_and_shown_by_their_company_name(qtbot, office):
    window = open_main_window(qtbot, office, "anna", 0)
    view = click_module(qtbot, window, "customers")
    assert _names(view) == ["Acme GmbH", "Meier, Eva", "Müller, Hans (Bosch)", "Zeppelin Reisen AG"]
    qtbot.keyClicks(view.search, "a")  # Acme, and Zeppelin by its contact person Abel
    qtbot.waitUntil(lambda: _names(view) == ["Acme GmbH", "Zeppelin Reisen AG"])


def test_the_editor_says_which_field_is_missing_not_only_a_grey_save_button(qtbot, office):
    window = open_main_window(qtbot, office, "anna", 0)
    seen = {}

    def fill_in(editor):
        hint = editor.findChild(type(editor.messages["last_name"]), "saveHint")
        seen["at first"] = (editor.save_button.isEnabled(), hint.isVisible(), hint.text())
        qtbot.keyClicks(editor.fields["company"], "Acme")
        seen["with a company"] = (editor.save_button.isEnabled(), hint.isVisible())

    new_customer(qtbot, window, fill_in)
    assert seen["at first"] == (False, True, "Enter a last name or a company name.")
    assert seen["with a company"] == (True, False)


def test_a_wrong_iban_is_explained_beside_the_field_in_english(qtbot, office):
    window = open_main_window(qtbot, office, "anna", 0)
    seen = []

    def type_iban(editor):
        qtbot.keyClicks(editor.fields["last_name"], "Bank")
        qtbot.keyClicks(editor.fields["iban"], "DE89 3704 0044 0532 0130 0")
        seen.append(editor.messages["iban"].text())
        seen.append(editor.findChild(type(editor.messages["iban"]), "saveHint").text())

    new_customer(qtbot, window, type_iban)
    expected = "it has 21 characters, a German IBAN has 22."
    assert all(text.endswith(expected) for text in seen), seen
    assert not any("Invalid" in text for text in seen)  # the library's own English


def test_a_wrong_iban_is_explained_in_german_without_english(qtbot, office, german):
    window = open_main_window(qtbot, office, "anna", 0)
    seen = []

    def type_iban(editor):
        qtbot.keyClicks(editor.fields["last_name"], "Bank")
        type_text(editor.fields["iban"], "DE88 3704 0044 0532 0130 00")
        seen.append(editor.messages["iban"].text())
        editor.fields["iban"].clear()
        qtbot.keyClicks(editor.fields["iban"], "DE89 3704 0044 0532 0130 0")
        seen.append(editor.messages["iban"].text())
        qtbot.keyClick(editor.fields["iban"], Qt.Key.Key_Backspace)
        seen.append(editor.messages["iban"].text())

    new_customer(qtbot, window, type_iban)
    checksum, length, shorter = seen
    assert checksum.startswith("'DE88 3704 0044 0532 0130 00' ist keine gültige IBAN: ")
    assert "Prüfziffern" in checksum
    assert length.endswith("Sie hat 21 Stellen, eine deutsche IBAN hat 22.")
    assert shorter.endswith("Sie hat 20 Stellen, eine deutsche IBAN hat 22.")
    for text in seen:
        words = set(text.lower().replace(".", " ").replace(":", " ").split())
        assert not words & {"invalid", "length", "checksum", "digits", "is", "not", "has"}, text
