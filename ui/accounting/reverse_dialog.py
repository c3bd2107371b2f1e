"""Reverse entry… in the journal: the Storno of one entry, on a date the user chooses (GoBD).

A posted entry is never changed; a wrong one is reversed: the same lines on the other side,
linked to the original, dated today unless the user picks another open day.
"""

import html

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from jack_desktop.accounting import reverse_entry
from jack_desktop.formats import date_pattern
from tenant_store import StoreError

from ..context import TenantContext
from ..errors import show_error


class ReverseDialog(QDialog):
    """Reverse entry…: confirm the Storno of one entry and choose its date (default today)."""

    def __init__(
        self,
        ctx: TenantContext,
        entry_id: int,
        parent: QWidget | None = None,
        *,
        what: str = "",
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.entry_id = entry_id
        self.reversal = None  # the reversing JournalEntry once posted
        self.setWindowTitle(ctx.window_title(self.tr("Reverse entry {id}").format(id=entry_id)))
        entry = QLabel(f"<b>{html.escape(what)}</b>", self) if what else None
        question = QLabel(
            self.tr(
                "Entry {id} stays in the journal as it is. A reversal posts the same lines on "
                "the other side and is linked to it."
            ).format(id=entry_id),
            self,
        )
        question.setWordWrap(True)
        self.on_date = QDateEdit(QDate.currentDate(), self)
        self.on_date.setObjectName("reversalDate")
        self.on_date.setDisplayFormat(date_pattern())
        self.on_date.setCalendarPopup(True)
        date_label = QLabel(self.tr("&Date of the reversal:"), self)
        date_label.setBuddy(self.on_date)
        form = QFormLayout()
        form.addRow(date_label, self.on_date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.tr("&Reverse"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if entry is not None:
            layout.addWidget(entry)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def accept(self) -> None:
        """Post the reversal; a refusal (locked period, reversed already) is shown."""
        try:
            self.reversal = reverse_entry(
                self.ctx.user, self.ctx.session, self.entry_id, self.on_date.date().toPython()
            )
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()
