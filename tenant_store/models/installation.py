"""Installation-wide data (in tenant 0's folder): tenant registry, users, roles, licences."""

import peewee

from ..logical import INSTALLATION_SCHEMA
from .audit import AUDIT_TRIGGERS, audit_model
from .base import LocalForeignKey, logical_base

Base = logical_base(INSTALLATION_SCHEMA)


class Tenant(Base):
    nr = peewee.IntegerField(primary_key=True)
    name = peewee.CharField()
    street = peewee.CharField(default="")
    postcode = peewee.CharField(default="")
    city = peewee.CharField(default="")
    country = peewee.CharField(max_length=2, default="DE")
    phone = peewee.CharField(default="")
    email = peewee.CharField(default="")
    bank_name = peewee.CharField(default="")
    iban = peewee.CharField(default="")
    bic = peewee.CharField(default="")
    # Tenant 0's at `init`; a new tenant gets an unused one (installation.unused_colour).
    colour = peewee.CharField(default="#1f5f8b")
    accent_colour = peewee.CharField(default="#ffffff")
    logo_file = peewee.CharField(default="")  # file name inside the tenant folder
    booking_first = peewee.IntegerField()
    booking_last = peewee.IntegerField()
    central_postal = peewee.BooleanField(default=False)
    central_customers = peewee.BooleanField(default=False)
    central_tickets = peewee.BooleanField(default=False)
    central_notes = peewee.BooleanField(default=False)
    central_accounting = peewee.BooleanField(default=False)
    seats = peewee.IntegerField(null=True)  # None: the licence's default
    created_at = peewee.DateTimeField()
    # Added in version 2, hence last. An invoice shows one of them (§ 14 UStG).
    tax_number = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    vat_id = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    # Version 4: the invoice series (prefix) that keeps numbers unique per set of books
    # (§ 14 (4) no. 4 UStG), the DATEV client of the tenant's own books, the fiscal year's
    # first month, and the day of the following month on which a month is locked
    # automatically (0: its last day, the GoBD's latest point).
    invoice_prefix = peewee.CharField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    datev_adviser = peewee.IntegerField(null=True)
    datev_client = peewee.IntegerField(null=True)
    fiscal_year_start = peewee.IntegerField(default=1, constraints=[peewee.SQL("DEFAULT 1")])
    lock_day = peewee.IntegerField(default=0, constraints=[peewee.SQL("DEFAULT 0")])


class User(Base):
    login = peewee.CharField(unique=True)
    name = peewee.CharField()
    password_hash = peewee.CharField()
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField()


class Role(Base):
    name = peewee.CharField(primary_key=True)
    tenant_admin = peewee.BooleanField(default=False)


class RoleRight(Base):
    role = LocalForeignKey(Role, backref="rights", on_delete="CASCADE")
    module = peewee.CharField()
    level = peewee.CharField()  # none | read | write

    class Meta:
        indexes = ((("role", "module"), True),)


class Membership(Base):
    user = LocalForeignKey(User, backref="memberships", on_delete="CASCADE")
    tenant_nr = peewee.IntegerField(index=True)
    role = LocalForeignKey(Role)
    team = peewee.CharField(default="")

    class Meta:
        indexes = ((("user", "tenant_nr"), True),)


class Licence(Base):
    """One row per licensed module (R15: licensed once, usable in every tenant)."""

    module = peewee.CharField(primary_key=True)


class Setting(Base):
    key = peewee.CharField(primary_key=True)
    value = peewee.TextField()


class LoginFailure(Base):
    """Wrong passwords in a row for a login, known or not (version 3): they lock it a while."""

    login = peewee.CharField(primary_key=True)
    failures = peewee.IntegerField(default=0)
    last_failure = peewee.DateTimeField()
    locked_until = peewee.DateTimeField(null=True)


AuditRecord = audit_model(Base)  # version 4: tenants, users, rights (GoBD)

MODELS = (
    Tenant,
    User,
    Role,
    RoleRight,
    Membership,
    Licence,
    Setting,
    LoginFailure,
    AuditRecord,
)
TRIGGERS = AUDIT_TRIGGERS
