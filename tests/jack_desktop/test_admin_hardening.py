"""The admin command line on damaged files and bad input (issue 11), run as real subprocesses.

Damage stays local: `check` finishes and names every damaged file, `tenant list` lists the other
tenants. Bad input is refused with exit 2 and one line naming the field; nothing is changed and
no escape sequence reaches the terminal.
"""

import os
import sqlite3
from pathlib import Path

import pytest

from tenant_store.users import LOCK_AFTER, add_user, authenticate, grant
from ui.app import open_installation

from ..tenant_store.test_damage import kill_a_writer_of, sha
from .test_admin_cli import assert_invalid, assert_unchanged, one_line, run_cli, snapshot

ESC = "\x1b"


@pytest.fixture
def root(inst3) -> Path:
    """Tenants 0, 1 and 2 (see conftest), with anna as admin of tenant 0; closed for the CLI."""
    add_user(inst3, "anna", "Anna Albers", "geheim123")
    grant(inst3, "anna", 0, "admin")
    inst3.close()
    return inst3.root


# -- damaged files ------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_a_killed_writers_journal_is_rolled_back_by_check_list_and_show(root):
    path = root / "Mandant" / "2" / "customers.db"
    before = sha(path)
    for args in (("check",), ("tenant", "list"), ("tenant", "show", "2")):
        journal = kill_a_writer_of(path)
        rc, out, err = run_cli(root, *args)  # used to fail: 'attempt to write a readonly database'
        assert rc == 0, err
        assert not journal.exists() and sha(path) == before


def test_a_cut_off_file_is_named_by_check_and_marked_in_the_list(root):
    cut = root / "Mandant" / "2" / "customers.db"
    with cut.open("r+b") as handle:
        handle.truncate(5000)
    rc, out, err = run_cli(root, "check")
    assert rc == 1 and err == "", err  # used to stop with one line ending 'Run check.'
    problems = [line for line in out.splitlines() if line.startswith("PROBLEM:")]
    assert problems == [
        f"PROBLEM: {cut} is damaged: the file is shorter than its header says (cut off). "
        "Restore it from a backup, then run 'check' again."
    ]
    assert out.splitlines()[-1] == "17 files checked: problems found"
    rc, out, err = run_cli(root, "tenant", "list")  # used to fail for every tenant
    assert rc == 1, err
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["0", "1", "2"]
    assert "bookings:" in lines[0] and "bookings:" in lines[1]
    assert "PROBLEM:" in lines[2] and str(cut) in lines[2]
    rc, out, err = run_cli(root, "tenant", "show", "1")
    assert rc == 0, err


def test_a_zeroed_registry_is_named_with_what_to_do(root):
    registry = root / "installation.db"
    with registry.open("r+b") as handle:
        handle.write(b"\0" * 100)
    rc, out, err = run_cli(root, "tenant", "list")  # used to say only 'file is not a database'
    assert rc == 1
    assert one_line(err) == (
        f"jack-desktop-admin: {registry} is not a database file, or its first page is "
        "damaged. Restore it from a backup, then run 'check' again."
    )
    rc, out, err = run_cli(root, "check")
    assert rc == 1 and f"PROBLEM: {registry} is not a database file" in out, err
    assert out.splitlines()[-1] == "17 files checked: problems found"


def test_an_empty_file_is_called_empty_and_migrate_does_not_touch_it(root):
    empty = root / "Mandant" / "2" / "accounting.db"  # own (tenant 1's is tenant 0's)
    empty.write_bytes(b"")
    rc, out, err = run_cli(root, "check")
    assert rc == 1 and f"PROBLEM: {empty} is empty (0 bytes)" in out, (out, err)
    before = snapshot(root)
    rc, out, err = run_cli(root, "migrate")  # used to fail with 'no such table'
    assert rc == 1
    line = one_line(err)
    assert f"{empty} is empty (0 bytes)" in line and "backup" in line
    assert_unchanged(before, root)


def test_a_read_only_registry_is_named(root):
    registry = root / "installation.db"
    if os.geteuid() == 0:
        if os.system(f"chattr +i '{registry}' 2>/dev/null") != 0:
            pytest.skip("root ignores file modes and chattr +i does not work here")
    else:
        registry.chmod(0o444)
    try:
        before = snapshot(root)
        rc, out, err = run_cli(
            root, "user", "add", "bernd", "--name", "Bernd", "--password-stdin", stdin="geheim123\n"
        )
        assert rc == 1
        line = one_line(err)  # used to be 'attempt to write a readonly database'
        assert line.startswith(f"jack-desktop-admin: {registry} is read-only"), line
        assert_unchanged(before, root)
    finally:
        if os.geteuid() == 0:
            os.system(f"chattr -i '{registry}'")
        else:
            registry.chmod(0o644)


