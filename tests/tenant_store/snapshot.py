"""A fingerprint of an installation folder, to show that a refused action changed nothing."""

import hashlib
from pathlib import Path


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> content hash (or link target) of everything below `root`."""
    result = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            result[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            result[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            result[rel] = "dir"
    return result
