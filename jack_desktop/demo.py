"""The demo installation: a travel agency with four tenants, built as its staff would build it.

`jack-desktop-admin init --demo` and the desktop client's first start call `build_demo`. Every
record goes through the domain services (rights, validation, numbering, journal postings), so the
demo shows exactly what the program itself produces. Names and addresses are invented but German
and plausible; `random.Random(seed)` makes a build repeatable. Dates are counted back from today:
no invoice, payment or ticket lies in the future, offers and bookings travel later.

The demo is built in a hidden folder next to the data folder and renamed into place at the end,
so an interrupted build (the client closed during its first start) leaves no half-built
installation that would be taken for a real one on the next start.
"""

import dataclasses
import random
import secrets
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import schwifty

from tenant_store import Installation, StoreError, TenantSession, TenantSpec, create_tenant
from tenant_store.errors import NotAnInstallation
from tenant_store.i18n import _
from tenant_store.tenant_edit import update_tenant
from tenant_store.users import add_user, grant

from .accounting import Line, post_entry
from .bookings import STATUS_LABELS, STATUSES, confirm_booking, create_booking
from .customers import create_customer, set_sharing
from .documents import archived
from .invoicing import cancel_booking, invoice_booking, record_payment
from .money import from_cents
from .notes import inbox, mark_read, reply, send_note
from .period_locks import taking_over_history
from .tickets import add_ticket

Progress = Callable[[str, int, int], None]
DEMO_SEED = 2026
CENT = Decimal("0.01")


class DemoRefused(StoreError):
    """The demo is built only into a new folder, never over an existing installation."""


# -- who works where ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    """A demo login with its password and its role (and team) in each tenant."""

    login: str
    name: str
    password: str
    roles: dict[int, tuple[str, str]]  # tenant -> (role, team)

    def describe_roles(self) -> str:
        """'0: clerk (Privatreisen), 1: clerk (Firmenkunden)'; '0,1,2,3: admin'."""
        tenants: dict[tuple[str, str], list[str]] = {}
        for nr, role_team in sorted(self.roles.items()):
            tenants.setdefault(role_team, []).append(str(nr))
        return ", ".join(
            f"{','.join(nrs)}: {role}" + (f" ({team})" if team else "")
            for (role, team), nrs in tenants.items()
        )


ALL_TENANTS = (0, 1, 2, 3)
USERS = (
    DemoUser("admin", "Sabine Sommer", "demo-admin", {nr: ("admin", "") for nr in ALL_TENANTS}),
    DemoUser(
        "mueller",
        "Thomas Müller",
        "demo-mueller",
        {0: ("clerk", "Privatreisen"), 1: ("clerk", "Firmenkunden")},
    ),
    DemoUser(
        "hoffmann",
        "Laura Hoffmann",
        "demo-hoffmann",
        {0: ("clerk", "Privatreisen"), 3: ("clerk", "Online")},
    ),
    DemoUser("fischer", "Jana Fischer", "demo-fischer", {1: ("clerk", "Firmenkunden")}),
    DemoUser("becker", "Stefan Becker", "demo-becker", {2: ("clerk", "Gruppen")}),
    DemoUser(
        "schmidt",
        "Katrin Schmidt",
        "demo-schmidt",
        {nr: ("accountant", "Buchhaltung") for nr in ALL_TENANTS},
    ),
    DemoUser(
        "weber",
        "Michael Weber",
        "demo-weber",
        {nr: ("manager", "Geschäftsleitung") for nr in ALL_TENANTS},
    ),
    DemoUser(
        "lehmann",
        "Julia Lehmann",
        "demo-lehmann",
        {0: ("viewer", "Privatreisen"), 1: ("viewer", "Firmenkunden")},
    ),
)


@dataclass(frozen=True)
class TenantPlan:
    """One demo tenant: its settings and how much is booked in it by whom."""

    nr: int
    name: str
    central: tuple[str, ...]
    branding: dict[str, str]
    style: str  # which trips are sold: private, business, group, online
    cost_centre: str
    clerks: tuple[str, ...]
    customers: int
    bookings: int


