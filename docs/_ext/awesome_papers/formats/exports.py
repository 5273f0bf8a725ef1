"""The whole list as JSON, BibTeX, CSV and an Atom feed of recent additions."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin
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
#: The folder of the files the rest of it is cut into.
INDEX_DIR = "papers-index"
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
    "methods",
    "environments",
    "settings",
    "highlight",
    "added",
)


#: Each export's text of each paper, by the paper's digest (``Catalogue.paper_digests``):
#: given the last build's, a rebuild after one edit makes one paper's pieces, not all. The
#: build keeps beside them what each feed and data file was last written from.
Memo = dict[str, dict[str, str]]


def export(catalogue: Catalogue, fmt: str, memo: Memo | None = None) -> str:
    """The catalogue as ``fmt`` (one of :data:`FORMATS`); deterministic for the same data.

    ``memo`` holds the pieces of a previous call for the same vocabularies, and is updated."""
    if fmt == "json":
        return _json(catalogue, _pieces(catalogue, fmt, _json_piece, memo))
    if fmt == "bib":
        return "\n".join(_pieces(catalogue, fmt, bibtex_entry, memo))
    if fmt == "csv":
        return _csv_row(_CSV_FIELDS) + "".join(_pieces(catalogue, fmt, _csv_piece, memo))
    raise ValueError(f"unknown export format {fmt!r}")


def _pieces(
    catalogue: Catalogue, name: str, make: Callable[[Paper], str], memo: Memo | None
) -> list[str]:
    """``make(paper)`` for every paper, from ``memo[name]`` where it has the paper's digest."""
    if memo is None:
        return [make(paper) for paper in catalogue.papers]
    digests, old = catalogue.paper_digests, memo.get(name, {})
    new = {}
    for paper in catalogue.papers:
        digest = digests[paper.id]
        new[digest] = old[digest] if digest in old else make(paper)
    memo[name] = new
    return list(new.values())


def _json(catalogue: Catalogue, papers: list[str]) -> str:
    """The document, with each paper's piece (:func:`_json_piece`) in its ``papers``: the
    same text as ``json.dumps`` of the whole with an indent of 2."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "categories": [vars(c) for c in catalogue.categories],
        "environments": [{**vars(e), "aliases": list(e.aliases)} for e in catalogue.environments],
        "keywords": [
            {"name": k.name, "slug": k.slug, "aliases": list(k.aliases)} for k in catalogue.keywords
        ],
        "papers": [],
    }
    head = json.dumps(document, ensure_ascii=False, indent=2).removesuffix("[]\n}")
    if not papers:
        return f"{head}[]\n}}\n"
    return head + "[\n" + ",\n".join(papers) + "\n  ]\n}\n"


def _json_piece(paper: Paper) -> str:
    """One paper of the JSON export, indented as it stands in the document's list."""
    text = json.dumps(paper.to_record(), ensure_ascii=False, indent=2)
    return "    " + text.replace("\n", "\n    ")


def _csv_piece(paper: Paper) -> str:
    """One paper's row of the CSV export."""
    row = []
    for name in _CSV_FIELDS:
        value = getattr(paper, name)
        text = (
            "; ".join(value) if isinstance(value, tuple) else ("" if value is None else str(value))
        )
        # A leading =, +, - or @ would run as a formula in a spreadsheet.
        row.append("'" + text if text[:1] in {"=", "+", "-", "@"} else text)
    return _csv_row(row)


def _csv_row(values: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def index_rows(
    catalogue: Catalogue, url_of: Callable[[Paper], str], memo: Memo | None = None
) -> dict[str, str]:
    """Each paper in a few short keys, by id, with topics and environments as indexes into
    the shared tables of :func:`index_head`: what rows, facets and a query box need."""
    topics = {topic.id: index for index, topic in enumerate(catalogue.topics)}
    environments = {env.id: index for index, env in enumerate(catalogue.environments)}

    def row_of(paper: Paper) -> str:
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
            "m": list(paper.methods),
            "c": int(paper.has_code),
        }
        row.update((key, value) for key, value in optional.items() if value)
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    pieces = _pieces(catalogue, "index", row_of, memo)
    return {paper.id: row for paper, row in zip(catalogue.papers, pieces, strict=True)}


def index_head(catalogue: Catalogue) -> str:
    """The tables that rows number topics and environments by, as an unclosed object."""
    document = {
        "topics": [[t.id, t.name] for t in catalogue.topics],
        "environments": [[e.id, e.name] for e in catalogue.environments],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))[:-1]


#: Rows in the index file itself (the All papers page draws them at once) and in each of the
#: files the rest is cut into, fetched after them (``papers-index/<n>.json``).
INDEX_CHUNK = 500


def facet_index(catalogue: Catalogue, rows: dict[str, str]) -> dict[str, str]:
    """``{path: text}``: the All papers index, with its first :data:`INDEX_CHUNK` rows and
    the names of the files holding the rest, and those files."""
    ordered = [rows[paper.id] for paper in catalogue.papers]
    chunks = [ordered[at : at + INDEX_CHUNK] for at in range(0, len(ordered), INDEX_CHUNK)]
    rest = {f"{INDEX_DIR}/{n}.json": part for n, part in enumerate(chunks[1:], 1)}
    head = f'{index_head(catalogue)},"total":{len(ordered)},"rest":{json.dumps(list(rest))}'
    files = {FACET_INDEX: f'{head},"papers":[{",".join(chunks[0] if chunks else [])}]}}\n'}
    files.update((path, f"[{','.join(part)}]\n") for path, part in rest.items())
    return files


def listing_index(catalogue: Catalogue, rows: dict[str, str], papers: Sequence[Paper]) -> str:
    """The rows of one listing's papers, in its order, for its facets and query box."""
    return f'{index_head(catalogue)},"papers":[{",".join(rows[p.id] for p in papers)}]}}\n'


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


#: How many papers a feed gives, the most recently added.
FEED_SIZE = 30


def recent_papers(feed: Feed) -> list[Paper]:
    """The papers a feed gives: its ``FEED_SIZE`` most recently added."""
    dated = sorted(
        (p for p in feed.papers if p.added), key=lambda p: (p.added or "", p.id), reverse=True
    )
    return dated[:FEED_SIZE]


def atom_feed(feed: Feed, base_url: str, url_of: Callable[[Paper], str]) -> str:
    """The most recently added papers of ``feed``, linking their pages; ``url_of`` gives a
    paper's page relative to the root of the site, or another address in full."""
    recent = recent_papers(feed)
    updated = f"{recent[0].added}T00:00:00Z" if recent else "1970-01-01T00:00:00Z"
    base = base_url.rstrip("/") + "/"
    entries = "".join(_atom_entry(paper, urljoin(base, url_of(paper))) for paper in recent)
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
