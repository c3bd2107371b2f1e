"""Accounting > Audit trail…: the records of the tenant, newest first, filtered by day, user and
kind of object, with the full old and new values of the record chosen."""

from datetime import date, timedelta

import pytest

from jack_desktop.accounting import Line, post_entry
from jack_desktop.money import format_money
from ui.accounting.audit_trail_dialog import CHANGES, AuditTrailDialog

from .driving import on_modal, open_main_window, trigger_menu
from .test_accounting_menu import build_books


@pytest.fixture
def books(inst3):
    return build_books(inst3)


RENT = [Line("6310", debit="800.00"), Line("1800", credit="800.00")]
USER, OBJECT, ACTION = 1, 3, 5


def _column(dialog: AuditTrailDialog, column: int) -> list[str]:
    table = dialog.table
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _open_trail(qtbot, window, look) -> None:
    def run(dialog: AuditTrailDialog) -> None:
        try:
            look(dialog)
        finally:
            dialog.reject()

    seen = on_modal(run, AuditTrailDialog)
    trigger_menu(window, "Accounting", "Audit trail")
    assert seen, "the audit trail did not open"


def test_a_posting_is_listed_and_the_filters_narrow_the_list(qtbot, books):
    with books.open_session(3) as session:
        post_entry("anna", session, date.today(), "Porto", RENT)
        entry = post_entry("otto", session, date.today(), "Miete Dezember", RENT)
    window = open_main_window(qtbot, books, "otto", 3)
    found = {}

    def look(dialog: AuditTrailDialog) -> None:
        rows = list(zip(_column(dialog, USER), _column(dialog, OBJECT), strict=True))
        assert rows[0] == ("otto", "Journal entry")  # newest first
        assert _column(dialog, ACTION)[0] == "posted"
        assert dialog.table.item(0, 4).text() == str(entry.id)
        assert "text: Miete Dezember" in dialog.table.item(0, CHANGES).text()
        found["users"] = [dialog.login.itemText(i) for i in range(dialog.login.count())]
        # Choosing a user from the list shows only that user's records.
        dialog.login.setCurrentIndex(dialog.login.findText("anna"))
        assert set(_column(dialog, USER)) == {"anna"}
        assert _column(dialog, CHANGES)[0].endswith("; text: Porto")
        # Typing a login works the same once the field is left.
        dialog.login.setEditText("otto")
        dialog.login.lineEdit().editingFinished.emit()
        assert set(_column(dialog, USER)) == {"otto"}
        dialog.login.setEditText("")
        dialog.login.lineEdit().editingFinished.emit()
        # The kind of object: the first posting recorded the automatic lock that was due.
        dialog.kind.setCurrentIndex(dialog.kind.findData("period_lock"))
        assert _column(dialog, OBJECT) == ["Festschreibung"]
        assert _column(dialog, USER) == ["system"] and dialog.status.text() == "Records: 1"
        dialog.kind.setCurrentIndex(dialog.kind.findData("journal_entry"))
        assert set(_column(dialog, OBJECT)) == {"Journal entry"}
        assert sorted(_column(dialog, USER)) == ["anna", "otto"]
        # Days: tomorrow has nothing, a reversed range says so beside the fields.
        dialog.date_from.set_value(date.today() + timedelta(days=1))
        assert dialog.table.rowCount() == 0 and dialog.range_error.isHidden()
        dialog.date_to.set_value(date.today())
        assert not dialog.range_error.isHidden()
        assert dialog.range_error.text() == "The end date is before the start date."
        dialog.date_from.set_value(date.today())
        assert dialog.table.rowCount() == 2

    _open_trail(qtbot, window, look)
    assert {"anna", "otto"} <= set(found["users"])


def test_the_details_show_every_value_of_the_record_chosen(qtbot, books):
    with books.open_session(3) as session:
        post_entry("otto", session, date.today(), "Miete", RENT, reference="BA 7")

    def look(dialog: AuditTrailDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("journal_entry"))
        assert dialog.details.toPlainText() == ""
        dialog.table.selectRow(0)
        lines = dialog.details.toPlainText().splitlines()
        assert lines[0].endswith("– otto – Journal entry 1 posted (accounting)")
        assert "reference: BA 7" in lines
        assert (
            f"lines: 6310 debit {format_money(80000)}; 1800 credit {format_money(80000)}" in lines
        )
        assert dialog.table.item(0, CHANGES).toolTip() == "\n".join(lines[2:])

    _open_trail(qtbot, open_main_window(qtbot, books, "otto", 3), look)


def test_a_changed_record_shows_old_and_new_values(qtbot, books):
    from tenant_store.tenant_edit import update_tenant

    update_tenant(books, 3, name="West Reisen", by="anna")

    def look(dialog: AuditTrailDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("tenant"))
        assert _column(dialog, CHANGES)[0] == "name: West → West Reisen"
        assert _column(dialog, ACTION)[0] == "changed"

    _open_trail(qtbot, open_main_window(qtbot, books, "otto", 3), look)
