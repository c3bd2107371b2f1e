"""Checking a new tenant's settings before anything is written; every error names its field."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .business_ids import check_iban, check_tax_number, check_vat_id
from .errors import ValidationError, plain_text
from .i18n import _
from .installation import Installation, TenantRange
from .logical import (
    CENTRAL_OPTIONS,
    DEFAULT_COPY,
    LOGICAL_DBS,
    MAX_BOOKING_NUMBER,
    MAX_TENANT_NR,
    Logical,
    default_booking_range,
    shares_booking_numbers,
)

MAX_NAME_LENGTH = 80
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 2 * 1024 * 1024
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG
# Lengths that fit a DIN 5008 address window and DATEV's master-data fields (street 36, city 30).
TEXT_LIMITS = {
    "street": 36,
    "postcode": 10,
    "city": 30,
    "phone": 30,
    "email": 80,
    "bank_name": 60,
}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass
class TenantSpec:
    """What the admin chose for a new tenant (wizard or command line)."""

    nr: int | str
    name: str
    central: Iterable[str] = ()
    copy: Iterable[str] | None = None  # None: the default (base data)
    booking_range: tuple[int, int] | str | None = None  # None: the default for the number
    branding: dict[str, str] = field(default_factory=dict)
    logo: Path | None = None


@dataclass(frozen=True)
class CheckedSpec:
    nr: int
    name: str
    central: frozenset[Logical]
    copy: frozenset[Logical]
    booking_range: tuple[int, int]
    branding: dict[str, str]
    logo: Path | None

    @property
    def shares_booking_numbers(self) -> bool:
        return shares_booking_numbers(self.nr, self.central)


def parse_tenant_nr(value: int | str) -> int:
    """A tenant number from 1 to MAX_TENANT_NR; rejects anything that could name another path."""
    text = str(value).strip()
    if isinstance(value, bool) or any(sep in text for sep in ("/", "\\", "..")):
        raise ValidationError(
            "number",
            _(
                "'{value}' is not a tenant number: it must be a whole "
                "number without path characters."
            ).format(value=value),
        )
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise ValidationError(
            "number",
            _("'{value}' is not a whole number; use a number from 1 to {max}.").format(
                value=value, max=MAX_TENANT_NR
            ),
        )
    nr = int(text)
    if nr == 0:
        raise ValidationError(
            "number",
            _("0 is the main tenant and always exists; use a number from 1 to {max}.").format(
                max=MAX_TENANT_NR
            ),
        )
    if nr < 0 or nr > MAX_TENANT_NR:
        raise ValidationError(
            "number",
            _("{nr} is out of range; use a number from 1 to {max}.").format(
                nr=nr, max=MAX_TENANT_NR
            ),
        )
    return nr


def _split(values: Iterable[str] | str) -> list[str]:
    if isinstance(values, str):
        values = values.split(",")
    return [v.strip().lower() for v in values if v and v.strip()]


def parse_central(values: Iterable[str] | str) -> frozenset[Logical]:
    """The databases to share with tenant 0."""
    allowed = {db.value for db in CENTRAL_OPTIONS}
    names = _split(values)
    for name in names:
        if name not in allowed:
            raise ValidationError(
                "central",
                _("'{name}' cannot be central; choose from {allowed}.").format(
                    name=name, allowed=", ".join(db.value for db in CENTRAL_OPTIONS)
                ),
            )
    return frozenset(Logical(n) for n in names)


def parse_copy(
    values: Iterable[str] | str | None, central: frozenset[Logical]
) -> frozenset[Logical]:
    """The non-central databases to copy from tenant 0; the others start empty."""
    if values is None:
        return frozenset(DEFAULT_COPY - central)
    names = _split(values)
    for name in names:
        if name not in {db.value for db in LOGICAL_DBS}:
            raise ValidationError(
                "copy",
                _("'{name}' is not a database; choose from {allowed}.").format(
                    name=name, allowed=", ".join(LOGICAL_DBS)
                ),
            )
        if Logical(name) in central:
            raise ValidationError(
                "copy",
                _(
                    "'{name}' is central (shared with tenant 0), so it "
                    "cannot be copied; remove it from the copy list."
                ).format(name=name),
            )
    return frozenset(Logical(n) for n in names)


def parse_range(value: tuple[int, int] | str | None, nr: int) -> tuple[int, int]:
    """A booking number range FIRST-LAST with 1 <= FIRST <= LAST <= the maximum."""
    if value is None:
        return default_booking_range(nr)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*([0-9]+)\s*-\s*([0-9]+)\s*", value)
        if not match:
            raise ValidationError(
                "booking range",
                _("'{value}' is not a range: write FIRST-LAST, e.g. 100000-199999.").format(
                    value=value
                ),
            )
        value = (int(match[1]), int(match[2]))
    first, last = value
    if first < 1 or last > MAX_BOOKING_NUMBER:
        raise ValidationError(
            "booking range",
            _("{first}-{last} is outside 1-{max}.").format(
                first=first, last=last, max=MAX_BOOKING_NUMBER
            ),
        )
    if first > last:
        raise ValidationError(
            "booking range",
            _(
                "{first}-{last} is reversed: the first number must not be greater than the last."
            ).format(first=first, last=last),
        )
    return first, last


def check_name(name: str) -> str:
    """A tenant's display name: one line of text, at most MAX_NAME_LENGTH characters."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", _("The name is empty; enter the tenant's name."))
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            "name",
            _("The name has {n} characters; at most {max} are allowed.").format(
                n=len(name), max=MAX_NAME_LENGTH
            ),
        )
    return plain_text("name", name, MAX_NAME_LENGTH)


