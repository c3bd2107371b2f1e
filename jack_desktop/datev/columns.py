"""The column headings (line 2) of the DATEV formats we write, in DATEV's order.

From DATEV's published Formatbeschreibung and sample files (Buchungsstapel version 13: 125
columns; Debitoren/Kreditoren version 5: 254; Kontenbeschriftungen version 3: 4). DATEV reads
columns by position: the headings name them for people, the position is what counts.
"""

# -- Buchungsstapel (category 21) ----------------------------------------------------------------

BOOKING_VERSION = 13
# Column count per Buchungsstapel format version (each version appended columns at the end).
BOOKING_COLUMN_COUNT = {10: 120, 11: 122, 12: 124, 13: 125}

_BELEGINFO = [f"Beleginfo - {part} {n}" for n in range(1, 9) for part in ("Art", "Inhalt")]
_ZUSATZ = [
    heading
    for n in range(1, 21)
    for heading in (f"Zusatzinformation - Art {n}", f"Zusatzinformation- Inhalt {n}")
]

BOOKING_COLUMNS: tuple[str, ...] = (
    "Umsatz (ohne Soll/Haben-Kz)",
    "Soll/Haben-Kennzeichen",
    "WKZ Umsatz",
    "Kurs",
    "Basis-Umsatz",
    "WKZ Basis-Umsatz",
    "Konto",
    "Gegenkonto (ohne BU-Schlüssel)",
    "BU-Schlüssel",
    "Belegdatum",
    "Belegfeld 1",
    "Belegfeld 2",
    "Skonto",
    "Buchungstext",
    "Postensperre",
    "Diverse Adressnummer",
    "Geschäftspartnerbank",
    "Sachverhalt",
    "Zinssperre",
    "Beleglink",
    *_BELEGINFO,
    "KOST1 - Kostenstelle",
    "KOST2 - Kostenstelle",
    "Kost-Menge",
    "EU-Land u. UStID (Bestimmung)",
    "EU-Steuersatz (Bestimmung)",
    "Abw. Versteuerungsart",
    "Sachverhalt L+L",
    "Funktionsergänzung L+L",
    "BU 49 Hauptfunktionstyp",
    "BU 49 Hauptfunktionsnummer",
    "BU 49 Funktionsergänzung",
    *_ZUSATZ,
    "Stück",
    "Gewicht",
    "Zahlweise",
    "Forderungsart",
    "Veranlagungsjahr",
    "Zugeordnete Fälligkeit",
    "Skontotyp",
    "Auftragsnummer",
    "Buchungstyp",
    "USt-Schlüssel (Anzahlungen)",
    "EU-Land (Anzahlungen)",
    "Sachverhalt L+L (Anzahlungen)",
    "EU-Steuersatz (Anzahlungen)",
    "Erlöskonto (Anzahlungen)",
    "Herkunft-Kz",
    "Buchungs GUID",
    "KOST-Datum",
    "SEPA-Mandatsreferenz",
    "Skontosperre",
    "Gesellschaftername",
    "Beteiligtennummer",
    "Identifikationsnummer",
    "Zeichnernummer",
    "Postensperre bis",
    "Bezeichnung SoBil-Sachverhalt",
    "Kennzeichen SoBil-Buchung",
    "Festschreibung",
    "Leistungsdatum",
    "Datum Zuord. Steuerperiode",
    "Fälligkeit",
    "Generalumkehr (GU)",
    "Steuersatz",
    "Land",
    "Abrechnungsreferenz",
    "BVV-Position",
    "EU-Land u. UStID (Ursprung)",
    "EU-Steuersatz (Ursprung)",
    "Abw. Skontokonto",
)

