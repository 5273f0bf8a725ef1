"""``refresh``: preprints that have since been published (a dry run unless ``--write``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..records.checks import display_path
from ..records.loader import load_catalogue
from ..records.parsing import parse_text
from ..remote.refresh import propose
from .data import DEFAULT_DATA


def add_parsers(commands: Any) -> None:
    refresh = commands.add_parser(
        "refresh",
        help="propose venue, year and link for preprints that have been published",
        description="Look up every record whose venue is arXiv on Semantic Scholar and print "
        "the changes for those published since, as a diff. --write applies them.",
    )
    refresh.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    refresh.add_argument("--write", action="store_true", help="edit the records")
    refresh.set_defaults(run=_refresh)


def _refresh(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.data)
    proposals, failures = propose(catalogue)
    if failures and len(failures) == sum(
        1 for p in catalogue.papers if (p.venue or "").lower() == "arxiv"
    ):
        print(f"error: {failures[0].split(': ', 1)[1]}; nothing was changed", file=sys.stderr)
        return 1
    written = 0
    for proposal in proposals:
        shown = display_path(proposal.paper.source)
        checked, problems = parse_text(proposal.new_text, shown, "paper")
        if checked is None:  # the service's answer would break the record: keep the record as it is
            failures.append(
                f"{proposal.paper.id}: its published version is not valid: {problems[0]}"
            )
            continue
        print("\n".join(proposal.diff))
        if args.write:
            write_text(Path(proposal.paper.source), proposal.new_text)
        written += 1
    for failure in failures:
        print(f"skipped {failure}", file=sys.stderr)
    verb = "updated" if args.write else "would update"
    hint = "" if args.write or not written else "; run again with --write to apply"
    print(f"{verb} {written} record(s) in {display_path(args.data)}{hint}")
    return 0
