"""SQLite connections and file operations: the one place that knows about ATTACH, pragmas, backups.

Every connection uses a rollback journal (never WAL): only then does SQLite commit a transaction
that spans ATTACHed files atomically, and WAL does not work on network shares.
"""

import os
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import peewee

from .errors import DamagedFile, DiskFull, FileProblem, ReadOnlyFile, StoreError
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
        self._main = Path(main) if main is not None else None
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

    def file_of(self, schema: str) -> Path:
        """The file behind `schema`."""
        if schema == "main" and self._main is not None:
            return self._main
        return dict(self._attachments)[schema]

    @property
    def files(self) -> list[Path]:
        """The files this connection may write to (the ones an error of a write can be about)."""
        return [self.file_of(s) for s in self.schemas if s not in self._read_only]

    @property
    def read_only_files(self) -> list[Path]:
        """The files attached for reading only (they can be damaged, but not written)."""
        return [self.file_of(s) for s in self.schemas if s in self._read_only]

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        # File by file, so that an unreadable file is named in the error (SQLite names none).
        for schema, path in self._attachments:
            mode = "ro" if schema in self._read_only else self._mode
            with blamed(path):
                conn.execute(f'ATTACH DATABASE ? AS "{schema}"', (file_uri(path, mode),))
        sync = "FULL" if self._durable else "OFF"
        journal = "DELETE" if self._durable else "MEMORY"
        for schema in self.schemas:
            if schema in self._read_only:
                continue
            with blamed(self.file_of(schema)):
                conn.execute(f'PRAGMA "{schema}".journal_mode = {journal}').fetchall()
                conn.execute(f'PRAGMA "{schema}".synchronous = {sync}')
        conn.execute("PRAGMA foreign_keys = ON")
        if self._query_only:
            conn.execute("PRAGMA query_only = 1")
        super()._add_conn_hooks(conn)

    def connect(self, reuse_if_open: bool = False) -> bool:
        """Open the connection; a file that cannot be opened is named in a FileProblem."""
        try:
            return super().connect(reuse_if_open)
        except peewee.DatabaseError as exc:
            self._raise_explained(exc)
            raise

    def execute_sql(self, sql, params=None):
        """Run one statement; disk full, read-only or damaged files become a FileProblem."""
        try:
            return super().execute_sql(sql, params)
        except peewee.DatabaseError as exc:
            self._raise_explained(exc)
            raise

    def begin(self, lock_type: str | None = None) -> None:
        """BEGIN, waiting as long as the database is busy (nothing is held before it succeeds)."""
        try:
            _while_busy(lambda: super(StoreDatabase, self).begin(lock_type))
        except peewee.DatabaseError as exc:
            self._raise_explained(exc)
            raise

    def commit(self) -> None:
        """COMMIT; after SQLITE_BUSY the transaction is still open and COMMIT may be repeated."""
        try:
            _while_busy(super().commit)
        except peewee.DatabaseError as exc:
            self._raise_explained(exc)
            raise

    def rollback(self) -> None:
        """ROLLBACK, unless SQLite has already rolled back by itself.

        After SQLITE_FULL or an I/O error SQLite may end the transaction on its own; peewee's
        ROLLBACK would then fail with 'cannot rollback - no transaction is active' and hide the
        error that matters (the disk is full).
        """
        if not self._sqlite_in_transaction():
            return
        super().rollback()

    def savepoint(self):
        """A savepoint that, like `rollback`, accepts that SQLite has rolled back already."""
        return _Savepoint(self)

    def _sqlite_in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is not None and conn.in_transaction

    def _raise_explained(self, exc: Exception) -> None:
        """Raise the FileProblem that explains `exc`, if there is one (else return)."""
        problem = explain(exc, self.files, self.read_only_files)
        if problem is not None:
            raise problem from exc

    def user_version(self, schema: str = "main") -> int:
        """Schema version stored in the file behind `schema`."""
        return self.execute_sql(f'PRAGMA "{schema}".user_version').fetchone()[0]

    def set_user_version(self, schema: str, version: int) -> None:
        """Record the schema version (inside the current transaction)."""
        self.execute_sql(f'PRAGMA "{schema}".user_version = {int(version)}')


class _Savepoint(peewee._savepoint):
    def rollback(self, begin: bool = True) -> None:
        if self.db._sqlite_in_transaction():  # else SQLite has rolled everything back already
            super().rollback(begin)


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


