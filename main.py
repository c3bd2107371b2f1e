"""Jack Desktop: starts the desktop client."""

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jack-desktop", description="Jack Desktop")
    parser.add_argument(
        "--data-dir",
        help="installation folder (default: $JACK_DATA_DIR or the "
        "user data folder; created on first start)",
    )
    parser.add_argument("--lang", help="de or en (default: the system language)")
    parser.add_argument("--tenant", type=int, help="tenant to open (default: your last one)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `jack-desktop`."""
    args = parse_args(argv)
    from ui.app import run

    return run(data_dir=args.data_dir, lang=args.lang, tenant_nr=args.tenant)


if __name__ == "__main__":
    sys.exit(main())
