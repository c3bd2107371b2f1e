"""The administrator's command line, run as a real subprocess (`python -m jack_desktop.admin_cli`).

Contract (from the issue):

    jack-desktop-admin [--data-dir DIR] init
    jack-desktop-admin [--data-dir DIR] tenant list [--json]
    jack-desktop-admin [--data-dir DIR] tenant create NR --name NAME [--central LIST] [--copy LIST]
                                                         [--booking-range FIRST-LAST]
    jack-desktop-admin [--data-dir DIR] tenant show NR [--json]
    jack-desktop-admin [--data-dir DIR] migrate [--plan]
    jack-desktop-admin [--data-dir DIR] check [--json]
    jack-desktop-admin [--data-dir DIR] user add LOGIN --name NAME --password-stdin
    jack-desktop-admin [--data-dir DIR] user grant LOGIN --tenant NR --role ROLE [--team TEAM]

Exit status 0 success, 2 invalid input (ONE clear line on stderr naming the field), 1 any other
failure. Refused input changes nothing: every refusal is checked against a snapshot of the whole
installation folder (names, sizes, mtimes, contents, link targets) and of the registry.

One installation (tenant 0, tenant 5 with central postal+accounting, tenant 12 with everything
own) is built once per module and only read; tests that change something work on a copy of it.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PROG = [sys.executable, "-m", "jack_desktop.admin_cli"]

LOGICAL = ("basedata", "postal", "customers", "bookings", "tickets", "notes", "accounting")
CENTRAL_OPTIONS = ("postal", "customers", "tickets", "notes", "accounting")

# Tenant 5: central postal + accounting (shares booking numbers), default range 500000-599999.
# Tenant 12: everything own, base data and postal codes copied, range 1200000-1299999.
SHARING_NR, OWN_NR = 5, 12
UNUSED_NR = "8"


# -- helpers ------------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [env.get("PYTHONPATH", "")])]
    )
    env["LANGUAGE"] = "en"  # the messages checked below are the English ones
    env.pop("JACK_LANG", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_cli(data_dir: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run `jack-desktop-admin --data-dir DATA_DIR ARGS...`; returns (rc, stdout, stderr)."""
    proc = subprocess.run(
        [*PROG, "--data-dir", str(data_dir), *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=_env(),
        cwd=str(REPO_ROOT),
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def one_line(err: str) -> str:
    """The single stderr line the contract demands (no traceback, no second line)."""
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected exactly one line on stderr, got {len(lines)}:\n{err}"
    return lines[0]


def assert_invalid(result: tuple[int, str, str], *field_names: str) -> str:
    """Exit 2 with one stderr line that names the field (any of `field_names`)."""
    rc, out, err = result
    line = one_line(err)
    assert rc == 2, f"exit status {rc}, expected 2 (invalid input); stderr: {err!r}"
    assert any(name.lower() in line.lower() for name in field_names), (
        f"stderr line does not name the field {field_names}: {line!r}"
    )
    return line


def registry_dump(root: Path) -> dict[str, list[str]]:
    """Every row of every table of installation.db, read-only."""
    path = root / "installation.db"
    if not path.is_file():
        return {}
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{t}"')) for t in tables
        }
    finally:
        conn.close()


def snapshot(root: Path) -> dict:
    """Names, kinds, sizes, mtimes, contents and link targets below `root`, plus the registry."""
    entries = {}
    if root.exists():
        for dirpath, dirnames, filenames in os.walk(root):
            for name in sorted(dirnames + filenames):
                path = Path(dirpath) / name
                rel = str(path.relative_to(root))
                st = path.lstat()
                if path.is_symlink():
                    entries[rel] = ("link", os.readlink(path))
                elif path.is_dir():
                    entries[rel] = ("dir",)
                else:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    entries[rel] = ("file", st.st_size, st.st_mtime_ns, digest)
    return {"entries": entries, "registry": registry_dump(root)}


def assert_unchanged(before: dict, root: Path) -> None:
    after = snapshot(root)
    assert after["entries"] == before["entries"], _diff(before["entries"], after["entries"])
    assert after["registry"] == before["registry"], "the registry (installation.db) changed"


def _diff(before: dict, after: dict) -> str:
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    return f"files changed: added={added} removed={removed} changed={changed}"


def show_json(root: Path, nr: int | str) -> dict:
    rc, out, err = run_cli(root, "tenant", "show", str(nr), "--json")
    assert rc == 0, err
    return json.loads(out)


def real(path: Path | str) -> str:
    return os.path.realpath(path)


# -- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """An installation built through the CLI: tenant 0, 5 (central postal+accounting), 12 (own)."""
    root = tmp_path_factory.mktemp("admin-cli") / "inst"
    rc, out, err = run_cli(root, "init")
    assert rc == 0, err
    rc, out, err = run_cli(
        root,
        "tenant",
        "create",
        str(SHARING_NR),
        "--name",
        "Reisebüro Nord",
        "--central",
        "postal,accounting",
    )
    assert rc == 0, err
    rc, out, err = run_cli(
        root,
        "tenant",
        "create",
        str(OWN_NR),
        "--name",
        "Süd Reisen GmbH",
        "--copy",
        "basedata,postal",
    )
    assert rc == 0, err
    return root


@pytest.fixture(scope="module")
def shared(template, tmp_path_factory) -> Path:
    """A copy of the template that tests only read (or refuse to change)."""
    root = tmp_path_factory.mktemp("admin-cli-shared") / "inst"
    shutil.copytree(template, root, symlinks=True)
    return root


@pytest.fixture(scope="module")
def listing(shared) -> list:
    """`tenant list --json` of the shared installation (read once)."""
    before = snapshot(shared)
    rc, out, err = run_cli(shared, "tenant", "list", "--json")
    assert rc == 0, err
    assert_unchanged(before, shared)  # listing changes nothing
    return json.loads(out)


@pytest.fixture
def fresh(template, tmp_path) -> Path:
    """A private copy of the template for a test that changes the installation."""
    root = tmp_path / "inst"
    shutil.copytree(template, root, symlinks=True)
    return root


# -- init -----------------------------------------------------------------------------------------


def test_init_on_empty_dir_creates_then_second_init_changes_nothing(tmp_path):
    root = tmp_path / "empty"
    root.mkdir()

    rc, out, err = run_cli(root, "init")
    assert rc == 0, err
    assert out.strip(), "init should say what it did"
    for name in (*(f"{db}.db" for db in LOGICAL), "installation.db", "manifest.json"):
        assert (root / name).is_file(), f"{name} missing after init"
    assert (root / "Mandant").is_dir()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".jack-init")], (
        "the incomplete-init marker must be gone after a successful init"
    )

    before = snapshot(root)
    rc, out, err = run_cli(root, "init")
    assert rc == 0, err
    assert re.search(r"nothing.*changed", out, re.IGNORECASE), out
    assert_unchanged(before, root)


