"""What a paper page, an author page and an A-Z page of authors show, as plain values.

Templates (``templates/awesome_papers/*.html``, autoescaped) turn these into HTML; nothing
here writes markup. Every link is relative to the page being written, through :class:`Links`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from ..formats.bibtex import bibtex_entry
from ..formats.citation import citation_tags, description
from ..formats.ris import ris_entry
from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.listfile import ListInfo
from ..records.model import Environment, Paper
from ..records.pagekinds import (
    AUTHOR,
    AUTHORS_INDEX,
    CATEGORY,
    ENVIRONMENT,
    KEYWORD,
    LETTER,
    LINK_HEALTH,
    PAPER,
    TOPIC,
    VENUE,
    PageKind,
)
from ..records.people import Author, Roster, letter_key
from ..records.related import Related
from ..records.urls import is_web
from ..records.venues import TRACK_LABELS
from .cards import buttons
from .uris import Links


def _named(links: Links, kind: PageKind, items: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"name": name, "url": links.label(kind.label(key))} for key, name in items]


def author_link(
    links: Links, name: str, slug: str, known: Roster, here: str | None = None
) -> dict[str, Any]:
    """An author's name (as written here) and their page; with one paper, that paper's page,
    unless it is the paper ``here``, the page being written."""
    if not slug or (not known.has_page(slug) and known.first[slug] == here):
        return {"name": name, "url": None}
    if known.has_page(slug):
        return {"name": name, "url": links.label(AUTHOR.label(slug))}
    return {"name": name, "url": links.label(PAPER.label(known.first[slug]))}


def paper_row(links: Links, paper: Paper) -> dict[str, Any]:
    """A paper as one line of a list: its page, names and venue."""
    return {
        "id": paper.id,
        "url": links.label(PAPER.label(paper.id)),
        "short": paper.short_name,
        "title": paper.title,
        "authors": ", ".join(paper.authors[:3]) + (" et al." if len(paper.authors) > 3 else ""),
        "venue": paper.venue_label,
    }


def paper_view(
    paper: Paper,
    catalogue: Catalogue,
    links: Links,
    *,
    related: Sequence[Related],
    known: Roster,
    info: ListInfo | None,
    source: str | None,
) -> dict[str, Any]:
    """Everything a paper's page shows; ``source`` is the record's path in the repository."""
    venue = None
    if paper.venue_label:
        venue = {
            "name": paper.venue_label,
            "url": links.label(VENUE.label(slugify(paper.venue_label))),
        }
    return {
        "paper": paper,
        "kind": None if paper.kind in (None, "paper") else str(paper.kind).title(),
        "authors": [
            author_link(links, name, known.slug_of[name], known, here=paper.id)
            for name in paper.authors
        ],
        "venue": venue,
        "track": TRACK_LABELS[paper.track] if paper.track else None,
        "topics": _named(links, TOPIC, [(t.id, t.name) for t in catalogue.topics_of(paper)]),
        "keywords": _named(links, KEYWORD, [(slugify(k), k) for k in paper.keywords]),
        "environments": _environments(links, catalogue.environments_of(paper)),
        "methods": _methods(links, paper.methods),
        "buttons": buttons(paper),
        "also_in": [
            {"name": name, "url": url}
            for name, url in catalogue.also_in.get(paper.id, ())
            if is_web(url)
        ],
        "dead": bool(catalogue.dead_links.get(paper.id)),
        "health": links.label(LINK_HEALTH),
        "card": links.label(CATEGORY.label(paper.category)),
        "category": catalogue.category_by_id[paper.category].title,
        **_cite(paper),
        "related": [
            {**paper_row(links, item.paper), "shared": ", ".join(item.shared[:4])}
            for item in related
        ],
        "edit": _edit_url(info, source),
        "report": _report_url(info, paper, source),
        "meta": [(name, value) for name, value in citation_tags(paper) if value],
        "description": description(paper),
        "site": info.title if info else "",
    }


def field_query(field: str, value: str) -> str | None:
    """A search query for ``value`` in ``field`` (quoted when it has spaces); None for a value
    the query language cannot hold (a double quote inside it)."""
    if '"' in value:
        return None
    return f'{field}:"{value}"' if any(c.isspace() for c in value) else f"{field}:{value}"


def _methods(links: Links, methods: Sequence[str]) -> list[dict[str, Any]]:
    """Each method, linked to the search for the papers that use it."""
    queries = [field_query("method", method) for method in methods]
    return [
        {"name": method, "url": links.search(query) if query else None}
        for method, query in zip(methods, queries, strict=True)
    ]


def _environments(links: Links, environments: Sequence[Environment]) -> list[dict[str, Any]]:
    """The environments' pages, each with its own site when it has one."""
    named = _named(links, ENVIRONMENT, [(e.id, e.name) for e in environments])
    return [
        {**item, "site": env.url if is_web(env.url) else None}
        for item, env in zip(named, environments, strict=True)
    ]


