"""Changing a tenant after creation: name and branding yes, central/own choices never (R3)."""

import os
import shutil
from pathlib import Path

from .audit import changes as changes_of
from .audit import record_installation
from .books_settings import check_books_settings, check_series_free
from .errors import ValidationError
from .i18n import _
from .installation import Installation, TenantInfo
from .models.installation import Tenant
from .number_ranges import range_transaction, write_booking_range
from .sqlite_files import fsync_dir, fsync_file
from .tenant_validation import (
    check_branding,
    check_logo,
    check_name,
    logo_file_name,
    parse_range,
)


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
    booking_range: tuple[int, int] | str | None = None,
    books: dict | None = None,
    by: str | None = None,
) -> TenantInfo:
    """Change name, address, colours, logo, booking range or books settings, all or nothing.

    Everything is checked first and written in one transaction, so a refused booking range
    (R5, numbers issued) leaves the name and branding as they were. Any attempt to change
    central options is refused (R3).
    """
    info = inst.tenant(nr)
    if central is not None:
        raise ValidationError("central", fixed_reason())
    changes = _checked_changes(name, branding)
    changes.update(check_books_settings(books or {}))
    logo = check_logo(logo)
    new_range = None if booking_range is None else parse_range(booking_range, nr)
    staged = _stage_logo(info, logo) if logo is not None else None
    try:
        if staged is not None:
            changes["logo_file"] = logo_file_name(logo)
        if changes or new_range is not None:
            with range_transaction(inst, info):
                _record(by, nr, changes, new_range)
                if new_range is not None:
                    write_booking_range(inst, info, new_range)
                if "invoice_prefix" in changes and info.books_owner == 0:
                    check_series_free(nr, changes["invoice_prefix"], inst.invoice_series())
                if changes:
                    Tenant.update(**changes).where(Tenant.nr == nr).execute()
        if staged is not None:  # only once the registry names it: a refusal keeps the old logo
            os.replace(staged, info.path / changes["logo_file"])
            fsync_dir(info.path)
    finally:
        if staged is not None and staged.exists():
            staged.unlink()
    return inst.tenant(nr)


def _record(by: str | None, nr: int, changes: dict, new_range) -> None:
    """The audit record of an edit: the registry row's values before and after."""
    row = Tenant.get_by_id(nr)
    old = {k: getattr(row, k) for k in changes}
    new = dict(changes)
    if new_range is not None:
        old["booking_range"] = [row.booking_first, row.booking_last]
        new["booking_range"] = list(new_range)
    old, new = changes_of(old, new)
    if new:
        record_installation(by, nr, "tenant", nr, "update", old, new)


def _checked_changes(name: str | None, branding: dict[str, str] | None) -> dict[str, str]:
    """The registry columns to change, each checked (ValidationError names the field)."""
    changes: dict[str, str] = {}
    if name is not None:
        changes["name"] = check_name(name)
    if branding:
        changes.update(check_branding(branding))
    return changes


def _stage_logo(info: TenantInfo, logo: Path) -> Path:
    """A durable copy of the logo beside its final name, moved into place after the commit."""
    staged = info.path / f".{logo_file_name(logo)}.new"
    shutil.copyfile(logo, staged)
    fsync_file(staged)
    return staged
