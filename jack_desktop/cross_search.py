"""One search over bookings, tickets and customers of every tenant the user may read.

Each hit is labelled with its tenant, so nothing has to be switched to find it. Read rights are
taken from the installation database before anything else: a tenant where the user may read
none of the three is never opened. Every other tenant is opened read-only, at most once, by a
`TenantReader` that attaches only the files its part of the search needs.

Central files are searched once: a central customer is shown once, under its owner tenant if the
user may read customers there, else under the first readable tenant where it is visible (R12).
A central ticket is shown under its own `tenant_nr`, and only if the user may read tickets there.

Speed (50 tenants of 20,000 bookings): the SQL is rendered once per search and run in every
tenant; every query stops at `limit` rows and uses an index where the schema has one. The
customers matching the words are looked up once per customers file (a central file serves many
tenants), and their bookings are found through the customer index. Only the booking title is
found by a scan, which stops as soon as older matches could no longer make the `limit` newest.
Each tenant is read through a `TenantReader` (its bookings file plus the customers or tickets
file it needs, nothing else), by two threads: the scans run in SQLite without the GIL. Rows are
made into hits only for the `limit` that are kept.
"""

import functools
import itertools
import json
import operator
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import peewee

from tenant_store import Installation, Logical, TenantInfo
from tenant_store.i18n import _
from tenant_store.logical import MAX_BOOKING_NUMBER
from tenant_store.models.bookings import Booking
from tenant_store.models.customers import Customer, CustomerSearch, CustomerShare
from tenant_store.models.installation import Membership, User
from tenant_store.models.tickets import Ticket
from tenant_store.readers import TenantReader
from tenant_store.rights import Level, rights_of
from tenant_store.search_folding import fold, prefix_query

from .bookings import STATUS_LABELS

KINDS = ("booking", "ticket", "customer")
MODULES = {"booking": "bookings", "ticket": "tickets", "customer": "customers"}
# Renders SQL only, never connects: a statement is rendered once per search and run in every
# tenant's reader (rendering costs more than running the indexed queries).
_RENDERER = peewee.SqliteDatabase(None)

Statement = tuple[str, tuple]
# The most customer ids looked up by the words that are handed to each tenant's bookings query
# (as JSON). More matches mean a word so common that a scan of the bookings finds `limit`
# of them soon: beyond this the match runs inside the bookings query, as a scan.
MAX_CUSTOMER_IDS = 2000
# Tenants are searched by this many threads. Most of a search is SQLite scanning bookings
# titles, which runs without the GIL, so two threads use two cores; more would mostly wait
# for the GIL (opening readers, making rows into hits).
WORKERS = 2


class _Slot:
    """A parameter of a rendered statement, filled in for each tenant or file it runs on."""


TENANT = _Slot()  # a tenant number
GROUP = _Slot()  # a JSON list of tenant numbers, ascending
FIRST = _Slot()  # the first tenant number of GROUP
CUSTOMER_IDS = _Slot()  # a JSON list of the ids of the customers matching the words


@dataclass(frozen=True)
class Hit:
    """A search result: what it is, where it lives, and the line a user recognises it by."""

    tenant_nr: int
    tenant_name: str
    kind: str  # booking | ticket | customer
    key: int  # booking number, ticket id or customer id
    title: str
    detail: str


@dataclass(frozen=True)
class _Found:
    """The rows of one kind found for one tenant, newest (or best) first.

    Made into hits only when chosen: a search finds up to `limit` rows in each of 50 tenants
    and keeps `limit` of all of them.
    """

    tenant_nr: int
    rows: list[tuple]
    make: Callable[..., Hit]  # a row -> its hit


@dataclass
class _Work:
    """What to search through one tenant's reader."""

    info: TenantInfo
    bookings: bool = False
    # The readable tenants whose customers (tickets) are in this reader's file.
    customers_for: tuple[int, ...] = ()
    tickets_for: tuple[int, ...] = ()

    @property
    def attach(self) -> list[Logical]:
        """The files to attach besides the bookings file: only what this work reads."""
        attach = []
        if self.bookings or self.customers_for:  # bookings show their customer's name
            attach.append(Logical.CUSTOMERS)
        if self.tickets_for:
            attach.append(Logical.TICKETS)
        return attach


