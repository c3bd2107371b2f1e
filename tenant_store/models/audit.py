"""The audit trail table kept in each file whose changes an auditor may ask about (GoBD).

Every file records its own changes in the same transaction as the change, so a record can
never be missing for a change that was committed, nor present for one that was rolled back.
Records are hash-chained (see `tenant_store.audit`) and the file refuses UPDATE and DELETE.
"""

import peewee

from .base import StoreModel


def audit_model(base: type[StoreModel]) -> type[StoreModel]:
    """An `audit_record` model living in the schema of `base`."""

    class AuditRecord(base):
        id = peewee.IntegerField(primary_key=True)  # 1, 2, 3 ...: a gap is a removed record
        recorded_at = peewee.CharField()  # ISO timestamp, UTC, as hashed
        user = peewee.CharField()
        tenant_nr = peewee.IntegerField()
        object_kind = peewee.CharField()
        object_id = peewee.CharField()
        action = peewee.CharField()
        old_values = peewee.TextField(default="")  # canonical JSON, as hashed
        new_values = peewee.TextField(default="")
        prev_hash = peewee.CharField()
        hash = peewee.CharField()

        class Meta:
            table_name = "audit_record"
            indexes = ((("recorded_at",), False),)

    AuditRecord.__name__ = AuditRecord.__qualname__ = f"{base.__name__}AuditRecord"
    return AuditRecord


def append_only(table: str, message: str) -> tuple[str, ...]:
    """Triggers (schema placeholder `{schema}`) that make `table` refuse UPDATE and DELETE."""
    return tuple(
        f'CREATE TRIGGER IF NOT EXISTS "{{schema}}"."{table}_no_{verb.lower()}" '
        f"BEFORE {verb} ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{message}'); END"
        for verb in ("UPDATE", "DELETE")
    )


AUDIT_TRIGGERS = append_only(
    "audit_record", "GoBD: the audit trail is append-only; records cannot be changed or removed"
)
