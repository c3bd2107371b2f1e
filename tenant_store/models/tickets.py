"""Tickets (R7: central means one ticket file, reconciled in tenant 0)."""

import peewee

from ..logical import Logical
from ..search_folding import fold
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
    # Schema v2: the passenger folded like customers ("MUELLER/HANS MR" -> "muller hans mr"),
    # so that "müller", "muller" and "MÜL" all find him; written with the passenger.
    passenger_folded = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])


def passenger_folded(passenger: str) -> str:
    """The search form of a passenger's name (the same folding as customers)."""
    return fold(passenger)


MODELS = (Ticket,)
