"""A Pagefind index with one record per paper, so that search answers with papers.

Sphinx's own index ranks whole pages: a query for "world model" found six pages and no
paper. Each paper becomes a small HTML document for Pagefind, whose elements carry weights
(title first, then authors, then topics and keywords) and whose filters answer the query
language's fields (``author:``, ``venue:``, ``year:``, ``topic:``, ``env:``). Pagefind splits
its index into chunks that the browser loads on demand, so a list of 10,000 papers stays light.
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from ..atomic import read_text_or_none, write_text
from ..records.cache import code_version
from ..records.catalogue import Catalogue
from ..records.model import TRACK_LABELS, Paper

#: Where the bundle goes, beside the HTML pages.
BUNDLE = "pagefind"
_WEIGHTS = {"title": 10.0, "authors": 5.0, "subjects": 3.0}


def paper_filters(paper: Paper, catalogue: Catalogue) -> dict[str, list[str]]:
    """The values facets show and field queries resolve against, as readers know them: the
    browser matches ``author:levine`` or ``topic:world-models`` to these names."""
    topics = [catalogue.topic_by_id[t] for t in paper.topics if t in catalogue.topic_by_id]
    filters = {
        "author": list(paper.authors),
        "venue": [paper.venue] if paper.venue else [],
        "year": [str(paper.year)] if paper.year else [],
        "topic": [t.name for t in topics],
        "env": [catalogue.environment_by_id[e].name for e in paper.environments],
        "keyword": list(paper.keywords),
    }
    return {name: sorted(set(values)) for name, values in filters.items() if values}


def paper_document(paper: Paper, catalogue: Catalogue, url: str) -> str:
    """The HTML Pagefind reads for one paper: what it shows, how much each part weighs, and
    (as metadata) the ``url`` of its card."""
    topics = [catalogue.topic_by_id[t].name for t in paper.topics if t in catalogue.topic_by_id]
    environments = [catalogue.environment_by_id[e].name for e in paper.environments]
    venue = " ".join(
        part
        for part in (paper.venue_label, TRACK_LABELS.get(paper.track or ""), paper.venue_note)
        if part
    )
    title = f"{paper.short_name}: {paper.title}" if paper.short_name else paper.title
    parts = [
        f'<h1 data-pagefind-weight="{_WEIGHTS["title"]}">{escape(title)}</h1>',
        f'<p data-pagefind-weight="{_WEIGHTS["authors"]}">{escape(", ".join(paper.authors))}</p>',
        f'<p data-pagefind-weight="{_WEIGHTS["subjects"]}">'
        f"{escape(' · '.join([*topics, *paper.keywords]))}</p>",
        f"<p>{escape(venue)}</p>",
        f"<p>{escape(' · '.join([*environments, *paper.settings]))}</p>",
    ]
    if paper.note:
        parts.append(f"<p>{escape(paper.note)}</p>")
    meta = {
        "url": url,
        "title": title,
        "authors": ", ".join(paper.authors[:6]) + (" et al." if len(paper.authors) > 6 else ""),
        "venue": paper.venue_label or "",
        "year": str(paper.year or ""),
    }
    hidden = "".join(
        f'<span data-pagefind-meta="{escape(key)}:{escape(value)}"></span>'
        for key, value in meta.items()
        if value
    )
    hidden += "".join(
        f'<span data-pagefind-filter="{escape(name)}:{escape(value)}"></span>'
        for name, values in paper_filters(paper, catalogue).items()
        for value in values
    )
    hidden += f'<span data-pagefind-sort="year:{paper.year or 0}"></span>'
    return (
        f'<html lang="en"><body><main data-pagefind-body>{"".join(parts)}'
        f"<div hidden>{hidden}</div></main></body></html>"
    )


async def _index(documents: Path, outdir: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector="main", force_language="en", write_playground=False)
    async with PagefindIndex(config=config) as index:
        # One request for the whole folder: the Python client waits 0.1 s for each answer.
        await index.add_directory(str(documents))
        await index.write_files(output_path=str(outdir / BUNDLE))


def write_search_index(
    catalogue: Catalogue, outdir: Path, stamp_file: Path, url_of: Callable[[Paper], str]
) -> None:
    """Write the Pagefind bundle into ``outdir``, unless the papers and this code are unchanged."""
    documents = {
        paper.id: paper_document(paper, catalogue, url_of(paper)) for paper in catalogue.papers
    }
    digest = hashlib.sha1(repr((sorted(documents.items()), code_version())).encode()).hexdigest()
    bundle = outdir / BUNDLE
    if (bundle / "pagefind.js").is_file() and read_text_or_none(stamp_file) == digest:
        return
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="awesome-papers-search-") as folder:
        for paper_id, html in documents.items():
            Path(folder, f"{paper_id}.html").write_text(html, "utf-8")
        asyncio.run(_index(Path(folder), outdir))
    write_text(stamp_file, digest)
