"""Controlling (R14): revenue, margin and booking counts per month, travel type and cost centre.

What the figures mean:
- Only firm bookings count: status booked or invoiced. Offers may never happen and cancelled
  bookings are reversed, so both are left out.
- Revenue is the sum of price x quantity of a booking's service lines; margin is revenue minus
  the sum of cost x quantity (as `bookings.totals` computes it for one booking).
- A booking belongs to the month of its travel start (`travel_from`): travel agencies earn their
  commission when the journey takes place. A booking without a travel start falls back to the
  day it was created. The optional `year` or date range filters on that same day.
- Months without firm bookings are left out of `per_month`.

Each tenant sees its own controlling; tenant 0 also sees the consolidation over every tenant
where the user may read controlling (tenants without that right are never opened).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import peewee

from tenant_store import TenantSession, ValidationError
from tenant_store.errors import NotHere
from tenant_store.i18n import _
from tenant_store.models.basedata import CostCentre, TravelType
from tenant_store.models.bookings import Booking, ServiceLine
from tenant_store.rights import Level, rights_of

from .bookings import FIRM

MODULE = "controlling"


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included; None means open."""

    first: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class Row:
    """One line of a report: a month, travel type or cost centre, or the total."""

    key: str
    label: str
    bookings: int
    revenue_cents: int
    margin_cents: int

    @property
    def cost_cents(self) -> int:
        return self.revenue_cents - self.margin_cents


@dataclass(frozen=True)
class Figures:
    """The controlling of one tenant for one period."""

    tenant_nr: int
    tenant_name: str
    period: Period
    per_month: tuple[Row, ...]
    per_travel_type: tuple[Row, ...]
    per_cost_centre: tuple[Row, ...]
    total: Row


@dataclass(frozen=True)
class Consolidated:
    """Tenant 0's view: each readable tenant's figures and their sums (merged by key)."""

    period: Period
    tenants: tuple[Figures, ...]
    per_month: tuple[Row, ...]
    per_travel_type: tuple[Row, ...]
    per_cost_centre: tuple[Row, ...]
    total: Row

    @property
    def months(self) -> list[str]:
        """Every month any tenant has figures for, in order (the x axis of a chart)."""
        return [row.key for row in self.per_month]

    def monthly_revenue(self) -> dict[int, list[int]]:
        """Revenue per tenant aligned with `months` (0 where a tenant has none): a bar chart."""
        series = {}
        for figures in self.tenants:
            by_month = {row.key: row.revenue_cents for row in figures.per_month}
            series[figures.tenant_nr] = [by_month.get(month, 0) for month in self.months]
        return series


def period_of(
    year: int | None = None, date_from: date | None = None, date_to: date | None = None
) -> Period:
    """The period of a report: a calendar year or a date range (either end may be open)."""
    if year is not None and (date_from is not None or date_to is not None):
        raise ValidationError("year", _("Choose a year or a date range, not both."))
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2999:
            raise ValidationError("year", _("Enter a year such as 2024."))
        return Period(date(year, 1, 1), date(year, 12, 31))
    for field, value in (("date_from", date_from), ("date_to", date_to)):
        if value is not None and not isinstance(value, date):
            raise ValidationError(field, _("Enter a date."))
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", _("The end date is before the start date."))
    return Period(date_from, date_to)


