"""``family``: refresh the snapshots of the other lists' papers, for "Also in" links."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..records.listfile import load_list
from ..remote.http import ServiceError, get_json
from .data import DEFAULT_DATA


def add_parsers(commands: Any) -> None:
    family = commands.add_parser(
        "family",
        help="fetch the papers.json of every list named in data/list.yaml's family",
        description="Download each sibling list's papers.json into the snapshot data/list.yaml "
        "names, so that builds can show 'Also in' without a network.",
    )
    family.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    family.set_defaults(run=_family)


def _family(args: argparse.Namespace) -> int:
    info = load_list(args.data)
    if info is None or not info.family:
        print(f"error: {args.data / 'list.yaml'} names no family", file=sys.stderr)
        return 1
    fetched = {}
    for sibling in info.family:
        url = sibling.docs_url.rstrip("/") + "/papers.json"
        try:
            document = get_json(sibling.name, url)
        except ServiceError as error:
            print(f"error: {error}; no snapshot was changed", file=sys.stderr)
            return 1
        fetched[sibling.snapshot] = document
    for snapshot, document in fetched.items():
        write_text(args.data / snapshot, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {args.data / snapshot} ({len(document.get('papers', []))} papers)")
    return 0
