"""One search over bookings, tickets and customers of every tenant the user may read.

Each hit is labelled with its tenant, so nothing has to be switched to find it. Read rights are
taken from the installation database before anything else: a tenant where the user may read
none of the three is never opened. Every other tenant is opened read-only, at most once.

Central files are searched once: a central customer is shown once, under its owner tenant if the
user may read customers there, else under the first readable tenant where it is visible (R12).
A central ticket is shown under its own `tenant_nr`, and only if the user may read tickets there.

Speed (50 tenants of 20,000 bookings): the SQL is rendered once per search and run in every
tenant; every query stops at `limit` rows and uses an index where the schema has one. Only the
booking title (and a customer's bookings, in the same pass) is found by a scan. Tenants are
searched one after the other: threads were slower, the work holds the GIL too often.
"""

import functools
import itertools
import json
import operator
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import peewee

from tenant_store import Installation, Logical, TenantInfo, TenantSession
from tenant_store.i18n import _
from tenant_store.logical import MAX_BOOKING_NUMBER
from tenant_store.models.bookings import Booking
from tenant_store.models.customers import Customer, CustomerSearch, CustomerShare
from tenant_store.models.installation import Membership, User
from tenant_store.models.tickets import Ticket
from tenant_store.rights import Level, rights_of
from tenant_store.search_folding import prefix_query

from .bookings import STATUS_LABELS

KINDS = ("booking", "ticket", "customer")
MODULES = {"booking": "bookings", "ticket": "tickets", "customer": "customers"}
# Renders SQL only, never connects: a statement is rendered once per search and run in every
# tenant's session (rendering costs more than running the indexed queries).
_RENDERER = peewee.SqliteDatabase(None)

Statement = tuple[str, tuple]


class _Slot:
    """A parameter of a rendered statement, filled in for each tenant or file it runs on."""


TENANT = _Slot()  # a tenant number
GROUP = _Slot()  # a JSON list of tenant numbers, ascending
FIRST = _Slot()  # the first tenant number of GROUP


@dataclass(frozen=True)
class Hit:
    """A search result: what it is, where it lives, and the line a user recognises it by."""

    tenant_nr: int
    tenant_name: str
    kind: str  # booking | ticket | customer
    key: int  # booking number, ticket id or customer id
    title: str
    detail: str


@dataclass
class _Work:
    """What to search through one tenant's session."""

    bookings: bool = False
    # The readable tenants whose customers (tickets) are in this session's file.
    customers_for: tuple[int, ...] = ()
    tickets_for: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Search:
    """One search: the tenants' names and its statements (customers: None if no word)."""

    names: dict[int, str]
    bookings: Statement
    tickets: Statement
    customers: Statement | None


def search_everywhere(user: str, inst: Installation, text: str, limit: int = 50) -> list[Hit]:
    """Bookings, tickets and customers matching `text` in every tenant the user may read.

    Ordered by tenant, then kind. At most `limit` hits; they are shared out in turn between
    the tenants (and within a tenant between the kinds), so every tenant with matches is
    represented as long as `limit` allows.
    """
    text = " ".join((text or "").split())
    if not text or limit <= 0:
        return []
    tenants = inst.tenants()
    plan = _plan(inst, tenants, _readable(inst, user))
    if not plan:
        return []
    words = prefix_query(text)
    search = _Search(
        names={t.nr: t.name for t in tenants},
        bookings=_render(_bookings_query(text, words, limit)),
        tickets=_render(_tickets_query(text, limit)),
        customers=_render(_customers_query(words, limit)) if words else None,
    )
    found = []
    for nr, work in plan.items():
        with inst.open_session(nr, read_only=True) as session:
            found.extend(_search_session(session, search, work))
    return _share_out(found, limit)


def _readable(inst: Installation, user: str) -> dict[int, set[str]]:
    """tenant -> the searched modules `user` may read there; only tenants with a membership."""
    with inst.registry():
        member_of = (
            Membership.select(Membership.tenant_nr, Membership.role)
            .join(User)
            .where(User.login == user)
            .tuples()
        )
        # What a membership allows depends on its role (and the installation's licence) only:
        # `rights_of` once per distinct role keeps 50 tenants from costing 150 queries.
        by_role: dict[int, set[str]] = {}
        readable = {}
        for nr, role in member_of:
            if role not in by_role:
                rights = rights_of(user, nr)
                by_role[role] = {m for m in MODULES.values() if rights.can(m, Level.READ)}
            readable[nr] = by_role[role]
        return readable


def _plan(
    inst: Installation, tenants: list[TenantInfo], readable: dict[int, set[str]]
) -> dict[int, _Work]:
    """Which tenant's session searches what: each distinct customers/tickets file only once."""
    plan: dict[int, _Work] = defaultdict(_Work)
    may = {kind: [t for t in tenants if m in readable.get(t.nr, ())] for kind, m in MODULES.items()}
    for info in may["booking"]:
        plan[info.nr].bookings = True
    for group in _by_file(inst, may["customer"], Logical.CUSTOMERS):
        plan[_searcher(group, plan)].customers_for = tuple(t.nr for t in group)
    for group in _by_file(inst, may["ticket"], Logical.TICKETS):
        plan[_searcher(group, plan)].tickets_for = tuple(t.nr for t in group)
    return {nr: plan[nr] for nr in sorted(plan)}


