"""DESIGN Guarantees: clerks in several processes book and invoice in the same tenant at once.

Four real processes each create, confirm and invoice 200 bookings in a tenant with central
customers and accounting: no duplicate or missing booking or invoice number, every journal
balances, and no "database is locked" reaches a clerk.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from tenant_store import TenantSpec, create_tenant
from tenant_store.users import add_user, grant

from .agency import new_customer
from .ledger_checks import check_invoices_and_postings, unbalanced_entries

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "workers" / "book_and_invoice_worker.py"
PROCESSES = 4
PER_PROCESS = 200
READY_TIMEOUT_S = 120.0
RUN_TIMEOUT_S = 600.0


def _start(root: Path, customer: int, ready: Path, go: Path) -> subprocess.Popen:
    args = [str(root), "1", str(customer), str(PER_PROCESS), str(ready), str(go)]
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        cwd=REPO,
    )


def _run_together(root: Path, customer: int, work: Path) -> list[tuple[int, str, str]]:
    work.mkdir()
    go = work / "go"
    readies = [work / f"ready-{i}" for i in range(PROCESSES)]
    procs = [_start(root, customer, ready, go) for ready in readies]
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not all(ready.exists() for ready in readies):
            assert all(p.poll() is None for p in procs), "a worker ended before it was ready"
            assert time.monotonic() < deadline, "the workers did not get ready"
            time.sleep(0.01)
        go.touch()
        outputs = [p.communicate(timeout=RUN_TIMEOUT_S) for p in procs]
        return [(p.returncode, *output) for p, output in zip(procs, outputs, strict=True)]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def test_four_clerks_book_and_invoice_800_bookings_at_once(inst, tmp_path):
    create_tenant(inst, TenantSpec(1, "Nord", central=["customers", "accounting"]))
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 1, "admin")
    with inst.open_session(1) as session:
        customer = new_customer(session, user="admin")
    results = _run_together(inst.root, customer, tmp_path / "work")
    pairs = []
    for code, out, err in results:
        assert "locked" not in err and "busy" not in err, err
        assert code == 0, err
        assert out.strip().endswith("END ok"), err
        pairs += [tuple(map(int, line.split())) for line in out.splitlines()[:-1]]
    bookings = sorted(b for b, _ in pairs)
    invoices = sorted(i for _, i in pairs)
    total = PROCESSES * PER_PROCESS
    assert bookings == list(range(100_000, 100_000 + total))
    assert invoices == list(range(1, total + 1))
    assert len(check_invoices_and_postings(inst, 1)) == total
    with inst.open_session(0, read_only=True) as s0, s0.bound():
        assert unbalanced_entries() == []
