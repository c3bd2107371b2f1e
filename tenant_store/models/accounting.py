"""Chart of accounts and journal (R4: central means postings go to tenant 0's journal)."""

import peewee

from ..logical import Logical
from .audit import AUDIT_TRIGGERS, append_only, audit_model
from .base import CentsField, LocalForeignKey, logical_base

Base = logical_base(Logical.ACCOUNTING)
NOT_NULL_EMPTY = [peewee.SQL("DEFAULT ''")]


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
    # Schema v4 (GoBD): the entry this one reverses (Storno), and the Belegfeld 1 of DATEV
    # (invoice number, or the invoice a payment settles).
    reverses_id = peewee.IntegerField(null=True, index=True)
    document = peewee.CharField(max_length=36, default="", constraints=NOT_NULL_EMPTY)

    class Meta:
        # One tenant's journal in date order, straight from the index (no sorting).
        indexes = ((("tenant_nr", "entry_date"), False),)


class JournalLine(Base):
    entry = LocalForeignKey(JournalEntry, backref="lines", on_delete="CASCADE")
    account_number = peewee.CharField(max_length=8, index=True)
    debit_cents = CentsField(default=0)
    credit_cents = CentsField(default=0)
    cost_centre_code = peewee.CharField(default="")
    # Schema v4: the Debitor or Kreditor behind a receivables or payables line (DATEV).
    personal_account = peewee.CharField(max_length=9, default="", constraints=NOT_NULL_EMPTY)


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


class PeriodLock(Base):
    """Festschreibung (schema v4): the books accept no posting dated up to `locked_through`.

    Append-only: a lock is never lifted; the latest row is the one in force.
    """

    locked_through = peewee.DateField()
    locked_by = peewee.CharField()
    locked_at = peewee.DateTimeField()
    automatic = peewee.BooleanField(default=False)


class PersonalAccount(Base):
    """A Debitor (customer) or Kreditor (supplier) account, assigned once and kept (v4).

    `owner_nr` is the tenant whose customers or base data file holds `ref` (a customer id or
    a supplier code): central books see customers of several files.
    """

    number = peewee.CharField(max_length=9, primary_key=True)
    kind = peewee.CharField()  # debtor | creditor
    owner_nr = peewee.IntegerField()
    ref = peewee.CharField()
    name = peewee.CharField(default="")

    class Meta:
        indexes = ((("kind", "owner_nr", "ref"), True),)


AuditRecord = audit_model(Base)

MODELS = (
    Account,
    JournalEntry,
    JournalLine,
    AccountBalance,
    PeriodLock,
    PersonalAccount,
    AuditRecord,
)

_POSTED = "GoBD: posted entries cannot be changed or deleted; post a reversal (Storno)"
TRIGGERS = (
    *append_only("journal_entry", _POSTED),
    *append_only("journal_line", _POSTED),
    *append_only("period_lock", "GoBD: a Festschreibung cannot be lifted or changed"),
    *append_only("personal_account", "A personal account, once assigned, is kept"),
    *AUDIT_TRIGGERS,
)
