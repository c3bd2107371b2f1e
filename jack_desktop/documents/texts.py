"""The letter texts of a tenant's parameters, in the document language.

The texts shipped in resources/basedata/parameters.csv are German, the reference language. A
tenant whose documents are English and who has not changed a shipped text gets its English
version (the msgid below, whose German translation is the shipped text), so that an English
invoice does not carry German paragraphs. A text the tenant changed is printed as typed: the
office writes its own texts in its own document language.

The shipped invoice footer used to ask for payment too, next to the request the invoice itself
prints with the amount and due date; a tenant still holding that old text gets today's.
"""

from functools import cache

from tenant_store.i18n import N_, _, current_language
from tenant_store.seed_data import RESOURCES, read_csv

SHIPPED_LANGUAGE = "de"
SHIPPED = {
    "invoice.header_text": N_(
        "Thank you for your booking. For the services listed below we charge you:"
    ),
    "invoice.footer_text": N_(
        "The travel and payment conditions of the respective tour operator or service "
        "provider apply."
    ),
    "invoice.vat_note_margin": N_(
        "Margin scheme for travel agents under § 25 UStG. VAT is not shown separately."
    ),
    "invoice.vat_note_agency": N_(
        "We act as a travel agent in the name and on behalf of the respective tour operator "
        "or service provider. Your contracting party for the travel services is that tour "
        "operator or service provider."
    ),
    "confirmation.text": N_(
        "We hereby confirm the booking below. Please check all details, especially the "
        "travellers' names as in their passports or identity cards, and let us know at once "
        "if anything differs."
    ),
}
# Texts shipped by earlier versions, replaced by today's shipped text of the same key.
SUPERSEDED = {
    "invoice.footer_text": (
        "Bitte überweisen Sie den Rechnungsbetrag unter Angabe der Rechnungsnummer "
        "fristgerecht auf unser Konto. Es gelten die Reise- und Zahlungsbedingungen des "
        "jeweiligen Reiseveranstalters bzw. Leistungsträgers.",
    ),
}


@cache
def _seeded() -> dict[str, str]:
    """The shipped (German) value of each parameter."""
    rows = read_csv(RESOURCES / "basedata" / "parameters.csv")
    return {row["key"]: row["value"] for row in rows}


def _shipped(key: str) -> str:
    """Today's shipped text of `key` in the language being rendered."""
    if current_language() == SHIPPED_LANGUAGE:
        return _seeded()[key]
    return _(SHIPPED[key])


def printed(key: str, stored: str) -> str:
    """The parameter text `key` as a document prints it, `stored` being the tenant's value:
    a shipped text in the language being rendered, any other text as typed."""
    if key not in SHIPPED:
        return stored
    shipped = {_seeded()[key], SHIPPED[key], *SUPERSEDED.get(key, ())}
    return _shipped(key) if stored.strip() in shipped else stored
