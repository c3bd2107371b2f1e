"""Buchungsstapel rows from journal entries.

A DATEV row has one account on each side (Konto, Gegenkonto); our entries have any number of
lines. An entry becomes rows by pairing its debit and credit lines in order: take the next
debit and the next credit line, write a row for the smaller of what remains of the two, and
move on from the one used up. Konto is the debit side, so every row is "S" (Soll).

A line with a Debitor or Kreditor is written on that personal account instead of the
collective account (1200, 3300): DATEV keeps the open items per person.

4400 is an automatic account in DATEV's SKR04 (19 % VAT is computed from the gross amount on
it), so the entry's VAT line on 3806 is folded into the 4400 line: DATEV gets the gross amount
on 4400 and no VAT row, and works out the same VAT. That is only right when DATEV's VAT, 19 %
of each row's gross rounded half up (as `money.share_cents`), is the VAT we posted; otherwise
the entry is refused by name. No row gets a BU-Schlüssel.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from tenant_store import ValidationError
from tenant_store.i18n import _

from .. import accounts as acc
from ..formats import day
from ..money import format_money, share_cents
from .fields import belegfeld1, clean_text, quote
from .journal import Entry

AUTOMATIC_VAT = acc.AUTOMATIC_VAT  # account -> (VAT account, %)
TEXT_MAX, KOST_MAX = 60, 36


class BookingRow(NamedTuple):
    """One Buchungsstapel row: `cents` from Konto (debit) to Gegenkonto (credit)."""

    cents: int
    konto: str
    gegenkonto: str
    day: date
    beleg1: str
    text: str
    kost1: str = ""
    kost2: str = ""


@dataclass(slots=True)
class _Side:
    """What is left of one line while pairing."""

    account: str  # the personal account where the line has one
    ledger_account: str  # the account of the journal line
    cents: int
    cost_centre: str


def rows_of(entry: Entry, *, branch: bool = False) -> list[BookingRow]:
    """The rows of one entry; with `branch`, KOST2 carries the posting tenant's number."""
    beleg1 = belegfeld1(entry.document or entry.reference)
    text = clean_text(entry.text, TEXT_MAX)
    kost2 = _kost(str(entry.tenant_nr)) if branch else ""
    simple = _simple(entry, beleg1, text, kost2)
    if simple is not None:
        return simple
    debits, credits = _sides(entry.lines)
    automatic = any(s.ledger_account in AUTOMATIC_VAT for s in (*debits, *credits))
    folded = {"S": _fold(debits), "H": _fold(credits)} if automatic else {}
    on = entry.entry_date
    rows, i, j = [], 0, 0
    while i < len(debits) and j < len(credits):
        debit, credit = debits[i], credits[j]
        cents = min(debit.cents, credit.cents)
        kost1 = _kost(debit.cost_centre or credit.cost_centre)
        rows.append(
            BookingRow(cents, debit.account, credit.account, on, beleg1, text, kost1, kost2)
        )
        debit.cents -= cents
        credit.cents -= cents
        i += debit.cents == 0
        j += credit.cents == 0
    for side, vat_of in folded.items():
        _check_automatic_vat(entry, rows, side, vat_of)
    return rows


def _simple(entry: Entry, beleg1: str, text: str, kost2: str) -> list[BookingRow] | None:
    """The one row of a plain two-line entry (most of a journal), or None for any other."""
    if len(entry.lines) != 2:
        return None
    (a, a_debit, a_credit, a_centre, a_personal), (b, b_debit, b_credit, b_centre, b_personal) = (
        entry.lines
    )
    cents = a_debit - a_credit
    if cents <= 0 or b_credit - b_debit != cents or a in AUTOMATIC_VAT or b in AUTOMATIC_VAT:
        return None
    kost1 = _kost(a_centre or b_centre)
    return [
        BookingRow(
            cents, a_personal or a, b_personal or b, entry.entry_date, beleg1, text, kost1, kost2
        )
    ]


@functools.lru_cache(maxsize=4096)
def _kost(code: str) -> str:
    # Cost centres and branches repeat on every row: cleaned once each.
    return clean_text(code, KOST_MAX)


def _sides(lines) -> tuple[list[_Side], list[_Side]]:
    debits: list[_Side] = []
    credits: list[_Side] = []
    for account, debit, credit, cost_centre, personal in lines:
        net = debit - credit
        if net:
            side = _Side(personal or account, account, abs(net), cost_centre)
            (debits if net > 0 else credits).append(side)
    return debits, credits


def _fold(lines: list[_Side]) -> dict[str, int]:
    """Fold this side's VAT lines into its automatic revenue lines; {account: VAT folded}."""
    folded = {}
    for account, (vat_account, _rate) in AUTOMATIC_VAT.items():
        revenue = [s for s in lines if s.ledger_account == account]
        if not revenue:
            continue
        vat_lines = [s for s in lines if s.account == vat_account]
        vat = sum(s.cents for s in vat_lines)
        for s in vat_lines:
            lines.remove(s)
        _spread(revenue, vat)
        folded[account] = vat
    return folded


def _spread(revenue: list[_Side], vat: int) -> None:
    """Add `vat` to the revenue lines: all of it to a single line, else by each line's share."""
    if len(revenue) == 1:
        revenue[0].cents += vat
        return
    total = sum(s.cents for s in revenue)
    left = vat
    for s in revenue[:-1]:
        part = share_cents(vat, s.cents, total) if total else 0
        s.cents += part
        left -= part
    revenue[-1].cents += left


def _check_automatic_vat(
    entry: Entry, rows: Sequence[BookingRow], side: str, vat_of: dict[str, int]
) -> None:
    """Refuse the entry unless DATEV's VAT on its automatic-account rows is the VAT folded."""
    for account, vat in vat_of.items():
        rate = AUTOMATIC_VAT[account][1]
        mine = [r for r in rows if (r.konto if side == "S" else r.gegenkonto) == account]
        expected = sum(share_cents(r.cents, rate, 100 + rate) for r in mine)
        if expected != vat:
            raise ValidationError(
                "entry",
                _(
                    "Entry {id} of {day} ({reference}) cannot go to DATEV: account {account} "
                    "computes {rate} % VAT itself, which makes {expected}, but the entry posts "
                    "{vat} VAT on {vat_account}. Reverse the entry and post it again with "
                    "{rate} % VAT, or on a revenue account without automatic VAT."
                ).format(
                    id=entry.entry_id,
                    day=day(entry.entry_date),
                    reference=entry.reference or entry.document or "-",
                    account=account,
                    rate=rate,
                    expected=format_money(expected),
                    vat=format_money(vat),
                    vat_account=AUTOMATIC_VAT[account][0],
                ),
            )


# Positions: Umsatz ... Buchungstext are columns 1-14, KOST1/KOST2 37/38, 125 in all.
_TO_KOST1 = ";" * 23
_AFTER_KOST2 = ";" * 87


def booking_line(row: BookingRow) -> str:
    """The row as a line of 125 fields (without line end)."""
    cents, on = row.cents, row.day
    if cents <= 0:
        raise ValueError(f"a DATEV amount is positive: {cents}")
    # Belegfeld 1 and KOST2 (a tenant number) hold no quotes; the texts may.
    return (
        f'{cents // 100},{cents % 100:02d};"S";"EUR";;;;{row.konto};{row.gegenkonto};"";'
        f'{on.day:02d}{on.month:02d};"{row.beleg1}";"";;{quote(row.text)}{_TO_KOST1}'
        f'{quote(row.kost1)};"{row.kost2}"{_AFTER_KOST2}'
    )
