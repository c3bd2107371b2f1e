import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Before anything imports Qt: tests must run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests assert English messages whatever the machine's locale; subprocesses inherit this.
os.environ["JACK_LANG"] = "en"
os.environ["LANGUAGE"] = "en"


def _user_dirs(root: Path) -> dict[str, str]:
    # Cache/state too: platformdirs' cache and log dirs would otherwise follow a
    # developer's own XDG_CACHE_HOME / XDG_STATE_HOME.
    home = root / "home"
    return {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "JACK_DATA_DIR": str(root / "jack-data"),
    }


# Code that resolves data paths at import time (during collection, before any fixture
# runs) must not see the real home either; the per-test fixture below narrows it further.
_SESSION_ROOT = Path(tempfile.mkdtemp(prefix="jack-tests-"))
os.environ.update(_user_dirs(_SESSION_ROOT))


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Point the app's data dir and the user's home/XDG dirs at a fresh tmp folder.

    Returns the JACK_DATA_DIR path. It is not created, as on a real first run.
    """
    env = _user_dirs(tmp_path)
    Path(env["HOME"]).mkdir()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Path(env["JACK_DATA_DIR"])


@pytest.fixture
def inst(tmp_path):
    """A fresh installation with tenant 0 only."""
    from tenant_store import Installation  # imported late: the language is set above

    installation, _ = Installation.init(tmp_path / "inst")
    yield installation
    installation.close()


@pytest.fixture
def inst3(inst):
    """Tenant 0, 1 (central postal, customers, accounting) and 2 (central postal, tickets)."""
    from tenant_store import TenantSpec, create_tenant

    create_tenant(
        inst, TenantSpec(1, "Reisebüro Nord", central=["postal", "customers", "accounting"])
    )
    create_tenant(inst, TenantSpec(2, "Süd Reisen GmbH", central=["postal", "tickets"]))
    return inst
