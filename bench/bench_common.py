"""What every benchmark script shares: a temporary folder, a header, the machine's load."""

import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def load() -> list[float] | None:
    """The 1/5/15-minute load average: other work on the machine skews every figure."""
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


def in_temp_folder(prefix: str, parent: str | None, run: Callable[[Path], dict]) -> dict:
    """Run `run(folder)` in a fresh temporary folder that is removed afterwards."""
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        return run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_header(title: str, quick: bool, work: Path) -> None:
    """The run's title and the facts that explain its figures."""
    print(f"{title} ({'quick' if quick else 'full'} run)")
    print(
        f"  Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.release()}, temp folder {work}"
    )
    print(f"  load average at start: {load()}")


def report_figures(figures: dict) -> dict:
    """End the run with one JSON line of the figures (read by tests and closing notes)."""
    figures = {**figures, "sqlite": sqlite3.sqlite_version, "load_average_end": load()}
    print(json.dumps(figures))
    sys.stdout.flush()
    return figures
