"""The files an HTML build writes beside its pages: the exports and the paper search index.

The search index does not depend on the pages, so it is written while Sphinx writes them, in
a process of its own (:mod:`.beside`), started when reading ends; the build waits for it at
its end. The exports are written then, by the build itself: in that process too, they made
one edit at 10,000 papers 1.3 s slower (its longer path, and the pages both processes copy
as they touch a shared heap). Each is rewritten only when the data, its URLs or this package
changed.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from html import escape
from importlib import import_module
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.search import languages
from sphinx.search.en import SearchEnglish
from sphinx.util import logging

from ..atomic import read_text_or_none, write_bytes, write_text
from ..formats.exports import (
    FACET_INDEX,
    FEED,
    FEEDS_DIR,
    FILES,
    INDEX_DIR,
    Feed,
    Memo,
    atom_feed,
    export,
    facet_index,
    feed_path,
    index_rows,
    listing_index,
    recent_papers,
)
from ..records.cache import code_version
from ..records.catalogue import Catalogue
from ..records.model import Paper
from ..records.pagekinds import AUTHOR, PAPER, TOPIC, VENUE
from . import beside, state
from .domain import get_domain
from .listing import LISTINGS_DIR, listings
from .options import options
from .search import write_search_index
from .sitemap import write_sitemap
from .vocabulary import VOCABULARY_FILE, vocabulary_module

logger = logging.getLogger(__name__)
#: The authors with a page, for the search page (see :func:`author_pages`).
AUTHOR_PAGES = "authors/index.json"


def paper_urls(app: Sphinx) -> Callable[[Paper], str]:
    """Where each paper's page is, relative to the root of the HTML output; the paper's own
    address when the build writes no paper pages (``awesome_papers_pages = False``). The
    switch is read once, not once per paper of the search index, rows and feeds."""
    if not options(app.config).pages:
        return lambda paper: paper.url
    builder = app.builder
    return lambda paper: str(builder.get_target_uri(PAPER.pagename(paper.id)))


def search_stemmer(app: Sphinx) -> Callable[[str], str]:
    """The stemmer of Sphinx's own search for this site's language, which the search page's
    ``language_data.js`` applies to a query: the index must stem as the query does."""
    lang = app.config.html_search_language or app.config.language or "en"
    found = languages.get(lang) or languages.get(lang.partition("_")[0])
    if isinstance(found, str):
        module, name = found.rsplit(".", 1)
        found = getattr(import_module(module), name)
    language = (found or SearchEnglish)(app.config.html_search_options)
    return language.stem


def write_exports(app: Sphinx, catalogue: Catalogue) -> None:
    """Exports sit next to ``objects.inv`` at the root of the HTML output.

    They are rewritten only when the data or this package changed: at 1,000 papers writing
    them was a tenth of a rebuild that changed nothing.
    """
    outdir = Path(app.outdir)
    base = app.config.html_baseurl or ""
    chosen = options(app.config)
    inputs = (catalogue.digest, base, app.config.project, chosen, code_version())
    stamp = hashlib.sha1(repr(inputs).encode()).hexdigest()
    stamp_file = Path(app.doctreedir) / "awesome_papers_exports.stamp"
    all_feeds = feeds(app, catalogue)
    names = [*FILES.values(), FACET_INDEX, AUTHOR_PAGES, *(feed.path for feed in all_feeds)]
    if all((outdir / name).is_file() for name in names) and read_text_or_none(stamp_file) == stamp:
        return
    memo = _read_memo(app, catalogue)
    for fmt, name in FILES.items():
        write_text(outdir / name, export(catalogue, fmt, memo))
    _write_feeds(app, catalogue, all_feeds, memo)
    rows = index_rows(catalogue, paper_urls(app), memo)
    files = facet_index(catalogue, rows)
    files.update(
        (each.data_file, listing_index(catalogue, rows, each.papers))
        for each in listings(catalogue, chosen.page_size)
        if each.data_file and chosen.pages  # a long listing's rows, for its pages
    )
    written, memo["files"] = memo.get("files", {}), {}
    for name, text in files.items():
        memo["files"][name] = digest = hashlib.sha1(text.encode()).hexdigest()
        if written.get(name) != digest or not (outdir / name).is_file():
            write_text(outdir / name, text)
    wanted = {feed.path for feed in all_feeds} | files.keys()
    for pattern in (f"{FEEDS_DIR}/*.xml", f"{INDEX_DIR}/*.json", f"{LISTINGS_DIR}/*/*.json"):
        for old in outdir.glob(pattern):
            if old.relative_to(outdir).as_posix() not in wanted:
                old.unlink()
    write_text(outdir / AUTHOR_PAGES, author_pages(app))
    write_bytes(_memo_file(app), pickle.dumps((_memo_key(app, catalogue), memo), -1))
    write_text(stamp_file, stamp)


def _write_feeds(app: Sphinx, catalogue: Catalogue, all_feeds: list[Feed], memo: Memo) -> None:
    """Each feed whose papers, title or address changed: at 1,000 papers the hundred feeds
    of topics and venues took a twentieth of a one-record rebuild, which changes a few."""
    outdir, base = Path(app.outdir), app.config.html_baseurl or ""
    digests, written, memo["feeds"] = catalogue.paper_digests, memo.get("feeds", {}), {}
    url_of = paper_urls(app)
    for feed in all_feeds:
        shown = [(paper.id, digests[paper.id]) for paper in recent_papers(feed)]
        key = hashlib.sha1(repr((feed.title, feed.page, base, shown)).encode()).hexdigest()
        memo["feeds"][feed.path] = key
        if written.get(feed.path) != key or not (outdir / feed.path).is_file():
            write_text(outdir / feed.path, atom_feed(feed, base, url_of))


def _write_vocabulary(outdir: Path) -> None:
    """The query language and facets, beside the scripts that import them."""
    path, text = outdir / "_static" / VOCABULARY_FILE, vocabulary_module()
    if read_text_or_none(path) != text:
        write_text(path, text)


def _memo_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "awesome_papers_exports.pickle"


def _memo_key(app: Sphinx, catalogue: Catalogue) -> str:
    """What each paper's pieces rest on besides the paper: the vocabularies (the paper index
    numbers topics and environments), where the pages are, and this package."""
    vocabularies = (catalogue.categories, catalogue.environments, catalogue.topics)
    where = (app.builder.name, options(app.config).pages)
    parts = (vocabularies, catalogue.keywords, where, code_version())
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def _read_memo(app: Sphinx, catalogue: Catalogue) -> Memo:
    """The pieces of the exports the last build wrote, when they rest on what they rest on
    now; else none. A title edit at 1,000 papers then makes one paper's pieces, not 1,000:
    all exports took a tenth of that rebuild."""
    try:
        key, memo = pickle.loads(_memo_file(app).read_bytes())
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        return {}  # none yet, or of another shape
    return memo if key == _memo_key(app, catalogue) and isinstance(memo, dict) else {}


def author_pages(app: Sphinx) -> str:
    """``[[name, page], ...]``: each author with a page, the page from the site's root, which
    the search page offers for an ``author:`` query."""
    pages = get_domain(app.env).pages
    rows = [
        [title, app.builder.get_target_uri(page)]
        for label, (page, title) in sorted(pages.items())
        if label.startswith(AUTHOR.label(""))
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n"


def feeds(app: Sphinx, catalogue: Catalogue) -> list[Feed]:
    """The list's feed of recent additions, and one per topic and per venue that has a page."""
    base = (app.config.html_baseurl or "").rstrip("/") + "/"
    project = app.config.project
    whole = Feed(catalogue.papers, f"{project}: recently added papers", base, FEED)
    if not options(app.config).pages:
        return [whole]

    def page(docname: str) -> str:
        return base + app.builder.get_target_uri(docname)

    followed = [(TOPIC, t.id, t.name) for t in catalogue.topics]
    followed += [(VENUE, v.slug, v.label) for v in catalogue.venues]
    return [whole] + [
        Feed(
            catalogue.select(kind.name, value),
            f"{project}: {name}",
            page(kind.pagename(value)),
            feed_path(kind.name, value),
        )
        for kind, value, name in followed
    ]