class _Search:
    """One search: the tenants' names, its statements, and what is known per customers file.

    Statements are rendered when first needed (rendering costs more than running most of
    them), then run in every tenant with their slots filled in.
    """

    def __init__(self, names: dict[int, str], text: str, limit: int):
        self.names, self.text, self.limit = names, text, limit
        self.words = prefix_query(text)
        tickets = _tickets_query(text, limit)
        self.tickets = _render(tickets) if tickets is not None else None
        self.customers = _render(_customers_query(self.words, limit)) if self.words else None
        # Customers file -> JSON list of the ids of its customers matching the words, or
        # None if there are more than MAX_CUSTOMER_IDS; guarded by `lock`.
        self.customer_ids: dict[Path, str | None] = {}
        self.lock = threading.Lock()

    # Rendered when first needed, by whichever thread needs it first. Since Python 3.12,
    # cached_property takes no lock, so two threads may both render one: same text, no harm.

    @functools.cached_property
    def matching_customers(self) -> Statement:
        query = _matching_customers(self.words).limit(MAX_CUSTOMER_IDS + 1)
        return _render(query)

    @functools.cached_property
    def bookings_by_ids(self) -> Statement:
        """Bookings, those of the CUSTOMER_IDS found through the customer index."""
        customers = peewee.SQL("(SELECT value FROM json_each(?))", [CUSTOMER_IDS])
        return _render(_bookings_query(self.text, self.limit, customers))

    @functools.cached_property
    def bookings_by_match(self) -> Statement:
        """Bookings, the customers matching the words looked up inside the title's scan.

        For words matching more than MAX_CUSTOMER_IDS customers in a file: so many bookings
        match that the scan stops soon, and no id list has to be passed around.
        """
        customers = _matching_customers(self.words)
        return _render(_bookings_query(self.text, self.limit, customers, scan=True))


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
    search = _Search({t.nr: t.name for t in tenants}, text, limit)

    def search_tenant(work: _Work) -> list[_Found]:
        with TenantReader(inst.root, work.info, work.attach) as reader:
            return _search_reader(reader, search, work)

    if WORKERS > 1 and len(plan) > 1:
        with ThreadPoolExecutor(WORKERS, thread_name_prefix="cross-search") as pool:
            results = list(pool.map(search_tenant, plan.values()))  # in plan order
    else:
        results = [search_tenant(work) for work in plan.values()]
    return _share_out([found for lists in results for found in lists], limit)


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
    """Which tenant's reader searches what: each distinct customers/tickets file only once."""
    plan: dict[int, _Work] = {}

    def work(info: TenantInfo) -> _Work:
        return plan.setdefault(info.nr, _Work(info))

    may = {kind: [t for t in tenants if m in readable.get(t.nr, ())] for kind, m in MODULES.items()}
    for info in may["booking"]:
        work(info).bookings = True
    for group in _by_file(inst, may["customer"], Logical.CUSTOMERS):
        work(_searcher(group, plan)).customers_for = tuple(t.nr for t in group)
    for group in _by_file(inst, may["ticket"], Logical.TICKETS):
        work(_searcher(group, plan)).tickets_for = tuple(t.nr for t in group)
    return {nr: plan[nr] for nr in sorted(plan)}


def _by_file(inst: Installation, tenants: list[TenantInfo], db: Logical) -> list[list[TenantInfo]]:
    """The tenants grouped by the file behind `db` (a central file is one group)."""
    groups: dict[str, list[TenantInfo]] = {}
    for info in tenants:
        path = info.database_path(db, inst.root)
        groups.setdefault(str(path), []).append(info)
    return list(groups.values())


def _searcher(group: list[TenantInfo], plan: dict[int, _Work]) -> TenantInfo:
    # A tenant that is opened for its bookings anyway saves opening one more reader.
    opened = [t for t in group if t.nr in plan]
    return opened[0] if opened else group[0]


def _search_reader(reader: TenantReader, search: _Search, work: _Work) -> list[_Found]:
    def run(statement: Statement, **slots) -> list[tuple]:
        return reader.db.execute_sql(*_bind(statement, slots)).fetchall()

    names, lists = search.names, []
    if work.bookings:
        ids = _customer_ids(reader, search)
        if ids is None:
            rows = run(search.bookings_by_match)
        else:
            rows = run(search.bookings_by_ids, customer_ids=ids)
        make = functools.partial(_booking_hit, reader.nr, names[reader.nr])
        lists.append(_Found(reader.nr, rows, make))
    for nr in work.tickets_for if search.tickets else ():
        make = functools.partial(_ticket_hit, names, nr)
        lists.append(_Found(nr, run(search.tickets, tenant=nr), make))
    if work.customers_for and search.customers:
        group = work.customers_for
        rows = run(search.customers, group=json.dumps(group), first=group[0])
        make = functools.partial(_customer_hit, names)
        # Ordered by the tenant each customer is shown in (its first column).
        for nr, of_tenant in itertools.groupby(rows, key=operator.itemgetter(0)):
            lists.append(_Found(nr, list(of_tenant), make))
    return lists