def _reader(path: Path) -> sqlite3.Connection:
    """A plain connection that only reads `path`.

    query_only, not mode=ro: the file stays writable for SQLite itself, so that it rolls back
    the hot journal a killed writer left behind (mode=ro fails on it with 'attempt to write a
    readonly database'), as sessions do. mode=rw never creates a missing file.
    """
    conn = _connect(path, "rw")
    try:
        conn.execute("PRAGMA query_only = 1")
    except BaseException:
        conn.close()
        raise
    return conn


def read_user_version(path: Path) -> int:
    """Schema version of a file without touching anything else.

    Rolls back a crashed writer's hot journal first. An empty file, or one that is no database
    of this program (version 0), raises DamagedFile naming the file.
    """
    try:
        conn = _reader(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _read_error(exc, path) from None
    if version < 1:
        raise unversioned(path)
    return version


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection that only reads `path`, for a block; SQLite errors name the file."""
    try:
        conn = _reader(path)
        try:
            yield conn
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _read_error(exc, path) from None


def backup_copy(source: Path, target: Path, *, durable: bool = True) -> None:
    """Copy a live database with SQLite's backup API; the source may be in use meanwhile."""
    try:
        src = _reader(source)
        try:
            dst = _connect(target, "rwc")
            try:
                if not durable:
                    dst.execute("PRAGMA synchronous = OFF")
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        problem = explain(exc, [target]) or explain(exc, [source])
        if problem is None:
            raise
        raise problem from None


def integrity_problems(path: Path) -> list[str]:
    """Findings of SQLite's integrity check of one file; empty when it is sound.

    A file SQLite cannot read at all (empty, no database, cut off) raises a FileProblem that
    names it and says what to do; so does one that cannot be opened.
    """
    try:
        conn = _reader(path)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _read_error(exc, path) from None
    return [] if rows == ["ok"] else rows


# -- explaining SQLite's errors: which file, what happened, what to do ----------------------------

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# SQLite's error texts where an error carries no error name (older Pythons, other wrappers).
_ERROR_TEXTS = (
    ("database or disk is full", "SQLITE_FULL"),
    ("readonly database", "SQLITE_READONLY"),
    ("unable to open database file", "SQLITE_CANTOPEN"),
    ("file is not a database", "SQLITE_NOTADB"),
    ("disk image is malformed", "SQLITE_CORRUPT"),
    ("disk I/O error", "SQLITE_IOERR"),
)


def error_name(exc: BaseException) -> str:
    """SQLite's name of an error ('SQLITE_FULL', 'SQLITE_READONLY_ROLLBACK' ...), also of
    peewee's wrapper of it; '' if it is no SQLite error."""
    for candidate in (exc, *exc.args, exc.__cause__, exc.__context__):
        name = getattr(candidate, "sqlite_errorname", None)
        if isinstance(candidate, sqlite3.Error) and name:
            return name
    text = str(exc)
    return next((name for marker, name in _ERROR_TEXTS if marker in text), "")


def explain(
    exc: BaseException, paths: Sequence[Path], readable: Sequence[Path] = ()
) -> FileProblem | None:
    """The FileProblem behind a SQLite error on a connection that writes `paths` (and only
    reads `readable`), or None.

    SQLite's message names no file; the file is found by looking at each of them: the fullest
    disk, the file or folder that may not be written, the file whose header is broken.
    """
    name, paths = error_name(exc), [Path(p) for p in paths]
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return _damaged_one_of([*paths, *map(Path, readable)])
    if "no such table" in str(exc):  # an emptied file is a valid, empty database to SQLite
        empty = [p for p in [*paths, *map(Path, readable)] if header_problem(p) == "empty"]
        return damaged(empty[0]) if empty else None
    if not paths:
        return None
    if name.startswith("SQLITE_FULL"):
        return disk_full(min(paths, key=_free_bytes))
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR")):
        # Only a file or folder that really is read-only: a query_only connection refuses
        # writes with the same error, and that is the program's business, not the admin's.
        blocked = next((p for p in paths if _not_writable(p)), None)
        if blocked is not None:
            return read_only(blocked)
        missing = next((p for p in paths if not p.exists()), None)
        if name.startswith("SQLITE_CANTOPEN") and missing is not None:
            return cannot_open(missing)
    return None


def _damaged_one_of(paths: list[Path]) -> DamagedFile | None:
    """The damaged file among `paths`: the one whose header is broken, or the only one."""
    broken = next((p for p in paths if header_problem(p)), None)
    if broken is None and len(paths) == 1:
        broken = paths[0]
    if broken is not None:
        return damaged(broken)
    if not paths:
        return None
    return DamagedFile(
        None,
        _(
            "One of the files {files} is damaged: SQLite cannot read it. Run 'check' to "
            "find which one, and restore it from a backup."
        ).format(files=", ".join(map(str, paths))),
    )


@contextmanager
def blamed(path: Path) -> Iterator[None]:
    """Inside the block, a SQLite error about `path` becomes a FileProblem naming it."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        problem = explain(exc, [path])
        if problem is None:
            raise
        raise problem from exc


def _read_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """What to tell about a file that could not be read."""
    return explain(exc, [path]) or StoreError(
        _("Cannot read the database file {path}: {error}. Run 'check'.").format(
            path=path, error=exc
        )
    )


def header_problem(path: Path) -> str:
    """What is wrong with a file's first 100 bytes: 'empty', 'foreign' (no SQLite header),
    'cut off' (shorter than the header says), or '' (nothing found; it may still be damaged).

    Read without SQLite, to find which of several files an error is about.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_HEADER_SIZE)
    except OSError:
        return ""
    if size == 0:
        return "empty"
    if len(head) < _HEADER_SIZE or not head.startswith(SQLITE_MAGIC):
        return "foreign"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count is valid only while the change counter matches "version-valid-for".
    if head[24:28] == head[92:96] and size < pages * page_size:
        return "cut off"
    return ""


