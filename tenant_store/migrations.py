"""Schema versions of every database file and the steps between them.

A file's version is its `PRAGMA user_version`. New files are created from the current models; a
test proves that v1 plus every migration gives the same tables. Each step runs in one transaction
together with the version bump, so an interrupted update leaves the file at the old or the new
version and can simply be run again.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import SchemaBehind, SchemaTooNew
from .i18n import _
from .logical import INSTALLATION_SCHEMA, LOGICAL_DBS, Logical, schema_name
from .sqlite_files import StoreDatabase, unversioned

Step = Callable[[StoreDatabase, str], None]


_BATCH = 10_000


def _compute_column(
    db: StoreDatabase,
    schema: str,
    table: str,
    column: str,
    sources: tuple[str, ...],
    compute: Callable[[dict], str],
) -> None:
    """Set `column` of every row to `compute({source: value})`, in the step's transaction.

    A batch of rows at a time in id order: a million customers are not held in memory at once.
    """
    names = ", ".join(f'"{name}"' for name in sources)
    last = 0
    while True:
        rows = db.execute_sql(
            f'SELECT "id", {names} FROM "{schema}"."{table}" WHERE "id" > ? ORDER BY "id" LIMIT ?',
            (last, _BATCH),
        ).fetchall()
        if not rows:
            return
        db.connection().executemany(
            f'UPDATE "{schema}"."{table}" SET "{column}" = ? WHERE "id" = ?',
            [(compute(dict(zip(sources, row[1:], strict=True))), row[0]) for row in rows],
        )
        last = rows[-1][0]


@dataclass(frozen=True)
class Migration:
    db: str  # logical database name or "installation"
    to_version: int
    description: str
    upgrade: Step
    downgrade: Step  # used to build old installations in tests, and documented for support


def _postal_add_state(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(
        f'ALTER TABLE "{schema}"."postal_code" '
        "ADD COLUMN \"state\" VARCHAR(255) NOT NULL DEFAULT ''"
    )


def _postal_drop_state(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'ALTER TABLE "{schema}"."postal_code" DROP COLUMN "state"')


def _customers_add_search(db: StoreDatabase, schema: str) -> None:
    from .models.customers import SEARCHED_FIELDS, search_body

    db.execute_sql(f'CREATE VIRTUAL TABLE "{schema}"."customer_search" USING fts5 ("body")')
    columns = ", ".join(f'"{f}"' for f in ("id", *SEARCHED_FIELDS))
    rows = db.execute_sql(f'SELECT {columns} FROM "{schema}"."customer"').fetchall()
    for row in rows:
        values = dict(zip(("id", *SEARCHED_FIELDS), row, strict=True))
        db.execute_sql(
            f'INSERT INTO "{schema}"."customer_search" (rowid, body) VALUES (?, ?)',
            (values["id"], search_body(values)),
        )


def _customers_drop_search(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'DROP TABLE "{schema}"."customer_search"')


def _customers_search_index(prefix_option: str) -> Step:
    """Rebuild the search index with or without FTS5 prefix indexes (same rows, same text)."""

    def step(db: StoreDatabase, schema: str) -> None:
        db.execute_sql(
            f'CREATE VIRTUAL TABLE "{schema}"."customer_search_new" USING fts5 ("body"'
            f"{prefix_option})"
        )
        db.execute_sql(
            f'INSERT INTO "{schema}"."customer_search_new" (rowid, body) '
            f'SELECT rowid, body FROM "{schema}"."customer_search"'
        )
        db.execute_sql(f'DROP TABLE "{schema}"."customer_search"')
        db.execute_sql(f'ALTER TABLE "{schema}"."customer_search_new" RENAME TO "customer_search"')

    return step


def _customers_add_sort_name(db: StoreDatabase, schema: str) -> None:
    from .models.customers import SORTED_BY_FIELDS, sort_name

    db.execute_sql(
        f'ALTER TABLE "{schema}"."customer" '
        "ADD COLUMN \"sort_name\" VARCHAR(255) NOT NULL DEFAULT ''"
    )
    _compute_column(db, schema, "customer", "sort_name", SORTED_BY_FIELDS, sort_name)
    db.execute_sql(
        f'CREATE INDEX "{schema}"."customer_sort_name_number" ON "customer" ("sort_name", "number")'
    )


def _customers_drop_sort_name(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'DROP INDEX "{schema}"."customer_sort_name_number"')
    db.execute_sql(f'ALTER TABLE "{schema}"."customer" DROP COLUMN "sort_name"')


def _tickets_add_passenger_folded(db: StoreDatabase, schema: str) -> None:
    from .models.tickets import passenger_folded

    db.execute_sql(
        f'ALTER TABLE "{schema}"."ticket" '
        "ADD COLUMN \"passenger_folded\" VARCHAR(255) NOT NULL DEFAULT ''"
    )
    _compute_column(
        db,
        schema,
        "ticket",
        "passenger_folded",
        ("passenger",),
        lambda row: passenger_folded(row["passenger"]),
    )


def _tickets_drop_passenger_folded(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'ALTER TABLE "{schema}"."ticket" DROP COLUMN "passenger_folded"')


def _accounting_add_balances(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(
        f'CREATE TABLE "{schema}"."account_balance" ("tenant_nr" INTEGER NOT NULL, '
        '"account_number" VARCHAR(8) NOT NULL, "debit_cents" INTEGER NOT NULL, '
        '"credit_cents" INTEGER NOT NULL, PRIMARY KEY ("tenant_nr", "account_number"))'
    )
    db.execute_sql(
        f'INSERT INTO "{schema}"."account_balance" '
        "(tenant_nr, account_number, debit_cents, credit_cents) "
        "SELECT e.tenant_nr, l.account_number, SUM(l.debit_cents), SUM(l.credit_cents) "
        f'FROM "{schema}"."journal_line" l JOIN "{schema}"."journal_entry" e '
        "ON e.id = l.entry_id GROUP BY e.tenant_nr, l.account_number"
    )


def _accounting_drop_balances(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'DROP TABLE "{schema}"."account_balance"')


def _installation_add_tax_ids(db: StoreDatabase, schema: str) -> None:
    for column in ("tax_number", "vat_id"):
        db.execute_sql(
            f'ALTER TABLE "{schema}"."tenant" '
            f"ADD COLUMN \"{column}\" VARCHAR(255) NOT NULL DEFAULT ''"
        )


def _installation_drop_tax_ids(db: StoreDatabase, schema: str) -> None:
    for column in ("tax_number", "vat_id"):
        db.execute_sql(f'ALTER TABLE "{schema}"."tenant" DROP COLUMN "{column}"')


def _installation_add_login_failures(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(
        f'CREATE TABLE "{schema}"."login_failure" ("login" VARCHAR(255) NOT NULL PRIMARY KEY, '
        '"failures" INTEGER NOT NULL, "last_failure" DATETIME NOT NULL, "locked_until" DATETIME)'
    )


def _installation_drop_login_failures(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'DROP TABLE "{schema}"."login_failure"')


def _accounting_index_dates(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'DROP INDEX "{schema}"."journal_entry_tenant_nr"')
    db.execute_sql(
        f'CREATE INDEX "{schema}"."journal_entry_tenant_nr_entry_date" '
        'ON "journal_entry" ("tenant_nr", "entry_date")'
    )
    db.execute_sql(
        f'CREATE INDEX "{schema}"."journal_entry_entry_date" ON "journal_entry" ("entry_date")'
    )


def _accounting_drop_date_indexes(db: StoreDatabase, schema: str) -> None:
    db.execute_sql(f'DROP INDEX "{schema}"."journal_entry_entry_date"')
    db.execute_sql(f'DROP INDEX "{schema}"."journal_entry_tenant_nr_entry_date"')
    db.execute_sql(
        f'CREATE INDEX "{schema}"."journal_entry_tenant_nr" ON "journal_entry" ("tenant_nr")'
    )


def _add_columns(table: str, columns: dict[str, str]) -> Step:
    def step(db: StoreDatabase, schema: str) -> None:
        for name, ddl in columns.items():
            db.execute_sql(f'ALTER TABLE "{schema}"."{table}" ADD COLUMN "{name}" {ddl}')

    return step


def _drop_columns(table: str, names: tuple[str, ...]) -> Step:
    def step(db: StoreDatabase, schema: str) -> None:
        for name in names:
            db.execute_sql(f'ALTER TABLE "{schema}"."{table}" DROP COLUMN "{name}"')

    return step


def _in_order(*steps: Step) -> Step:
    def step(db: StoreDatabase, schema: str) -> None:
        for one in steps:
            one(db, schema)

    return step


def _create_tables(logical: str, *names: str) -> Step:
    """Create the current models' tables `names` of `logical`, as a new file would have them."""

    def step(db: StoreDatabase, schema: str) -> None:
        from .models import MODELS_BY_DB
        from .routing import bound

        models = [m for m in MODELS_BY_DB[logical] if m._meta.table_name in names]
        with bound(db):
            db.create_tables(models)

    return step


