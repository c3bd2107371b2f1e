"""The legal unit whose books are handed over, and the dates of its fiscal year.

A tenant with its own accounting is a unit of its own. Tenant 0's books hold the postings of
tenant 0 and of every tenant with central accounting (R4): together they are one unit,
exported in tenant 0 only. The invoices and customers of the unit live in the bookings and
customers files of each of its tenants, read through read-only sessions.
"""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _

from ..books import books_tenants, require_readable
from ..formats import day

FIRST_YEAR = 1900


@dataclass(frozen=True)
class Unit:
    """The open sessions of a unit's tenants and the period exported."""

    exporter: str  # who exports: a login, or the administrator's command line
    session: TenantSession  # the tenant whose books these are
    sessions: dict[int, TenantSession]  # every tenant of the unit, the books' own included
    fiscal_year: int  # the year in which it starts
    date_from: date
    date_to: date
    rights_checked: bool  # False only for the administrator's command line (no login)

    @property
    def tenants(self) -> list[int]:
        return sorted(self.sessions)


def fiscal_year_dates(start_month: int, year: int) -> tuple[date, date]:
    """First and last day of the fiscal year that starts in `start_month` of `year`."""
    first = date(year, start_month, 1)
    return first, date(year + 1, start_month, 1) - timedelta(days=1)


def checked_year(value: object, start_month: int, today: date | None = None) -> int:
    """The fiscal year asked for as a number; refused unless it has begun."""
    text = str(value).strip() if value is not None else ""
    today = today or date.today()
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= today.year:
        raise ValidationError(
            "fiscal_year",
            _(
                "'{value}' is no fiscal year: enter the year in which it starts, {first} to {last}."
            ).format(value=text, first=FIRST_YEAR, last=today.year),
        )
    year = int(text)
    first, _last = fiscal_year_dates(start_month, year)
    if first > today:
        raise ValidationError(
            "fiscal_year",
            _("The fiscal year {year} starts on {day}; it has not begun yet.").format(
                year=year, day=day(first)
            ),
        )
    return year


def unit_tenants(session: TenantSession) -> list[int]:
    """The tenants whose postings are in the session's books; refused where they are not."""
    return books_tenants(
        session,
        _(
            "Tenant {nr} posts into the central books of tenant 0: the data for the tax "
            "auditor is exported there, for tenant 0 and every tenant with central "
            "accounting together."
        ),
    )


@contextmanager
def open_unit(
    exporter: str,
    session: TenantSession,
    year: object,
    *,
    check_rights: bool = True,
) -> Iterator[Unit]:
    """The unit of `session`'s books for the fiscal year `year`, its other sessions open."""
    tenants = unit_tenants(session)
    if check_rights:
        require_readable(exporter, session, tenants)
    start_month = session.tenant.books["fiscal_year_start"]
    fiscal_year = checked_year(year, start_month)
    date_from, date_to = fiscal_year_dates(start_month, fiscal_year)
    with ExitStack() as stack:
        sessions = {session.nr: session}
        for nr in tenants:
            if nr != session.nr:
                other = session.installation.open_session(nr, read_only=True)
                sessions[nr] = stack.enter_context(other)
        yield Unit(exporter, session, sessions, fiscal_year, date_from, date_to, check_rights)
