"""File > Tenant management: the list, switching (R11, R13), and editing with R3 read-only."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from tenant_store.tenant_edit import fixed_reason
from tenant_store.users import add_user, grant
from ui import tenant_management as management_module
from ui.tenant_edit_dialog import TenantEditDialog
from ui.tenant_management import TenantManagementDialog, tenant_rows

from ..tenant_store.snapshot import snapshot


@pytest.fixture
def office(inst3):
    """anna: admin in 0 and 1, clerk in 2; carl: clerk in 0 only."""
    for login, name in (("anna", "Anna Admin"), ("carl", "Carl Clerk")):
        add_user(inst3, login, name, "secret-123")
    grant(inst3, "anna", 0, "admin")
    grant(inst3, "anna", 1, "admin")
    grant(inst3, "anna", 2, "clerk")
    grant(inst3, "carl", 0, "clerk")
    return inst3


def make_dialog(qtbot, inst, user, current_nr=0) -> TenantManagementDialog:
    dialog = TenantManagementDialog(inst, user, current_nr=current_nr)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def double_click(qtbot, table, row: int) -> None:
    """A real double-click; Qt's views need the press of a first click before the second."""
    pos: QPoint = table.visualItemRect(table.item(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_the_table_lists_every_tenant_with_its_facts(qtbot, office):
    dialog = make_dialog(qtbot, office, "anna")
    table = dialog.table
    assert table.rowCount() == 3
    texts = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(3)]
    assert [row[0] for row in texts] == ["0", "1", "2"]
    assert texts[1][1] == "Reisebüro Nord"
    assert texts[1][2] == "postal codes, customers, accounting"
    assert texts[2][2] == "postal codes, tickets"
    assert texts[0][2] == "none"
    assert "100" in texts[1][3] and "199" in texts[1][3]
    assert all(row[4] == "up to date" for row in texts)
    assert all(row[5] for row in texts)  # a size on disk
    rows = tenant_rows(office, "anna")
    assert rows[0].size > rows[1].size > 0  # central files count with tenant 0


def test_double_click_switches_to_the_tenant(qtbot, office):
    dialog = make_dialog(qtbot, office, "anna")
    table = dialog.table
    with qtbot.waitSignal(dialog.switch_requested) as signal:
        double_click(qtbot, table, 2)
    assert signal.args == [2]
    assert not dialog.isVisible()  # the list closes once the main window switches


def test_return_on_a_row_switches_once(qtbot, office):
    dialog = make_dialog(qtbot, office, "anna")
    dialog.table.selectRow(1)
    received = []
    dialog.switch_requested.connect(received.append)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert received == [1]


def test_tenants_the_user_may_not_enter_are_greyed_and_not_switched_to(qtbot, office):
    dialog = make_dialog(qtbot, office, "carl")
    table = dialog.table
    assert "not a member of tenant 1" in table.item(1, 1).toolTip()
    with qtbot.assertNotEmitted(dialog.switch_requested):
        double_click(qtbot, table, 1)
    assert dialog.isVisible()
    dialog.table.selectRow(1)
    assert not dialog.switch_button.isEnabled()
    assert "not a member of tenant 1" in dialog.reason.text()


def test_new_and_edit_need_a_tenant_administrator(qtbot, office):
    clerk = make_dialog(qtbot, office, "carl")
    assert not clerk.new_button.isEnabled() and not clerk.edit_button.isEnabled()
    assert "Only a tenant administrator can create tenants." in clerk.new_button.toolTip()
    assert "Only an administrator of tenant 0 can edit it." in clerk.reason.text()

    admin = make_dialog(qtbot, office, "anna")
    assert admin.new_button.isEnabled()
    admin.table.selectRow(1)
    assert admin.edit_button.isEnabled()
    admin.table.selectRow(2)  # anna is only a clerk in tenant 2
    assert not admin.edit_button.isEnabled()
    assert "Only an administrator of tenant 2" in admin.edit_button.toolTip()


def test_new_opens_the_wizard_and_shows_the_new_tenant(qtbot, office, monkeypatch):
    from tenant_store import TenantSpec, create_tenant

    class FakeWizard:
        """Stands in for the modal wizard: 'creates' tenant 4 and does not ask to switch."""

        def __init__(self, inst, user, parent):
            from PySide6.QtCore import QObject, Signal

            class _Signals(QObject):
                switch_requested = Signal(int)

            self._signals = _Signals()
            self.switch_requested = self._signals.switch_requested
            self.created_nr = None
            self.inst = inst
            self.done_page = type("Done", (), {"wants_switch": lambda self: False})()

        def exec(self):
            create_tenant(self.inst, TenantSpec(4, "Ost"))
            self.created_nr = 4
            return 1

    monkeypatch.setattr(management_module, "TenantWizard", FakeWizard)
    dialog = make_dialog(qtbot, office, "anna")
    with qtbot.waitSignal(dialog.tenant_created) as signal:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert signal.args == [4]
    assert dialog.table.rowCount() == 4 and dialog.selected_nr() == 4


# -- the edit dialog ------------------------------------------------------------------------------


def make_edit(qtbot, inst, nr) -> TenantEditDialog:
    dialog = TenantEditDialog(inst, nr)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_button(dialog: TenantEditDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_edit_shows_central_options_read_only_with_the_reason(qtbot, office):
    dialog = make_edit(qtbot, office, 1)
    boxes = {box.text(): box for box in dialog.central_boxes}
    assert all(not box.isEnabled() for box in boxes.values())
    assert boxes["Accounting"].isChecked() and boxes["Customers"].isChecked()
    assert not boxes["Tickets"].isChecked()
    assert dialog.reason.text() == fixed_reason()
    assert "accounting in particular cannot be changed" in dialog.reason.text()


def test_saving_a_new_name_updates_the_registry(qtbot, office):
    dialog = make_edit(qtbot, office, 1)
    dialog.name.setText("Reisebüro Nord-Ost")
    dialog.branding_form.edits["city"].setText("Rostock")
    dialog.branding_form.accent.set_colour("#336699")
    with qtbot.waitSignal(dialog.tenant_changed) as signal:
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert signal.args == [1]
    info = office.tenant(1)
    assert info.name == "Reisebüro Nord-Ost"
    assert info.branding["city"] == "Rostock" and info.branding["accent_colour"] == "#336699"
    assert info.central["accounting"]  # untouched (R3)


def test_edit_changes_the_booking_range_but_refuses_an_overlap(qtbot, office):
    dialog = make_edit(qtbot, office, 2)  # tenant 2 has central tickets
    dialog.first.setValue(150_000)  # inside tenant 1's range
    dialog.last.setValue(250_000)
    assert not save_button(dialog).isEnabled()
    assert "overlaps tenant 1" in dialog.range_error.text()
    before = snapshot(office.root)
    dialog.accept()  # even a forced save changes nothing
    assert snapshot(office.root) == before
    dialog.first.setValue(300_000)
    dialog.last.setValue(349_999)
    assert save_button(dialog).isEnabled()
    dialog.accept()
    assert office.tenant(2).booking_range == (300_000, 349_999)


def test_an_empty_name_keeps_save_disabled_and_says_why(qtbot, office):
    dialog = make_edit(qtbot, office, 1)
    dialog.name.clear()
    assert not save_button(dialog).isEnabled()
    assert "name is empty" in dialog.name_error.text()


def test_tax_number_and_vat_id_are_checked_beside_their_fields_and_saved(qtbot, office):
    """What an invoice must print (§ 14 UStG) is entered here and checked as it is typed."""
    dialog = make_edit(qtbot, office, 1)
    form = dialog.branding_form
    form.edits["vat_id"].setText("DE136695977")
    assert not save_button(dialog).isEnabled()
    assert "check digit" in form.errors["vat_id"].text()
    form.edits["vat_id"].setText("de 136 695 976")
    form.edits["tax_number"].setText("123")
    assert not save_button(dialog).isEnabled()
    assert "21/815/08150" in form.errors["tax_number"].text()
    assert form.errors["vat_id"].text() == ""
    form.edits["tax_number"].setText("21/815/08150")
    assert save_button(dialog).isEnabled()
    dialog.accept()
    branding = office.tenant(1).branding
    assert (branding["tax_number"], branding["vat_id"]) == ("21/815/08150", "DE136695976")