# 0-based positions of the columns we fill.
UMSATZ = BOOKING_COLUMNS.index("Umsatz (ohne Soll/Haben-Kz)")
SOLL_HABEN = BOOKING_COLUMNS.index("Soll/Haben-Kennzeichen")
WKZ = BOOKING_COLUMNS.index("WKZ Umsatz")
KONTO = BOOKING_COLUMNS.index("Konto")
GEGENKONTO = BOOKING_COLUMNS.index("Gegenkonto (ohne BU-Schlüssel)")
BU = BOOKING_COLUMNS.index("BU-Schlüssel")
BELEGDATUM = BOOKING_COLUMNS.index("Belegdatum")
BELEGFELD1 = BOOKING_COLUMNS.index("Belegfeld 1")
BELEGFELD2 = BOOKING_COLUMNS.index("Belegfeld 2")
BUCHUNGSTEXT = BOOKING_COLUMNS.index("Buchungstext")
KOST1 = BOOKING_COLUMNS.index("KOST1 - Kostenstelle")
KOST2 = BOOKING_COLUMNS.index("KOST2 - Kostenstelle")

# -- Debitoren/Kreditoren (category 16) ----------------------------------------------------------

PERSON_VERSION = 5


def _bank(n: int) -> list[str]:
    return [
        f"Bankleitzahl {n}",
        f"Bankbezeichnung {n}",
        f"Bank-Kontonummer {n}",
        f"Länderkennzeichen {n}",
        f"IBAN-Nr. {n}",
        "Leerfeld",
        f"SWIFT-Code {n}",
        f"Abw. Kontoinhaber {n}",
        f"Kennz. Hauptbankverb. {n}",
        f"Bankverb {n} Gültig von",
        f"Bankverb {n} Gültig bis",
    ]


PERSON_COLUMNS: tuple[str, ...] = (
    "Konto",
    "Name (Adressattyp Unternehmen)",
    "Unternehmensgegenstand",
    "Name (Adressattyp natürl. Person)",
    "Vorname (Adressattyp natürl. Person)",
    "Name (Adressattyp keine Angabe)",
    "Adressattyp",
    "Kurzbezeichnung",
    "EU-Land",
    "EU-UStID",
    "Anrede",
    "Titel/Akad. Grad",
    "Adelstitel",
    "Namensvorsatz",
    "Adressart",
    "Straße",
    "Postfach",
    "Postleitzahl",
    "Ort",
    "Land",
    "Versandzusatz",
    "Adresszusatz",
    "Abweichende Anrede",
    "Abw. Zustellbezeichnung 1",
    "Abw. Zustellbezeichnung 2",
    "Kennz. Korrespondenzadresse",
    "Adresse Gültig von",
    "Adresse Gültig bis",
    "Telefon",
    "Bemerkung (Telefon)",
    "Telefon GL",
    "Bemerkung (Telefon GL)",
    "E-Mail",
    "Bemerkung (E-Mail)",
    "Internet",
    "Bemerkung (Internet)",
    "Fax",
    "Bemerkung (Fax)",
    "Sonstige",
    "Bemerkung (Sonstige)",
    *(heading for n in range(1, 6) for heading in _bank(n)),
    "Leerfeld",
    "Briefanrede",
    "Grußformel",
    "Kunden-/Lief.-Nr.",
    "Steuernummer",
    "Sprache",
    "Ansprechpartner",
    "Vertreter",
    "Sachbearbeiter",
    "Diverse-Konto",
    "Ausgabeziel",
    "Währungssteuerung",
    "Kreditlimit (Debitor)",
    "Zahlungsbedingung",
    "Fälligkeit in Tagen (Debitor)",
    "Skonto in Prozent (Debitor)",
    "Kreditoren-Ziel 1 Tg.",
    "Kreditoren-Skonto 1 %",
    "Kreditoren-Ziel 2 Tg.",
    "Kreditoren-Skonto 2 %",
    "Kreditoren-Ziel 3 Brutto Tg.",
    "Kreditoren-Ziel 4 Tg.",
    "Kreditoren-Skonto 4 %",
    "Kreditoren-Ziel 5 Tg.",
    "Kreditoren-Skonto 5 %",
    "Mahnung",
    "Kontoauszug",
    "Mahntext 1",
    "Mahntext 2",
    "Mahntext 3",
    "Kontoauszugstext",
    "Mahnlimit Betrag",
    "Mahnlimit %",
    "Zinsberechnung",
    "Mahnzinssatz 1",
    "Mahnzinssatz 2",
    "Mahnzinssatz 3",
    "Lastschrift",
    "Leerfeld",
    "Mandantenbank",
    "Zahlungsträger",
    *(f"Indiv. Feld {n}" for n in range(1, 16)),
    "Abweichende Anrede (Rechnungsadresse)",
    "Adressart (Rechnungsadresse)",
    "Straße (Rechnungsadresse)",
    "Postfach (Rechnungsadresse)",
    "Postleitzahl (Rechnungsadresse)",
    "Ort (Rechnungsadresse)",
    "Land (Rechnungsadresse)",
    "Versandzusatz (Rechnungsadresse)",
    "Adresszusatz (Rechnungsadresse)",
    "Abw. Zustellbezeichnung 1 (Rechnungsadresse)",
    "Abw. Zustellbezeichnung 2 (Rechnungsadresse)",
    "Adresse Gültig von (Rechnungsadresse)",
    "Adresse Gültig bis (Rechnungsadresse)",
    *(heading for n in range(6, 11) for heading in _bank(n)),
    "Nummer Fremdsystem",
    "Insolvent",
    *(f"SEPA-Mandatsreferenz {n}" for n in range(1, 11)),
    "Verknüpftes OPOS-Konto",
    "Mahnsperre bis",
    "Lastschriftsperre bis",
    "Zahlungssperre bis",
    "Gebührenberechnung",
    "Mahngebühr 1",
    "Mahngebühr 2",
    "Mahngebühr 3",
    "Pauschalenberechnung",
    "Verzugspauschale 1",
    "Verzugspauschale 2",
    "Verzugspauschale 3",
    "Alternativer Suchname",
    "Status",
    "Anschrift manuell geändert (Korrespondenzadresse)",
    "Anschrift individuell (Korrespondenzadresse)",
    "Anschrift manuell geändert (Rechnungsadresse)",
    "Anschrift individuell (Rechnungsadresse)",
    "Fristberechnung bei Debitor",
    "Mahnfrist 1",
    "Mahnfrist 2",
    "Mahnfrist 3",
    "Letzte Frist",
)