MAIN_NAME = "Reisebüro Sonnenschein"
TENANTS = (
    TenantPlan(
        nr=0,
        name=MAIN_NAME,
        central=(),
        branding={
            "colour": "#e8a317",
            "accent_colour": "#8a4b08",
            "street": "Hohe Straße 52",
            "postcode": "50667",
            "city": "Köln",
            "country": "DE",
            "phone": "0221 2577300",
            "email": "info@sonnenschein-reisen.example",
            "bank_name": "Sparkasse KölnBonn",
            "iban": "DE93370501981234567890",
            "bic": "COLSDE33XXX",
            "tax_number": "214/5730/2815",
            "vat_id": "DE812345673",
        },
        style="private",
        cost_centre="100",
        clerks=("mueller", "hoffmann"),
        customers=140,
        bookings=90,
    ),
    TenantPlan(
        nr=1,
        name="Sonnenschein Firmenreisen",
        central=("postal", "customers", "accounting", "notes"),
        branding={
            "colour": "#1f5f8b",
            "accent_colour": "#f2b705",
            "street": "Königsallee 14",
            "postcode": "40213",
            "city": "Düsseldorf",
            "country": "DE",
            "phone": "0211 8693410",
            "email": "firmen@sonnenschein-reisen.example",
            "bank_name": "Stadtsparkasse Düsseldorf",
            "iban": "DE98300501101234567890",
            "bic": "DUSSDEDDXXX",
            "tax_number": "103/5720/4113",
            "vat_id": "DE812345681",
        },
        style="business",
        cost_centre="200",
        clerks=("mueller", "fischer"),
        customers=70,
        bookings=50,
    ),
    TenantPlan(
        nr=2,
        name="Sonnenschein Gruppenreisen",
        central=("postal", "tickets"),
        branding={
            "colour": "#2e7d32",
            "accent_colour": "#f9a825",
            "street": "Poststraße 7",
            "postcode": "53111",
            "city": "Bonn",
            "country": "DE",
            "phone": "0228 9145520",
            "email": "gruppen@sonnenschein-reisen.example",
            "bank_name": "Volksbank Köln Bonn",
            "iban": "DE60380601861234567890",
            "bic": "GENODED1BRS",
            "tax_number": "205/5831/0622",
        },
        style="group",
        cost_centre="300",
        clerks=("becker",),
        customers=60,
        bookings=35,
    ),
    TenantPlan(
        nr=3,
        name="Sonnenschein Online",
        central=("postal", "customers", "notes"),
        branding={
            "colour": "#6a1b9a",
            "accent_colour": "#ff7043",
            "street": "Ehrenstraße 33",
            "postcode": "50672",
            "city": "Köln",
            "country": "DE",
            "phone": "0221 2577390",
            "email": "online@sonnenschein-reisen.example",
            "bank_name": "Commerzbank Köln",
            "iban": "DE14370400441234567890",
            "bic": "COBADEFFXXX",
            "tax_number": "218/5930/1744",
            "vat_id": "DE812345704",
        },
        style="online",
        cost_centre="400",
        clerks=("hoffmann",),
        customers=30,
        bookings=20,
    ),
)


# -- what was built ----------------------------------------------------------------------------


@dataclass
class DemoReport:
    """What `build_demo` created; `users` carries the passwords to show to the newcomer."""

    root: Path
    users: tuple[DemoUser, ...] = USERS
    tenants: list[int] = field(default_factory=list)
    customers: int = 0
    bookings: dict[int, Counter] = field(default_factory=dict)  # tenant -> status -> count
    invoices: int = 0
    credit_notes: int = 0
    payments: int = 0
    tickets: int = 0
    notes: int = 0
    journal_entries: int = 0
    seconds: float = 0.0

    def booking_count(self) -> Counter:
        """Bookings of all tenants by status."""
        return sum(self.bookings.values(), Counter())

    def summary(self) -> str:
        """One line of what was created (for the command line)."""
        by_status = self.booking_count()
        statuses = ", ".join(f"{_(STATUS_LABELS[s])} {by_status[s]}" for s in STATUSES)
        return _(
            "{customers} customers, {bookings} bookings ({statuses}), {invoices} invoices, "
            "{credits} credit notes, {payments} payments, {tickets} tickets, {notes} notes, "
            "{entries} manual journal entries."
        ).format(
            customers=self.customers,
            bookings=sum(by_status.values()),
            statuses=statuses,
            invoices=self.invoices,
            credits=self.credit_notes,
            payments=self.payments,
            tickets=self.tickets,
            notes=self.notes,
            entries=self.journal_entries,
        )


# -- German names, places and trips ------------------------------------------------------------

MEN = (
    "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jürgen", "Klaus", "Peter", "Markus",
    "Christian", "Wolfgang", "Uwe", "Jörg", "Matthias", "Sebastian", "Jan", "Lukas", "Tobias",
    "Dieter", "Günter", "Horst", "Florian", "Daniel", "Alexander", "Martin", "Björn", "Kai",
)  # fmt: skip
WOMEN = (
    "Sabine", "Susanne", "Petra", "Claudia", "Andrea", "Monika", "Birgit", "Ursula", "Anja",
    "Katrin", "Nicole", "Stefanie", "Julia", "Anna", "Laura", "Lena", "Sarah", "Jessica", "Heike",
    "Gabriele", "Renate", "Karin", "Christina", "Melanie", "Sandra", "Jutta", "Marie",
)  # fmt: skip
CHILDREN = ("Emma", "Mia", "Hannah", "Sophie", "Ben", "Paul", "Leon", "Finn", "Noah", "Lina")
LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
    "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
    "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz",
    "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther",
    "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht",
    "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer",
    "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas",
)  # fmt: skip
STREETS = (
    "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Bergstraße", "Birkenweg",
    "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Schillerstraße", "Goethestraße",
    "Mühlenweg", "Am Markt", "Rosenweg", "Feldstraße", "Wiesenweg", "Jahnstraße",
    "Beethovenstraße", "Eichenweg", "Ahornweg", "Kastanienallee", "Parkstraße", "Uhlandstraße",
    "Talstraße", "Am Anger", "Rheinstraße", "Luxemburger Straße", "Venloer Straße",
)  # fmt: skip
# Postal codes of the shipped sample (resources/postal), the agency's region weighted up;
# the town is left empty so that the customer service fills it from the postal codes.
POSTCODES = (
    "50667", "50667", "50667", "53111", "53111", "40213", "40213", "51373", "51465", "50171",
    "50126", "50354", "53840", "53639", "41539", "41460", "42103", "42651", "52062", "52349",
    "45127", "44135", "47051", "60311", "10115", "20095", "80331", "56068", "55116", "40878",
)  # fmt: skip
COMPANIES = (
    "Brandt Maschinenbau GmbH", "Krüger & Söhne KG", "Vogel Logistik GmbH", "Rheinland Consult AG",
    "Hansen IT-Beratung GmbH", "Schuster Elektrotechnik GmbH", "Kaiser Immobilien GmbH",
    "Lorenz Steuerberatung", "Nordlicht Software GmbH", "Weiß Medizintechnik AG",
    "Bergmann Anlagenbau GmbH", "Rhein-Ruhr Pharma GmbH", "Domstadt Versicherungsmakler GmbH",
    "Altmann Architekten PartG", "Seidel Spedition GmbH & Co. KG", "Graf Lebensmittel GmbH",
)  # fmt: skip
GROUPS = (
    "TSV Grün-Weiß {town}", "Gesangverein Harmonie {town}", "Kegelclub Alle Neune {town}",
    "Seniorenkreis St. Marien {town}", "Gymnasium am Stadtpark {town}", "Wanderfreunde {town}",
    "Karnevalsgesellschaft Rote Funken {town}", "Feuerwehr-Förderverein {town}",
    "Volkshochschule {town}", "Landfrauen {town}", "Schützenbruderschaft St. Hubertus {town}",
)  # fmt: skip
GROUP_TOWNS = ("Köln", "Bonn", "Siegburg", "Troisdorf", "Hürth", "Brühl", "Kerpen", "Wesseling")
MAIL_DOMAINS = ("example.com", "example.net", "example.org")
BANK_CODES = ("37050198", "37040044", "38060186", "30050110", "37010050", "36010043")

