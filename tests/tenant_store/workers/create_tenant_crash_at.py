"""Create one tenant and SIGKILL this process at a named point of the creation.

Usage: create_tenant_crash_at.py ROOT NR CENTRAL COPY POINT
POINT is "progress-K" (when create_tenant reports step K: 0-6 before preparing each database,
8 before registering, 9 after the registry commit), "after-rename" (the folder is in place, the
row not yet inserted) or "before-commit" (the row is inserted, the transaction not committed).
"""

import os
import signal
import sys
from pathlib import Path

from tenant_store import Installation, TenantSpec, create_tenant, tenant_creation
from tenant_store.models.installation import Tenant


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    root, nr, central, copy, point = Path(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:6]
    inst = Installation.open(root)
    spec = TenantSpec(nr, f"Crash test {nr}", central=central.split(","), copy=copy.split(","))

    def progress(text: str, done: int, total: int) -> None:
        if point == f"progress-{done}":
            die()

    if point == "after-rename":
        fsync_dir = tenant_creation.fsync_dir

        def fsync_then_die(path):
            fsync_dir(path)
            if Path(path) == inst.tenants_dir():
                die()

        tenant_creation.fsync_dir = fsync_then_die
    elif point == "before-commit":
        create = Tenant.create

        def create_then_die(**row):
            create(**row)
            die()

        Tenant.create = create_then_die
    create_tenant(inst, spec, progress)
    print("not killed", flush=True)


if __name__ == "__main__":
    main()
