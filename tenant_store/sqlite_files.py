"""SQLite connections and file operations: the one place that knows about ATTACH, pragmas, backups.

Every connection uses a rollback journal (never WAL): only then does SQLite commit a transaction
that spans ATTACHed files atomically, and WAL does not work on network shares.
"""

import os
import random
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import peewee

from .errors import StoreError
from .i18n import _

BUSY_TIMEOUT_S = 30.0
# How long BEGIN or COMMIT keeps retrying a busy database before the error reaches the user.
BUSY_DEADLINE_S = 300.0


def file_uri(path: Path, mode: str = "rw") -> str:
    """A SQLite URI for `path`; mode 'rw' fails on a missing file instead of creating it."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


class StoreDatabase(peewee.SqliteDatabase):
    """A connection to `main` (or to memory) with other files attached under schema names."""

    def __init__(
        self,
        main: Path | None,
        attachments: Sequence[tuple[str, Path]] = (),
        *,
        create: bool = False,
        durable: bool = True,
        timeout: float = BUSY_TIMEOUT_S,
        read_only: frozenset[str] = frozenset(),
        query_only: bool = False,
    ):
        self._mode = "rwc" if create else "rw"
        self._attachments = tuple((schema, Path(path)) for schema, path in attachments)
        # BEGIN IMMEDIATE reserves every writable attached file; read-only ones it leaves alone.
        self._read_only = read_only
        self._durable = durable
        # Files stay writable for SQLite itself, so that a hot journal left by a crashed writer
        # is rolled back on first read (mode=ro would fail); SQL writes are refused.
        self._query_only = query_only
        target = file_uri(main, self._mode) if main is not None else ":memory:"
        super().__init__(target, uri=True, timeout=timeout, lock_type="IMMEDIATE")

    @property
    def schemas(self) -> list[str]:
        """Schema names of the files behind this connection."""
        main = ["main"] if self.database != ":memory:" else []
        return main + [schema for schema, _ in self._attachments]

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        for schema, path in self._attachments:
            mode = "ro" if schema in self._read_only else self._mode
            conn.execute(f'ATTACH DATABASE ? AS "{schema}"', (file_uri(path, mode),))
        sync = "FULL" if self._durable else "OFF"
        journal = "DELETE" if self._durable else "MEMORY"
        for schema in self.schemas:
            if schema in self._read_only:
                continue
            conn.execute(f'PRAGMA "{schema}".journal_mode = {journal}').fetchall()
            conn.execute(f'PRAGMA "{schema}".synchronous = {sync}')
        conn.execute("PRAGMA foreign_keys = ON")
        if self._query_only:
            conn.execute("PRAGMA query_only = 1")
        super()._add_conn_hooks(conn)

    def begin(self, lock_type: str | None = None) -> None:
        """BEGIN, waiting as long as the database is busy (nothing is held before it succeeds)."""
        _while_busy(lambda: super(StoreDatabase, self).begin(lock_type))

    def commit(self) -> None:
        """COMMIT; after SQLITE_BUSY the transaction is still open and COMMIT may be repeated."""
        _while_busy(super().commit)

    def user_version(self, schema: str = "main") -> int:
        """Schema version stored in the file behind `schema`."""
        return self.execute_sql(f'PRAGMA "{schema}".user_version').fetchone()[0]

    def set_user_version(self, schema: str, version: int) -> None:
        """Record the schema version (inside the current transaction)."""
        self.execute_sql(f'PRAGMA "{schema}".user_version = {int(version)}')


def _while_busy(action) -> None:
    """Run `action` until the database is no longer busy or the deadline has passed.

    SQLite's busy handler is not fair: under many writers one process can lose every round
    of its 30 s wait. Repeating the (idempotent) BEGIN or COMMIT with jitter keeps waiting.
    """
    deadline = time.monotonic() + BUSY_DEADLINE_S
    while True:
        try:
            return action()
        except peewee.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise StoreError(
                    _("The database stayed busy for {s} seconds; try again later.").format(
                        s=int(BUSY_DEADLINE_S)
                    )
                ) from exc
            time.sleep(random.uniform(0.005, 0.05))


def single_file(
    schema: str, path: Path, *, create: bool = False, durable: bool = True
) -> StoreDatabase:
    """A connection to one file, reachable under `schema` as the models expect it."""
    if schema == "main":
        return StoreDatabase(path, create=create, durable=durable)
    return StoreDatabase(None, [(schema, path)], create=create, durable=durable)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """A plain connection for file-level work (no models, no attachments)."""
    return sqlite3.connect(file_uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_S)


def read_user_version(path: Path) -> int:
    """Schema version of a file without touching anything else."""
    try:
        conn = _connect(path, "ro")
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(
            _("Cannot read the database file {path}: {error}. Run 'check'.").format(
                path=path, error=exc
            )
        ) from None


def backup_copy(source: Path, target: Path, *, durable: bool = True) -> None:
    """Copy a live database with SQLite's backup API; the source may be in use meanwhile."""
    src, dst = _connect(source, "ro"), _connect(target, "rwc")
    try:
        if not durable:
            dst.execute("PRAGMA synchronous = OFF")
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def integrity_problems(path: Path) -> list[str]:
    """Results of SQLite's integrity check of one file; empty when it is sound."""
    conn = _connect(path, "ro")
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def fsync_file(path: Path) -> None:
    """Flush one file to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flush a directory entry (rename, create) to disk where the OS supports it."""
    if os.name == "nt":  # Windows cannot open directories; NTFS journals metadata itself.
        return
    fsync_file(path)
