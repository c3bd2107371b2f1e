"""Benchmark: cross-tenant search over 50 tenants x 20,000 bookings.

Goal: `search_everywhere` (bookings, tickets and customers of every tenant the user may read)
has a 95th percentile of at most 300 ms.

50 sub-tenants are created with a cycle of central options; tenant 0 and tenants with central
customers share one customers file of 50,000 customers, the others get 2,000 customers of their
own. Every tenant gets 20,000 bookings (written straight into its file, with a service line
each) and 500 tickets. The user may read every tenant. Queries are what a clerk types: surnames,
towns, booking-number prefixes, words of booking titles, ticket passengers (printed the IATA
way, "MUELLER/ANNA MRS", found folded as "müller"), and misses.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_cross_search.py [--quick]
      [--keep DIR]: build the installation into DIR once and reuse it in later runs (same
      queries, same warm-up and rounds), for iterating on the search code. After a schema
      change, delete DIR (or run `jack-desktop-admin --data-dir DIR/inst migrate`).
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import random
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_common import in_temp_folder, print_header, report_figures

from jack_desktop.cross_search import search_everywhere
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.models.bookings import Booking, ServiceLine
from tenant_store.models.customers import Customer, CustomerSearch, search_body
from tenant_store.models.tickets import Ticket, passenger_folded
from tenant_store.users import add_user, grant

GOAL_P95_MS = 300.0
FULL = {"tenants": 50, "bookings": 20_000, "central_customers": 50_000, "own_customers": 2_000}
QUICK = {"tenants": 4, "bookings": 1_000, "central_customers": 2_000, "own_customers": 200}
CENTRAL_SETS = (("customers",), ("customers", "accounting"), ("tickets",), ())
LAST = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Weiß",
    "Özdemir",
]
FIRST = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Emma",
    "Felix",
    "Greta",
    "Hans",
    "Ida",
    "Jonas",
    "Karl",
    "Lena",
    "Max",
    "Nina",
    "Otto",
]
TOWNS = [
    "Hamburg",
    "Berlin",
    "München",
    "Köln",
    "Frankfurt",
    "Stuttgart",
    "Leipzig",
    "Dresden",
    "Bonn",
    "Münster",
]
TITLES = [
    "Mallorca",
    "Ibiza",
    "Kreta",
    "Rhodos",
    "Teneriffa",
    "Antalya",
    "Hurghada",
    "Rom",
    "Paris",
    "Wien",
    "Lissabon",
    "Dubai",
    "Malediven",
    "Kanada",
    "Island",
    "Norwegen",
    "Toskana",
    "Sylt",
    "Usedom",
    "Gardasee",
]
QUERIES = [
    "müller",
    "schmidt",
    "weiss",
    "özdemir",
    "hans müller",
    "hamburg",
    "köln",
    "mallorca",
    "kreta",
    "island",
    "1000",
    "2500123",
    "100042",
    "toskana",
    "krüger",
    "zimmer",
    "anna",
    "lena wolf",
    "rom",
    "xyzzy",
    "nobody",
    "malediven",
    "sylt",
    "richter bonn",
    "4711",
    "braun",
    "teneriffa",
    "paris",
    "schwarz",
    "kanada",
    "mueller",
    "schroeder anna",
]


def _customers(rng: random.Random, first_id: int, count: int, owner: int) -> None:
    stamp = datetime(2026, 11, 23, 9)
    for start in range(first_id, first_id + count, 5000):
        rows = []
        for number in range(start, min(first_id + count, start + 5000)):
            rows.append(
                {
                    "id": number,
                    "number": number,
                    "first_name": rng.choice(FIRST),
                    "last_name": rng.choice(LAST),
                    "city": rng.choice(TOWNS),
                    "postcode": f"{rng.randint(1000, 99999):05d}",
                    "owner_tenant": owner,
                    "shared_with_all": True,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        Customer.insert_many(rows).execute()
        CustomerSearch.insert_many(
            [{"rowid": r["id"], "body": search_body(r)} for r in rows]
        ).execute()


def _bookings(rng: random.Random, nr: int, first: int, count: int, customers: int) -> None:
    stamp, start = datetime(2026, 11, 23, 9), date(2026, 1, 1)
    for chunk in range(0, count, 5000):
        rows = []
        for i in range(chunk, min(count, chunk + 5000)):
            travel = start + timedelta(days=rng.randrange(500))
            rows.append(
                {
                    "id": i + 1,
                    "number": first + i,
                    "customer_id": rng.randint(1, customers),
                    "status": rng.choice(["offer", "booked", "invoiced", "cancelled"]),
                    "title": f"{rng.choice(TITLES)} {travel.year}",
                    "travel_from": travel,
                    "travel_to": travel + timedelta(days=7),
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        Booking.insert_many(rows).execute()
        ServiceLine.insert_many(
            [
                {
                    "booking": r["id"],
                    "position": 1,
                    "kind": "package",
                    "price_cents": 150_000,
                    "cost_cents": 130_000,
                }
                for r in rows
            ]
        ).execute()
    passengers = [_passenger(rng) for _ in range(500)]
    Ticket.insert_many(
        [
            {
                "number": f"220{nr:04d}{i:06d}",
                "airline": "LH",
                "passenger": passenger,
                "passenger_folded": passenger_folded(passenger),  # as add_ticket writes it
                "route": "FRA-PMI-FRA",
                "issued_on": start,
                "tenant_nr": nr,
                "booking_number": first + i,
            }
            for i, passenger in enumerate(passengers)
        ]
    ).execute()


_IATA = str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS"})


def _passenger(rng: random.Random) -> str:
    """A passenger as printed on a ticket: 'MUELLER/ANNA MRS' (umlauts spelt out)."""
    last, first = rng.choice(LAST).upper(), rng.choice(FIRST).upper()
    return f"{last.translate(_IATA)}/{first} {rng.choice(['MR', 'MRS'])}"


def _build(inst: Installation, size: dict) -> None:
    rng = random.Random(20261123)
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 0, "admin")
    for nr in range(1, size["tenants"] + 1):
        central = CENTRAL_SETS[nr % len(CENTRAL_SETS)]
        create_tenant(inst, TenantSpec(nr, f"Filiale {nr}", central=list(central)))
        grant(inst, "admin", nr, "clerk")
    for nr in range(size["tenants"] + 1):
        info = inst.tenant(nr)
        with inst.open_session(nr) as session, session.transaction():
            own_customers = nr != 0 and not info.central["customers"]
            if nr == 0 or own_customers:
                count = size["central_customers"] if nr == 0 else size["own_customers"]
                _customers(rng, 1, count, nr)
            customers = size["own_customers"] if own_customers else size["central_customers"]
            _bookings(rng, nr, info.booking_range[0], size["bookings"], customers)


def _measure(inst: Installation, rounds: int) -> tuple[list[float], int]:
    timings, hits = [], 0
    for _ in range(rounds):
        for text in QUERIES:
            started = time.perf_counter()
            found = search_everywhere("admin", inst, text)
            timings.append((time.perf_counter() - started) * 1000)
            hits += len(found)
    return timings, hits


BUILT_MARKER = "built.ok"


def run(work: Path, quick: bool) -> dict:
    size = QUICK if quick else FULL
    print_header(
        f"Cross-tenant search, {size['tenants']} tenants x {size['bookings']:,} bookings",
        quick,
        work,
    )
    # One folder per size, so that --keep can hold a quick and a full installation side by side.
    folder = work / ("inst-quick" if quick else "inst")
    marker = folder / BUILT_MARKER
    if marker.exists():
        # --keep: an installation built by an earlier run of the same size.
        inst = Installation.open(folder)
        print("  reusing the installation built earlier")
    else:
        inst, _ = Installation.init(folder)
        started = time.perf_counter()
        _build(inst, size)
        print(f"  built in {time.perf_counter() - started:.1f} s")
        marker.touch()
    _measure(inst, 1)  # warm the page cache
    timings, hits = _measure(inst, 3)
    figures = {
        "tenants": size["tenants"] + 1,
        "bookings_per_tenant": size["bookings"],
        "queries": len(timings),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20)[-1], 1),
        "max_ms": round(max(timings), 1),
        "hits_per_query": round(hits / len(timings), 1),
    }
    figures["pass"] = figures["p95_ms"] <= GOAL_P95_MS
    for key, value in figures.items():
        print(f"  {key}: {value}")
    print("PASS" if figures["pass"] else "FAIL", f"(goal: p95 <= {GOAL_P95_MS} ms)")
    inst.close()
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 tenants x 1,000, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    parser.add_argument(
        "--keep", metavar="DIR", help="build into DIR once and reuse it (not removed afterwards)"
    )
    args = parser.parse_args()
    if args.keep:
        work = Path(args.keep)
        work.mkdir(parents=True, exist_ok=True)
        run(work, args.quick)
        return
    in_temp_folder("jack-bench-cross-search-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
