"""Cross-tenant search: labelled hits, unreadable tenants never opened, R12 and R7 respected."""

from datetime import date

import pytest

from jack_desktop import cross_search
from jack_desktop.bookings import create_booking
from jack_desktop.cross_search import Hit, search_everywhere
from jack_desktop.customers import create_customer
from jack_desktop.tickets import add_ticket
from tenant_store import Logical, TenantSpec, create_tenant
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
    """The tenants opened from now on (by a session or a reader), in order."""
    numbers = []
    original_session = type(office).open_session

    def recording_session(self, nr, **kwargs):
        numbers.append(nr)
        return original_session(self, nr, **kwargs)

    class RecordingReader(cross_search.TenantReader):
        def __init__(self, root, tenant, attach=()):
            numbers.append(tenant.nr)
            super().__init__(root, tenant, attach)

    monkeypatch.setattr(type(office), "open_session", recording_session)
    monkeypatch.setattr(cross_search, "TenantReader", RecordingReader)
    return numbers


def _customer(inst, nr, last_name, shared_with=None, **values):
    with inst.open_session(nr) as session:
        return create_customer("anna", session, {"last_name": last_name, **values}, shared_with)


def _booking(inst, nr, customer_id, title) -> int:
    with inst.open_session(nr) as session:
        values = {"customer_id": customer_id, "title": title, "travel_from": date(2030, 7, 1)}
        return create_booking("anna", session, values).number


def _ticket(inst, nr, number, passenger) -> int:
    with inst.open_session(nr) as session:
        values = {
            "number": number,
            "passenger": passenger,
            "airline": "LH",
            "route": "FRA-JFK",
            "fare": "100",
            "issued_on": date(2024, 6, 1),
        }
        return add_ticket("anna", session, values).id


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


@pytest.fixture
def readers(office, monkeypatch):
    """Every reader opened from now on: (tenant, its files by logical database)."""
    opened = []

    class RecordingReader(cross_search.TenantReader):
        def __init__(self, root, tenant, attach=()):
            super().__init__(root, tenant, attach)
            opened.append((tenant.nr, dict(self.paths)))

    monkeypatch.setattr(cross_search, "TenantReader", RecordingReader)
    return opened


def test_a_search_touches_no_file_of_a_tenant_the_user_cannot_read(office, readers):
    _customer(office, 0, "Sommer", first_name="Otto")
    search_everywhere("otto", office, "sommer")
    assert readers
    hidden = [office.tenant_dir(nr) for nr in (2, 3)]
    for _nr, paths in readers:
        assert not [p for p in paths.values() for folder in hidden if folder in p.parents]
        # Only what a search reads: bookings, customers, tickets; never accounting or notes.
        assert set(paths) <= {Logical.BOOKINGS, Logical.CUSTOMERS, Logical.TICKETS}


def test_customers_are_matched_once_per_customers_file(office, monkeypatch):
    """Tenants 0, 1 and 3 share one customers file, tenant 2 has its own: two lookups."""
    matched = []
    original = cross_search._match_customers

    def counting(reader, search):
        matched.append(reader.paths[Logical.CUSTOMERS])
        return original(reader, search)

    monkeypatch.setattr(cross_search, "_match_customers", counting)
    search_everywhere("anna", office, "sommer")
    assert sorted(map(str, matched)) == sorted(
        str(office.tenant(nr).database_paths(office.root)[Logical.CUSTOMERS]) for nr in (0, 2)
    )


def _bookings_found(inst, text, limit) -> list[int]:
    hits = search_everywhere("anna", inst, text, limit=limit)
    return [h.key for h in hits if h.kind == "booking"]


