"""A date field that may also be empty (birth dates, travel dates not fixed yet)."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from jack_desktop.formats import date_pattern, day, period

# The minimum date stands for "no date": Qt shows the special value text instead of it.
NO_DATE = QDate(1900, 1, 1)


def date_text(value: date | None) -> str:
    """'01.05.2027' for a date in German, '01/05/2027' in English, '' for none."""
    return day(value)


def dates_text(first: date | None, last: date | None) -> str:
    """'01.05.2027 – 08.05.2027', one date alone, or ''."""
    return period(first, last)


class OptionalDateEdit(QDateEdit):
    """A QDateEdit with a calendar that may be empty; Delete or Backspace on it empties it."""

    def __init__(self, parent: QWidget | None = None, *, default: QDate | None = None):
        super().__init__(parent)
        self.setDisplayFormat(date_pattern())
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(" ")
        # Where the calendar opens and what the arrows start from when the field is empty.
        self._default = default or QDate.currentDate()
        self._advanced = False  # the last digit completed a section and Qt moved to the next
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        """The date, or None when the field is empty."""
        current = self.date()
        return None if current == NO_DATE else current.toPython()

    def set_value(self, value: date | None) -> None:
        """Show `value` (None empties the field)."""
        self.setDate(QDate(value) if value else NO_DATE)

    def set_default(self, value: date) -> None:
        """The date offered first when the empty field is stepped or its calendar opened."""
        self._default = QDate(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        empty = self.date() == NO_DATE
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            empty or self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(NO_DATE)
            return
        if empty and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp):
            self.setDate(self._default)
            return
        if empty and event.text().isdigit():
            # Typing into the empty field starts with the day of the default date, not 1900.
            self.setDate(self._default)
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(QDateEdit.Section.DaySection)
        if event.text() in (".", "/") and self._advanced:
            # "24.04.2027": Qt moved on after "24" already; this dot must not skip the month.
            self._advanced = False
            return
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = event.text().isdigit() and self.currentSectionIndex() != section

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.date() == NO_DATE:
            self.calendarWidget().setSelectedDate(self._default)
        super().mousePressEvent(event)