def test_init_demo_prints_tenants_and_users_who_can_log_in_and_is_refused_a_second_time(
    tmp_path,
):
    from tenant_store.users import verify_password

    root = tmp_path / "demo"
    assert_invalid(run_cli(root, "init", "--demo", "--name", "X"), "--name", "--demo")
    assert not root.exists()

    rc, out, err = run_cli(root, "init", "--demo")

    assert rc == 0, err
    for name in ("Reisebüro Sonnenschein", "Sonnenschein Firmenreisen", "Gruppenreisen"):
        assert name in out
    assert re.search(r"\b300 customers\b", out), out
    # "  login  password  0: role (team), 1: role (team)", one user per line
    users = dict(re.findall(r"^ +([a-z][a-z0-9._-]+) +(\S+) +\d.*: \w+", out, re.MULTILINE))
    assert {"admin", "mueller", "schmidt", "weber", "lehmann"} <= set(users), out
    hashes = {login: stored for login, _name, stored in _user_rows(root)}
    for login, password in users.items():
        assert verify_password(password, hashes[login]), f"{login} cannot log in with {password}"

    before = snapshot(root)
    rc, out, err = run_cli(root, "init", "--demo")
    assert rc == 1, err
    assert "already an installation" in one_line(err)
    assert_unchanged(before, root)