def _by_file(inst: Installation, tenants: list[TenantInfo], db: Logical) -> list[list[TenantInfo]]:
    """The tenants grouped by the file behind `db` (a central file is one group)."""
    groups: dict[str, list[TenantInfo]] = {}
    for info in tenants:
        path = info.manifest.database_path(db, info.path, inst.root)
        groups.setdefault(str(path), []).append(info)
    return list(groups.values())


def _searcher(group: list[TenantInfo], plan: dict[int, _Work]) -> int:
    # A tenant that is opened for its bookings anyway saves opening one more session.
    opened = [t.nr for t in group if t.nr in plan]
    return opened[0] if opened else group[0].nr


def _search_session(session: TenantSession, search: _Search, work: _Work) -> list[list[Hit]]:
    def run(statement: Statement, **slots) -> list[tuple]:
        return session.db.execute_sql(*_bind(statement, slots)).fetchall()

    names, lists = search.names, []
    if work.bookings:
        name = names[session.nr]
        lists.append([_booking_hit(session.nr, name, *row) for row in run(search.bookings)])
    for nr in work.tickets_for:
        lists.append([_ticket_hit(names, nr, *row) for row in run(search.tickets, tenant=nr)])
    if work.customers_for and search.customers:
        group = work.customers_for
        rows = run(search.customers, group=json.dumps(group), first=group[0])
        lists.extend(_by_tenant(_customer_hit(names, *row) for row in rows))
    return lists


def _render(query: peewee.Query) -> Statement:
    sql, params = _RENDERER.get_sql_context().sql(query).query()
    return sql, tuple(params)


def _bind(statement: Statement, slots: dict[str, object]) -> Statement:
    """The statement with its slots filled in (`tenant`, `group`, `first`)."""
    values = {TENANT: slots.get("tenant"), GROUP: slots.get("group"), FIRST: slots.get("first")}
    sql, params = statement
    return sql, tuple(values[p] if isinstance(p, _Slot) else p for p in params)


def _slot(slot: _Slot) -> peewee.Value:
    return peewee.Value(slot, converter=False)


def _in_group() -> peewee.SQL:
    """The tenant numbers of the GROUP slot, for `IN`."""
    return peewee.SQL("(SELECT value FROM json_each(?))", [GROUP])


# -- bookings ------------------------------------------------------------------------------------


def _bookings_query(text: str, words: str | None, limit: int) -> peewee.ModelSelect:
    """The newest bookings matching by number prefix, title, or the name of their customer.

    Two UNION ALL arms, each stopping at `limit`; SQLite plans them on their own. Title and
    customer name share one backwards scan, which stops early when many match; the number
    prefix uses the number index. The newest `limit` of all are among the newest of each arm.
    """
    matches = Booking.title.contains(text)
    if words is not None:
        # Through the folded customer index: "Mueller" finds the bookings of "Müller".
        matches |= Booking.customer_id.in_(_matching_customers(words))
    arms = [_newest(matches, Booking.id, limit)]
    ranges = _number_ranges(text)
    if ranges:
        # Ordered by an expression, not by the rowid: with a bound LIMIT, SQLite would
        # otherwise walk the whole table in rowid order instead of using the number index.
        arms.append(_newest(functools.reduce(operator.or_, ranges), Booking.id + 0, limit))
    return (
        Booking.select(
            Booking.number,
            Booking.title,
            Booking.status,
            Booking.travel_from,
            Customer.first_name,
            Customer.last_name,
            Customer.company,
        )
        .join(Customer, peewee.JOIN.LEFT_OUTER, on=(Booking.customer_id == Customer.id))
        .where(Booking.id.in_(functools.reduce(operator.add, arms)))
        .order_by(Booking.id.desc())  # newest first
        .limit(limit)
    )


def _newest(where: peewee.Expression, order: peewee.Node, limit: int) -> peewee.Select:
    """The ids of the newest `limit` bookings matching `where`, as a UNION ALL arm."""
    ids = Booking.select(Booking.id).where(where).order_by(order.desc()).limit(limit)
    ids = ids.alias("newest")
    return peewee.Select([ids], [ids.c.id])


def _number_ranges(text: str) -> list[peewee.Expression]:
    """Booking numbers starting with the digits `text`, as index ranges (one per length)."""
    if not text.isdigit() or text.startswith("0"):  # no number has a leading zero
        return []
    first, scale, ranges = int(text), 1, []
    while first * scale <= MAX_BOOKING_NUMBER:
        ranges.append(Booking.number.between(first * scale, (first + 1) * scale - 1))
        scale *= 10
    return ranges


def _booking_hit(nr, name, number, title, status, travel_from, first, last, company) -> Hit:
    customer = ", ".join(p for p in (last, first) if p) or company or ""
    detail = _join([customer, travel_from or "", _(STATUS_LABELS.get(status, status))])
    return Hit(nr, name, "booking", number, f"{number} {title}".strip(), detail)


