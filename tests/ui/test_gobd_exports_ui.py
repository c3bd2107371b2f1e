"""Accounting > Export > DATEV… and Tax auditor data (GoBD)…: the files are written off the UI
thread into the tenant's folder, the dialog says what was written, and a lock asked for holds."""

import zipfile
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from jack_desktop.accounting import Line, post_entry
from jack_desktop.formats import day
from jack_desktop.period_locks import lock_state
from tenant_store import ValidationError
from tenant_store.tenant_edit import update_tenant
from ui.accounting.auditor_export_dialog import AuditorExportDialog
from ui.accounting.datev_export_dialog import DatevExportDialog

from .driving import click_button, on_modal, open_main_window, trigger_menu
from .test_accounting_menu import build_books


@pytest.fixture
def books(inst3):
    return build_books(inst3)


RENT = [Line("6310", debit="800.00"), Line("1800", credit="800.00")]


def _month_before(today: date) -> tuple[date, date]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


@pytest.fixture
def tenant3(books):
    """Tenant 3 with DATEV numbers, a posting last month and one today."""
    update_tenant(books, 3, books={"datev_adviser": 29098, "datev_client": 10042})
    first, last = _month_before(date.today())
    with books.open_session(3) as session:
        post_entry("otto", session, last, "Miete", RENT, reference="BA 1")
        post_entry("otto", session, date.today(), "Porto", RENT, reference="BA 2")
    return books


def _export_with(qtbot, window, path: tuple[str, ...], kind, handler) -> None:
    def run(dialog) -> None:
        try:
            handler(dialog)
        finally:
            dialog.reject()

    seen = on_modal(run, kind, 60_000)
    trigger_menu(window, "Accounting", "Export", *path)
    assert seen, f"{path} did not open"


def _yes() -> None:
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)


def test_the_datev_export_writes_the_previous_month_and_locks_it(qtbot, tenant3):
    first, last = _month_before(date.today())
    window = open_main_window(qtbot, tenant3, "otto", 3)
    seen = {}

    def export(dialog: DatevExportDialog) -> None:
        seen["period"] = dialog.period()
        seen["folder"] = dialog.folder.path()
        dialog.lock.setChecked(True)
        _yes()
        click_button(qtbot, dialog, "Export")
        seen["result"] = dialog.result_value
        seen["outcome"] = dialog.outcome.text()

    _export_with(qtbot, window, ("DATEV",), DatevExportDialog, export)
    assert seen["period"] == (first, last)
    assert seen["folder"] == tenant3.tenant_dir(3) / "Dokumente" / "DATEV"
    result = seen["result"]
    assert result is not None and result.locked and result.rows == 1  # the entry of last month
    assert all(path.parent == seen["folder"] and path.is_file() for path in result.files)
    assert any(path.name.startswith("EXTF_") for path in result.files)
    outcome = seen["outcome"].splitlines()
    assert outcome[0] == f"Postings exported: 1 ({day(first)} to {day(last)}). Files written:"
    assert outcome[1 : 1 + len(result.files)] == [str(path) for path in result.files]
    assert outcome[-1] == "The period is locked: DATEV imports it as final (Festschreibung)."
    with tenant3.open_session(3) as session:
        assert lock_state(session).locked_through == last
        with pytest.raises(ValidationError, match="locked up to"):
            post_entry("otto", session, last, "Nachtrag", RENT)


def test_the_datev_export_names_a_missing_adviser_number_and_writes_nothing(qtbot, books):
    window = open_main_window(qtbot, books, "otto", 3)
    said = []

    def export(dialog: DatevExportDialog) -> None:
        on_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
        click_button(qtbot, dialog, "Export")
        assert dialog.result_value is None and dialog.outcome.text() == ""

    _export_with(qtbot, window, ("DATEV",), DatevExportDialog, export)
    assert said and "no DATEV adviser number" in said[0]
    assert not (books.tenant_dir(3) / "Dokumente" / "DATEV").exists() or not any(
        (books.tenant_dir(3) / "Dokumente" / "DATEV").iterdir()
    )


def test_a_reader_exports_but_may_not_lock(qtbot, tenant3):
    window = open_main_window(qtbot, tenant3, "mia", 3)
    seen = {}

    def look(dialog: DatevExportDialog) -> None:
        seen["lock"] = (dialog.lock.isEnabled(), dialog.lock.toolTip())
        click_button(qtbot, dialog, "Export")
        seen["result"] = dialog.result_value

    _export_with(qtbot, window, ("DATEV",), DatevExportDialog, look)
    assert seen["lock"] == (False, "You may read the accounting of tenant 3 but not lock it.")
    assert seen["result"] is not None and not seen["result"].locked


def test_the_auditor_export_writes_a_zip_of_the_fiscal_year(qtbot, tenant3):
    window = open_main_window(qtbot, tenant3, "otto", 3)
    year = date.today().year
    seen = {}

    def export(dialog: AuditorExportDialog) -> None:
        seen["default"] = dialog.fiscal_year()
        seen["span"] = dialog.span.text()
        dialog.year.setValue(year)  # the current year: the postings are in it
        click_button(qtbot, dialog, "Export")
        seen["result"] = dialog.result_value
        seen["outcome"] = dialog.outcome.text()

    _export_with(qtbot, window, ("Tax auditor data (GoBD)",), AuditorExportDialog, export)
    assert seen["default"] == year - 1  # the last completed fiscal year (January to December)
    assert seen["span"] == f"{day(date(year - 1, 1, 1))} – {day(date(year - 1, 12, 31))}"
    result = seen["result"]
    assert result is not None and result.path.is_file()
    assert result.path.parent == tenant3.tenant_dir(3) / "Dokumente" / "GoBD"
    assert zipfile.ZipFile(result.path).testzip() is None
    assert sum(result.tables.values()) > 0
    outcome = seen["outcome"].splitlines()
    assert outcome[0] == (
        f"Fiscal year {day(date(year, 1, 1))} – {day(date(year, 12, 31))} written to:"
    )
    assert outcome[1] == str(result.path)
    assert outcome[3:] == [f"{name}: {rows} rows" for name, rows in result.tables.items()]
