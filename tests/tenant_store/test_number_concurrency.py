"""DESIGN Guarantees: several clerks (processes) never get duplicate numbers and never see
"database is locked"; a number range hands out no number outside it.

Four real processes, each with its own session of the same tenant, draw booking numbers at the
same moment, one transaction per number.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tenant_store import TenantSpec, create_tenant
from tenant_store.errors import RangeExhausted
from tenant_store.number_ranges import BOOKING, next_booking_number, peek_next

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "workers" / "draw_numbers_worker.py"
PROCESSES = 4
PER_PROCESS = 500
READY_TIMEOUT_S = 120.0
RUN_TIMEOUT_S = 240.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def _run_drawers(root: Path, nr: int, count: int, work: Path) -> list[tuple[list[int], str]]:
    """Start the workers, release them together, return each one's numbers and END line."""
    work.mkdir()
    go = work / "go"
    procs, outs = [], []
    for i in range(PROCESSES):
        ready, out = work / f"ready-{i}", work / f"out-{i}.txt"
        outs.append(out)
        procs.append(
            (
                ready,
                subprocess.Popen(
                    [
                        sys.executable,
                        str(WORKER),
                        str(root),
                        str(nr),
                        str(count),
                        str(ready),
                        str(go),
                        str(out),
                    ],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=_env(),
                    cwd=REPO,
                ),
            )
        )
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not all(ready.exists() for ready, _ in procs):
            failed = [p for _, p in procs if p.poll() is not None]
            assert not failed, f"a worker ended before it was ready: {failed[0].communicate()}"
            assert time.monotonic() < deadline, "the workers did not get ready"
            time.sleep(0.01)
        (work / "go.tmp").touch()
        os.rename(work / "go.tmp", go)  # all four see it at once
        results = [p.communicate(timeout=RUN_TIMEOUT_S) for _, p in procs]
    finally:
        for _, p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    drawn = []
    for i, ((_, proc), (stdout, stderr)) in enumerate(zip(procs, results, strict=True)):
        output = stdout + stderr
        assert "locked" not in output.lower(), f"worker {i} saw a locked database:\n{output}"
        assert proc.returncode == 0, f"worker {i} failed ({proc.returncode}):\n{output}"
        lines = outs[i].read_text(encoding="utf-8").splitlines()
        assert lines and lines[-1].startswith("END "), f"worker {i} did not finish: {lines[-3:]}"
        drawn.append(([int(line) for line in lines[:-1]], lines[-1]))
    return drawn


def _assert_increasing(numbers: list[int], who: str) -> None:
    pairs = zip(numbers, numbers[1:], strict=False)
    assert all(a < b for a, b in pairs), f"{who} drew out of order: {numbers}"


@pytest.fixture
def shared_tenant(inst):
    """Tenant 1 with central accounting and tickets: its numbers meet tenant 0's (R5)."""
    create_tenant(inst, TenantSpec(1, "Parallel Reisen", central=["accounting", "tickets"]))
    return inst


def test_four_processes_draw_distinct_booking_numbers(shared_tenant, tmp_path):
    inst = shared_tenant
    first, last = inst.tenant(1).booking_range
    drawn = _run_drawers(inst.root, 1, PER_PROCESS, tmp_path / "draw")

    everything = []
    for i, (numbers, end) in enumerate(drawn):
        assert end == "END ok", f"worker {i}: {end}"
        assert len(numbers) == PER_PROCESS, f"worker {i} drew {len(numbers)}"
        _assert_increasing(numbers, f"worker {i}")
        everything += numbers
    assert len(everything) == PROCESSES * PER_PROCESS
    assert len(set(everything)) == len(everything), "a booking number was handed out twice"
    assert all(first <= n <= last for n in everything), "a number lies outside the range"
    # One committed transaction per number and no failures: no write was lost either.
    assert sorted(everything) == list(range(first, first + PROCESSES * PER_PROCESS))
    with inst.open_session(1) as session:
        assert peek_next(session, BOOKING, first) == first + PROCESSES * PER_PROCESS
    # Tenant 0's counter lives in its own bookings file and was not touched.
    with inst.open_session(0) as session:
        assert next_booking_number(session) == inst.tenant(0).booking_range[0]


def test_tiny_range_is_handed_out_exactly_once(inst, tmp_path):
    create_tenant(
        inst,
        TenantSpec(
            1, "Kleine Reisen", central=["accounting", "tickets"], booking_range=(100_000, 100_009)
        ),
    )
    drawn = _run_drawers(inst.root, 1, 0, tmp_path / "draw")

    everything = []
    for i, (numbers, end) in enumerate(drawn):
        assert end.startswith("END RangeExhausted "), f"worker {i} ended with {end!r}"
        message = end.removeprefix("END RangeExhausted ")
        assert "100000-100009" in message and "tenant 1" in message, message
        _assert_increasing(numbers, f"worker {i}")
        everything += numbers
    assert sorted(everything) == list(range(100_000, 100_010)), (
        f"expected each of the 10 numbers once, got {sorted(everything)}"
    )
    with inst.open_session(1) as session:
        with pytest.raises(RangeExhausted):
            next_booking_number(session)
        assert peek_next(session, BOOKING, 100_000) == 100_010