P_KONTO = 0
P_NAME_COMPANY = PERSON_COLUMNS.index("Name (Adressattyp Unternehmen)")
P_LAST_NAME = PERSON_COLUMNS.index("Name (Adressattyp natürl. Person)")
P_FIRST_NAME = PERSON_COLUMNS.index("Vorname (Adressattyp natürl. Person)")
P_NAME_NONE = PERSON_COLUMNS.index("Name (Adressattyp keine Angabe)")
P_TYPE = PERSON_COLUMNS.index("Adressattyp")
P_SHORT = PERSON_COLUMNS.index("Kurzbezeichnung")
P_STREET = PERSON_COLUMNS.index("Straße")
P_POSTCODE = PERSON_COLUMNS.index("Postleitzahl")
P_CITY = PERSON_COLUMNS.index("Ort")
P_COUNTRY = PERSON_COLUMNS.index("Land")
P_IBAN = PERSON_COLUMNS.index("IBAN-Nr. 1")
P_NUMBER = PERSON_COLUMNS.index("Kunden-/Lief.-Nr.")

# -- Kontenbeschriftungen (category 20) ----------------------------------------------------------

ACCOUNT_NAMES_VERSION = 3
# Version 2 has number, name and language; version 3 adds the long name.
ACCOUNT_NAMES_COLUMNS: tuple[str, ...] = (
    "Konto",
    "Kontenbeschriftung",
    "Sprach-ID",
    "Kontenbeschriftung lang",
)
ACCOUNT_NAMES_COLUMN_COUNT = {2: 3, 3: 4}

assert len(BOOKING_COLUMNS) == BOOKING_COLUMN_COUNT[BOOKING_VERSION]
assert len(PERSON_COLUMNS) == 254
