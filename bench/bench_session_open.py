"""Benchmark: opening a tenant session with 10 tenants and with 200 tenants in the installation.

Goal: opening a tenant session in an installation with 200 tenants has a median of at most 20 ms,
and does not depend on the number of tenants: median(200 tenants) / median(10 tenants) <= 1.5.

One installation is built; tenants get a cycle of central-option sets (default booking ranges,
which never overlap). After the first 10 tenants and again after all 200, each timed open is

    s = inst.open_session(nr); with s.bound(): Destination.select().count(); s.close()

for a random registered tenant (tenant 0 included). Interleaved with it, in alternating order,
the same run times a raw baseline on the same tenant: sqlite3.connect(<bookings file>), ATTACH of
the 7 other files (6 logical databases + installation.db) and the same count, then close. The
paths of the baseline are resolved beforehand: it is SQLite's own cost of opening those files.

The verdict uses one time window: a byte copy of the installation is taken right after the first
10 tenants, and at the end opens of that copy and of the 200-tenant installation are interleaved,
so load on the machine that drifts between the two phases cannot fake or hide a dependency on the
tenant count. The phase figures (10 measured right away, 200 measured later) are printed too,
with the raw baseline's ratio between the phases as a measure of that drift.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_session_open.py [--quick]
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import random
import shutil
import sqlite3
import statistics
import time
from pathlib import Path

from bench_common import in_temp_folder, load, print_header, report_figures

from tenant_store import LOGICAL_DBS, Installation, Logical, TenantSpec, create_tenant
from tenant_store.models.basedata import Destination

GOAL_MEDIAN_MS = 20.0
GOAL_RATIO = 1.5
FULL = {"small": 10, "large": 200, "opens": 300}
QUICK = {"small": 10, "large": 20, "opens": 60}
WARMUP_OPENS = 20
LISTINGS = 20  # for information: Installation.tenants(), which create_tenant calls twice
CENTRAL_SETS = (  # cycled through by tenant number
    (),
    ("postal",),
    ("customers", "notes"),
    ("accounting",),
    ("tickets", "postal"),
    ("postal", "customers", "tickets", "notes", "accounting"),
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke run: {QUICK['small']} vs {QUICK['large']} tenants, {QUICK['opens']} opens",
    )
    parser.add_argument("--tenants", type=int, help="tenants in the large installation")
    parser.add_argument("--opens", type=int, help="timed opens at each size")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--tmpdir", help="parent of the temporary folder (default: system temp)")
    args = parser.parse_args(argv)
    preset = QUICK if args.quick else FULL
    args.small = preset["small"]
    args.large = args.tenants or preset["large"]
    args.opens = args.opens or preset["opens"]
    return args


def store_open(inst: Installation, nr: int) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds (this thread) of one session open, and the count it read."""
    cpu, started = time.thread_time(), time.perf_counter()
    s = inst.open_session(nr)
    with s.bound():
        count = Destination.select().count()
    s.close()
    return time.perf_counter() - started, time.thread_time() - cpu, count


def raw_paths(inst: Installation, nr: int) -> tuple[str, list[tuple[str, str]]]:
    """Bookings file and the (schema, file) pairs a session attaches, resolved once, untimed."""
    paths = inst.tenant(nr).database_paths(inst.root)
    attach = [(db.value, str(paths[db])) for db in LOGICAL_DBS if db != Logical.BOOKINGS]
    attach.append(("installation", str(inst.root / "installation.db")))
    return str(paths[Logical.BOOKINGS]), attach


