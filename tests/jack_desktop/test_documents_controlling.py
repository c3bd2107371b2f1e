"""Controlling PDF per tenant and consolidated in tenant 0 (R14), with its bar chart."""

import io
from datetime import date

import pypdf
import pytest

from jack_desktop.documents.controlling import save_controlling, write_controlling
from tenant_store import PermissionDenied
from tenant_store.errors import NotHere
from tenant_store.users import grant

from .agency import FLIGHT, PACKAGE, booked, build_agency


@pytest.fixture
def sales(inst3):
    """Firm bookings in May and June 2027 in tenants 0, 1 and 3."""
    build_agency(inst3)
    grant(inst3, "vera", 0, "manager")  # controlling in 0, but none in 1 (viewer) and 3
    for nr, month, services in (
        (0, 5, (PACKAGE,)),
        (0, 6, (PACKAGE, FLIGHT)),
        (1, 5, (FLIGHT,)),
        (3, 6, (PACKAGE,)),
    ):
        with inst3.open_session(nr) as s:
            booked(s, services=services, travel_from=date(2027, month, 3), travel_to=None)
    return inst3


def _pdf(session, user="anna", **kwargs) -> tuple[str, pypdf.PdfReader]:
    out = io.BytesIO()
    write_controlling(user, session, out, **kwargs)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split()), reader


def test_controlling_of_a_tenant(sales, german):
    with sales.open_session(0) as s0:
        text, _reader = _pdf(s0)
        path = save_controlling("anna", s0)
    assert text.startswith("Hauptmandant")
    assert "Controlling" in text and "Konsolidiert" not in text
    assert "2 feste Buchungen, Umsatz 2.300,00 €, Marge 270,00 € (11,7 %)." in text
    assert "Umsatz pro Monat" in text
    assert "05/27" in text and "06/27" in text  # the chart's months
    assert "Mai 2027 1 1.000,00 € 880,00 € 120,00 € 12,0 %" in text
    assert "Juni 2027 1 1.300,00 € 1.150,00 € 150,00 € 11,5 %" in text
    assert "Pauschalreise 2 2.300,00 €" in text  # per travel type
    assert path == sales.root / "Dokumente" / f"Controlling-{date.today()}.pdf"


def test_consolidated_controlling_has_every_readable_tenant(sales, german):
    with sales.open_session(0) as s0:
        text, _reader = _pdf(s0, consolidated=True)
        limited, _reader = _pdf(s0, user="vera", consolidated=True)
    assert "Konsolidiertes Controlling" in text
    assert "Mandanten 0, 1, 2, 3" in text
    assert "4 feste Buchungen, Umsatz 3.600,00 €" in text
    assert "Mandant 1 · Reisebüro Nord 1 300,00 € 270,00 € 30,00 € 10,0 %" in text
    assert "Mandant 3 · West 1 1.000,00 €" in text
    assert "0 · Hauptmandant" in text and "3 · West" in text  # the chart's legend
    assert "Mandanten 0 " in limited and "Reisebüro Nord" not in limited


def test_the_chart_is_vector_graphics_with_embedded_fonts_only(sales):
    with sales.open_session(0) as s0:
        _text, reader = _pdf(s0, consolidated=True)
    content = reader.pages[0].get_contents().get_data()
    assert content.count(b" re") > 4  # the bars (and the table rows) are rectangles
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        forms = [x.get_object() for x in resources.get("/XObject", {}).values()]
        for holder in [resources, *(f["/Resources"] for f in forms if "/Resources" in f)]:
            for font in holder.get_object().get("/Font", {}).values():
                font = font.get_object()
                fonts[str(font["/BaseFont"])] = font
    assert fonts
    # The chart's renderer starts with Helvetica unless told otherwise: not embedded.
    assert all("/FontDescriptor" in font for font in fonts.values()), sorted(fonts)


def test_consolidated_only_in_tenant_0_and_with_rights(sales):
    with sales.open_session(1) as s1:
        with pytest.raises(NotHere):
            _pdf(s1, consolidated=True)
        with pytest.raises(PermissionDenied):
            _pdf(s1, user="bernd")  # a clerk has no controlling
    assert not (sales.tenant_dir(1) / "Dokumente").exists()


def test_no_firm_bookings(sales, german):
    with sales.open_session(0) as s0:
        text, _reader = _pdf(s0, year=2020)
    assert "In diesem Zeitraum gibt es keine festen Buchungen." in text
    assert "Vom 01.01.2020 bis 31.12.2020" in text
