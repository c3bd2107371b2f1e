"""The demo's books exported and read back give the trial balance of every tenant.

Per-account totals are computed from the parsed Buchungsstapel rows: a row debits Konto and
credits Gegenkonto, a Debitor or Kreditor counts on its collective account, and the gross on
4400 is split as DATEV splits it (19 % VAT to 3806). They must equal `trial_balance` of each
tenant; tenant 0's file holds branch 1 too, told apart by KOST2.
"""

from collections import defaultdict
from datetime import date

import pytest

from jack_desktop.accounting import trial_balance
from jack_desktop.datev.export import export_datev
from jack_desktop.datev.reader import read_bookings
from jack_desktop.datev.validator import validate_file
from jack_desktop.demo import TENANTS, build_demo
from jack_desktop.invoicing import cancel_booking, invoice_booking
from jack_desktop.money import share_cents
from jack_desktop.personal_accounts import collective_account
from tenant_store import Installation
from tenant_store.models.accounting import JournalEntry
from tenant_store.tenant_edit import update_tenant

from ..agency import booked
from .books import SERVICE_FEE

ACCOUNTANT = "schmidt"  # the demo's accountant, in every tenant
CLERK = "mueller"  # a clerk in tenants 0 and 1
CENTRAL = [p.nr for p in TENANTS if "accounting" in p.central]
OWN_BOOKS = [p.nr for p in TENANTS if "accounting" not in p.central]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "inst"
    build_demo(root)
    inst = Installation.open(root)
    _service_fees(inst)
    exports = {}
    for nr in OWN_BOOKS:
        with inst.open_session(nr) as s, s.bound():
            first = (
                JournalEntry.select(JournalEntry.entry_date)
                .order_by(JournalEntry.entry_date)
                .scalar()
            )
            last = (
                JournalEntry.select(JournalEntry.entry_date)
                .order_by(JournalEntry.entry_date.desc())
                .scalar()
            )
        update_tenant(
            inst,
            nr,
            books={
                "datev_adviser": 1001 + nr,
                "datev_client": 100 + nr,
                "fiscal_year_start": first.month,
            },
        )
        with inst.open_session(nr) as s:
            out = tmp_path_factory.mktemp(f"datev{nr}")
            exports[nr] = export_datev(ACCOUNTANT, s, first.replace(day=1), last, out)
    yield inst, exports
    inst.close()


def _service_fees(inst) -> None:
    """The demo sells no service fees: add some (revenue 4400), one of them cancelled."""
    for nr in (0, *CENTRAL):
        with inst.open_session(nr) as s:
            for cancel in (False, True):
                number = booked(s, CLERK, services=(SERVICE_FEE,), travel_type="SERV")
                invoice_booking(CLERK, s, number)
                if cancel:
                    cancel_booking(CLERK, s, number)


def _totals(rows) -> dict[int, dict[str, list[int]]]:
    """{tenant: {account: [debit, credit]}} from Buchungsstapel rows (KOST2 is the tenant)."""
    found: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        tenant = found[int(row.kost2 or -1)]
        for side, account in ((0, row.debit_account), (1, row.credit_account)):
            account = collective_account(account) or account
            if account == "4400":
                vat = share_cents(row.cents, 19, 119)
                tenant["3806"][side] += vat
                tenant["4400"][side] += row.cents - vat
            else:
                tenant[account][side] += row.cents
    return found


def _expected(inst, nr) -> dict[str, list[int]]:
    with inst.open_session(nr) as s:
        return {
            b.account: [b.debit_cents, b.credit_cents]
            for b in trial_balance(ACCOUNTANT, s)
            if b.debit_cents or b.credit_cents
        }


def _rows(export):
    return [r for p in export.files if "Buchungsstapel" in p.name for r in read_bookings(p).rows]


def test_every_demo_file_passes_the_validator(demo):
    _inst, exports = demo
    for export in exports.values():
        assert export.rows > 0
        for path in export.files:
            assert validate_file(path) == [], path.name


def test_tenant_0_export_gives_the_trial_balance_of_each_branch(demo):
    inst, exports = demo
    totals = _totals(_rows(exports[0]))
    assert sorted(totals) == sorted([0, *CENTRAL])
    for nr in [0, *CENTRAL]:
        assert {a: v for a, v in totals[nr].items() if any(v)} == _expected(inst, nr), nr


@pytest.mark.parametrize("nr", [nr for nr in OWN_BOOKS if nr != 0])
def test_own_books_give_their_trial_balance(demo, nr):
    inst, exports = demo
    totals = _totals(_rows(exports[nr]))
    assert list(totals) == [-1]  # no branches: KOST2 empty
    assert {a: v for a, v in totals[-1].items() if any(v)} == _expected(inst, nr)


def test_the_export_covers_every_posting(demo):
    inst, exports = demo
    for nr, export in exports.items():
        assert export.date_to <= date.today()
        tenants = [0, *CENTRAL] if nr == 0 else [nr]
        with inst.open_session(nr) as s, s.bound():
            outside = JournalEntry.select().where(
                JournalEntry.tenant_nr.in_(tenants)
                & (
                    (JournalEntry.entry_date < export.date_from)
                    | (JournalEntry.entry_date > export.date_to)
                )
            )
            assert outside.count() == 0


def test_the_comparison_covers_folded_vat_and_personal_accounts(demo):
    inst, exports = demo
    rows = _rows(exports[0])
    assert any("4400" in (r.konto, r.gegenkonto) for r in rows)
    assert any(collective_account(r.konto) == "1200" for r in rows)
    assert any(collective_account(r.gegenkonto) == "3300" for r in rows)
    assert {"1200", "3300", "3806", "4400"} <= set(_expected(inst, 0))
