"""Loading the base data shipped in resources/ into a new tenant 0."""

import csv
from pathlib import Path

from .geonames import parse_geonames, store_postal_codes
from .logical import Logical
from .models.accounting import Account
from .models.basedata import CostCentre, Destination, Parameter, Supplier, TravelType

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BASEDATA_FILES = (
    ("destinations.csv", Destination),
    ("travel_types.csv", TravelType),
    ("parameters.csv", Parameter),
    ("cost_centres.csv", CostCentre),
    ("suppliers.csv", Supplier),
)


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a shipped CSV file (UTF-8, header line)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_seed(db: Logical) -> None:
    """Fill a new database of tenant 0 with the shipped data (bound, in a transaction)."""
    if db == Logical.BASEDATA:
        for name, model in BASEDATA_FILES:
            model.insert_many(read_csv(RESOURCES / "basedata" / name)).execute()
    elif db == Logical.ACCOUNTING:
        Account.insert_many(read_csv(RESOURCES / "basedata" / "accounts.csv")).execute()
    elif db == Logical.POSTAL:
        with (RESOURCES / "postal" / "DE_sample.txt").open(encoding="utf-8") as handle:
            store_postal_codes(parse_geonames(handle))
