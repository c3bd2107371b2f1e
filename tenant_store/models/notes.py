"""Desktop notes and circulars (R9: central means sent and received across tenants)."""

import peewee

from ..logical import Logical
from .base import LocalForeignKey, logical_base

Base = logical_base(Logical.NOTES)


class Note(Base):
    sender_login = peewee.CharField()
    sender_tenant = peewee.IntegerField()
    scope = peewee.CharField()  # user | team | tenant | all
    subject = peewee.CharField()
    body = peewee.TextField(default="")
    reply_to = LocalForeignKey("self", null=True, backref="replies")
    created_at = peewee.DateTimeField()


class NoteRecipient(Base):
    note = LocalForeignKey(Note, backref="recipients", on_delete="CASCADE")
    recipient_login = peewee.CharField(index=True)
    tenant_nr = peewee.IntegerField()
    read_at = peewee.DateTimeField(null=True)


MODELS = (Note, NoteRecipient)
