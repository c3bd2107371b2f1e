"""Benchmark: the DATEV export (Buchungsstapel and master data) of 100,000 postings.

Goal: exporting 100,000 postings takes at most 5 s, and its peak memory does not grow with
the postings: `peak(100,000) / peak(10,000) <= 1.5` (Python heap, tracemalloc).

Set-up: tenant 0 with DATEV numbers and one sub-tenant posting into its books (central
accounting, so every row carries KOST2). Postings are written straight into the journal in
batches, over the year 2025 in the order they are posted (day by day, one in twenty
back-dated by up to a month), a mix of entries as invoicing writes them: agency
invoices (receivable with a Debitor / payables with a Kreditor / commission, three lines),
service fees (receivable / 4400 / 3806, folded into one row), payments (bank / receivable)
and rent (two lines), with 500 Debitoren and 50 Kreditoren. 100,000 postings give about
140,000 rows, so the Buchungsstapel is split into two files at DATEV's 99,999 rows.

Timed: `export_datev_as_administrator` of the whole year into a fresh folder (journal read in
chunks, rows converted, files written, every file validated, hashes, the audit record).
Baseline in the same run: the same journal lines read with one plain `sqlite3` join and
written with `csv.writer` as one CSV row per line (no pairing, no validation): what writing
the data costs at the least. Printed: seconds of both and their ratio, and the peak heap of
exporting 10,000 and 100,000 postings (each export after a one-day warm-up export, traced
alone) and their ratio.

Quick run (`--quick`, for the smoke test): 5,000 vs 20,000 postings, one timed export.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_datev.py [--quick]
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import csv
import random
import sqlite3
import statistics
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_common import in_temp_folder, insert_journal, print_header, report_figures

from jack_desktop.datev.export import export_datev_as_administrator
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.models.accounting import (
    JournalEntry,
    JournalLine,
    PersonalAccount,
)
from tenant_store.tenant_edit import update_tenant

GOAL_S = 5.0
GOAL_MEMORY_RATIO = 1.5
FULL = {"small": 10_000, "large": 100_000, "runs": 3}
QUICK = {"small": 5_000, "large": 20_000, "runs": 1}  # past the first chunk of lines
YEAR = 2025
DEBTORS, CREDITORS = 500, 50
RAW = """
SELECT e.entry_date, e.reference, e.text, e.document, e.tenant_nr,
       l.account_number, l.personal_account, l.debit_cents, l.credit_cents, l.cost_centre_code
FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
WHERE e.entry_date BETWEEN ? AND ?
ORDER BY e.entry_date, e.id, l.id
"""
ENTRY_FIELDS = [
    JournalEntry.id,
    JournalEntry.tenant_nr,
    JournalEntry.entry_date,
    JournalEntry.reference,
    JournalEntry.text,
    JournalEntry.created_by,
    JournalEntry.created_at,
    JournalEntry.document,
]
LINE_FIELDS = [
    JournalLine.entry,
    JournalLine.account_number,
    JournalLine.debit_cents,
    JournalLine.credit_cents,
    JournalLine.cost_centre_code,
    JournalLine.personal_account,
]


def _lines(kind: str, rng: random.Random, i: int) -> list[tuple]:
    """(account, debit, credit, cost centre, personal account) of one posting."""
    debtor = str(10000 + rng.randrange(DEBTORS))
    creditor = str(70000 + rng.randrange(CREDITORS))
    if kind == "agency":
        gross = rng.randint(20_000, 500_000)
        cost = gross * 88 // 100
        return [
            ("1200", gross, 0, "", debtor),
            ("3300", 0, cost, "", creditor),
            ("4560", 0, gross - cost, "100", ""),
        ]
    if kind == "fee":
        gross = rng.choice((1_190, 2_380, 5_950, 11_900))
        vat = gross * 19 // 119
        return [
            ("1200", gross, 0, "", debtor),
            ("4400", 0, gross - vat, "100", ""),
            ("3806", 0, vat, "", ""),
        ]
    cents = rng.randint(1_000, 300_000)
    if kind == "payment":
        return [("1800", cents, 0, "", ""), ("1200", 0, cents, "", debtor)]
    return [("6310", cents, 0, "200", ""), ("1800", 0, cents, "", "")]


def _days(count: int, rng: random.Random) -> list[date]:
    """Posting days over the year in the order they are posted: day by day, as invoices and
    payments are, with one in twenty back-dated by up to a month (a late supplier invoice)."""
    days = sorted(date(YEAR, 1, 1) + timedelta(days=rng.randrange(365)) for _ in range(count))
    for i in rng.sample(range(count), count // 20):
        days[i] = max(date(YEAR, 1, 1), days[i] - timedelta(days=rng.randrange(31)))
    return days


def _fill(session, count: int, rng: random.Random) -> None:
    """`count` postings of the session's tenant and the account totals write_entry keeps."""
    stamp = datetime(2026, 1, 10, 9)
    kinds = ["agency"] * 5 + ["fee"] * 2 + ["payment"] * 2 + ["rent"]
    with session.transaction():
        first = (
            JournalEntry.select(JournalEntry.id).order_by(JournalEntry.id.desc()).scalar()
        ) or 0
        entries, lines, totals = [], [], {}
        for i, day in enumerate(_days(count, rng), first + 1):
            kind = rng.choice(kinds)
            label = f"M{session.nr}-{i}" if session.nr else str(i)
            entries.append(
                (
                    i,
                    session.nr,
                    day,
                    f"RE {label}",
                    f"Rechnung {label} Vorgang {i}",
                    "bench",
                    stamp,
                    label,
                )
            )
            for account, debit, credit, centre, personal in _lines(kind, rng, i):
                lines.append((i, account, debit, credit, centre, personal))
                pair = totals.setdefault(account, [0, 0])
                pair[0] += debit
                pair[1] += credit
        insert_journal(session.nr, entries, ENTRY_FIELDS, lines, LINE_FIELDS, totals)


