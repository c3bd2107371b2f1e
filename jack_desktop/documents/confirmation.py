"""The travel confirmation ("Reisebestätigung") of a booking, in the tenant's branding.

It confirms a firm booking (booked or invoiced) to the customer: travellers with their dates of
birth (to be checked against their passports), the services with their dates and prices, and
the payment plan from the tenant's parameters: a deposit of `payment.deposit_percent` on receipt,
the balance `payment.balance_days_before_departure` days before departure.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _

from ..basedata import parameter_int, parameter_text
from ..bookings import FIRM, STATUS_LABELS
from ..money import share_cents
from . import files
from . import layout as lay
from .booking_letter import (
    BookingData,
    address_lines,
    load_booking,
    paragraphs,
    services_table,
    totals_table,
    travellers_table,
)
from .letterhead import Branding
from .pages import Letter, in_document_language, write_pdf
from .texts import printed


@dataclass(frozen=True)
class ConfirmationData:
    """Everything a confirmation prints, read before the first page is drawn."""

    branding: Branding
    data: BookingData
    text: str
    deposit_percent: int
    balance_days: int
    issued_on: date


def write_confirmation(
    user: str, session: TenantSession, booking_number: int, out: BinaryIO
) -> int:
    """Write the travel confirmation of a booked or invoiced booking; returns the page count."""
    return _render(_load(user, session, booking_number), out)


def save_confirmation(user: str, session: TenantSession, booking_number: int) -> Path:
    """Save it as `Dokumente/Reisebestaetigung-<booking>.pdf` in the tenant's folder."""
    doc = _load(user, session, booking_number)
    path = files.confirmation_path(session, booking_number)
    return files.write_atomically(path, lambda out: _render(doc, out))


def _load(user: str, session: TenantSession, booking_number: int) -> ConfirmationData:
    data = load_booking(user, session, booking_number)
    if data.booking.status not in FIRM:
        raise ValidationError(
            "status",
            _(
                "Only a booked or invoiced booking can be confirmed; booking {number} is {status}."
            ).format(number=booking_number, status=_(STATUS_LABELS[data.booking.status])),
        )
    return ConfirmationData(
        branding=Branding.of(session),
        data=data,
        text=parameter_text(session, "confirmation.text"),
        deposit_percent=parameter_int(session, "payment.deposit_percent"),
        balance_days=parameter_int(session, "payment.balance_days_before_departure"),
        issued_on=date.today(),
    )


def _title(doc: ConfirmationData) -> str:
    return _("Travel confirmation for booking {number}").format(number=doc.data.booking.number)


@in_document_language
def _render(doc: ConfirmationData, out: BinaryIO) -> int:
    booking = doc.data.booking
    info = [
        (_("Booking"), str(booking.number)),
        (_("Date"), lay.day(doc.issued_on)),
        (_("Customer no."), str(doc.data.customer.number)),
    ]
    if booking.travel_from or booking.travel_to:
        info.append((_("Travel dates"), lay.period(booking.travel_from, booking.travel_to)))
    if doc.data.destination:
        info.append((_("Destination"), doc.data.destination))
    reference = (
        _("Travel confirmation") + " · " + _("Booking {number}").format(number=booking.number)
    )
    pages = Letter(doc.branding, address_lines(doc.data.customer), info, reference)
    return write_pdf(out, pages, f"{_title(doc)} – {doc.branding.name}", _story(doc))


def _story(doc: ConfirmationData):
    styles = lay.styles(doc.branding.colour)
    colour = doc.branding.colour
    yield Paragraph(_title(doc), styles["subject"])
    if doc.data.booking.title:
        yield Paragraph(escape(doc.data.booking.title), styles["muted"])  # typed: no markup
    yield Spacer(1, 4 * mm)
    yield from paragraphs(printed("confirmation.text", doc.text), styles["body"])
    if doc.data.travellers:
        yield from travellers_table(doc.data, styles, colour)
    yield Paragraph(_("Services"), styles["heading"])
    yield services_table(doc.data, styles, colour)
    yield Spacer(1, 3 * mm)
    total = doc.data.total_cents
    yield KeepTogether(
        [
            totals_table([(_("Travel price"), lay.money(total), True)], colour),
            Paragraph(_("Payment plan"), styles["heading"]),
            *_payment_plan(doc, total, styles),
        ]
    )


def _payment_plan(doc: ConfirmationData, total: int, styles: dict) -> list:
    """Deposit now and the balance before departure, or everything now if departure is near."""
    departure = doc.data.booking.travel_from
    balance_due = departure - timedelta(days=doc.balance_days) if departure else None
    if balance_due is None or balance_due <= doc.issued_on or not doc.deposit_percent:
        text = _("The travel price of {amount} is due on receipt of this confirmation.").format(
            amount=lay.money(total)
        )
        return [Paragraph(text, styles["body"])]
    deposit = share_cents(total, doc.deposit_percent, 100)
    lines = [
        _("Deposit of {percent} %: {amount}, due on receipt of this confirmation.").format(
            percent=doc.deposit_percent, amount=lay.money(deposit)
        ),
        _("Balance: {amount}, due by {date}.").format(
            amount=lay.money(total - deposit), date=lay.day(balance_due)
        ),
    ]
    return [Paragraph(line, styles["body"]) for line in lines]