def check_branding(branding: dict[str, str]) -> dict[str, str]:
    """Known branding fields, colours as #RRGGBB, a two-letter country code, valid numbers."""
    from .installation import BRANDING_FIELDS

    clean = {}
    for key, value in branding.items():
        if key not in BRANDING_FIELDS or key == "logo_file":
            raise ValidationError(key, _("'{key}' is not a branding field.").format(key=key))
        clean[key] = plain_text(key, value, TEXT_LIMITS.get(key, 40))
    if clean.get("email") and not EMAIL.fullmatch(clean["email"]):
        raise ValidationError(
            "email",
            _("'{value}' is not an e-mail address such as info@reisebuero.de.").format(
                value=clean["email"]
            ),
        )
    for key in ("colour", "accent_colour"):
        if key in clean and not COLOUR.match(clean[key]):
            raise ValidationError(
                key,
                _("'{value}' is not a colour: write #RRGGBB, e.g. #1f5f8b.").format(
                    value=clean[key]
                ),
            )
    if "country" in clean and not re.fullmatch(r"[A-Z]{2}", clean["country"]):
        raise ValidationError(
            "country",
            _("'{value}' is not a two-letter country code such as DE.").format(
                value=clean["country"]
            ),
        )
    return _check_business_ids(clean)


def _check_business_ids(clean: dict[str, str]) -> dict[str, str]:
    """IBAN, tax number and VAT ID as they will be printed on invoices."""
    if "iban" in clean:
        clean["iban"] = check_iban("iban", clean["iban"])
    if "tax_number" in clean:
        clean["tax_number"] = check_tax_number(clean["tax_number"], clean.get("country") or "DE")
    if "vat_id" in clean:
        clean["vat_id"] = check_vat_id(clean["vat_id"])
    return clean


def check_logo(logo: Path | str | None) -> Path | None:
    """A readable PNG or JPEG file of at most 2 MB, or None."""
    if logo is None:
        return None
    logo = Path(logo)
    if logo.suffix.lower() not in LOGO_SUFFIXES or not logo.is_file():
        raise ValidationError("logo", _("{path} is not a PNG or JPEG file.").format(path=logo))
    if logo.stat().st_size > MAX_LOGO_BYTES:
        raise ValidationError(
            "logo", _("{path} is larger than 2 MB; use a smaller image.").format(path=logo)
        )
    with logo.open("rb") as image:
        head = image.read(8)
    if not head.startswith(IMAGE_SIGNATURES):  # e.g. text saved under a .png name
        raise ValidationError(
            "logo",
            _("{path} is named like an image but holds no PNG or JPEG picture.").format(path=logo),
        )
    return logo


