"""Updates from the client (R10): an administrator brings everything current, a clerk must ask."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tenant_store import TenantSpec, create_tenant
from tenant_store.logical import LOGICAL_DBS, Logical, file_name
from tenant_store.migrations import SCHEMA_VERSIONS, downgrade_file, schema_of
from tenant_store.sqlite_files import read_user_version, single_file
from tenant_store.updates import plan
from tenant_store.users import add_user, grant
from ui import update_dialog as update_module
from ui.update_dialog import UpdateDialog, needs_update, offer_update

from ..tenant_store.snapshot import snapshot


def downgrade(path, db: Logical) -> None:
    conn = single_file(schema_of(db), path)
    downgrade_file(conn, db, SCHEMA_VERSIONS[db], 1)
    conn.close()


@pytest.fixture
def behind(inst):
    """Tenant 1 has its own postal codes; its and tenant 0's postal.db are at version 1."""
    create_tenant(inst, TenantSpec(1, "Nord"))
    create_tenant(inst, TenantSpec(2, "Süd", central=["postal"]))
    downgrade(inst.tenant_dir(1) / file_name(Logical.POSTAL), Logical.POSTAL)
    downgrade(inst.root / file_name(Logical.POSTAL), Logical.POSTAL)
    add_user(inst, "anna", "Anna Admin", "secret-123")
    grant(inst, "anna", 0, "admin")
    add_user(inst, "carl", "Carl Clerk", "secret-123")
    grant(inst, "carl", 0, "clerk")
    return inst


def make_dialog(qtbot, inst) -> UpdateDialog:
    dialog = UpdateDialog(inst)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def all_current(inst) -> bool:
    return all(
        inst.schema_versions(info) == {db.value: SCHEMA_VERSIONS[db] for db in LOGICAL_DBS}
        for info in inst.tenants()
    )


def test_the_dialog_lists_the_plan_and_brings_everything_current(qtbot, behind):
    assert needs_update(behind)
    dialog = make_dialog(qtbot, behind)
    listed = [dialog.steps.item(i).text() for i in range(dialog.steps.count())]
    assert listed == [step.describe() for step in plan(behind)]
    assert listed[0].startswith("tenant 1: postal") and listed[1].startswith("tenant 0: postal")
    assert dialog.run_button.isEnabled()

    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    assert plan(behind) == [] and not needs_update(behind) and all_current(behind)
    assert read_user_version(behind.root / "postal.db") == SCHEMA_VERSIONS["postal"]
    assert dialog.status.text() == "Done: 2 file(s) updated; everything is up to date."
    assert not dialog.run_button.isEnabled() and dialog.is_current()
    with behind.open_session(2):  # tenant 2 reads the central postal codes again
        pass


def test_a_current_installation_needs_nothing(qtbot, inst):
    assert not needs_update(inst)
    dialog = make_dialog(qtbot, inst)
    assert dialog.steps.count() == 0 and not dialog.run_button.isEnabled()
    assert dialog.status.text() == "Everything is up to date."


def test_a_clerk_is_told_to_ask_an_administrator_and_nothing_changes(qtbot, behind, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    before = snapshot(behind.root)
    assert offer_update(behind, "carl") is False
    assert "ask an administrator" in told[0]
    assert snapshot(behind.root) == before


def test_an_administrator_gets_the_dialog(qtbot, behind, monkeypatch):
    def run_and_close(dialog):
        dialog.run()
        return 1

    monkeypatch.setattr(update_module.UpdateDialog, "exec", run_and_close)
    assert offer_update(behind, "anna") is True
    assert all_current(behind)


def test_a_failed_update_is_shown_not_raised(qtbot, behind, monkeypatch):
    shown = []
    monkeypatch.setattr(update_module, "show_error", lambda parent, exc: shown.append(exc))

    def fail(root, progress):
        from tenant_store import UpdateOrderError

        raise UpdateOrderError("Tenant 0 cannot be updated while sub-tenants are behind (1).")

    monkeypatch.setattr(update_module, "run_update", fail)
    dialog = make_dialog(qtbot, behind)
    dialog.run()
    assert "sub-tenants are behind" in str(shown[0])
    assert dialog.steps.count() == 2 and dialog.run_button.isEnabled()
