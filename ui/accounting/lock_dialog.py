"""Accounting > Lock period…: Festschreibung of the books up to the end of a month (GoBD).

The dialog shows the lock in force, the automatic rule and its next date, and offers the
months that have ended and are still open. A lock cannot be lifted, so it says so plainly and
asks once more before it locks.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.formats import day
from jack_desktop.period_locks import LockState, lock_period, lock_state, month_end
from tenant_store import StoreError

from ..context import TenantContext
from ..errors import show_error

WARNING_STYLE = "color: #b3261e; font-weight: bold;"


def month_label(last_day: date) -> str:
    """'November 2026' in the UI's language."""
    return QLocale().toString(QDate(last_day), "MMMM yyyy")


def lockable_months(state: LockState, today: date) -> list[date]:
    """The last days of the months that have ended and are not locked yet, oldest first."""
    last_ended = today.replace(day=1) - timedelta(days=1)
    months, end = [], state.next_month_end
    while end <= last_ended:
        months.append(end)
        end = month_end(end + timedelta(days=1))
    return months


class LockDialog(QDialog):
    """Lock the books of the current tenant up to the end of a chosen month."""

    def __init__(self, ctx: TenantContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.locked_through: date | None = None  # set once the lock is written
        self.setWindowTitle(ctx.window_title(self.tr("Lock period")))
        self.state = lock_state(ctx.session)
        self.current = QLabel(self._current_text(), self)
        self.current.setObjectName("currentLock")
        self.rule = QLabel(self._rule_text(), self)
        self.rule.setWordWrap(True)
        self.next_lock = QLabel(self._next_text(), self)
        self.next_lock.setWordWrap(True)
        self.month = QComboBox(self)
        self.month.setObjectName("lockMonth")
        for end in lockable_months(self.state, date.today()):
            self.month.addItem(f"{month_label(end)} ({day(end)})", end)
        self.month.setCurrentIndex(self.month.count() - 1)  # the month just ended
        self.warning = QLabel(self._warning_text(), self)
        self.warning.setObjectName("lockWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.lock_button = self.buttons.addButton(
            self.tr("&Lock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.lock_button.setEnabled(self.month.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Current lock:"), self.current)
        form.addRow(self.tr("Automatic lock:"), self.rule)
        form.addRow(self.tr("Next automatic lock:"), self.next_lock)
        month_label_widget = QLabel(self.tr("Lock &up to the end of:"), self)
        month_label_widget.setBuddy(self.month)
        if self.month.count():
            form.addRow(month_label_widget, self.month)
        else:
            month_label_widget.setText(self.tr("Lock up to the end of:"))
            form.addRow(month_label_widget, QLabel(self._nothing_text(), self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- texts --------------------------------------------------------------------------------

    def _current_text(self) -> str:
        if self.state.locked_through is None:
            return self.tr("The books are not locked yet.")
        return self.tr("Locked up to {day}").format(day=day(self.state.locked_through))

    def _rule_text(self) -> str:
        owner = self.ctx.inst.tenant(self.ctx.tenant.books_owner)
        lock_day = owner.books.get("lock_day") or 0
        if lock_day == 0:
            return self.tr("Each month is locked at the end of the following month.")
        return self.tr("Each month is locked on day {n} of the following month.").format(n=lock_day)

    def _next_text(self) -> str:
        return self.tr("{month} is locked on {day}.").format(
            month=month_label(self.state.next_month_end), day=day(self.state.next_lock_on)
        )

    def _warning_text(self) -> str:
        return self.tr(
            "A lock cannot be lifted: nothing dated up to the chosen day can be posted or "
            "reversed afterwards. Post what is missing first; later corrections go into an "
            "open month."
        )

    def _nothing_text(self) -> str:
        return self.tr("Every month that has ended is locked already.")

    # -- locking ------------------------------------------------------------------------------

    def chosen(self) -> date | None:
        """The last day to lock, as chosen."""
        return self.month.currentData()

    def accept(self) -> None:
        through = self.chosen()
        if through is None or not self._confirmed(through):
            return
        try:
            self.locked_through = lock_period(self.ctx.user, self.ctx.session, through)
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()

    def _confirmed(self, through: date) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Lock period"),
            self.tr("Lock the books of tenant {nr} up to {day}? This cannot be undone.").format(
                nr=self.ctx.nr, day=day(through)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
