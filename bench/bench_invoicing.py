"""Benchmark: invoicing throughput with central accounting, against raw SQLite inserts.

Tenant 1 keeps its accounting central, so each invoice is one transaction over its own bookings
file and tenant 0's accounting file (a multi-file commit). The service `invoice_booking` is timed
on N booked bookings (margin scheme: five journal lines each). The raw baseline, in the same run
and on a copy of the same files, writes the same rows with plain sqlite3 in one transaction per
invoice over the same two attached files with the same durability (rollback journal,
synchronous=FULL): the counter update, the invoice, the journal entry, its five lines, the
totals of their five accounts and the booking's status. Reported: invoices per second for
both, and the ratio of the times.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_invoicing.py [--quick]
Prints the figures and ends with one JSON line of the figures.
"""

import argparse
import shutil
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

from bench_common import in_temp_folder, print_header, report_figures

from jack_desktop.bookings import confirm_booking, create_booking
from jack_desktop.customers import create_customer
from jack_desktop.invoicing import invoice_booking
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.users import add_user, grant

FULL, QUICK = 1_000, 50
SERVICES = [
    {"kind": "package", "price": "1000.00", "cost": "880.00"},
    {"kind": "flight", "price": "250.50", "cost": "230.00"},
]
# Margin scheme of 1250.50 with cost 1110.00: the lines invoice_booking writes.
LINES = [("1200", 125050, 0), ("4010", 0, 122807), ("3806", 0, 2243)]
LINES += [("5900", 111000, 0), ("3300", 0, 111000)]


def _prepare(inst: Installation, count: int) -> list[int]:
    create_tenant(inst, TenantSpec(1, "Nord", central=["customers", "accounting"]))
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 1, "admin")
    numbers = []
    with inst.open_session(1) as session:
        customer = create_customer("admin", session, {"last_name": "Kunz"}).customer.id
        values = {"customer_id": customer, "travel_type_code": "BUS"}
        for _ in range(count):
            booking = create_booking("admin", session, values, [], SERVICES)
            confirm_booking("admin", session, booking.number)
            numbers.append(booking.number)
    return numbers


def _time_service(inst: Installation, numbers: list[int]) -> float:
    with inst.open_session(1) as session:
        started = time.perf_counter()
        for number in numbers:
            invoice_booking("admin", session, number)
        return time.perf_counter() - started


def _time_raw(bookings: Path, accounting: Path, numbers: list[int]) -> float:
    conn = sqlite3.connect(bookings, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS accounting", (str(accounting),))
    for schema in ("main", "accounting"):
        conn.execute(f"PRAGMA {schema}.journal_mode = DELETE")
        conn.execute(f"PRAGMA {schema}.synchronous = FULL")
    today, stamp = date.today().isoformat(), datetime.now().isoformat(" ", "seconds")
    started = time.perf_counter()
    for invoice_nr, number in enumerate(numbers, 1):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO number_counter (name, next_value) VALUES ('invoice', ?) "
            "ON CONFLICT (name) DO UPDATE SET next_value = excluded.next_value",
            (invoice_nr + 1,),
        )
        booking_id = conn.execute("SELECT id FROM booking WHERE number = ?", (number,)).fetchone()
        conn.execute(
            "INSERT INTO invoice (booking_id, number, kind, issued_on, due_on, total_cents, "
            "vat_cents) VALUES (?, ?, 'invoice', ?, ?, 125050, 2243)",
            (booking_id[0], invoice_nr, today, today),
        )
        entry = conn.execute(
            "INSERT INTO accounting.journal_entry (tenant_nr, entry_date, reference, text, "
            "created_by, created_at) VALUES (1, ?, ?, 'Rechnung', 'admin', ?)",
            (today, f"RE {invoice_nr}", stamp),
        ).lastrowid
        conn.executemany(
            "INSERT INTO accounting.journal_line (entry_id, account_number, debit_cents, "
            "credit_cents, cost_centre_code) VALUES (?, ?, ?, ?, '')",
            [(entry, *line) for line in LINES],
        )
        conn.executemany(
            "INSERT INTO accounting.account_balance (tenant_nr, account_number, debit_cents, "
            "credit_cents) VALUES (1, ?, ?, ?) ON CONFLICT (tenant_nr, account_number) DO UPDATE "
            "SET debit_cents = debit_cents + excluded.debit_cents, "
            "credit_cents = credit_cents + excluded.credit_cents",
            LINES,
        )
        conn.execute("UPDATE booking SET status = 'invoiced' WHERE id = ?", booking_id)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def run(work: Path, quick: bool) -> dict:
    count = QUICK if quick else FULL
    print_header(f"Invoicing {count:,} bookings with central accounting", quick, work)
    inst, _ = Installation.init(work / "inst")
    numbers = _prepare(inst, count)
    raw_dir = work / "raw"
    raw_dir.mkdir()
    bookings = inst.tenant_dir(1) / "bookings.db"
    shutil.copyfile(bookings, raw_dir / "bookings.db")
    shutil.copyfile(inst.root / "accounting.db", raw_dir / "accounting.db")
    service = _time_service(inst, numbers)
    raw = _time_raw(raw_dir / "bookings.db", raw_dir / "accounting.db", numbers)
    figures = {
        "invoices": count,
        "service_per_s": round(count / service, 1),
        "raw_per_s": round(count / raw, 1),
        "service_ms_each": round(service / count * 1000, 2),
        "raw_ms_each": round(raw / count * 1000, 2),
        "ratio": round(service / raw, 2),
    }
    for key, value in figures.items():
        print(f"  {key}: {value}")
    inst.close()
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 invoices, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    args = parser.parse_args()
    in_temp_folder("jack-bench-invoicing-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
