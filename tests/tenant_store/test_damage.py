"""Damage stays local (issue 11): a crashed writer's journal, cut-off, empty, zeroed and read-only
files each give one message that names the file and says what to do; `check` always finishes.
"""

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jack_desktop.customers import create_customer
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.errors import DamagedFile, ReadOnlyFile
from tenant_store.integrity import check
from tenant_store.models.customers import Customer
from tenant_store.sqlite_files import integrity_problems, read_user_version
from tenant_store.updates import migrate, plan
from tenant_store.users import add_user, grant

from .snapshot import snapshot

REPO = Path(__file__).resolve().parents[2]

# Writes into one file until SQLite has spilled changed pages into it, then dies: the journal
# left behind is hot, and the file is only right again once it is rolled back.
KILLED_WRITER = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE crash (x)")
for _ in range(200):
    conn.execute("INSERT INTO crash VALUES (randomblob(2000))")
os.kill(os.getpid(), signal.SIGKILL)
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kill_a_writer_of(path: Path) -> Path:
    """Leave a hot journal beside `path`, as a writer killed mid-transaction does."""
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(path)], capture_output=True, timeout=60
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    journal = path.with_name(path.name + "-journal")
    assert journal.is_file() and journal.stat().st_size > 0
    return journal


@pytest.fixture
def two(inst):
    """Tenant 0 and tenants 1 and 2, everything own."""
    create_tenant(inst, TenantSpec(1, "Nord"))
    create_tenant(inst, TenantSpec(2, "Süd"))
    return inst


# -- a writer killed mid-transaction ------------------------------------------------------------

pytestmark_posix = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")


@pytestmark_posix
@pytest.mark.parametrize("reader", [read_user_version, integrity_problems])
def test_reading_a_file_rolls_back_a_killed_writers_journal(two, reader):
    path = two.tenant_dir(1) / "customers.db"
    before = sha(path)
    journal = kill_a_writer_of(path)
    assert sha(path) != before  # the file holds half a transaction
    reader(path)  # used to fail: 'attempt to write a readonly database'
    assert not journal.exists()
    assert sha(path) == before


@pytestmark_posix
def test_check_rolls_back_a_killed_writers_journal_and_passes(two):
    path = two.tenant_dir(2) / "bookings.db"
    before = sha(path)
    journal = kill_a_writer_of(path)
    report = check(two)
    assert report.ok, report.problems
    assert not journal.exists() and sha(path) == before


# -- cut off, empty and zeroed files ---------------------------------------------------------------


def test_a_cut_off_file_is_named_and_every_other_file_is_still_checked(two):
    cut = two.tenant_dir(2) / "customers.db"
    with cut.open("r+b") as handle:
        handle.truncate(5000)  # an interrupted copy
    (two.tenant_dir(1) / "notes.db").unlink()
    report = check(two)  # used to stop at the cut-off file with "... Run check."
    assert report.files_checked == 1 + 3 * 7 - 1
    cut_problems = [p for p in report.problems if str(cut) in p]
    assert len(cut_problems) == 1, report.problems
    assert "cut off" in cut_problems[0] and "backup" in cut_problems[0]
    assert "Run check" not in cut_problems[0]
    assert any("notes" in p and "missing" in p for p in report.problems), report.problems


def test_a_file_with_partly_damaged_pages_is_named_with_the_advice(two):
    path = two.tenant_dir(2) / "customers.db"
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 512] = b"\xff" * 512
    path.write_bytes(bytes(data))
    problems = [p for p in check(two).problems if str(path) in p]
    assert len(problems) == 1 and "backup" in problems[0], problems


def test_an_empty_file_is_called_empty_and_migrate_is_not_advised(two):
    empty = two.tenant_dir(2) / "accounting.db"
    empty.write_bytes(b"")
    problems = [p for p in check(two).problems if str(empty) in p]
    assert len(problems) == 1 and "empty (0 bytes)" in problems[0], problems
    with pytest.raises(DamagedFile, match="empty") as error:
        two.open_session(2)  # used to say: run the update ('migrate') first
    assert str(empty) in str(error.value) and "migrate" not in str(error.value)
    before = snapshot(two.root)
    for update in (plan, migrate):  # migrate used to fail with 'no such table'
        with pytest.raises(DamagedFile, match="empty") as error:
            update(two)
        assert error.value.path == empty
    assert snapshot(two.root) == before
    with two.open_session(1):  # the other tenants work on
        pass


