"""Cross-tenant search: labelled hits, unreadable tenants never opened, R12 and R7 respected."""

from datetime import date

import pytest

from jack_desktop.bookings import create_booking
from jack_desktop.cross_search import Hit, search_everywhere
from jack_desktop.customers import create_customer
from tenant_store import TenantSpec, create_tenant
from tenant_store.models.tickets import Ticket
from tenant_store.users import add_user, grant


@pytest.fixture
def office(inst3):
    """Tenants 1 and 3 share tenant 0's customers, tenant 2 its tickets.

    anna is admin everywhere; otto reads tenants 0 and 1; wera reads tenant 3; tina tenant 2.
    """
    create_tenant(inst3, TenantSpec(3, "West", central=["customers"]))
    for login in ("anna", "otto", "wera", "tina"):
        add_user(inst3, login, login.title(), "geheim123")
    for nr in (0, 1, 2, 3):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "otto", 0, "viewer")
    grant(inst3, "otto", 1, "viewer")
    grant(inst3, "wera", 3, "viewer")
    grant(inst3, "tina", 2, "viewer")
    return inst3


@pytest.fixture
def opened(office, monkeypatch):
    """The tenants opened from now on, in order."""
    numbers = []
    original = type(office).open_session

    def recording(self, nr, **kwargs):
        numbers.append(nr)
        return original(self, nr, **kwargs)

    monkeypatch.setattr(type(office), "open_session", recording)
    return numbers


def _customer(inst, nr, last_name, shared_with=None, **values):
    with inst.open_session(nr) as session:
        return create_customer("anna", session, {"last_name": last_name, **values}, shared_with)


def _booking(inst, nr, customer_id, title) -> int:
    with inst.open_session(nr) as session:
        values = {"customer_id": customer_id, "title": title, "travel_from": date(2030, 7, 1)}
        return create_booking("anna", session, values).number


def _ticket(inst, nr, number, passenger) -> int:
    with inst.open_session(nr) as session, session.transaction():
        ticket = Ticket.create(
            number=number,
            passenger=passenger,
            airline="LH",
            route="FRA-JFK",
            issued_on=date(2024, 6, 1),
            tenant_nr=nr,
        )
        return ticket.id


def _found(hits: list[Hit]) -> list[tuple[int, str, str]]:
    return [(h.tenant_nr, h.kind, h.title) for h in hits]


def test_hits_of_every_kind_and_tenant_are_labelled_and_ordered(office):
    central = _customer(office, 1, "Sommer", first_name="Eva", city="Kiel").customer
    own = _customer(office, 2, "Winter").customer
    b1 = _booking(office, 1, central.id, "Sommer in Italien")
    b2 = _booking(office, 2, own.id, "Sommerfrische")
    _ticket(office, 2, "2201234567890", "SOMMER/EVA MRS")
    _ticket(office, 1, "2209999999999", "SOMMER/PAUL MR")
    hits = search_everywhere("anna", office, "sommer")
    assert _found(hits) == [
        (1, "booking", f"{b1} Sommer in Italien"),
        (1, "ticket", "2209999999999 SOMMER/PAUL MR"),
        (1, "customer", "Sommer, Eva"),
        (2, "booking", f"{b2} Sommerfrische"),
        (2, "ticket", "2201234567890 SOMMER/EVA MRS"),
    ]
    assert {h.tenant_nr: h.tenant_name for h in hits} == {1: "Reisebüro Nord", 2: "Süd Reisen GmbH"}
    assert hits[2].key == central.id
    assert hits[0].key == b1 and "Sommer, Eva" in hits[0].detail and "2030-07-01" in hits[0].detail


def test_bookings_are_found_by_number_prefix_and_by_their_customers_folded_name(office):
    mueller = _customer(office, 1, "Müller").customer
    number = _booking(office, 1, mueller.id, "Rom")
    assert _found(search_everywhere("anna", office, "mueller")) == [
        (1, "booking", f"{number} Rom"),
        (1, "customer", "Müller"),
    ]
    assert [h.key for h in search_everywhere("anna", office, str(number)[:4])] == [number]
    assert search_everywhere("anna", office, "0" + str(number)) == []


def test_a_tenant_without_membership_is_never_opened_and_shows_nothing(office, opened):
    hidden = _customer(office, 3, "Sommer", shared_with=set()).customer
    _booking(office, 3, hidden.id, "Sommer am See")
    visible = _customer(office, 2, "Sommer").customer
    _booking(office, 2, visible.id, "Sommer am Meer")
    _ticket(office, 2, "2201234567890", "SOMMER/EVA MRS")
    _customer(office, 0, "Sommer", first_name="Otto")
    opened.clear()
    hits = search_everywhere("otto", office, "sommer")
    assert _found(hits) == [(0, "customer", "Sommer, Otto")]
    assert set(opened) <= {0, 1}
    assert len(opened) == len(set(opened))  # each tenant at most once


def test_a_customer_shared_with_tenant_1_only_is_not_found_from_tenant_3(office):
    _customer(office, 0, "Geheim", shared_with={1})
    _customer(office, 1, "Offen")
    assert search_everywhere("wera", office, "geheim") == []
    assert _found(search_everywhere("wera", office, "offen")) == [(3, "customer", "Offen")]
    assert _found(search_everywhere("otto", office, "geheim")) == [(0, "customer", "Geheim")]


def test_a_central_customer_appears_once_under_its_owner_if_readable(office):
    _customer(office, 1, "Zentral")
    assert _found(search_everywhere("anna", office, "zentral")) == [(1, "customer", "Zentral")]
    assert _found(search_everywhere("wera", office, "zentral")) == [(3, "customer", "Zentral")]
    _customer(office, 3, "Nurwest", shared_with={1})
    assert _found(search_everywhere("otto", office, "nurwest")) == [(1, "customer", "Nurwest")]


def test_tickets_in_the_central_file_are_labelled_by_their_tenant(office, opened):
    zero = _ticket(office, 0, "2201111111111", "KRAUSE/ANNA MRS")
    two = _ticket(office, 2, "2201111111112", "KRAUSE/BEN MR")
    hits = search_everywhere("anna", office, "220 1111")
    assert [(h.tenant_nr, h.kind, h.key) for h in hits] == [(0, "ticket", zero), (2, "ticket", two)]
    opened.clear()
    assert [h.key for h in search_everywhere("tina", office, "krause")] == [two]
    assert opened == [2]


def test_the_limit_keeps_every_tenant_with_matches(office):
    kunde = _customer(office, 1, "Kunde").customer
    for _ in range(5):
        _booking(office, 1, kunde.id, "Alpen")
    other = _customer(office, 2, "Kunde").customer
    _booking(office, 2, other.id, "Alpen")
    hits = search_everywhere("anna", office, "alpen", limit=3)
    assert [h.tenant_nr for h in hits] == [1, 1, 2]
    assert hits[0].key > hits[1].key  # newest first within a tenant


def test_in_a_central_file_every_tenant_keeps_its_share_of_customers(office):
    _customer(office, 1, "Berg", first_name="Anna")
    _customer(office, 1, "Berg", first_name="Bert")
    _customer(office, 3, "Berg", first_name="Zoe")
    assert _found(search_everywhere("anna", office, "berg", limit=2)) == [
        (1, "customer", "Berg, Anna"),
        (3, "customer", "Berg, Zoe"),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_text_finds_nothing_and_opens_nothing(office, opened, text):
    assert search_everywhere("anna", office, text) == []
    assert opened == []
