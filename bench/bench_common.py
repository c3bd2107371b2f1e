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


def insert_journal(tenant_nr: int, entries, entry_fields, lines, line_fields, totals) -> None:
    """Bulk-insert journal rows and add `totals` ({account: [debit, credit]}) to the balances.

    Inside the caller's transaction, with the models bound to the tenant's session: how the
    benchmarks build large journals quickly, the same rows the services would write.
    """
    from tenant_store.models.accounting import AccountBalance, JournalEntry, JournalLine

    for at in range(0, len(entries), 5000):
        JournalEntry.insert_many(entries[at : at + 5000], fields=entry_fields).execute()
    for at in range(0, len(lines), 10_000):
        JournalLine.insert_many(lines[at : at + 10_000], fields=line_fields).execute()
    for account, (debit, credit) in totals.items():
        AccountBalance.insert(
            tenant_nr=tenant_nr, account_number=account, debit_cents=debit, credit_cents=credit
        ).on_conflict(
            conflict_target=[AccountBalance.tenant_nr, AccountBalance.account_number],
            update={
                AccountBalance.debit_cents: AccountBalance.debit_cents + debit,
                AccountBalance.credit_cents: AccountBalance.credit_cents + credit,
            },
        ).execute()
