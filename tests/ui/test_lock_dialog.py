"""Festschreibung and Storno from the main window: Accounting > Lock period… locks a month for
good, the accounting view says how far the books are locked, and a wrong entry is reversed
from the journal, never changed."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from jack_desktop.accounting import Line, post_entry
from jack_desktop.formats import day
from jack_desktop.period_locks import lock_period, month_end
from tenant_store import ValidationError
from tenant_store.tenant_edit import update_tenant
from ui.accounting.lock_dialog import LockDialog, month_label
from ui.accounting.reverse_dialog import ReverseDialog
from ui.accounting_view import LEDGER, REVERSAL_COLUMN

from .driving import click_button, click_module, on_modal, open_main_window, trigger_menu
from .test_accounting_menu import build_books


@pytest.fixture
def books(inst3):
    return build_books(inst3)


RENT = [Line("6310", debit="800.00"), Line("1800", credit="800.00")]


def last_month_end() -> date:
    """The month just ended is still open: with lock day 0 it is locked a month later."""
    return date.today().replace(day=1) - timedelta(days=1)


def _post(inst, nr: int, on: date, text: str = "Miete", user: str = "otto") -> int:
    with inst.open_session(nr) as session:
        return post_entry(user, session, on, text, RENT).id


def _answer(button: QMessageBox.StandardButton, said: list | None = None) -> None:
    """Answer the next message box with `button`, keeping its text in `said`."""

    def answer(box: QMessageBox) -> None:
        if said is not None:
            said.append(box.text())
        box.button(button).click()

    on_modal(answer, QMessageBox)


def test_locking_a_month_refuses_a_later_posting_dated_in_it(qtbot, books):
    end = last_month_end()
    _post(books, 3, end)  # the month is open until it is locked
    window = open_main_window(qtbot, books, "otto", 3)
    view = click_module(qtbot, window, "accounting")
    auto = end.replace(day=1) - timedelta(days=1)  # locked automatically by now
    assert view.lock_line.text() == f"Books locked up to {day(auto)}"
    seen, asked = {}, []

    def lock(dialog: LockDialog) -> None:
        seen["current"] = dialog.current.text()
        seen["months"] = [dialog.month.itemData(i) for i in range(dialog.month.count())]
        seen["chosen"] = dialog.chosen()
        seen["warning"] = dialog.warning.text()
        seen["rule"] = dialog.rule.text()
        seen["next"] = dialog.next_lock.text()
        _answer(QMessageBox.StandardButton.Yes, asked)
        click_button(qtbot, dialog, "Lock")

    on_modal(lock, LockDialog)
    trigger_menu(window, "Accounting", "Lock period")
    assert seen["current"] == f"Locked up to {day(auto)}"
    assert seen["months"] == [end] and seen["chosen"] == end
    assert seen["rule"] == "Each month is locked at the end of the following month."
    following_end = (end + timedelta(days=1)).replace(day=28) + timedelta(days=4)
    following_end -= timedelta(days=following_end.day)  # the end of the month after `end`
    assert seen["next"] == f"{month_label(end)} is locked on {day(following_end)}."
    assert seen["warning"].startswith("A lock cannot be lifted")
    assert asked == [f"Lock the books of tenant 3 up to {day(end)}? This cannot be undone."]
    assert view.lock_line.text() == f"Books locked up to {day(end)}"
    with books.open_session(3) as session, pytest.raises(ValidationError, match="locked up to"):
        post_entry("otto", session, end, "Nachtrag", RENT)


def test_saying_no_locks_nothing_and_a_lock_made_meanwhile_is_reported(qtbot, books):
    end = last_month_end()
    window = open_main_window(qtbot, books, "otto", 3)
    said = []

    def lock(dialog: LockDialog) -> None:
        _answer(QMessageBox.StandardButton.No)
        click_button(qtbot, dialog, "Lock")
        assert dialog.isVisible() and dialog.locked_through is None
        _post(books, 3, end, "noch offen")  # nothing was locked
        with books.open_session(3) as other:  # a colleague locks the month meanwhile
            lock_period("otto", other, end)
        _answer(QMessageBox.StandardButton.Yes)
        on_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox, 20_000)
        click_button(qtbot, dialog, "Lock")
        assert dialog.isVisible()  # the refusal changes nothing; the user may cancel
        dialog.reject()

    on_modal(lock, LockDialog)
    trigger_menu(window, "Accounting", "Lock period")
    assert said == [f"The books are locked up to {day(end)} already."]


def test_a_reversal_made_from_the_journal_shows_on_both_entries(qtbot, books):
    entry = _post(books, 3, date.today(), "Miete falsch")
    window = open_main_window(qtbot, books, "otto", 3)
    view = click_module(qtbot, window, "accounting")
    tree = view.journal_tree
    tree.setCurrentItem(tree.topLevelItem(0).child(1))  # a line selects its entry
    on_modal(lambda dialog: click_button(qtbot, dialog, "Reverse"), ReverseDialog)
    click_button(qtbot, view, "Reverse entry")
    assert tree.topLevelItemCount() == 2
    reversal, original = tree.topLevelItem(0), tree.topLevelItem(1)
    assert reversal.text(REVERSAL_COLUMN) == f"Reversal of entry {entry}"
    assert reversal.text(2) == f"Storno der Buchung {entry}: Miete falsch"  # the books' language
    assert original.text(REVERSAL_COLUMN).startswith("reversed by entry ")
    assert original.font(2).italic() and reversal.font(2).italic()
    # The lines are the original's on the other side.
    assert [reversal.child(i).text(4) for i in range(2)] == ["€800.00", ""]
    # The account ledger marks the Storno too.
    view.tabs.setCurrentIndex(LEDGER)
    view.account_combo.setCurrentIndex(view.account_combo.findData("6310"))
    ledger = view.ledger_table
    marks = [ledger.item(r, ledger.columnCount() - 1).text() for r in range(ledger.rowCount())]
    assert marks == ["", f"Reversal of entry {entry}"]
    assert ledger.item(1, 2).font().italic() and not ledger.item(0, 2).font().italic()


def test_reversing_twice_or_into_a_locked_month_is_refused_with_the_reason(qtbot, books):
    end = last_month_end()
    entry = _post(books, 3, end)
    with books.open_session(3) as session:
        lock_period("otto", session, end)
    window = open_main_window(qtbot, books, "otto", 3)
    view = click_module(qtbot, window, "accounting")
    view.journal_tree.setCurrentItem(view.journal_tree.topLevelItem(0))
    said = []

    def reverse_on_a_locked_day(dialog: ReverseDialog) -> None:
        dialog.on_date.setDate(end)
        on_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
        click_button(qtbot, dialog, "Reverse")
        assert dialog.isVisible()
        dialog.on_date.setDate(date.today())
        click_button(qtbot, dialog, "Reverse")

    on_modal(reverse_on_a_locked_day, ReverseDialog)
    click_button(qtbot, view, "Reverse entry")
    assert said and said[0].startswith(f"The books are locked up to {day(end)}")
    view.journal_tree.setCurrentItem(view.journal_tree.topLevelItem(1))  # the original again

    def reverse_again(dialog: ReverseDialog) -> None:
        on_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
        click_button(qtbot, dialog, "Reverse")
        dialog.reject()

    on_modal(reverse_again, ReverseDialog)
    click_button(qtbot, view, "Reverse entry")
    assert said[1].startswith(f"Entry {entry} was reversed already")
    assert view.journal_tree.topLevelItemCount() == 2


def test_a_reader_cannot_reverse_and_is_told_why(qtbot, books):
    _post(books, 3, date.today())
    window = open_main_window(qtbot, books, "mia", 3)
    view = click_module(qtbot, window, "accounting")
    assert not view.reverse_button.isEnabled()
    assert "not post" in view.reverse_button.toolTip()


def test_the_accounting_view_warns_when_an_automatic_lock_is_near(qtbot, books):
    today = date.today()
    # The month just ended is locked on the lock day of this month: make that tomorrow (or,
    # late in a month, its last day).
    lock_day = today.day + 1 if today.day < 28 else 0
    update_tenant(books, 3, books={"lock_day": lock_day})
    lock_on = today + timedelta(days=1) if lock_day else month_end(today)
    window = open_main_window(qtbot, books, "otto", 3)
    view = click_module(qtbot, window, "accounting")
    assert view.lock_warning.isVisible()
    assert view.lock_warning.text() == (
        f"The month up to {day(last_month_end())} will be locked automatically on "
        f"{day(lock_on)}: post what is missing for it before then."
    )
    with books.open_session(3) as session:  # locked now: the next lock is a month away
        lock_period("otto", session, last_month_end())
    view.refresh()
    assert view.lock_warning.isHidden()
    assert view.lock_line.text() == f"Books locked up to {day(last_month_end())}"
