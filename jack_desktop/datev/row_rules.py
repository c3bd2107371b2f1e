"""The checks of the rows of a DATEV file, by format: Buchungsstapel, Debitoren/Kreditoren,
Kontenbeschriftungen."""

import re
from collections.abc import Callable
from datetime import date

from tenant_store.i18n import _

from .. import formats
from . import columns as col
from .header import ACCOUNT_NAMES, BOOKINGS, PERSONS
from .validation import Context, Problems

AMOUNT = re.compile(r"\d{1,10},\d{2}")
BELEG1_CHARS = re.compile(r"[A-Za-z0-9$&%*+\-/]*")
TEXT_LIMITS = {
    col.BELEGFELD2: 12,
    col.BUCHUNGSTEXT: 60,
    col.KOST1: 36,
    col.KOST2: 36,
}
PERSON_LIMITS = {
    col.P_NAME_COMPANY: 50,
    col.P_LAST_NAME: 30,
    col.P_FIRST_NAME: 30,
    col.P_NAME_NONE: 50,
    col.P_SHORT: 15,
    col.P_STREET: 36,
    col.P_CITY: 30,
}
ACCOUNT_NAME_MAX = 40
LANGUAGES = ("de-DE", "en-GB")


def _check_booking(line: int, f: list[str], context: Context, problems: Problems) -> None:
    # Each value is checked in full only when it is not plainly right: a long file repeats
    # its accounts and days, so those are remembered once found right.
    umsatz = f[col.UMSATZ]
    if not AMOUNT.fullmatch(umsatz) or not umsatz.strip("0,"):
        _check_amount(umsatz, _naming(problems, line, col.UMSATZ))
    if f[col.SOLL_HABEN] not in ("S", "H"):
        value = f[col.SOLL_HABEN]
        _bad(problems, line, col.SOLL_HABEN, _("'{value}' is neither S nor H.").format(value=value))
    for i in (col.KONTO, col.GEGENKONTO):
        if f[i] not in context.good_accounts:
            naming = _naming(problems, line, i)
            _check_account(f[i], context.account_length, naming, context.good_accounts)
    if f[col.BU]:
        _check_key(line, f, context, problems)
    if f[col.BELEGDATUM] not in context.good_days:
        _check_day(f[col.BELEGDATUM], context, _naming(problems, line, col.BELEGDATUM))
    beleg1 = f[col.BELEGFELD1]
    if len(beleg1) > 36:
        _bad(problems, line, col.BELEGFELD1, _("At most {max} characters.").format(max=36))
    if not BELEG1_CHARS.fullmatch(beleg1):
        _bad(
            problems,
            line,
            col.BELEGFELD1,
            _("'{value}' has characters other than A-Z a-z 0-9 $ & % * + - /.").format(
                value=beleg1
            ),
        )
    for i, limit in TEXT_LIMITS.items():
        if len(f[i]) > limit:
            _bad(problems, line, i, _("At most {max} characters.").format(max=limit))


def _bad(problems: Problems, line: int, i: int, message: str) -> None:
    problems.add(line, col.BOOKING_COLUMNS[i], message)


def _naming(problems: Problems, line: int, i: int) -> Callable[[str], None]:
    return lambda message: _bad(problems, line, i, message)


def _check_key(line: int, f: list[str], context: Context, problems: Problems) -> None:
    key = f[col.BU]
    if not re.fullmatch(r"\d{1,4}", key):
        _bad(
            problems,
            line,
            col.BU,
            _("'{value}' is no BU-Schlüssel (1 to 4 digits).").format(value=key),
        )
    automatic = {f[col.KONTO], f[col.GEGENKONTO]} & context.automatic
    if automatic:
        _bad(
            problems,
            line,
            col.BU,
            _("Account {account} is an automatic account: it takes no BU-Schlüssel.").format(
                account=min(automatic)
            ),
        )