def test_init_refuses_a_non_empty_folder_that_is_not_an_installation(tmp_path):
    root = tmp_path / "documents"
    root.mkdir()
    (root / "letter.txt").write_text("Dear customer\n", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "notes.db").write_bytes(b"not a database")
    before = snapshot(root)

    rc, out, err = run_cli(root, "init")

    assert rc != 0
    one_line(err)
    assert_unchanged(before, root)


@pytest.mark.parametrize(
    "args",
    [("tenant", "list"), ("check", "--json"), ("migrate", "--plan")],
    ids=["tenant-list", "check", "migrate-plan"],
)
def test_command_on_a_folder_that_is_not_an_installation_fails_with_one_line(tmp_path, args):
    root = tmp_path / "documents"
    root.mkdir()
    (root / "letter.txt").write_text("Dear customer\n", encoding="utf-8")
    before = snapshot(root)

    rc, out, err = run_cli(root, *args)

    assert rc == 1, f"exit status {rc}, expected 1; stderr: {err!r}"
    one_line(err)
    assert_unchanged(before, root)


def test_command_on_a_missing_folder_fails_and_creates_nothing(tmp_path):
    root = tmp_path / "missing"
    rc, out, err = run_cli(root, "tenant", "show", "0", "--json")
    assert rc == 1, err
    one_line(err)
    assert not root.exists()


# -- tenant show / list -------------------------------------------------------------------------


def test_tenant_show_json_of_a_tenant_with_central_and_own_databases(shared, listing):
    before = snapshot(shared)
    data = show_json(shared, SHARING_NR)
    zero = listing[0]

    assert data["nr"] == SHARING_NR
    assert data["name"] == "Reisebüro Nord"
    folder = real(shared / "Mandant" / str(SHARING_NR))
    assert real(data["path"]) == folder
    assert data["central"] == {
        "postal": True,
        "customers": False,
        "tickets": False,
        "notes": False,
        "accounting": True,
    }
    assert data["booking_range"] == [500000, 599999]

    assert set(data["databases"]) == set(LOGICAL)
    for db, entry in data["databases"].items():
        path = entry["path"]
        assert path == real(path), f"{db}: {path} is not canonical"
        assert Path(path).is_file() and not Path(path).is_symlink(), f"{db}: {path}"
        if db in ("postal", "accounting"):
            assert entry["central"] is True, db
            assert path == zero["databases"][db]["path"] == real(shared / f"{db}.db"), db
        else:
            assert entry["central"] is False, db
            assert str(Path(path).parent) == folder, f"{db}: {path} is not inside {folder}"
            assert path != zero["databases"][db]["path"], db

    assert set(data["schema"]) == set(LOGICAL)
    assert all(isinstance(v, int) and v >= 1 for v in data["schema"].values()), data["schema"]
    for db in ("postal", "accounting"):  # the same file, so the same version
        assert data["schema"][db] == zero["schema"][db]
    assert data == next(t for t in listing if t["nr"] == SHARING_NR), "show and list disagree"
    assert_unchanged(before, shared)  # showing changes nothing


def test_tenant_zero_in_the_listing(shared, listing):
    data = listing[0]
    assert data["nr"] == 0
    assert real(data["path"]) == real(shared)
    assert data["central"] == {name: False for name in CENTRAL_OPTIONS}
    assert data["booking_range"] == [1, 99999]
    assert set(data["databases"]) == set(LOGICAL)
    for db, entry in data["databases"].items():
        assert entry["path"] == real(shared / f"{db}.db"), db
    assert set(data["schema"]) == set(LOGICAL)


