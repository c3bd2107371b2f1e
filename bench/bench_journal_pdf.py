"""Benchmark: the consolidated journal of 100,000 postings as a PDF, against 10,000.

Goal: memory does not grow with the number of postings. The peak memory of printing 100,000
postings may exceed that of printing 10,000 by at most 8 MB (the rows are streamed from the
database in chunks and each finished page goes straight to the file). Figures: pages per
second, the peak memory of both prints, and the size of the PDF.

Set-up: tenant 0 and four sub-tenants; 1-3 keep their accounting central (postings in tenant
0's journal, tagged with the tenant), 4 keeps its own (read through a read-only session and
merged by date). Postings of two lines each are written straight into the journals in
batches, spread evenly over the five tenants, a year and eight account pairs, with the totals
per account that `write_entry` keeps in step. First 10,000 postings are written and printed,
then 90,000 more are added and the 100,000 are printed.

Each print runs in a fresh child process: it prints a one-day journal first (fonts, modules
and caches loaded), then resets its peak resident memory (`/proc/self/clear_refs`) and prints
`journal.write_journal(..., consolidated=True)` of tenant 0 into a file; "peak RSS" is the
peak during that print (VmHWM), "print growth" how far it rose above the resident memory at
its start. (Without /proc: `ru_maxrss`, which on Linux would also count the parent's memory
at the time it started the child.)
`--tracemalloc` also traces the Python heap's peak during the print (about 3 times slower).

Run:  PYTHONPATH=. .venv/bin/python bench/bench_journal_pdf.py [--quick]
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_common import in_temp_folder, insert_journal, print_header, report_figures

from jack_desktop.documents.journal import write_journal
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.models.accounting import JournalEntry, JournalLine
from tenant_store.users import add_user, grant

GOAL_GROWTH_MB = 8.0
FULL = (10_000, 100_000)
QUICK = (1_000, 10_000)
TENANTS = {1: True, 2: True, 3: True, 4: False}  # sub-tenant -> central accounting
PAIRS = [("1200", "4560"), ("1800", "1200"), ("5900", "3300"), ("6310", "1800")]
PAIRS += [("3300", "1800"), ("6805", "1800"), ("1200", "4010"), ("6815", "1600")]
TEXTS = ("Rechnung {i} Vorgang {b}", "Zahlung Vorgang {b}", "Miete {m}", "Telefon {m}")
START = date(2026, 1, 1)


def _fill(session, count: int, rng: random.Random) -> None:
    """`count` two-line postings of the session's tenant, and its account totals."""
    stamp = datetime(2026, 11, 23, 9)
    with session.transaction():
        first = (
            JournalEntry.select(JournalEntry.id).order_by(JournalEntry.id.desc()).scalar()
        ) or 0
        entries, lines, totals = [], [], {}
        for i in range(first + 1, first + count + 1):
            debit, credit = rng.choice(PAIRS)
            cents = rng.randint(100, 500_000)
            day = START + timedelta(days=rng.randrange(365))
            text = rng.choice(TEXTS).format(i=i, b=rng.randint(1, 99_999), m=day.month)
            entries.append((i, session.nr, day, f"RE {i}", text, "bench", stamp))
            lines += [(i, debit, cents, 0, ""), (i, credit, 0, cents, "")]
            for account, side in ((debit, 0), (credit, 1)):
                totals.setdefault(account, [0, 0])[side] += cents
        entry_fields = [
            JournalEntry.id,
            JournalEntry.tenant_nr,
            JournalEntry.entry_date,
            JournalEntry.reference,
            JournalEntry.text,
            JournalEntry.created_by,
            JournalEntry.created_at,
        ]
        line_fields = [
            JournalLine.entry,
            JournalLine.account_number,
            JournalLine.debit_cents,
            JournalLine.credit_cents,
            JournalLine.cost_centre_code,
        ]
        insert_journal(session.nr, entries, entry_fields, lines, line_fields, totals)


def _create(inst: Installation) -> None:
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 0, "admin")
    for nr, central in TENANTS.items():
        shared = ["customers", "accounting"] if central else ["customers"]
        create_tenant(inst, TenantSpec(nr, f"Filiale {nr}", central=shared))
        grant(inst, "admin", nr, "admin")


def _add_postings(inst: Installation, count: int, rng: random.Random) -> None:
    tenants = [0, *TENANTS]
    for i, nr in enumerate(tenants):
        share = count // len(tenants) + (1 if i < count % len(tenants) else 0)
        with inst.open_session(nr) as session:
            _fill(session, share, rng)