def _drop_tables(*names: str) -> Step:
    def step(db: StoreDatabase, schema: str) -> None:
        for name in names:
            db.execute_sql(f'DROP TABLE "{schema}"."{name}"')

    return step


def _create_triggers(logical: str) -> Step:
    """The triggers of `logical` and the first record of its audit trail (see schema.py)."""

    def step(db: StoreDatabase, schema: str) -> None:
        from .routing import bound
        from .schema import create_triggers

        with bound(db):
            create_triggers(db, logical)

    return step


def _drop_triggers(db: StoreDatabase, schema: str) -> None:
    names = db.execute_sql(
        f"SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'trigger'"
    ).fetchall()
    for (name,) in names:
        db.execute_sql(f'DROP TRIGGER "{schema}"."{name}"')


def _sql(*statements: str) -> Step:
    def step(db: StoreDatabase, schema: str) -> None:
        for statement in statements:
            db.execute_sql(statement.format(schema=schema))

    return step


def _installation_series_for_central_books(db: StoreDatabase, schema: str) -> None:
    """Tenants posting into tenant 0's books issue new invoices in a series of their own."""
    db.execute_sql(
        f'UPDATE "{schema}"."tenant" SET "invoice_prefix" = \'M\' || "nr" || \'-\' '
        'WHERE "central_accounting" AND "nr" <> 0'
    )


