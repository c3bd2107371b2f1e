"""File > Tenant management > Edit…: the bookkeeping settings (invoice series, DATEV numbers,
fiscal year, automatic lock); with central accounting those of tenant 0's books, read-only."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tenant_store.tenant_edit import update_tenant
from ui.tenant_edit_dialog import TenantEditDialog
from ui.tenant_management import TenantManagementDialog

from .driving import click_button, on_modal, open_main_window, trigger_menu
from .test_accounting_menu import build_books


@pytest.fixture
def books(inst3):
    return build_books(inst3)


def _edit(qtbot, inst, nr: int, handler) -> None:
    """Open the editor of tenant `nr` as an administrator does and run `handler` on it."""
    window = open_main_window(qtbot, inst, "anna", 0)
    opened = []

    def manage(dialog: TenantManagementDialog) -> None:
        dialog.table.selectRow([r.nr for r in dialog.rows].index(nr))
        opened.append(on_modal(handler, TenantEditDialog))
        click_button(qtbot, dialog, "Edit")
        dialog.reject()

    on_modal(manage, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    assert opened and opened[0], "the tenant editor did not open"


def _save(dialog: TenantEditDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_the_books_settings_are_saved_and_a_bad_datev_number_is_named(qtbot, books):
    def fill(dialog: TenantEditDialog) -> None:
        dialog.datev_adviser.setText("12")
        assert not _save(dialog).isEnabled()
        assert dialog.books_error.text() == (
            "'12' is no DATEV adviser number (Beraternummer): it is 1001 to 9999999."
        )
        dialog.datev_adviser.setText("29098")
        dialog.datev_client.setText("100000")
        assert "Mandantennummer" in dialog.books_error.text()
        dialog.datev_client.setText("10042")
        assert dialog.books_error.isHidden() and _save(dialog).isEnabled()
        dialog.invoice_prefix.setText("w-")
        dialog.fiscal_year_start.setCurrentIndex(6)
        dialog.lock_day.setValue(10)
        assert dialog.lock_day.text() == "day 10 of the following month"
        click_button(qtbot, dialog, "Save")

    _edit(qtbot, books, 3, fill)
    assert books.tenant(3).books == {
        "invoice_prefix": "W-",
        "datev_adviser": 29098,
        "datev_client": 10042,
        "fiscal_year_start": 7,
        "lock_day": 10,
    }


def test_with_central_accounting_only_the_invoice_series_is_the_tenants(qtbot, books):
    update_tenant(books, 0, books={"datev_adviser": 29098, "datev_client": 1, "lock_day": 5})
    seen = {}

    def look(dialog: TenantEditDialog) -> None:
        fields = (dialog.datev_adviser, dialog.datev_client)
        seen["values"] = [f.text() for f in fields] + [dialog.lock_day.value()]
        seen["enabled"] = [f.isEnabled() for f in dialog.books_fields()]
        seen["reason"] = dialog.books_reason.text() if dialog.books_reason.isVisible() else ""
        dialog.invoice_prefix.setText("NORD-")
        click_button(qtbot, dialog, "Save")

    _edit(qtbot, books, 1, look)
    assert seen["values"] == ["29098", "1", 5]  # tenant 0's
    assert seen["enabled"] == [True, False, False, False, False]
    assert seen["reason"].startswith("Tenant 1 posts into the books of tenant 0")
    assert books.tenant(1).books["invoice_prefix"] == "NORD-"
    assert books.tenant(1).books["datev_adviser"] is None


def test_a_series_another_tenant_of_the_same_books_uses_is_refused_beside_the_field(qtbot, books):
    def clash(dialog: TenantEditDialog) -> None:
        dialog.invoice_prefix.setText("")  # tenant 0 invoices without a prefix
        click_button(qtbot, dialog, "Save")
        assert dialog.isVisible()
        assert dialog.books_error.text().startswith(
            "Tenant 0 issues invoices in the series (no prefix) in the same books"
        )
        dialog.reject()

    _edit(qtbot, books, 1, clash)
    assert books.tenant(1).books["invoice_prefix"] == "M1-"
