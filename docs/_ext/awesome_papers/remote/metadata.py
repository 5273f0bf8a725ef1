"""A paper's metadata from arXiv, Crossref (DOIs) or OpenReview, as the fields of a record."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..records.identifiers import identifier, page_url
from ..records.venues import venue_in
from .http import ServiceError, base_url, get, get_json, reading

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"


@dataclass
class Metadata:
    """What a service says of a paper: enough for a record but its category and topics."""

    title: str
    url: str
    authors: list[str]
    year: int | None
    venue: str | None = None
    track: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def from_arxiv(identifier: str) -> Metadata:
    response = get("arXiv", base_url("arXiv"), {"id_list": identifier, "max_results": "1"})
    try:
        feed = ET.fromstring(response.text)
    except ET.ParseError:
        raise ServiceError("arXiv answered something that is not an Atom feed") from None
    entry = feed.find(f"{_ATOM}entry")
    title = entry.findtext(f"{_ATOM}title") if entry is not None else None
    if entry is None or not title or entry.findtext(f"{_ATOM}id", "").endswith("api/errors"):
        raise ServiceError(f"arXiv knows no paper {identifier}")
    authors = [
        " ".join(name.split())
        for author in entry.findall(f"{_ATOM}author")
        if (name := author.findtext(f"{_ATOM}name"))
    ]
    published = entry.findtext(f"{_ATOM}published", "")
    metadata = Metadata(
        title=" ".join(title.split()),
        url=page_url("arxiv", identifier),
        authors=authors,
        year=int(published[:4]) if published[:4].isdigit() else None,
        venue="arXiv",
    )
    reference = entry.findtext(f"{_ARXIV}journal_ref")
    if reference:
        _apply_venue(metadata, reference)
    return metadata


def from_doi(doi: str) -> Metadata:
    doi = identifier("doi", doi)
    work = get_json("Crossref", base_url("Crossref") + doi).get("message", {})
    titles = work.get("title") or []
    if not titles:
        raise ServiceError(f"Crossref has no title for DOI {doi}")
    authors = [
        " ".join(filter(None, [person.get("given"), person.get("family")]))
        or person.get("name", "")
        for person in work.get("author", [])
    ]
    parts = (work.get("published") or work.get("issued") or {}).get("date-parts") or [[None]]
    venue = (work.get("short-container-title") or work.get("container-title") or [None])[0]
    return Metadata(
        title=" ".join(titles[0].split()),
        url=page_url("doi", doi),
        authors=[name for name in authors if name],
        year=parts[0][0] if parts and parts[0] else None,
        venue=venue,
    )


def from_openreview(forum: str) -> Metadata:
    forum = identifier("openreview", forum)
    notes = get_json("OpenReview", base_url("OpenReview"), {"id": forum}).get("notes") or []
    if not notes:
        raise ServiceError(f"OpenReview knows no paper {forum}")
    content = notes[0].get("content", {})

    def value(name: str) -> Any:
        item = content.get(name)
        return item.get("value") if isinstance(item, dict) else item

    timestamp = notes[0].get("pdate") or notes[0].get("cdate")
    metadata = Metadata(
        title=" ".join(str(value("title") or "").split()),
        url=page_url("openreview", forum),
        authors=[str(name) for name in value("authors") or []],
        year=datetime.fromtimestamp(timestamp / 1000, UTC).year if timestamp else None,
    )
    if not metadata.title:
        raise ServiceError(f"OpenReview has no title for {forum}")
    if value("venue"):
        _apply_venue(metadata, str(value("venue")))
    return metadata


def _apply_venue(metadata: Metadata, text: str) -> None:
    """Venue, year and track from a line such as "ICLR 2024 poster" or "ICML 2023"."""
    if found := venue_in(text):
        metadata.venue, metadata.year, metadata.track = found


def _read(service: str, fetch: Callable[[str], Metadata]) -> Callable[[str], Metadata]:
    """``fetch``, whose answer must be of the shape a record takes, or one ServiceError."""

    def read(identifier: str) -> Metadata:
        with reading(service, identifier):
            metadata = fetch(identifier)
            if not (
                isinstance(metadata.title, str)
                and all(isinstance(name, str) for name in metadata.authors)
                and isinstance(metadata.venue, str | None)
            ):
                raise TypeError(metadata)
            if not isinstance(metadata.year, int) or not 1000 <= metadata.year <= 9999:
                metadata.year = None  # a date a record cannot hold is no date
            return metadata

    return read


SERVICE_NAMES = {"arxiv": "arXiv", "doi": "Crossref", "openreview": "OpenReview"}
FETCHERS = {
    kind: _read(SERVICE_NAMES[kind], fetch)
    for kind, fetch in (("arxiv", from_arxiv), ("doi", from_doi), ("openreview", from_openreview))
}
