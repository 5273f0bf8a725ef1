"""What a reader downloads and waits for on a built site: search and the All papers page.

Used by build_scale.py. A search is measured in headless Chromium (Debian's, as in the browser
tests) on the site served from localhost: the bytes of the paper search index fetched before
the first result, counted as a server sends them (gzip), and the time from the start of the
search script (the page itself loaded) to the first paper result on screen.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

#: Two queries: a word in half the synthetic papers' titles (the worst case), and a number
#: that stands in one title (and a few author names), as most real queries find few papers.
COMMON = "visual"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Benchmarks print tables, not request logs."""


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection early is no error of the site's."""


@contextmanager
def served(root: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@contextmanager
def browsing(site: Path, *flags: str) -> Iterator[tuple[str, Any]]:
    """``site`` served from localhost, and Debian's headless chromium to read it."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu", *flags]
        )
        try:
            yield url, browser
        finally:
            browser.close()


def sent_bytes(path: Path) -> int:
    """Bytes on the wire, as a server sends them with gzip -6."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def search_index_kib(site: Path) -> float:
    """The whole paper search index, compressed: what a reader would fetch to hold all of it."""
    return sum(sent_bytes(path) for path in (site / "paper-search").rglob("*.json")) / 1024


def all_papers_kib(site: Path) -> float:
    """What the All papers page downloads before its first rows: its HTML and the index
    file with the first rows (the rest follows in ``papers-index/``), compressed."""
    return (sent_bytes(site / "all" / "index.html") + sent_bytes(site / "papers-index.json")) / 1024


class _Elements(HTMLParser):
    """Counts the elements of a page as a browser's parser would meet them."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.count += 1


def largest_pages(site: Path, among: int = 25) -> tuple[float, str, int, str]:
    """The heaviest page (KiB as sent, its path) and the page with the most elements (the
    count, its path), among the ``among`` largest HTML files."""
    pages = sorted(site.rglob("*.html"), key=lambda path: path.stat().st_size)[-among:]
    heaviest = max(pages, key=sent_bytes)
    counts = {}
    for path in pages:
        parser = _Elements()
        parser.feed(path.read_text("utf-8"))
        counts[path] = parser.count
    busiest = max(pages, key=lambda path: counts[path])
    return (
        sent_bytes(heaviest) / 1024,
        heaviest.relative_to(site).as_posix(),
        counts[busiest],
        busiest.relative_to(site).as_posix(),
    )


def page_kib(site: Path, pattern: str, skip: tuple[str, ...] = ()) -> float:
    """The largest page whose path matches ``pattern`` (and whose name starts with none of
    ``skip``), as sent (gzip): its own HTML, without the theme's files, which a reader's
    browser caches across pages."""
    pages = (path for path in site.glob(pattern) if not path.name.startswith(skip))
    return max(map(sent_bytes, pages), default=0) / 1024


def search_build_seconds(data: Path) -> float:
    """The search index step of a build alone, from a loaded catalogue to written files."""
    from awesome_papers.records.loader import load_catalogue
    from awesome_papers.sphinx_ext.search import write_search_index
    from sphinx.search.en import SearchEnglish

    catalogue = load_catalogue(data)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        write_search_index(
            catalogue,
            Path(out),
            Path(out) / "stamp",
            lambda p: f"categories/{p.category}.html#{p.id}",
            SearchEnglish({}).stem,
        )
        return time.perf_counter() - start


def first_search_result(site: Path, query: str = COMMON) -> tuple[float, float]:
    """(KiB of the search index fetched, milliseconds) until the first result for ``query``."""
    if shutil.which("chromium") is None:
        return float("nan"), float("nan")
    with browsing(site, "--disable-background-networking") as (url, browser):
        page = browser.new_page()
        # The page's clock from the search script's start (after the page itself has loaded:
        # the theme's share, the same for every list) to the first result on screen.
        page.add_init_script(
            "new MutationObserver((_, observer) => {"
            " if (document.querySelector('.ap-result')) {"
            " window.firstResultAt = performance.now();"
            " window.firstResult = window.firstResultAt"
            " - performance.getEntriesByName('ap-search-start')[0].startTime;"
            " observer.disconnect(); } })"
            ".observe(document, {childList: true, subtree: true});"
        )
        page.goto(f"{url}/search.html?q={query}")
        page.wait_for_function("window.firstResult !== undefined")
        milliseconds = float(page.evaluate("window.firstResult"))
        fetched: list[str] = page.evaluate(
            "performance.getEntriesByType('resource')"
            ".filter(e => e.startTime <= window.firstResultAt).map(e => e.name)"
        )
    index = [u.split(url + "/", 1)[1] for u in fetched if "/paper-search/" in u]
    kib = sum(sent_bytes(site / name.split("?")[0]) for name in set(index)) / 1024
    return kib, milliseconds


def shell_kib(site: Path, path: str = "index.html") -> float:
    """What a first visit to ``path`` fetches from ``_static`` (the theme's and our styles,
    scripts and fonts), in KiB as sent (gzip): each page's share beyond its own HTML."""
    if shutil.which("chromium") is None:
        return float("nan")
    with browsing(site) as (url, browser):
        page = browser.new_page()
        page.goto(f"{url}/{path}")
        page.wait_for_load_state("networkidle")
        fetched: list[str] = page.evaluate(
            "performance.getEntriesByType('resource').map(e => e.name)"
        )
    static = {u.split(url + "/", 1)[1].split("?")[0] for u in fetched if "/_static/" in u}
    return sum(sent_bytes(site / name) for name in static) / 1024


def layout_shift(site: Path, path: str, ready: str) -> float:
    """The cumulative layout shift of loading ``path`` until ``ready`` (a CSS selector) is
    on screen and half a second after, at a phone's width."""
    if shutil.which("chromium") is None:
        return float("nan")
    with browsing(site) as (url, browser):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.add_init_script(
            "window.shifted = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
            " if (!e.hadRecentInput) window.shifted += e.value; })"
            ".observe({type: 'layout-shift', buffered: true});"
        )
        page.goto(f"{url}/{path}")
        page.wait_for_selector(ready)
        page.wait_for_timeout(500)
        shifted = float(page.evaluate("window.shifted"))
    return shifted
