"""What must hold after any interruption: invoices gapless, postings exactly for invoices."""

from collections import Counter

import peewee

from jack_desktop.invoicing import invoice_reference
from tenant_store import Installation
from tenant_store.models.accounting import JournalEntry, JournalLine
from tenant_store.models.bookings import Booking, Invoice, NumberCounter


def unbalanced_entries(tenant_nr: int | None = None) -> list[int]:
    """Ids of journal entries whose debits and credits differ (bound to a session)."""
    query = (
        JournalLine.select(JournalLine.entry)
        .join(JournalEntry)
        .group_by(JournalLine.entry)
        .having(peewee.fn.SUM(JournalLine.debit_cents) != peewee.fn.SUM(JournalLine.credit_cents))
    )
    if tenant_nr is not None:
        query = query.where(JournalEntry.tenant_nr == tenant_nr)
    return [row.entry_id for row in query]


def journal_totals(tenant_nr: int) -> dict[str, int]:
    """Balance per account summed from the journal lines themselves (bound to a session)."""
    query = (
        JournalLine.select(
            JournalLine.account_number,
            peewee.fn.SUM(JournalLine.debit_cents - JournalLine.credit_cents),
        )
        .join(JournalEntry)
        .where(JournalEntry.tenant_nr == tenant_nr)
        .group_by(JournalLine.account_number)
        .tuples()
    )
    return dict(query)


def check_invoices_and_postings(inst: Installation, nr: int) -> set[int]:
    """Assert the invoicing invariants of tenant `nr`; returns the invoiced booking numbers."""
    with inst.open_session(nr, read_only=True) as session, session.bound():
        invoices = {i.number: i for i in Invoice.select()}
        assert sorted(invoices) == list(range(1, len(invoices) + 1)), "invoice numbers have gaps"
        counter = NumberCounter.get_or_none(NumberCounter.name == "invoice")
        assert (counter.next_value if counter else 1) == len(invoices) + 1
        entries = Counter(
            e.reference for e in JournalEntry.select().where(JournalEntry.tenant_nr == nr)
        )
        invoiced = set()
        for booking in Booking.select():
            own = [i for i in invoices.values() if i.booking_id == booking.id]
            if booking.status == "invoiced":
                assert len(own) == 1, f"booking {booking.number} has {len(own)} invoices"
                assert entries[invoice_reference(own[0])] == 1, f"no posting for {booking.number}"
                invoiced.add(booking.number)
            elif booking.status in ("offer", "booked"):
                assert not own, f"booking {booking.number} has an invoice but is {booking.status}"
        invoice_refs = {r for r in entries if r.startswith(("RE ", "GS "))}
        assert invoice_refs == {invoice_reference(i) for i in invoices.values()}
        assert all(count == 1 for count in entries.values())
        assert unbalanced_entries(nr) == []
    return invoiced
