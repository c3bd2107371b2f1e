"""The installation on disk: tenants, their database files, sessions, number ranges, updates.

Qt-free and domain-free; see DESIGN.md for the layout and rules R1-R15.

The public names below are loaded on first use (PEP 562): `from tenant_store import
Installation` must not pull in tenant creation, validation and the schema, which the desktop
client's start-up never needs (bench/bench_startup.py). The errors are small and always loaded.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import (
    NotAnInstallation,
    NoTenantSession,
    PermissionDenied,
    RangeExhausted,
    SchemaBehind,
    SchemaTooNew,
    StoreError,
    UpdateOrderError,
    ValidationError,
)

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .installation import Installation, TenantInfo
    from .logical import CENTRAL_OPTIONS, LOGICAL_DBS, MAX_TENANT_NR, Logical
    from .session import TenantSession
    from .tenant_creation import create_tenant
    from .tenant_validation import TenantSpec

# Public name -> the submodule that defines it.
_LAZY = {
    "Installation": "installation",
    "TenantInfo": "installation",
    "CENTRAL_OPTIONS": "logical",
    "LOGICAL_DBS": "logical",
    "MAX_TENANT_NR": "logical",
    "Logical": "logical",
    "TenantSession": "session",
    "create_tenant": "tenant_creation",
    "TenantSpec": "tenant_validation",
}

__all__ = [
    "CENTRAL_OPTIONS",
    "LOGICAL_DBS",
    "MAX_TENANT_NR",
    "Installation",
    "Logical",
    "NoTenantSession",
    "NotAnInstallation",
    "PermissionDenied",
    "RangeExhausted",
    "SchemaBehind",
    "SchemaTooNew",
    "StoreError",
    "TenantInfo",
    "TenantSession",
    "TenantSpec",
    "UpdateOrderError",
    "ValidationError",
    "create_tenant",
]


def __getattr__(name: str):
    """Load a public name from its submodule the first time it is asked for."""
    module = _LAZY.get(name)
    if module is None:
        # AttributeError lets `from tenant_store import i18n` fall back to the submodule.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