_EMPTY_TEXT = "VARCHAR(255) NOT NULL DEFAULT ''"
_GOBD_ACCOUNTING = _in_order(
    _add_columns(
        "journal_entry", {"reverses_id": "INTEGER", "document": "VARCHAR(36) NOT NULL DEFAULT ''"}
    ),
    _sql('CREATE INDEX "{schema}"."journal_entry_reverses_id" ON "journal_entry" ("reverses_id")'),
    _add_columns("journal_line", {"personal_account": "VARCHAR(9) NOT NULL DEFAULT ''"}),
    _create_tables(Logical.ACCOUNTING, "period_lock", "personal_account", "audit_record"),
    _create_triggers(Logical.ACCOUNTING),
)
_UNDO_GOBD_ACCOUNTING = _in_order(
    _drop_triggers,
    _drop_tables("period_lock", "personal_account", "audit_record"),
    _sql('DROP INDEX "{schema}"."journal_entry_reverses_id"'),
    _drop_columns("journal_entry", ("reverses_id", "document")),
    _drop_columns("journal_line", ("personal_account",)),
)


def _audit_trail(logical: str) -> tuple[Step, Step]:
    """The steps that add and remove the audit trail of a file."""
    return (
        _in_order(_create_tables(logical, "audit_record"), _create_triggers(logical)),
        _in_order(_drop_triggers, _drop_tables("audit_record")),
    )


