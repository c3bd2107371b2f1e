"""Benchmark: posting throughput with the hash-chained audit trail, against the same without it.

Every posting appends an audit record to the accounting file in the posting's transaction: it
reads the last record's hash and writes the new record with its SHA-256. The goal is that this
costs little: throughput with the chain at least 0.8 times that without it. Both runs post the
same manual entries (three lines) through `post_entry` into a tenant's own accounting file, in
the same process; for the baseline the audit record is left out (the only difference).
Rounds alternate between the two, so a busy machine slows both alike.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_audit.py [--quick]
Prints the figures and ends with one JSON line of the figures.
"""

import argparse
import time
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench_common import in_temp_folder, print_header, report_figures

from jack_desktop import accounting
from jack_desktop.accounting import Line, post_entry
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.users import add_user, grant

FULL, QUICK = 2_000, 100
ROUNDS = 4
LINES = [
    Line("6815", debit=Decimal("84.00")),
    Line("1406", debit=Decimal("15.96")),
    Line("1800", credit=Decimal("99.96")),
]


@contextmanager
def _without_audit_trail():
    real = accounting.record
    accounting.record = lambda *args, **kwargs: None
    try:
        yield
    finally:
        accounting.record = real


def _post(inst: Installation, nr: int, count: int) -> float:
    today = date.today()
    with inst.open_session(nr) as session:
        started = time.perf_counter()
        for i in range(count):
            post_entry("admin", session, today, f"Büromaterial {i}", LINES, f"BA {i}")
        return time.perf_counter() - started


def run(work: Path, quick: bool) -> dict:
    count = QUICK if quick else FULL
    print_header(
        f"Posting {count * ROUNDS:,} entries with and without the audit trail", quick, work
    )
    inst, _ = Installation.init(work / "inst")
    add_user(inst, "admin", "Admin", "geheim123")
    for nr in (1, 2):
        create_tenant(inst, TenantSpec(nr, f"Tenant {nr}"))
        grant(inst, "admin", nr, "admin")
    chained = plain = 0.0
    for _ in range(ROUNDS):
        chained += _post(inst, 1, count)
        with _without_audit_trail():
            plain += _post(inst, 2, count)
    total = count * ROUNDS
    figures = {
        "postings": total,
        "with_chain_per_s": round(total / chained, 1),
        "without_per_s": round(total / plain, 1),
        "throughput_ratio": round(plain / chained, 3),
        "goal_ratio_at_least": 0.8,
    }
    figures["meets_goal"] = figures["throughput_ratio"] >= 0.8
    for key, value in figures.items():
        print(f"  {key}: {value}")
    print("PASS" if figures["meets_goal"] else "FAIL", "throughput with the chain / without >= 0.8")
    inst.close()
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 entries a round, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    args = parser.parse_args()
    in_temp_folder("jack-bench-audit-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