def _create(inst: Installation) -> None:
    create_tenant(inst, TenantSpec(1, "Filiale 1", central=["customers", "accounting"]))
    update_tenant(inst, 0, books={"datev_adviser": 1234567, "datev_client": 10001})
    with inst.open_session(0) as session, session.transaction():
        accounts = [
            (str(10000 + n), "debtor", 0, str(n + 1), f"Kunde {n + 1}") for n in range(DEBTORS)
        ]
        accounts += [
            (str(70000 + n), "creditor", 0, f"V{n}", f"Veranstalter {n}") for n in range(CREDITORS)
        ]
        PersonalAccount.insert_many(
            accounts,
            fields=[
                PersonalAccount.number,
                PersonalAccount.kind,
                PersonalAccount.owner_nr,
                PersonalAccount.ref,
                PersonalAccount.name,
            ],
        ).execute()


def _add_postings(inst: Installation, count: int, rng: random.Random) -> None:
    for nr, share in ((0, count - count // 3), (1, count // 3)):
        with inst.open_session(nr) as session:
            _fill(session, share, rng)


def _export(inst: Installation, out: Path, start: date, end: date):
    with inst.open_session(0) as session:
        return export_datev_as_administrator(session, start, end, out)


def _time_export(inst: Installation, work: Path, run: int) -> tuple[float, int, int]:
    started = time.perf_counter()
    result = _export(inst, work / f"out-{run}", date(YEAR, 1, 1), date(YEAR, 12, 31))
    return time.perf_counter() - started, result.rows, len(result.files)


def _time_raw(inst: Installation, work: Path) -> float:
    """The baseline: one plain join, every line one csv.writer row in Windows-1252."""
    started = time.perf_counter()
    conn = sqlite3.connect(inst.root / "accounting.db")
    with open(work / "raw.csv", "w", encoding="cp1252", errors="replace", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerows(conn.execute(RAW, (f"{YEAR}-01-01", f"{YEAR}-12-31")))
    conn.close()
    return time.perf_counter() - started


def _peak_heap_mb(inst: Installation, work: Path) -> float:
    """The heap's peak while exporting the year, after a one-day warm-up export."""
    _export(inst, work / "warm", date(YEAR, 1, 1), date(YEAR, 1, 1))
    tracemalloc.start()
    try:
        _export(inst, work / "traced", date(YEAR, 1, 1), date(YEAR, 12, 31))
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def run(work: Path, quick: bool) -> dict:
    size = QUICK if quick else FULL
    small, large = size["small"], size["large"]
    print_header(f"DATEV export, {small:,} vs {large:,} postings", quick, work)
    inst, _created = Installation.init(work / "inst")
    rng = random.Random(20261204)
    _create(inst)
    started = time.perf_counter()
    _add_postings(inst, small, rng)
    print(f"  {small:,} postings written in {time.perf_counter() - started:.1f} s")
    heap_small = _peak_heap_mb(inst, work)
    started = time.perf_counter()
    _add_postings(inst, large - small, rng)
    print(f"  {large - small:,} more written in {time.perf_counter() - started:.1f} s")
    heap_large = _peak_heap_mb(inst, work)
    timings, raw = [], []
    for n in range(size["runs"]):
        seconds, rows, files = _time_export(inst, work, n)
        timings.append(seconds)
        raw.append(_time_raw(inst, work))
        print(f"  run {n + 1}: export {seconds:.2f} s ({rows:,} rows, {files} files), ", end="")
        print(f"raw {raw[-1]:.2f} s")
    inst.close()
    figures = {
        "postings_small": small,
        "postings_large": large,
        "rows_large": rows,
        "files_large": files,
        "export_median_s": round(statistics.median(timings), 2),
        "export_max_s": round(max(timings), 2),
        "raw_csv_median_s": round(statistics.median(raw), 2),
        "export_to_raw_ratio": round(statistics.median(timings) / statistics.median(raw), 2),
        "heap_peak_mb_small": round(heap_small, 2),
        "heap_peak_mb_large": round(heap_large, 2),
        "heap_ratio_large_to_small": round(heap_large / heap_small, 2),
    }
    figures["pass"] = (
        figures["export_max_s"] <= GOAL_S
        and figures["heap_ratio_large_to_small"] <= GOAL_MEMORY_RATIO
    )
    for key, value in figures.items():
        print(f"  {key}: {value}")
    print(
        "PASS" if figures["pass"] else "FAIL",
        f"(goal: {large:,} postings in at most {GOAL_S} s; peak heap {large:,} / {small:,} at most "
        f"{GOAL_MEMORY_RATIO})",
    )
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 vs 20,000, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    args = parser.parse_args()
    in_temp_folder("jack-bench-datev-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