def logo_file_name(logo: Path) -> str:
    """Name of the logo's copy inside the tenant folder."""
    return f"logo{logo.suffix.lower()}"


def check_range_free(
    nr: int, booking_range: tuple[int, int], shares: bool, tenants: Iterable[TenantRange]
) -> None:
    """R5: with central accounting or tickets a range must not overlap any sharing tenant's."""
    if not shares:
        return
    tenants = list(tenants)
    first, last = booking_range
    for other in tenants:
        if other.nr == nr or not other.shares_booking_numbers:
            continue
        o_first, o_last = other.booking_range
        if first <= o_last and o_first <= last:
            raise ValidationError(
                "booking range",
                _(
                    "{first}-{last} overlaps tenant {other} ({o_first}-{o_last}), "
                    "and booking numbers "
                    "must not overlap where accounting or tickets are central; {hint}"
                ).format(
                    first=first,
                    last=last,
                    other=other.nr,
                    o_first=o_first,
                    o_last=o_last,
                    hint=_free_range_hint(nr, last - first + 1, tenants),
                ),
            )


def _free_range_hint(nr: int, size: int, tenants: list[TenantRange]) -> str:
    free = proposed_booking_range(nr, tenants, size)
    if free is None:
        return _("no free range of that size is left.")
    return _("a free range is {first}-{last}.").format(first=free[0], last=free[1])


def proposed_booking_range(
    nr: int, tenants: Iterable[TenantRange], size: int | None = None
) -> tuple[int, int] | None:
    """THE free booking range proposed for tenant `nr`, wherever one is proposed.

    `size` numbers (default: as many as the default range has) at the tenant's default place,
    else at the first free place after it, else at the first free place at all; None if no gap
    is that large. It overlaps no other tenant's range, whether or not R5 applies to them: a
    range inside another tenant's would only puzzle, and would become an error the moment either
    tenant shares booking numbers.
    """
    default_first, default_last = default_booking_range(nr)
    size = size or default_last - default_first + 1
    taken = [t.booking_range for t in tenants if t.nr != nr]
    return _first_gap(size, default_first, taken) or _first_gap(size, 1, taken)


def _first_gap(size: int, start: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first range of `size` numbers at or after `start` that overlaps none of `taken`."""
    candidate = start
    for o_first, o_last in sorted(taken):
        if candidate + size - 1 < o_first:
            break
        if candidate <= o_last:
            candidate = o_last + 1
    if candidate + size - 1 > MAX_BOOKING_NUMBER:
        return None
    return candidate, candidate + size - 1


def check_spec(inst: Installation, spec: TenantSpec) -> CheckedSpec:
    """Every check of a new tenant; raises ValidationError naming the first bad field."""
    nr = parse_tenant_nr(spec.nr)
    name = check_name(spec.name)
    central = parse_central(spec.central)
    copy = parse_copy(spec.copy, central)
    booking_range = parse_range(spec.booking_range, nr)
    branding = check_branding(spec.branding)
    checked = CheckedSpec(nr, name, central, copy, booking_range, branding, check_logo(spec.logo))
    check_against_registry(checked, inst.tenant_ranges())
    return checked


def check_against_registry(spec: CheckedSpec, tenants: list[TenantRange]) -> None:
    """The checks that depend on the other tenants (repeated under the registry lock)."""
    numbers = {t.nr for t in tenants}
    if spec.nr in numbers:
        free = next(n for n in range(1, MAX_TENANT_NR + 2) if n not in numbers)
        raise ValidationError(
            "number",
            _("Tenant {nr} exists already; the next free number is {free}.").format(
                nr=spec.nr, free=free
            ),
        )
    check_range_free(spec.nr, spec.booking_range, spec.shares_booking_numbers, tenants)
