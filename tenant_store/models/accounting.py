"""Chart of accounts and journal (R4: central means postings go to tenant 0's journal)."""

import peewee

from ..logical import Logical
from .base import CentsField, LocalForeignKey, logical_base

Base = logical_base(Logical.ACCOUNTING)


class Account(Base):
    number = peewee.CharField(max_length=8, unique=True)  # text: SKR04 numbers keep leading zeros
    name = peewee.CharField()
    kind = peewee.CharField()  # asset | liability | equity | revenue | expense


class JournalEntry(Base):
    tenant_nr = peewee.IntegerField()
    entry_date = peewee.DateField(index=True)  # the consolidated journal, in date order
    reference = peewee.CharField(default="")
    text = peewee.CharField(default="")
    created_by = peewee.CharField(default="")
    created_at = peewee.DateTimeField()

    class Meta:
        # One tenant's journal in date order, straight from the index (no sorting).
        indexes = ((("tenant_nr", "entry_date"), False),)


class JournalLine(Base):
    entry = LocalForeignKey(JournalEntry, backref="lines", on_delete="CASCADE")
    account_number = peewee.CharField(max_length=8, index=True)
    debit_cents = CentsField(default=0)
    credit_cents = CentsField(default=0)
    cost_centre_code = peewee.CharField(default="")


class AccountBalance(Base):
    """Debit and credit totals per tenant and account (schema v2).

    Written in the same transaction as every journal line, so a trial balance or a
    consolidation reads a few hundred rows instead of summing millions of lines.
    """

    tenant_nr = peewee.IntegerField()
    account_number = peewee.CharField(max_length=8)
    debit_cents = CentsField(default=0)
    credit_cents = CentsField(default=0)

    class Meta:
        primary_key = peewee.CompositeKey("tenant_nr", "account_number")


MODELS = (Account, JournalEntry, JournalLine, AccountBalance)