def raw_open(main: str, attach: list[tuple[str, str]]) -> tuple[float, float, int]:
    cpu, started = time.thread_time(), time.perf_counter()
    conn = sqlite3.connect(main)
    for schema, path in attach:
        conn.execute(f'ATTACH DATABASE ? AS "{schema}"', (path,))
    count = conn.execute("SELECT COUNT(*) FROM basedata.destination").fetchone()[0]
    conn.close()
    return time.perf_counter() - started, time.thread_time() - cpu, count


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def measure(installs: list[Installation], opens: int, rng: random.Random) -> list[dict]:
    """Store and raw opens of random tenants, interleaved in a shuffled order per round.

    With several installations, each round opens one random tenant of each, so all of them are
    measured in the same time window; returns one dict of figures per installation.
    """
    numbers = [inst.tenant_numbers() for inst in installs]
    raw = [
        {nr: raw_paths(inst, nr) for nr in nrs} for inst, nrs in zip(installs, numbers, strict=True)
    ]
    store_s: list[list[float]] = [[] for _ in installs]
    raw_s: list[list[float]] = [[] for _ in installs]
    store_cpu: list[list[float]] = [[] for _ in installs]
    raw_cpu: list[list[float]] = [[] for _ in installs]
    for i in range(WARMUP_OPENS + opens):
        steps = []
        for k, inst in enumerate(installs):
            nr = rng.choice(numbers[k])
            steps.append((k, nr, "store", lambda inst=inst, nr=nr: store_open(inst, nr)))
            steps.append((k, nr, "raw", lambda k=k, nr=nr: raw_open(*raw[k][nr])))
        rng.shuffle(steps)
        counts: dict[tuple[int, int], set[int]] = {}
        for k, nr, kind, run in steps:
            seconds, cpu, count = run()
            counts.setdefault((k, nr), set()).add(count)
            if i >= WARMUP_OPENS:
                (store_s if kind == "store" else raw_s)[k].append(seconds)
                (store_cpu if kind == "store" else raw_cpu)[k].append(cpu)
        for (_k, nr), found in counts.items():
            if len(found) > 1:
                print(
                    f"  note: tenant {nr}: the session and the raw connection count "
                    f"different destinations: {sorted(found)}"
                )
    results = []
    for k, inst in enumerate(installs):
        listing = []
        for _ in range(LISTINGS):
            started = time.perf_counter()
            inst.tenants()
            listing.append(time.perf_counter() - started)
        results.append(
            {
                "tenants": len(numbers[k]) - 1,
                "opens": opens,
                "tenants_list_median_ms": statistics.median(listing) * 1000,
                "store_median_ms": statistics.median(store_s[k]) * 1000,
                "store_p95_ms": p95(store_s[k]) * 1000,
                "raw_median_ms": statistics.median(raw_s[k]) * 1000,
                "raw_p95_ms": p95(raw_s[k]) * 1000,
                "store_cpu_median_ms": statistics.median(store_cpu[k]) * 1000,
                "raw_cpu_median_ms": statistics.median(raw_cpu[k]) * 1000,
            }
        )
    return results


def create_tenants(inst: Installation, first: int, last: int, timings: list[float]) -> None:
    for nr in range(first, last + 1):
        central = CENTRAL_SETS[nr % len(CENTRAL_SETS)]
        started = time.perf_counter()
        create_tenant(inst, TenantSpec(nr, f"Bench tenant {nr}", central=list(central)))
        timings.append(time.perf_counter() - started)


def report(label: str, m: dict) -> None:
    print(
        f"  {label}: session open median {m['store_median_ms']:6.2f} ms, "
        f"p95 {m['store_p95_ms']:6.2f} ms | raw connect+ATTACH median "
        f"{m['raw_median_ms']:5.2f} ms, p95 {m['raw_p95_ms']:5.2f} ms | overhead "
        f"x{m['store_median_ms'] / m['raw_median_ms']:.1f}  ({m['opens']} opens)"
    )
    print(
        f"      CPU time of this thread (immune to waiting for a core): session open median "
        f"{m['store_cpu_median_ms']:.2f} ms, raw {m['raw_cpu_median_ms']:.2f} ms"
    )


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    return in_temp_folder("jack-bench-session-", args.tmpdir, lambda work: bench(args, work))


