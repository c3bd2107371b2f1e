"""Invoices, payments and cancellations: the status changes that move money and post (R4).

Each is one transaction over the tenant's bookings file and the accounting file (tenant 0's
where accounting is central): the invoice number, the status and the journal entry are
committed together or not at all, so invoice numbers stay gapless. The PDF of an invoice or
credit note is drawn and archived in that transaction too (`documents.archived`).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import peewee

from tenant_store import TenantSession, ValidationError
from tenant_store.i18n import _
from tenant_store.installation import now
from tenant_store.logical import MAX_BOOKING_NUMBER
from tenant_store.models.accounting import JournalEntry
from tenant_store.models.basedata import Supplier, TravelType
from tenant_store.models.bookings import Booking, Invoice, Payment, ServiceLine
from tenant_store.models.customers import Customer
from tenant_store.number_ranges import next_number
from tenant_store.rights import Level

from . import accounts as acc
from .accounting import Posting, postings_of, write_entry
from .basedata import books_language, payment_terms_days, vat_percent
from .bookings import STATUS_LABELS, customer_display_name, find_booking, totals
from .money import format_money, parse_amount, share_cents, to_cents
from .personal_accounts import CREDITOR, DEBTOR, customers_owner, personal_account

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
    archived, archive_invoice = _archiving()
    with archived.issuing(session):
        booking = find_booking(number)
        _require_status(booking, "booked", _("Only a booked booking can be invoiced."))
        amounts = _amounts(booking, vat_percent(session))
        invoice = Invoice.create(
            booking=booking.id,
            number=next_number(session, INVOICE_RANGE, 1, MAX_BOOKING_NUMBER),
            series=session.tenant.books["invoice_prefix"],
            kind="invoice",
            issued_on=issued_on,
            due_on=issued_on + timedelta(days=payment_terms_days(session)),
            total_cents=amounts.gross,
            vat_cents=amounts.vat,
        )
        with books_language(session):
            text = _("Invoice {invoice} booking {booking}").format(
                invoice=invoice_label(invoice), booking=number
            )
        postings = _invoice_postings(session, user, booking, amounts)
        write_entry(
            session,
            user,
            issued_on,
            text,
            postings,
            invoice_reference(invoice),
            document=invoice_label(invoice),
        )
        _set_status(booking, "invoiced")
        archive_invoice(user, session, number, invoice)  # last: drawn from what was written
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
            reference=invoice_label(invoice),
        )
        postings = [
            Posting(PAYMENT_ACCOUNTS[method], debit_cents=value),
            Posting(
                acc.RECEIVABLES,
                credit_cents=value,
                personal_account=_debtor(session, user, booking),
            ),
        ]
        with books_language(session):
            text = _("Payment booking {booking}").format(booking=number)
        write_entry(
            session,
            user,
            received_on,
            text,
            postings,
            f"ZE {payment.id}",
            document=invoice_label(invoice),
        )
        return payment


def cancel_booking(
    user: str, session: TenantSession, number: int, cancelled_on: date | None = None
) -> Invoice | None:
    """Cancel a booking; an invoiced one gets a credit note that reverses the invoice's entry.

    The credit note is dated `cancelled_on` (default today), which must be in an open period.
    """
    cancelled_on = cancelled_on or date.today()
    session.rights(user).require("bookings", Level.WRITE)
    archived, archive_invoice = _archiving()
    with archived.issuing(session):
        booking = find_booking(number)
        if booking.status == "cancelled":
            raise ValidationError(
                "status", _("Booking {number} is cancelled already.").format(number=number)
            )
        credit = None
        if booking.status == "invoiced":
            credit = _credit_note(session, user, booking, cancelled_on)
        _set_status(booking, "cancelled")
        if credit is not None:
            archive_invoice(user, session, number, credit)
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


def invoice_label(invoice: Invoice) -> str:
    """The invoice number as printed: its series prefix and number (M1-17; 17 before series)."""
    return f"{invoice.series}{invoice.number}"


def invoice_reference(invoice: Invoice) -> str:
    """The journal reference of an invoice or credit note."""
    prefix = "RE" if invoice.kind == "invoice" else "GS"
    return f"{prefix} {invoice_label(invoice)}"


def _archiving():
    """The archive's transaction and the invoice's drawing, imported on the first use: the
    drawing needs reportlab, which would slow down every window that shows a booking."""
    from .documents import archived
    from .documents.invoice import archive_invoice

    return archived, archive_invoice


def _credit_note(session: TenantSession, user: str, booking: Booking, today: date) -> Invoice:
    invoice = _last_invoice(booking)
    credit = Invoice.create(
        booking=booking.id,
        number=next_number(session, INVOICE_RANGE, 1, MAX_BOOKING_NUMBER),
        series=session.tenant.books["invoice_prefix"],
        kind="credit",
        issued_on=today,
        total_cents=-invoice.total_cents,
        vat_cents=-invoice.vat_cents,
    )
    original = JournalEntry.get(
        (JournalEntry.tenant_nr == session.nr)
        & (JournalEntry.reference == invoice_reference(invoice))
    )
    reversed_lines = [p.reversed() for p in postings_of(original.id)]
    with books_language(session):
        text = _("Credit note {credit} for invoice {invoice}").format(
            credit=invoice_label(credit), invoice=invoice_label(invoice)
        )
    write_entry(
        session,
        user,
        today,
        text,
        reversed_lines,
        invoice_reference(credit),
        document=invoice_label(credit),
        reverses=original.id,
    )
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


def _invoice_postings(
    session: TenantSession, user: str, booking: Booking, amounts: Amounts
) -> list[Posting]:
    """Receivable against revenue and VAT by the travel type's scheme (see accounts.py).

    The receivable carries the customer's Debitor, the payables each supplier's Kreditor.
    """
    cost_centre = booking.cost_centre_code
    debtor = _debtor(session, user, booking)
    lines = [Posting(acc.RECEIVABLES, debit_cents=amounts.gross, personal_account=debtor)]
    payables = _payables(session, user, booking)
    if amounts.scheme == "agency":
        # Agency business: the operator's share is passed on; the commission is our revenue.
        lines.extend(payables)
        lines.append(_signed(acc.COMMISSION, amounts.gross - amounts.cost, cost_centre))
    else:
        revenue = acc.MARGIN_REVENUE if amounts.scheme == "margin" else acc.STANDARD_REVENUE
        lines.append(_signed(revenue, amounts.gross - amounts.vat, cost_centre))
        lines.append(Posting(acc.VAT_STANDARD, credit_cents=amounts.vat))
        if amounts.scheme == "margin":
            lines.append(
                Posting(acc.TRAVEL_COSTS, debit_cents=amounts.cost, cost_centre=cost_centre)
            )
            lines.extend(payables)
    return [line for line in lines if line.debit_cents or line.credit_cents]


def _debtor(session: TenantSession, user: str, booking: Booking) -> str:
    customer = Customer.get_or_none(Customer.id == booking.customer_id)
    name = (
        customer_display_name(
            customer.kind, customer.company, customer.last_name, customer.first_name
        )
        if customer
        else ""
    )
    owner = customers_owner(session)
    return personal_account(session, user, DEBTOR, owner, str(booking.customer_id), name)


def _payables(session: TenantSession, user: str, booking: Booking) -> list[Posting]:
    """The operators' shares of a booking, one payables line per supplier (its Kreditor)."""
    cost = peewee.fn.SUM(ServiceLine.cost_cents * ServiceLine.quantity)
    per_supplier = list(
        ServiceLine.select(ServiceLine.supplier_code, cost)
        .where(ServiceLine.booking == booking.id)
        .group_by(ServiceLine.supplier_code)
        .order_by(ServiceLine.supplier_code)
        .tuples()
    )
    codes = [code for code, _cents in per_supplier]
    names = dict(
        Supplier.select(Supplier.code, Supplier.name).where(Supplier.code.in_(codes)).tuples()
    )
    lines = []
    for code, cents in per_supplier:
        name = names.get(code) or _("Various suppliers")
        creditor = personal_account(session, user, CREDITOR, session.nr, code, name)
        lines.append(Posting(acc.PAYABLES, credit_cents=cents, personal_account=creditor))
    return lines


def _signed(account: str, cents: int, cost_centre: str) -> Posting:
    """A credit for a positive amount, a debit for a negative one (a loss-making booking)."""
    if cents >= 0:
        return Posting(account, credit_cents=cents, cost_centre=cost_centre)
    return Posting(account, debit_cents=-cents, cost_centre=cost_centre)
