"""``new``: a record for a paper, from its arXiv id, DOI or OpenReview id, or by hand."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..records import identifiers
from ..records.catalogue import Catalogue
from ..records.checks import display_path
from ..records.datafiles import write_record
from ..records.identifiers import arxiv_identifier, page_url, recognise
from ..records.keys import paper_id_for, term_key, unique_id
from ..records.loader import load_catalogue
from ..records.model import FIELD_ORDER, Paper
from ..remote.http import ServiceError
from ..remote.metadata import FETCHERS, SERVICE_NAMES, Metadata
from .data import DEFAULT_DATA

#: How a paper is named in messages, per kind of identifier.
_LABELS = {"arxiv": "arXiv {}", "doi": "DOI {}", "openreview": "OpenReview {}"}


def add_parsers(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help="write a record for a paper from its arXiv id, DOI or OpenReview id",
        description="Write data/papers/<id>.yaml from the paper's own metadata. Give an "
        "identifier (--arxiv, --doi, --openreview) or a link to it; or a title and --url to "
        "start a record by hand.",
    )
    new.add_argument("link", nargs="?", help="a link to the paper (arXiv, doi.org, OpenReview)")
    source = new.add_mutually_exclusive_group()
    source.add_argument("--arxiv", metavar="ID", help="arXiv id, e.g. 2010.02193")
    source.add_argument("--doi", metavar="DOI", help="DOI, e.g. 10.1145/3458817.3476165")
    source.add_argument("--openreview", metavar="ID", help="OpenReview forum id")
    new.add_argument("--url", help="with a title instead of a link: start the record by hand")
    new.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    new.add_argument("--category", help="category id (default: the first category)")
    new.set_defaults(run=_new)


def _new(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.data)
    if args.url:
        if not args.link:
            return _fail("give the paper's title with --url")
        return _by_hand(args, catalogue, args.link, args.url)
    source = _source(args)
    if source is None:
        return _fail(
            "give --arxiv ID, --doi DOI, --openreview ID, or a link to the paper "
            "(arXiv, doi.org or OpenReview); or a title with --url to write the record by hand"
        )
    kind, identifier = source
    label = _LABELS[kind].format(identifier)
    known = catalogue.same_paper(url=page_url(kind, identifier))
    if known is not None:
        return _already(label, known)
    try:
        metadata = FETCHERS[kind](identifier)
    except ServiceError as error:
        return _fail(f"{error}; nothing was written")
    known = catalogue.same_paper(url=metadata.url, title=metadata.title)
    if known is not None:
        return _already(f"{label} ({metadata.title})", known)
    record = _record(metadata, catalogue, args.category)
    path = args.data / "papers" / f"{record['id']}.yaml"
    write_record(path, record)
    where = f"{metadata.venue or SERVICE_NAMES[kind]} {metadata.year or ''}".strip()
    topics = ", ".join(record.get("topics", [])) or "none yet"
    print(
        f"wrote {path}: {metadata.title} ({where}), {len(metadata.authors)} authors. "
        f"Now check its category ({record['category']}) and topics ({topics}), add keywords, "
        "then run: python -m awesome_papers validate"
    )
    return 0


def _source(args: argparse.Namespace) -> tuple[str, str] | None:
    if args.arxiv:
        identifier = arxiv_identifier(args.arxiv)
        return ("arxiv", identifier) if identifier else None
    if args.doi:
        return "doi", identifiers.identifier("doi", args.doi)
    if args.openreview:
        return "openreview", identifiers.identifier("openreview", args.openreview)
    return recognise(args.link) if args.link else None


def _record(metadata: Metadata, catalogue: Catalogue, category: str | None) -> dict[str, Any]:
    paper_id = unique_id(paper_id_for(metadata.title, metadata.url), catalogue.paper_by_id)
    record: dict[str, Any] = {
        "id": paper_id,
        "title": metadata.title,
        "url": metadata.url,
        "authors": metadata.authors,
        "venue": metadata.venue,
        "year": metadata.year,
        "track": metadata.track,
        "category": category or catalogue.categories[0].id,
        "topics": suggested_topics(catalogue, metadata.title),
        "added": date.today().isoformat(),
    }
    return {key: record[key] for key in FIELD_ORDER if record.get(key)}


def suggested_topics(catalogue: Catalogue, title: str) -> list[str]:
    """Up to two topics whose name or gathered keywords the title contains."""
    folded = term_key(title)
    found = []
    for topic in catalogue.topics:
        spellings = [topic.name, *topic.keywords]
        if any(term_key(spelling) and term_key(spelling) in folded for spelling in spellings):
            found.append(topic.id)
    return found[:2]


def _by_hand(args: argparse.Namespace, catalogue: Catalogue, title: str, url: str) -> int:
    known = catalogue.same_paper(url=url, title=title)
    if known is not None:
        return _already(title, known)
    record = {
        "id": unique_id(paper_id_for(title, url), catalogue.paper_by_id),
        "title": title,
        "url": url,
        "authors": ["First Author"],
        "category": args.category or catalogue.categories[0].id,
        "added": date.today().isoformat(),
    }
    path = args.data / "papers" / f"{record['id']}.yaml"
    write_record(path, record)
    print(
        f"wrote {path}: fill in the authors, venue, year, topics and keywords, then run "
        "python -m awesome_papers validate"
    )
    return 0


def _already(label: str, paper: Paper) -> int:
    return _fail(
        f"{label} is already in the list as {paper.id} ({display_path(paper.source)}); "
        "nothing was written"
    )


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1
