"""Tickets (R7: central means one ticket file, reconciled in tenant 0)."""

import peewee

from ..logical import Logical
from .base import CentsField, logical_base

Base = logical_base(Logical.TICKETS)


class Ticket(Base):
    # Not unique: duplicate ticket numbers are a finding of the reconciliation, not an error here.
    number = peewee.CharField(max_length=13, index=True)
    airline = peewee.CharField(default="")
    passenger = peewee.CharField(default="")
    route = peewee.CharField(default="")
    fare_cents = CentsField(default=0)
    tax_cents = CentsField(default=0)
    issued_on = peewee.DateField()
    tenant_nr = peewee.IntegerField(index=True)
    booking_number = peewee.IntegerField(null=True, index=True)


MODELS = (Ticket,)
