"""Festschreibung: periods of a set of books that accept no posting any more (GoBD).

An accountant locks the books up to the end of a month. Besides, every month is locked
automatically at the latest on its lock day: the tenant's `lock_day` of the following month,
or that month's last day (0, the default: the GoBD's latest point). A lock is never lifted.
The locks are kept in the accounting file, so with central accounting they are tenant 0's
and hold for every tenant posting there (R4).
"""

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta

from tenant_store import TenantSession, ValidationError
from tenant_store.audit import record
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.logical import Logical
from tenant_store.models.accounting import PeriodLock
from tenant_store.models.installation import Tenant
from tenant_store.rights import Level

from .books import books_tenants
from .formats import day

WARN_DAYS = 7


def month_end(value: date) -> date:
    """The last day of the month of `value`."""
    return value.replace(day=calendar.monthrange(value.year, value.month)[1])


def _previous_month_end(value: date) -> date:
    return value.replace(day=1) - timedelta(days=1)


def lock_date(month_last_day: date, lock_day: int) -> date:
    """The day on which the month ending `month_last_day` is locked automatically."""
    following = month_last_day + timedelta(days=1)
    return month_end(following) if lock_day == 0 else following.replace(day=lock_day)


def automatic_lock(today: date, lock_day: int) -> date:
    """How far the books are locked automatically on `today`: the end of a month."""
    last = _previous_month_end(today)
    while lock_date(last, lock_day) >= today:  # locked once its lock day has passed
        last = _previous_month_end(last)
    return last


@dataclass(frozen=True)
class LockState:
    """What the books of a session accept, for the accounting view and the checks."""

    locked_through: date | None  # recorded or automatic, whichever is later
    next_month_end: date  # the first month still open
    next_lock_on: date  # when that month is locked automatically
    recorded: date | None = None  # the latest lock on file (an automatic one may be due)

    @property
    def next_open_day(self) -> date | None:
        return self.locked_through + timedelta(days=1) if self.locked_through else None

    def warning(self, today: date) -> str:
        """A note when the next automatic lock is near, else ''."""
        if (self.next_lock_on - today).days > WARN_DAYS:
            return ""
        return _(
            "The month up to {end} will be locked automatically on {day}: post what is "
            "missing for it before then."
        ).format(end=day(self.next_month_end), day=day(self.next_lock_on))


def require_books_here(session: TenantSession) -> None:
    """Refuse in a tenant with central accounting: its books are tenant 0's, kept there (R4)."""
    books_tenants(
        session,
        _("Tenant {nr} posts into tenant 0's books: they are locked and exported in tenant 0."),
    )


def _lock_day(session: TenantSession) -> int:
    with session.bound():
        return Tenant.get_by_id(session.tenant.books_owner).lock_day


def _recorded(session: TenantSession) -> date | None:
    with session.bound():
        return (
            PeriodLock.select(PeriodLock.locked_through)
            .order_by(PeriodLock.locked_through.desc())
            .scalar()
        )


def lock_state(session: TenantSession, today: date | None = None) -> LockState:
    """The lock in force now (no rights needed: posting clerks are told it too)."""
    today = today or date.today()
    lock_day = _lock_day(session)
    automatic = None if _taking_over.get() else automatic_lock(today, lock_day)
    recorded = _recorded(session)
    locked = max((d for d in (automatic, recorded) if d is not None), default=None)
    next_end = month_end(locked + timedelta(days=1)) if locked else month_end(today)
    return LockState(locked, next_end, lock_date(next_end, lock_day), recorded)


def require_open(session: TenantSession, entry_date: date) -> None:
    """Refuse a posting dated in a locked period, naming the lock and the next open date.

    Inside the posting's transaction: a lock that became due is recorded first, so it stays
    on file even where nothing else would have recorded it.
    """
    state = lock_state(session)
    if state.locked_through and (state.recorded is None or state.recorded < state.locked_through):
        record_lock(session, "", state.locked_through, automatic=True)
    if state.locked_through and entry_date <= state.locked_through:
        raise ValidationError(
            "date",
            _(
                "The books are locked up to {locked} (Festschreibung): nothing dated "
                "{date} can be posted. The next open date is {open}."
            ).format(
                locked=day(state.locked_through),
                date=day(entry_date),
                open=day(state.next_open_day),
            ),
        )


def lock_period(user: str, session: TenantSession, through: date) -> date:
    """Lock the books up to the end of the month of `through`; returns that day."""
    session.rights(user).require("accounting", Level.WRITE)
    require_books_here(session)
    if not isinstance(through, date):
        raise ValidationError("through", _("Enter the last day to lock."))
    through = month_end(through)
    if through >= date.today():
        raise ValidationError(
            "through",
            _("Only a month that has ended can be locked; {day} is not over yet.").format(
                day=day(through)
            ),
        )
    with session.transaction():
        current = lock_state(session).locked_through
        if current and through <= current:
            raise ValidationError(
                "through",
                _("The books are locked up to {day} already.").format(day=day(current)),
            )
        record_lock(session, user, through, automatic=False)
    return through


def record_lock(session: TenantSession, user: str, through: date, *, automatic: bool) -> None:
    """Write a lock and its audit record (inside a transaction; rights are the caller's)."""
    lock = PeriodLock.create(
        locked_through=through, locked_by=user, locked_at=now(), automatic=automatic
    )
    record(
        Logical.ACCOUNTING,
        user=user or "system",
        tenant_nr=session.nr,
        kind="period_lock",
        object_id=lock.id,
        action="lock",
        new={"locked_through": through, "automatic": automatic},
    )


_taking_over: ContextVar[bool] = ContextVar("jack_taking_over_history", default=False)


@contextmanager
def taking_over_history() -> Iterator[None]:
    """Enter past business into new books (the demo, a takeover from an old program).

    Inside the block the automatic lock waits, so months already past can be filled in;
    a lock an accountant recorded still refuses. It takes effect with the next posting after.
    """
    token = _taking_over.set(True)
    try:
        yield
    finally:
        _taking_over.reset(token)
