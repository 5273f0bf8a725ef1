"""The paper search index: one document per paper, ranked when the site is built.

Sphinx's own index ranks whole pages: a query for "world model" found six pages and no
paper. This index knows papers. Every word of a paper is stemmed as Sphinx's search stems
it (the browser stems the query with the same ``Stemmer`` of ``language_data.js``) and
scored once, here: short name first, then title, authors, topics and keywords, the rest. The
fields of the query language (``author:``, ``venue:``, ``year:``, ``topic:``, ``env:``,
``keyword:``, ``method:``) are terms too, under a prefix, so a query is one lookup per word. So are the
parts of compound names, pairs of neighbouring words and the whole names a paper is filed
under (:mod:`.searchterms` says which), by which the browser ranks in tiers; and the manifest
names a file of what a query that finds few papers is offered (:mod:`.searchhelp`).

Papers are numbered newest first, and each term lists its papers by number with their
scores. The terms are cut into chunks the browser fetches on demand, and the papers' text
into blocks of :data:`BLOCK`; so the first result of a query that matches half of 10,000
papers costs a manifest, one chunk and one block, and no ranking code to download or start.
See ``benchmarks/README.md`` for the figures that chose this over Pagefind.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from ..atomic import read_text_or_none, write_text
from ..records.cache import code_version
from ..records.catalogue import Catalogue
from ..records.loader import cyclic_gc_paused
from ..records.model import Paper
from .searchhelp import entries, suggestions
from .searchterms import (
    FIELD_PREFIXES,
    NAME,
    facet_values,
    field_terms,
    fold,
    name_term,
    names,
    searchable_fields,
    weigh,
)

#: Where the index goes, beside the HTML pages.
BUNDLE = "paper-search"
MANIFEST = "index.json"
#: Papers per block of text; terms' postings per chunk (a term with more has its own).
BLOCK = 32
CHUNK_POSTINGS = 3000
_SATURATION = 12.0


def _newest_first(papers: Iterable[Paper]) -> list[Paper]:
    """Numbering order: a tie in score shows the newer paper first."""
    return sorted(papers, key=lambda p: (-(p.year or 0), fold(p.title), p.id))


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _deltas(numbers: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *numbers], numbers, strict=False)]


class _Files:
    """The bundle's files by content-hashed name, so that a browser caches them for good."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def add(self, folder: str, value: object) -> str:
        text = _dump(value)
        name = f"{folder}/{hashlib.sha1(text.encode()).hexdigest()[:12]}.json"
        self.files[name] = text
        return name


#: Where a page of the vocabulary is, by its label (``topic-world-models``), from the root.
PageOf = Callable[[str], str | None]


def build_index(
    catalogue: Catalogue,
    url_of: Callable[[Paper], str],
    stem: Callable[[str], str],
    page_of: PageOf = lambda label: None,
) -> dict[str, str]:
    """Every file of the bundle, by its path inside it."""
    with cyclic_gc_paused():  # hundreds of thousands of acyclic lists
        return _build_index(catalogue, url_of, stem, page_of)


def _build_index(
    catalogue: Catalogue,
    url_of: Callable[[Paper], str],
    stem: Callable[[str], str],
    page_of: PageOf,
) -> dict[str, str]:
    papers = _newest_first(catalogue.papers)
    stem = functools.cache(stem)  # a list repeats its words: stem each once
    weighted: dict[str, tuple[list[int], list[float]]] = {}
    aliases: dict[str, str] = {}  # a word whose stem differs: "walking" -> "walk"
    filters: dict[str, list[int]] = defaultdict(list)
    facets: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    files = _Files()
    blocks, block = [], []
    for number, paper in enumerate(papers):
        fields = searchable_fields(paper, catalogue)
        found = weigh(fields, stem, aliases)
        for term, weight in found.items():  # numbers grow: each list stays sorted
            entry = weighted.setdefault(term, ([], []))
            entry[0].append(number)
            entry[1].append(weight)
        exact = field_terms(paper, catalogue) | {
            name_term(n, stem) for n in names(paper, catalogue)
        }
        for term in exact:  # the chunks sort the terms
            filters[term].append(number)
        for facet, values in facet_values(paper, catalogue).items():
            for value in values:
                facets[facet][value].append(number)
        block.append(_result(paper, fields, url_of(paper)))
        if len(block) == BLOCK or number == len(papers) - 1:
            blocks.append(files.add("b", block))
            block = []
    postings = _postings(weighted, filters, len(papers))
    # A half-typed word is a prefix of the words, not of their stems ("walki" of "walking",
    # stemmed "walk"): each such word names its stem, where a prefix lookup goes on.
    terms: dict[str, list[list[int]] | str] = {
        **{word: target for word, target in aliases.items() if word not in postings},
        **postings,
    }
    chunks = _chunks(terms, files)
    facet_file = files.add(
        "f", {facet: {v: _deltas(n) for v, n in values.items()} for facet, values in facets.items()}
    )
    manifest = {
        "version": 1,
        "papers": len(papers),
        "block": BLOCK,
        "blocks": blocks,
        "chunks": chunks,
        "facets": facet_file,
        "fields": FIELD_PREFIXES,
        "suggest": files.add("s", suggestions(catalogue, page_of)),
        # The whole names papers are filed under, that the browser looks up only those
        # a query spells: most queries then fetch no chunk of names at all.
        "names": sorted(term.removeprefix(NAME) for term in filters if term.startswith(NAME)),
    }
    return {MANIFEST: _dump(manifest), **files.files}