# destination -> (name, airport) for trips with flights
BEACH = {
    "MALL": ("Mallorca", "PMI"), "KRET": ("Kreta", "HER"), "TUEK": ("Türkische Riviera", "AYT"),
    "GRAN": ("Gran Canaria", "LPA"), "TENE": ("Teneriffa", "TFS"), "FUER": ("Fuerteventura", "FUE"),
    "HURG": ("Hurghada", "HRG"), "RHOD": ("Rhodos", "RHO"), "ALGA": ("Algarve", "FAO"),
    "ZYPE": ("Zypern", "LCA"), "KORF": ("Korfu", "CFU"), "MADE": ("Madeira", "FNC"),
}  # fmt: skip
CITIES = {
    "LOND": ("London", "LHR"), "PARI": ("Paris", "CDG"), "BARC": ("Barcelona", "BCN"),
    "ROM": ("Rom", "FCO"), "WIEN": ("Wien", "VIE"), "ISTA": ("Istanbul", "IST"),
    "NYC": ("New York", "JFK"), "DUBA": ("Dubai", "DXB"),
}  # fmt: skip
ROUND_TRIPS = {"SIZI": "Sizilien", "TOSK": "Toskana", "SRIL": "Sri Lanka", "ISLD": "Island"}
NEARBY = {
    "NORD": "Deutsche Nordsee",
    "OSTS": "Deutsche Ostsee",
    "TIRO": "Tirol",
    "SUED": "Südtirol",
}
BUS_TRIPS = {"GARD": "Gardasee", "TIRO": "Tirol", "SUED": "Südtirol", "WIEN": "Wien"}
OPERATORS = ("TUI", "DERT", "ALLT", "SLR", "BENT", "OLIM", "BUM")
INSURERS = ("ERV", "HMR", "ALLZ")
HOTELS = (
    "Hotel Playa Dorada", "Aparthotel Sol y Mar", "Hotel Bellevue", "Strandhotel Aurora",
    "Resort Blue Lagoon", "Hotel Panorama", "Familienhotel Delfin", "Hotel Miramar",
)  # fmt: skip
BOARDS = ("Frühstück", "Halbpension", "All Inclusive")
HOME_AIRPORTS = ("CGN", "DUS", "FRA")
# IATA airline code -> ticketing prefix (the first three digits of a ticket number)
AIRLINES = {"LH": "220", "EW": "104", "DE": "881", "X3": "617", "XQ": "564"}

CENTRAL_CUSTOMERS = {t.nr for t in TENANTS if t.nr == 0 or "customers" in t.central}
FATES = ("offer", "booked", "open", "deposit", "paid", "cancelled", "cancelled_invoiced")
FATE_WEIGHTS = (14, 14, 12, 12, 40, 5, 3)
TICKETED_FATES = ("booked", "open", "deposit", "paid")


def _ascii(text: str) -> str:
    """Umlauts as airlines and mail addresses write them."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain).replace(umlaut.upper(), plain.capitalize())
    return text


def _money(value: int) -> Decimal:
    return Decimal(value).quantize(CENT)


# -- people ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A demo customer as the builder remembers it."""

    id: int
    owner: int
    shared_with: frozenset[int] | None  # None: all tenants
    salutation: str
    first_name: str
    last_name: str
    company: str = ""


@dataclass
class Trip:
    """What a booking sells: filled in by one of the trip makers below."""

    title: str
    travel_type: str
    destination: str
    services: list[dict]
    airline: str = ""
    route: str = ""


@dataclass
class Planned:
    """A booking to create, with what will become of it and the date that decides its order."""

    fate: str
    day: date  # invoice date for invoiced fates, travel date otherwise
    person: Person


# -- the builder -------------------------------------------------------------------------------


