"""Invoice PDF: the tenant's branding and parameters, German formats, DIN 5008 window address,
carry-over on long bookings, embedded fonts, one tenant's branding only, saved atomically."""

import io
import os
import struct
import time
import zlib
from datetime import date, timedelta
from decimal import Decimal

import pypdf
import pytest
from reportlab.lib.units import mm

from jack_desktop.basedata import set_parameter
from jack_desktop.documents import files
from jack_desktop.documents.invoice import save_invoice, write_invoice
from jack_desktop.invoicing import cancel_booking, invoice_booking, record_payment
from jack_desktop.money import format_money
from tenant_store import PermissionDenied, TenantSpec, ValidationError, create_tenant
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import grant

from .agency import FLIGHT, PACKAGE, booked, build_agency, new_customer

# The 2nd of this month: always open (the automatic lock reaches only earlier months).
ISSUED = date.today().replace(day=2)
DUE = ISSUED + timedelta(days=14)  # payment.terms_days
BRANDING = {
    1: {
        "street": "Hafenstraße 3",
        "postcode": "20459",
        "city": "Hamburg",
        "phone": "040 123456",
        "email": "nord@example.com",
        "bank_name": "Hamburger Sparkasse",
        "iban": "DE02200505501015871393",
        "bic": "HASPDEHHXXX",
        "tax_number": "43/123/45678",
        "vat_id": "DE136695976",
        "colour": "#1f5f8b",
    },
    4: {
        "street": "Marienplatz 1",
        "postcode": "80331",
        "city": "München",
        "bank_name": "Stadtsparkasse München",
        "iban": "DE02701500000000594937",
        "bic": "SSKMDEMMXXX",
        "tax_number": "143/123/45678",
        "colour": "#6a1b9a",
    },
}


