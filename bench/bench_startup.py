"""Benchmark: start to first window shown, against a bare Qt window in the same run.

Goal: median(start of the app to its main window shown and painted) / median(start of a bare
QApplication with an empty QMainWindow to shown and painted) <= 2.

Both are real processes started alike (same interpreter, offscreen platform), timed from
spawning the process to the line the child prints once its window has been painted. The app
child does what the desktop client does after login: opens the installation (a demo built
beforehand), builds the main window for a user in their tenant and shows it. Its first frame
has the title, tenant badge, drop-down and module list; the first module's view, the unread
count and the user's other tenants follow right after that frame (ui/main_window.py), so they
are not part of the time. Login is left out: it waits for a person. Children of both kinds
alternate.

Baseline (2 cores, offscreen, PYTHONDONTWRITEBYTECODE=1, so every project module is compiled
at each start): before the start-up work, app 430-459 ms / bare 106-109 ms = 4.05-4.22 (the
booking view, with the PDF documents it imported, was built before the first paint); after it,
app 192-202 ms / bare 104-112 ms = 1.81-1.84. The app's extra time is now mostly importing
peewee and the models (~45 ms) and the rest of tenant_store (~15 ms), opening the session and
building the window (~15 ms); PySide's enums of the `Qt` namespace (~20 ms) come after the frame.

Run:  PYTHONPATH=. .venv/bin/python bench/bench_startup.py [--quick]
Prints the figures, PASS/FAIL against the goal, and ends with one JSON line of the figures.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_common import in_temp_folder, print_header, report_figures

from jack_desktop.demo import build_demo

REPO = Path(__file__).resolve().parent.parent
GOAL_RATIO = 2.0
FULL, QUICK = 15, 3
PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
"""
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n" + PAINTED + "window = QMainWindow()\nwindow.resize(1200, 760)\n"
    "watch = Painted()\nwindow.installEventFilter(watch)\nwindow.show()\napp.exec()\n"
)
APP = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from tenant_store import Installation\n"
    "from ui.main_window import MainWindow\n" + PAINTED + "inst = Installation.open(sys.argv[1])\n"
    "window = MainWindow(inst, 'mueller', 0)\n"
    "watch = Painted()\nwindow.installEventFilter(watch)\nwindow.show()\napp.exec()\n"
    "window.close()\n"
)


def _time_child(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=REPO
    )
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    assert line.strip() == "painted", f"child ended without painting (exit {proc.returncode})"
    return elapsed


def run(work: Path, quick: bool) -> dict:
    rounds = QUICK if quick else FULL
    print_header("Start to first window shown", quick, work)
    root = work / "demo"
    build_demo(root)
    _time_child(BARE)  # warm the file cache for both
    _time_child(APP, str(root))
    bare, app = [], []
    for _ in range(rounds):
        bare.append(_time_child(BARE))
        app.append(_time_child(APP, str(root)))
    figures = {
        "rounds": rounds,
        "bare_median_ms": round(statistics.median(bare) * 1000, 1),
        "app_median_ms": round(statistics.median(app) * 1000, 1),
    }
    figures["ratio"] = round(figures["app_median_ms"] / figures["bare_median_ms"], 2)
    figures["pass"] = figures["ratio"] <= GOAL_RATIO
    for key, value in figures.items():
        print(f"  {key}: {value}")
    print("PASS" if figures["pass"] else "FAIL", f"(goal: ratio <= {GOAL_RATIO})")
    return report_figures(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds, for tests")
    parser.add_argument("--dir", help="parent folder for the temporary installation")
    args = parser.parse_args()
    in_temp_folder("jack-bench-startup-", args.dir, lambda work: run(work, args.quick))


if __name__ == "__main__":
    main()
