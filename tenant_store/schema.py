"""Creating database files at the program's current schema."""

from pathlib import Path

from .migrations import SCHEMA_VERSIONS, schema_of
from .models import MODELS_BY_DB, TRIGGERS_BY_DB
from .routing import bound
from .sqlite_files import StoreDatabase, single_file


def create_database_file(db: str, path: Path, *, durable: bool = True) -> StoreDatabase:
    """Create `path` with every table of `db` at the current version; returns the connection."""
    conn = single_file(schema_of(db), path, create=True, durable=durable)
    with bound(conn), conn.atomic():
        conn.create_tables(MODELS_BY_DB[db])
        create_triggers(conn, db)
        conn.set_user_version(schema_of(db), SCHEMA_VERSIONS[db])
    return conn


def create_triggers(conn: StoreDatabase, db: str) -> None:
    """The triggers of `db` (GoBD: append-only tables) and the first record of its audit
    trail, in the caller's transaction (models bound to `conn`)."""
    from .audit import AUDITED, start_trail

    for sql in TRIGGERS_BY_DB.get(db, ()):
        conn.execute_sql(sql.format(schema=schema_of(db)))
    if db in AUDITED:
        start_trail(db)
