"""Tenant separation as a property (hypothesis): random actions by random users in random tenants.

After every action: each tenant lists exactly its own bookings, every customer is visible exactly
where R12 allows, every journal balances, and tenant 0's consolidation equals the sum of the
tenants' own trial balances. A refused action (rights or bad input) changes nothing the checks see.
"""

import shutil
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jack_desktop.accounting import Line, post_entry, trial_balance
from jack_desktop.bookings import confirm_booking, create_booking, list_bookings
from jack_desktop.consolidation import consolidated_trial_balance
from jack_desktop.customers import create_customer, get_customer, set_sharing
from jack_desktop.invoicing import cancel_booking, invoice_booking, record_payment
from tenant_store import Installation, PermissionDenied, TenantSpec, ValidationError, create_tenant
from tenant_store.rights import DEFAULT_ROLES, MODULES, Level
from tenant_store.users import add_user, grant

from .ledger_checks import journal_totals, unbalanced_entries

TENANTS = (0, 1, 2, 3)
CENTRAL_CUSTOMERS = {0, 1, 3}
OWN_ACCOUNTING = {2, 3}
ROLES = {"anna": dict.fromkeys(TENANTS, "admin"), "otto": dict.fromkeys(TENANTS, "accountant")}
ROLES |= {"bernd": {1: "clerk"}, "vera": {1: "viewer"}, "nobody": {}}
SERVICE = {"kind": "package", "price": Decimal("500.00"), "cost": Decimal("430.00")}


def _may(user: str, nr: int, module: str, level: Level) -> bool:
    role = ROLES[user].get(nr)
    return role is not None and DEFAULT_ROLES[role][1][MODULES.index(module)] >= level


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("separation") / "inst"
    inst, _ = Installation.init(root)
    create_tenant(inst, TenantSpec(1, "Nord", central=["postal", "customers", "accounting"]))
    create_tenant(inst, TenantSpec(2, "Süd", central=["postal", "tickets"]))
    create_tenant(inst, TenantSpec(3, "West", central=["customers"]))
    for login in ROLES:
        if login != "nobody":
            add_user(inst, login, login.title(), "geheim123")
    for login, roles in ROLES.items():
        for nr, role in roles.items():
            grant(inst, login, nr, role)
    inst.close()
    return root


class World:
    """The installation under test and what the actions so far should have produced."""

    def __init__(self, root):
        self.inst = Installation.open(root)
        self.sessions = {nr: self.inst.open_session(nr) for nr in TENANTS}
        self.customers: dict[tuple[str, int], tuple[int, set[int] | None]] = {}
        self.bookings: dict[int, dict[int, str]] = {nr: {} for nr in TENANTS}

    def close(self):
        for session in self.sessions.values():
            session.close()
        self.inst.close()

    @staticmethod
    def customer_file(nr: int) -> str:
        return "central" if nr in CENTRAL_CUSTOMERS else f"own-{nr}"

    def visible(self, nr: int) -> set[int]:
        """Ids of the customers tenant `nr` may see (R12)."""
        return {
            cid
            for (file, cid), (owner, shared) in self.customers.items()
            if file == self.customer_file(nr) and (shared is None or nr in shared or owner == nr)
        }


def _attempt(world, user, nr, module, level, action):
    """Run an action; it must be refused exactly when the user lacks the right."""
    try:
        result = action(world.sessions[nr])
    except PermissionDenied:
        assert not _may(user, nr, module, level), f"{user} refused {module} in {nr}"
        return None
    except ValidationError:
        assert _may(user, nr, module, level), "bad input must be reported after the rights"
        return None
    assert _may(user, nr, module, level), f"{user} allowed {module} in {nr}"
    return result


def _new_customer(world, data, user, nr):
    subset = data.draw(st.one_of(st.none(), st.sets(st.sampled_from(TENANTS), max_size=3)))
    created = _attempt(
        world,
        user,
        nr,
        "customers",
        Level.WRITE,
        lambda s: create_customer(user, s, {"last_name": "Kunde"}, subset).customer,
    )
    if created is not None:
        shared = None if subset is None else subset - {nr}
        world.customers[(world.customer_file(nr), created.id)] = (nr, shared)


