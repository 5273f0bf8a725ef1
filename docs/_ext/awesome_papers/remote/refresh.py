"""Preprints that have since been published: venue, year and link from Semantic Scholar."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..records.catalogue import Catalogue
from ..records.checks import display_path
from ..records.identifiers import arxiv_id
from ..records.model import Paper
from ..records.venues import short_venue
from .http import ServiceError, base_url, get_json, reading


@dataclass
class Proposal:
    """What the record of one preprint should now say, and the text diff that says it."""

    paper: Paper
    venue: str
    year: int | None
    url: str | None
    diff: list[str]
    new_text: str


def published_version(identifier: str) -> tuple[str, int | None, str | None] | None:
    """(short venue, year, DOI link) of a published arXiv paper, or None if still a preprint."""
    found = get_json(
        "Semantic Scholar",
        f"{base_url('Semantic Scholar')}arXiv:{identifier}",
        {"fields": "venue,year,publicationVenue,externalIds,journal"},
    )
    with reading("Semantic Scholar", f"arXiv {identifier}"):
        venue = (found.get("publicationVenue") or {}).get("name") or found.get("venue") or ""
        if not venue or venue.lower() in {"arxiv", "arxiv.org"}:
            return None
        short = short_venue(venue)
        doi = (found.get("externalIds") or {}).get("DOI")
        if doi and doi.lower().startswith("10.48550/arxiv"):
            doi = None  # arXiv's own DOI is no publication
        year = found.get("year")
        if not isinstance(year, int | None) or (doi is not None and not isinstance(doi, str)):
            raise TypeError(found)
        return short, year, f"https://doi.org/{doi}" if doi else None


def propose(catalogue: Catalogue) -> tuple[list[Proposal], list[str]]:
    """A proposal for each arXiv-only record that has been published, and what failed."""
    proposals, failures = [], []
    for paper in catalogue.papers:
        identifier = arxiv_id(paper.url)
        if (paper.venue or "").lower() != "arxiv" or identifier is None:
            continue
        try:
            found = published_version(identifier)
        except ServiceError as error:
            failures.append(f"{paper.id}: {error}")
            continue
        if found is not None:
            proposals.append(_proposal(paper, *found))
    return proposals, failures


def _proposal(paper: Paper, venue: str, year: int | None, url: str | None) -> Proposal:
    """Edit the record's YAML in place: comments, field order and the rest stay as they are."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10_000
    old_text = Path(paper.source).read_text("utf-8")
    shown = display_path(paper.source)
    record: Any = yaml.load(old_text)
    record["venue"] = venue
    if year:
        record["year"] = year
    if url:
        links = record.get("links") or []
        if not any(link.get("url") == paper.url for link in links):
            links.append({"kind": "preprint", "url": paper.url})
        record["links"] = links
        record["url"] = url
    out = io.StringIO()
    yaml.dump(record, out)
    new_text = out.getvalue()
    diff = list(
        difflib.unified_diff(
            old_text.splitlines(), new_text.splitlines(), shown, shown, lineterm=""
        )
    )
    return Proposal(paper, venue, year, url, diff, new_text)
