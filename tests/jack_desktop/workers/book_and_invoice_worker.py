"""Create, confirm and invoice bookings in one tenant, for test_invoicing_concurrency.

Usage: book_and_invoice_worker.py ROOT NR CUSTOMER_ID COUNT READY_FILE GO_FILE
Opens its session, creates READY_FILE, waits for GO_FILE so that all workers start together,
then prints "<booking number> <invoice number>" per booking and "END ok". Any error reaches
stderr and the exit code, as it would reach a clerk.
"""

import sys
import time
from pathlib import Path

from jack_desktop.bookings import confirm_booking, create_booking
from jack_desktop.invoicing import invoice_booking
from tenant_store import Installation

GO_TIMEOUT_S = 120.0
SERVICES = [
    {"kind": "package", "price": "1000.00", "cost": "880.00"},
    {"kind": "flight", "price": "250.50", "cost": "230.00"},
]


def main() -> None:
    root, nr, customer, count = (
        Path(sys.argv[1]),
        int(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    ready, go = Path(sys.argv[5]), Path(sys.argv[6])
    inst = Installation.open(root)
    with inst.open_session(nr) as session:
        ready.touch()
        deadline = time.monotonic() + GO_TIMEOUT_S
        while not go.exists():
            if time.monotonic() > deadline:
                sys.exit("no go signal")
            time.sleep(0.002)
        values = {"customer_id": customer, "travel_type_code": "BUS", "cost_centre_code": "100"}
        for _ in range(count):
            booking = create_booking("admin", session, values, [{"last_name": "Kunz"}], SERVICES)
            confirm_booking("admin", session, booking.number)
            invoice = invoice_booking("admin", session, booking.number)
            print(booking.number, invoice.number, flush=True)
    print("END ok", flush=True)
    inst.close()


if __name__ == "__main__":
    main()
