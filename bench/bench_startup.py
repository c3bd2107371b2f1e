"""Benchmark: start to first window shown, against a bare Qt window in the same run.

Goal: median(start of the app to its main window shown and painted) / median(start of a bare
QApplication with an empty QMainWindow to shown and painted) <= 2.

Both are real processes started alike (same interpreter, offscreen platform), timed from
spawning the process to the line the child prints once its window has been painted. The app
child does what the desktop client does after login: opens the installation (a demo built
beforehand), builds the main window for a user in their tenant, shows it with its first module.
Login is left out: it waits for a person. Children of both kinds alternate.

Run:  cd /work/main && PYTHONPATH=. .venv/bin/python bench/bench_startup.py [--quick]
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
