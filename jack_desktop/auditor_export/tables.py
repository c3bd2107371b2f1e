"""The tables of the tax auditor's export and their description (GoBD Datenüberlassung).

One definition per table serves both the CSV writer (column order, how each value is
written) and index.xml (types, keys). The primary key columns come first, as index.xml
lists them first and the columns of a file are read in the order they are described.

Names are technical, as the program's data calls them (the auditor can relate them to the
procedure documentation); the descriptions are German, the language of the German tax
audit, whatever language the program is used in. Foreign keys join columns of the same
name and type in both tables, so no Alias is needed.
"""

from dataclasses import dataclass

NUMERIC, ALPHANUMERIC, DATE = "Numeric", "AlphaNumeric", "Date"
DATE_FORMAT = "DD.MM.YYYY"


@dataclass(frozen=True)
class Column:
    """A column: Numeric values are whole numbers of 10**-accuracy (cents for accuracy 2)."""

    name: str
    description: str
    type: str
    accuracy: int = 0
    max_length: int | None = None


def numeric(name: str, description: str, accuracy: int = 0) -> Column:
    return Column(name, description, NUMERIC, accuracy=accuracy)


def amount(name: str, description: str) -> Column:
    """An amount in euros with two decimals (written from cents)."""
    return Column(name, description, NUMERIC, accuracy=2)


def text(name: str, description: str, max_length: int | None = None) -> Column:
    return Column(name, description, ALPHANUMERIC, max_length=max_length)


def day(name: str, description: str) -> Column:
    return Column(name, description, DATE)


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that name a row of `references` by its primary key."""

    columns: tuple[str, ...]
    references: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    primary_key: tuple[Column, ...]
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    of_period: bool = False  # the rows are the fiscal year's (index.xml: Validity)

    @property
    def url(self) -> str:
        """The file's relative URL in the export (the standard allows no absolute ones)."""
        return f"{self.name}.csv"

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return self.primary_key + self.columns


def _fk(column: str, table: "Table") -> ForeignKey:
    return ForeignKey((column,), table.name)


TENANT_NR = numeric("tenant_nr", "Mandantennummer (Filiale) im Programm")

TENANTS = Table(
    "tenants",
    "Mandanten (Filialen) dieser Buchführung; bei zentraler Buchhaltung bucht jeder in die "
    "Bücher von Mandant 0",
    (TENANT_NR,),
    (
        text("name", "Name des Mandanten"),
        text("invoice_prefix", "Rechnungskreis: Präfix der Rechnungsnummern des Mandanten"),
        text("accounting", "Buchhaltung: eigen oder zentral (in den Büchern von Mandant 0)"),
    ),
)

ACCOUNTS = Table(
    "accounts",
    "Kontenplan: Sachkonten (SKR04)",
    (text("account", "Kontonummer des Sachkontos", 8),),
    (
        text("name", "Kontobezeichnung"),
        text("kind", "Kontoart"),
    ),
)

DEBTORS = Table(
    "debtors",
    "Debitoren: Personenkonten der Kunden mit Name und Anschrift",
    (text("debtor", "Kontonummer des Debitors", 9),),
    (
        numeric("customer_tenant", "Mandant, dessen Kundendatei den Kunden führt"),
        numeric("customer_number", "Kundennummer"),
        text("name", "Name wie im Personenkonto"),
        text("company", "Firma"),
        text("salutation", "Anrede"),
        text("first_name", "Vorname"),
        text("last_name", "Nachname"),
        text("street", "Straße"),
        text("postcode", "Postleitzahl"),
        text("city", "Ort"),
        text("country", "Land (ISO 3166)"),
    ),
)

CREDITORS = Table(
    "creditors",
    "Kreditoren: Personenkonten der Lieferanten (Veranstalter, Fluggesellschaften …)",
    (text("creditor", "Kontonummer des Kreditors", 9),),
    (
        numeric("supplier_tenant", "Mandant, dessen Stammdaten den Lieferanten führen"),
        text("supplier_code", "Lieferantenkürzel"),
        text("name", "Name des Lieferanten"),
        text("supplier_kind", "Art des Lieferanten"),
    ),
)

ENTRY_ID = numeric("entry_id", "Buchungsnummer (fortlaufend in der Buchhaltungsdatei)")