def _zero_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"\0" * 100)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    ("damage", "words"), [(_zero_header, "not a database file"), (_empty, "empty (0 bytes)")]
)
def test_a_damaged_registry_is_named_and_the_tenants_files_are_still_checked(two, damage, words):
    registry = two.root / "installation.db"
    two.close()
    damage(registry)
    (two.tenant_dir(1) / "tickets.db").write_bytes(b"")
    with Installation.open(two.root) as inst:
        with pytest.raises(DamagedFile, match="backup") as error:
            inst.tenants()  # used to say 'file is not a database' or 'no such table'
        assert error.value.path == registry and str(registry) in str(error.value)
        report = check(inst)
    assert any(str(registry) in p and words in p for p in report.problems), report.problems
    assert any(str(two.tenant_dir(1) / "tickets.db") in p for p in report.problems)
    assert report.files_checked == 1 + 3 * 7


def test_opening_a_tenant_with_a_zeroed_file_names_it_and_the_others_open(two):
    zeroed = two.tenant_dir(1) / "notes.db"
    with zeroed.open("r+b") as handle:
        handle.write(b"\0" * 100)
    with pytest.raises(DamagedFile) as error:
        two.open_session(1)  # used to say only 'file is not a database'
    assert error.value.path == zeroed
    assert str(error.value).startswith(f"{zeroed} is not a database file")
    for nr in (0, 2):
        with two.open_session(nr):
            pass


def test_a_file_of_another_program_is_no_jack_desktop_database(two):
    path = two.tenant_dir(1) / "notes.db"
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (x)")
    with pytest.raises(DamagedFile, match="not a Jack Desktop database"):
        read_user_version(path)
    assert any(str(path) in p and "backup" in p for p in check(two).problems)


# -- read-only files and folders ---------------------------------------------------------------


def _chattr(flag: str, path: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def read_only():
    """Make a file or folder read-only. As root, file modes stop nothing, so the immutable flag
    is used (skipped where chattr does not work); otherwise the mode is taken away."""
    undo = []

    def make(path: Path) -> None:
        if os.geteuid() == 0:
            if not _chattr("+i", path):
                pytest.skip("root ignores file modes and chattr +i does not work here")
            undo.append(lambda: _chattr("-i", path))
        else:
            mode = path.stat().st_mode
            path.chmod(0o555 if path.is_dir() else 0o444)
            undo.append(lambda: path.chmod(mode))

    yield make
    for action in reversed(undo):
        action()


@pytest.fixture
def clerk(two):
    add_user(two, "anna", "Anna Albers", "geheim123")
    grant(two, "anna", 1, "admin")
    root = two.root
    two.close()
    return root


def _customers(root: Path) -> int:
    with Installation.open(root) as inst, inst.open_session(1) as session, session.bound():
        return Customer.select().count()


def test_a_read_only_file_is_named_and_nothing_changes(clerk, read_only):
    path = clerk / "Mandant" / "1" / "customers.db"
    count = _customers(clerk)
    read_only(path)
    before = snapshot(clerk)
    with (
        Installation.open(clerk) as inst,
        inst.open_session(1) as session,
        pytest.raises(ReadOnlyFile) as error,
    ):
        create_customer("anna", session, {"first_name": "Hans", "last_name": "Müller"})
    message = str(error.value)  # used to be 'attempt to write a readonly database'
    assert message.startswith(f"{path} is read-only") and "writable" in message, message
    assert snapshot(clerk) == before
    with Installation.open(clerk) as inst:
        assert check(inst).ok  # reading a read-only file is fine
    assert _customers(clerk) == count


def test_a_read_only_folder_is_named_and_nothing_changes(clerk, read_only):
    folder = clerk / "Mandant" / "1"
    read_only(folder)
    before = snapshot(clerk)
    with (
        Installation.open(clerk) as inst,
        inst.open_session(1) as session,
        pytest.raises(ReadOnlyFile) as error,
    ):
        create_customer("anna", session, {"first_name": "Hans", "last_name": "Müller"})
    message = str(error.value)  # used to be 'unable to open database file'
    assert f"The folder {folder} is read-only" in message and "writable" in message, message
    assert snapshot(clerk) == before


def test_a_read_only_registry_is_named(clerk, read_only):
    registry = clerk / "installation.db"
    read_only(registry)
    before = snapshot(clerk)
    with Installation.open(clerk) as inst, pytest.raises(ReadOnlyFile) as error:
        add_user(inst, "bernd", "Bernd Bauer", "geheim123")
    assert str(error.value).startswith(f"{registry} is read-only"), error.value
    assert snapshot(clerk) == before
