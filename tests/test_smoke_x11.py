"""The real program on a real X server (Xvfb), driven with xdotool the way a person would.

Start on an empty data folder (the demo is built), log in with the keyboard, open File > Tenant
management from the menu and switch tenant there, create a tenant with the wizard, search all
tenants and close the hits with Escape, quit with Ctrl+Q: exit code 0, and nothing in the error
log. In German, the reference language, whose number formats the demo must obey. This checks
the wiring and the start-up as they ship, which widget tests that build their own windows
cannot.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xdotool")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(missing) and not os.environ.get("CI"),
    reason=f"{', '.join(missing)} not installed (make test installs them as root)",
)

ROOT = Path(__file__).resolve().parent.parent


class Desktop:
    """An Xvfb display and the xdotool calls a person's keyboard stands in for."""

    def __init__(self, tmp: Path):
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=(tmp / "xvfb.log").open("w"),
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()

    def xdotool(self, *args: str) -> str:
        env = {**os.environ, "DISPLAY": self.display}
        done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True)
        return done.stdout.strip()

    def wait_window(self, name: str, timeout: float = 60) -> str:
        """The id of the first visible window whose title contains `name`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ids = self.xdotool("search", "--onlyvisible", "--name", name).split()
            if ids:
                return ids[0]
            time.sleep(0.2)
        raise AssertionError(f"no window {name!r} within {timeout} s")

    def wait_gone(self, name: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while self.xdotool("search", "--onlyvisible", "--name", name):
            assert time.monotonic() < deadline, f"window {name!r} still open"
            time.sleep(0.2)

    def wait_file(self, path: Path, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not path.exists():
            assert time.monotonic() < deadline, f"{path} was not created"
            time.sleep(0.2)

    def focus(self, window: str) -> None:
        # No window manager runs here: give the window the input focus directly, once Qt has
        # finished showing it (keys typed before that are lost).
        time.sleep(1.0)
        self.xdotool("windowfocus", "--sync", window)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "50", *keys)

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(10)


@pytest.fixture
def desktop(tmp_path):
    desktop = Desktop(tmp_path)
    yield desktop
    desktop.close()


def test_the_real_program_from_login_through_tenants_wizard_and_search_to_quit(desktop, tmp_path):
    home = tmp_path / "home"
    env = {
        **os.environ,
        "DISPLAY": desktop.display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    program = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(tmp_path / "data"),
            "--lang",
            "de",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        login = desktop.wait_window("Anmeldung", timeout=120)  # after the demo is built
        desktop.focus(login)
        desktop.type("admin")
        desktop.key("Tab")
        desktop.type("demo-admin")
        desktop.key("Return")
        main = desktop.wait_window("Jack Desktop – Mandant 0")
        # Datei (Alt+D) > Mandantenverwaltung, the menu's first entry; two rows down, Return
        # switches to tenant 2 (R11).
        desktop.focus(main)
        desktop.key("alt+d", "Return")
        desktop.focus(desktop.wait_window("Mandantenverwaltung"))
        desktop.key("Down", "Down", "Return")
        desktop.wait_gone("Mandantenverwaltung")
        main = desktop.wait_window("Jack Desktop – Mandant 2")
        # The wizard from tenant management (Ctrl+N): a name, then Return through every page.
        desktop.focus(main)
        desktop.key("ctrl+shift+t")
        desktop.focus(desktop.wait_window("Mandantenverwaltung"))
        desktop.key("ctrl+n")
        desktop.focus(desktop.wait_window("Neuer Mandant"))
        desktop.key("Tab")
        desktop.type("Sonnenschein Ost")
        for _page in range(6):  # five pages to the summary, whose Return creates the tenant
            desktop.key("Return")
            time.sleep(1.0)
        desktop.wait_file(tmp_path / "data" / "Mandant" / "4" / "manifest.json")
        desktop.key("Return")  # "Finish", switching to the new tenant
        main = desktop.wait_window("Jack Desktop – Mandant 4")
        # Search all tenants as you type; Escape closes the hits and leaves the window usable.
        desktop.focus(main)
        desktop.key("ctrl+k")
        desktop.type("muller")
        time.sleep(2.0)
        desktop.key("Escape", "ctrl+shift+t")
        desktop.focus(desktop.wait_window("Mandantenverwaltung"))
        desktop.key("Escape")
        desktop.wait_gone("Mandantenverwaltung")
        desktop.focus(main)
        desktop.key("ctrl+q")
        code = program.wait(30)
    finally:
        if program.poll() is None:
            program.kill()
        output = program.communicate()[0]
    assert code == 0, output
    logs = list(home.rglob("errors.log"))
    assert not logs, logs[0].read_text()
    assert (tmp_path / "data" / "Mandant" / "1").is_dir()  # the demo was built there
