"""The whole list as JSON, BibTeX, CSV and an Atom feed of recent additions."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from ..records.catalogue import Catalogue
from ..records.model import Paper
from .bibtex import bibtex_entry

SCHEMA_VERSION = 1
FORMATS = ("json", "bib", "csv")
FILES = {"json": "papers.json", "bib": "papers.bib", "csv": "papers.csv"}
FEED = "feed.xml"
#: The compact index the All papers page draws its rows and facets from.
FACET_INDEX = "papers-index.json"
#: What the home page links to, with the names readers know them by.
DOWNLOADS = (
    ("JSON", FILES["json"]),
    ("BibTeX", FILES["bib"]),
    ("CSV", FILES["csv"]),
    ("Atom feed", FEED),
)
_CSV_FIELDS = (
    "id",
    "title",
    "short_name",
    "url",
    "authors",
    "venue",
    "year",
    "track",
    "category",
    "keywords",
    "environments",
    "settings",
    "highlight",
    "added",
)


def export(catalogue: Catalogue, fmt: str) -> str:
    """The catalogue as ``fmt`` (one of :data:`FORMATS`); deterministic for the same data."""
    if fmt == "json":
        return _json(catalogue)
    if fmt == "bib":
        return "\n".join(bibtex_entry(paper) for paper in catalogue.papers)
    if fmt == "csv":
        return _csv(catalogue)
    raise ValueError(f"unknown export format {fmt!r}")


def _json(catalogue: Catalogue) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "categories": [vars(c) for c in catalogue.categories],
        "environments": [{**vars(e), "aliases": list(e.aliases)} for e in catalogue.environments],
        "keywords": [
            {"name": k.name, "slug": k.slug, "aliases": list(k.aliases)} for k in catalogue.keywords
        ],
        "papers": [paper.to_record() for paper in catalogue.papers],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _csv(catalogue: Catalogue) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_FIELDS)
    for paper in catalogue.papers:
        row = []
        for name in _CSV_FIELDS:
            value = getattr(paper, name)
            text = (
                "; ".join(value)
                if isinstance(value, tuple)
                else ("" if value is None else str(value))
            )
            # A leading =, +, - or @ would run as a formula in a spreadsheet.
            row.append("'" + text if text[:1] in {"=", "+", "-", "@"} else text)
        writer.writerow(row)
    return out.getvalue()


def facet_index(catalogue: Catalogue, url_of: Callable[[Paper], str]) -> str:
    """Every paper in a few short keys, with topics and environments as indexes into shared
    tables: what the All papers page needs for rows, facets and its query box, and no more."""
    topics = {topic.id: index for index, topic in enumerate(catalogue.topics)}
    environments = {env.id: index for index, env in enumerate(catalogue.environments)}
    rows = []
    for paper in catalogue.papers:
        row: dict[str, object] = {
            "i": paper.id,
            "u": url_of(paper),
            "t": paper.title,
            "au": list(paper.authors),
        }
        optional: dict[str, object] = {
            "s": paper.short_name,
            "v": paper.venue,
            "y": paper.year,
            "k": paper.track,
            "a": paper.added,
            "tp": [topics[t] for t in paper.topics if t in topics],
            "e": [environments[e] for e in paper.environments],
            "kw": list(paper.keywords),
        }
        row.update((key, value) for key, value in optional.items() if value)
        rows.append(row)
    document = {
        "topics": [[t.id, t.name] for t in catalogue.topics],
        "environments": [[e.id, e.name] for e in catalogue.environments],
        "papers": rows,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


#: The folder of the feeds per topic and per venue, beside ``FEED``.
FEEDS_DIR = "feeds"


def feed_path(kind: str, value: str) -> str:
    """Where the feed of one topic or venue is, from the root of the site."""
    return f"{FEEDS_DIR}/{kind}-{value}.xml"


@dataclass(frozen=True)
class Feed:
    """One Atom feed: its papers, what they are, and where the feed and its page are."""

    papers: Sequence[Paper]
    title: str
    page: str  # the page the feed follows, an absolute URL
    path: str  # the feed's path from the root of the site


def atom_feed(feed: Feed, base_url: str, url_of: Callable[[Paper], str], size: int = 30) -> str:
    """The ``size`` most recently added papers of ``feed``, linking their pages; ``url_of``
    gives a paper's page relative to the root of the site."""
    dated = sorted(
        (p for p in feed.papers if p.added), key=lambda p: (p.added or "", p.id), reverse=True
    )
    recent = dated[:size]
    updated = f"{recent[0].added}T00:00:00Z" if recent else "1970-01-01T00:00:00Z"
    base = base_url.rstrip("/") + "/"
    entries = "".join(_atom_entry(paper, base + url_of(paper)) for paper in recent)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{xml_escape(_clean(feed.title))}</title>\n"
        f'  <link href="{xml_escape(feed.page)}" />\n'
        f'  <link rel="self" href="{xml_escape(base + feed.path)}" />\n'
        f"  <id>{xml_escape(base + feed.path)}</id>\n"
        f"  <updated>{updated}</updated>\n"
        f"{entries}</feed>\n"
    )


def _atom_entry(paper: Paper, link: str) -> str:
    authors = "".join(
        f"    <author><name>{xml_escape(_clean(a))}</name></author>\n" for a in paper.authors[:10]
    )
    summary = ", ".join(filter(None, [paper.venue_label, ", ".join(paper.keywords)]))
    return (
        "  <entry>\n"
        f"    <title>{xml_escape(_clean(paper.title))}</title>\n"
        f'    <link href="{xml_escape(link)}" />\n'
        f'    <link rel="related" href="{xml_escape(paper.url)}" />\n'
        f"    <id>{xml_escape(link)}</id>\n"
        f"    <updated>{paper.added}T00:00:00Z</updated>\n"
        f"{authors}"
        f"    <summary>{xml_escape(_clean(summary))}</summary>\n"
        "  </entry>\n"
    )


#: The control characters XML 1.0 forbids (all below U+0020 but tab, line feed and return).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    """Text without the control characters XML 1.0 forbids (a regular expression: a
    character at a time, the feeds took a tenth of one edit's rebuild at 1,000 papers)."""
    return _FORBIDDEN.sub("", text)
