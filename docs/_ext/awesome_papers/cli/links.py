"""``links``: the health of every external link, as a summary and a JSON report."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..records.loader import load_catalogue
from ..remote.links import STATUSES, check_links, no_network, save
from .data import DEFAULT_DATA


def add_parsers(commands: Any) -> None:
    links = commands.add_parser(
        "links",
        help="check that every paper, extra and environment link still answers",
        description="Check every external link concurrently (at most 2 at a time per host) "
        "and classify it as ok, redirected, blocked, dead or unreachable.",
    )
    links.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    links.add_argument("--report", type=Path, help="write the report as JSON to this file")
    links.add_argument(
        "--max-age",
        type=float,
        default=24.0,
        metavar="HOURS",
        help="reuse results younger than this from the last run (default 24; 0 checks all)",
    )
    links.add_argument("--strict", action="store_true", help="exit 1 when a link is dead")
    links.set_defaults(run=_links)


def _links(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.data)
    reports = check_links(catalogue, args.max_age)
    if no_network(reports):
        print(
            f"error: none of {len(reports)} links could be reached, so this machine seems to be "
            "offline; nothing was written",
            file=sys.stderr,
        )
        return 1
    save(reports, args.report)
    counts = Counter(report.status for report in reports)
    print(
        ", ".join(f"{counts[status]} {status}" for status in STATUSES) + f" of {len(reports)} links"
    )
    for report in reports:
        if report.status in {"dead", "unreachable"}:
            where = ", ".join(report.papers)
            print(f"{report.status}: {report.url} ({report.reason}) in {where}")
    return 1 if args.strict and counts["dead"] else 0
