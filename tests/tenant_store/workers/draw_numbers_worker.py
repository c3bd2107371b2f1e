"""Draw booking numbers of one tenant in a separate process, for test_number_concurrency.

Usage: draw_numbers_worker.py ROOT NR COUNT READY_FILE GO_FILE OUT_FILE
COUNT 0 means: draw until the range is exhausted. The session is opened first, then READY_FILE
is created and the worker waits for GO_FILE, so that all workers start drawing together.
OUT_FILE gets one number per line (one transaction each), then "END ok" or
"END RangeExhausted <message>".
"""

import sys
import time
from pathlib import Path

from tenant_store import Installation
from tenant_store.errors import RangeExhausted
from tenant_store.number_ranges import next_booking_number

GO_TIMEOUT_S = 120.0


def main() -> None:
    root, nr, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    ready, go, out = Path(sys.argv[4]), Path(sys.argv[5]), Path(sys.argv[6])
    inst = Installation.open(root)
    with inst.open_session(nr) as session, out.open("w", encoding="utf-8") as lines:
        ready.touch()
        deadline = time.monotonic() + GO_TIMEOUT_S
        while not go.exists():
            if time.monotonic() > deadline:
                sys.exit("no go signal")
            time.sleep(0.002)
        drawn = 0
        try:
            while count == 0 or drawn < count:
                lines.write(f"{next_booking_number(session)}\n")
                lines.flush()
                drawn += 1
        except RangeExhausted as exc:
            lines.write(f"END RangeExhausted {exc}\n")
        else:
            lines.write("END ok\n")
    inst.close()


if __name__ == "__main__":
    main()