@pytest.mark.parametrize("max_ids", [cross_search.MAX_CUSTOMER_IDS, 0])
@pytest.mark.parametrize("workers", [cross_search.WORKERS, 1])
def test_the_newest_bookings_are_found_by_title_customer_and_number(
    office, monkeypatch, max_ids, workers
):
    """Whichever arm finds a booking, and however few hits are asked for, the newest win.

    max_ids 0: the customers' matches run inside the bookings query (very common words).
    """
    monkeypatch.setattr(cross_search, "MAX_CUSTOMER_IDS", max_ids)
    monkeypatch.setattr(cross_search, "WORKERS", workers)
    kurz = _customer(office, 2, "Kurz").customer
    other = _customer(office, 2, "Lang").customer
    matching = []
    for customer, title in [
        (other, "Kurzurlaub"),
        (kurz, "Rom"),
        (kurz, "Paris"),
        (other, "Wien"),
        (other, "Kurztrip"),
        (kurz, "Wien"),
        (other, "Kurz mal weg"),
        (other, "Berlin"),
    ]:
        number = _booking(office, 2, customer.id, title)
        if customer == kurz or title.startswith("Kurz"):
            matching.append(number)
    newest = sorted(matching, reverse=True)
    for limit in range(2, 9):
        # Within the tenant the kinds take turns: bookings, the customer Kurz, bookings...
        assert _bookings_found(office, "kurz", limit) == newest[: limit - 1], limit
    # A number prefix (through the number index) next to a title with those digits (scan).
    prefix = str(min(matching))[:5]
    nord = _customer(office, 1, "Nord").customer
    numbered = _booking(office, 1, nord.id, f"Gruppe {prefix}")
    every = [h.key for h in search_everywhere("anna", office, prefix) if h.kind == "booking"]
    assert every[0] == numbered and len(every) == 9  # tenant 1 first, then all of tenant 2
    assert every[1:] == sorted(every[1:], reverse=True) and all(
        str(n).startswith(prefix) for n in every[1:]
    )
    assert _bookings_found(office, prefix, 4) == [numbered, *sorted(every[1:], reverse=True)[:3]]


def test_the_title_scan_stops_only_where_older_bookings_cannot_count(office):
    """The bookings query alone (no sharing out): exactly the newest `limit` of all arms."""
    kurz = _customer(office, 2, "Kurz").customer
    other = _customer(office, 2, "Lang").customer
    titles = ["Kurzurlaub", "Rom", "Kurztrip", "Paris", "Wien", "Kurz mal weg", "Bonn", "Rom"]
    numbers = {}
    for i, title in enumerate(titles):
        customer = kurz if i % 3 else other
        numbers[_booking(office, 2, customer.id, title)] = (customer == kurz) or "Kurz" in title
    matching = sorted((n for n, hit in numbers.items() if hit), reverse=True)
    info = office.tenant(2)
    with cross_search.TenantReader(office.root, info, [Logical.CUSTOMERS]) as reader:
        for limit in range(1, len(titles) + 1):
            search = cross_search._Search({2: info.name}, "kurz", limit)
            ids = cross_search._customer_ids(reader, search)
            for statement, slots in [
                (search.bookings_by_ids, {"customer_ids": ids}),
                (search.bookings_by_match, {}),
            ]:
                sql, params = cross_search._bind(statement, slots)
                rows = reader.db.execute_sql(sql, params).fetchall()
                assert [row[0] for row in rows] == matching[:limit], (limit, statement)


@pytest.mark.parametrize("text", ["muller", "mueller", "MÜL", "müller hans", "hans muel"])
def test_ticket_passengers_are_found_folded_like_customers(office, text):
    iata = _ticket(office, 1, "2201111111111", "MUELLER/HANS MR")
    typed = _ticket(office, 1, "2202222222222", "Müller/Hans Mr")
    _ticket(office, 1, "2203333333333", "MAIER/EVA MRS")
    hits = [h for h in search_everywhere("anna", office, text) if h.kind == "ticket"]
    assert sorted(h.key for h in hits) == sorted([iata, typed])


def test_a_company_customer_is_found_and_shown_by_its_company_name(office):
    company = _customer(office, 1, "Abel", kind="company", company="Zeppelin Reisen AG")
    number = _booking(office, 1, company.customer.id, "Messe Mailand")
    hits = search_everywhere("anna", office, "zeppelin")
    assert _found(hits) == [
        (1, "booking", f"{number} Messe Mailand"),
        (1, "customer", "Zeppelin Reisen AG"),
    ]
    assert hits[0].detail.startswith("Zeppelin Reisen AG")
