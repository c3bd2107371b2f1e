"""Invoice every booked booking of a tenant, one transaction each, for test_invoicing_crash.

Usage: invoice_worker.py ROOT NR
Prints "ready" once the session is open, then the number of each booking whose invoice has
been committed, and "done" at the end.
"""

import sys
from pathlib import Path

from jack_desktop.bookings import list_bookings
from jack_desktop.invoicing import invoice_booking
from tenant_store import Installation


def main() -> None:
    root, nr = Path(sys.argv[1]), int(sys.argv[2])
    inst = Installation.open(root)
    with inst.open_session(nr) as session:
        print("ready", flush=True)
        booked = list_bookings("admin", session, status="booked", limit=100_000)
        for row in sorted(booked, key=lambda r: r.booking.number):
            invoice_booking("admin", session, row.booking.number)
            print(row.booking.number, flush=True)
    print("done", flush=True)
    inst.close()


if __name__ == "__main__":
    main()
