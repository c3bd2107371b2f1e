"""The manifest of a tenant folder: which file each logical database uses.

An own database is a file in the tenant folder; a central one is tenant 0's file, recorded by its
path relative to the installation root (the same share may be mounted under different paths on
different machines) and resolved to its canonical path when a session opens it.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError
from .i18n import _
from .logical import LOGICAL_DBS, MANIFEST_FILE, Logical, file_name

FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    tenant_nr: int
    central: frozenset[Logical]

    def database_path(self, logical: Logical, tenant_dir: Path, root: Path) -> Path:
        """Canonical path of the file this tenant uses for `logical`."""
        owner = root if logical in self.central else tenant_dir
        return Path(os.path.realpath(owner / file_name(logical)))

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "tenant": self.tenant_nr,
            "databases": {
                db.value: {"central": db in self.central, "file": file_name(db)}
                for db in LOGICAL_DBS
            },
        }


def write_manifest(folder: Path, manifest: Manifest) -> Path:
    """Write the manifest into `folder` (a folder not yet visible as a tenant)."""
    path = folder / MANIFEST_FILE
    path.write_text(json.dumps(manifest.to_json(), indent=2) + "\n", encoding="utf-8")
    return path


def read_manifest(folder: Path) -> Manifest:
    """Read and validate a tenant folder's manifest."""
    path = folder / MANIFEST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        databases = data["databases"]
        central = frozenset(Logical(name) for name, entry in databases.items() if entry["central"])
        if set(databases) != {db.value for db in LOGICAL_DBS} or data["format"] != FORMAT:
            raise ValueError("unexpected databases or format")
        return Manifest(int(data["tenant"]), central)
    except FileNotFoundError:
        raise StoreError(
            _("The tenant folder {folder} has no manifest.").format(folder=folder)
        ) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            _("The manifest {path} is damaged: {error}").format(path=path, error=exc)
        ) from None
