"""Benchmark: consolidated trial balance over 50 tenants x 20,000 postings.

Goal: `consolidated_trial_balance` in tenant 0 takes at most 1 s.

50 sub-tenants are created; 40 keep their accounting central (their postings are in tenant 0's
journal, tagged with the tenant) and 10 keep their own (read through read-only sessions). Each
tenant gets 20,000 journal entries of two lines (a posting: debit one account, credit another),
written straight into the journal in one transaction per tenant, spread over 12 accounts and a
year, with the totals per account that `write_entry` keeps in step. Tenant 0 has postings of its
own too. For scale, a raw baseline sums tenant 0's journal lines with one GROUP BY in plain SQL
(central tenants only): what the consolidation would cost without the totals.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_consolidation.py [--quick]
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import random
import sqlite3
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_common import in_temp_folder, print_header, report_figures

from jack_desktop.consolidation import consolidated_trial_balance
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.models.accounting import AccountBalance, JournalEntry, JournalLine
from tenant_store.users import add_user, grant

GOAL_S = 1.0
FULL = {"tenants": 50, "own": 10, "postings": 20_000, "runs": 7}
QUICK = {"tenants": 6, "own": 2, "postings": 1_000, "runs": 3}
PAIRS = [("1200", "4560"), ("1800", "1200"), ("5900", "3300"), ("6310", "1800"), ("1200", "4010")]
PAIRS += [("3300", "1800"), ("6800", "1600"), ("1200", "4400")]
RAW = """
SELECT e.tenant_nr, l.account_number, SUM(l.debit_cents), SUM(l.credit_cents)
FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
GROUP BY e.tenant_nr, l.account_number
"""


def _fill(session, count: int, rng: random.Random) -> None:
    stamp, start = datetime(2026, 11, 23, 9), date(2026, 1, 1)
    with session.transaction():
        first = (
            JournalEntry.select(JournalEntry.id).order_by(JournalEntry.id.desc()).scalar()
        ) or 0
        entries, lines, totals = [], [], {}
        for i in range(first + 1, first + count + 1):
            debit, credit = rng.choice(PAIRS)
            cents = rng.randint(100, 500_000)
            day = start + timedelta(days=rng.randrange(365))
            entries.append((i, session.nr, day, f"RE {i}", "Buchung", "bench", stamp))
            lines += [(i, debit, cents, 0, ""), (i, credit, 0, cents, "")]
            for account, side in ((debit, 0), (credit, 1)):
                pair = totals.setdefault(account, [0, 0])
                pair[side] += cents
        for chunk in range(0, len(entries), 5000):
            JournalEntry.insert_many(
                entries[chunk : chunk + 5000],
                fields=[
                    JournalEntry.id,
                    JournalEntry.tenant_nr,
                    JournalEntry.entry_date,
                    JournalEntry.reference,
                    JournalEntry.text,
                    JournalEntry.created_by,
                    JournalEntry.created_at,
                ],
            ).execute()
        for chunk in range(0, len(lines), 10_000):
            JournalLine.insert_many(
                lines[chunk : chunk + 10_000],
                fields=[
                    JournalLine.entry,
                    JournalLine.account_number,
                    JournalLine.debit_cents,
                    JournalLine.credit_cents,
                    JournalLine.cost_centre_code,
                ],
            ).execute()
        # What write_entry keeps in step line by line, added up once here.
        for account, (debit, credit) in totals.items():
            AccountBalance.insert(
                tenant_nr=session.nr,
                account_number=account,
                debit_cents=debit,
                credit_cents=credit,
            ).execute()


def _build(inst: Installation, size: dict) -> None:
    rng = random.Random(20261123)
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 0, "admin")
    for nr in range(1, size["tenants"] + 1):
        own = nr > size["tenants"] - size["own"]
        central = ["customers"] if own else ["customers", "accounting"]
        create_tenant(inst, TenantSpec(nr, f"Filiale {nr}", central=central))
        grant(inst, "admin", nr, "admin")
    for nr in range(size["tenants"] + 1):
        with inst.open_session(nr) as session:
            _fill(session, size["postings"], rng)


def _time_consolidation(inst: Installation) -> tuple[float, int]:
    with inst.open_session(0) as session:
        started = time.perf_counter()
        consolidation = consolidated_trial_balance("admin", session)
        elapsed = time.perf_counter() - started
    assert sum(row.total_balance_cents for row in consolidation.rows) == 0
    return elapsed, len(consolidation.tenants)


def _time_raw(inst: Installation) -> float:
    conn = sqlite3.connect(inst.root / "accounting.db")
    started = time.perf_counter()
    conn.execute(RAW).fetchall()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def run(work: Path, quick: bool) -> dict:
    size = QUICK if quick else FULL
    print_header(
        f"Consolidated trial balance, {size['tenants']} tenants x {size['postings']:,} postings",
        quick,
        work,
    )
    inst, _ = Installation.init(work / "inst")
    started = time.perf_counter()
    _build(inst, size)
    print(f"  built in {time.perf_counter() - started:.1f} s")
    _time_consolidation(inst)  # warm the page cache
    timings, raw = [], []
    for _ in range(size["runs"]):
        elapsed, columns = _time_consolidation(inst)
        timings.append(elapsed)
        raw.append(_time_raw(inst))
    figures = {
        "tenants": size["tenants"],
        "own_accounting": size["own"],
        "postings_per_tenant": size["postings"],
        "columns": columns,
        "median_s": round(statistics.median(timings), 3),
        "max_s": round(max(timings), 3),
        "raw_central_group_by_median_s": round(statistics.median(raw), 3),
    }
    figures["pass"] = figures["max_s"] <= GOAL_S
    for key, value in figures.items():
        print(f"  {key}: {value}")
    print("PASS" if figures["pass"] else "FAIL", f"(goal: at most {GOAL_S} s)")
    inst.close()
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="6 tenants x 1,000, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    args = parser.parse_args()
    in_temp_folder("jack-bench-consolidation-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