def test_a_tenant_with_only_own_databases_in_the_listing(shared, listing):
    data = next(t for t in listing if t["nr"] == OWN_NR)
    folder = real(shared / "Mandant" / str(OWN_NR))
    assert data["central"] == {name: False for name in CENTRAL_OPTIONS}
    assert data["booking_range"] == [OWN_NR * 100000, OWN_NR * 100000 + 99999]
    for db, entry in data["databases"].items():
        assert entry["central"] is False, db
        assert str(Path(entry["path"]).parent) == folder, db


def test_tenant_list_json_is_a_list_with_tenant_zero_first(listing):
    tenants = listing
    assert isinstance(tenants, list)
    assert [t["nr"] for t in tenants] == [0, SHARING_NR, OWN_NR]
    for t in tenants:
        for key in ("nr", "name", "path", "central", "databases", "booking_range", "schema"):
            assert key in t, f"tenant {t.get('nr')}: {key} missing"
        assert set(t["central"]) == set(CENTRAL_OPTIONS)
        assert set(t["databases"]) == set(LOGICAL)
    by_nr = {t["nr"]: t for t in tenants}
    assert (
        by_nr[SHARING_NR]["databases"]["accounting"]["path"]
        == by_nr[0]["databases"]["accounting"]["path"]
    )
    assert by_nr[SHARING_NR]["booking_range"] == [500000, 599999]


@pytest.mark.parametrize("nr", ["abc", "42", "²"])
def test_tenant_show_of_a_bad_or_unknown_number_is_invalid_input(shared, nr):
    before = snapshot(shared)
    assert_invalid(run_cli(shared, "tenant", "show", nr, "--json"), "tenant", "number")
    assert_unchanged(before, shared)


# -- tenant create: validation ------------------------------------------------------------------

NAME = ["--name", "Neuer Mandant"]

VALIDATION_CASES = {
    # id: (arguments after "tenant create", words of which one must name the field)
    "nr-not-a-number": (["abc", *NAME], ("number",)),
    "nr-fraction": (["1.5", *NAME], ("number",)),
    "nr-zero": (["0", *NAME], ("number",)),
    "nr-negative": (["-1", *NAME], ("number",)),
    "nr-above-9999": (["10000", *NAME], ("number",)),
    "nr-already-used": ([str(SHARING_NR), *NAME], ("number",)),
    "nr-path-escape-parent": (["../5", *NAME], ("number",)),
    "nr-path-escape-nested": (["5/../../x", *NAME], ("number",)),
    "name-empty": ([UNUSED_NR, "--name", ""], ("name",)),
    "name-81-chars": ([UNUSED_NR, "--name", "x" * 81], ("name",)),
    "central-unknown": ([UNUSED_NR, *NAME, "--central", "postal,weather"], ("central",)),
    "copy-a-central-db": (
        [UNUSED_NR, *NAME, "--central", "postal", "--copy", "basedata,postal"],
        ("copy",),
    ),
    "copy-unknown-db": ([UNUSED_NR, *NAME, "--copy", "weather"], ("copy",)),
    "range-empty": ([UNUSED_NR, *NAME, "--booking-range", ""], ("booking range", "booking-range")),
    "range-garbage": (
        [UNUSED_NR, *NAME, "--booking-range", "lots"],
        ("booking range", "booking-range"),
    ),
    "range-reversed": (
        [UNUSED_NR, *NAME, "--booking-range", "899999-800000"],
        ("booking range", "booking-range"),
    ),
    "range-zero": (
        [UNUSED_NR, *NAME, "--booking-range", "0-99"],
        ("booking range", "booking-range"),
    ),
}


@pytest.mark.parametrize("args, fields", VALIDATION_CASES.values(), ids=VALIDATION_CASES.keys())
def test_tenant_create_refuses_invalid_input_and_changes_nothing(shared, args, fields):
    before = snapshot(shared)
    assert_invalid(run_cli(shared, "tenant", "create", *args), *fields)
    assert_unchanged(before, shared)


