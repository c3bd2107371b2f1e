"""Issue 10: a customer document is in the tenant's document language (base-data parameter
`document.language`, German by default), not in the clerk's UI language; the invoice asks for
payment once, a service's kind shows once, a date range keeps to one line, and a saved PDF gets
the permissions the umask gives any new file."""

import io
import os
import stat
from datetime import date, timedelta
from decimal import Decimal

import pypdf
import pytest

from jack_desktop.basedata import document_language, parameter_text, set_parameter
from jack_desktop.documents import files
from jack_desktop.documents.confirmation import write_confirmation
from jack_desktop.documents.controlling import write_controlling
from jack_desktop.documents.invoice import save_invoice, write_invoice
from jack_desktop.documents.journal import write_journal
from jack_desktop.documents.ticket_list import write_ticket_list
from jack_desktop.documents.trial_balance import write_trial_balance
from jack_desktop.invoicing import invoice_booking, invoice_label, record_payment
from jack_desktop.money import format_money
from jack_desktop.tickets import add_ticket
from tenant_store import ValidationError, i18n
from tenant_store.models.basedata import Parameter
from tenant_store.tenant_edit import update_tenant

from .agency import FLIGHT, PACKAGE, booked, build_agency, new_customer

# The 2nd of this month: always open (the automatic lock reaches only earlier months).
ISSUED = date.today().replace(day=2)
DUE = ISSUED + timedelta(days=14)  # payment.terms_days
# Travel dates of `booked`: 01.05.2027 - 08.05.2027.
FLIGHT_LINE = {
    **FLIGHT,
    "description": "Flug DUS-VIE-DUS",
    "supplier_code": "LH",
    "date_from": date(2027, 5, 1),
    "date_to": date(2027, 5, 8),
}
PACKAGE_LINE = {**PACKAGE, "description": "Hotel Miramar, Halbpension"}
# Labels of an English invoice that a German one must not show (and the other way round).
ENGLISH = (
    "Invoice",
    "Page ",
    "Booking",
    "Customer no.",
    "Due on",
    "Travel dates",
    "Travellers",
    "Service",
    "Qty",
    "Unit price",
    "Amount",
    "Already paid",
    "Please transfer",
    "Thank you",
    "Phone",
    "VAT ID",
    "Tax no.",
    "Flight",
    "Mr ",
)
GERMAN = (
    "Rechnung",
    "Seite",
    "Vorgang",
    "Kunden-Nr.",
    "Fällig am",
    "Reisezeitraum",
    "Reisende",
    "Leistung",
    "Anz.",
    "Einzelpreis",
    "Betrag",
    "Bereits bezahlt",
    "Bitte überweisen",
    "Vielen Dank",
    "Tel.",
    "USt-IdNr.",
    "Steuernr.",
    "Flug",
    "Herr ",
)


@pytest.fixture
def office(inst3):
    """build_agency; tenant 1 with the tax number an invoice needs. The UI is English (the
    tests' default), as for the user who found the half English, half German invoice."""
    build_agency(inst3)
    update_tenant(
        inst3,
        1,
        branding={"phone": "040 123456", "tax_number": "43/123/45678", "vat_id": "DE136695976"},
    )
    assert i18n.current_language() == "en"
    return inst3


@pytest.fixture
def ui_german():
    """The clerk's UI in German, for documents that must be English all the same."""
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def _text(data: bytes, joined: bool = True) -> str:
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    text = "\n".join(pages).replace("\xa0", " ")
    return " ".join(text.split()) if joined else text


def _write(write, *args, **kwargs) -> bytes:
    out = io.BytesIO()
    write(*args, out, **kwargs)
    return out.getvalue()


def _set_language(inst, lang: str, tenants=(0, 1, 2, 3)) -> None:
    for nr in tenants:
        with inst.open_session(nr) as s:
            set_parameter("anna", s, "document.language", lang)


def _invoiced(inst, paid: Decimal | None = Decimal("300.00")) -> tuple[int, str]:
    """A booking of tenant 1 with a flight and a package, invoiced (and partly paid)."""
    with inst.open_session(1) as s:
        customer = new_customer(s, salutation="Herr", first_name="Hans", last_name="Müller")
        number = booked(s, services=(FLIGHT_LINE, PACKAGE_LINE), customer_id=customer)
        invoice = invoice_booking("anna", s, number, issued_on=ISSUED)
        if paid:
            record_payment("anna", s, number, paid, received_on=date.today())
    return number, invoice_label(invoice)


def _invoice_text(inst, number: int, joined: bool = True) -> str:
    with inst.open_session(1) as s:
        return _text(_write(write_invoice, "anna", s, number), joined)


