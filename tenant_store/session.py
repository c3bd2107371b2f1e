"""A tenant session: one SQLite connection with the tenant's files and the central ones attached.

Main database is the tenant's own bookings file; every other logical database and the
installation database are ATTACHed by their canonical paths. One connection means one
transaction can span an own file and tenant 0's central files, atomically (rollback journal).
"""

from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from .errors import StoreError
from .i18n import _
from .installation import Installation, TenantInfo
from .logical import INSTALLATION_FILE, INSTALLATION_SCHEMA, LOGICAL_DBS, MAIN_LOGICAL, schema_name
from .migrations import require_current
from .rights import Rights, rights_of
from .routing import bound
from .sqlite_files import StoreDatabase


class TenantSession:
    """Open with `Installation.open_session(nr)`; close it (or use `with`) when switching."""

    def __init__(self, installation: Installation, tenant: TenantInfo, *, read_only: bool = False):
        self.installation = installation
        self.tenant = tenant
        self.paths = tenant.database_paths(installation.root)
        self._files = {schema_name(db): self.paths[db] for db in LOGICAL_DBS}
        self._files[INSTALLATION_SCHEMA] = installation.root / INSTALLATION_FILE
        missing = [str(path) for path in self._files.values() if not path.is_file()]
        if missing:
            raise StoreError(
                _(
                    "Tenant {nr} cannot be opened: missing database files {files}. Run 'check'."
                ).format(nr=tenant.nr, files=", ".join(missing))
            )
        attachments = [(s, p) for s, p in self._files.items() if s != "main"]
        # Read-only here: a write transaction of one tenant must not lock the installation
        # database, or every tenant's writers would queue behind each other.
        self.read_only = read_only
        self.db = StoreDatabase(
            self.paths[MAIN_LOGICAL],
            attachments,
            read_only=frozenset({INSTALLATION_SCHEMA}),
            query_only=read_only,
        )
        try:
            self.db.connect()
            self._check_versions()
        except BaseException:
            self.db.close()
            raise

    @property
    def nr(self) -> int:
        return self.tenant.nr

    def _check_versions(self) -> None:
        for schema, path in self._files.items():
            db = MAIN_LOGICAL.value if schema == "main" else schema
            require_current(path, db, self.db.user_version(schema))

    @contextmanager
    def bound(self) -> Iterator[peewee.Database]:
        """Route the models to this tenant's files for the block (for reads)."""
        with bound(self.db):
            yield self.db

    @contextmanager
    def transaction(self) -> Iterator[peewee.Database]:
        """A write transaction (BEGIN IMMEDIATE; nested calls become savepoints)."""
        if self.read_only:
            raise StoreError(_("Tenant {nr} is open for reading only.").format(nr=self.nr))
        with bound(self.db), self.db.atomic():
            yield self.db

    def rights(self, login: str) -> Rights:
        """What `login` may do in this tenant, read now: rights may change during a session."""
        with self.bound():
            return rights_of(login, self.nr)

    def close(self) -> None:
        """Close the connection; the models are bound to nothing of this tenant afterwards."""
        self.db.close()

    def __enter__(self) -> "TenantSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