def damaged(path: Path) -> DamagedFile:
    """The error for a file SQLite cannot read: it must come back from a backup."""
    kind = header_problem(path)
    if kind == "empty":
        message = _(
            "{path} is empty (0 bytes): it holds no data. Restore it from a backup, then run "
            "'check' again."
        )
    elif kind == "foreign":
        message = _(
            "{path} is not a database file, or its first page is damaged. Restore it from a "
            "backup, then run 'check' again."
        )
    elif kind == "cut off":
        message = _(
            "{path} is damaged: the file is shorter than its header says (cut off). Restore it "
            "from a backup, then run 'check' again."
        )
    else:
        message = _(
            "{path} is damaged: SQLite cannot read it. Restore it from a backup, then run "
            "'check' again."
        )
    return DamagedFile(path, message.format(path=path))


def unversioned(path: Path) -> DamagedFile:
    """The error for a file without a schema version: empty, or no file of this program."""
    if header_problem(path) == "empty":
        return damaged(path)
    return DamagedFile(
        path,
        _(
            "{path} has no schema version: it is not a Jack Desktop database. Restore it from a "
            "backup, then run 'check' again."
        ).format(path=path),
    )


def read_only(path: Path) -> ReadOnlyFile:
    """The error for a file, or the folder it is in, that may not be written."""
    folder = path.parent
    if not _writable(path):
        message = _(
            "{path} is read-only: Jack Desktop cannot save to it, and nothing was changed. "
            "Make the file writable for the users of Jack Desktop, then try again."
        )
    else:
        message = _(
            "The folder {folder} is read-only: Jack Desktop cannot save to {path} (SQLite "
            "writes a journal beside it), and nothing was changed. Make the folder writable "
            "for the users of Jack Desktop, then try again."
        )
    return ReadOnlyFile(path, message.format(path=path, folder=folder))


def cannot_open(path: Path) -> FileProblem:
    """The error for a database file that is not there."""
    return FileProblem(
        path,
        _("{path} is missing. Restore it from a backup, then run 'check' again.").format(path=path),
    )


def disk_full(path: Path) -> DiskFull:
    """The error for a write that found the disk full (SQLite has rolled it back)."""
    return DiskFull(
        path,
        _(
            "The disk is full: {path} could not be written, and nothing was saved. Free some "
            "space on the disk that holds {folder}, then try again."
        ).format(path=path, folder=path.parent),
    )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _not_writable(path: Path) -> bool:
    """True if the file exists but it, or its folder (for the journal), may not be written."""
    return path.exists() and not (_writable(path) and _writable(path.parent))


def _free_bytes(path: Path) -> float:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return float("inf")


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
