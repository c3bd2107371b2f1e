"""The invoice (or credit note) of a booking, as a DIN 5008 letter in the tenant's branding.

Texts come from the tenant's parameters: the header and footer texts, the VAT note of the
booking's VAT scheme (§ 25 UStG margin scheme or agency business) and the payment terms (the
invoice's due date was set from `payment.terms_days` when it was issued). Only with the standard
scheme is VAT shown as an amount: under § 25 UStG it must not be.

An issued invoice is archived as drawn at issue (`archive_invoice`, called by invoicing); saving
it again (`save_invoice`) gives those archived bytes, see `archived`. `write_invoice` draws it
from the data as it is now (with the payments received so far): a working view, not a copy.
"""

import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from tenant_store import TenantSession, ValidationError
from tenant_store.archive import Stored
from tenant_store.i18n import _
from tenant_store.models.bookings import Invoice, Payment

from ..basedata import parameter_text, vat_percent
from ..invoicing import invoice_label, invoices_of
from . import archived, files
from . import layout as lay
from .booking_letter import (
    BookingData,
    address_lines,
    load_booking,
    paragraphs,
    person_name,
    services_table,
    totals_table,
)
from .letterhead import Branding
from .pages import Letter, in_document_language, write_pdf
from .texts import printed

VAT_NOTES = {"margin": "invoice.vat_note_margin", "agency": "invoice.vat_note_agency"}


@dataclass(frozen=True)
class InvoiceData:
    """Everything an invoice prints, read before the first page is drawn."""

    branding: Branding
    data: BookingData
    invoice: Invoice
    paid_cents: int
    texts: dict[str, str]  # parameter texts as stored; `text` prints them
    vat_percent: int

    @property
    def is_credit(self) -> bool:
        return self.invoice.kind == "credit"

    def text(self, key: str) -> str:
        """A parameter text in the document language (see `texts.printed`)."""
        return printed(key, self.texts[key])


def write_invoice(
    user: str,
    session: TenantSession,
    booking_number: int,
    out: BinaryIO,
    invoice_number: int | None = None,
) -> int:
    """Draw the invoice (default: the booking's latest) from the data as it is now into `out`,
    with the payments received so far; returns the page count. The copy that counts is the
    archived one (`save_invoice`)."""
    return _render(_load(user, session, booking_number, invoice_number), out)


def save_invoice(
    user: str, session: TenantSession, booking_number: int, invoice_number: int | None = None
) -> Path:
    """Save the archived original of the invoice as `Dokumente/Rechnung-<number>.pdf` in the
    tenant's folder: byte for byte the PDF issued, whatever changed since.

    An invoice not archived yet (issued while the tenant had no tax number, or before invoices
    were archived) is drawn and archived now; that needs a session open for writing. Like any
    invoice it is only handed out while the tenant has a tax number or VAT ID (§ 14 UStG).
    """
    doc = _load(user, session, booking_number, invoice_number)
    invoice = doc.invoice
    if not archived.is_archived(invoice):
        invoice = _archive_late(user, session, booking_number, invoice)
    data = archived.original(session, invoice)
    path = files.invoice_path(session, invoice_label(invoice), doc.is_credit)
    return files.write_atomically(path, lambda out: out.write(data))


def archive_invoice(
    user: str, session: TenantSession, booking_number: int, invoice: Invoice
) -> Stored | None:
    """Draw an invoice or credit note as issued and archive it, inside `archived.issuing`.

    Returns None, archiving nothing, while the tenant has neither tax number nor VAT ID: no
    valid invoice can be printed then (§ 14 UStG); it is archived at its first print.
    """
    if not _may_have_tax_lines(session):
        return None
    branding = Branding.of(session)
    if not branding.tax_lines():  # before reading the booking: most of the work
        return None
    return _archive_drawn(user, session, booking_number, invoice, branding)


def _archive_drawn(
    user: str, session: TenantSession, booking_number: int, invoice: Invoice, branding: Branding
) -> Stored:
    doc = _load(user, session, booking_number, invoice.number, branding)
    out = io.BytesIO()
    _render(replace(doc, paid_cents=0), out)  # as issued: nothing paid on it yet
    return archived.keep(session, invoice, out.getvalue())


def _may_have_tax_lines(session: TenantSession) -> bool:
    """The tenant as read when the session opened has a tax number or VAT ID: a tenant
    without (most test and demo tenants, new offices) is not read again for every invoice.
    One entered meanwhile is used from the next session; until then its invoices are archived
    at their first print."""
    branding = session.tenant.branding
    return bool(
        (branding.get("tax_number") or "").strip() or (branding.get("vat_id") or "").strip()
    )


def _archive_late(
    user: str, session: TenantSession, booking_number: int, invoice: Invoice
) -> Invoice:
    with archived.issuing(session):
        current = Invoice.get_by_id(invoice.id)  # a colleague may have printed it meanwhile
        if not current.archive_file:  # the tax number was read fresh by save_invoice
            _archive_drawn(user, session, booking_number, current, Branding.of(session))
    return current


