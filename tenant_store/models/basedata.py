"""Base data: destinations, travel types, parameters, cost centres, suppliers."""

import peewee

from ..logical import Logical
from .audit import AUDIT_TRIGGERS, audit_model
from .base import logical_base

Base = logical_base(Logical.BASEDATA)


class Destination(Base):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    country = peewee.CharField(max_length=2)
    active = peewee.BooleanField(default=True)


class TravelType(Base):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    vat_scheme = peewee.CharField()  # margin | agency | standard
    active = peewee.BooleanField(default=True)


class Parameter(Base):
    key = peewee.CharField(primary_key=True)
    value = peewee.TextField()
    description = peewee.TextField(default="")


class CostCentre(Base):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    active = peewee.BooleanField(default=True)


class Supplier(Base):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    kind = peewee.CharField()
    active = peewee.BooleanField(default=True)


AuditRecord = audit_model(Base)  # schema v2: changes of base data (GoBD)

MODELS = (Destination, TravelType, Parameter, CostCentre, Supplier, AuditRecord)
TRIGGERS = AUDIT_TRIGGERS