def _customer_ids(reader: TenantReader, search: _Search) -> str | None:
    """The ids of the customers in the reader's customers file matching the words, as JSON.

    Looked up once per file and search: a central customers file serves many tenants. None
    if there are more than MAX_CUSTOMER_IDS.
    """
    path = reader.paths[Logical.CUSTOMERS]
    # Held while matching: the other thread then waits for the ids instead of matching again.
    with search.lock:
        if path not in search.customer_ids:
            ids = _match_customers(reader, search) if search.words else []
            too_many = len(ids) > MAX_CUSTOMER_IDS
            search.customer_ids[path] = None if too_many else json.dumps(ids)
        return search.customer_ids[path]


def _match_customers(reader: TenantReader, search: _Search) -> list[int]:
    """Up to MAX_CUSTOMER_IDS + 1 ids of customers matching the words (full-text index)."""
    return [row[0] for row in reader.db.execute_sql(*search.matching_customers)]


def _render(query: peewee.Query) -> Statement:
    sql, params = _RENDERER.get_sql_context().sql(query).query()
    return sql, tuple(params)


def _bind(statement: Statement, slots: dict[str, object]) -> Statement:
    """The statement with its slots filled in (`tenant`, `group`, `first`, `customer_ids`)."""
    values = {
        TENANT: slots.get("tenant"),
        GROUP: slots.get("group"),
        FIRST: slots.get("first"),
        CUSTOMER_IDS: slots.get("customer_ids"),
    }
    sql, params = statement
    return sql, tuple(values[p] if isinstance(p, _Slot) else p for p in params)


def _slot(slot: _Slot) -> peewee.Value:
    return peewee.Value(slot, converter=False)


def _in_group() -> peewee.SQL:
    """The tenant numbers of the GROUP slot, for `IN`."""
    return peewee.SQL("(SELECT value FROM json_each(?))", [GROUP])


# -- bookings ------------------------------------------------------------------------------------


def _bookings_query(
    text: str, limit: int, customers: peewee.Node, *, scan: bool = False
) -> peewee.ModelSelect:
    """The newest bookings matching by number prefix, title, or being of one of `customers`.

    `customers` are the ids of the customers matching the words (folded: "Mueller" finds the
    bookings of "Müller"). Their bookings are found through the customer index, and booking
    numbers by prefix through the number index, each arm stopping at `limit`. The title needs a
    backwards scan: it stops at `limit` matches, and at the `limit`-th newest booking the
    indexed arms found, since nothing older can be among the newest `limit` any more (without
    a title match, that bound is what keeps a customer's name from scanning every booking).
    With `scan`, the customers are matched in the scan instead (for very many customers,
    whose bookings a scan finds soon). The newest `limit` of all are among those of each arm.
    """
    scanned = Booking.title.contains(text)
    indexed = []
    if scan:
        scanned |= Booking.customer_id.in_(customers)
    else:
        indexed.append(_newest(Booking.customer_id.in_(customers), Booking.id + 0, limit))
    ranges = _number_ranges(text)
    if ranges:
        indexed.append(_newest(functools.reduce(operator.or_, ranges), Booking.id + 0, limit))
    if indexed:
        # Referenced twice, so SQLite computes it once; declared on the outer query only
        # (`CTE.select_from` would repeat its WITH in every subquery).
        found = functools.reduce(operator.add, indexed).cte("indexed", columns=("id",))
        # The limit-th newest booking found through an index; DISTINCT: both arms may find it.
        bound = (
            peewee.Select([found], [found.c.id])
            .distinct()
            .order_by(found.c.id.desc())
            .limit(1)
            .offset(limit - 1)
        )
        scanned &= Booking.id > peewee.fn.COALESCE(bound, 0)
        ids = peewee.Select([found], [found.c.id]) + _newest(scanned, Booking.id, limit)
    else:
        ids = _newest(scanned, Booking.id, limit)
    query = (
        Booking.select(
            Booking.number,
            Booking.title,
            Booking.status,
            Booking.travel_from,
            Customer.kind,
            Customer.first_name,
            Customer.last_name,
            Customer.company,
        )
        .join(Customer, peewee.JOIN.LEFT_OUTER, on=(Booking.customer_id == Customer.id))
        .where(Booking.id.in_(ids))
        .order_by(Booking.id.desc())  # newest first
        .limit(limit)
    )
    return query.with_cte(found) if indexed else query