# -- the child: one print in a fresh process ----------------------------------------------------


def _status_mb(field: str) -> float | None:
    """VmRSS (now) or VmHWM (peak) of this process from /proc, in MB; None off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Start the peak (VmHWM) afresh from now; False where the system cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    """The process's peak resident memory. VmHWM where there is /proc: ru_maxrss also counts
    what the parent held when it started this child (Linux keeps it across fork and exec)."""
    peak = _status_mb("VmHWM")
    if peak is not None:
        return peak
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes / KiB


def child(root: Path, target: Path, trace: bool) -> None:
    """Print the consolidated journal of tenant 0 into `target`; one JSON line of figures."""
    inst = Installation.open(root)
    with inst.open_session(0) as session:
        with open(target, "wb") as out:  # warm-up: one day of tenant 0 alone
            write_journal("admin", session, out, date_from=START, date_to=START)
        before = _status_mb("VmRSS") if _reset_peak() else _peak_mb()
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        with open(target, "wb") as out:
            pages = write_journal("admin", session, out, consolidated=True)
        seconds = time.perf_counter() - started
        heap = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
    figures = {
        "pages": pages,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(_peak_mb(), 1),
        "print_growth_mb": round(_peak_mb() - before, 1),
        "heap_peak_mb": heap and round(heap, 2),
        "pdf_mb": round(target.stat().st_size / 1e6, 1),
    }
    print(json.dumps(figures))


def _print_in_child(root: Path, work: Path, trace: bool) -> dict:
    args = [sys.executable, __file__, "--child", str(root), str(work / "journal.pdf")]
    result = subprocess.run(
        [*args, *(["--tracemalloc"] if trace else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _show(label: str, postings: int, figures: dict) -> None:
    rate = figures["pages"] / figures["seconds"]
    print(
        f"  {label}: {postings:,} postings, {figures['pages']:,} pages in {figures['seconds']} s"
        f" ({rate:.0f} pages/s), peak RSS {figures['peak_rss_mb']} MB, print growth "
        f"{figures['print_growth_mb']} MB, heap peak {figures['heap_peak_mb']} MB, "
        f"PDF {figures['pdf_mb']} MB"
    )


def run(work: Path, quick: bool, trace: bool) -> dict:
    small, large = QUICK if quick else FULL
    print_header(f"Consolidated journal as PDF, {small:,} vs {large:,} postings", quick, work)
    root, rng = work / "inst", random.Random(20261123)
    inst, _created = Installation.init(root)
    _create(inst)
    started = time.perf_counter()
    _add_postings(inst, small, rng)
    print(f"  {small:,} postings written in {time.perf_counter() - started:.1f} s")
    first = _print_in_child(root, work, trace)
    _show("small", small, first)
    started = time.perf_counter()
    _add_postings(inst, large - small, rng)
    inst.close()
    print(f"  {large - small:,} more written in {time.perf_counter() - started:.1f} s")
    second = _print_in_child(root, work, trace)
    _show("large", large, second)
    growth = second["peak_rss_mb"] - first["peak_rss_mb"]
    figures = {
        "postings_small": small,
        "postings_large": large,
        "pages_small": first["pages"],
        "pages_large": second["pages"],
        "pages_per_s_small": round(first["pages"] / first["seconds"], 1),
        "pages_per_s_large": round(second["pages"] / second["seconds"], 1),
        "seconds_large": second["seconds"],
        "peak_rss_mb_small": first["peak_rss_mb"],
        "peak_rss_mb_large": second["peak_rss_mb"],
        "peak_rss_growth_mb": round(growth, 1),
        "print_growth_mb_small": first["print_growth_mb"],
        "print_growth_mb_large": second["print_growth_mb"],
        "heap_peak_mb_small": first["heap_peak_mb"],
        "heap_peak_mb_large": second["heap_peak_mb"],
        "pdf_mb_large": second["pdf_mb"],
    }
    figures["pass"] = growth <= GOAL_GROWTH_MB
    print(
        "PASS" if figures["pass"] else "FAIL",
        f"(goal: peak memory for {large:,} postings at most {GOAL_GROWTH_MB} MB above "
        f"{small:,}; it is {growth:+.1f} MB)",
    )
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 vs 10,000, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    parser.add_argument("--tracemalloc", action="store_true", help="trace the heap (slower)")
    parser.add_argument("--child", nargs=2, metavar=("ROOT", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.tracemalloc)
        return
    in_temp_folder(
        "jack-bench-journal-pdf-", args.dir, lambda work: run(work, args.quick, args.tracemalloc)
    )


if __name__ == "__main__":
    main()
