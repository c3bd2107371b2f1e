"""Creating tenant 0 in an empty folder.

The folder is marked incomplete until the end, so an interrupted init is recognised and redone
instead of leaving a folder that is neither empty nor an installation.
"""

from pathlib import Path

from .errors import NotAnInstallation
from .i18n import _
from .installation import INIT_MARKER, new_tenant_row, remove_tree
from .licences import install_default_licence
from .logical import (
    INSTALLATION_FILE,
    INSTALLATION_SCHEMA,
    LOGICAL_DBS,
    MANIFEST_FILE,
    TENANTS_DIR,
    file_name,
)
from .manifest import Manifest, write_manifest
from .models.installation import Tenant
from .rights import install_default_roles
from .routing import bound
from .schema import create_database_file
from .seed_data import load_seed
from .sqlite_files import fsync_dir, fsync_file

OWN_ENTRIES = (
    *(file_name(db) for db in LOGICAL_DBS),
    INSTALLATION_FILE,
    MANIFEST_FILE,
    TENANTS_DIR,
)


def build_tenant_zero(root: Path, name: str) -> None:
    """Create every database of tenant 0 with shipped base data, then the registry."""
    _prepare_folder(root)
    for db in LOGICAL_DBS:
        conn = create_database_file(db, root / file_name(db), durable=False)
        with bound(conn), conn.atomic():
            load_seed(db)
        conn.close()
    conn = create_database_file(INSTALLATION_SCHEMA, root / INSTALLATION_FILE, durable=False)
    with bound(conn), conn.atomic():
        Tenant.create(**new_tenant_row(0, name, frozenset()))
        install_default_roles()
        install_default_licence()
    conn.close()
    write_manifest(root, Manifest(0, frozenset()))
    (root / TENANTS_DIR).mkdir()
    for entry in OWN_ENTRIES[:-1]:
        fsync_file(root / entry)
    fsync_dir(root)
    (root / INIT_MARKER).unlink()
    fsync_dir(root)


def _prepare_folder(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise NotAnInstallation(_("{root} is a file, not a folder.").format(root=root))
    if root.exists() and any(root.iterdir()):
        if not (root / INIT_MARKER).exists():
            raise NotAnInstallation(
                _(
                    "{root} is not empty and is not a Jack Desktop installation: "
                    "choose an empty folder."
                ).format(root=root)
            )
        for entry in root.iterdir():  # leftovers of an interrupted init: only what init writes
            if entry.name in OWN_ENTRIES or entry.name.endswith("-journal"):
                remove_tree(entry)
    root.mkdir(parents=True, exist_ok=True)
    (root / INIT_MARKER).write_text("init in progress\n", encoding="utf-8")
    fsync_dir(root)
