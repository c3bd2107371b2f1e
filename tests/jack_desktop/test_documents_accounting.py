"""Journal and trial balance PDFs, per tenant and consolidated in tenant 0 (R4), and the
streamed journal they are printed from (`accounting.iter_journal`)."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pypdf
import pytest

from jack_desktop.accounting import Line, iter_journal, post_entry
from jack_desktop.documents.journal import save_journal, write_journal
from jack_desktop.documents.trial_balance import save_trial_balance, write_trial_balance
from jack_desktop.period_locks import taking_over_history
from tenant_store import PermissionDenied
from tenant_store.errors import NotHere
from tenant_store.users import add_user, grant

from .agency import build_agency

START = date(2026, 3, 1)


@pytest.fixture
def books(inst3):
    """Tenant 1 posts into tenant 0's journal (central), tenant 3 into its own file."""
    build_agency(inst3)
    add_user(inst3, "paula", "Paula", "geheim123")
    for nr in (0, 1):  # not 2 or 3: the consolidation must leave those out for her
        grant(inst3, "paula", nr, "accountant")
    postings = [
        (0, 5, "Miete März Köln", "6310", Decimal("1200.00")),
        (1, 2, "Telefon Nord", "6805", Decimal("89.90")),
        (3, 1, "Büromaterial West", "6815", Decimal("45.50")),
        (1, 9, "Miete Nord", "6310", Decimal("950.00")),
        (0, 3, "Telefon Köln", "6805", Decimal("120.00")),
    ]
    with taking_over_history():  # March's books, entered now: the lock of March waits
        for nr, days, text, account, amount in postings:
            with inst3.open_session(nr) as s:
                lines = [Line(account, debit=amount), Line("1800", credit=amount)]
                post_entry("anna", s, START + timedelta(days=days), text, lines, f"B{days}")
    return inst3


def _text(write, session, user="otto", **kwargs) -> tuple[str, int]:
    out = io.BytesIO()
    pages = write(user, session, out, **kwargs)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == pages
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split()), pages


def test_journal_of_a_tenant_lists_its_own_postings_in_date_order(books, german):
    with books.open_session(1) as s1:
        text, pages = _text(write_journal, s1)
    assert text.startswith("Reisebüro Nord")
    assert "Journal" in text and "Mandant 1 · Reisebüro Nord" in text
    assert "Telefon Nord" in text and "Miete Nord" in text
    assert "Köln" not in text and "West" not in text  # tenant 0's and 3's postings
    assert text.index("03.03.2026 B2 Telefon Nord") < text.index("10.03.2026 B9 Miete Nord")
    assert "Gesamt 1.039,90 € 1.039,90 €" in text
    assert "2 Buchungssätze." in text
    assert pages == 1 and "Seite 1 von 1" in text


def test_consolidated_journal_merges_central_and_own_tenants_by_date(books, german):
    with books.open_session(0) as s0:
        text, _pages = _text(write_journal, s0, consolidated=True)
        path = save_journal("otto", s0, consolidated=True)
    assert "Konsolidiertes Journal" in text
    assert "Mandanten 0, 1, 2, 3" in text
    order = ["Büromaterial West", "Telefon Nord", "Telefon Köln", "Miete März Köln", "Miete Nord"]
    positions = [text.index(posting) for posting in order]
    assert positions == sorted(positions)
    assert "3 02.03.2026 B1 Büromaterial West" in text  # tenant column first
    assert "1 03.03.2026 B2 Telefon Nord" in text
    assert "Gesamt 2.405,40 € 2.405,40 €" in text
    assert "5 Buchungssätze." in text
    assert path == books.root / "Dokumente" / f"Journal-konsolidiert-{date.today()}.pdf"


def test_consolidation_leaves_out_tenants_the_user_may_not_read(books, german):
    with books.open_session(0) as s0:
        text, _pages = _text(write_journal, s0, user="paula", consolidated=True)
        balance, _pages = _text(write_trial_balance, s0, user="paula", consolidated=True)
    assert "Mandanten 0, 1 " in text
    assert "Büromaterial West" not in text
    assert "Mandant 3" not in balance and "Mandant 1" in balance


