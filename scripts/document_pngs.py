"""The first page of each kind of document as a PNG in docs/, made from a fresh demo installation.

Run (from the repository; needs `pdftoppm` from poppler-utils):
    PYTHONPATH=. .venv/bin/python scripts/document_pngs.py
Writes docs/invoice.png, confirmation.png, ticket-list.png, journal.png, trial-balance.png and
controlling.png (German, 100 dpi).
"""

import subprocess
import tempfile
from datetime import date
from pathlib import Path

from jack_desktop.demo import build_demo
from jack_desktop.documents.confirmation import save_confirmation
from jack_desktop.documents.controlling import save_controlling
from jack_desktop.documents.invoice import save_invoice
from jack_desktop.documents.journal import save_journal
from jack_desktop.documents.ticket_list import save_ticket_list
from jack_desktop.documents.trial_balance import save_trial_balance
from tenant_store import Installation
from tenant_store.i18n import set_language
from tenant_store.models.bookings import Booking

DOCS = Path(__file__).resolve().parent.parent / "docs"
USER = "admin"


def _first_booking(session, status: str) -> int:
    with session.bound():
        booking = Booking.select().where(Booking.status == status).order_by(Booking.number).get()
    return booking.number


def _documents(inst: Installation) -> dict[str, Path]:
    with inst.open_session(1) as s1, inst.open_session(0) as s0:
        return {
            "invoice": save_invoice(USER, s1, _first_booking(s1, "invoiced")),
            "confirmation": save_confirmation(USER, s1, _first_booking(s1, "booked")),
            "ticket-list": save_ticket_list(USER, s0),
            "journal": save_journal(USER, s0, consolidated=True),
            "trial-balance": save_trial_balance(USER, s0, consolidated=True),
            "controlling": save_controlling(USER, s0, consolidated=True, year=date.today().year),
        }


def main() -> None:
    set_language("de")
    with tempfile.TemporaryDirectory() as folder:
        build_demo(Path(folder) / "demo")
        with Installation.open(Path(folder) / "demo") as inst:
            for name, pdf in _documents(inst).items():
                target = DOCS / name
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "100", "-f", "1", "-singlefile", pdf, target],
                    check=True,
                )
                print(f"{target}.png")


if __name__ == "__main__":
    main()
