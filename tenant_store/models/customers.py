"""Customers and with which tenants each one is shared (R8, R12)."""

import peewee
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from ..logical import Logical, schema_name
from ..routing import ROUTER
from ..search_folding import fold
from .audit import AUDIT_TRIGGERS, audit_model
from .base import LocalForeignKey, logical_base

Base = logical_base(Logical.CUSTOMERS)


class Customer(Base):
    number = peewee.IntegerField(unique=True)
    kind = peewee.CharField(default="person")  # person | company
    salutation = peewee.CharField(default="")
    title = peewee.CharField(default="")
    first_name = peewee.CharField(default="")
    last_name = peewee.CharField(default="")
    company = peewee.CharField(default="")
    street = peewee.CharField(default="")
    postcode = peewee.CharField(default="")
    city = peewee.CharField(default="")
    country = peewee.CharField(max_length=2, default="DE")
    email = peewee.CharField(default="")
    phone = peewee.CharField(default="")
    mobile = peewee.CharField(default="")
    birth_date = peewee.DateField(null=True)
    iban = peewee.CharField(default="")
    notes = peewee.TextField(default="")
    owner_tenant = peewee.IntegerField()
    shared_with_all = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField()
    # Schema v4: what the list is sorted by, the name it shows (`sort_name`); with the index
    # a page in name order is read without sorting, also deep in a million customers.
    sort_name = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("sort_name", "number"), False),)


class CustomerShare(Base):
    """A tenant that may see a customer not shared with all (R12)."""

    customer = LocalForeignKey(Customer, backref="shares", on_delete="CASCADE")
    tenant_nr = peewee.IntegerField()

    class Meta:
        indexes = ((("customer", "tenant_nr"), True), (("tenant_nr",), False))


class CustomerSearch(FTS5Model, Base):
    """Search index (v2; prefixes since v3): the folded text of a customer, rowid = its id."""

    rowid = RowIDField()
    body = SearchField()

    class Meta:  # FTS5Model's own Meta would otherwise win over Base's
        database = ROUTER
        schema = schema_name(Logical.CUSTOMERS)
        table_name = "customer_search"
        # Schema v3: prefixes of 2 and 3 characters are indexed, so that a short prefix is one
        # index lookup instead of a merge of every term that starts with it.
        options = {"prefix": "2 3"}


SEARCHED_FIELDS = (
    "number",
    "first_name",
    "last_name",
    "company",
    "postcode",
    "city",
    "email",
    "phone",
    "mobile",
)


def search_body(values: dict) -> str:
    """The folded text a customer is found by."""
    return fold(" ".join(str(values.get(f) or "") for f in SEARCHED_FIELDS))


SORTED_BY_FIELDS = ("kind", "first_name", "last_name", "company")


def sort_name(values: dict) -> str:
    """The key a customer is listed by: a company by its name, a person by 'last first'.

    The same choice as the name the list shows (ui.customer_model.customer_name), folded so that
    case and German spellings do not split the order ("Müller" next to "Mueller", as in a phone
    book).
    """
    person = f"{values.get('last_name') or ''} {values.get('first_name') or ''}"
    if values.get("kind") == "company" or not person.strip():
        return fold(values.get("company") or person)
    return fold(person)


AuditRecord = audit_model(Base)  # schema v5: who changed which customer (GoBD)

MODELS = (Customer, CustomerShare, CustomerSearch, AuditRecord)
TRIGGERS = AUDIT_TRIGGERS