def _cite(paper: Paper) -> dict[str, str | None]:
    """BibTeX (a scholarly record's only) and RIS, as text and as files to download."""
    bibtex, ris = bibtex_entry(paper) if paper.is_scholarly else None, ris_entry(paper)
    return {
        "bibtex": bibtex,
        "ris": ris,
        "bib_file": _data_url("application/x-bibtex", bibtex or ""),
        "ris_file": _data_url("application/x-research-info-systems", ris),
    }


def _data_url(media_type: str, text: str) -> str:
    """The file a Download button saves, in the page itself: one file fewer per paper to
    write and to serve (writing 20,000 of them was a seventh of a build at 10,000 papers)."""
    return f"data:{media_type};charset=utf-8,{quote(text, safe='')}"


def _edit_url(info: ListInfo | None, source: str | None) -> str | None:
    if info is None or not info.repository or not source:
        return None
    return f"{info.repository.rstrip('/')}/blob/main/{source}"


def _report_url(info: ListInfo | None, paper: Paper, source: str | None) -> str | None:
    if info is None or not info.repository:
        return None
    query = urlencode(
        {
            "title": f"Record {paper.id}: ",
            "body": f"Paper: {paper.title}\nRecord: {source or paper.id}\n\n"
            "What is wrong, and where the right fact can be checked:\n",
        }
    )
    return f"{info.repository.rstrip('/')}/issues/new?{query}"


def author_view(author: Author, known: Roster, links: Links) -> dict[str, Any]:
    """An author's page: their papers and co-authors with counts."""
    return {
        "author": author,
        "papers": [paper_row(links, paper) for paper in author.papers],
        "coauthors": [
            {**author_link(links, known.names[slug], slug, known), "count": count}
            for slug, count in author.coauthors
        ],
        "index": links.label(LETTER.label(letter_key(author.letter))),
        "description": f"{len(author.papers)} papers by {author.name} in this list, "
        "with co-authors.",
    }


def letter_view(
    letter: str, group: Sequence[str], letters: dict[str, int], known: Roster, links: Links
) -> dict[str, Any]:
    """One letter of the A-Z author index, with links to every other letter."""
    return {
        "letter": letter,
        "letters": [
            {"letter": other, "count": count, "url": links.label(LETTER.label(letter_key(other)))}
            for other, count in letters.items()
        ],
        "index": links.label(AUTHORS_INDEX),
        "authors": [
            {**author_link(links, known.names[slug], slug, known), "count": known.counts[slug]}
            for slug in group
        ],
        "description": f"Authors of this list filed under {letter}, with their papers.",
    }


def record_path(paper: Paper, data_dir: Path) -> str | None:
    """The record's path from the repository's root (the data folder's parent)."""
    try:
        return Path(paper.source).resolve().relative_to(data_dir.parent).as_posix()
    except ValueError:
        return None
