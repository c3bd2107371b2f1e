"""Accounting view: journal with lines, trial balance with totals, ledger range check,
consolidation in tenant 0 only, and a new entry that can only be posted when balanced."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from jack_desktop.accounting import Line, post_entry, trial_balance
from tenant_store.users import add_user, grant
from ui.accounting_view import BALANCE, CONSOLIDATION, LEDGER, AccountingView
from ui.journal_entry_dialog import JournalEntryDialog

from .driving import on_modal

RENT = [Line("6310", debit="800.00"), Line("1800", credit="800.00")]


@pytest.fixture
def office(inst3):
    add_user(inst3, "otto", "Otto Ohm", "geheim123")
    add_user(inst3, "vera", "Vera Voss", "geheim123")
    for nr in (0, 1, 2):
        grant(inst3, "otto", nr, "accountant")
    grant(inst3, "vera", 0, "manager")  # reads accounting, may not post
    return inst3


@pytest.fixture
def open_view(qtbot, office, open_context):
    def make(nr, user="otto"):
        view = AccountingView(open_context(office, nr, user))
        qtbot.addWidget(view)
        return view

    return make


# The first of this month: open whatever day the tests run (locks reach earlier months).
THIS_MONTH = date.today().replace(day=1)


def _post(office, nr, text="Miete November", lines=RENT, day=THIS_MONTH):
    with office.open_session(nr) as session:
        post_entry("otto", session, day, text, lines)


def test_receivables_and_payables_show_their_debitor_and_kreditor(open_view, office):
    from jack_desktop.invoicing import invoice_booking

    from ..jack_desktop.agency import booked

    grant(office, "otto", 1, "admin")  # books and invoices in tenant 1
    with office.open_session(1) as s:
        invoice_booking("otto", s, booked(s, user="otto"))
    entry = open_view(1).journal_tree.topLevelItem(0)
    accounts = [entry.child(i).text(2) for i in range(entry.childCount())]
    assert accounts[0].startswith("1200 (10000) ")  # the customer's Debitor
    assert any(a.startswith("3300 (70000) ") for a in accounts)  # the operator's Kreditor


def _texts(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_journal_shows_entries_with_their_lines(open_view, office):
    _post(office, 1)
    view = open_view(1)
    tree = view.journal_tree
    assert tree.topLevelItemCount() == 1
    entry = tree.topLevelItem(0)
    assert [entry.text(c) for c in range(3)] == [f"{THIS_MONTH:%d/%m/%Y}", "", "Miete November"]
    assert entry.text(3) == "€800.00"
    assert [entry.child(i).text(2).split()[0] for i in range(entry.childCount())] == [
        "6310",
        "1800",
    ]
    assert entry.child(1).text(4) == "€800.00" and entry.child(1).text(3) == ""


def test_the_trial_balance_has_german_money_and_a_totals_row(open_view, office):
    _post(office, 1)
    view = open_view(1)
    view.tabs.setCurrentIndex(BALANCE)
    table = view.balance_table
    assert table.rowCount() == 3
    assert _texts(table, 0)[0] == "1800" and _texts(table, 0)[3:] == ["€800.00", "-€800.00"]
    assert _texts(table, 2)[1:] == ["Total", "€800.00", "€800.00", "€0.00"]
    assert table.item(2, 1).font().bold()


def test_the_ledger_says_beside_the_field_when_the_end_is_before_the_start(open_view, office):
    _post(office, 1)
    view = open_view(1)
    view.tabs.setCurrentIndex(LEDGER)
    view.account_combo.setCurrentIndex(view.account_combo.findData("6310"))
    view.date_from.setDate(QDate(THIS_MONTH.year, 1, 1))
    view.date_to.setDate(QDate(THIS_MONTH.year, 12, 31))
    assert view.ledger_table.rowCount() == 1
    assert _texts(view.ledger_table, 0)[2] == "Miete November"
    view.date_to.setDate(QDate(2025, 12, 31))
    assert not view.range_error.isHidden()
    assert view.range_error.text() == "The end date is before the start date."
    assert view.ledger_table.rowCount() == 0


def test_consolidation_is_a_tab_of_tenant_0_only_with_a_column_per_tenant(open_view, office):
    _post(office, 0)
    _post(office, 1)
    _post(office, 2)
    assert open_view(1).tabs.count() == 3
    view = open_view(0)
    view.tabs.setCurrentIndex(CONSOLIDATION)
    table = view.consolidation_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [
        "Account",
        "Name",
        "0 Hauptmandant",
        "1 Reisebüro Nord",
        "2 Süd Reisen GmbH",
        "Total",
    ]
    rent = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "6310")
    assert _texts(table, rent)[2:] == ["€800.00"] * 3 + ["€2,400.00"]
    assert table.item(table.rowCount() - 1, 1).text() == "Total"


def test_the_entry_dialog_posts_only_when_balanced(qtbot, open_view, office):
    view = open_view(1)
    dialog = JournalEntryDialog(view.ctx, view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setText("Miete Dezember")
    dialog.set_line(0, "6310", debit="800.00")
    dialog.set_line(1, "1800", credit="799.99")
    assert not dialog.ok_button.isEnabled()
    assert dialog.difference.text() == "Difference: €0.01"
    dialog.set_line(1, "1800", credit="800.00")
    assert dialog.difference.text() == "Difference: €0.00"
    assert dialog.ok_button.isEnabled()
    dialog.set_line(1, "9999", credit="800.00")
    assert not dialog.ok_button.isEnabled()
    assert dialog.table.item(1, 1).text() == "not in the chart of accounts"
    dialog.set_line(1, "1800", credit="800.00")
    dialog.ok_button.click()
    assert dialog.result() == JournalEntryDialog.DialogCode.Accepted
    with office.open_session(1) as session:
        assert {r.account: r.balance_cents for r in trial_balance("otto", session)} == {
            "1800": -80_000,
            "6310": 80_000,
        }


def test_add_line_proposes_the_missing_amount(qtbot, open_view):
    dialog = JournalEntryDialog(open_view(1).ctx)
    qtbot.addWidget(dialog)
    dialog.set_line(0, "6310", debit="100.00")
    dialog.set_line(1, "1800", credit="60.00")
    dialog.add_line()
    assert dialog.table.item(2, 3).text() == "40.00"


def test_a_bad_amount_marks_its_cell_and_keeps_ok_disabled(qtbot, open_view):
    dialog = JournalEntryDialog(open_view(1).ctx)
    qtbot.addWidget(dialog)
    dialog.text.setText("x")
    dialog.set_line(0, "6310", debit="1.001")
    dialog.set_line(1, "1800", credit="1.00")
    assert not dialog.ok_button.isEnabled()
    assert "Line 1" in dialog.lines_error.text()


def test_new_entry_from_the_view_shows_in_the_journal(qtbot, open_view):
    view = open_view(2)

    def fill_and_post(dialog):
        dialog.text.setText("Porto")
        dialog.set_line(0, "6800", debit="12.50")
        dialog.set_line(1, "1800", credit="12.50")
        dialog.ok_button.click()

    on_modal(fill_and_post, JournalEntryDialog)
    view.new_action.trigger()
    assert view.journal_tree.topLevelItem(0).text(2) == "Porto"


def test_a_reader_cannot_post_and_is_told_why(open_view):
    view = open_view(0, user="vera")
    assert not view.new_button.isEnabled()
    assert "not post" in view.new_button.toolTip()


def test_the_account_cell_offers_the_chart_of_accounts_and_amounts_are_tidied(qtbot, open_view):
    dialog = JournalEntryDialog(open_view(1).ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.setCurrentCell(0, 0)
    dialog.table.editItem(dialog.table.item(0, 0))
    editor = dialog.table.findChild(QComboBox)
    assert editor.findText("6310 Miete (unbewegliche Wirtschaftsgüter)") >= 0
    editor.setEditText("6310 Miete (unbewegliche Wirtschaftsgüter)")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits queued
    assert dialog.table.item(0, 0).text() == "6310"
    assert dialog.table.item(0, 1).text() == "Miete (unbewegliche Wirtschaftsgüter)"
    dialog.set_line(0, "6310", debit="800")
    assert dialog.table.item(0, 2).text() == "800.00"


def test_return_in_the_lines_table_does_not_post(qtbot, open_view):
    dialog = JournalEntryDialog(open_view(1).ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setText("Miete")
    dialog.set_line(0, "6310", debit="800")
    dialog.set_line(1, "1800", credit="800")
    assert dialog.ok_button.isEnabled()
    dialog.table.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.entry is None


def test_older_journal_entries_are_loaded_page_by_page(open_view, office, monkeypatch):
    import ui.accounting_view

    monkeypatch.setattr(ui.accounting_view, "PAGE", 2)
    for day in (1, 2, 3):
        _post(office, 1, text=f"Day {day}", day=THIS_MONTH.replace(day=day))
    view = open_view(1)
    tree = view.journal_tree
    assert [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())] == [
        "Day 3",
        "Day 2",
    ]
    assert not view.more_button.isHidden()
    view.more_button.click()
    assert tree.topLevelItem(2).text(2) == "Day 1" and view.more_button.isHidden()
    assert view.journal_status.text() == "Entries: 3"
