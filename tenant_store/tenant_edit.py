"""Changing a tenant after creation: name and branding yes, central/own choices never (R3)."""

import shutil
from pathlib import Path

from .errors import ValidationError
from .i18n import _
from .installation import Installation, TenantInfo
from .models.installation import Tenant
from .sqlite_files import fsync_file
from .tenant_validation import check_branding, check_logo, check_name, logo_file_name


def fixed_reason() -> str:
    """Why the central/own choices cannot be edited (shown read-only in the client too)."""
    return _(
        "The central/own choices are fixed when a tenant is created: its data was split "
        "accordingly, and accounting in particular cannot be changed afterwards. Create a new "
        "tenant instead."
    )


def update_tenant(
    inst: Installation,
    nr: int,
    *,
    name: str | None = None,
    branding: dict[str, str] | None = None,
    logo: Path | None = None,
    central: object = None,
) -> TenantInfo:
    """Change name, address, colours or logo; any attempt to change central options is refused."""
    info = inst.tenant(nr)
    if central is not None:
        raise ValidationError("central", fixed_reason())
    changes: dict[str, str] = {}
    if name is not None:
        changes["name"] = check_name(name)
    if branding:
        changes.update(check_branding(branding))
    logo = check_logo(logo)
    if logo is not None:
        target = info.path / logo_file_name(logo)
        shutil.copyfile(logo, target)
        fsync_file(target)
        changes["logo_file"] = target.name
    if changes:
        with inst.registry(write=True):
            Tenant.update(**changes).where(Tenant.nr == nr).execute()
    return inst.tenant(nr)
