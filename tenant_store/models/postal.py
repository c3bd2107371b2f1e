"""Postal codes and towns (R6: central means one list for every tenant)."""

import peewee

from ..logical import Logical
from .base import logical_base

Base = logical_base(Logical.POSTAL)


class PostalCode(Base):
    country = peewee.CharField(max_length=2)
    code = peewee.CharField()
    place = peewee.CharField()
    # Added in schema v2 (the Bundesland of the GeoNames format); see migrations.
    state = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("country", "code", "place"), True),)


MODELS = (PostalCode,)
