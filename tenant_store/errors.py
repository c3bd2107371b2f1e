"""Errors raised by the tenant store; each carries a message meant for the user."""


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
