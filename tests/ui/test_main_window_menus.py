"""The main window's menus, used as a user does: File > Tenant management and what it opens."""

import pytest
from PySide6.QtCore import Qt

from tenant_store.users import grant
from ui.tenant_management import TenantManagementDialog

from ..jack_desktop.agency import build_agency
from .driving import click_module, menu_action, on_modal, open_main_window, trigger_menu


@pytest.fixture
def agency(inst3):
    build_agency(inst3)
    grant(inst3, "bernd", 0, "clerk")
    return inst3


def _double_click_tenant(qtbot, dialog: TenantManagementDialog, nr: int) -> None:
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == str(nr))
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("user", ["anna", "bernd"])
def test_r11_tenant_management_from_the_file_menu_switches_on_double_click(qtbot, agency, user):
    window = open_main_window(qtbot, agency, user, 1)
    seen = on_modal(lambda d: _double_click_tenant(qtbot, d, 0), TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    assert seen, "tenant management did not open"
    assert window.ctx.nr == 0
    assert " 0 " in window.windowTitle()
    window.close()


def test_return_in_tenant_management_switches(qtbot, agency):
    window = open_main_window(qtbot, agency, "anna", 0)

    def choose_2(dialog):
        dialog.refresh(select_nr=2)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    on_modal(choose_2, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    assert window.ctx.nr == 2
    window.close()


def test_a_clerk_sees_new_and_edit_disabled_with_the_reason(qtbot, agency):
    window = open_main_window(qtbot, agency, "bernd", 1)
    told = []

    def look(dialog):
        told.append(
            (dialog.new_button.isEnabled(), dialog.edit_button.isEnabled(), dialog.reason.text())
        )
        dialog.reject()

    on_modal(look, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    new_enabled, edit_enabled, reason = told[0]
    assert not new_enabled and not edit_enabled
    assert "Only a tenant administrator can create tenants." in reason
    assert window.ctx.nr == 1
    window.close()


def test_new_opens_the_wizard_and_edit_the_tenant_editor(qtbot, agency):
    from ui.tenant_edit_dialog import TenantEditDialog
    from ui.tenant_wizard import TenantWizard

    window = open_main_window(qtbot, agency, "anna", 0)
    opened = []

    def manage(dialog):
        on_modal(lambda w: (opened.append(type(w)), w.reject()), TenantWizard)
        dialog.new_button.click()
        on_modal(lambda e: (opened.append(type(e)), e.reject()), TenantEditDialog)
        dialog.edit_button.click()
        dialog.reject()

    on_modal(manage, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    assert opened == [TenantWizard, TenantEditDialog]
    assert window.ctx.nr == 0
    window.close()


def test_alt_f_opens_the_file_menu_every_time_from_the_filter_field(qtbot, agency):
    window = open_main_window(qtbot, agency, "anna", 0)
    view = click_module(qtbot, window, "bookings")
    file_menu = menu_action(window, "File").menu()
    for _attempt in range(3):
        view.filter.setFocus()
        qtbot.keyClick(view.filter, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(file_menu.isVisible, timeout=2000)
        qtbot.keyClick(file_menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not file_menu.isVisible(), timeout=2000)
    window.close()


def test_help_about_shows_version_licence_and_data_folder(qtbot, agency):
    from ui.about_dialog import AboutDialog

    window = open_main_window(qtbot, agency, "bernd", 1)
    texts = []
    on_modal(lambda d: (texts.append(d.text.text()), d.reject()), AboutDialog)
    trigger_menu(window, "Help", "About Jack Desktop")
    assert "0.1.0" in texts[0] and "GPL-3.0-or-later" in texts[0]
    assert str(agency.root) in texts[0]
    window.close()


def test_a_progress_window_is_wide_enough_for_its_title(qtbot):
    from PySide6.QtWidgets import QProgressDialog

    from ui.tasks import run_with_progress

    title = "Preparing the demo installation…"
    widths = []

    def look(dialog):
        widths.append((dialog.width(), dialog.fontMetrics().horizontalAdvance(title)))

    on_modal(look, QProgressDialog)
    run_with_progress(None, title, lambda progress: __import__("time").sleep(1.5))
    width, needed = widths[0]
    assert width >= needed + 100  # room for the title bar's buttons too


def test_tenant_management_lists_the_others_and_names_a_damaged_tenant(qtbot, agency):
    manifest = agency.tenant_dir(2) / "manifest.json"
    manifest.write_text("{ this is no manifest")
    window = open_main_window(qtbot, agency, "anna", 0)
    seen = []

    def look(dialog):
        seen.append(
            (
                [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())],
                dialog.damaged.isVisibleTo(dialog),
                dialog.damaged.text(),
            )
        )
        dialog.reject()

    on_modal(look, TenantManagementDialog)
    trigger_menu(window, "File", "Tenant management")
    numbers, shown, text = seen[0]
    assert numbers == ["0", "1", "3"]
    assert shown and "2" in text and str(manifest) in text
    window.close()
