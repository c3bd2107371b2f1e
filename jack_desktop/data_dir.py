"""Where the installation lives: the one place that resolves the data folder."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "jack-desktop"
ENV_VAR = "JACK_DATA_DIR"


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """--data-dir wins, then $JACK_DATA_DIR, then the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