def tenant_figures(
    user: str,
    session: TenantSession,
    year: int | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Figures:
    """The controlling of the session's tenant (needs controlling read access there)."""
    session.rights(user).require(MODULE, Level.READ)
    return _figures(session, period_of(year, date_from, date_to))


def consolidated_figures(
    user: str,
    session: TenantSession,
    year: int | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Consolidated:
    """Tenant 0 only: the figures of every tenant where the user may read controlling, summed.

    The user needs controlling read access in tenant 0 itself; other tenants without that
    right are left out and their files are never opened.
    """
    if session.nr != 0:
        raise NotHere(_("The consolidated controlling is only available in tenant 0."))
    session.rights(user).require(MODULE, Level.READ)
    period = period_of(year, date_from, date_to)
    tenants = [_figures(session, period)]
    for nr in _other_readable_tenants(user, session):
        with session.installation.open_session(nr, read_only=True) as other:
            tenants.append(_figures(other, period))
    return Consolidated(
        period=period,
        tenants=tuple(tenants),
        per_month=_merge(row for f in tenants for row in f.per_month),
        per_travel_type=_merge(row for f in tenants for row in f.per_travel_type),
        per_cost_centre=_merge(row for f in tenants for row in f.per_cost_centre),
        total=_total(f.total for f in tenants),
    )


def _other_readable_tenants(user: str, session: TenantSession) -> list[int]:
    # Read through tenant 0's session: the installation database is attached there, so no
    # other tenant is opened just to find out that it may not be read.
    others = [nr for nr in session.installation.tenant_numbers() if nr != session.nr]
    with session.bound():
        return [nr for nr in others if rights_of(user, nr).can(MODULE, Level.READ)]


def _figures(session: TenantSession, period: Period) -> Figures:
    """One tenant's figures: one GROUP BY query, rolled up into the three views."""
    with session.bound():
        groups = list(_group_query(period))
        travel_types = _names(TravelType)
        cost_centres = _names(CostCentre)
    months, types, centres = [], [], []
    for month, travel_type, cost_centre, count, revenue, cost in groups:
        margin = revenue - cost
        months.append(Row(month, month, count, revenue, margin))
        types.append(Row(travel_type, _label(travel_types, travel_type), count, revenue, margin))
        centres.append(Row(cost_centre, _label(cost_centres, cost_centre), count, revenue, margin))
    return Figures(
        tenant_nr=session.nr,
        tenant_name=session.tenant.name,
        period=period,
        per_month=_merge(months),
        per_travel_type=_merge(types),
        per_cost_centre=_merge(centres),
        total=_total(months),
    )


def _group_query(period: Period) -> peewee.ModelSelect:
    """(month, travel type, cost centre, bookings, revenue, cost) of firm bookings.

    Grouping by all three keys at once scans the bookings once; the groups are few (months x
    travel types x cost centres), so rolling them up afterwards costs nothing. Service lines
    are summed per booking first, so a booking counts once however many lines it has.
    """
    lines = (
        ServiceLine.select(
            ServiceLine.booking.alias("booking_id"),
            peewee.fn.SUM(ServiceLine.price_cents * ServiceLine.quantity).alias("revenue"),
            peewee.fn.SUM(ServiceLine.cost_cents * ServiceLine.quantity).alias("cost"),
        )
        .group_by(ServiceLine.booking)
        .alias("lines")
    )
    day = peewee.fn.COALESCE(Booking.travel_from, peewee.fn.date(Booking.created_at))
    month = peewee.fn.substr(day, 1, 7)
    where = Booking.status.in_(FIRM)
    if period.first:
        where &= day >= period.first.isoformat()
    if period.last:
        where &= day <= period.last.isoformat()
    return (
        Booking.select(
            month,
            Booking.travel_type_code,
            Booking.cost_centre_code,
            peewee.fn.COUNT(Booking.id),
            peewee.fn.COALESCE(peewee.fn.SUM(lines.c.revenue), 0),
            peewee.fn.COALESCE(peewee.fn.SUM(lines.c.cost), 0),
        )
        .join(lines, peewee.JOIN.LEFT_OUTER, on=(lines.c.booking_id == Booking.id))
        .where(where)
        .group_by(month, Booking.travel_type_code, Booking.cost_centre_code)
        .tuples()
    )


def _names(model) -> dict[str, str]:
    return dict(model.select(model.code, model.name).tuples())


def _label(names: dict[str, str], code: str) -> str:
    if not code:
        return _("(none)")
    return names.get(code, code)  # a code removed from the base data still shows


def _merge(rows: Iterable[Row]) -> tuple[Row, ...]:
    """Rows with the same key added up (the first label wins), ordered by key."""
    merged: dict[str, Row] = {}
    for row in rows:
        old = merged.get(row.key)
        merged[row.key] = row if old is None else _add(old, row)
    return tuple(merged[key] for key in sorted(merged))


def _total(rows: Iterable[Row]) -> Row:
    total = Row("", _("Total"), 0, 0, 0)
    for row in rows:
        total = _add(total, row)
    return total


def _add(a: Row, b: Row) -> Row:
    return Row(
        a.key,
        a.label,
        a.bookings + b.bookings,
        a.revenue_cents + b.revenue_cents,
        a.margin_cents + b.margin_cents,
    )