def _reshare(world, data, user, nr):
    mine = sorted(world.visible(nr))
    if not mine:
        return
    cid = data.draw(st.sampled_from(mine))
    subset = data.draw(st.one_of(st.none(), st.sets(st.sampled_from(TENANTS), max_size=3)))
    done = _attempt(
        world,
        user,
        nr,
        "customers",
        Level.WRITE,
        lambda s: set_sharing(user, s, cid, subset) or True,
    )
    key = (world.customer_file(nr), cid)
    if done:
        world.customers[key] = (world.customers[key][0], None if subset is None else subset - {nr})


def _new_booking(world, data, user, nr):
    visible = sorted(world.visible(nr))
    cid = data.draw(st.sampled_from(visible)) if visible else 999_999
    values = {"customer_id": cid, "travel_type_code": data.draw(st.sampled_from(["BUS", "PAUS"]))}
    booking = _attempt(
        world,
        user,
        nr,
        "bookings",
        Level.WRITE,
        lambda s: create_booking(user, s, values, [], [SERVICE]),
    )
    if booking is not None:
        world.bookings[nr][booking.number] = "offer"


def _advance(world, data, user, nr):
    """Book, invoice, pay or cancel one of the tenant's bookings."""
    if not world.bookings[nr]:
        return
    number = data.draw(st.sampled_from(sorted(world.bookings[nr])))
    step = data.draw(st.sampled_from(["confirm", "invoice", "pay", "cancel"]))
    action = {
        "confirm": lambda s: confirm_booking(user, s, number),
        "invoice": lambda s: invoice_booking(user, s, number),
        "pay": lambda s: record_payment(user, s, number, Decimal("100.00")),
        "cancel": lambda s: cancel_booking(user, s, number) or True,
    }[step]
    before = world.bookings[nr][number]
    if _attempt(world, user, nr, "bookings", Level.WRITE, action) is not None:
        after = {"confirm": "booked", "invoice": "invoiced", "cancel": "cancelled"}
        world.bookings[nr][number] = after.get(step, before)


def _manual_entry(world, data, user, nr):
    credit = data.draw(
        st.sampled_from([Decimal("80.00"), Decimal("80.00"), Decimal("79.99")])
    )  # sometimes unbalanced
    lines = [Line("6310", debit=Decimal("80.00")), Line("1800", credit=credit)]
    _attempt(
        world,
        user,
        nr,
        "accounting",
        Level.WRITE,
        lambda s: post_entry(user, s, date.today(), "Miete", lines),
    )


ACTIONS = [_new_customer, _reshare, _new_booking, _new_booking, _advance, _advance, _manual_entry]


def _check_invariants(world):
    for nr, session in world.sessions.items():
        listed = {r.booking.number: r.booking.status for r in list_bookings("anna", session)}
        assert listed == world.bookings[nr], f"tenant {nr} lists other bookings"
        for file, cid in world.customers:
            if file != world.customer_file(nr):
                continue
            try:
                get_customer("anna", session, cid)
                seen = True
            except ValidationError:
                seen = False
            assert seen == (cid in world.visible(nr)), f"customer {cid} in tenant {nr}"
        with session.bound():
            assert unbalanced_entries() == []
    consolidation = consolidated_trial_balance("anna", world.sessions[0])
    for nr in TENANTS:
        session = world.sessions[nr]
        own = {r.account: r.balance_cents for r in trial_balance("anna", session)}
        column = {r.account: r.balance(nr) for r in consolidation.rows if nr in r.debit_cents}
        with session.bound():
            journal = journal_totals(nr)
        assert own == column == journal, f"tenant {nr}: trial balance, consolidation, journal"
    for row in consolidation.rows:
        assert row.total_balance_cents == sum(row.balance(nr) for nr in TENANTS)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_action_crosses_a_tenant_boundary(template, tmp_path_factory, data):
    root = tmp_path_factory.mktemp("example") / "inst"
    shutil.copytree(template, root)
    world = World(root)
    try:
        for _ in range(data.draw(st.integers(min_value=3, max_value=14), label="steps")):
            action = data.draw(st.sampled_from(ACTIONS))
            user = data.draw(st.sampled_from(sorted(ROLES)), label="user")
            nr = data.draw(st.sampled_from(TENANTS), label="tenant")
            action(world, data, user, nr)
            _check_invariants(world)
    finally:
        world.close()
        shutil.rmtree(root, ignore_errors=True)