def announce_feed(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: a topic or venue page (and the home page, for the whole list)
    names its Atom feed in ``<link rel="alternate">``, where feed readers look for it."""
    folder, _, value = pagename.partition("/")
    kinds = {"topics": "topic", "venues": "venue"}
    if pagename == app.config.root_doc:
        path, title = FEED, f"{app.config.project}: recently added papers"
    elif folder in kinds and value and value != "index" and "/" not in value:
        path, title = feed_path(kinds[folder], value), f"{context.get('title', value)}: new papers"
    else:
        return
    href = context["pathto"](path, 1)
    link = (
        f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
        f'href="{escape(href)}">\n'
    )
    context["metatags"] = context.get("metatags", "") + link


def start(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: start writing the search index while Sphinx writes the pages; not
    for a builder without a search page (epub), whose index nothing would read."""
    if getattr(app.builder, "search", False) and options(app.config).search:
        catalogue, stem, url_of = state.catalogue_of(env), search_stemmer(app), paper_urls(app)
        outdir, stamp = Path(app.outdir), Path(app.doctreedir) / "awesome_papers_search.stamp"
        std = env.get_domain("std").labels  # type: ignore[attr-defined]

        def page_of(label: str) -> str | None:
            """Where a page of the vocabulary is, from the root, or None when it has none."""
            found = std.get(label)
            return None if found is None else str(app.builder.get_target_uri(found[0]))

        state.state_of(env).search = beside.start(
            lambda: write_search_index(catalogue, outdir, stamp, url_of, stem, page_of)
        )
    return []


def finish(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the exports and wait for the search index; a failure is one
    error line."""
    build = state.loaded(app.env)
    if build is None:
        return
    job, build.search = build.search, None
    if exception is not None:
        if job is not None:
            beside.cancel(job)
        return
    if app.builder.format == "html":
        write_exports(app, build.catalogue)
        write_sitemap(app)
        _write_vocabulary(Path(app.outdir))
    if job is not None and (error := beside.finish(job)):
        logger.error("search index not written: %s", error, type="awesome_papers", subtype="output")