# -- tickets -------------------------------------------------------------------------------------


def _tickets_query(text: str, limit: int) -> peewee.ModelSelect:
    """The newest `limit` tickets of the TENANT slot by number prefix or passenger (R7).

    Run once per tenant: in a central file a tenant with many matches must not crowd out the
    others, and each run walks the tenant_nr index backwards and stops at `limit`.
    """
    where = Ticket.passenger.contains(text)
    digits = re.sub(r"[\s\-]", "", text)
    if digits.isdigit():
        # A text range the number index serves: ":" sorts right after "9".
        where |= (Ticket.number >= digits) & (Ticket.number < digits + ":")
    return (
        Ticket.select(
            Ticket.id,
            Ticket.number,
            Ticket.passenger,
            Ticket.airline,
            Ticket.route,
            Ticket.issued_on,
        )
        .where((Ticket.tenant_nr == _slot(TENANT)) & where)
        .order_by(Ticket.id.desc())
        .limit(limit)
    )


def _ticket_hit(names, nr, ticket_id, number, passenger, airline, route, issued_on) -> Hit:
    title = f"{number} {passenger}".strip()
    return Hit(nr, names[nr], "ticket", ticket_id, title, _join([airline, route, issued_on]))


# -- customers -----------------------------------------------------------------------------------


def _customers_query(words: str, limit: int) -> peewee.Select:
    """Customers matching `words` in one file, each under the tenant it is shown in.

    That tenant (R12), with GROUP the readable tenants of this file: the owner if it is in
    GROUP, else FIRST if the customer is shared with all, else the first of GROUP it is shared
    with; none means it is visible nowhere the user may read, so it is left out. At most `limit`
    per tenant, so one tenant's customers do not crowd out the others'.
    """
    shared_with = CustomerShare.select(peewee.fn.MIN(CustomerShare.tenant_nr)).where(
        (CustomerShare.customer == Customer.id) & CustomerShare.tenant_nr.in_(_in_group())
    )
    shown_in = peewee.Case(
        None,
        [
            (Customer.owner_tenant.in_(_in_group()), Customer.owner_tenant),
            (Customer.shared_with_all == True, _slot(FIRST)),  # noqa: E712
        ],
        shared_with,
    )
    order = [Customer.last_name, Customer.first_name, Customer.number]
    rank = peewee.fn.ROW_NUMBER().over(partition_by=[shown_in], order_by=order)
    ranked = (
        Customer.select(
            shown_in.alias("tenant_nr"),
            Customer.id,
            Customer.number,
            Customer.last_name,
            Customer.first_name,
            Customer.company,
            Customer.postcode,
            Customer.city,
            rank.alias("rank"),
        )
        .where(Customer.id.in_(_matching_customers(words)) & shown_in.is_null(False))
        .alias("ranked")
    )
    columns = ("tenant_nr", "id", "number", "last_name", "first_name", "company", "postcode")
    return (
        peewee.Select([ranked], [getattr(ranked.c, name) for name in (*columns, "city")])
        .where(ranked.c.rank <= limit)
        .order_by(ranked.c.tenant_nr, ranked.c.rank)
    )


def _matching_customers(query: str) -> peewee.ModelSelect:
    """Ids of the customers whose folded search text matches an FTS5 `query`."""
    return CustomerSearch.select(CustomerSearch.rowid).where(CustomerSearch.body.match(query))


def _customer_hit(names, nr, customer_id, number, last, first, company, postcode, city) -> Hit:
    name = ", ".join(p for p in (last, first) if p) or company
    detail = _join([str(number), f"{postcode} {city}".strip(), company if name != company else ""])
    return Hit(nr, names[nr], "customer", customer_id, name, detail)


# -- sharing out ---------------------------------------------------------------------------------


def _by_tenant(hits: Iterable[Hit]) -> list[list[Hit]]:
    """Hits ordered by tenant, split into one list per tenant."""
    return [list(group) for _nr, group in itertools.groupby(hits, key=lambda h: h.tenant_nr)]


def _share_out(lists: list[list[Hit]], limit: int) -> list[Hit]:
    """Up to `limit` hits taken in turn from each tenant (and, inside one, from each kind)."""
    by_tenant: dict[int, list[list[Hit]]] = defaultdict(list)
    for hits in lists:
        if hits:
            by_tenant[hits[0].tenant_nr].append(hits)
    per_tenant = [_in_turn(kinds) for kinds in by_tenant.values()]
    chosen = _in_turn(per_tenant)[:limit]
    # Stable: hits of one list keep their order, which taking turns preserved.
    return sorted(chosen, key=lambda h: (h.tenant_nr, KINDS.index(h.kind)))


def _in_turn(lists: list[list[Hit]]) -> list[Hit]:
    """The first of each list, then the second of each, and so on."""
    return [hit for layer in itertools.zip_longest(*lists) for hit in layer if hit is not None]


def _join(parts: Iterable[str]) -> str:
    return " · ".join(p for p in parts if p)
