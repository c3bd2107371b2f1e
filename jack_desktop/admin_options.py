"""Options the export sub-commands of `jack-desktop-admin` share."""

import re

from tenant_store.errors import ValidationError
from tenant_store.i18n import _
from tenant_store.installation import Installation


def registered_tenant(text: str, inst: Installation) -> int:
    """The number given with `--tenant`, if that tenant exists; else refused naming it."""
    if not re.fullmatch(r"[0-9]+", text.strip()) or int(text) not in inst.tenant_names():
        raise ValidationError(
            "--tenant",
            _("'{value}' is no tenant of this installation: give its number.").format(value=text),
        )
    return int(text)
