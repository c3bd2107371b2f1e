"""Where the installation lives: the one place that resolves the data folder."""

import os
from pathlib import Path

import platformdirs

from tenant_store.errors import ValidationError, shown
from tenant_store.i18n import _

APP_NAME = "jack-desktop"
ENV_VAR = "JACK_DATA_DIR"
OPTION = "--data-dir"


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """--data-dir wins, then $JACK_DATA_DIR, then the platform's user data folder.

    A path that exists but is no folder is refused (ValidationError naming the option or the
    variable): an installation is a folder, and creating one there could only fail later.
    """
    if cli_value:
        return _folder(Path(cli_value).expanduser(), OPTION)
    if os.environ.get(ENV_VAR):
        return _folder(Path(os.environ[ENV_VAR]).expanduser(), ENV_VAR)
    return _folder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)), _("data folder"))


def _folder(path: Path, source: str) -> Path:
    """`path`, unless it (or the nearest part of it that exists) is a file."""
    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise ValidationError(
            source,
            _("{path} is a file, not a folder: give the folder of the installation.").format(
                path=shown(existing, limit=500)
            ),
        )
    return path