class _Builder:
    """Builds one demo installation; keeps the random source and what was made so far."""

    def __init__(self, inst: Installation, seed: int, report: DemoReport):
        self.inst = inst
        self.rng = random.Random(seed)
        self.report = report
        self.today = date.today()
        self.people: list[Person] = []
        self.ticket_serial = 4_000_000_000 + self.rng.randint(0, 999_999)
        # Tenant 0's first ticketed booking is a flight whose taxes the airline raised after
        # the invoice: reconciliation then has a mismatch to show.
        self.tax_change_pending = True

    # tenants and users

    def tenants(self) -> None:
        main = TENANTS[0]
        update_tenant(self.inst, 0, branding=main.branding, books=_datev_client(0))
        for plan in TENANTS[1:]:
            spec = TenantSpec(plan.nr, plan.name, central=plan.central, branding=plan.branding)
            create_tenant(self.inst, spec)
            if "accounting" not in plan.central:  # own books: an own client at the adviser's
                update_tenant(self.inst, plan.nr, books=_datev_client(plan.nr))
        self.report.tenants = [plan.nr for plan in TENANTS]

    def users(self) -> None:
        for user in USERS:
            add_user(self.inst, user.login, user.name, user.password)
            for nr, (role, team) in user.roles.items():
                grant(self.inst, user.login, nr, role, team)

    # one tenant's office work

    def office(self, plan: TenantPlan) -> None:
        with self.inst.open_session(plan.nr) as session:
            # One transaction per tenant: the services' own transactions become savepoints, so
            # the build commits (and syncs to disk) a few times instead of a thousand times.
            with session.transaction():
                self.customers(session, plan)
                later = self.bookings(session, plan)
                self.journal(session, plan)
            archived.settle(session)  # the invoices' PDFs get their final names once committed
            # Credit notes are dated today: issued last, their numbers follow the invoices'.
            with session.transaction():
                for clerk, number in later:
                    cancel_booking(clerk, session, number)
                    self.report.credit_notes += 1
            archived.settle(session)

    # customers

    def customers(self, session: TenantSession, plan: TenantPlan) -> None:
        maker = self._company if plan.style in ("business", "group") else self._private
        for i in range(plan.customers):
            # every third business customer is a private traveller of the company's staff
            private = plan.style == "business" and i % 3 == 2
            values = self._private() if private else maker(plan)
            shared = self._sharing(plan)
            clerk = self.rng.choice(plan.clerks)
            created = create_customer(clerk, session, values, shared_with=shared)
            self.people.append(self._person(created.customer.id, plan.nr, shared, values))
            self.report.customers += 1
        if plan.nr == 0:
            self._restrict_some(session)

    def _sharing(self, plan: TenantPlan) -> set[int] | None:
        """R12: most customers for all tenants, some for a subset, some for this one only."""
        roll = self.rng.random()
        if plan.nr == 0:
            return None if roll < 0.7 else ({1} if roll < 0.9 else set())
        if plan.nr == 1:
            return set() if roll < 0.8 else None
        return None

    def _restrict_some(self, session: TenantSession) -> None:
        """A few customers asked to be known only by the private travel office."""
        mine = [p for p in self.people if p.owner == 0 and p.shared_with is None][:3]
        for person in mine:
            set_sharing("admin", session, person.id, set())
            index = self.people.index(person)
            self.people[index] = dataclasses.replace(person, shared_with=frozenset())

    def _person(self, id_: int, owner: int, shared, values: dict) -> Person:
        return Person(
            id_,
            owner,
            None if shared is None else frozenset(shared),
            values.get("salutation", ""),
            values.get("first_name", ""),
            values.get("last_name", ""),
            values.get("company", ""),
        )

    def _name(self) -> tuple[str, str, str]:
        if self.rng.random() < 0.5:
            return "Herr", self.rng.choice(MEN), self.rng.choice(LAST_NAMES)
        return "Frau", self.rng.choice(WOMEN), self.rng.choice(LAST_NAMES)

    def _address(self) -> dict:
        rng = self.rng
        return {
            "street": f"{rng.choice(STREETS)} {rng.randint(1, 140)}",
            "postcode": rng.choice(POSTCODES),
            "country": "DE",
            "phone": f"0{rng.choice(('221', '228', '211', '2203', '2241', '151', '172'))} "
            f"{rng.randint(200000, 9999999)}",
        }

    def _private(self, plan: TenantPlan | None = None) -> dict:
        rng = self.rng
        salutation, first, last = self._name()
        values = {"salutation": salutation, "first_name": first, "last_name": last}
        values.update(self._address())
        values["email"] = _ascii(f"{first}.{last}").lower() + "@" + rng.choice(MAIL_DOMAINS)
        values["birth_date"] = date(rng.randint(1945, 2004), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.3:
            values["iban"] = self._iban()
        return values

    def _company(self, plan: TenantPlan) -> dict:
        rng = self.rng
        if plan.style == "group":
            company = rng.choice(GROUPS).format(town=rng.choice(GROUP_TOWNS))
        else:
            company = rng.choice(COMPANIES)
        salutation, first, last = self._name()
        values = {"kind": "company", "company": company, "salutation": salutation}
        values.update({"first_name": first, "last_name": last}, **self._address())
        domain = _ascii(company.split()[0]).lower().strip("&.,")
        values["email"] = f"{_ascii(last).lower()}@{domain}.example"
        values["iban"] = self._iban()
        return values

    def _iban(self) -> str:
        account = str(self.rng.randint(10_000_000, 9_999_999_999))
        bank = self.rng.choice(BANK_CODES)
        return str(schwifty.IBAN.generate("DE", bank_code=bank, account_code=account).compact)

    # bookings

    def bookings(self, session: TenantSession, plan: TenantPlan) -> list[tuple[str, int]]:
        """Create the tenant's bookings oldest first; returns invoiced ones still to cancel."""
        statuses: Counter = Counter()
        later = []
        for planned in self._plan_bookings(plan):
            clerk = self.rng.choice(plan.clerks)
            number = self._booking(session, plan, clerk, planned)
            if planned.fate == "cancelled_invoiced":
                later.append((clerk, number))
            statuses[_status(planned.fate)] += 1
        self.report.bookings[plan.nr] = statuses
        self._walk_in_ticket(session, plan)
        return later

    def _plan_bookings(self, plan: TenantPlan) -> list[Planned]:
        """Every fate at least once, the rest by weight; sorted so numbers follow the dates."""
        fates = list(FATES)
        fates += self.rng.choices(FATES, FATE_WEIGHTS, k=plan.bookings - len(FATES))
        customers = self._customers_of(plan)
        planned = [Planned(f, self._day(f), self.rng.choice(customers)) for f in fates]
        # Invoiced bookings first, by invoice date, so that invoice numbers follow the dates;
        # then the offers and bookings whose travel is still ahead.
        return sorted(planned, key=lambda p: (p.fate in ("offer", "booked", "cancelled"), p.day))

    def _customers_of(self, plan: TenantPlan) -> list[Person]:
        """The customers this tenant books for: its own, and where central those shared here."""
        own = [p for p in self.people if p.owner == plan.nr]
        if plan.nr not in CENTRAL_CUSTOMERS:
            return own
        shared = [
            p
            for p in self.people
            if p.owner != plan.nr
            and p.owner in CENTRAL_CUSTOMERS
            and (p.shared_with is None or plan.nr in p.shared_with)
        ]
        return own + shared[: len(own) // 5]

    def _day(self, fate: str) -> date:
        if fate in ("offer", "booked", "cancelled"):
            return self.today + timedelta(days=self.rng.randint(21, 300))
        if fate == "open":
            return self.today - timedelta(days=self.rng.randint(0, 45))
        return self.today - timedelta(days=self.rng.randint(5, 330))

    def _booking(self, session: TenantSession, plan: TenantPlan, clerk: str, p: Planned) -> int:
        rng = self.rng
        invoiced = p.fate not in ("offer", "booked", "cancelled")
        start = p.day + timedelta(days=rng.randint(14, 90)) if invoiced else p.day
        nights = rng.choice((3, 4, 7, 7, 10, 14)) if plan.style != "business" else rng.randint(1, 4)
        travellers = self._travellers(plan, p.person)
        flights = p.fate in TICKETED_FATES
        trip = TRIP_MAKERS[plan.style](self, nights, len(travellers), flights)
        end = start + timedelta(days=nights)
        services = [{**s, "date_from": start, "date_to": end} for s in trip.services]
        values = {
            "customer_id": p.person.id,
            "title": trip.title,
            "travel_from": start,
            "travel_to": end,
            "destination_code": trip.destination,
            "travel_type_code": trip.travel_type,
            "cost_centre_code": plan.cost_centre,
            "clerk_login": clerk,
        }
        number = create_booking(clerk, session, values, travellers, services).number
        self._advance(session, clerk, number, p, trip, travellers)
        return number

    def _advance(self, session, clerk: str, number: int, p: Planned, trip: Trip, people) -> None:
        """Take a new offer as far as its fate says: booked, tickets, invoice, payments."""
        if p.fate == "offer":
            return
        if p.fate == "cancelled":
            cancel_booking(clerk, session, number)
            return
        confirm_booking(clerk, session, number)
        issued = min(p.day, self.today) if p.fate != "booked" else None
        if trip.airline:
            ticket_day = issued or self.today - timedelta(days=self.rng.randint(0, 10))
            self._tickets(session, clerk, number, trip, people, ticket_day)
        if p.fate == "booked":
            return
        invoice = invoice_booking(clerk, session, number, issued_on=issued)
        self.report.invoices += 1
        self._payments(session, clerk, number, p, from_cents(invoice.total_cents))

    def _payments(self, session, clerk: str, number: int, p: Planned, total: Decimal) -> None:
        rng = self.rng
        received = min(p.day + timedelta(days=rng.randint(2, 20)), self.today)
        if p.fate == "deposit":
            deposit = (total * Decimal("0.2")).quantize(CENT)
            record_payment(clerk, session, number, deposit, received_on=received)
            self.report.payments += 1
        elif p.fate == "paid":
            method = "cash" if rng.random() < 0.1 else "transfer"
            record_payment(clerk, session, number, total, received_on=received, method=method)
            self.report.payments += 1

    def _travellers(self, plan: TenantPlan, person: Person) -> list[dict]:
        rng = self.rng
        if plan.style in ("business", "group") or person.company:
            salutation, first, last = self._name()
            lead = {"salutation": salutation, "first_name": first, "last_name": last}
        else:
            lead = {k: getattr(person, k) for k in ("salutation", "first_name", "last_name")}
        if plan.style not in ("private", "online") or rng.random() < 0.35:
            return [lead]
        return [lead, self._partner(lead), *self._children(lead["last_name"])]

    def _partner(self, lead: dict) -> dict:
        if lead["salutation"] == "Herr":
            return {**lead, "salutation": "Frau", "first_name": self.rng.choice(WOMEN)}
        return {**lead, "salutation": "Herr", "first_name": self.rng.choice(MEN)}

    def _children(self, last_name: str) -> list[dict]:
        rng = self.rng
        return [
            {
                "first_name": rng.choice(CHILDREN),
                "last_name": last_name,
                "birth_date": date(rng.randint(2010, 2020), rng.randint(1, 12), rng.randint(1, 28)),
            }
            for _child in range(rng.choice((0, 0, 1, 2)))
        ]

    # tickets

    def _tickets(self, session, clerk, number, trip: Trip, people, day: date) -> None:
        """One ticket per flight passenger; fare and taxes add up to the flight's price."""
        flight = next(s for s in trip.services if s["kind"] == "flight")
        taxes = (flight["price"] * Decimal("0.28")).quantize(CENT)
        fare = flight["price"] - taxes
        for i, passenger in enumerate(self._passengers(people, flight["quantity"])):
            extra = Decimal("12.40") if i == 0 and self._tax_change(session) else 0
            ticket = {"passenger": passenger, "fare": fare, "taxes": taxes + extra}
            self._ticket(session, clerk, trip.airline, trip.route, ticket, day, number)

    def _tax_change(self, session: TenantSession) -> bool:
        """True once: for the first ticket issued in tenant 0."""
        if session.nr != 0 or not self.tax_change_pending:
            return False
        self.tax_change_pending = False
        return True

    def _passengers(self, people: list[dict], count: int) -> list[str]:
        names = [f"{p['last_name']}/{p['first_name']}" for p in people][:count]
        while len(names) < count:  # group members beyond the listed travellers
            _s, first, last = self._name()
            names.append(f"{last}/{first}")
        return [_ascii(n).upper() for n in names]

    def _ticket(self, session, clerk, airline, route, ticket: dict, day, booking=None) -> None:
        """`ticket`: passenger, fare and taxes; the number follows the airline's prefix."""
        self.ticket_serial += self.rng.randint(1, 40)
        values = {
            "number": f"{AIRLINES[airline]}{self.ticket_serial:010d}",
            "airline": airline,
            "route": route,
            "issued_on": day,
            "booking_number": booking,
            **ticket,
        }
        add_ticket(clerk, session, values)
        self.report.tickets += 1

    def _walk_in_ticket(self, session: TenantSession, plan: TenantPlan) -> None:
        """A ticket sold at the counter and never booked: a finding of tenant 0's reconciliation."""
        if plan.nr == 0:
            ticket = {
                "passenger": "KRAUSE/PETER",
                "fare": Decimal("129.00"),
                "taxes": Decimal("41.00"),
            }
            day = self.today - timedelta(days=2)
            self._ticket(session, plan.clerks[0], "EW", "CGN-PMI-CGN", ticket, day)

    # accounting

    def journal(self, session: TenantSession, plan: TenantPlan) -> None:
        """Rent, telephone and office supplies of the last three months, by the accountant."""
        rent = {
            0: Decimal("2400.00"),
            1: Decimal("1850.00"),
            2: Decimal("950.00"),
            3: Decimal("600.00"),
        }[plan.nr]
        first = self.today.replace(day=1)
        for months_back in range(3):
            day = _months_before(first, months_back)
            entries = [
                (f"Miete Büro {day:%m/%Y}", [Line("6310", debit=rent), Line("1800", credit=rent)]),
                (
                    f"Telefon und Internet {day:%m/%Y}",
                    [Line("6805", debit=Decimal("79.90")), Line("1800", credit=Decimal("79.90"))],
                ),
            ]
            for k, (text, lines) in enumerate(entries, 1):
                post_entry("schmidt", session, day, text, lines, reference=f"BA {day:%Y%m}-{k}")
                self.report.journal_entries += 1
        supplies = [Line("6815", debit=Decimal("84.00")), Line("1406", debit=Decimal("15.96"))]
        supplies.append(Line("1800", credit=Decimal("99.96")))
        post_entry("schmidt", session, self.today, "Büromaterial", supplies, reference="BA 1")
        self.report.journal_entries += 1

    # desktop notes

    def notes(self) -> None:
        with self.inst.open_session(0) as session:
            self._note("admin", session, "all", NOTE_WELCOME)
            self._note("weber", session, "team", NOTE_EARLY_BIRD, "Privatreisen")
            question = self._note("schmidt", session, "user", NOTE_OPEN_ITEMS, "mueller")
            self._note("hoffmann", session, "user", NOTE_HOLIDAY, "weber")
            self._note("weber", session, "user", NOTE_SEATS, "admin")
            reply("mueller", session, question.id, "Erledigt, ich rufe die Kunden heute an.")
            self.report.notes += 1
            self._read_one("lehmann", session)
        with self.inst.open_session(1) as session:
            self._note("weber", session, "tenant", NOTE_FAIR)
            self._note("fischer", session, "user", NOTE_CALLBACK, "mueller")
        with self.inst.open_session(2) as session:
            self._note("becker", session, "tenant", NOTE_BUS)

    def _note(self, user, session, scope, note: tuple[str, str], to=None):
        self.report.notes += 1
        return send_note(user, session, scope, note[0], note[1], to=to)

    def _read_one(self, user: str, session: TenantSession) -> None:
        items = inbox(user, session)
        if items:
            mark_read(user, session, items[-1].note_id)


DATEV_ADVISER = 29098  # the tax advisor's number at DATEV; a client number per set of books


def _datev_client(nr: int) -> dict:
    return {"datev_adviser": DATEV_ADVISER, "datev_client": 1000 + nr}


def _status(fate: str) -> str:
    return {
        "offer": "offer",
        "booked": "booked",
        "cancelled": "cancelled",
        "cancelled_invoiced": "cancelled",
    }.get(fate, "invoiced")


def _months_before(first_of_month: date, months: int) -> date:
    year, month = divmod(first_of_month.year * 12 + first_of_month.month - 1 - months, 12)
    return date(year, month + 1, 1)


# -- trips: (builder, nights, travellers, with flights) -> Trip -------------------------------


def _package_trip(b: _Builder, nights: int, pax: int, flights: bool) -> Trip:
    kind = b.rng.choices(("package", "flight", "round", "hotel", "cruise"), (50, 15, 10, 15, 10))[0]
    if b.tax_change_pending and flights:
        kind = "flight"
    if kind == "flight" and not flights:
        kind = "package"  # offers are quoted as packages: their flights are not ticketed yet
    makers = {
        "package": _beach_package,
        "flight": _flight_only,
        "round": _round_trip,
        "hotel": _hotel_only,
        "cruise": _cruise,
    }
    return makers[kind](b, nights, pax)


def _beach_package(b: _Builder, nights: int, pax: int) -> Trip:
    rng = b.rng
    code, (place, _airport) = rng.choice(list(BEACH.items()))
    hotel, board, airport = rng.choice(HOTELS), rng.choice(BOARDS), rng.choice(HOME_AIRPORTS)
    price = _money(rng.randint(45, 190) * nights + rng.randint(150, 400))
    text = f"{hotel}, {board}, Flug ab {airport}"
    services = [_service("package", rng.choice(OPERATORS), text, pax, price, 88)]
    if rng.random() < 0.5:
        premium = _money(rng.randint(29, 139))
        insurer = rng.choice(INSURERS)
        services.append(
            _service("insurance", insurer, "Reiserücktrittsversicherung", 1, premium, 75)
        )
    return Trip(f"{place}, {hotel}", "PAUS", code, services)


def _flight_only(b: _Builder, nights: int, pax: int) -> Trip:
    rng = b.rng
    code, (place, airport) = rng.choice(list(BEACH.items()))
    airline = rng.choice(("EW", "DE", "X3", "XQ"))
    route = f"{rng.choice(HOME_AIRPORTS)}-{airport}-{rng.choice(HOME_AIRPORTS)}"
    price = _money(rng.randint(180, 520))
    flight = _service("flight", airline, f"Flug {route}", pax, price, 97)
    return Trip(f"Flug {place}", "FLUG", code, [flight], airline, route)


def _round_trip(b: _Builder, nights: int, pax: int) -> Trip:
    rng = b.rng
    code, place = rng.choice(list(ROUND_TRIPS.items()))
    price = _money(rng.randint(1400, 3200))
    text = f"Studienreise {place}, {nights} Nächte"
    line = _service("package", rng.choice(("STUD", "GEBE")), text, pax, price, 85)
    return Trip(f"Rundreise {place}", "RUND", code, [line])


def _hotel_only(b: _Builder, nights: int, pax: int) -> Trip:
    rng = b.rng
    code, place = rng.choice(list(NEARBY.items()))
    price = _money(rng.randint(70, 180) * nights)
    rooms = max(1, pax // 2)
    line = _service("hotel", "HRS", f"{rng.choice(HOTELS)}, Doppelzimmer", rooms, price, 90)
    return Trip(f"{place}, Hotel", "HOTL", code, [line])


def _cruise(b: _Builder, nights: int, pax: int) -> Trip:
    rng = b.rng
    code, place = rng.choice((("CANA", "Kanaren"), ("NORW", "Norwegen"), ("MALT", "Mittelmeer")))
    price = _money(rng.randint(90, 220) * nights)
    text = f"Kreuzfahrt {place}, Balkonkabine"
    line = _service("package", rng.choice(("AIDA", "TUIC", "MSC")), text, pax, price, 88)
    return Trip(f"Kreuzfahrt {place}", "KREU", code, [line])


def _business_trip(b: _Builder, nights: int, pax: int, flights: bool) -> Trip:
    """Hotel and a flight (ticketed) or, for offers, the train."""
    rng = b.rng
    code, (place, airport) = rng.choice(list(CITIES.items()))
    rate = _money(rng.randint(110, 260) * nights)
    services = [_service("hotel", "HRS", f"Businesshotel {place}", pax, rate, 90)]
    title = f"Geschäftsreise {place}"
    if not flights:
        fare = _money(rng.randint(120, 340))
        services.insert(0, _service("rail", "DB", f"Bahn 1. Klasse {place}", pax, fare, 95))
        return Trip(title, "GESC", code, services)
    airline = rng.choice(("LH", "EW"))
    route = f"{rng.choice(('DUS', 'CGN'))}-{airport}-DUS"
    price = _money(rng.randint(240, 1100))
    services.insert(0, _service("flight", airline, f"Flug {route}", pax, price, 97))
    if rng.random() < 0.4:
        car = _money(rng.randint(45, 90) * nights)
        services.append(_service("other", "SIXT", "Mietwagen", 1, car, 90))
    return Trip(title, "GESC", code, services, airline, route)


def _group_trip(b: _Builder, nights: int, pax: int, flights: bool) -> Trip:
    """A club's bus trip, or a flight trip whose every member gets a ticket."""
    rng = b.rng
    if flights and rng.random() < 0.4:
        code, (place, airport) = rng.choice([c for c in CITIES.items() if c[0] != "NYC"])
        size, route = rng.randint(10, 20), f"CGN-{airport}-CGN"
        flight = _service(
            "flight", "EW", f"Gruppenflug {route}", size, _money(rng.randint(140, 320)), 97
        )
        rate = _money(rng.randint(60, 120) * nights)
        hotel = _service("hotel", "HRS", f"Gruppenhotel {place}, Halbpension", size, rate, 85)
        return Trip(f"Gruppenreise {place}", "GRUP", code, [flight, hotel], "EW", route)
    code, place = rng.choice(list(BUS_TRIPS.items()))
    price = _money(rng.randint(60, 110) * nights)
    text = f"Busreise {place} mit Hotel, Halbpension"
    bus = _service("package", rng.choice(("BUM", "AMER")), text, rng.randint(12, 40), price, 82)
    return Trip(f"Vereinsfahrt {place}", "BUS", code, [bus])


def _online_trip(b: _Builder, nights: int, pax: int, flights: bool) -> Trip:
    """Packages and rental cars booked on the website."""
    rng = b.rng
    if rng.random() < 0.3:
        code, (place, _airport) = rng.choice(list(BEACH.items()))
        price = _money(rng.randint(25, 60) * nights)
        car = _service(
            "other", rng.choice(("SUNC", "SIXT", "EUCA")), f"Mietwagen {place}", 1, price, 80
        )
        return Trip(f"Mietwagen {place}", "MIET", code, [car])
    return _beach_package(b, nights, pax)


def _service(
    kind: str, supplier: str, text: str, quantity: int, price: Decimal, cost_percent: int
) -> dict:
    """A service line; its dates are the trip's, added when the booking is made."""
    cost = (price * cost_percent / 100).quantize(CENT)
    return {
        "kind": kind,
        "supplier_code": supplier,
        "description": text,
        "quantity": quantity,
        "price": price,
        "cost": cost,
    }


TRIP_MAKERS = {
    "private": _package_trip,
    "business": _business_trip,
    "group": _group_trip,
    "online": _online_trip,
}

# -- desktop notes (subject, body) -------------------------------------------------------------

NOTE_WELCOME = (
    "Willkommen im Reisebüro Sonnenschein",
    "Dies ist eine Demo-Installation mit vier Mandanten. Probieren Sie alles aus: "
    "Kunden suchen, Vorgänge anlegen, Rechnungen schreiben, Tickets abgleichen.",
)
NOTE_EARLY_BIRD = (
    "Frühbucheraktion Sommer",
    "Bis Monatsende 15 % Frühbucherrabatt bei TUI und DERTOUR - bitte aktiv anbieten.",
)
NOTE_OPEN_ITEMS = (
    "Offene Rechnungen",
    "Bei einigen Vorgängen ist nur die Anzahlung eingegangen. Kannst du nachfassen?",
)
NOTE_HOLIDAY = ("Urlaubsantrag", "Ich würde gern vom 4. bis 15. August Urlaub nehmen.")
NOTE_SEATS = (
    "Arbeitsplätze im Online-Mandanten",
    "Bitte prüfen, ob in Mandant 3 noch Arbeitsplätze frei sind; ab März kommt eine Aushilfe.",
)
NOTE_FAIR = (
    "Messe: Termine mit Firmenkunden",
    "Bitte tragt bis Freitag ein, welche Firmenkunden ihr auf der Messe treffen wollt.",
)
NOTE_CALLBACK = ("Rückruf Brandt Maschinenbau", "Herr Brandt bittet um Rückruf wegen London.")
NOTE_BUS = (
    "Busunternehmen angefragt",
    "Für die Vereinsfahrten an den Gardasee liegen drei Angebote vor; Entscheidung Montag.",
)


# -- entry point -------------------------------------------------------------------------------

STEPS = 4 + len(TENANTS)


def build_demo(
    root: Path, *, seed: int = DEMO_SEED, progress: Progress | None = None
) -> DemoReport:
    """Build the demo installation in `root`, which must not exist yet or be empty."""
    started = time.monotonic()
    root = Path(root)
    check_demo_target(root)
    report_step = progress or (lambda text, done, total: None)
    staging = root.parent / f".{root.name}.demo-{secrets.token_hex(4)}"
    report = DemoReport(root)
    try:
        _build(staging, seed, report, report_step)
        _move_into_place(staging, root)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    report.seconds = time.monotonic() - started
    report_step(_("Done"), STEPS, STEPS)
    return report


def is_new_folder(root: Path) -> bool:
    """True if `root` does not exist yet or is an empty folder: where the demo may be built."""
    root = Path(root)
    return not root.exists() or (root.is_dir() and not any(root.iterdir()))


def check_demo_target(root: Path) -> None:
    """Raise unless `root` is missing or an empty folder (an installation is never touched)."""
    if Installation.is_installation(root):
        raise DemoRefused(
            _(
                "{root} is already an installation; the demo is only built into a new folder. "
                "Nothing was changed."
            ).format(root=root)
        )
    if not is_new_folder(root):
        raise NotAnInstallation(
            _("{root} is not empty: the demo is only built into a new, empty folder.").format(
                root=root
            )
        )


def _build(staging: Path, seed: int, report: DemoReport, step: Progress) -> None:
    step(_("Creating the main tenant"), 0, STEPS)
    inst, _created = Installation.init(staging, name=MAIN_NAME)
    # The demo's year of business is entered now, as an office taking over its books would.
    with inst, taking_over_history():
        builder = _Builder(inst, seed, report)
        step(_("Creating tenants"), 1, STEPS)
        builder.tenants()
        step(_("Adding users"), 2, STEPS)
        builder.users()
        for i, plan in enumerate(TENANTS):
            step(_("Tenant {nr}: customers and bookings").format(nr=plan.nr), 3 + i, STEPS)
            builder.office(plan)
        step(_("Desktop notes"), STEPS - 1, STEPS)
        builder.notes()


def _move_into_place(staging: Path, root: Path) -> None:
    """Rename the finished build to `root` (an empty `root` is replaced: Windows needs that)."""
    root.parent.mkdir(parents=True, exist_ok=True)
    if root.is_dir():
        root.rmdir()
    staging.rename(root)
