"""Errors raised by the tenant store; each carries a message meant for the user."""

from .i18n import _


class StoreError(Exception):
    """Base class: something the user or admin must be told about."""


class ValidationError(StoreError):
    """Bad input; names the field so the caller can point at it. Nothing was changed."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotAnInstallation(StoreError):
    """The folder is not (or not yet) a Jack Desktop installation."""


class SchemaTooNew(StoreError):
    """A database file was written by a newer program version."""


class SchemaBehind(StoreError):
    """A database file needs `migrate` before it can be used."""


class UpdateOrderError(StoreError):
    """R10: tenant 0 cannot be updated while a sub-tenant is behind."""


class RangeExhausted(StoreError):
    """A number range has no numbers left."""


class PermissionDenied(StoreError):
    """The acting user lacks the right for this action in this tenant."""


class NoTenantSession(StoreError):
    """A model was used outside of an open tenant session."""


class NotHere(StoreError):
    """The action belongs to another tenant by a rule (R4, R7: done in tenant 0)."""


class FileProblem(StoreError):
    """A database file (or its folder) cannot be used as it is; the message names it and says
    what to do. `path` is the file."""

    def __init__(self, path, message: str):
        super().__init__(message)
        self.path = path


class DamagedFile(FileProblem):
    """The file is empty, not a database, or damaged: it must be restored from a backup."""


class ReadOnlyFile(FileProblem):
    """The file or its folder may not be written; nothing was changed."""


class DiskFull(FileProblem):
    """The disk holding the file is full; SQLite rolled back, nothing was saved."""


class LoginLocked(StoreError):
    """Too many wrong passwords for a login: it is locked until `until` (a datetime)."""

    def __init__(self, message: str, until):
        super().__init__(message)
        self.until = until


# C0 and C1 control characters and DEL: never stored, never echoed raw to a terminal.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
SHOWN_LENGTH = 40


def has_control_chars(text: str) -> bool:
    """True if `text` holds a control character (ESC, BEL, NUL, a line break, a tab ...)."""
    return any(ord(c) in _CONTROL for c in text)


def printable(text: str) -> str:
    """`text` with every control character escaped (ESC as \\x1b): one line, shown as text."""
    return text.translate(_CONTROL)


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """`value` safe to put into a one-line message: control characters escaped as \\x1b,
    anything longer than `limit` cut off with '...'. A terminal shows it as text."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "..."
    return printable(text)


def plain_text(field: str, value: str, limit: int) -> str:
    """`value` stripped; refused if it holds control characters or is longer than `limit`."""
    value = (value or "").strip()
    if has_control_chars(value):
        raise ValidationError(
            field,
            _(
                "'{value}' contains control characters (such as ESC, BEL or a line break); "
                "use letters, digits, spaces and punctuation only."
            ).format(value=shown(value)),
        )
    if len(value) > limit:
        raise ValidationError(
            field,
            _("{n} characters are too many: use at most {max}.").format(n=len(value), max=limit),
        )
    return value