JOURNAL_ENTRIES = Table(
    "journal_entries",
    "Buchungen (Buchungssätze) des Wirtschaftsjahres in zeitlicher Reihenfolge",
    (ENTRY_ID,),
    (
        day("entry_date", "Buchungsdatum"),
        numeric("tenant_nr", "Mandant (Filiale), für den gebucht wurde"),
        text("reference", "Buchungsreferenz: RE/GS Rechnungsnummer, ZE Zahlungsnummer"),
        text("document", "Belegfeld 1: Rechnungsnummer des Belegs", 36),
        text("text", "Buchungstext"),
        text("created_by", "Erfasst von (Benutzer)"),
        numeric("reverses_id", "Storno: Buchungsnummer der stornierten Buchung"),
        amount("amount", "Betrag der Buchung (Summe der Sollbeträge) in EUR"),
    ),
    (ForeignKey(("tenant_nr",), TENANTS.name),),
    of_period=True,
)

JOURNAL_LINES = Table(
    "journal_lines",
    "Buchungszeilen: Soll- und Habenbeträge je Konto, mit Debitor oder Kreditor",
    (ENTRY_ID, numeric("line_no", "Zeile innerhalb der Buchung")),
    (
        text("account", "Sachkonto", 8),
        text("debtor", "Debitor neben dem Forderungskonto", 9),
        text("creditor", "Kreditor neben dem Verbindlichkeitenkonto", 9),
        amount("debit", "Soll in EUR"),
        amount("credit", "Haben in EUR"),
        text("cost_centre", "Kostenstelle"),
    ),
    (
        _fk("entry_id", JOURNAL_ENTRIES),
        _fk("account", ACCOUNTS),
        _fk("debtor", DEBTORS),
        _fk("creditor", CREDITORS),
    ),
    of_period=True,
)

INVOICES = Table(
    "invoices",
    "Ausgangsrechnungen und Gutschriften des Wirtschaftsjahres",
    (
        numeric("tenant_nr", "Mandant (Filiale), der die Rechnung ausgestellt hat"),
        text("invoice", "Rechnungsnummer wie gedruckt (Rechnungskreis und laufende Nummer)"),
    ),
    (
        text("series", "Rechnungskreis (Präfix)"),
        numeric("number", "Laufende Nummer im Rechnungskreis"),
        text("kind", "Rechnung oder Gutschrift"),
        day("issued_on", "Rechnungsdatum"),
        day("due_on", "Fällig am"),
        numeric("booking", "Vorgangsnummer"),
        text("debtor", "Debitor des Kunden", 9),
        amount("gross", "Rechnungsbetrag brutto in EUR"),
        amount("vat", "Umsatzsteuer in EUR"),
        amount("net", "Rechnungsbetrag netto in EUR"),
        numeric("entry_id", "Buchungsnummer der Buchung der Rechnung"),
        text("archive_file", "Archivierte Rechnung (PDF wie ausgestellt)"),
        text("archive_sha256", "SHA-256-Prüfsumme der archivierten Rechnung"),
    ),
    (
        _fk("tenant_nr", TENANTS),
        _fk("debtor", DEBTORS),
        _fk("entry_id", JOURNAL_ENTRIES),
    ),
    of_period=True,
)

AUDIT_TRAIL = Table(
    "audit_trail",
    "Prüfpfad: Protokoll aller Änderungen im Wirtschaftsjahr, je Datei hashverkettet "
    "(hash = SHA-256 über den Datensatz einschließlich prev_hash)",
    (
        text("trail", "Protokolldatei: Datenbank/Mandant, dessen Datei es ist"),
        numeric("record_id", "Laufende Nummer im Protokoll der Datei"),
    ),
    (
        text("recorded_at", "Zeitpunkt (UTC, ISO 8601, wie gehasht)"),
        day("recorded_on", "Tag der Änderung (Ortszeit)"),
        text("user", "Benutzer"),
        numeric("tenant_nr", "Mandant, in dem geändert wurde"),
        text("object_kind", "Art des Objekts"),
        text("object_id", "Kennung des Objekts"),
        text("action", "Vorgang: create, update, post, reverse, lock, export …"),
        text("old_values", "Alte Werte (JSON)"),
        text("new_values", "Neue Werte (JSON)"),
        text("prev_hash", "Hash des vorhergehenden Datensatzes der Datei"),
        text("hash", "Hash dieses Datensatzes"),
    ),
    (_fk("tenant_nr", TENANTS),),
    of_period=True,
)

TABLES = (
    TENANTS,
    ACCOUNTS,
    DEBTORS,
    CREDITORS,
    JOURNAL_ENTRIES,
    JOURNAL_LINES,
    INVOICES,
    AUDIT_TRAIL,
)
