"""One language, one set of formats: Qt's numbers follow the UI language as babel's do."""

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from jack_desktop.money import format_money
from tenant_store.i18n import set_language
from ui.app import install_translators
from ui.tenant_management import TenantManagementDialog

from .driving import on_modal, open_main_window


@pytest.fixture
def ui_language(qapp):
    """install_translators(lang) as the app does at start; undone after the test."""
    before = QLocale()

    def use(lang: str) -> None:
        install_translators(QApplication.instance(), set_language(lang))

    yield use
    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(before)
    set_language("en")


@pytest.mark.parametrize(
    ("lang", "number", "money"),
    [("de", "100.000", "1.234,56\xa0€"), ("en", "100,000", "€1,234.56")],
)
def test_tenant_management_numbers_and_money_share_the_ui_language(
    qtbot, inst3, ui_language, lang, number, money
):
    from tenant_store.users import add_user, grant

    add_user(inst3, "anna", "Anna", "geheim123")
    grant(inst3, "anna", 0, "admin")
    ui_language(lang)
    assert format_money(123456) == money
    window = open_main_window(qtbot, inst3, "anna", 0)
    ranges = []

    def read(dialog):
        ranges.extend(dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount()))
        ranges.append(dialog.table.item(0, 5).text())
        dialog.reject()

    on_modal(read, TenantManagementDialog)
    qtbot.keySequence(window, QKeySequence("Ctrl+Shift+T"))  # File > Tenant management
    assert any(number in text for text in ranges), ranges
    size = ranges[-1]  # e.g. "568,00 KiB" in German
    decimal = "," if lang == "de" else "."
    assert decimal in size and ("." if lang == "de" else ",") not in size.split()[0], size
    window.close()
