"""The trial balance ("Summen- und Saldenliste") of a tenant, or consolidated in tenant 0 with
a column per tenant (R4).

Balances are printed as amounts with S (debit) or H (credit), as German accountants read
them. The consolidated list shows each readable tenant's balance per account and the sum;
with more tenants than fit across a landscape page, the tenants are printed in groups one
after the other, the sum with the last group.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from tenant_store import TenantSession
from tenant_store.i18n import _

from ..accounting import BalanceRow, trial_balance
from ..consolidation import Consolidation, consolidated_trial_balance
from . import files
from . import layout as lay
from . import letterhead as lh
from .pages import Report, in_document_language, write_pdf

TENANTS_PER_TABLE = 5
NAME_STYLE = ParagraphStyle("name", fontName=lay.FONT, fontSize=8.5, leading=10.5)
HEAD_STYLE = ParagraphStyle(
    "head", fontName=lay.FONT_BOLD, fontSize=8, leading=10, alignment=TA_RIGHT
)


@dataclass(frozen=True)
class TrialBalanceData:
    user: str
    branding: lh.Branding
    rows: list[BalanceRow] | None  # one tenant
    consolidation: Consolidation | None  # tenant 0, a column per tenant


def write_trial_balance(
    user: str, session: TenantSession, out: BinaryIO, *, consolidated: bool = False
) -> int:
    """Write the trial balance (of this tenant, or consolidated in tenant 0); the page count."""
    return _render(_load(user, session, consolidated), out)


def save_trial_balance(user: str, session: TenantSession, *, consolidated: bool = False) -> Path:
    """Save it as `Dokumente/Summen-und-Saldenliste[-konsolidiert]-<today>.pdf`."""
    data = _load(user, session, consolidated)
    path = files.report_path(session, "Summen-und-Saldenliste", consolidated=consolidated)
    return files.write_atomically(path, lambda out: _render(data, out))


def _load(user: str, session: TenantSession, consolidated: bool) -> TrialBalanceData:
    if consolidated:
        consolidation = consolidated_trial_balance(user, session)
        return TrialBalanceData(user, lh.Branding.of(session), None, consolidation)
    return TrialBalanceData(user, lh.Branding.of(session), trial_balance(user, session), None)


def balance(cents: int) -> str:
    """'1.234,56 € S' for a debit balance, '… H' for a credit balance."""
    if not cents:
        return lay.money(0)
    side = _("Dr") if cents > 0 else _("Cr")
    return f"{lay.money(abs(cents))} {side}"


@in_document_language
def _render(data: TrialBalanceData, out: BinaryIO) -> int:
    b = data.branding
    if data.consolidation is not None:
        title = _("Consolidated trial balance")
        numbers = ", ".join(str(nr) for nr, _name in data.consolidation.tenants)
        subtitle = _("Tenants {numbers}").format(numbers=numbers)
        story = _consolidated(data.consolidation, b)
        pagesize = lay.LANDSCAPE
    else:
        title, subtitle, pagesize = _("Trial balance"), lh.tenant_label(b), lay.PORTRAIT
        story = _single(data.rows, b)
    subtitle += " · " + _("As of {date}").format(date=lay.day(date.today()))
    pages = Report(b, title, subtitle, lh.printed_note(data.user), pagesize=pagesize)
    return write_pdf(out, pages, f"{title} – {b.name}", story)


def _single(rows: list[BalanceRow], b: lh.Branding) -> list:
    if not rows:
        return [Paragraph(_("There are no postings yet."), lay.styles(b.colour)["body"])]
    header = [_("Account"), _("Account name"), _("Debit"), _("Credit"), _("Balance")]
    data = [header]
    for r in rows:
        data.append(
            [
                r.account,
                _name(r.name),
                lay.money(r.debit_cents),
                lay.money(r.credit_cents),
                balance(r.balance_cents),
            ]
        )
    debit, credit = sum(r.debit_cents for r in rows), sum(r.credit_cents for r in rows)
    data.append(["", _("Total"), lay.money(debit), lay.money(credit), balance(debit - credit)])
    widths = [16 * mm, 62 * mm, 31 * mm, 31 * mm, 34 * mm]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_style(b.colour, first_amount=2))
    return [table]


def _consolidated(c: Consolidation, b: lh.Branding) -> list:
    if not c.rows:
        return [Paragraph(_("There are no postings yet."), lay.styles(b.colour)["body"])]
    groups = [
        c.tenants[i : i + TENANTS_PER_TABLE] for i in range(0, len(c.tenants), TENANTS_PER_TABLE)
    ]
    story = []
    for i, group in enumerate(groups):
        story.append(_group_table(c, group, b, with_sum=i == len(groups) - 1))
        story.append(Spacer(1, 6 * mm))
    return story


def _group_table(
    c: Consolidation, group: list[tuple[int, str]], b: lh.Branding, with_sum: bool
) -> Table:
    header = [_("Account"), _("Account name")]
    header += [Paragraph(_tenant_head(nr, name), HEAD_STYLE) for nr, name in group]
    if with_sum:
        header.append(_("Sum"))
    data = [header]
    for row in c.rows:
        cells = [row.account, _name(row.name)] + [
            balance(row.balance(nr)) if nr in row.debit_cents else "" for nr, _n in group
        ]
        if with_sum:
            cells.append(balance(row.total_balance_cents))
        data.append(cells)
    for label, side in ((_("Total debit"), "debit"), (_("Total credit"), "credit")):
        cells = ["", label] + [lay.money(_side_total(c, nr, side)) for nr, _n in group]
        if with_sum:
            cells.append(lay.money(sum(_side_total(c, nr, side) for nr, _n in c.tenants)))
        data.append(cells)
    amounts = len(group) + (1 if with_sum else 0)
    name = min(95, 261 - 16 - 30 * amounts)  # landscape: what the amount columns leave
    widths = [16 * mm, name * mm] + [30 * mm] * amounts
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_style(b.colour, first_amount=2, totals=2))
    return table


def _tenant_head(nr: int, name: str) -> str:
    label = _("Tenant {nr}").format(nr=nr)
    return f"{escape(label)}<br/>{escape(name)}"


def _name(text: str) -> Paragraph:
    """An account name, wrapped in its column (SKR names can be long)."""
    return Paragraph(escape(text), NAME_STYLE)


def _side_total(c: Consolidation, nr: int, side: str) -> int:
    return sum(getattr(row, f"{side}_cents").get(nr, 0) for row in c.rows)


def _style(colour, first_amount: int, totals: int = 1) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), lay.FONT, 8.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), lay.TEXT),
            ("FONT", (0, 0), (-1, 0), lay.FONT_BOLD, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("BACKGROUND", (0, 0), (-1, 0), lay.tint(colour, 0.86)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour),
            ("LINEBELOW", (0, 1), (-1, -1 - totals), 0.25, lay.RULE),
            ("ALIGN", (first_amount, 0), (-1, -1), "RIGHT"),
            ("FONT", (0, -totals), (-1, -1), lay.FONT_BOLD, 8.5),
            ("LINEABOVE", (0, -totals), (-1, -totals), 0.8, colour),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]
    )