def test_consolidated_documents_only_in_tenant_0_and_with_rights(books):
    with books.open_session(1) as s1:
        with pytest.raises(NotHere):
            _text(write_journal, s1, consolidated=True)
        with pytest.raises(NotHere):
            _text(write_trial_balance, s1, consolidated=True)
        with pytest.raises(PermissionDenied):
            _text(write_journal, s1, user="bernd")  # a clerk has no accounting
        with pytest.raises(PermissionDenied):
            save_trial_balance("bernd", s1)
    assert not (books.tenant_dir(1) / "Dokumente").exists()


def test_trial_balance_of_a_tenant(books, german):
    with books.open_session(1) as s1:
        text, _pages = _text(write_trial_balance, s1)
        path = save_trial_balance("otto", s1)
    assert "Summen- und Saldenliste" in text and "Mandant 1 · Reisebüro Nord" in text
    assert "1800 Bank 0,00 € 1.039,90 € 1.039,90 € H" in text
    assert "6805 Telefon 89,90 € 0,00 € 89,90 € S" in text
    assert "Gesamt 1.039,90 € 1.039,90 € 0,00 €" in text
    assert path.name == f"Summen-und-Saldenliste-{date.today()}.pdf"
    assert path.parent == books.tenant_dir(1) / "Dokumente"


def test_consolidated_trial_balance_has_a_column_per_tenant(books, german):
    with books.open_session(0) as s0:
        text, _pages = _text(write_trial_balance, s0, consolidated=True)
    assert "Konsolidierte Summen- und Saldenliste" in text
    for nr in (0, 1, 2, 3):
        assert f"Mandant {nr}" in text
    # Bank: tenant 0 1.320,00 H, tenant 1 1.039,90 H, tenant 3 45,50 H; sum 2.405,40 H
    assert "1.320,00 € H 1.039,90 € H 45,50 € H 2.405,40 € H" in text
    assert "Summe Soll 1.320,00 € 1.039,90 € 0,00 € 45,50 € 2.405,40 €" in text


def test_iter_journal_reads_in_chunks_oldest_first(books):
    with books.open_session(0) as s0:
        mine = [e.text for e in iter_journal("otto", s0, chunk=1)]
        central = [(e.tenant_nr, e.text) for e in iter_journal("otto", s0, [0, 1], chunk=2)]
        march = iter_journal("otto", s0, [0, 1], date_from=date(2026, 3, 4), chunk=1)
        assert [e.text for e in march] == ["Telefon Köln", "Miete März Köln", "Miete Nord"]
        with pytest.raises(PermissionDenied):
            iter_journal("paula", s0, [0, 3])  # checked on the call, before any row
    assert mine == ["Telefon Köln", "Miete März Köln"]
    assert central == [
        (1, "Telefon Nord"),
        (0, "Telefon Köln"),
        (0, "Miete März Köln"),
        (1, "Miete Nord"),
    ]
    with books.open_session(1) as s1, pytest.raises(NotHere):
        iter_journal("otto", s1, [0, 1])


def test_long_journal_runs_over_many_pages(books, german):
    with books.open_session(3) as s3:
        for i in range(300):
            lines = [Line("6815", debit=f"{i + 1},00"), Line("1800", credit=f"{i + 1},00")]
            with taking_over_history():
                post_entry("anna", s3, START + timedelta(days=i % 60), f"Posten {i:03d}", lines)
        out = io.BytesIO()
        pages = write_journal("otto", s3, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    texts = [" ".join(p.extract_text().replace("\xa0", " ").split()) for p in reader.pages]
    assert len(texts) == pages > 10
    for i, page in enumerate(texts, 1):
        assert f"Seite {i} von {pages}" in page
        assert "Datum Beleg Buchungstext Konto" in page  # column titles on every page
    everything = " ".join(texts)
    assert all(f"Posten {i:03d}" in everything for i in range(300))
    total = sum(range(1, 301)) + 45  # and "Büromaterial West", 45,50
    assert f"Gesamt {total:,}".replace(",", ".") + ",50 €" in everything