def _check_amount(value: str, bad: Callable[[str], None]) -> None:
    if AMOUNT.fullmatch(value):
        if not value.strip("0,"):
            bad(_("The amount is 0,00; DATEV takes no booking without an amount."))
        return
    if value.startswith("-"):
        bad(
            _("'{value}' is negative: the amount is always positive, S/H gives the side.").format(
                value=value
            )
        )
    elif re.fullmatch(r"\d+\.\d{1,2}", value):
        bad(
            _("'{value}' has a decimal point: DATEV writes a decimal comma (12,50).").format(
                value=value
            )
        )
    else:
        bad(_("'{value}' is no amount such as 1234,56.").format(value=value))


def _check_account(
    value: str, length: int, bad: Callable[[str], None], good: set[str] | None = None
) -> None:
    if not value.isdigit() or not value.isascii():
        bad(_("'{value}' is no account number (digits only).").format(value=value))
    elif len(value) > length + 1:
        bad(
            _(
                "'{value}' is too long: Sachkonten have up to {n} digits, Debitoren and "
                "Kreditoren {p}."
            ).format(value=value, n=length, p=length + 1)
        )
    elif len(value) == length + 1 and value.startswith("0"):
        bad(_("'{value}': a Debitor or Kreditor does not start with 0.").format(value=value))
    elif good is not None:
        good.add(value)


def _check_day(value: str, context: Context, bad: Callable[[str], None]) -> None:
    if not re.fullmatch(r"\d{4}", value):
        bad(_("'{value}' is no Belegdatum TTMM.").format(value=value))
        return
    year = context.year or 2024  # a leap year: 29 February stays possible
    try:
        day = date(year, int(value[2:]), int(value[:2]))
    except ValueError:
        bad(_("'{value}' is no day of the year.").format(value=value))
        return
    if not context.date_from or context.date_from <= day <= context.date_to:
        context.good_days.add(value)
    else:
        bad(
            _("{day} lies outside Datum vom/bis ({start} to {end}).").format(
                day=formats.day(day),
                start=formats.day(context.date_from),
                end=formats.day(context.date_to),
            )
        )


def _check_person(line: int, f: list[str], context: Context, problems: Problems) -> None:
    names = col.PERSON_COLUMNS

    def bad(i: int, message: str) -> None:
        problems.add(line, names[i], message)

    konto = f[col.P_KONTO]
    length = context.account_length + 1
    if not (konto.isdigit() and konto.isascii() and len(konto) == length) or konto[0] == "0":
        bad(
            col.P_KONTO,
            _("'{value}' is no Debitor or Kreditor ({n} digits, not starting with 0).").format(
                value=konto, n=length
            ),
        )
    if f[col.P_TYPE] not in {"", "0", "1", "2"}:
        bad(
            col.P_TYPE, _("'{value}' is no addressee type (0, 1 or 2).").format(value=f[col.P_TYPE])
        )
    for i, limit in PERSON_LIMITS.items():
        if len(f[i]) > limit:
            bad(i, _("At most {max} characters.").format(max=limit))


def _check_account_name(line: int, f: list[str], context: Context, problems: Problems) -> None:
    names = col.ACCOUNT_NAMES_COLUMNS
    konto = f[0]
    if not (konto.isdigit() and konto.isascii()) or len(konto) > context.account_length:
        problems.add(
            line,
            names[0],
            _("'{value}' is no Sachkonto (up to {n} digits).").format(
                value=konto, n=context.account_length
            ),
        )
    if len(f[1]) > ACCOUNT_NAME_MAX:
        problems.add(line, names[1], _("At most {max} characters.").format(max=ACCOUNT_NAME_MAX))
    if len(f) > 2 and f[2] not in ("", *LANGUAGES):
        problems.add(
            line, names[2], _("'{value}' is no language (de-DE, en-GB).").format(value=f[2])
        )


ROW_CHECKS = {
    BOOKINGS: _check_booking,
    PERSONS: _check_person,
    ACCOUNT_NAMES: _check_account_name,
}
