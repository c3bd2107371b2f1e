"""The first page of each kind of document as a PNG in docs/, made from a fresh demo installation.

Run (from the repository; needs `pdftoppm` from poppler-utils):
    PYTHONPATH=. .venv/bin/python scripts/document_pngs.py
Writes docs/invoice.png, confirmation.png, ticket-list.png, journal.png, trial-balance.png and
controlling.png (German, 100 dpi).

To look at the documents in another language, give the tenants' document language (the
base-data parameter `document.language`), the UI language the documents are made under (it
must not matter), and a folder, so that docs/ keeps the German pictures:
    PYTHONPATH=. .venv/bin/python scripts/document_pngs.py --document-language en \\
        --ui-language de --out /tmp/pngs
"""

import argparse
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from jack_desktop.basedata import set_parameter
from jack_desktop.demo import build_demo
from jack_desktop.documents.confirmation import save_confirmation
from jack_desktop.documents.controlling import save_controlling
from jack_desktop.documents.invoice import save_invoice
from jack_desktop.documents.journal import save_journal
from jack_desktop.documents.ticket_list import save_ticket_list
from jack_desktop.documents.trial_balance import save_trial_balance
from jack_desktop.invoicing import open_amount
from tenant_store import Installation
from tenant_store.i18n import SUPPORTED, set_language
from tenant_store.models.bookings import Booking

DOCS = Path(__file__).resolve().parent.parent / "docs"
USER = "admin"


def _first_booking(session, status: str, unpaid: bool = False) -> int:
    """The first booking with `status`; with `unpaid`, the first one with an amount due, so
    that the picture shows the payment request (the first if none is)."""
    with session.bound():
        bookings = list(Booking.select().where(Booking.status == status).order_by(Booking.number))
        due = [b for b in bookings if open_amount(b) > 0] if unpaid else []
    return (due or bookings)[0].number


def _documents(inst: Installation) -> dict[str, Path]:
    with inst.open_session(1) as s1, inst.open_session(0) as s0:
        return {
            "invoice": save_invoice(USER, s1, _first_booking(s1, "invoiced", unpaid=True)),
            "confirmation": save_confirmation(USER, s1, _first_booking(s1, "booked")),
            "ticket-list": save_ticket_list(USER, s0),
            "journal": save_journal(USER, s0, consolidated=True),
            "trial-balance": save_trial_balance(USER, s0, consolidated=True),
            "controlling": save_controlling(USER, s0, consolidated=True, year=date.today().year),
        }


def _set_document_language(inst: Installation, lang: str) -> None:
    for info in inst.tenants():
        with inst.open_session(info.nr) as session:
            set_parameter(USER, session, "document.language", lang)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--document-language", choices=SUPPORTED, default="de")
    parser.add_argument("--ui-language", choices=SUPPORTED, default="de")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNGs")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    set_language(args.ui_language)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        build_demo(Path(folder) / "demo")
        with Installation.open(Path(folder) / "demo") as inst:
            _set_document_language(inst, args.document_language)
            for name, pdf in _documents(inst).items():
                target = args.out / name
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "100", "-f", "1", "-singlefile", pdf, target],
                    check=True,
                )
                print(f"{target}.png")


if __name__ == "__main__":
    main()
