"""`jack-desktop-admin datev export`: the DATEV files of a period from the command line.

    jack-desktop-admin [--data-dir DIR] datev export --tenant N --from DATE --to DATE
                                                     --out DIR [--lock]

Dates are YYYY-MM-DD or DD.MM.YYYY. The administrator runs it with access to the files and
without a login; the export (and a lock) is recorded in the books' audit trail as made by
"jack-desktop-admin (<OS user>)". A refusal names the option to correct (exit status 2).
"""

import argparse
from datetime import date, datetime
from pathlib import Path

from tenant_store.errors import NotHere, ValidationError
from tenant_store.i18n import _, ngettext
from tenant_store.installation import Installation

from .admin_options import registered_tenant
from .datev.export import export_datev_as_administrator
from .formats import day

# Fields the service names -> the option that sets them.
OPTIONS = {
    "date_from": "--from",
    "date_to": "--to",
    "lock": "--lock",
    "out_dir": "--out",
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add `datev export` to the admin command line's sub-commands."""
    datev = commands.add_parser("datev", help=_("export the books of a period for DATEV"))
    sub = datev.add_subparsers(dest="datev_command", required=True, parser_class=type(datev))
    export = sub.add_parser(
        "export",
        help=_("write the Buchungsstapel, Debitoren/Kreditoren and Kontenbeschriftungen"),
    )
    export.add_argument(
        "--tenant",
        required=True,
        help=_("the tenant whose books are exported (0 with the central accounting)"),
    )
    export.add_argument("--from", dest="date_from", required=True, help=_("first day"))
    export.add_argument("--to", dest="date_to", required=True, help=_("last day"))
    export.add_argument("--out", required=True, help=_("the folder the files are written to"))
    export.add_argument(
        "--lock",
        action="store_true",
        help=_(
            "lock the books through the last day (Festschreibung; the end of a month that is over)"
        ),
    )


def run(args: argparse.Namespace, inst: Installation) -> int:
    """Run `datev export`; the files and the row count go to stdout. Returns the exit status."""
    nr = registered_tenant(args.tenant, inst)
    date_from = parse_date(args.date_from, "--from")
    date_to = parse_date(args.date_to, "--to")
    with inst.open_session(nr) as session:
        try:
            result = export_datev_as_administrator(
                session, date_from, date_to, Path(args.out), lock=args.lock
            )
        except ValidationError as exc:
            raise ValidationError(OPTIONS.get(exc.field, exc.field), exc.message) from None
        except NotHere as exc:
            raise ValidationError("--tenant", str(exc)) from None
    for path in result.files:
        print(path)
    print(
        ngettext(
            "{n} booking row from {first} to {last}.",
            "{n} booking rows from {first} to {last}.",
            result.rows,
        ).format(n=result.rows, first=day(result.date_from), last=day(result.date_to))
    )
    print(
        _("Festschreibung: the period is locked.")
        if result.locked
        else _("Festschreibung: no, the period is still open.")
    )
    return 0


def parse_date(text: str, option: str) -> date:
    """A date written YYYY-MM-DD or DD.MM.YYYY; otherwise refused naming `option`."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        option,
        _("'{value}' is no date: write it as YYYY-MM-DD or DD.MM.YYYY.").format(value=text),
    )
