"""A full disk (issue 11): the message says the disk is full, on which file, and that nothing was
saved; nothing is damaged, and once there is space again `check` passes and the work succeeds.

The installation lives on a small tmpfs that a filler file fills to the last byte; mounting needs
root, so the tests skip elsewhere.
"""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from jack_desktop.customers import create_customer
from jack_desktop.invoicing import invoice_booking
from jack_desktop.postal_import import import_postal_codes
from tenant_store import Installation, TenantSpec, create_tenant
from tenant_store.errors import DiskFull
from tenant_store.integrity import check
from tenant_store.users import add_user, grant

from ..jack_desktop.agency import booked
from .snapshot import snapshot

LINE = "DE\t{code}\tOrt {code}\tBayern\tBY\tOberbayern\t091\tKreis\t09162\t48.1\t11.5\t4\n"


class Disk:
    """A tmpfs of a few MB with an installation on it; `fill()` takes the last free byte."""

    def __init__(self, mount: Path):
        self.mount = mount
        self.filler = mount / "filler"

    def fill(self) -> None:
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 16, 1 << 12, 1 << 9, 1):  # down to the last byte
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError:
                    pass
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink()

    def snapshot(self) -> dict[str, str]:
        state = snapshot(self.mount)
        state.pop("filler", None)
        return state


@pytest.fixture
def disk(tmp_path) -> Iterator[Disk]:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield Disk(mount)
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, check=False)
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


@pytest.fixture
def office(disk) -> Iterator[tuple[Installation, Disk]]:
    """Tenant 0 and tenant 1 (central accounting: an invoice also writes tenant 0's journal)."""
    inst, _ = Installation.init(disk.mount / "inst")
    create_tenant(inst, TenantSpec(1, "Nord", central=["accounting"]))
    add_user(inst, "anna", "Anna Albers", "geheim123")
    for nr in (0, 1):
        grant(inst, "anna", nr, "admin")
    yield inst, disk
    inst.close()


def _invoice(session, prepared):
    return invoice_booking("anna", session, prepared)


def _new_customer(session, prepared):
    return create_customer("anna", session, {"first_name": "Hans", "last_name": "Müller"})


def _postal_import(session, prepared):
    return import_postal_codes("anna", session, prepared)


def _prepare(action, session, tmp_path: Path):
    if action is _invoice:
        return booked(session)
    if action is _postal_import:
        path = tmp_path / "DE.txt"  # outside the full disk
        path.write_text("".join(LINE.format(code=80000 + n) for n in range(2000)), "utf-8")
        return path
    return None


@pytest.mark.parametrize("action", [_invoice, _new_customer, _postal_import])
def test_a_full_disk_is_named_nothing_is_saved_and_all_works_once_there_is_space(
    office, tmp_path, action
):
    inst, disk = office
    with inst.open_session(1) as session:
        prepared = _prepare(action, session, tmp_path)
        before = disk.snapshot()
        disk.fill()
        with pytest.raises(DiskFull) as error:
            action(session, prepared)  # used to say 'cannot rollback - no transaction is active'
        message = str(error.value)
        assert message.startswith("The disk is full: "), message
        assert "nothing was saved" in message
        assert str(disk.mount / "inst") in message and str(error.value.path) in message
        assert Path(error.value.path).is_relative_to(disk.mount)
        assert disk.snapshot() == before  # nothing changed, no journal left behind
        disk.free()
        report = check(inst)
        assert report.ok, report.problems
        action(session, prepared)  # the same work goes through now
