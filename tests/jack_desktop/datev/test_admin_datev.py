"""`jack-desktop-admin datev export`, run as a real subprocess like the other commands."""

from datetime import date, timedelta

import pytest

from jack_desktop.accounting import Line
from jack_desktop.datev.validator import validate_file
from jack_desktop.period_locks import lock_state
from tenant_store.models.accounting import AuditRecord, PeriodLock
from tenant_store.tenant_edit import update_tenant

from ..test_admin_cli import one_line, run_cli
from .books import CLIENT, invoice, post


@pytest.fixture
def installed(agency):
    with agency.open_session(0) as s:
        invoice(s, date(2026, 3, 5))
    with agency.open_session(1) as s:
        invoice(s, date(2026, 3, 7))
    return agency


def export(inst, tmp_path, *options):
    return run_cli(inst.root, "datev", "export", "--out", str(tmp_path / "out"), *options)


def test_the_export_prints_its_files_and_rows(installed, tmp_path):
    rc, out, err = export(
        installed, tmp_path, "--tenant", "0", "--from", "2026-01-01", "--to", "30.06.2026"
    )
    assert (rc, err) == (0, "")
    lines = out.strip().splitlines()
    files = [line for line in lines if line.endswith(".csv")]
    assert [f.rsplit("/", 1)[-1] for f in files][
        0
    ] == f"EXTF_Buchungsstapel_{CLIENT}_20260101_20260630.csv"
    for name in files:
        assert validate_file(tmp_path / "out" / name.rsplit("/", 1)[-1]) == []
    assert "4 booking rows from" in out
    with installed.open_session(0) as s, s.bound():
        recorded = AuditRecord.select().where(AuditRecord.object_kind == "datev_export").get()
    assert recorded.user.startswith("jack-desktop-admin (")


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (("--tenant", "0", "--from", "2026-13-01", "--to", "2026-06-30"), "--from"),
        (("--tenant", "0", "--from", "2026-01-01", "--to", "30.2.2026"), "--to"),
        (("--tenant", "9", "--from", "2026-01-01", "--to", "2026-06-30"), "--tenant"),
        (("--tenant", "1", "--from", "2026-01-01", "--to", "2026-06-30"), "--tenant"),
        (("--tenant", "0", "--from", "2026-06-01", "--to", "2026-01-31"), "--to"),
        (("--tenant", "0", "--from", "2026-01-01", "--to", "2026-01-30", "--lock"), "--lock"),
        (("--tenant", "2", "--from", "2026-01-01", "--to", "2026-06-30"), "datev_adviser"),
    ],
)
def test_bad_input_is_one_line_naming_the_option_and_writes_nothing(
    installed, tmp_path, options, named
):
    rc, out, err = export(installed, tmp_path, *options)
    assert rc == 2, (out, err)
    assert one_line(err).startswith(f"jack-desktop-admin: {named}: ")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_lock_locks_the_books_under_the_command_lines_name(agency, tmp_path):
    end = date.today().replace(day=1) - timedelta(days=1)
    start = end.replace(day=1)
    update_tenant(agency, 0, books={"fiscal_year_start": start.month})
    with agency.open_session(0) as s:
        post(s, end, "Miete", [Line("6310", debit="900"), Line("1800", credit="900")])
    rc, out, err = export(
        agency,
        tmp_path,
        "--tenant",
        "0",
        "--from",
        start.isoformat(),
        "--to",
        end.isoformat(),
        "--lock",
    )
    assert (rc, err) == (0, "")
    assert "the period is locked" in out
    with agency.open_session(0) as s:
        assert lock_state(s).locked_through == end
        with s.bound():
            lock = PeriodLock.select().order_by(PeriodLock.id.desc()).first()
    assert lock.locked_by.startswith("jack-desktop-admin (") and not lock.automatic