def bench(args: argparse.Namespace, work: Path) -> dict:
    print_header("Session open benchmark", args.quick, work)
    rng = random.Random(args.seed)
    creation_s: list[float] = []
    inst, _ = Installation.init(work / "installation")
    snapshot = None
    try:
        create_tenants(inst, 1, args.small, creation_s)
        [small] = measure([inst], args.opens, rng)
        # A byte copy of the installation as it is now, measured later beside the large one.
        shutil.copytree(inst.root, work / "snapshot", symlinks=True)
        snapshot = Installation.open(work / "snapshot")
        create_tenants(inst, args.small + 1, args.large, creation_s)
        [large] = measure([inst], args.opens, rng)
        same_window = measure([snapshot, inst], args.opens, rng)
    finally:
        inst.close()
        if snapshot is not None:
            snapshot.close()

    print(f"  load average at end: {load()}")
    print(f"  central option sets cycled: {', '.join('+'.join(c) or 'none' for c in CENTRAL_SETS)}")
    n_small, n_large = small["tenants"], large["tenants"]
    phase_ratio = large["store_median_ms"] / small["store_median_ms"]
    phase_raw_ratio = large["raw_median_ms"] / small["raw_median_ms"]
    print(
        f"  phases: measured right after creating tenants 1-{n_small}, "
        f"then after creating {n_small + 1}-{n_large}:"
    )
    report(f"{n_small:4d} tenants (+ tenant 0)", small)
    report(f"{n_large:4d} tenants (+ tenant 0)", large)
    print(
        f"    ratio of the medians {phase_ratio:.2f}; raw baseline {phase_raw_ratio:.2f} "
        "(the raw open does not depend on the tenant count: a raw ratio away from 1.00 is "
        "drift in the machine's load between the phases)"
    )
    v_small, v_large = same_window
    ratio = v_large["store_median_ms"] / v_small["store_median_ms"]
    print(
        f"  same time window (verdict): a byte copy of the {n_small}-tenant installation, taken "
        f"before tenants {n_small + 1}-{n_large} were created, and the {n_large}-tenant one, "
        "opens of both interleaved in random order:"
    )
    report(f"{n_small:4d} tenants (+ tenant 0)", v_small)
    report(f"{n_large:4d} tenants (+ tenant 0)", v_large)
    cpu_ratio = v_large["store_cpu_median_ms"] / v_small["store_cpu_median_ms"]
    print(
        f"    ratio of the medians {ratio:.2f}; raw baseline "
        f"{v_large['raw_median_ms'] / v_small['raw_median_ms']:.2f}; CPU time {cpu_ratio:.2f}"
    )
    first, last = creation_s[: args.small], creation_s[-args.small :]
    print(
        f"  for information: create_tenant median {statistics.median(first) * 1000:.1f} ms for "
        f"tenants 1-{args.small}, {statistics.median(last) * 1000:.1f} ms for tenants "
        f"{args.large - args.small + 1}-{args.large}"
    )
    print(
        f"  for information: Installation.tenants() median "
        f"{v_small['tenants_list_median_ms']:.1f} ms with {n_small} tenants, "
        f"{v_large['tenants_list_median_ms']:.1f} ms with {n_large} "
        "(reads every manifest; creation checks use the lean tenant_ranges() instead)"
    )
    passed = v_large["store_median_ms"] <= GOAL_MEDIAN_MS and ratio <= GOAL_RATIO
    print(
        f"  median({n_large}) = {v_large['store_median_ms']:.2f} ms (goal <= "
        f"{GOAL_MEDIAN_MS:g} ms); median({n_large}) / median({n_small}) = "
        f"{ratio:.2f} (goal <= {GOAL_RATIO})  {'PASS' if passed else 'FAIL'}"
    )

    def rounded(m: dict) -> dict:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in m.items()}

    figures = {
        "benchmark": "session_open",
        "quick": args.quick,
        "small": rounded(v_small),
        "large": rounded(v_large),
        "ratio": round(ratio, 3),
        "cpu_ratio": round(cpu_ratio, 3),
        "overhead_vs_raw_small": round(v_small["store_median_ms"] / v_small["raw_median_ms"], 2),
        "overhead_vs_raw_large": round(v_large["store_median_ms"] / v_large["raw_median_ms"], 2),
        "phases": {
            "small": rounded(small),
            "large": rounded(large),
            "ratio": round(phase_ratio, 3),
            "raw_ratio": round(phase_raw_ratio, 3),
        },
        "create_median_ms_first": round(statistics.median(first) * 1000, 2),
        "create_median_ms_last": round(statistics.median(last) * 1000, 2),
        "goal_median_ms": GOAL_MEDIAN_MS,
        "goal_ratio": GOAL_RATIO,
        "pass": passed,
    }
    return report_figures(figures)


if __name__ == "__main__":
    main()
