"""Invoices, payments and cancellations: the status changes that move money and post (R4).

Each is one transaction over the tenant's bookings file and the accounting file (tenant 0's
where accounting is central): the invoice number, the status and the journal entry are
committed together or not at all, so invoice numbers stay gapless.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.logical import MAX_BOOKING_NUMBER
from tenant_store.models.accounting import JournalEntry, JournalLine
from tenant_store.models.basedata import TravelType
from tenant_store.models.bookings import Booking, Invoice, Payment
from tenant_store.number_ranges import next_number
from tenant_store.rights import Level

from . import accounts as acc
from .accounting import Posting, write_entry
from .basedata import payment_terms_days, vat_percent
from .bookings import STATUS_LABELS, find_booking, totals
from .money import format_money, parse_amount, share_cents, to_cents

INVOICE_RANGE = "invoice"
PAYMENT_ACCOUNTS = {"transfer": acc.BANK, "cash": acc.CASH}


@dataclass(frozen=True)
class Amounts:
    """What an invoice of a booking is made of, in cents."""

    gross: int
    cost: int
    vat: int
    scheme: str


def invoice_booking(
    user: str, session: TenantSession, number: int, issued_on: date | None = None
) -> Invoice:
    """Invoice a booked booking: next invoice number, status invoiced, journal entry."""
    session.rights(user).require("bookings", Level.WRITE)
    issued_on = issued_on or date.today()
    with session.transaction():
        booking = find_booking(number)
        _require_status(booking, "booked", _("Only a booked booking can be invoiced."))
        amounts = _amounts(booking, vat_percent(session))
        invoice = Invoice.create(
            booking=booking.id,
            number=next_number(session, INVOICE_RANGE, 1, MAX_BOOKING_NUMBER),
            kind="invoice",
            issued_on=issued_on,
            due_on=issued_on + timedelta(days=payment_terms_days(session)),
            total_cents=amounts.gross,
            vat_cents=amounts.vat,
        )
        text = _("Invoice {invoice} booking {booking}").format(
            invoice=invoice.number, booking=number
        )
        postings = _invoice_postings(amounts, booking.cost_centre_code)
        write_entry(session, user, issued_on, text, postings, invoice_reference(invoice))
        _set_status(booking, "invoiced")
        return invoice


def record_payment(
    user: str,
    session: TenantSession,
    number: int,
    amount: Decimal | str,
    received_on: date | None = None,
    method: str = "transfer",
) -> Payment:
    """A customer's payment on an invoiced booking; posts bank (or cash) against receivables."""
    session.rights(user).require("bookings", Level.WRITE)
    value = to_cents(parse_amount("amount", amount))
    if value == 0:
        raise ValidationError("amount", _("Enter the amount received."))
    if method not in PAYMENT_ACCOUNTS:
        raise ValidationError("method", _("Choose transfer or cash."))
    received_on = received_on or date.today()
    if received_on > date.today():
        raise ValidationError("received_on", _("A payment cannot be received in the future."))
    with session.transaction():
        booking = find_booking(number)
        _require_status(booking, "invoiced", _("Only an invoiced booking can be paid."))
        invoice = _last_invoice(booking)
        open_cents = open_amount(booking)
        if value > open_cents:
            raise ValidationError(
                "amount",
                _("{amount} is more than the open amount of {open}.").format(
                    amount=format_money(value), open=format_money(open_cents)
                ),
            )
        payment = Payment.create(
            booking=booking.id,
            invoice=invoice.id,
            received_on=received_on,
            amount_cents=value,
            method=method,
            reference=_("Invoice {invoice}").format(invoice=invoice.number),
        )
        postings = [
            Posting(PAYMENT_ACCOUNTS[method], debit_cents=value),
            Posting(acc.RECEIVABLES, credit_cents=value),
        ]
        text = _("Payment booking {booking}").format(booking=number)
        write_entry(session, user, received_on, text, postings, f"ZE {payment.id}")
        return payment


def cancel_booking(user: str, session: TenantSession, number: int) -> Invoice | None:
    """Cancel a booking; an invoiced one gets a credit note that reverses the invoice's entry."""
    session.rights(user).require("bookings", Level.WRITE)
    with session.transaction():
        booking = find_booking(number)
        if booking.status == "cancelled":
            raise ValidationError(
                "status", _("Booking {number} is cancelled already.").format(number=number)
            )
        credit = _credit_note(session, user, booking) if booking.status == "invoiced" else None
        _set_status(booking, "cancelled")
        return credit


