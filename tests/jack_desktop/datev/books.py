"""Helpers for the DATEV tests: post into past months as an office taking over its books."""

from datetime import date
from decimal import Decimal

from jack_desktop.accounting import post_entry
from jack_desktop.invoicing import invoice_booking, record_payment
from jack_desktop.period_locks import taking_over_history

from ..agency import booked

ADVISER, CLIENT = 1234567, 10001
SERVICE_FEE = {
    "kind": "other",
    "price": Decimal("119.00"),
    "cost": "0",
    "description": "Serviceentgelt",
}


def invoice(session, on: date, user="anna", **booking) -> int:
    """A booked booking invoiced on `on`; returns the booking number."""
    with taking_over_history():
        number = booked(session, user, **booking)
        invoice_booking(user, session, number, issued_on=on)
    return number


def pay(session, number: int, amount: str, on: date, user="anna") -> None:
    with taking_over_history():
        record_payment(user, session, number, Decimal(amount), received_on=on)


def post(session, on: date, text: str, lines, reference="", user="otto") -> None:
    with taking_over_history():
        post_entry(user, session, on, text, lines, reference=reference)