def _result(paper: Paper, fields: dict[str, str], url: str) -> list[str]:
    """A paper as a search result: where it is, what it shows, and where its snippet is."""
    authors = ", ".join(paper.authors[:6]) + (" et al." if len(paper.authors) > 6 else "")
    title = f"{paper.short_name}: {paper.title}" if paper.short_name else paper.title
    return [
        url,
        title,
        authors,
        paper.venue_label or "",
        # What a result shows above its snippet, and the rest, where the snippet is.
        " · ".join(fields[f] for f in ("name", "title", "authors") if fields[f]),
        " · ".join(fields[f] for f in ("subjects", "other") if fields[f]),
    ]


def _postings(
    weighted: dict[str, tuple[list[int], list[float]]],
    filters: dict[str, list[int]],
    papers: int,
) -> dict[str, list[list[int]]]:
    """Each term's papers as gaps, with BM25-like scores for the weighted words (a field
    term only filters)."""
    postings: dict[str, list[list[int]]] = {}
    for term, (numbers, weights) in weighted.items():
        idf = math.log(1 + (papers - len(numbers) + 0.5) / (len(numbers) + 0.5))
        scale = 100 * idf * (_SATURATION + 1)
        scores = [max(1, round(scale * w / (w + _SATURATION))) for w in weights]
        postings[term] = [_deltas(numbers), scores]
    for term, numbers in filters.items():
        postings[term] = [_deltas(numbers)]
    return postings


def _chunks(terms: dict[str, list[list[int]] | str], files: _Files) -> list[list[str]]:
    """Terms in order, cut into files of about :data:`CHUNK_POSTINGS` postings each:
    ``[first term, last term, file]`` per chunk."""
    chunks = []
    pending: dict[str, list[list[int]] | str] = {}
    size = 0
    for term in sorted(terms):
        value = pending[term] = terms[term]
        size += 1 if isinstance(value, str) else len(value[0])
        if size >= CHUNK_POSTINGS:
            chunks.append([min(pending), max(pending), files.add("t", pending)])
            pending, size = {}, 0
    if pending:
        chunks.append([min(pending), max(pending), files.add("t", pending)])
    return chunks


def write_search_index(
    catalogue: Catalogue,
    outdir: Path,
    stamp_file: Path,
    url_of: Callable[[Paper], str],
    stem: Callable[[str], str],
    page_of: PageOf = lambda label: None,
) -> None:
    """Write the bundle into ``outdir``, unless the papers and this code are unchanged.

    Files whose content is unchanged keep their name and are not written again; files no
    longer named by the manifest are removed once the new manifest is in place.
    """
    sample = url_of(catalogue.papers[0]) if catalogue.papers else ""
    probe = stem("searching")
    pages = [page_of(label) for _, label, _, _ in entries(catalogue)]
    digest = hashlib.sha1(
        repr((catalogue.digest, sample, probe, pages, code_version())).encode()
    ).hexdigest()
    bundle = outdir / BUNDLE
    if (bundle / MANIFEST).is_file() and read_text_or_none(stamp_file) == digest:
        return
    files = build_index(catalogue, url_of, stem, page_of)
    for name, text in files.items():
        if name != MANIFEST and not (bundle / name).is_file():
            write_text(bundle / name, text)
    write_text(bundle / MANIFEST, files[MANIFEST])
    for path in sorted(bundle.rglob("*.json")):
        if path.relative_to(bundle).as_posix() not in files:
            path.unlink()
    write_text(stamp_file, digest)
