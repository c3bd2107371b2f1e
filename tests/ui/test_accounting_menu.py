"""The Accounting menu of the main window: where it is, what it offers by right, and that it
follows tenant switches; with central accounting the exports and the lock point to tenant 0."""

import pytest
from PySide6.QtWidgets import QMessageBox

from tenant_store.users import add_user, grant
from ui.accounting.audit_trail_dialog import AuditTrailDialog
from ui.accounting.auditor_export_dialog import AuditorExportDialog
from ui.accounting.datev_export_dialog import DatevExportDialog
from ui.accounting.lock_dialog import LockDialog
from ui.accounting.reverse_dialog import ReverseDialog

from ..jack_desktop.agency import build_agency
from .driving import menu_action, on_modal, open_main_window, plain, trigger_menu
from .test_keyboard import check, lang  # noqa: F401 (the fixture: English and German)

ENTRIES = {
    ("Export", "DATEV"): "read",
    ("Export", "Tax auditor data (GoBD)"): "read",
    ("Lock period",): "write",
    ("Audit trail",): "read",
}


def build_books(inst):
    """Tenants 0, 1 (central accounting), 2, 3; otto accountant everywhere, mia manager in 3,
    bernd accountant in 0 and clerk (no accounting) in 1 (the GoBD tests share these)."""
    build_agency(inst)
    add_user(inst, "mia", "Mia Mayer", "geheim123")
    grant(inst, "mia", 3, "manager")
    grant(inst, "bernd", 0, "accountant")
    return inst


@pytest.fixture
def books(inst3):
    return build_books(inst3)


def _entry(window, path):
    return menu_action(window, "Accounting", *path)


def _texts(menu) -> list[str]:
    return [plain(a.text()) for a in menu.actions() if a.text()]


def test_the_menu_sits_between_file_and_help_with_its_entries(qtbot, books):
    window = open_main_window(qtbot, books, "otto", 3)
    assert _texts(window.menuBar()) == ["File", "Accounting", "Help"]
    assert _texts(menu_action(window, "Accounting").menu()) == [
        "Export",
        "Lock period",
        "Audit trail",
    ]
    assert _texts(_entry(window, ("Export",)).menu()) == ["DATEV", "Tax auditor data (GoBD)"]
    assert all(_entry(window, path).isEnabled() for path in ENTRIES)


def test_a_reader_may_export_and_view_but_not_lock_and_is_told_why(qtbot, books):
    window = open_main_window(qtbot, books, "mia", 3)
    for path, level in ENTRIES.items():
        assert _entry(window, path).isEnabled() == (level == "read"), path
    lock = _entry(window, ("Lock period",))
    assert lock.toolTip() == "You do not have write access to accounting in tenant 3."
    assert lock.statusTip() == lock.toolTip()


def test_the_menu_follows_a_tenant_switch(qtbot, books):
    window = open_main_window(qtbot, books, "bernd", 0)
    assert all(_entry(window, path).isEnabled() for path in ENTRIES)
    assert window.switch_tenant(1)
    for path in ENTRIES:
        action = _entry(window, path)
        assert not action.isEnabled(), path
        assert "access to accounting in tenant 1" in action.toolTip()
    assert not _entry(window, ("Export",)).isEnabled()
    assert window.switch_tenant(0)
    assert all(_entry(window, path).isEnabled() for path in ENTRIES)
    assert "access" not in _entry(window, ("Lock period",)).toolTip()


@pytest.mark.parametrize("path", [("Export", "DATEV"), ("Lock period",)])
def test_with_central_accounting_the_books_are_exported_and_locked_in_tenant_0(qtbot, books, path):
    window = open_main_window(qtbot, books, "otto", 1)
    action = _entry(window, path)
    assert action.isEnabled() and "done in tenant 0" in action.toolTip()
    said = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    on_modal(read, QMessageBox)
    trigger_menu(window, "Accounting", *path)
    assert said == [
        "Tenant 1 posts into the books of tenant 0 (central accounting): exports and "
        "Festschreibung of these books are done in tenant 0."
    ]


def test_the_audit_trail_opens_in_a_tenant_with_central_accounting(qtbot, books):
    window = open_main_window(qtbot, books, "otto", 1)
    titles = []

    def look(dialog: AuditTrailDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    on_modal(look, AuditTrailDialog)
    trigger_menu(window, "Accounting", "Audit trail")
    assert titles == ["Audit trail – Tenant 1 Reisebüro Nord"]


DIALOGS = {
    "lock": lambda ctx: LockDialog(ctx),
    "audit trail": lambda ctx: AuditTrailDialog(ctx),
    "DATEV export": lambda ctx: DatevExportDialog(ctx),
    "auditor export": lambda ctx: AuditorExportDialog(ctx),
    "reversal": lambda ctx: ReverseDialog(ctx, 1),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_the_dialogs_have_distinct_mnemonics_and_tab_down_their_forms(
    qtbot,
    books,
    open_context,
    lang,  # noqa: F811 (the fixture imported)
    name,
):
    check(qtbot, DIALOGS[name](open_context(books, 3, "otto")), f"{name} ({lang})")
