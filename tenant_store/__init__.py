"""The installation on disk: tenants, their database files, sessions, number ranges, updates.

Qt-free and domain-free; see DESIGN.md for the layout and rules R1-R15.
"""

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
from .installation import Installation, TenantInfo
from .logical import CENTRAL_OPTIONS, LOGICAL_DBS, MAX_TENANT_NR, Logical
from .session import TenantSession
from .tenant_creation import create_tenant
from .tenant_validation import TenantSpec

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