# -- the document language -------------------------------------------------------------------


def test_with_an_english_ui_the_invoice_is_entirely_german(office):
    number, invoice = _invoiced(office)
    text = _invoice_text(office, number)
    total = 130_000  # flight 300,00 + package 1.000,00
    for expected in (
        f"Rechnung {invoice}",
        "Seite 1 von 1",
        "Rechnungs-Nr.",
        f"Fällig am {DUE:%d.%m.%Y}",
        "Reisezeitraum 01.05.2027 – 08.05.2027",
        f"Rechnungsbetrag {format_money(total, 'de_DE')}".replace("\xa0", " "),
        "Rechnungsbetrag 1.300,00 €",
        "Bereits bezahlt -300,00 €",
        "Offener Betrag 1.000,00 €",
        f"Bitte überweisen Sie 1.000,00 € spätestens bis zum {DUE:%d.%m.%Y}",
        "Vielen Dank für Ihre Buchung",
        "Herr Hans Müller",
        *GERMAN,
    ):
        assert expected in text, expected
    for english in ENGLISH:
        assert english not in text, english
    assert "€1" not in text and "1,300.00" not in text  # no English amounts either
    assert i18n.current_language() == "en"  # the UI language is unchanged after printing
    assert format_money(123456) == "€1,234.56"


def test_with_document_language_english_the_invoice_is_english_whatever_the_ui(office, ui_german):
    _set_language(office, "en")
    number, invoice = _invoiced(office)
    text = _invoice_text(office, number)
    for expected in (
        f"Invoice {invoice}",
        "Page 1 of 1",
        "Invoice no.",
        f"Due on {DUE:%d/%m/%Y}",
        "Travel dates 01/05/2027 – 08/05/2027",
        "Invoice total €1,300.00",
        "Already paid -€300.00",
        "Amount due €1,000.00",
        f"Please transfer €1,000.00 by {DUE:%d/%m/%Y} at the latest",
        "Thank you for your booking.",  # the shipped header text, in English
        "We act as a travel agent",  # the shipped VAT note of the agency business
        "Mr Hans Müller",  # stored as "Herr"
        "Flight DUS-VIE-DUS",
        *ENGLISH,
    ):
        assert expected in text, expected
    for german in GERMAN:
        assert german not in text, german
    assert "1.300,00" not in text
    assert i18n.current_language() == "de"  # the clerk's UI stays German
    assert format_money(123456) == "1.234,56\xa0€"


def test_texts_the_tenant_changed_are_printed_as_typed_in_either_language(office):
    _set_language(office, "en", tenants=(1,))
    with office.open_session(1) as s:
        set_parameter("anna", s, "invoice.header_text", "Dear customer, here is your bill:")
    number, _invoice = _invoiced(office)
    text = _invoice_text(office, number)
    assert "Dear customer, here is your bill:" in text
    assert "Thank you for your booking" not in text


def test_every_document_follows_the_document_language_not_the_ui(office):
    """The invoice, the travel confirmation, the ticket list, the journal, the trial balance
    and the controlling report: German with an English UI, English with a German UI."""
    number, _invoice = _invoiced(office)
    with office.open_session(2) as s:  # tenant 2's tickets are tenant 0's (R7)
        add_ticket(
            "anna",
            s,
            {
                "number": "2201234567890",
                "airline": "LH",
                "passenger": "Müller/Hans",
                "route": "FRA-JFK-FRA",
                "fare": Decimal("1234.56"),
                "taxes": Decimal("100.00"),
                "issued_on": date.today() - timedelta(days=1),
            },
        )
    with office.open_session(1) as s1:
        confirmed = booked(s1)

    def texts() -> dict[str, str]:
        with office.open_session(0) as s0, office.open_session(1) as s1:
            made = {
                "invoice": _write(write_invoice, "anna", s1, number),
                "confirmation": _write(write_confirmation, "anna", s1, confirmed),
                "ticket list": _write(write_ticket_list, "anna", s0),
                "journal": _write(write_journal, "anna", s0, consolidated=True),
                "trial balance": _write(write_trial_balance, "anna", s0, consolidated=True),
                "controlling": _write(write_controlling, "anna", s0, consolidated=True, year=2027),
            }
        return {name: _text(data) for name, data in made.items()}

    german = texts()
    i18n.set_language("de")
    try:
        _set_language(office, "en")
        english = texts()
    finally:
        i18n.set_language("en")
    letters = ("invoice", "confirmation")
    for name, text in german.items():
        assert "Seite 1 von" in text and "Page " not in text, name
        if name not in letters:
            assert "Erstellt am" in text and "Printed on" not in text, name
            assert "Mandant 0" in text and "Tenant 0" not in text, name
    for name, text in english.items():
        assert "Page 1 of" in text and "Seite" not in text, name
        if name not in letters:
            assert "Printed on" in text and "Erstellt am" not in text, name
    assert "1.234,56 €" in german["ticket list"] and "€1,234.56" in english["ticket list"]
    assert "Reisebestätigung" in german["confirmation"]
    assert "Travel confirmation" in english["confirmation"]
    assert "Konsolidiertes Journal" in german["journal"]
    assert "Consolidated journal" in english["journal"]
    assert "Mai 2027" in german["controlling"] and "May 2027" in english["controlling"]


