"""The logical databases of a tenant and which of them may be central (DESIGN.md R2)."""

from collections.abc import Collection
from enum import StrEnum

from .i18n import N_, _


class Logical(StrEnum):
    """A logical database; its value is the file stem and the ATTACH schema name."""

    BASEDATA = "basedata"
    POSTAL = "postal"
    CUSTOMERS = "customers"
    BOOKINGS = "bookings"
    TICKETS = "tickets"
    NOTES = "notes"
    ACCOUNTING = "accounting"


# The order is also the lock order of a session's BEGIN IMMEDIATE: the same for every tenant.
LOGICAL_DBS: tuple[Logical, ...] = tuple(Logical)
CENTRAL_OPTIONS: tuple[Logical, ...] = (
    Logical.POSTAL,
    Logical.CUSTOMERS,
    Logical.TICKETS,
    Logical.NOTES,
    Logical.ACCOUNTING,
)
# Bookings are never central: the file is a session's main database, the super-journal of a
# multi-file commit lives beside it.
MAIN_LOGICAL = Logical.BOOKINGS
DEFAULT_COPY: frozenset[Logical] = frozenset({Logical.BASEDATA})

INSTALLATION_SCHEMA = "installation"
INSTALLATION_FILE = "installation.db"
MANIFEST_FILE = "manifest.json"
TENANTS_DIR = "Mandant"

MAX_TENANT_NR = 9999
MAX_BOOKING_NUMBER = 999_999_999


LABELS: dict[str, str] = {
    Logical.BASEDATA: N_("base data"),
    Logical.POSTAL: N_("postal codes"),
    Logical.CUSTOMERS: N_("customers"),
    Logical.BOOKINGS: N_("bookings"),
    Logical.TICKETS: N_("tickets"),
    Logical.NOTES: N_("desktop notes"),
    Logical.ACCOUNTING: N_("accounting"),
}


def label(db: Logical | str) -> str:
    """The translated name of a logical database, for people."""
    return _(LABELS[Logical(db)])


def shares_booking_numbers(nr: int, central: Collection[str]) -> bool:
    """R5: this tenant's booking numbers meet other tenants' (tenant 0, central accounting or
    central tickets), so its range must not overlap theirs."""
    return nr == 0 or Logical.ACCOUNTING in central or Logical.TICKETS in central


def file_name(logical: Logical) -> str:
    """File name of a logical database inside a tenant folder."""
    return f"{logical.value}.db"


def schema_name(logical: Logical | str) -> str:
    """Schema under which a logical database is reachable in a session connection."""
    return "main" if logical == MAIN_LOGICAL else str(logical)


def default_booking_range(nr: int) -> tuple[int, int]:
    """Tenant 0: 1-99999; tenant N: N*100000 to N*100000+99999."""
    if nr == 0:
        return 1, 99_999
    return nr * 100_000, nr * 100_000 + 99_999
