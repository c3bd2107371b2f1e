"""DATEV files are written under a temporary name and renamed into place only when all of
them are complete and have passed the validator: a refused or interrupted export leaves no
file under a real name, and a file DATEV may already have open is replaced in one step.
"""

import hashlib
import io
import os
import secrets
from pathlib import Path

from .fields import ENCODING, LINE_END

PART_SUFFIX = ".part"
BLOCK = 1000


class StagedFile:
    """A text file being written in Windows-1252 with CR LF, beside its final name."""

    def __init__(self, folder: Path, name: str):
        self.folder, self.name = folder, name
        self.temp = folder / f".{name}-{secrets.token_hex(6)}{PART_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        # 0666 less the umask, as for any file a program creates: colleagues may read it.
        fd = os.open(self.temp, flags, 0o666)
        self._out = io.TextIOWrapper(
            os.fdopen(fd, "wb"), encoding=ENCODING, newline="", write_through=False
        )
        self.rows = 0
        self._pending: list[str] = []  # rows are encoded and written a block at a time

    def line(self, text: str) -> None:
        self._pending.append(text)
        if len(self._pending) >= BLOCK:
            self._flush()

    def row(self, text: str) -> None:
        self.line(text)
        self.rows += 1

    def _flush(self) -> None:
        if self._pending:
            self._out.write(LINE_END.join(self._pending) + LINE_END)
            self._pending.clear()

    def close(self) -> None:
        if not self._out.closed:
            self._flush()
            self._out.flush()
            os.fsync(self._out.buffer.fileno())
            self._out.close()

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with open(self.temp, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    def commit(self) -> Path:
        """Rename the finished file to its name (an older file of that name is replaced)."""
        final = self.folder / self.name
        os.replace(self.temp, final)
        return final

    def discard(self) -> None:
        try:
            self.close()
        finally:
            self.temp.unlink(missing_ok=True)