def open_amount(booking: Booking) -> int:
    """Invoiced minus credited minus paid, in cents (bound to the booking's session)."""
    invoiced = sum(i.total_cents for i in Invoice.select().where(Invoice.booking == booking.id))
    paid = sum(p.amount_cents for p in Payment.select().where(Payment.booking == booking.id))
    return invoiced - paid


def invoices_of(user: str, session: TenantSession, number: int) -> list[Invoice]:
    """Invoices and credit notes of a booking, oldest first."""
    session.rights(user).require("bookings", Level.READ)
    with session.bound():
        booking = find_booking(number)
        return list(Invoice.select().where(Invoice.booking == booking.id).order_by(Invoice.number))


def invoice_reference(invoice: Invoice) -> str:
    """The journal reference of an invoice or credit note."""
    prefix = "RE" if invoice.kind == "invoice" else "GS"
    return f"{prefix} {invoice.number}"


def _credit_note(session: TenantSession, user: str, booking: Booking) -> Invoice:
    invoice = _last_invoice(booking)
    today = date.today()
    credit = Invoice.create(
        booking=booking.id,
        number=next_number(session, INVOICE_RANGE, 1, MAX_BOOKING_NUMBER),
        kind="credit",
        issued_on=today,
        total_cents=-invoice.total_cents,
        vat_cents=-invoice.vat_cents,
    )
    original = JournalEntry.get(
        (JournalEntry.tenant_nr == session.nr)
        & (JournalEntry.reference == invoice_reference(invoice))
    )
    reversed_lines = [
        Posting(line.account_number, line.credit_cents, line.debit_cents, line.cost_centre_code)
        for line in JournalLine.select().where(JournalLine.entry == original.id)
    ]
    text = _("Credit note {credit} for invoice {invoice}").format(
        credit=credit.number, invoice=invoice.number
    )
    write_entry(session, user, today, text, reversed_lines, invoice_reference(credit))
    return credit


def _last_invoice(booking: Booking) -> Invoice:
    return (
        Invoice.select()
        .where((Invoice.booking == booking.id) & (Invoice.kind == "invoice"))
        .order_by(Invoice.number.desc())
        .get()
    )


def _require_status(booking: Booking, status: str, message: str) -> None:
    if booking.status != status:
        raise ValidationError(
            "status",
            message
            + " "
            + _("Booking {number} is {status}.").format(
                number=booking.number, status=_(STATUS_LABELS[booking.status])
            ),
        )


def _set_status(booking: Booking, status: str) -> None:
    Booking.update(status=status, updated_at=now()).where(Booking.id == booking.id).execute()


def _amounts(booking: Booking, rate: int) -> Amounts:
    if not booking.travel_type_code:
        raise ValidationError(
            "travel_type_code",
            _("Choose a travel type before invoicing: it decides how VAT is treated."),
        )
    total = totals(booking)
    if total.price_cents <= 0:
        raise ValidationError("services", _("Add at least one service with a price first."))
    scheme = TravelType.get(TravelType.code == booking.travel_type_code).vat_scheme
    taxed = {"margin": max(total.margin_cents, 0), "standard": total.price_cents}.get(scheme, 0)
    vat = share_cents(taxed, rate, 100 + rate)
    return Amounts(total.price_cents, total.cost_cents, vat, scheme)


def _invoice_postings(amounts: Amounts, cost_centre: str) -> list[Posting]:
    """Receivable against revenue and VAT by the travel type's scheme (see accounts.py)."""
    lines = [Posting(acc.RECEIVABLES, debit_cents=amounts.gross)]
    if amounts.scheme == "agency":
        # Agency business: the operator's share is passed on; the commission is our revenue.
        lines.append(Posting(acc.PAYABLES, credit_cents=amounts.cost))
        lines.append(_signed(acc.COMMISSION, amounts.gross - amounts.cost, cost_centre))
    else:
        revenue = acc.MARGIN_REVENUE if amounts.scheme == "margin" else acc.STANDARD_REVENUE
        lines.append(_signed(revenue, amounts.gross - amounts.vat, cost_centre))
        lines.append(Posting(acc.VAT_STANDARD, credit_cents=amounts.vat))
        if amounts.scheme == "margin":
            lines.append(
                Posting(acc.TRAVEL_COSTS, debit_cents=amounts.cost, cost_centre=cost_centre)
            )
            lines.append(Posting(acc.PAYABLES, credit_cents=amounts.cost))
    return [line for line in lines if line.debit_cents or line.credit_cents]


def _signed(account: str, cents: int, cost_centre: str) -> Posting:
    """A credit for a positive amount, a debit for a negative one (a loss-making booking)."""
    if cents >= 0:
        return Posting(account, credit_cents=cents, cost_centre=cost_centre)
    return Posting(account, debit_cents=-cents, cost_centre=cost_centre)
