"""Cell editors for the editable tables of the booking editor: dates, choices, numbers, money.

Each delegate keeps a plain Python value in EditRole (a date or None, a code, an int, the text of
an amount) and shows it the way people read it, so the tables hand clean values to the services.
"""

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QStyledItemDelegate, QWidget

from jack_desktop.money import format_money, parse_amount, to_cents
from tenant_store import ValidationError

from .optional_date import OptionalDateEdit, date_text

VALUE = Qt.ItemDataRole.UserRole  # the Python value behind a cell's text

Index = QModelIndex | QPersistentModelIndex


def money_text(text: str) -> str:
    """An amount as typed, shown German ('1.234,56 €'); text that is no amount stays as typed."""
    try:
        return format_money(to_cents(parse_amount("amount", text or "0")))
    except ValidationError:
        return text


class DateDelegate(QStyledItemDelegate):
    """A date cell (dd.MM.yyyy) that may be empty."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        return OptionalDateEdit(parent)

    def setEditorData(self, editor: OptionalDateEdit, index: Index) -> None:  # noqa: N802
        editor.set_value(index.data(VALUE))

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: OptionalDateEdit, model: QAbstractItemModel, index: Index
    ) -> None:
        set_date(model, index, editor.value())


def set_date(model: QAbstractItemModel, index: Index, value: date | None) -> None:
    """Store a date (or None) in a date cell with its German text."""
    model.setData(index, value, VALUE)
    model.setData(index, date_text(value), Qt.ItemDataRole.DisplayRole)


class ChoiceDelegate(QStyledItemDelegate):
    """A cell holding one of a few codes, chosen from a combo box showing their labels."""

    def __init__(self, choices: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.choices = choices  # (code, label)

    def label(self, code: str) -> str:
        """The text shown for `code` (the code itself if it is not among the choices)."""
        return next((label for value, label in self.choices if value == code), code)

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for code, label in self.choices:
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QComboBox, index: Index) -> None:  # noqa: N802
        code = index.data(VALUE) or ""
        if editor.findData(code) < 0:  # an inactive supplier still referenced by the line
            editor.addItem(code, code)
        editor.setCurrentIndex(editor.findData(code))

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: QComboBox, model: QAbstractItemModel, index: Index
    ) -> None:
        set_choice(model, index, editor.currentData(), self.label(editor.currentData()))


def set_choice(model: QAbstractItemModel, index: Index, code: str, label: str) -> None:
    """Store a code with its label."""
    model.setData(index, code, VALUE)
    model.setData(index, label, Qt.ItemDataRole.DisplayRole)


class NumberDelegate(QStyledItemDelegate):
    """A whole number within bounds (quantity, VAT percent)."""

    def __init__(self, low: int, high: int, suffix: str = "", parent=None):
        super().__init__(parent)
        self.low, self.high, self.suffix = low, high, suffix

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        spin = QSpinBox(parent)
        spin.setRange(self.low, self.high)
        spin.setSuffix(self.suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def setEditorData(self, editor: QSpinBox, index: Index) -> None:  # noqa: N802
        editor.setValue(index.data(VALUE) or self.low)

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: QSpinBox, model: QAbstractItemModel, index: Index
    ) -> None:
        editor.interpretText()
        set_number(model, index, editor.value(), self.suffix)


def set_number(model: QAbstractItemModel, index: Index, value: int, suffix: str = "") -> None:
    """Store a whole number with its text."""
    model.setData(index, value, VALUE)
    model.setData(index, f"{value}{suffix}", Qt.ItemDataRole.DisplayRole)


class MoneyDelegate(QStyledItemDelegate):
    """An amount typed German style ('1234,56'); the cell shows it formatted, right aligned."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        edit = QLineEdit(parent)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def setEditorData(self, editor: QLineEdit, index: Index) -> None:  # noqa: N802
        editor.setText(index.data(VALUE) or "")
        editor.selectAll()

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: QLineEdit, model: QAbstractItemModel, index: Index
    ) -> None:
        set_money(model, index, editor.text().strip())


def set_money(model: QAbstractItemModel, index: Index, text: str) -> None:
    """Store the amount as typed; show it German when it is one."""
    model.setData(index, text, VALUE)
    model.setData(index, money_text(text), Qt.ItemDataRole.DisplayRole)
