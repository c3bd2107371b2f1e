"""Benchmark: switching tenants in the main window, 200 tenants, 100,000 bookings in the target.

Goal: the median time from asking the window to switch (what a double-click in tenant management
does) to the new tenant's booking list painted is at most 100 ms.

The installation gets 200 tenants with a cycle of central options; the target tenant gets
100,000 bookings (written straight into its file, one service line each). The main window runs
offscreen in this process; each round switches from tenant 0 to the target and back, and the
switch into the target is timed until the booking table's viewport has painted its rows.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_tenant_switch.py [--quick]
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import os
import random
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_common import in_temp_folder, print_header, report_figures  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tenant_store import Installation, TenantSpec, create_tenant  # noqa: E402
from tenant_store.models.bookings import Booking, ServiceLine  # noqa: E402
from tenant_store.models.customers import Customer  # noqa: E402
from tenant_store.users import add_user, grant  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

GOAL_MS = 100.0
FULL = {"tenants": 200, "bookings": 100_000, "rounds": 15}
QUICK = {"tenants": 5, "bookings": 2_000, "rounds": 3}
CENTRAL_SETS = ((), ("postal",), ("customers", "notes"), ("accounting",), ("tickets", "postal"))


class PaintWatch(QObject):
    """Notes when the watched widget has painted."""

    painted = False

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _build(inst: Installation, size: dict) -> int:
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 0, "admin")
    for nr in range(1, size["tenants"]):
        central = CENTRAL_SETS[nr % len(CENTRAL_SETS)]
        create_tenant(inst, TenantSpec(nr, f"Filiale {nr}", central=list(central)))
        grant(inst, "admin", nr, "admin")
    target = size["tenants"] - 1
    _fill(inst, target, size["bookings"])
    return target


def _fill(inst: Installation, nr: int, count: int) -> None:
    rng, stamp, start = random.Random(7), datetime(2026, 11, 23, 9), date(2026, 1, 1)
    first = inst.tenant(nr).booking_range[0]
    with inst.open_session(nr) as session, session.transaction():
        Customer.insert_many(
            [
                {
                    "id": i,
                    "number": i,
                    "last_name": f"Kunde {i}",
                    "owner_tenant": nr,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
                for i in range(1, 1001)
            ]
        ).execute()
        for chunk in range(0, count, 5000):
            rows = [
                {
                    "id": i + 1,
                    "number": first + i,
                    "customer_id": rng.randint(1, 1000),
                    "status": "booked",
                    "title": f"Reise {i}",
                    "travel_from": start + timedelta(days=rng.randrange(400)),
                    "created_at": stamp,
                    "updated_at": stamp,
                }
                for i in range(chunk, min(count, chunk + 5000))
            ]
            Booking.insert_many(rows).execute()
            ServiceLine.insert_many(
                [
                    {"booking": r["id"], "position": 1, "kind": "package", "price_cents": 99_900}
                    for r in rows
                ]
            ).execute()


def _switch_and_paint(app: QApplication, window: MainWindow, nr: int) -> float:
    started = time.perf_counter()
    window.switch_tenant(nr)
    view = window.open_module("bookings")
    watch = PaintWatch()
    view.table.viewport().installEventFilter(watch)
    while not watch.painted:
        app.processEvents()
    elapsed = time.perf_counter() - started
    view.table.viewport().removeEventFilter(watch)
    return elapsed


def run(work: Path, quick: bool) -> dict:
    size = QUICK if quick else FULL
    print_header(
        f"Tenant switch, {size['tenants']} tenants, {size['bookings']:,} bookings in the target",
        quick,
        work,
    )
    inst, _ = Installation.init(work / "inst")
    started = time.perf_counter()
    target = _build(inst, size)
    print(f"  built in {time.perf_counter() - started:.1f} s")
    app = QApplication.instance() or QApplication([])
    window = MainWindow(inst, "admin", 0)
    window.resize(1200, 760)
    window.show()
    _switch_and_paint(app, window, target)  # warm the page cache
    _switch_and_paint(app, window, 0)
    into_target, back = [], []
    for _ in range(size["rounds"]):
        into_target.append(_switch_and_paint(app, window, target) * 1000)
        back.append(_switch_and_paint(app, window, 0) * 1000)
    _switch_and_paint(app, window, target)
    rows = window.view("bookings").table.model().rowCount()
    window.close()
    inst.close()
    figures = {
        "tenants": size["tenants"],
        "bookings_in_target": size["bookings"],
        "rounds": size["rounds"],
        "switch_to_target_median_ms": round(statistics.median(into_target), 1),
        "switch_to_target_max_ms": round(max(into_target), 1),
        "switch_back_median_ms": round(statistics.median(back), 1),
        "rows_loaded_in_target": rows,
    }
    figures["pass"] = figures["switch_to_target_median_ms"] <= GOAL_MS
    for key, value in figures.items():
        print(f"  {key}: {value}")
    print("PASS" if figures["pass"] else "FAIL", f"(goal: median <= {GOAL_MS} ms)")
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 tenants, 2,000 bookings")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    args = parser.parse_args()
    in_temp_folder("jack-bench-switch-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
