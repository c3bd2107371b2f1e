"""The hash-chained audit trail (GoBD): append a record, verify a file's chain.

Each record's hash covers its own fields and the hash of the record before it, so altering a
record breaks its own hash and removing one breaks its successor's link (and leaves a gap in
the ids, which count 1, 2, 3 ...). Records are appended inside the caller's write transaction:
SQLite's write lock serialises appenders, so two writers never chain onto the same record.
"""

import getpass
import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import peewee

from .i18n import _
from .logical import INSTALLATION_SCHEMA, Logical
from .models import accounting, basedata, customers, installation

GENESIS = "0" * 64

AUDITED: dict[str, type[peewee.Model]] = {
    Logical.ACCOUNTING: accounting.AuditRecord,
    Logical.BASEDATA: basedata.AuditRecord,
    Logical.CUSTOMERS: customers.AuditRecord,
    INSTALLATION_SCHEMA: installation.AuditRecord,
}
FIELDS = (
    "id",
    "recorded_at",
    "user",
    "tenant_nr",
    "object_kind",
    "object_id",
    "action",
    "old_values",
    "new_values",
    "prev_hash",
)


def canonical(values: Mapping | None) -> str:
    """Values as canonical JSON (sorted keys, dates ISO, Decimals as text); '' for None."""
    if values is None:
        return ""
    return json.dumps(
        values, sort_keys=True, ensure_ascii=False, default=_plain, separators=(",", ":")
    )


def _plain(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"not recordable in the audit trail: {value!r}")


def record_hash(row: Mapping) -> str:
    """The hash of a record: SHA-256 over its fields (prev_hash included) as canonical JSON."""
    body = json.dumps([row[name] for name in FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def record(
    db: str,
    *,
    user: str,
    tenant_nr: int,
    kind: str,
    object_id: object,
    action: str,
    old: Mapping | None = None,
    new: Mapping | None = None,
) -> None:
    """Append a record to the audit trail of the file of `db` the models are routed to.

    Call it inside the write transaction of the change it records.
    """
    model = AUDITED[db]
    last = model.select(model.id, model.hash).order_by(model.id.desc()).limit(1).tuples().first()
    row = {
        "id": last[0] + 1 if last else 1,
        "recorded_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "user": user,
        "tenant_nr": tenant_nr,
        "object_kind": kind,
        "object_id": str(object_id),
        "action": action,
        "old_values": canonical(old),
        "new_values": canonical(new),
        "prev_hash": last[1] if last else GENESIS,
    }
    model.insert(**row, hash=record_hash(row)).execute()


def admin_identity() -> str:
    """Who acts where no one is logged in: the administrator's tools, named by OS user."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        who = str(os.getuid()) if hasattr(os, "getuid") else "?"
    return f"jack-desktop-admin ({who})"


def record_installation(
    by: str | None, tenant_nr: int, kind: str, object_id, action: str, old=None, new=None
) -> None:
    """A record in the installation's trail (tenants, users, rights); `by` None: the admin tools."""
    record(
        INSTALLATION_SCHEMA,
        user=by or admin_identity(),
        tenant_nr=tenant_nr,
        kind=kind,
        object_id=object_id,
        action=action,
        old=old,
        new=new,
    )


START_KIND = "audit_trail"
NO_TENANT = -1  # the trail's own first record belongs to no tenant (the viewer leaves it out)


def start_trail(db: str) -> None:
    """The first record of a new trail: it anchors the chain, so that a trail emptied with
    sqlite3 is told from one never written, and says how far the journal reached before it.

    Inside the transaction that creates the trail (a new file, or the update that adds it),
    with the models routed to that file.
    """
    facts = {}
    if db == Logical.ACCOUNTING:
        before = accounting.JournalEntry.select(peewee.fn.MAX(accounting.JournalEntry.id))
        facts["journal_entries_before"] = before.scalar() or 0
    record(
        db,
        user="jack-desktop",
        tenant_nr=NO_TENANT,
        kind=START_KIND,
        object_id=db,
        action="create",
        new=facts,
    )


def changes(old: Mapping, new: Mapping) -> tuple[dict, dict]:
    """The fields that differ between `old` and `new`: (old values, new values)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


@dataclass(frozen=True)
class ChainReport:
    records: int
    problem: str | None  # the first broken link, or None


_BATCH = 5000


def verify_chain(execute: Callable, where: str, schema: str = "main") -> ChainReport:
    """Walk the audit trail of `schema` through `execute(sql, params)`; name the first break."""
    columns = ", ".join(f'"{name}"' for name in (*FIELDS, "hash"))
    expected_id, prev, count, after = 1, GENESIS, 0, 0
    while True:
        rows = execute(
            f'SELECT {columns} FROM "{schema}"."audit_record" WHERE "id" > ? ORDER BY "id" LIMIT ?',
            (after, _BATCH),
        ).fetchall()
        if not rows:
            return ChainReport(count, None)
        for values in rows:
            row = dict(zip((*FIELDS, "hash"), values, strict=True))
            problem = _link_problem(row, expected_id, prev)
            if problem:
                return ChainReport(count, f"{where}: {problem}")
            expected_id, prev, count = row["id"] + 1, row["hash"], count + 1
        after = rows[-1][0]


def unrecorded_postings(execute: Callable, where: str) -> str | None:
    """Postings of an accounting file without their audit record, or None.

    Every entry written since the trail began has exactly one record; a record removed from
    the end of the trail, where no later record's link can miss it, shows here.
    """
    start = execute(
        'SELECT "new_values" FROM "audit_record" WHERE "object_kind" = ? ORDER BY "id" LIMIT 1',
        (START_KIND,),
    ).fetchone()
    if start is None:
        return _("{where}: the first record of the audit trail is missing.").format(where=where)
    before = json.loads(start[0] or "{}").get("journal_entries_before", 0)
    entries = execute('SELECT count(*) FROM "journal_entry" WHERE "id" > ?', (before,))
    records = execute(
        'SELECT count(*) FROM "audit_record" WHERE "object_kind" = ?', ("journal_entry",)
    )
    missing = entries.fetchone()[0] - records.fetchone()[0]
    if missing <= 0:
        return None
    return _(
        "{where}: {count} journal entries have no audit record: records were removed from "
        "the end of the audit trail."
    ).format(where=where, count=missing)


def _link_problem(row: dict, expected_id: int, prev: str) -> str | None:
    if row["id"] != expected_id:
        return _("audit trail record {missing} is missing (the next one is {found}).").format(
            missing=expected_id, found=row["id"]
        )
    if row["prev_hash"] != prev:
        return _(
            "audit trail record {id} does not follow on from record {before}: "
            "the record before it was changed or removed."
        ).format(id=row["id"], before=row["id"] - 1)
    if record_hash(row) != row["hash"]:
        return _("audit trail record {id} was changed after it was written.").format(id=row["id"])
    return None


def trigger_names(db: str) -> set[str]:
    """The names of the triggers that keep `db`'s posted data and trail unchangeable."""
    from .models import TRIGGERS_BY_DB

    return {re.search(r'\."([a-z_]+)" BEFORE', sql).group(1) for sql in TRIGGERS_BY_DB.get(db, ())}