def test_tenant_create_without_name_is_invalid_input(shared):
    before = snapshot(shared)
    assert_invalid(run_cli(shared, "tenant", "create", UNUSED_NR), "name")
    assert_unchanged(before, shared)


OVERLAP_CASES = {
    # new tenant with central accounting in tenant 0's range 1-99999
    "accounting-vs-tenant-0": (["--central", "accounting", "--booking-range", "50000-60000"], 0),
    # new tenant with central tickets in the range of tenant 5 (central accounting)
    "tickets-vs-tenant-5": (
        ["--central", "postal,tickets", "--booking-range", "550000-559999"],
        SHARING_NR,
    ),
}


def _proposed_range(line: str) -> tuple[int, int]:
    """The free range the message proposes: the last FIRST-LAST in it."""
    ranges = re.findall(r"(\d+)\s*-\s*(\d+)", line)
    assert ranges, f"no range proposed in {line!r}"
    first, last = map(int, ranges[-1])
    return first, last


@pytest.mark.parametrize("args, other", OVERLAP_CASES.values(), ids=OVERLAP_CASES.keys())
def test_overlapping_range_with_central_accounting_or_tickets_is_refused_with_a_free_range(
    fresh, args, other
):
    before = snapshot(fresh)
    line = assert_invalid(
        run_cli(fresh, "tenant", "create", UNUSED_NR, *NAME, *args),
        "booking range",
        "booking-range",
    )
    assert_unchanged(before, fresh)
    assert re.search(rf"\b{other}\b", line), f"the message should name tenant {other}: {line!r}"
    first, last = _proposed_range(line)
    taken = [(1, 99999), (500000, 599999)]  # tenant 0 and tenant 5 share booking numbers
    assert all(last < o_first or first > o_last for o_first, o_last in taken), (first, last)

    rc, out, err = run_cli(
        fresh, "tenant", "create", UNUSED_NR, *NAME, *args[:-1], f"{first}-{last}"
    )
    assert rc == 0, f"the proposed range {first}-{last} was refused: {err}"
    assert show_json(fresh, UNUSED_NR)["booking_range"] == [first, last]


def test_overlapping_ranges_are_allowed_when_neither_tenant_shares_booking_numbers(fresh):
    # Tenant 12 has own accounting and tickets, and so has the new one.
    rc, out, err = run_cli(
        fresh, "tenant", "create", UNUSED_NR, *NAME, "--booking-range", "1200000-1200999"
    )
    assert rc == 0, err
    assert show_json(fresh, UNUSED_NR)["booking_range"] == [1200000, 1200999]


# -- tenant create: happy path ------------------------------------------------------------------


def test_tenant_create_then_show_and_check(fresh):
    rc, out, err = run_cli(
        fresh,
        "tenant",
        "create",
        "7",
        "--name",
        "Ost Touristik",
        "--central",
        "customers,notes",
        "--copy",
        "basedata,bookings",
        "--booking-range",
        "700000-700999",
    )
    assert rc == 0, err
    assert out.strip()
    data = show_json(fresh, 7)
    assert data["name"] == "Ost Touristik"
    assert real(data["path"]) == real(fresh / "Mandant" / "7")
    assert data["central"] == {
        "postal": False,
        "customers": True,
        "tickets": False,
        "notes": True,
        "accounting": False,
    }
    assert data["booking_range"] == [700000, 700999]
    for db, entry in data["databases"].items():
        if db in ("customers", "notes"):
            assert entry["central"] is True, db
            assert entry["path"] == real(fresh / f"{db}.db"), db
        else:
            assert entry["central"] is False
            assert str(Path(entry["path"]).parent) == real(fresh / "Mandant" / "7"), db
            assert Path(entry["path"]).is_file(), db

    rc, out, err = run_cli(fresh, "check", "--json")
    assert rc == 0, out + err
    assert json.loads(out)["ok"] is True


