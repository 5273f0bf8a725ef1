"""A Pagefind index with one record per paper, so that search answers with papers.

Sphinx's own index ranks whole pages: a query for "world model" found six pages and no
paper. Each paper becomes a small HTML document for Pagefind, whose elements carry weights
(title first, then authors, then topics and keywords) and whose filters answer the query
language's fields (``author:``, ``venue:``, ``year:``, ``topic:``, ``env:``). Pagefind splits
its index into chunks that the browser loads on demand, so a list of 10,000 papers stays light.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
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


class SearchIndexError(Exception):
    """The paper index could not be written."""


@dataclass
class IndexRun:
    """A Pagefind process writing a new bundle beside the old one, and what it will mean."""

    process: subprocess.Popen[str] | None
    outdir: Path
    stamp_file: Path
    digest: str
    fresh: Path | None  # where the new bundle is being written


def start_search_index(
    catalogue: Catalogue,
    outdir: Path,
    workdir: Path,
    stamp_file: Path,
    url_of: Callable[[Paper], str],
) -> IndexRun:
    """Start indexing the papers, unless they and this code are unchanged since the last run.

    Called once reading is done, so that Pagefind runs while Sphinx writes the pages. The
    documents live in ``workdir`` from build to build: only the records that changed are
    written again (writing 10,000 of them took 4 s). :func:`finish_search_index` waits.
    """
    # The catalogue's digest covers every record and name a document shows; one card URL
    # stands for the builder's URL scheme. Documents are made only when these changed.
    sample = url_of(catalogue.papers[0]) if catalogue.papers else ""
    digest = hashlib.sha1(repr((catalogue.digest, sample, code_version())).encode()).hexdigest()
    if (outdir / BUNDLE / "pagefind.js").is_file() and read_text_or_none(stamp_file) == digest:
        return IndexRun(None, outdir, stamp_file, digest, None)
    documents = {
        f"{paper.id}.html": paper_document(paper, catalogue, url_of(paper))
        for paper in catalogue.papers
    }
    workdir.mkdir(parents=True, exist_ok=True)
    for path in workdir.glob("*.html"):
        if path.name not in documents:
            path.unlink()
    for name, html in documents.items():
        path = workdir / name
        if read_text_or_none(path) != html:
            path.write_text(html, "utf-8")
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    outdir.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{BUNDLE}-", dir=outdir))
    arguments = ["--site", str(workdir), "--output-path", str(fresh), "--root-selector", "main"]
    process = subprocess.Popen(
        [str(binary), *arguments, "--force-language", "en", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return IndexRun(process, outdir, stamp_file, digest, fresh)


def finish_search_index(run: IndexRun) -> None:
    """Wait for Pagefind, then put the new bundle in place of the old one."""
    if run.process is None or run.fresh is None:
        return
    output, _ = run.process.communicate()
    if run.process.returncode != 0:
        shutil.rmtree(run.fresh, ignore_errors=True)
        raise SearchIndexError(f"Pagefind failed: {output.strip()}")
    bundle = run.outdir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    run.fresh.rename(bundle)
    write_text(run.stamp_file, run.digest)


def write_search_index(
    catalogue: Catalogue, outdir: Path, stamp_file: Path, url_of: Callable[[Paper], str]
) -> None:
    """Index the papers and wait: what a build does, in one call (for the benchmark)."""
    with tempfile.TemporaryDirectory(prefix="awesome-papers-search-") as folder:
        finish_search_index(start_search_index(catalogue, outdir, Path(folder), stamp_file, url_of))
