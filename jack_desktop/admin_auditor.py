"""`jack-desktop-admin auditor export`: the data for the tax auditor from the command line.

    jack-desktop-admin [--data-dir DIR] auditor export --tenant N --year YYYY --out DIR

The administrator runs it with access to the files and without a login; the export is
recorded in the books' audit trail as made by the command line and the operating system's
user. A refusal names the option to correct (exit status 2).
"""

import argparse
from pathlib import Path

from tenant_store.errors import NotHere, ValidationError
from tenant_store.i18n import _
from tenant_store.installation import Installation

from .admin_options import registered_tenant
from .auditor_export.export import export_for_administrator
from .formats import day

OPTIONS = {"tenant": "--tenant", "fiscal_year": "--year", "out_dir": "--out"}


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add `auditor export` to the admin command line's sub-commands."""
    auditor = commands.add_parser(
        "auditor", help=_("export the data for the tax auditor (GoBD Datenüberlassung)")
    )
    sub = auditor.add_subparsers(dest="auditor_command", required=True, parser_class=type(auditor))
    export = sub.add_parser(
        "export",
        help=_("write index.xml and the tables of one set of books and fiscal year as a ZIP"),
    )
    export.add_argument(
        "--tenant",
        required=True,
        metavar="NR",
        help=_("the tenant whose books are exported (0 with the central accounting)"),
    )
    export.add_argument(
        "--year", required=True, metavar="YYYY", help=_("the year in which the fiscal year starts")
    )
    export.add_argument(
        "--out", required=True, metavar="DIR", help=_("the folder the ZIP is written to")
    )


def run(args: argparse.Namespace, inst: Installation) -> int:
    """Run `auditor export`; the summary goes to stdout. Returns the exit status."""
    nr = registered_tenant(args.tenant, inst)
    with inst.open_session(nr) as session:
        try:
            result = export_for_administrator(session, args.year, Path(args.out))
        except ValidationError as exc:
            raise ValidationError(OPTIONS.get(exc.field, exc.field), exc.message) from None
        except NotHere as exc:
            raise ValidationError("--tenant", str(exc)) from None
    print(
        _("Wrote {path} (fiscal year {first} to {last}).").format(
            path=result.path,
            first=day(result.date_from),
            last=day(result.date_to),
        )
    )
    for table, count in result.tables.items():
        print(f"  {table:<16} {count:>9}")
    return 0
