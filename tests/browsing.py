"""Browser fixtures shared by the browser tests: the test sites built and served on
loopback, and Debian's chromium driven by Playwright (its own browser download is not used)."""

from __future__ import annotations

import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOTS
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, sync_playwright

CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under the path it is published at, and its own ``404.html`` for any
    address that has no file, as Read the Docs does."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(self.prefix):
            return os.path.join(self.directory, "\0outside")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):  # type: ignore[no-untyped-def]
        if os.path.exists(self.translate_path(self.path)):
            return super().send_head()
        body = Path(self.directory, "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        """The tests read the pages, not the server's log."""


def serve(
    base: Path, site: Path = ROOTS / "test-site", prefix: str = "/list/", *options: str
) -> Iterator[str]:
    """Build ``site`` (the test site) over ``base/data`` with sphinx-build and ``options``;
    serve it locally under ``prefix``, the path of the site's ``html_baseurl``."""
    shutil.copytree(site, base / "site", ignore=shutil.ignore_patterns("_build"))
    outdir = base / "html"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "-q",
        *options,
        str(base / "site"),
        str(outdir),
    ]
    subprocess.run(command, check=True)
    handler = type("Handler", (SiteHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(outdir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    server.shutdown()


def small_data(factory: pytest.TempPathFactory, name: str) -> Path:
    """A copy of the small data set in a new folder; the folder (its ``data`` beside)."""
    base = factory.mktemp(name)
    shutil.copytree(ROOTS / "data-small", base / "data")
    return base


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site over the small data set."""
    yield from serve(small_data(tmp_path_factory, "browser"))


#: Three more papers in a second topic, so that facets have something to choose between.
MORE_PAPERS = {
    "seeing-worlds": ("Seeing Worlds Before Acting", 2024, "ICML", "Grace Hopper", "atari"),
    "dreaming-pixels": ("Dreaming in Pixels", 2024, "NeurIPS", "Ada Lovelace", "maze"),
    "meta-world-model-free": (
        "Meta-World Tasks, Model-Free",
        2021,
        "ICLR",
        "Sergey Levine",
        "atari",
    ),
}


def facet_data(factory: pytest.TempPathFactory, name: str) -> Path:
    """The small data set and :data:`MORE_PAPERS`: six papers in two topics, all in the vision
    category; three of 2024, two of 2021."""
    base = small_data(factory, name)
    data = base / "data"
    with (data / "topics.yaml").open("a", encoding="utf-8") as topics:
        topics.write("- id: world-models\n  name: World models\n  description: Dynamics.\n")
    for paper_id, (title, year, venue, author, env) in MORE_PAPERS.items():
        topic = "world-models" if paper_id != "meta-world-model-free" else "visual-agents"
        (data / "papers" / f"{paper_id}.yaml").write_text(
            f"id: {paper_id}\ntitle: {title}\nurl: https://example.org/{paper_id}\n"
            f"authors: [{author}]\nvenue: {venue}\nyear: {year}\ncategory: vision\n"
            f"topics: [{topic}]\nenvironments: [{env}]\nadded: '2025-0{year - 2019}-01'\n",
            "utf-8",
        )
    record = data / "papers" / "dreamerv2.yaml"
    text = record.read_text("utf-8").replace("category: agents", "category: vision")
    record.write_text(text.replace("[visual-agents]", "[visual-agents, world-models]"), "utf-8")
    return base


@pytest.fixture(scope="module")
def facet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site over :func:`facet_data`."""
    yield from serve(facet_data(tmp_path_factory, "facets"))


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site over :func:`facet_data`, two cards a page (vision's six on three) and two
    entries a page of an A-Z index."""
    base = facet_data(tmp_path_factory, "paged")
    sizes = ["-D", "awesome_papers_page_size=2", "-D", "awesome_papers_index_page_size=2"]
    yield from serve(base, ROOTS / "test-site", "/list/", *sizes)


@pytest.fixture(scope="session")
def real_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real list's site, built from docs/ and data/ as a reader gets it (once a run:
    the search's tests and the site's share it)."""
    base = tmp_path_factory.mktemp("real")
    repo = Path(__file__).resolve().parent.parent
    shutil.copytree(repo / "data", base / "data")
    yield from serve(base, repo / "docs", prefix="/en/latest/")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium; without it the browser tests skip, except in CI, where they fail."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI must install Debian's chromium for the browser tests")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page that records console errors; a screenshot is kept only when the test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    opened = context.new_page()
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{message.text} ({message.location.get('url')})")

    opened.on("console", on_console)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.console_errors = errors  # type: ignore[attr-defined]
    yield opened
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def phone_overflow(browser: Browser, url: str) -> float:
    """How far ``url`` runs past a 390 px phone's screen sideways (0 or less: it fits)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(url)
    overflow = float(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
    context.close()
    return overflow


def follow(page: Page, link: Locator) -> None:
    """Click ``link`` and wait until its page has loaded: a click only starts the navigation,
    and reading the page before it ends reads the old page or an empty one."""
    target = urljoin(page.url, link.get_attribute("href") or "")
    link.click()
    page.wait_for_url(target)
