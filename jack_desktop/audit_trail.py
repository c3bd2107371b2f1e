"""Reading the audit trail (GoBD): what changed, who changed it, when, old and new values.

Each file keeps its own hash-chained trail (tenant_store.audit). A tenant's trail is the
records made in it, read from every file the tenant uses, newest first.
"""

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tenant_store import TenantSession, ValidationError
from tenant_store.audit import AUDITED
from tenant_store.i18n import N_, _
from tenant_store.logical import INSTALLATION_SCHEMA, Logical
from tenant_store.rights import Level

OBJECT_KINDS = {
    "journal_entry": N_("Journal entry"),
    "period_lock": N_("Festschreibung"),
    "personal_account": N_("Personal account"),
    "datev_export": N_("DATEV export"),
    "auditor_export": N_("Tax auditor export"),
    "customer": N_("Customer"),
    "supplier": N_("Supplier"),
    "basedata": N_("Base data"),
    "parameter": N_("Parameter"),
    "tenant": N_("Tenant"),
    "user": N_("User"),
    "membership": N_("Membership"),
    "role": N_("Role"),
}
ACTIONS = {
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "post": N_("posted"),
    "reverse": N_("reversed"),
    "lock": N_("locked"),
    "export": N_("exported"),
    "grant": N_("granted"),
    "revoke": N_("revoked"),
}
FILES = {
    Logical.ACCOUNTING: N_("accounting"),
    Logical.CUSTOMERS: N_("customers"),
    Logical.BASEDATA: N_("base data"),
    INSTALLATION_SCHEMA: N_("installation"),
}
MAX_ROWS = 5000


@dataclass(frozen=True)
class AuditRow:
    """One record as the viewer shows it."""

    file: str  # which trail: accounting, customers, base data, installation
    record_id: int
    recorded_at: datetime  # local time
    user: str
    tenant_nr: int
    object_kind: str
    object_id: str
    action: str
    old: dict
    new: dict

    @property
    def kind_label(self) -> str:
        return _(OBJECT_KINDS.get(self.object_kind, self.object_kind))

    @property
    def action_label(self) -> str:
        return _(ACTIONS.get(self.action, self.action))


def audit_trail(
    user: str,
    session: TenantSession,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    login: str | None = None,
    object_kind: str | None = None,
    limit: int = MAX_ROWS,
) -> list[AuditRow]:
    """This tenant's audit records, newest first, filtered by day, acting user and object."""
    session.rights(user).require("accounting", Level.READ)
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", _("The end date is before the start date."))
    if object_kind and object_kind not in OBJECT_KINDS:
        raise ValidationError("object", _("Choose a kind of object from the list."))
    rows: list[AuditRow] = []
    with session.bound():
        for db, model in AUDITED.items():
            where = model.tenant_nr == session.nr
            if date_from:
                where &= model.recorded_at >= _utc_text(date_from)
            if date_to:
                where &= model.recorded_at < _utc_text(date_to + timedelta(days=1))
            if login:
                where &= model.user == login.strip()
            if object_kind:
                where &= model.object_kind == object_kind
            query = model.select().where(where).order_by(model.id.desc()).limit(limit)
            rows.extend(_row(_(FILES[db]), r) for r in query)
    rows.sort(key=lambda r: r.recorded_at, reverse=True)
    return rows[:limit]


def _utc_text(day: date) -> str:
    """The start of a local day as the UTC text the records are stamped with."""
    return (
        datetime.combine(day, time())
        .astimezone()
        .astimezone(UTC)
        .isoformat(timespec="microseconds")
    )


def _row(file: str, r) -> AuditRow:
    stamped = datetime.fromisoformat(r.recorded_at).astimezone().replace(tzinfo=None)
    return AuditRow(
        file,
        r.id,
        stamped,
        r.user,
        r.tenant_nr,
        r.object_kind,
        r.object_id,
        r.action,
        json.loads(r.old_values) if r.old_values else {},
        json.loads(r.new_values) if r.new_values else {},
    )
