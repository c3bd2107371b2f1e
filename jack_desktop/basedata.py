"""Base data editors: destinations, travel types, cost centres, suppliers and parameters.

Base data is never central: every tenant has its own file (copied from tenant 0 when the tenant
was created), so an edit here changes only the tenant of the session. Entries are deactivated,
never deleted, and their codes never change, because bookings refer to them by code.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import peewee
import pycountry

from tenant_store import StoreError, TenantSession, ValidationError
from tenant_store.audit import changes, record
from tenant_store.i18n import N_, SUPPORTED, _, using_language
from tenant_store.logical import Logical
from tenant_store.models.basedata import CostCentre, Destination, Parameter, Supplier, TravelType
from tenant_store.rights import Level

MODULE = "basedata"
NAME_MAX = 100
TEXT_MAX = 2000
VAT_SCHEMES = ("margin", "agency", "standard")
SUPPLIER_KINDS = ("operator", "airline", "rail", "cruise", "insurance", "car", "hotel", "other")

Check = Callable[[str, str], str]  # (field, raw text) -> clean value, or ValidationError


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _name(field: str, value: str) -> str:
    if not value:
        raise ValidationError(field, _("Enter a name."))
    if len(value) > NAME_MAX:
        raise ValidationError(
            field, _("The name is too long: shorten it to {max} characters.").format(max=NAME_MAX)
        )
    return value


def _country(field: str, value: str) -> str:
    value = value.upper()
    if len(value) != 2 or pycountry.countries.get(alpha_2=value) is None:
        raise ValidationError(
            field, _("'{value}' is not a country code such as DE or ES.").format(value=value)
        )
    return value


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(field: str, value: str) -> str:
        if value.lower() not in choices:
            raise ValidationError(
                field,
                _("'{value}' is not allowed here; choose one of: {choices}.").format(
                    value=value, choices=", ".join(choices)
                ),
            )
        return value.lower()

    return check


@dataclass(frozen=True)
class Kind:
    """One editable base-data table: its model, its code format and its other fields."""

    model: type[peewee.Model]
    label: str  # N_() plural, translated where shown
    code_pattern: re.Pattern
    code_hint: str  # N_() how a valid code looks, with an {example}
    example: str
    fields: dict[str, Check]


_LETTERS_DIGITS = re.compile(r"[A-Z0-9]{1,8}")
_LETTERS_HINT = N_("Use 1 to 8 capital letters or digits, for example {example}.")
KINDS: dict[str, Kind] = {
    "destinations": Kind(
        Destination,
        N_("destinations"),
        _LETTERS_DIGITS,
        _LETTERS_HINT,
        "MALL",
        {"name": _name, "country": _country},
    ),
    "travel_types": Kind(
        TravelType,
        N_("travel types"),
        _LETTERS_DIGITS,
        _LETTERS_HINT,
        "PAUS",
        {"name": _name, "vat_scheme": _one_of(VAT_SCHEMES)},
    ),
    "cost_centres": Kind(
        CostCentre,
        N_("cost centres"),
        re.compile(r"[0-9]{1,6}"),
        N_("Use 1 to 6 digits, for example {example}."),
        "100",
        {"name": _name},
    ),
    "suppliers": Kind(
        Supplier,
        N_("suppliers"),
        _LETTERS_DIGITS,
        _LETTERS_HINT,
        "TUI",
        {"name": _name, "kind": _one_of(SUPPLIER_KINDS)},
    ),
}


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValidationError("kind", _("There is no base-data table '{kind}'.").format(kind=kind))
    return KINDS[kind]


def _clean_code(kind: str, value) -> str:
    code = _text(value).upper()
    spec = KINDS[kind]
    if not spec.code_pattern.fullmatch(code):
        hint = _(spec.code_hint).format(example=spec.example)
        if not code:
            raise ValidationError("code", _("Enter a code.") + " " + hint)
        raise ValidationError(
            "code", _("'{code}' is not a valid code.").format(code=code) + " " + hint
        )
    return code


def _clean_fields(kind: str, values: dict) -> dict:
    """Every non-code field of `kind`, checked and normalised; the first bad one is named."""
    fields = KINDS[kind].fields
    unknown = set(values) - set(fields) - {"code"}
    if unknown:
        raise ValidationError(
            sorted(unknown)[0],
            _("This is not a field of {table}; the fields are: {fields}.").format(
                table=_(KINDS[kind].label), fields=", ".join(("code", *fields))
            ),
        )
    return {name: check(name, _text(values.get(name))) for name, check in fields.items()}


def _get(kind: str, code: str) -> peewee.Model:
    """The row with `code` (session bound), or a ValidationError naming it."""
    model = KINDS[kind].model
    row = model.get_or_none(model.code == code)
    if row is None:
        raise ValidationError(
            "code",
            _("There is no entry {code} in {table}.").format(code=code, table=_(KINDS[kind].label)),
        )
    return row


def list_entries(
    user: str, session: TenantSession, kind: str, include_inactive: bool = False
) -> list[peewee.Model]:
    """The entries of one table, ordered by code; inactive ones only on request."""
    session.rights(user).require(MODULE, Level.READ)
    model = _kind(kind).model
    query = model.select().order_by(model.code)
    if not include_inactive:
        query = query.where(model.active == True)  # noqa: E712
    with session.bound():
        return list(query)


def get_entry(user: str, session: TenantSession, kind: str, code: str) -> peewee.Model:
    """One entry by code, active or not."""
    session.rights(user).require(MODULE, Level.READ)
    _kind(kind)
    with session.bound():
        return _get(kind, _text(code).upper())


def save_entry(
    user: str, session: TenantSession, kind: str, values: dict, code: str | None = None
) -> peewee.Model:
    """Create an entry (code None, `values` holds the code) or change the entry with `code`."""
    session.rights(user).require(MODULE, Level.WRITE)
    _kind(kind)
    if code is None:
        return _create(user, session, kind, values)
    return _update(user, session, kind, _text(code).upper(), values)


def _audit(user: str, session: TenantSession, kind: str, key: str, action: str, old, new) -> None:
    record(
        Logical.BASEDATA,
        user=user,
        tenant_nr=session.nr,
        kind=AUDIT_KINDS.get(kind, "basedata"),
        object_id=f"{kind}:{key}" if kind not in AUDIT_KINDS else key,
        action=action,
        old=old,
        new=new,
    )


def _create(user: str, session: TenantSession, kind: str, values: dict) -> peewee.Model:
    code = _clean_code(kind, values.get("code"))
    data = _clean_fields(kind, values)
    model = KINDS[kind].model
    with session.transaction():
        _refuse_taken(model, code)
        entry = model.create(code=code, active=True, **data)
        _audit(user, session, kind, code, "create", None, data)
        return entry


def _refuse_taken(model: type[peewee.Model], code: str) -> None:
    """Codes are unique whether active or not: bookings may still refer to an inactive one."""
    other = model.get_or_none(model.code == code)
    if other is None:
        return
    if other.active:
        message = _("The code {code} is already used by '{name}'. Choose another code.")
    else:
        message = _(
            "The code {code} is already used by the inactive entry '{name}'. "
            "Reactivate that entry or choose another code."
        )
    raise ValidationError("code", message.format(code=code, name=other.name))


def _update(user: str, session: TenantSession, kind: str, code: str, values: dict) -> peewee.Model:
    if "code" in values and _text(values["code"]).upper() != code:
        raise ValidationError(
            "code",
            _(
                "The code of an entry cannot be changed, because bookings refer to it. "
                "Deactivate this entry and create a new one with the new code instead."
            ),
        )
    spec = KINDS[kind]
    with session.bound():
        current = _get(kind, code)
    before = {f: getattr(current, f) for f in spec.fields}
    data = _clean_fields(kind, {**before, **values})
    with session.transaction():
        spec.model.update(**data).where(spec.model.code == code).execute()
        old, new = changes(before, data)
        if new:
            _audit(user, session, kind, code, "update", old, new)
        return _get(kind, code)


def set_active(
    user: str, session: TenantSession, kind: str, code: str, active: bool
) -> peewee.Model:
    """Deactivate (or reactivate) an entry; deleting is not offered as bookings refer to it."""
    session.rights(user).require(MODULE, Level.WRITE)
    model = _kind(kind).model
    code = _text(code).upper()
    with session.transaction():
        was = _get(kind, code).active
        model.update(active=bool(active)).where(model.code == code).execute()
        if was != bool(active):
            _audit(user, session, kind, code, "update", {"active": was}, {"active": bool(active)})
        return _get(kind, code)


AUDIT_KINDS = {"suppliers": "supplier"}  # others are recorded as "basedata" with their kind


# --- parameters -------------------------------------------------------------------------------


def _whole_number(low: int, high: int) -> Check:
    def check(field: str, value: str) -> str:
        if not re.fullmatch(r"[+-]?[0-9]+", value) or not low <= int(value) <= high:
            raise ValidationError(
                field,
                _("'{value}' is not allowed: enter a whole number from {low} to {high}.").format(
                    value=value, low=low, high=high
                ),
            )
        return str(int(value))

    return check


def _long_text(field: str, value: str) -> str:
    if not value:
        raise ValidationError(field, _("Enter a text; this parameter cannot be empty."))
    if len(value) > TEXT_MAX:
        raise ValidationError(
            field,
            _("The text has {length} characters: shorten it to {max}.").format(
                length=len(value), max=TEXT_MAX
            ),
        )
    return value


def _currency(field: str, value: str) -> str:
    value = value.upper()
    if len(value) != 3 or pycountry.currencies.get(alpha_3=value) is None:
        raise ValidationError(
            field,
            _("'{value}' is not a currency code: enter three letters such as EUR or CHF.").format(
                value=value
            ),
        )
    return value


def _document_language(field: str, value: str) -> str:
    if value.lower() not in SUPPORTED:
        raise ValidationError(
            field,
            _("'{value}' is not a document language: enter de (German) or en (English).").format(
                value=value
            ),
        )
    return value.lower()


_percent, _days = _whole_number(0, 100), _whole_number(0, 365)
PARAMETERS: dict[str, Check] = {
    "vat.standard_percent": _percent,
    "vat.reduced_percent": _percent,
    "payment.terms_days": _days,
    "payment.deposit_percent": _percent,
    "payment.balance_days_before_departure": _days,
    "invoice.header_text": _long_text,
    "invoice.footer_text": _long_text,
    "invoice.vat_note_margin": _long_text,
    "invoice.vat_note_agency": _long_text,
    "confirmation.text": _long_text,
    "currency": _currency,
    "document.language": _document_language,
}
# Installations from before the parameter existed print their documents in German, as before.
DEFAULT_DOCUMENT_LANGUAGE = "de"


def list_parameters(user: str, session: TenantSession) -> list[Parameter]:
    """All parameters of this tenant, ordered by key."""
    session.rights(user).require(MODULE, Level.READ)
    with session.bound():
        return list(Parameter.select().order_by(Parameter.key))


def set_parameter(user: str, session: TenantSession, key: str, value) -> Parameter:
    """Check and store one known parameter (created if this tenant lacks it)."""
    session.rights(user).require(MODULE, Level.WRITE)
    if key not in PARAMETERS:
        raise ValidationError(
            "key",
            _("There is no parameter '{key}'; the parameters are: {keys}.").format(
                key=key, keys=", ".join(PARAMETERS)
            ),
        )
    clean = PARAMETERS[key]("value", _text(value))
    with session.transaction():
        before = Parameter.get_or_none(Parameter.key == key)
        if before is None or before.value != clean:
            record(
                Logical.BASEDATA,
                user=user,
                tenant_nr=session.nr,
                kind="parameter",
                object_id=key,
                action="update" if before else "create",
                old={"value": before.value} if before else None,
                new={"value": clean},
            )
        Parameter.insert(key=key, value=clean).on_conflict(
            conflict_target=[Parameter.key], update={Parameter.value: clean}
        ).execute()
        return Parameter.get_by_id(key)


# Getters for other services (invoicing, confirmations). They check no rights: the calling
# service has already checked its own module, and reading a tax rate grants nothing by itself.


def parameter_text(session: TenantSession, key: str) -> str:
    """The stored value of a parameter; StoreError if this tenant lacks it. No rights check."""
    with session.bound():
        row = Parameter.get_or_none(Parameter.key == key)
    if row is None:
        raise StoreError(
            _(
                "The parameter '{key}' is missing in tenant {nr}. "
                "An administrator must set it in the base data."
            ).format(key=key, nr=session.nr)
        )
    return row.value


def parameter_int(session: TenantSession, key: str) -> int:
    """A whole-number parameter (percent or days). No rights check."""
    return int(parameter_text(session, key))


def vat_percent(session: TenantSession, rate: str = "standard") -> int:
    """The VAT rate in percent, `rate` 'standard' or 'reduced'. No rights check."""
    if rate not in ("standard", "reduced"):
        raise ValueError(f"unknown VAT rate {rate!r}")
    return parameter_int(session, f"vat.{rate}_percent")


def payment_terms_days(session: TenantSession) -> int:
    """Days from the invoice date until payment is due. No rights check."""
    return parameter_int(session, "payment.terms_days")


def books_language(session: TenantSession):
    """A block in which `_()` writes journal texts in the tenant's document language: the
    books are read by the tax advisor, whatever language the clerk's UI shows."""
    return using_language(document_language(session))


def document_language(session: TenantSession) -> str:
    """The language of the tenant's customer documents and reports ('de', 'en'), whatever
    language the clerk's UI shows; German where the tenant lacks the parameter. No rights
    check."""
    with session.bound():
        row = Parameter.get_or_none(Parameter.key == "document.language")
    value = (row.value if row else "").strip().lower()
    return value if value in SUPPORTED else DEFAULT_DOCUMENT_LANGUAGE
