"""DESIGN Guarantees: invoicing is all or nothing, also across tenant 0's central journal.

A real process invoices bookings of a tenant with central accounting and is killed with SIGKILL
at random moments. Afterwards every booking is either invoiced, with its invoice and its posting
in tenant 0's journal, or still booked with neither; invoice numbers have no gap, and a new run
carries on from where the killed one stopped.
"""

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tenant_store import TenantSpec, create_tenant
from tenant_store.integrity import check
from tenant_store.users import add_user, grant

from .agency import booked, new_customer
from .ledger_checks import check_invoices_and_postings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "workers" / "invoice_worker.py"
SEED = int(os.environ.get("JACK_CRASH_SEED", "20261123"))
ROUNDS = 24
PER_ROUND = 12
TIMEOUT_S = 120.0


def _start(root: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(root), "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


def _wait_ready(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read()


def _invoicing_time(root: Path) -> float:
    """Seconds one worker needs for a round of bookings, measured on this machine."""
    proc = _start(root)
    _wait_ready(proc)
    started = time.monotonic()
    out, err = proc.communicate(timeout=TIMEOUT_S)
    assert proc.returncode == 0 and out.strip().endswith("done"), err
    return time.monotonic() - started


@pytest.fixture
def office(inst):
    create_tenant(inst, TenantSpec(1, "Nord", central=["customers", "accounting"]))
    add_user(inst, "admin", "Admin", "geheim123")
    grant(inst, "admin", 1, "admin")
    return inst


def _add_booked(inst, count: int) -> None:
    with inst.open_session(1) as session:
        customer = new_customer(session, user="admin")
        for _ in range(count):
            booked(session, user="admin", customer_id=customer, travel_type="BUS")


def test_killed_invoicing_leaves_each_booking_whole(office):
    rng = random.Random(SEED)
    _add_booked(office, PER_ROUND)
    duration = _invoicing_time(office.root)
    invoiced = check_invoices_and_postings(office, 1)
    interrupted = 0
    for _ in range(ROUNDS):
        _add_booked(office, PER_ROUND)
        proc = _start(office.root)
        _wait_ready(proc)
        time.sleep(rng.uniform(0, duration * 1.1))
        proc.kill()
        out, _err = proc.communicate(timeout=TIMEOUT_S)
        committed = {int(line) for line in out.split() if line.isdigit()}
        interrupted += "done" not in out
        now_invoiced = check_invoices_and_postings(office, 1)
        assert committed <= now_invoiced - invoiced  # reported means committed
        assert len(now_invoiced - invoiced - committed) <= 1  # at most the one being printed
        invoiced = now_invoiced
        assert check(office).ok, check(office).problems
    assert interrupted >= 20, f"only {interrupted} of {ROUNDS} kills hit the invoicing"
    out, err = _start(office.root).communicate(timeout=TIMEOUT_S)
    assert out.strip().endswith("done"), err
    assert len(check_invoices_and_postings(office, 1)) == PER_ROUND * (ROUNDS + 1)
