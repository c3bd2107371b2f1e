"""Schema of every logical database and of the installation database, as peewee models."""

from ..logical import INSTALLATION_SCHEMA, Logical
from . import accounting, basedata, bookings, customers, installation, notes, postal, tickets

MODELS_BY_DB: dict[str, tuple] = {
    Logical.BASEDATA: basedata.MODELS,
    Logical.POSTAL: postal.MODELS,
    Logical.CUSTOMERS: customers.MODELS,
    Logical.BOOKINGS: bookings.MODELS,
    Logical.TICKETS: tickets.MODELS,
    Logical.NOTES: notes.MODELS,
    Logical.ACCOUNTING: accounting.MODELS,
    INSTALLATION_SCHEMA: installation.MODELS,
}

# Triggers each file carries besides its tables ("{schema}" is the file's schema name).
TRIGGERS_BY_DB: dict[str, tuple[str, ...]] = {
    Logical.BASEDATA: basedata.TRIGGERS,
    Logical.CUSTOMERS: customers.TRIGGERS,
    Logical.ACCOUNTING: accounting.TRIGGERS,
    INSTALLATION_SCHEMA: installation.TRIGGERS,
}
