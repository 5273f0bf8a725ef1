"""Command line: ``python -m awesome_papers validate|import|readme|export|init|new|refresh|links|family``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..records.errors import DataError
from . import data, family, init, links, new, refresh


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m awesome_papers", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for module in (data, init, new, refresh, links, family):
        module.add_parsers(commands)
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return code
