"""Number ranges: booking numbers from each tenant's range, handed out atomically (R5, R14).

The range bounds live in the tenant registry, the counter in the tenant's own bookings file.
Both are read and the counter advanced inside one BEGIN IMMEDIATE transaction of the session's
connection, so concurrent processes never get the same number.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from .audit import record_installation
from .errors import RangeExhausted, ValidationError
from .i18n import N_, _
from .installation import Installation, TenantInfo
from .logical import INSTALLATION_FILE, INSTALLATION_SCHEMA, MAIN_LOGICAL
from .models.bookings import NumberCounter
from .models.installation import Tenant
from .routing import bound
from .session import TenantSession
from .sqlite_files import StoreDatabase
from .tenant_validation import check_range_free, parse_range

BOOKING = "booking"
RANGE_LABELS = {BOOKING: N_("booking"), "invoice": N_("invoice")}


def next_number(session: TenantSession, name: str, first: int, last: int) -> int:
    """The next number of the range `name` within first..last; never a number outside it."""
    with session.transaction():
        counter = NumberCounter.get_or_none(NumberCounter.name == name)
        value = max(counter.next_value, first) if counter else first
        if value > last:
            raise RangeExhausted(
                _(
                    "The {name} number range {first}-{last} of tenant {nr} is used "
                    "up; an administrator must extend it."
                ).format(
                    name=_(RANGE_LABELS.get(name, name)), first=first, last=last, nr=session.nr
                )
            )
        (
            NumberCounter.insert(name=name, next_value=value + 1)
            .on_conflict(
                conflict_target=[NumberCounter.name], update={NumberCounter.next_value: value + 1}
            )
            .execute()
        )
    return value


def next_booking_number(session: TenantSession) -> int:
    """The next booking number of the session's tenant."""
    with session.transaction():
        row = Tenant.get_by_id(session.nr)
        return next_number(session, BOOKING, row.booking_first, row.booking_last)


def peek_next(session: TenantSession, name: str, first: int) -> int:
    """The number `next_number` would hand out now (for display; not reserved)."""
    with session.bound():
        counter = NumberCounter.get_or_none(NumberCounter.name == name)
    return max(counter.next_value, first) if counter else first


def set_booking_range(
    inst: Installation, nr: int, value: tuple[int, int] | str, *, by: str | None = None
) -> tuple[int, int]:
    """Change a tenant's booking range; issued numbers and R5 are respected."""
    new_range = parse_range(value, nr)
    info = inst.tenant(nr)
    with range_transaction(inst, info):
        old = list(info.booking_range)
        write_booking_range(inst, info, new_range)
        if old != list(new_range):
            record_installation(
                by,
                nr,
                "tenant",
                nr,
                "update",
                {"booking_range": old},
                {"booking_range": list(new_range)},
            )
    return new_range


@contextmanager
def range_transaction(inst: Installation, info: TenantInfo) -> Iterator[StoreDatabase]:
    """One transaction over the tenant's counter and the registry, models bound to it.

    A range check and every registry change made inside commit together, and the write lock
    keeps clerks and creators out meanwhile.
    """
    conn = StoreDatabase(
        info.database_paths(inst.root)[MAIN_LOGICAL],
        [(INSTALLATION_SCHEMA, inst.root / INSTALLATION_FILE)],
    )
    try:
        with bound(conn), conn.atomic():
            yield conn
    finally:
        conn.close()


def write_booking_range(inst: Installation, info: TenantInfo, new_range: tuple[int, int]) -> None:
    """Check (R5, issued numbers) and store a parsed range; inside `range_transaction`."""
    nr = info.nr
    check_range_free(nr, new_range, info.shares_booking_numbers, inst.tenant_ranges())
    counter = NumberCounter.get_or_none(NumberCounter.name == BOOKING)
    if counter and counter.next_value - 1 > new_range[1]:
        raise ValidationError(
            "booking range",
            _(
                "Booking numbers up to {issued} have been issued already; "
                "the range must end at {issued} or above."
            ).format(issued=counter.next_value - 1),
        )
    Tenant.update(booking_first=new_range[0], booking_last=new_range[1]).where(
        Tenant.nr == nr
    ).execute()
