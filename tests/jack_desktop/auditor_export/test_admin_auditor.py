"""`jack-desktop-admin auditor export`, run as a real subprocess like the administrator does.

No login: the export is recorded as made by the command line and the OS user. A bad value
gets one line on stderr naming the option, exit status 2, and writes nothing.
"""

import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tenant_store.audit import AUDITED
from tenant_store.logical import Logical

from .conftest import TODAY
from .reading import read_export

REPO_ROOT = Path(__file__).resolve().parents[3]


def run_cli(root: Path, *args: str) -> tuple[int, str, str]:
    env = dict(os.environ, LANGUAGE="en", QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.pop("JACK_LANG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "jack_desktop.admin_cli", "--data-dir", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(REPO_ROOT),
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _export(books, *args: str) -> tuple[int, str, str]:
    return run_cli(books.root, "auditor", "export", *args)


def _exports_recorded(books, nr: int) -> list:
    model = AUDITED[Logical.ACCOUNTING]
    with books.open_session(nr, read_only=True) as s, s.bound():
        return list(model.select().where(model.object_kind == "auditor_export"))


def test_the_administrator_exports_without_a_login(books, out):
    rc, stdout, stderr = _export(
        books, "--tenant", "0", "--year", str(TODAY.year), "--out", str(out)
    )
    assert (rc, stderr) == (0, "")
    [zip_path] = out.iterdir()
    assert str(zip_path) in stdout
    export = read_export(zip_path)
    assert {t["tenant_nr"] for t in export.tables["tenants"]} == {0, 1}
    counts = dict(line.split() for line in stdout.splitlines()[1:])
    assert counts == {name: str(len(rows)) for name, rows in export.tables.items()}
    [recorded] = [r for r in _exports_recorded(books, 0) if r.object_id == zip_path.name]
    assert recorded.user == f"jack-desktop-admin ({getpass.getuser()})"
    assert json.loads(recorded.new_values)["fiscal_year"] == TODAY.year


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--tenant", "1", "--year", str(TODAY.year)), "--tenant"),  # central accounting
        (("--tenant", "77", "--year", str(TODAY.year)), "--tenant"),
        (("--tenant", "x", "--year", str(TODAY.year)), "--tenant"),
        (("--tenant", "0", "--year", "letztes"), "--year"),
        (("--tenant", "0", "--year", str(TODAY.year + 1)), "--year"),
    ],
)
def test_bad_values_name_the_option_and_write_nothing(books, out, args, option):
    before = len(_exports_recorded(books, 0))
    rc, _stdout, stderr = _export(books, *args, "--out", str(out))
    lines = stderr.strip().splitlines()
    assert rc == 2, stderr
    assert len(lines) == 1 and "Traceback" not in stderr
    assert option in lines[0]
    assert list(out.iterdir()) == []
    assert len(_exports_recorded(books, 0)) == before


def test_a_missing_folder_is_named_as_the_out_option(books, out):
    rc, _stdout, stderr = _export(
        books, "--tenant", "3", "--year", str(TODAY.year - 1), "--out", str(out / "nowhere")
    )
    assert rc == 2
    assert "--out" in stderr and "nowhere" in stderr
    assert list(out.iterdir()) == []


def test_the_options_are_required(books):
    rc, _stdout, stderr = _export(books, "--tenant", "0")
    assert rc == 2
    assert "--year" in stderr
