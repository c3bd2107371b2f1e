"""Bookings ("Vorgänge") with travellers, service lines, invoices, payments; number counters.

References into other logical databases (customer, destination, ...) are plain values: SQLite
enforces foreign keys only inside one file, and a central customer lives in tenant 0's file.
"""

import peewee

from ..logical import Logical
from .base import CentsField, LocalForeignKey, logical_base

Base = logical_base(Logical.BOOKINGS)


class Booking(Base):
    number = peewee.IntegerField(unique=True)
    customer_id = peewee.IntegerField(index=True)
    status = peewee.CharField(default="offer")  # offer | booked | invoiced | cancelled
    title = peewee.CharField(default="")
    travel_from = peewee.DateField(null=True)
    travel_to = peewee.DateField(null=True)
    destination_code = peewee.CharField(default="")
    travel_type_code = peewee.CharField(default="")
    cost_centre_code = peewee.CharField(default="")
    clerk_login = peewee.CharField(default="")
    note = peewee.TextField(default="")
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField()


class Traveller(Base):
    booking = LocalForeignKey(Booking, backref="travellers", on_delete="CASCADE")
    position = peewee.IntegerField()
    salutation = peewee.CharField(default="")
    first_name = peewee.CharField(default="")
    last_name = peewee.CharField()
    birth_date = peewee.DateField(null=True)


class ServiceLine(Base):
    booking = LocalForeignKey(Booking, backref="services", on_delete="CASCADE")
    position = peewee.IntegerField()
    kind = peewee.CharField()  # flight | hotel | package | insurance | rail | other
    supplier_code = peewee.CharField(default="")
    description = peewee.CharField(default="")
    date_from = peewee.DateField(null=True)
    date_to = peewee.DateField(null=True)
    quantity = peewee.IntegerField(default=1)
    price_cents = CentsField(default=0)
    cost_cents = CentsField(default=0)
    vat_rate_percent = peewee.IntegerField(default=0)


class Invoice(Base):
    booking = LocalForeignKey(Booking, backref="invoices")
    number = peewee.IntegerField(unique=True)
    kind = peewee.CharField(default="invoice")  # invoice | credit
    issued_on = peewee.DateField()
    due_on = peewee.DateField(null=True)
    total_cents = CentsField()
    vat_cents = CentsField(default=0)
    # Schema v2: the series prefix the number was issued in ('' before series existed), and
    # the archived PDF as issued (GoBD): its file name in the tenant's archive and its hash.
    series = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    archive_file = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    archive_sha256 = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])


class Payment(Base):
    booking = LocalForeignKey(Booking, backref="payments")
    invoice = LocalForeignKey(Invoice, null=True, backref="payments")
    received_on = peewee.DateField()
    amount_cents = CentsField()
    method = peewee.CharField(default="transfer")
    reference = peewee.CharField(default="")


class NumberCounter(Base):
    """Next number to hand out per range name; the range bounds live in the tenant registry."""

    name = peewee.CharField(primary_key=True)
    next_value = peewee.IntegerField()


MODELS = (Booking, Traveller, ServiceLine, Invoice, Payment, NumberCounter)
