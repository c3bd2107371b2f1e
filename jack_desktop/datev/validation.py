"""What the validator's checks share: a problem found, the list of them, what the header said."""

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from tenant_store.i18n import _

from . import columns as col
from .header import ACCOUNT_NAMES, BOOKINGS, PERSONS

MAX_PROBLEMS = 100
HEADINGS = {
    BOOKINGS: col.BOOKING_COLUMNS,
    PERSONS: col.PERSON_COLUMNS,
    ACCOUNT_NAMES: col.ACCOUNT_NAMES_COLUMNS,
}
CONTROL = re.compile(r"[\r\n\t]")


@dataclass(frozen=True)
class Problem:
    """What is wrong where: `row` is the line in the file (1 header, 2 headings, 0 the file)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = _("line {row}").format(row=self.row) if self.row else _("file")
        return (
            f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


class Full(Exception):
    """Enough problems listed."""


@dataclass
class Context:
    """What the header said, for checking the rows."""

    category: int
    columns: int
    account_length: int = 4
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    automatic: frozenset[str] = frozenset()
    # Accounts and days found right: a long file repeats them.
    good_accounts: set[str] = dataclasses.field(default_factory=set)
    good_days: set[str] = dataclasses.field(default_factory=set)


class Problems(list):
    """The problems found so far; stops the check (`Full`) once MAX_PROBLEMS are listed."""

    utf8_named = False  # a file in UTF-8 is named once, not on every line with an umlaut

    def add(self, row: int, column: str, message: str) -> None:
        self.append(Problem(row, column, message))
        if len(self) >= MAX_PROBLEMS:
            self.append(Problem(0, "", _("Further problems are not listed.")))
            raise Full


def check_controls(line: int, fields: list[str], name, problems: Problems) -> None:
    """Name each field that holds a line break or a tab."""
    if not CONTROL.search("".join(fields)):  # the usual case, at C speed
        return
    for i, value in enumerate(fields):
        if CONTROL.search(value):
            problems.add(line, name(i), _("A field must not hold a line break or a tab."))
