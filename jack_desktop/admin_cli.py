"""jack-desktop-admin: the administrator's command line (no Qt; works without a display).

Exit status: 0 success, 2 invalid input (one line on stderr naming the field), 1 other failure.
"""

import argparse
import json
import re
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import peewee

from tenant_store.books_settings import BOOKS_FIELDS
from tenant_store.errors import StoreError, ValidationError, printable
from tenant_store.i18n import _, ngettext, set_language
from tenant_store.installation import BRANDING_FIELDS, Installation
from tenant_store.integrity import check
from tenant_store.tenant_creation import create_tenant
from tenant_store.tenant_edit import update_tenant
from tenant_store.tenant_validation import TenantSpec
from tenant_store.updates import migrate, plan
from tenant_store.users import add_user, grant, unlock

from . import admin_auditor, admin_datev
from .data_dir import resolve_data_dir
from .demo import build_demo, check_demo_target

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2
BRANDING_OPTIONS = tuple(f for f in BRANDING_FIELDS if f != "logo_file")  # logo: --logo FILE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for every invalid input
        self.exit(EXIT_INVALID, f"{self.prog}: {message}\n")


def _add_branding(parser: argparse.ArgumentParser) -> None:
    for option in BRANDING_OPTIONS:
        parser.add_argument(f"--{option.replace('_', '-')}", dest=option)
    parser.add_argument("--logo", help=_("PNG or JPEG file"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jack-desktop-admin", description=_("Administer a Jack Desktop installation.")
    )
    parser.add_argument(
        "--data-dir",
        help=_("installation folder (default: $JACK_DATA_DIR or the user data folder)"),
    )
    parser.add_argument("--lang", help=_("language of messages (de, en)"))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = commands.add_parser("init", help=_("create the installation (tenant 0)"))
    kind = init.add_mutually_exclusive_group()
    kind.add_argument("--name", default="Hauptmandant")
    kind.add_argument(
        "--demo",
        action="store_true",
        help=_("build a demo installation with tenants, users, customers and bookings"),
    )

    tenant = commands.add_parser("tenant", help=_("list, show, create or edit tenants"))
    tenant_cmds = tenant.add_subparsers(dest="tenant_command", required=True, parser_class=_Parser)
    tenant_cmds.add_parser("list").add_argument("--json", action="store_true")
    show = tenant_cmds.add_parser("show")
    show.add_argument("nr")
    show.add_argument("--json", action="store_true")
    create = tenant_cmds.add_parser("create")
    create.add_argument("nr")
    create.add_argument("--name", required=True)
    create.add_argument("--central", default="")
    create.add_argument("--copy", default=None)
    create.add_argument("--booking-range")
    _add_branding(create)
    edit = tenant_cmds.add_parser("edit")
    edit.add_argument("nr")
    edit.add_argument("--name")
    edit.add_argument("--booking-range")
    edit.add_argument("--central", help=_("refused: fixed at creation"))
    _add_branding(edit)
    for option in BOOKS_FIELDS:  # invoice series, DATEV client, fiscal year, lock day
        edit.add_argument(f"--{option.replace('_', '-')}", dest=option)

    mig = commands.add_parser("migrate", help=_("update database schemas (sub-tenants first)"))
    mig.add_argument("--plan", action="store_true")
    mig.add_argument("--tenant")

    commands.add_parser("check", help=_("check files and manifests")).add_argument(
        "--json", action="store_true"
    )

    user = commands.add_parser("user", help=_("add users, grant roles, lift login locks"))
    user_cmds = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    add = user_cmds.add_parser("add")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument("--password-stdin", action="store_true", required=True)
    grant_cmd = user_cmds.add_parser("grant")
    grant_cmd.add_argument("login")
    grant_cmd.add_argument("--tenant", required=True)
    grant_cmd.add_argument("--role", required=True)
    grant_cmd.add_argument("--team", default="")
    user_cmds.add_parser(
        "unlock", help=_("lift the lock after too many wrong passwords")
    ).add_argument("login")
    admin_auditor.add_parser(commands)
    admin_datev.add_parser(commands)
    return parser


def _tenant_nr(text: str, field: str = "tenant") -> int:
    if not re.fullmatch(r"[0-9]+", text.strip()):
        raise ValidationError(field, _("'{value}' is not a tenant number.").format(value=text))
    return int(text)


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _branding(args: argparse.Namespace) -> dict[str, str]:
    return {k: getattr(args, k) for k in BRANDING_OPTIONS if getattr(args, k) is not None}


def _print_tenants(inst: Installation, infos, as_json: bool) -> None:
    _print_described([inst.describe(info) for info in infos], as_json)


def _print_described(described: list[dict], as_json: bool) -> None:
    """One line per tenant (or JSON); a tenant that could not be read shows its problem."""
    if as_json:
        print(json.dumps(described, indent=2, ensure_ascii=False))
        return
    central_label, bookings_label = _("central"), _("bookings")
    for d in described:
        if "problem" in d:
            line = f"{d['nr']:>5}  {d['name']:<32} " + _("PROBLEM: {line}").format(
                line=d["problem"]
            )
        else:
            central = ",".join(k for k, v in d["central"].items() if v) or "-"
            first, last = d["booking_range"]
            line = (
                f"{d['nr']:>5}  {d['name']:<32} {central_label}: {central:<40} "
                f"{bookings_label}: {first}-{last}"
            )
        print(printable(line))  # a name never sends escape sequences to the terminal


def _list_tenants(inst: Installation, as_json: bool) -> int:
    """Every tenant; one whose manifest or files cannot be read is listed with its problem
    (damage stays local), and the exit status says that something needs attention."""
    described = []
    for nr, name in inst.tenant_names().items():
        try:
            described.append(inst.describe(inst.tenant(nr)))
        except StoreError as exc:
            described.append({"nr": nr, "name": name, "problem": str(exc)})
    _print_described(described, as_json)
    return EXIT_FAILURE if any("problem" in d for d in described) else EXIT_OK


def cmd_init(args) -> int:
    root = resolve_data_dir(args.data_dir)
    if args.demo:
        return _init_demo(root)
    inst, created = Installation.init(root, name=args.name)
    inst.close()
    message = (
        _("Created the installation in {root}.")
        if created
        else _("{root} is already an installation; nothing was changed.")
    )
    print(message.format(root=root))
    return EXIT_OK


def _init_demo(root: Path) -> int:
    check_demo_target(root)  # refused before anything is printed or built
    print(_("Building the demo installation in {root} ...").format(root=root), flush=True)
    report = build_demo(root)
    print(
        _("Created the demo installation in {root} in {seconds:.1f} s.").format(
            root=root, seconds=report.seconds
        )
    )
    with Installation.open(root) as inst:
        _print_tenants(inst, inst.tenants(), False)
    print(report.summary())
    print(_("Demo users (login, password, roles per tenant):"))
    for user in report.users:
        print(f"  {user.login:<10} {user.password:<15} {user.describe_roles()}")
    return EXIT_OK


def cmd_tenant(args, inst: Installation) -> int:
    sub = args.tenant_command
    if sub == "list":
        return _list_tenants(inst, args.json)
    if sub == "show":
        info = inst.tenant(_tenant_nr(args.nr))
        if args.json:
            print(json.dumps(inst.describe(info), indent=2, ensure_ascii=False))
        else:
            _print_tenants(inst, [info], False)
    elif sub == "create":
        spec = TenantSpec(
            args.nr,
            args.name,
            central=args.central,
            copy=args.copy,
            booking_range=args.booking_range,
            branding=_branding(args),
            logo=_path(args.logo),
        )
        info = create_tenant(inst, spec)
        print(
            _("Created tenant {nr} '{name}' in {path}.").format(
                nr=info.nr, name=info.name, path=info.path
            )
        )
    elif sub == "edit":
        nr = _tenant_nr(args.nr)
        update_tenant(
            inst,
            nr,
            name=args.name,
            branding=_branding(args),
            logo=_path(args.logo),
            central=args.central,
            booking_range=args.booking_range or None,
            books={k: getattr(args, k) for k in BOOKS_FIELDS if getattr(args, k) is not None},
        )
        print(_("Tenant {nr} changed.").format(nr=nr))
    return EXIT_OK


def cmd_migrate(args, inst: Installation) -> int:
    steps = plan(inst)
    if args.plan:
        for step in steps:
            print(step.describe())
        if not steps:
            print(_("Everything is up to date."))
        return EXIT_OK
    tenant = None if args.tenant is None else _tenant_nr(args.tenant)
    done = migrate(inst, tenant, progress=lambda step, i, n: print(step.describe(), flush=True))
    print(ngettext("{n} file updated.", "{n} files updated.", len(done)).format(n=len(done)))
    return EXIT_OK


def cmd_check(args, inst: Installation) -> int:
    report = check(inst)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        # printable: a stray folder's name in Mandant/ must not reach the terminal as codes
        for line in report.problems:
            print(printable(_("PROBLEM: {line}").format(line=line)))
        for line in report.notes:
            print(printable(_("note: {line}").format(line=line)))
        checked = ngettext("{n} file checked", "{n} files checked", report.files_checked)
        print(
            checked.format(n=report.files_checked)
            + ": "
            + (_("ok") if report.ok else _("problems found"))
        )
    return EXIT_OK if report.ok else EXIT_FAILURE


def cmd_user(args, inst: Installation) -> int:
    if args.user_command == "add":
        password = sys.stdin.readline().rstrip("\r\n")
        add_user(inst, args.login, args.name, password)
        print(_("User '{login}' added.").format(login=args.login))
    elif args.user_command == "unlock":
        message = (
            _("The login '{login}' is unlocked; it can log in again.")
            if unlock(inst, args.login)
            else _("The login '{login}' was not locked; its count of wrong passwords is reset.")
        )
        print(message.format(login=args.login.strip()))
    else:
        grant(inst, args.login, _tenant_nr(args.tenant), args.role, args.team)
        print(
            _("'{login}' is now {role} in tenant {nr}.").format(
                login=args.login, role=args.role, nr=args.tenant
            )
        )
    return EXIT_OK


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; returns the exit status."""
    # The language must be set before the parser is built: its help texts are translated.
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    set_language(early.parse_known_args(argv)[0].lang)
    args = build_parser().parse_args(argv)
    if args.command == "init":
        return cmd_init(args)
    handlers = {"tenant": cmd_tenant, "migrate": cmd_migrate, "check": cmd_check, "user": cmd_user}
    handlers["auditor"] = admin_auditor.run
    handlers["datev"] = admin_datev.run
    with Installation.open(resolve_data_dir(args.data_dir)) as inst:
        return handlers[args.command](args, inst)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: errors become one line on stderr and an exit status."""
    try:
        return run(argv)
    except ValidationError as exc:
        return _fail(exc, EXIT_INVALID)
    except StoreError as exc:
        return _fail(exc, EXIT_FAILURE)
    except (OSError, sqlite3.Error, peewee.PeeweeException) as exc:
        return _fail(exc, EXIT_FAILURE)


def _fail(exc: Exception, status: int) -> int:
    """One line on stderr; control characters of any value in it are shown escaped."""
    print(printable(f"jack-desktop-admin: {exc}"), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