_TENANT_V4 = {
    "invoice_prefix": _EMPTY_TEXT,
    "datev_adviser": "INTEGER",
    "datev_client": "INTEGER",
    "fiscal_year_start": "INTEGER NOT NULL DEFAULT 1",
    "lock_day": "INTEGER NOT NULL DEFAULT 0",
}
_INVOICE_V2 = {"series": _EMPTY_TEXT, "archive_file": _EMPTY_TEXT, "archive_sha256": _EMPTY_TEXT}


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        Logical.POSTAL,
        2,
        "postal codes: add the state (Bundesland)",
        _postal_add_state,
        _postal_drop_state,
    ),
    Migration(
        Logical.CUSTOMERS,
        2,
        "customers: search index folded for German spellings",
        _customers_add_search,
        _customers_drop_search,
    ),
    Migration(
        Logical.CUSTOMERS,
        3,
        "customers: prefix indexes for search as you type over a million customers",
        _customers_search_index(", prefix='2 3'"),
        _customers_search_index(""),
    ),
    Migration(
        Logical.CUSTOMERS,
        4,
        "customers: listed by the name shown, a company by its company name",
        _customers_add_sort_name,
        _customers_drop_sort_name,
    ),
    Migration(
        Logical.TICKETS,
        2,
        "tickets: passengers found with German spellings folded (Müller, MUELLER)",
        _tickets_add_passenger_folded,
        _tickets_drop_passenger_folded,
    ),
    Migration(
        Logical.ACCOUNTING,
        2,
        "accounting: totals per tenant and account for fast trial balances",
        _accounting_add_balances,
        _accounting_drop_balances,
    ),
    Migration(
        Logical.ACCOUNTING,
        3,
        "accounting: journal in date order without sorting (reports of any length)",
        _accounting_index_dates,
        _accounting_drop_date_indexes,
    ),
    Migration(
        INSTALLATION_SCHEMA,
        2,
        "tenants: tax number and VAT ID for invoices (§ 14 UStG)",
        _installation_add_tax_ids,
        _installation_drop_tax_ids,
    ),
    Migration(
        INSTALLATION_SCHEMA,
        3,
        "users: wrong passwords lock a login for a while",
        _installation_add_login_failures,
        _installation_drop_login_failures,
    ),
    Migration(
        Logical.ACCOUNTING,
        4,
        "accounting (GoBD): unchangeable journal, reversals, Festschreibung, personal "
        "accounts for DATEV, audit trail",
        _GOBD_ACCOUNTING,
        _UNDO_GOBD_ACCOUNTING,
    ),
    Migration(
        Logical.CUSTOMERS, 5, "customers: audit trail (GoBD)", *_audit_trail(Logical.CUSTOMERS)
    ),
    Migration(
        Logical.BASEDATA, 2, "base data: audit trail (GoBD)", *_audit_trail(Logical.BASEDATA)
    ),
    Migration(
        Logical.BOOKINGS,
        2,
        "invoices: series per issuing unit and the archived PDF's hash",
        _add_columns("invoice", _INVOICE_V2),
        _drop_columns("invoice", tuple(_INVOICE_V2)),
    ),
    Migration(
        INSTALLATION_SCHEMA,
        4,
        "tenants: invoice series, DATEV client, fiscal year, automatic locks; audit trail",
        _in_order(
            _add_columns("tenant", _TENANT_V4),
            _installation_series_for_central_books,
            *_audit_trail(INSTALLATION_SCHEMA)[:1],
        ),
        _in_order(_audit_trail(INSTALLATION_SCHEMA)[1], _drop_columns("tenant", tuple(_TENANT_V4))),
    ),
)

ALL_DBS: tuple[str, ...] = (*LOGICAL_DBS, INSTALLATION_SCHEMA)
SCHEMA_VERSIONS: dict[str, int] = {
    db: 1 + sum(1 for m in MIGRATIONS if m.db == db) for db in ALL_DBS
}


def steps_between(db: str, current: int, target: int) -> list[Migration]:
    """The migrations that take a file of `db` from `current` up to `target`, in order."""
    return sorted(
        (m for m in MIGRATIONS if m.db == db and current < m.to_version <= target),
        key=lambda m: m.to_version,
    )


def schema_of(db: str) -> str:
    """Schema name under which a database's models address their tables."""
    return INSTALLATION_SCHEMA if db == INSTALLATION_SCHEMA else schema_name(db)


def upgrade_file(conn: StoreDatabase, db: str, current: int, target: int) -> None:
    """Run each step in its own transaction, bumping the version with it."""
    schema = schema_of(db)
    for step in steps_between(db, current, target):
        with conn.atomic():
            # Another admin may have run this step meanwhile; the lock makes the re-read exact.
            if conn.user_version(schema) >= step.to_version:
                continue
            step.upgrade(conn, schema)
            conn.set_user_version(schema, step.to_version)


def downgrade_file(conn: StoreDatabase, db: str, current: int, target: int) -> None:
    """Undo steps down to `target` (support and tests: build an installation of an old version)."""
    schema = schema_of(db)
    for step in reversed(steps_between(db, target, current)):
        with conn.atomic():
            step.downgrade(conn, schema)
            conn.set_user_version(schema, step.to_version - 1)


def too_new(path, found: int, known: int) -> SchemaTooNew:
    """The error for a file written by a newer program: it must not be opened or changed."""
    return SchemaTooNew(
        _(
            "{path} has schema version {found}, but this program knows only up to "
            "{known}: it was written by a newer Jack Desktop. Install that version."
        ).format(path=path, found=found, known=known)
    )


def require_current(path, db: str, found: int) -> None:
    """Refuse a file this program cannot work with: newer (SchemaTooNew) or older (SchemaBehind)."""
    known = SCHEMA_VERSIONS[db]
    if found > known:
        raise too_new(path, found, known)
    if found < 1:  # empty, or no file of ours: 'migrate' could not help, a backup can
        raise unversioned(Path(path))
    if found < known:
        raise SchemaBehind(
            _(
                "{path} has schema version {found}; this program needs {known}. "
                "An administrator must run the update ('migrate') first."
            ).format(path=path, found=found, known=known)
        )
