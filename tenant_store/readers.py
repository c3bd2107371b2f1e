"""A lean read-only connection to a few of one tenant's files, for reads across many tenants.

A `TenantSession` attaches all seven logical databases and the installation database, sets the
pragmas of each and checks eight schema versions: about 2 ms, which across 50 tenants is most
of a cross-tenant search. A `TenantReader` opens the tenant's bookings file as main database and
attaches only the logical databases the caller names, under the same schema names a session
uses, so the models and rendered SQL work unchanged.

It is read-only in the same way as a read-only session: `PRAGMA query_only` refuses every
write, while the files stay open read-write for SQLite itself, so that the hot journal of a
crashed writer is rolled back on first read (`mode=ro` would fail on it instead).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

from .errors import StoreError
from .i18n import _
from .installation import TenantInfo
from .logical import LOGICAL_DBS, MAIN_LOGICAL, Logical, schema_name
from .migrations import require_current
from .routing import bound
from .sqlite_files import StoreDatabase

# Pages of SQLite's cache per file of a reader (SQLite's default is 2 MB, ~500 pages). A reader
# lives for a few queries and reads most pages once; every page a larger cache keeps is fresh
# memory the process must fault in again for the next connection, which doubled the cost of
# scanning 20,000 bookings. 100 pages still hold the upper levels of every b-tree walked.
READER_CACHE_PAGES = 100


class TenantReader:
    """Tenant `tenant`'s bookings file (main) and the files of `attach`, for reading only.

    `root` is the installation root (`Installation.root`); the registry's central flags in
    `tenant` say which file each logical database uses, so nothing but those files is touched:
    not the installation database, not the registry, not the tenant's other files. Close it (or
    use `with`) when done: it is meant for a few queries (see READER_CACHE_PAGES).
    """

    def __init__(
        self,
        root: Path,
        tenant: TenantInfo,
        attach: Iterable[Logical | str] = (),
        *,
        cache_pages: int = READER_CACHE_PAGES,
    ):
        self.tenant = tenant
        wanted = {Logical(db) for db in attach} - {MAIN_LOGICAL}
        # In LOGICAL_DBS order, as a session attaches them: the same order in every reader.
        logicals = [MAIN_LOGICAL, *(db for db in LOGICAL_DBS if db in wanted)]
        self.paths: dict[Logical, Path] = {db: tenant.database_path(db, root) for db in logicals}
        missing = [str(path) for path in self.paths.values() if not path.is_file()]
        if missing:
            # The session's message: `mode=rw` would fail too, but with a bare "unable to open".
            raise StoreError(
                _(
                    "Tenant {nr} cannot be opened: missing database files {files}. Run 'check'."
                ).format(nr=tenant.nr, files=", ".join(missing))
            )
        self.db = StoreDatabase(
            self.paths[MAIN_LOGICAL],
            [(schema_name(db), self.paths[db]) for db in logicals[1:]],
            query_only=True,
        )
        try:
            self.db.connect()
            for schema in self.db.schemas:
                self.db.execute_sql(f'PRAGMA "{schema}".cache_size = {int(cache_pages)}')
            self._check_versions()
        except BaseException:
            self.db.close()
            raise

    @property
    def nr(self) -> int:
        return self.tenant.nr

    @property
    def schemas(self) -> list[str]:
        """Schema names reachable through this reader ("main" is the bookings file)."""
        return self.db.schemas

    def _check_versions(self) -> None:
        """Refuse files this program cannot read, as a session does (R10).

        A newer schema may mean anything; an older one lacks what the queries expect. One
        PRAGMA per file on the open connection: it reads the header page that the first query
        reads anyway.
        """
        for db, path in self.paths.items():
            require_current(path, db.value, self.db.user_version(schema_name(db)))

    @contextmanager
    def bound(self) -> Iterator[peewee.Database]:
        """Route the models to this reader's files for the block (reads only)."""
        with bound(self.db):
            yield self.db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "TenantReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
