"""Create one tenant in a separate process; test_creation_crash kills it at a random moment.

Usage: create_tenant_worker.py ROOT NR CENTRAL COPY   (CENTRAL and COPY are comma lists)
Prints "started" just before create_tenant and "done SECONDS" after it returned.
"""

import sys
import time
from pathlib import Path

from tenant_store import Installation, TenantSpec, create_tenant


def main() -> None:
    root, nr, central, copy = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    inst = Installation.open(root)
    spec = TenantSpec(nr, f"Crash test {nr}", central=central.split(","), copy=copy.split(","))
    print("started", flush=True)
    start = time.monotonic()
    create_tenant(inst, spec)
    print(f"done {time.monotonic() - start:.6f}", flush=True)
    inst.close()


if __name__ == "__main__":
    main()