def test_a_load_error_is_told_in_the_clerks_language(office):
    """Only the drawing is in the document language: a refusal goes to the clerk."""
    with office.open_session(1) as s:
        number = booked(s)
        with pytest.raises(ValidationError, match="has no invoice yet"):
            write_invoice("anna", s, number, io.BytesIO())


# -- the parameter -------------------------------------------------------------------------------


def test_document_language_is_a_checked_parameter_german_when_missing(office):
    with office.open_session(1) as s:
        assert document_language(s) == "de"  # shipped with tenant 0, copied to tenant 1
        assert set_parameter("anna", s, "document.language", " EN ").value == "en"
        assert document_language(s) == "en"
        with pytest.raises(ValidationError) as refused:
            set_parameter("anna", s, "document.language", "fr")
        assert "document language" in refused.value.message
        assert "de (German)" in refused.value.message and "en (English)" in refused.value.message
        assert document_language(s) == "en"  # unchanged
        with s.transaction():  # an installation from before the parameter existed
            Parameter.delete().where(Parameter.key == "document.language").execute()
        assert document_language(s) == "de"


# -- what the invoice says -----------------------------------------------------------------------


def test_the_invoice_asks_for_payment_once(office):
    number, _invoice = _invoiced(office, paid=None)
    text = _invoice_text(office, number)
    assert text.count("überweisen") == 1, text
    assert "Bitte überweisen Sie 1.300,00 €" in text
    assert "Es gelten die Reise- und Zahlungsbedingungen" in text  # the rest of the footer


def test_the_old_shipped_footer_of_an_existing_installation_does_not_ask_again(office):
    old = (
        "Bitte überweisen Sie den Rechnungsbetrag unter Angabe der Rechnungsnummer "
        "fristgerecht auf unser Konto. Es gelten die Reise- und Zahlungsbedingungen des "
        "jeweiligen Reiseveranstalters bzw. Leistungsträgers."
    )
    with office.open_session(1) as s:
        set_parameter("anna", s, "invoice.footer_text", old)
        assert parameter_text(s, "invoice.footer_text") == old
    number, _invoice = _invoiced(office, paid=None)
    text = _invoice_text(office, number)
    assert text.count("überweisen") == 1, text
    assert "Bitte überweisen Sie 1.300,00 € spätestens bis zum" in text  # amount and date
    assert "Es gelten die Reise- und Zahlungsbedingungen" in text


def test_a_paid_invoice_asks_for_nothing(office):
    number, _invoice = _invoiced(office, paid=Decimal("1300.00"))
    text = _invoice_text(office, number)
    assert "überweisen" not in text
    assert "Offener Betrag 0,00 €" in text


def test_the_kind_of_a_service_shows_once(office):
    number, _invoice = _invoiced(office)
    text = _invoice_text(office, number)
    assert "Flug Flug" not in text
    assert "Flug DUS-VIE-DUS" in text
    assert "Pauschalreise Hotel Miramar, Halbpension" in text  # no kind in the text: kept


def test_a_date_range_stays_on_one_line(office):
    number, _invoice = _invoiced(office)
    lines = _invoice_text(office, number, joined=False).splitlines()
    ranges = [line for line in lines if "01.05.2027 – 08.05.2027" in line]
    assert len(ranges) == 2, lines  # the travel dates at the top and the flight's line
    assert not any(line.rstrip().endswith("01.05.2027 –") for line in lines), lines


# -- the saved file ------------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_saved_document_gets_the_mode_the_umask_gives(office, umask, mode):
    number, invoice = _invoiced(office)
    before = os.umask(umask)
    try:
        with office.open_session(1) as s:
            path = save_invoice("anna", s, number)
            assert path == files.invoice_path(s, invoice)
            again = save_invoice("anna", s, number)  # replacing the file: the same mode
    finally:
        os.umask(before)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert stat.S_IMODE(again.stat().st_mode) == mode
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temp file left