def _newest(where: peewee.Expression, order: peewee.Node, limit: int) -> peewee.Select:
    """The ids of the newest `limit` bookings matching `where`, as a UNION ALL arm.

    Ordered by an expression (`Booking.id + 0`), not by the rowid, where an index serves
    `where`: with a bound LIMIT, SQLite would otherwise walk the whole table in rowid order.
    """
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


def _booking_hit(nr, name, number, title, status, travel_from, kind, first, last, company) -> Hit:
    customer = _name(kind, first, last, company)
    detail = _join([customer, travel_from or "", _(STATUS_LABELS.get(status, status))])
    return Hit(nr, name, "booking", number, f"{number} {title}".strip(), detail)


# -- tickets -------------------------------------------------------------------------------------


def _tickets_query(text: str, limit: int) -> peewee.ModelSelect | None:
    """The newest `limit` tickets of the TENANT slot by number prefix or passenger (R7).

    The passenger is matched folded, every word of `text` anywhere in the name, as customers
    are: "muller", "Müller hans" and "MÜL" find "MUELLER/HANS MR". Run once per tenant: in a
    central file a tenant with many matches must not crowd out the others, and each run walks
    the tenant_nr index backwards and stops at `limit`. None if `text` can match no ticket.
    """
    words = [Ticket.passenger_folded.contains(word) for word in fold(text).split()]
    where = functools.reduce(operator.and_, words) if words else None
    digits = re.sub(r"[\s\-]", "", text)
    if digits.isdigit():
        # A text range the number index serves: ":" sorts right after "9".
        number = (Ticket.number >= digits) & (Ticket.number < digits + ":")
        where = number if where is None else number | where
    if where is None:
        return None
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
    order = [Customer.sort_name, Customer.number]  # as the customer list: by the name shown
    rank = peewee.fn.ROW_NUMBER().over(partition_by=[shown_in], order_by=order)
    ranked = (
        Customer.select(
            shown_in.alias("tenant_nr"),
            Customer.id,
            Customer.number,
            Customer.kind,
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
    columns = ("tenant_nr", "id", "number", "kind", "last_name", "first_name", "company")
    return (
        peewee.Select([ranked], [getattr(ranked.c, n) for n in (*columns, "postcode", "city")])
        .where(ranked.c.rank <= limit)
        .order_by(ranked.c.tenant_nr, ranked.c.rank)
    )


def _matching_customers(query: str) -> peewee.ModelSelect:
    """Ids of the customers whose folded search text matches an FTS5 `query`."""
    return CustomerSearch.select(CustomerSearch.rowid).where(CustomerSearch.body.match(query))


def _customer_hit(
    names, nr, customer_id, number, kind, last, first, company, postcode, city
) -> Hit:
    name = _name(kind, first, last, company)
    detail = _join([str(number), f"{postcode} {city}".strip(), company if name != company else ""])
    return Hit(nr, names[nr], "customer", customer_id, name, detail)


# -- sharing out ---------------------------------------------------------------------------------


def _share_out(lists: list[_Found], limit: int) -> list[Hit]:
    """Up to `limit` hits taken in turn from each tenant (and, inside one, from each kind)."""
    by_tenant: dict[int, list[list[tuple]]] = defaultdict(list)
    for found in lists:
        if found.rows:
            by_tenant[found.tenant_nr].append([(found.make, row) for row in found.rows])
    per_tenant = [_in_turn(kinds) for kinds in by_tenant.values()]
    chosen = [make(*row) for make, row in _in_turn(per_tenant)[:limit]]
    # Stable: hits of one list keep their order, which taking turns preserved.
    return sorted(chosen, key=lambda h: (h.tenant_nr, KINDS.index(h.kind)))


def _in_turn(lists: list[list]) -> list:
    """The first of each list, then the second of each, and so on."""
    return [item for layer in itertools.zip_longest(*lists) for item in layer if item is not None]


def _name(kind: str | None, first: str | None, last: str | None, company: str | None) -> str:
    """A customer as the customer list shows him: a company by its name, a person 'Last, First'."""
    person = ", ".join(p for p in (last, first) if p)
    return (company or person or "") if kind == "company" or not person else person


def _join(parts: Iterable[str]) -> str:
    return " · ".join(p for p in parts if p)
