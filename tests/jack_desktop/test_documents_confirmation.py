"""Travel confirmation PDF: travellers, services with dates, payment plan from the parameters."""

import io
from datetime import date, timedelta

import pypdf
import pytest

from jack_desktop.basedata import set_parameter
from jack_desktop.bookings import create_booking
from jack_desktop.documents.confirmation import save_confirmation, write_confirmation
from jack_desktop.invoicing import cancel_booking
from tenant_store import PermissionDenied, ValidationError

from .agency import FLIGHT, PACKAGE, booked, build_agency, new_customer

DEPARTURE = date.today() + timedelta(days=120)


@pytest.fixture
def agency(inst3):
    return build_agency(inst3)


def _text(session, number: int, user: str = "anna") -> str:
    out = io.BytesIO()
    pages = write_confirmation(user, session, number, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == pages
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split())


def _trip(session) -> int:
    flight = {**FLIGHT, "date_from": DEPARTURE, "date_to": DEPARTURE + timedelta(days=7)}
    return booked(
        session,
        services=(PACKAGE, flight),
        travel_from=DEPARTURE,
        travel_to=DEPARTURE + timedelta(days=7),
        destination_code="",
    )


def _d(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def test_confirmation_lists_travellers_services_and_payment_plan(agency, german):
    with agency.open_session(1) as s:
        number = _trip(s)
        text = _text(s, number)
    balance_due = DEPARTURE - timedelta(days=30)  # payment.balance_days_before_departure
    for expected in (
        "Reisebüro Nord",
        f"Reisebestätigung zu Vorgang {number}",
        "Hiermit bestätigen wir Ihnen die nachstehende Buchung",  # confirmation.text
        "Reisende",
        "Müller",
        "Pauschalreise",
        "Flug",
        f"{_d(DEPARTURE)} – {_d(DEPARTURE + timedelta(days=7))}",
        "Reisepreis 1.300,00 €",
        "Anzahlung 20 %: 260,00 €",  # payment.deposit_percent
        f"Restzahlung: 1.040,00 €, fällig bis {_d(balance_due)}",
        "Seite 1 von 1",
    ):
        assert expected in text, expected


def test_payment_plan_follows_the_tenants_parameters(agency, german):
    with agency.open_session(1) as s:
        set_parameter("anna", s, "payment.deposit_percent", "25")
        set_parameter("anna", s, "payment.balance_days_before_departure", "45")
        set_parameter("anna", s, "confirmation.text", "Ahoi, Ihre Reise ist fest gebucht.")
        number = _trip(s)
        text = _text(s, number)
    assert "Ahoi, Ihre Reise ist fest gebucht." in text
    assert "Anzahlung 25 %: 325,00 €" in text
    assert f"fällig bis {_d(DEPARTURE - timedelta(days=45))}" in text


def test_near_departure_everything_is_due_at_once(agency, german):
    with agency.open_session(1) as s:
        soon = date.today() + timedelta(days=10)
        number = booked(s, travel_from=soon, travel_to=soon + timedelta(days=3))
        text = _text(s, number)
    assert "Der Reisepreis von 1.000,00 € ist nach Erhalt dieser Bestätigung fällig." in text
    assert "Anzahlung" not in text


def test_only_firm_bookings_are_confirmed(agency):
    with agency.open_session(1) as s:
        offer = create_booking(
            "anna", s, {"customer_id": new_customer(s), "title": "Angebot"}, [], [PACKAGE]
        ).number
        with pytest.raises(ValidationError, match="is offer"):
            _text(s, offer)
        cancelled = booked(s)
        cancel_booking("anna", s, cancelled)
        with pytest.raises(ValidationError, match="is cancelled"):
            _text(s, cancelled)
    assert not (agency.tenant_dir(1) / "Dokumente").exists()


def test_saved_under_the_booking_number_in_the_tenants_folder(agency):
    with agency.open_session(1) as s:
        number = _trip(s)
        path = save_confirmation("anna", s, number)
        with pytest.raises(PermissionDenied):
            save_confirmation("nobody", s, number)
    assert path == agency.tenant_dir(1) / "Dokumente" / f"Reisebestaetigung-{number}.pdf"
    assert path.read_bytes().startswith(b"%PDF-")


def test_texts_typed_by_clerks_are_printed_as_typed(agency, german):
    """Paragraph markup characters in a title or a name are text, not markup."""
    with agency.open_session(1) as s:
        customer = new_customer(s, last_name="Klein & <Groß>")
        number = booked(s, customer_id=customer, title="Rhein & Main <Tour>")
        text = _text(s, number)
    assert "Rhein & Main <Tour>" in text
    assert "Klein & <Groß>" in text
