"""The new-tenant wizard: one module per page, shared fields in `widgets`.

`TenantWizard` is loaded on first use: the login dialogs import `widgets` on every start and
must not pull in every page.
"""

__all__ = ["TenantWizard"]


def __getattr__(name: str):
    if name == "TenantWizard":
        from .wizard import TenantWizard

        return TenantWizard
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