def _load(
    user: str,
    session: TenantSession,
    booking_number: int,
    invoice_number: int | None,
    branding: Branding | None = None,
) -> InvoiceData:
    data = load_booking(user, session, booking_number)
    invoice = _pick(invoices_of(user, session, booking_number), booking_number, invoice_number)
    with session.bound():
        paid = Payment.select().where(Payment.invoice == invoice.id)
        paid_cents = sum(p.amount_cents for p in paid)
    branding = branding or Branding.of(session)
    if not branding.tax_lines():
        raise ValidationError(
            "tax_number",
            _(
                "{tenant} has neither a tax number nor a VAT ID, and an invoice must show one "
                "(§ 14 UStG). An administrator enters it under File › Tenant management › Edit."
            ).format(tenant=branding.name),
        )
    keys = ["invoice.header_text", "invoice.footer_text"]
    if data.vat_scheme in VAT_NOTES:
        keys.append(VAT_NOTES[data.vat_scheme])
    return InvoiceData(
        branding=branding,
        data=data,
        invoice=invoice,
        paid_cents=paid_cents,
        texts={key: parameter_text(session, key) for key in keys},
        vat_percent=vat_percent(session),
    )


def _pick(invoices: list[Invoice], booking_number: int, number: int | None) -> Invoice:
    if number is None:
        issued = [i for i in invoices if i.kind == "invoice"]
        if not issued:
            raise ValidationError(
                "invoice",
                _("Booking {number} has no invoice yet.").format(number=booking_number),
            )
        return issued[-1]
    for invoice in invoices:
        if invoice.number == number:
            return invoice
    raise ValidationError(
        "invoice",
        _("Booking {booking} has no invoice {invoice}.").format(
            booking=booking_number, invoice=number
        ),
    )


def _title(doc: InvoiceData) -> str:
    if doc.is_credit:
        return _("Credit note {number}").format(number=invoice_label(doc.invoice))
    return _("Invoice {number}").format(number=invoice_label(doc.invoice))


@in_document_language
def _render(doc: InvoiceData, out: BinaryIO) -> int:
    booking = doc.data.booking
    reference = _title(doc) + " · " + _("Booking {number}").format(number=booking.number)
    pages = Letter(doc.branding, address_lines(doc.data.customer), _info(doc), reference)
    return write_pdf(out, pages, f"{_title(doc)} – {doc.branding.name}", _story(doc))


def _info(doc: InvoiceData) -> list[tuple[str, str]]:
    inv, booking = doc.invoice, doc.data.booking
    rows = [
        (_("Credit note no.") if doc.is_credit else _("Invoice no."), invoice_label(inv)),
        (_("Date"), lay.day(inv.issued_on)),
    ]
    if inv.due_on and not doc.is_credit:
        rows.append((_("Due on"), lay.day(inv.due_on)))
    rows += [
        (_("Booking"), str(booking.number)),
        (_("Customer no."), str(doc.data.customer.number)),
    ]
    if booking.travel_from or booking.travel_to:
        rows.append((_("Travel dates"), lay.period(booking.travel_from, booking.travel_to)))
    return rows


def _story(doc: InvoiceData):
    styles = lay.styles(doc.branding.colour)
    colour = doc.branding.colour
    booking = doc.data.booking
    yield Paragraph(_title(doc), styles["subject"])
    about = _("Booking {number}").format(number=booking.number)
    if booking.title:
        about += f": {booking.title}"
    yield Paragraph(escape(about), styles["muted"])  # texts typed by clerks: no markup
    yield Spacer(1, 4 * mm)
    if not doc.is_credit:
        yield from paragraphs(doc.text("invoice.header_text"), styles["body"])
    names = [person_name(t.salutation, "", t.first_name, t.last_name) for t in doc.data.travellers]
    if names:
        travellers = _("Travellers: {names}").format(names=", ".join(names))
        yield Paragraph(escape(travellers), styles["body"])
        yield Spacer(1, 3 * mm)
    yield services_table(doc.data, styles, colour, sign=-1 if doc.is_credit else 1)
    yield Spacer(1, 3 * mm)
    yield KeepTogether(
        [totals_table(_totals(doc), colour), Spacer(1, 4 * mm), *_notes(doc, styles)]
    )
    if not doc.is_credit:
        yield from paragraphs(doc.text("invoice.footer_text"), styles["body"])


def _totals(doc: InvoiceData) -> list[tuple[str, str, bool]]:
    inv = doc.invoice
    if doc.is_credit:
        return [(_("Credit note amount"), lay.money(inv.total_cents), True)]
    rows = []
    if doc.data.vat_scheme == "standard":
        rows += [
            (_("Net amount"), lay.money(inv.total_cents - inv.vat_cents), False),
            (_("VAT {rate} %").format(rate=doc.vat_percent), lay.money(inv.vat_cents), False),
        ]
    rows.append((_("Invoice total"), lay.money(inv.total_cents), True))
    if doc.paid_cents:
        rows += [
            (_("Already paid"), lay.money(-doc.paid_cents), False),
            (_("Amount due"), lay.money(inv.total_cents - doc.paid_cents), True),
        ]
    return rows


def _notes(doc: InvoiceData, styles: dict) -> list:
    notes = []
    key = VAT_NOTES.get(doc.data.vat_scheme)
    if key:
        notes += paragraphs(doc.text(key), styles["muted"])
    due = doc.invoice.total_cents - doc.paid_cents
    if doc.is_credit or due <= 0:
        return notes
    if doc.invoice.due_on:
        terms = _(
            "Please transfer {amount} by {date} at the latest, quoting invoice number {number}."
        ).format(
            amount=lay.money(due),
            date=lay.day(doc.invoice.due_on),
            number=invoice_label(doc.invoice),
        )
    else:
        terms = _("Please transfer {amount}, quoting invoice number {number}.").format(
            amount=lay.money(due), number=invoice_label(doc.invoice)
        )
    gap = [Spacer(1, 1 * mm)] if notes else []  # as much room above the request as below
    return [*notes, *gap, Paragraph(terms, styles["body"]), Spacer(1, 3 * mm)]