# -- tenant edit --------------------------------------------------------------------------------


@pytest.mark.parametrize("nr", [str(SHARING_NR), str(OWN_NR)])
def test_tenant_edit_central_is_refused_because_the_choice_is_fixed(shared, nr):
    before = snapshot(shared)
    line = assert_invalid(
        run_cli(shared, "tenant", "edit", nr, "--central", "accounting"), "central"
    )
    assert "fixed" in line.lower(), f"the message should explain the choice is fixed: {line!r}"
    assert_unchanged(before, shared)


def test_tenant_edit_with_an_overlapping_range_changes_nothing_not_even_the_name(fresh):
    def edit(booking_range: str) -> tuple[int, str, str]:
        args = ("edit", str(SHARING_NR), "--name", "Umbenannt", "--booking-range", booking_range)
        return run_cli(fresh, "tenant", *args)

    def shown() -> dict:
        return json.loads(run_cli(fresh, "tenant", "show", str(SHARING_NR), "--json")[1])

    before, name = snapshot(fresh), shown()["name"]

    line = assert_invalid(edit("50000-60000"), "booking range")  # inside tenant 0's 1-99999

    assert "overlap" in line.lower(), line
    assert shown()["name"] == name, "the refused edit renamed the tenant"
    assert_unchanged(before, fresh)
    # The same edit with a free range changes both, in one go.
    rc, _out, err = edit("500000-549999")
    assert rc == 0, err
    assert (shown()["name"], shown()["booking_range"]) == ("Umbenannt", [500000, 549999])


def test_tenant_edit_sets_the_datev_client_and_refuses_a_bad_number(fresh):
    before = snapshot(fresh)
    line = assert_invalid(
        run_cli(fresh, "tenant", "edit", str(OWN_NR), "--datev-adviser", "12"), "datev_adviser"
    )
    assert "1001" in line, line
    assert_unchanged(before, fresh)
    args = ("--datev-adviser", "29098", "--datev-client", "1003", "--fiscal-year-start", "4")
    rc, _out, err = run_cli(fresh, "tenant", "edit", str(OWN_NR), *args)
    assert rc == 0, err
    books = json.loads(run_cli(fresh, "tenant", "show", str(OWN_NR), "--json")[1])["books"]
    assert (books["datev_adviser"], books["datev_client"], books["fiscal_year_start"]) == (
        29098,
        1003,
        4,
    )


# -- users ----------------------------------------------------------------------------------------


def _memberships(root: Path) -> list[tuple]:
    conn = sqlite3.connect(f"{(root / 'installation.db').resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT u.login, m.tenant_nr, m.role_id, m.team FROM membership m "
            'JOIN "user" u ON u.id = m.user_id ORDER BY u.login, m.tenant_nr'
        ).fetchall()
    finally:
        conn.close()