# -- --data-dir ---------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [("init",), ("check",), ("tenant", "list")])
def test_a_data_dir_that_is_a_file_is_refused_naming_the_option(tmp_path, args):
    file = tmp_path / "notes.txt"
    file.write_text("not a folder", encoding="utf-8")
    line = assert_invalid(run_cli(file, *args), "--data-dir")
    assert line == (
        f"jack-desktop-admin: --data-dir: {file} is a file, not a folder: give the folder of "
        "the installation."
    )
    assert file.read_text(encoding="utf-8") == "not a folder"


def test_the_desktop_client_refuses_the_same_data_dir_with_the_same_message(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("not a folder", encoding="utf-8")
    from tenant_store import ValidationError

    with pytest.raises(ValidationError) as error:
        open_installation(str(file))  # ui.app.run shows a StoreError in a message box
    assert str(error.value) == (
        f"--data-dir: {file} is a file, not a folder: give the folder of the installation."
    )


# -- users ----------------------------------------------------------------------------------------


ADD = ("user", "add", "--password-stdin")
GRANT = ("user", "grant", "anna", "--tenant", "1", "--role", "clerk")


@pytest.mark.parametrize(
    ("args", "password", "field"),
    [
        ((*ADD, "carla", "--name", f"{ESC}[31mCarla{ESC}[0m"), "geheim123", "name"),
        ((*ADD, "carla", "--name", "Carla\u0007"), "geheim123", "name"),
        ((*ADD, "carla", "--name", "Carla\nCarlsen"), "geheim123", "name"),
        ((*ADD, "carla", "--name", "C" * 10_000), "geheim123", "name"),
        ((*ADD, f"carla{ESC}[2J", "--name", "Carla"), "geheim123", "login"),
        ((*ADD, "carla", "--name", "Carla"), " " * 8, "password"),
        ((*GRANT, "--team", "t" * 10_000), None, "team"),
        ((*GRANT, "--team", f"A{ESC}[5m"), None, "team"),
    ],
)
def test_bad_user_input_is_refused_in_one_clean_line(root, args, password, field):
    before = snapshot(root)
    stdin = None if password is None else password + "\n"
    line = assert_invalid(run_cli(root, *args, stdin=stdin), field)
    assert line.startswith(f"jack-desktop-admin: {field}: ")
    assert ESC not in line and "\u0007" not in line and len(line) < 300, repr(line)
    assert_unchanged(before, root)


def test_an_administrator_unlocks_a_locked_login(root):
    from tenant_store import Installation
    from tenant_store.errors import LoginLocked

    with Installation.open(root) as inst:
        for _ in range(LOCK_AFTER - 1):
            authenticate(inst, "anna", "falsch!!")
        with pytest.raises(LoginLocked, match="jack-desktop-admin user unlock anna"):
            authenticate(inst, "anna", "falsch!!")
    rc, out, err = run_cli(root, "user", "unlock", "anna")
    assert rc == 0, err
    assert out.strip() == "The login 'anna' is unlocked; it can log in again."
    with Installation.open(root) as inst:
        assert authenticate(inst, "anna", "geheim123").login == "anna"
    assert_invalid(run_cli(root, "user", "unlock", "carla"), "login")


def test_the_registry_of_an_old_installation_gets_the_lock_table_by_migrate(root):
    from tenant_store.migrations import SCHEMA_VERSIONS, downgrade_file
    from tenant_store.sqlite_files import single_file

    conn = single_file("installation", root / "installation.db")
    downgrade_file(conn, "installation", SCHEMA_VERSIONS["installation"], 2)
    conn.close()
    rc, out, err = run_cli(root, "migrate")
    assert rc == 0, err
    with sqlite3.connect(root / "installation.db") as conn:
        assert conn.execute("SELECT count(*) FROM login_failure").fetchone() == (0,)


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--name", "Nord\x1b[31mRot", "name"),
        ("--street", "Hauptstr. 1\x07", "street"),
        ("--phone", "0221\n12345", "phone"),
        ("--street", "x" * 10_000, "street"),
        ("--email", "not an email", "email"),
    ],
)
def test_tenant_fields_with_control_characters_or_too_long_are_refused(root, option, value, field):
    before = snapshot(root)
    line = assert_invalid(
        run_cli(root, "tenant", "create", "5", "--name", "Ost", option, value), field
    )
    assert "\x1b" not in line and "\x07" not in line  # nothing reaches the terminal raw
    assert snapshot(root) == before


def test_a_text_file_named_like_a_png_is_no_logo(root, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("this is not a picture")
    before = snapshot(root)
    line = assert_invalid(
        run_cli(root, "tenant", "create", "5", "--name", "Ost", "--logo", str(fake)), "logo"
    )
    assert "PNG or JPEG" in line
    assert snapshot(root) == before
