"""Ticket list PDF: per tenant, in tenant 0 over the tenants with central tickets (R7), with
totals per airline."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pypdf
import pytest

from jack_desktop.documents.ticket_list import save_ticket_list, write_ticket_list
from jack_desktop.tickets import CentralElsewhere, add_ticket
from tenant_store import PermissionDenied, TenantSpec, create_tenant
from tenant_store.users import add_user, grant

DAY = date.today() - timedelta(days=3)


@pytest.fixture
def office(inst3):
    """Tenant 2 shares tenant 0's tickets (inst3); tenant 3 keeps its own."""
    create_tenant(inst3, TenantSpec(3, "West Reisen", central=[]))
    add_user(inst3, "anna", "Anna", "geheim123")
    add_user(inst3, "carl", "Carl", "geheim123")
    for nr in (0, 1, 2, 3):
        grant(inst3, "anna", nr, "admin")
    grant(inst3, "carl", 0, "viewer")
    return inst3


def _ticket(inst, nr, serial, airline, fare, taxes, passenger="Müller/Hans", day=DAY):
    with inst.open_session(nr) as s:
        add_ticket(
            "anna",
            s,
            {
                "number": f"220{serial:010d}",
                "airline": airline,
                "passenger": passenger,
                "route": "FRA-JFK-FRA",
                "fare": fare,
                "taxes": taxes,
                "issued_on": day,
            },
        )


def _text(session, user="anna", **kwargs) -> str:
    out = io.BytesIO()
    write_ticket_list(user, session, out, **kwargs)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split())


def test_tenant_0_lists_the_central_tickets_of_all_sharing_tenants(office, german):
    _ticket(office, 0, 1, "LH", Decimal("500.00"), Decimal("120.50"), passenger="Zentral/Null")
    _ticket(office, 2, 2, "LH", Decimal("400.00"), Decimal("100.00"), passenger="Sued/Zwei")
    _ticket(office, 2, 3, "AB", Decimal("99.99"), Decimal("20.01"), passenger="Sued/Drei")
    _ticket(office, 3, 4, "LH", Decimal("1000.00"), Decimal("0.00"), passenger="West/Eigen")
    with office.open_session(0) as s0:
        text = _text(s0)
    assert "Ticketliste" in text
    assert "Zentrale Tickets der Mandanten 0, 2" in text
    assert "Mdt." in text  # a tenant column
    assert "220-0000000001" in text and "220-0000000002" in text
    assert "Zentral/Null" in text and "Sued/Zwei" in text
    assert "West/Eigen" not in text  # tenant 3 keeps its own tickets
    assert "3 Tickets 999,99 € 240,51 € 1.240,50 €" in text  # the list's total row
    airlines = text.split("Summen je Airline", 1)[1]
    assert "AB 1 99,99 € 20,01 € 120,00 €" in airlines
    assert "LH 2 900,00 € 220,50 € 1.120,50 €" in airlines
    assert "Gesamt 3 999,99 € 240,51 € 1.240,50 €" in airlines


def test_a_tenant_with_own_tickets_lists_only_its_own(office, german):
    _ticket(office, 0, 1, "LH", Decimal("500.00"), Decimal("120.50"), passenger="Zentral/Null")
    _ticket(office, 3, 4, "LH", Decimal("1000.00"), Decimal("0.00"), passenger="West/Eigen")
    with office.open_session(3) as s3:
        text = _text(s3)
        path = save_ticket_list("anna", s3)
    assert text.startswith("West Reisen")
    assert "West/Eigen" in text and "Zentral/Null" not in text
    assert "Mdt." not in text
    assert path.parent == office.tenant_dir(3) / "Dokumente"
    assert path.name == f"Ticketliste-{date.today().isoformat()}.pdf"


def test_central_tickets_are_listed_in_tenant_0_only(office):
    with office.open_session(2) as s2, pytest.raises(CentralElsewhere):
        _text(s2)
    with office.open_session(0) as s0, pytest.raises(PermissionDenied):
        _text(s0, user="nobody")
    assert not (office.tenant_dir(2) / "Dokumente").exists()


def test_issue_dates_limit_the_list(office, german):
    _ticket(
        office,
        0,
        1,
        "LH",
        Decimal("100.00"),
        Decimal("0.00"),
        passenger="Alt/Ticket",
        day=DAY - timedelta(10),
    )
    _ticket(office, 0, 2, "LH", Decimal("200.00"), Decimal("0.00"), passenger="Neu/Ticket", day=DAY)
    with office.open_session(0) as s0:
        text = _text(s0, user="carl", date_from=DAY - timedelta(days=1))
        empty = _text(s0, date_to=DAY - timedelta(days=30))
    assert "Neu/Ticket" in text and "Alt/Ticket" not in text
    assert "1 Ticket " in text
    assert "In diesem Zeitraum gibt es keine Tickets." in empty