def _user_rows(root: Path) -> list[tuple]:
    conn = sqlite3.connect(f"{(root / 'installation.db').resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute('SELECT login, name, password_hash FROM "user"').fetchall()
    finally:
        conn.close()


def test_user_add_with_password_from_stdin_then_grant(fresh):
    password = "Sommer-Reise-2024"
    rc, out, err = run_cli(
        fresh,
        "user",
        "add",
        "anna",
        "--name",
        "Anna Admin",
        "--password-stdin",
        stdin=password + "\n",
    )
    assert rc == 0, err
    assert password not in out + err
    rows = _user_rows(fresh)
    assert [(login, name) for login, name, _ in rows] == [("anna", "Anna Admin")]
    assert password not in rows[0][2], "the password must be stored hashed"

    rc, out, err = run_cli(
        fresh,
        "user",
        "grant",
        "anna",
        "--tenant",
        str(SHARING_NR),
        "--role",
        "clerk",
        "--team",
        "Nord",
    )
    assert rc == 0, err
    assert _memberships(fresh) == [("anna", SHARING_NR, "clerk", "Nord")]

    # Refused grants change nothing.
    before = snapshot(fresh)
    assert_invalid(
        run_cli(fresh, "user", "grant", "anna", "--tenant", str(OWN_NR), "--role", "wizard"), "role"
    )
    assert_unchanged(before, fresh)
    assert_invalid(
        run_cli(fresh, "user", "grant", "nobody", "--tenant", str(OWN_NR), "--role", "clerk"),
        "login",
        "user",
    )
    assert_unchanged(before, fresh)
    assert_invalid(
        run_cli(fresh, "user", "grant", "anna", "--tenant", "77", "--role", "clerk"), "tenant"
    )
    assert_unchanged(before, fresh)
    assert_invalid(
        run_cli(fresh, "user", "grant", "anna", "--tenant", "abc", "--role", "clerk"), "tenant"
    )
    assert_unchanged(before, fresh)

    # A second user with the same login is refused as well.
    assert_invalid(
        run_cli(
            fresh,
            "user",
            "add",
            "anna",
            "--name",
            "Anna Zwei",
            "--password-stdin",
            stdin=password + "\n",
        ),
        "login",
    )
    assert_unchanged(before, fresh)


def test_user_add_with_too_short_or_missing_password_is_refused(shared):
    before = snapshot(shared)
    assert_invalid(
        run_cli(shared, "user", "add", "bob", "--name", "Bob", "--password-stdin", stdin="short\n"),
        "password",
    )
    assert_invalid(
        run_cli(shared, "user", "add", "bob", "--name", "Bob", "--password-stdin", stdin=""),
        "password",
    )
    assert_unchanged(before, shared)


# -- check and migrate ----------------------------------------------------------------------------


def test_check_json_on_a_healthy_installation(shared):
    before = snapshot(shared)
    rc, out, err = run_cli(shared, "check", "--json")
    assert rc == 0, out + err
    report = json.loads(out)
    assert report["ok"] is True
    assert report["problems"] == []
    assert_unchanged(before, shared)


def test_check_json_reports_a_missing_file_and_exits_1(fresh):
    (fresh / "Mandant" / str(OWN_NR) / "notes.db").unlink()
    rc, out, err = run_cli(fresh, "check", "--json")
    assert rc == 1, out + err
    report = json.loads(out)
    assert report["ok"] is False
    assert any("notes" in problem for problem in report["problems"]), report["problems"]


def test_migrate_plan_on_an_up_to_date_installation(shared):
    before = snapshot(shared)
    rc, out, err = run_cli(shared, "migrate", "--plan")
    assert rc == 0, err
    assert "up to date" in out.lower(), out
    assert_unchanged(before, shared)


def test_migrate_plan_lists_sub_tenants_before_tenant_zero_and_changes_nothing(fresh):
    from tenant_store.migrations import SCHEMA_VERSIONS, downgrade_file
    from tenant_store.sqlite_files import single_file

    current = SCHEMA_VERSIONS["postal"]
    if current < 2:
        pytest.skip("no postal migration to plan")
    for path in (fresh / "postal.db", fresh / "Mandant" / str(OWN_NR) / "postal.db"):
        conn = single_file("postal", path)
        try:
            downgrade_file(conn, "postal", current, current - 1)
        finally:
            conn.close()
    before = snapshot(fresh)

    rc, out, err = run_cli(fresh, "migrate", "--plan")

    assert rc == 0, err
    lines = [line for line in out.splitlines() if line.strip()]
    own = real(fresh / "Mandant" / str(OWN_NR) / "postal.db")
    central = real(fresh / "postal.db")
    assert len(lines) == 2, out
    assert own in lines[0] or f"Mandant/{OWN_NR}/postal.db" in lines[0], out
    assert central in lines[1] or str(fresh / "postal.db") in lines[1], out
    assert_unchanged(before, fresh)
