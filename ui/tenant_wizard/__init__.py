"""The new-tenant wizard: one module per page, shared fields in `widgets`."""

from .wizard import TenantWizard

__all__ = ["TenantWizard"]