def _png(path) -> None:
    """A 2x2 PNG, written without an imaging library."""
    rows = b"".join(b"\x00" + b"\xe8\xa3\x17" * 2 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
    path.write_bytes(png + chunk(b"IEND", b""))


@pytest.fixture
def agency(inst3, tmp_path):
    """build_agency, plus tenant 4 whose booking numbers are the same as tenant 0's."""
    build_agency(inst3)
    create_tenant(inst3, TenantSpec(4, "Süd-Ost Reisen", central=[], booking_range=(1, 99_999)))
    grant(inst3, "anna", 4, "admin")
    logo = tmp_path / "logo.png"
    _png(logo)
    for nr, branding in BRANDING.items():
        update_tenant(inst3, nr, branding=branding, logo=logo)
    return inst3


def _pages(data: bytes) -> list[str]:
    """Each page's text, with the no-break spaces of '1.234,56 €' as plain spaces."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().replace("\xa0", " ").split()) for page in reader.pages]


def _invoice(session, number: int, user: str = "anna", **kwargs) -> bytes:
    out = io.BytesIO()
    write_invoice(user, session, number, out, **kwargs)
    return out.getvalue()


def _money(cents: int) -> str:
    return format_money(cents).replace("\xa0", " ")


def test_invoice_shows_branding_customer_numbers_totals_and_terms_in_german(agency, german):
    with agency.open_session(1) as s:
        customer = new_customer(s, street="Lindenweg 5", postcode="22085", city="Hamburg")
        number = booked(s, services=(PACKAGE, FLIGHT), customer_id=customer)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        record_payment("anna", s, number, Decimal("300.00"), received_on=date.today())
        (text,) = _pages(_invoice(s, number))
    for expected in (
        "Reisebüro Nord",  # letterhead
        "Hafenstraße 3",
        "IBAN DE02 2005 0550 1015 8713 93",
        "BIC HASPDEHHXXX",
        "USt-IdNr. DE136695976",  # § 14 UStG
        "Steuernr. 43/123/45678",
        "Hans Müller",  # window address
        "Lindenweg 5",
        "22085 Hamburg",
        f"Rechnung M1-{invoice.number}",  # tenant 1's series in tenant 0's books
        f"Vorgang {number}",
        "Rechnungs-Nr.",
        f"{ISSUED:%d.%m.%Y}",  # issued
        f"{DUE:%d.%m.%Y}",  # due: 14 days (payment.terms_days)
        "01.05.2027 – 08.05.2027",  # travel dates
        "Pauschalreise",
        "TUI Deutschland",
        "Rechnungsbetrag 1.300,00 €",
        "Bereits bezahlt -300,00 €",
        "Offener Betrag 1.000,00 €",
        f"Bitte überweisen Sie 1.000,00 € spätestens bis zum {DUE:%d.%m.%Y}",
        "Wir handeln als Reisevermittler",  # invoice.vat_note_agency (PAUS is agency business)
        "Vielen Dank für Ihre Buchung",  # invoice.header_text
        "Seite 1 von 1",
    ):
        assert expected in text, expected
    assert "Übertrag" not in text


def test_texts_come_from_the_tenants_parameters(agency, german):
    with agency.open_session(1) as s:
        set_parameter("anna", s, "invoice.header_text", "Moin! Ihre Rechnung für die Reise:")
        set_parameter("anna", s, "invoice.footer_text", "Zahlbar ohne Abzug. Tschüss!")
        set_parameter("anna", s, "invoice.vat_note_margin", "Margenbesteuerung § 25 UStG.")
        number = booked(s, travel_type="BUS")  # margin scheme
        invoice_booking("anna", s, number, issued_on=ISSUED)
        (text,) = _pages(_invoice(s, number))
    assert "Moin! Ihre Rechnung für die Reise:" in text
    assert "Zahlbar ohne Abzug. Tschüss!" in text
    assert "Margenbesteuerung § 25 UStG." in text
    assert "USt." not in text  # § 25 UStG: no VAT amount on a margin-scheme invoice


def test_standard_scheme_shows_net_and_vat(agency, german):
    with agency.open_session(1) as s:
        fee = {
            "kind": "other",
            "price": Decimal("119.00"),
            "cost": "0",
            "description": "Serviceentgelt",
        }
        number = booked(s, services=(fee,), travel_type="SERV")
        invoice_booking("anna", s, number, issued_on=ISSUED)
        (text,) = _pages(_invoice(s, number))
    assert "Nettobetrag 100,00 €" in text
    assert "USt. 19 % 19,00 €" in text
    assert "Rechnungsbetrag 119,00 €" in text


def test_fonts_are_embedded(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number)
        reader = pypdf.PdfReader(io.BytesIO(_invoice(s, number)))
    fonts = _fonts(reader)
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{name} is a standard font, not embedded"
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert any("DejaVuSans" in str(f["/BaseFont"]) for f in fonts.values())


def _fonts(reader: pypdf.PdfReader) -> dict:
    """Every font used by the pages and by the forms they draw (the page total)."""
    found = {}

    def visit(resources) -> None:
        resources = resources.get_object() if resources else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


WRAPS = "Hotel Straße, Doppelzimmer mit Meerblick"  # wraps once in the service column


def test_sixty_service_lines_carry_over_from_page_to_page(agency, german):
    """60 lines of three text lines each (kind and text, one more for the text, supplier):
    9 fit on the first page below the address field, 16 on each later page with its compact
    head, so 9 + 3 x 16 = 57 fill four pages and the last 3 lines and the totals go on a fifth.
    Each page break carries the running total over ("Übertrag")."""
    lines = [
        {**PACKAGE, "description": f"Leistung {i:02d} {WRAPS}", "price": Decimal(100 + i)}
        for i in range(1, 61)
    ]
    with agency.open_session(1) as s:
        number = booked(s, services=lines)
        invoice_booking("anna", s, number, issued_on=ISSUED)
        data = _invoice(s, number)
    pages = _pages(data)
    assert len(pages) == 5
    for i, page in enumerate(pages, 1):
        assert f"Seite {i} von 5" in page
    per_page = [[n for n in range(1, 61) if f"Leistung {n:02d} " in page] for page in pages]
    assert [len(numbers) for numbers in per_page] == [9, 16, 16, 16, 3]
    assert sum(per_page, []) == list(range(1, 61))  # every line once, in order
    carried = 0
    for i, page in enumerate(pages[:-1]):
        carried += sum((100 + n) * 100 for n in per_page[i])
        assert page.count("Übertrag") == (1 if i == 0 else 2)
        assert page.endswith(f"Übertrag {_money(carried)}")  # at the bottom of this page
        after_head = pages[i + 1].split("Betrag", 1)[1]  # the column titles end with "Betrag"
        assert after_head.startswith(f" Übertrag {_money(carried)}")  # and atop the next
    total = sum((100 + n) * 100 for n in range(1, 61))
    assert f"Rechnungsbetrag {_money(total)}" in pages[-1]


def test_address_sits_in_the_din_5008_window(agency):
    """Form B: address zone 62.7-90 mm from the top, text from 25 mm (field at 20 mm)."""
    with agency.open_session(1) as s:
        customer = new_customer(s, last_name="Fensterplatz", street="Am Fenster 1")
        number = booked(s, customer_id=customer)
        invoice_booking("anna", s, number)
        reader = pypdf.PdfReader(io.BytesIO(_invoice(s, number)))
    spots = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            spots.setdefault(text.strip(), (tm[4], tm[5]))

    reader.pages[0].extract_text(visitor_text=visit)
    height = float(reader.pages[0].mediabox.height)
    for line in ("Hans Fensterplatz", "Am Fenster 1"):
        x, y = spots[line]
        assert x == pytest.approx(25 * mm, abs=0.5)
        assert 62.7 * mm < height - y < 90 * mm, line


def test_same_booking_number_in_two_tenants_gives_two_documents(agency, german):
    """Tenants 0 and 4 number their bookings alike: each invoice shows only its own tenant."""
    update_tenant(
        agency,
        0,
        branding={
            "street": "Domplatz 1",
            "iban": "DE89370400440532013000",
            "tax_number": "215/5702/0017",
        },
    )
    paths = {}
    for nr in (0, 4):
        with agency.open_session(nr) as s:
            number = booked(s, customer_id=new_customer(s, last_name=f"Kunde{nr}"))
            assert number == 1
            invoice_booking("anna", s, number, issued_on=ISSUED)
            paths[nr] = save_invoice("anna", s, number)
    assert paths[0] == agency.root / "Dokumente" / "Rechnung-1.pdf"
    assert paths[4] == agency.root / "Mandant" / "4" / "Dokumente" / "Rechnung-1.pdf"
    marks = {
        0: ("Hauptmandant", "Domplatz 1", "DE89 3704 0044 0532 0130 00", "215/5702/0017"),
        4: ("Süd-Ost Reisen", "Marienplatz 1", "DE02 7015 0000 0000 5949 37", "143/123/45678"),
    }
    for nr, other in ((0, 4), (4, 0)):
        data = paths[nr].read_bytes()
        (text,) = _pages(data)
        assert all(mark in text for mark in (*marks[nr], f"Kunde{nr}"))
        assert not any(mark in text for mark in (*marks[other], f"Kunde{other}"))
        meta = pypdf.PdfReader(io.BytesIO(data)).metadata
        assert meta.subject == f"Mandant {nr} · {marks[nr][0]}"
        assert meta.author == marks[nr][0]


def test_logo_is_drawn_from_the_tenants_own_folder(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number)
        page = pypdf.PdfReader(io.BytesIO(_invoice(s, number))).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    images = [x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1


def test_credit_note_after_cancelling(agency, german):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number, issued_on=ISSUED)
        credit = cancel_booking("anna", s, number)
        (text,) = _pages(_invoice(s, number, invoice_number=credit.number))
        path = save_invoice("anna", s, number, invoice_number=credit.number)
    assert f"Gutschrift M1-{credit.number}" in text
    assert "Gutschriftsbetrag -1.000,00 €" in text
    assert path.name == f"Gutschrift-M1-{credit.number}.pdf"


def test_refused_without_rights_or_invoice(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        with pytest.raises(ValidationError, match="no invoice yet"):
            _invoice(s, number)
        invoice_booking("anna", s, number)
        assert _invoice(s, number, user="vera")  # a viewer reads bookings
        with pytest.raises(ValidationError, match="has no invoice 99"):
            _invoice(s, number, invoice_number=99)
    with agency.open_session(0) as s0:
        with pytest.raises(PermissionDenied):
            _invoice(s0, 1, user="bernd")  # no membership in tenant 0
        with pytest.raises(ValidationError, match="no booking 100000"):
            _invoice(s0, number)  # tenant 1's booking is not tenant 0's
    assert not (agency.root / "Dokumente").exists()


def test_refused_without_tax_number_or_vat_id(agency, german):
    """§ 14 UStG: an invoice without either is not a valid invoice; nothing is written."""
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number)
    update_tenant(agency, 1, branding={"tax_number": "", "vat_id": ""})
    with agency.open_session(1) as s, pytest.raises(ValidationError) as error:
        save_invoice("anna", s, number)
    assert error.value.field == "tax_number"
    assert "Reisebüro Nord hat weder eine Steuernummer noch eine USt-IdNr." in error.value.message
    assert not (agency.tenant_dir(1) / "Dokumente").exists()
    update_tenant(agency, 1, branding={"vat_id": "DE136695976"})  # one of them is enough
    with agency.open_session(1) as s:
        (text,) = _pages(_invoice(s, number))
    assert "USt-IdNr. DE136695976" in text
    assert "Steuernr." not in text


def test_saved_atomically_in_the_tenants_folder(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number)
        path = save_invoice("anna", s, number)
        folder = files.documents_dir(s)
    assert path == agency.tenant_dir(1) / "Dokumente" / "Rechnung-M1-1.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in folder.iterdir()) == ["Rechnung-M1-1.pdf"]

    def broken(out):
        out.write(b"%PDF-half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        files.write_atomically(path, broken)
    assert path.read_bytes().startswith(b"%PDF-1")  # the old file is untouched
    assert sorted(p.name for p in folder.iterdir()) == ["Rechnung-M1-1.pdf"]  # no temp file left


def test_the_next_save_removes_what_killed_saves_of_the_document_left(agency):
    with agency.open_session(1) as s:
        number = booked(s)
        invoice_booking("anna", s, number)
        folder = files.documents_dir(s)
        folder.mkdir(parents=True, exist_ok=True)
        hour_ago = time.time() - 3600
        killed = folder / ".Rechnung-M1-1-0123456789ab.part"  # a killed save of this invoice
        in_progress = folder / ".Rechnung-M1-1-ba9876543210.part"  # a colleague's save, now
        other = folder / ".Rechnung-M1-2-0123456789ab.part"  # a killed save of another one
        for part in (killed, in_progress, other):
            part.write_bytes(b"%PDF-half")
        for part in (killed, other):
            os.utime(part, (hour_ago, hour_ago))

        path = save_invoice("anna", s, number)

    assert path.name == "Rechnung-M1-1.pdf"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [path.name, in_progress.name, other.name]
    )


def test_due_date_follows_the_payment_terms(agency, german):
    with agency.open_session(1) as s:
        set_parameter("anna", s, "payment.terms_days", "30")
        number = booked(s)
        invoice_booking("anna", s, number, issued_on=ISSUED)
        (text,) = _pages(_invoice(s, number))
    due = (ISSUED + timedelta(days=30)).strftime("%d.%m.%Y")
    assert f"Fällig am {due}" in text


def test_markup_characters_in_a_title_are_text(agency, german):
    with agency.open_session(1) as s:
        number = booked(s, title="Rhein & Main <Tour>")
        invoice_booking("anna", s, number)
        (text,) = _pages(_invoice(s, number))
    assert f"Vorgang {number}: Rhein & Main <Tour>" in text
