"""The built site in a real browser (Debian's chromium driven by Playwright), as a reader meets it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOTS

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium for the browser tests")
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site, built once with sphinx-build and served on localhost."""
    base = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOTS / "data-small", base / "data")
    shutil.copytree(ROOTS / "test-site", base / "site")
    outdir = base / "html"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", str(base / "site"), str(outdir)], check=True
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
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
        # The test server has no favicon.ico; browsers ask for it on their own.
        if message.type == "error" and not message.location.get("url", "").endswith("favicon.ico"):
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


def visible_cards(page: Page) -> list[str]:
    return page.eval_on_selector_all(".ap-card:not(.ap-hidden)", "cards => cards.map(c => c.id)")


def test_filter_box_narrows_the_cards_and_counts_them(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/categories/vision.html")
    assert visible_cards(page) == ["drm-dormant-ratio", "maze-walker"]
    assert page.text_content(".ap-filter-count") == "Showing 2 of 2 papers"
    page.fill(".ap-filter input", "lovelace")  # an author
    assert visible_cards(page) == ["maze-walker"]
    assert page.text_content(".ap-filter-count") == "Showing 1 of 2 papers"
    page.fill(".ap-filter input", "dormant ratio")  # a keyword, two words
    assert visible_cards(page) == ["drm-dormant-ratio"]
    page.fill(".ap-filter input", "")
    assert len(visible_cards(page)) == 2
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_keyword_badge_leads_to_the_keyword_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/categories/agents.html")
    page.click("#dreamerv2 .ap-keyword:text('World Model')")
    page.wait_for_url("**/keywords/world-model.html#keyword-world-model")
    assert page.text_content("h1").strip("#¶ ") == "World Model"
    assert "dreamerv2" in visible_cards(page)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_bibtex_copy_puts_the_entry_on_the_clipboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/categories/vision.html")
    page.click("#drm-dormant-ratio .ap-bibtex-details summary")
    page.click("#drm-dormant-ratio .ap-copy")
    page.wait_for_function(
        "document.querySelector('#drm-dormant-ratio .ap-copy').textContent === 'Copied'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@inproceedings{xu2024:drm-dormant-ratio,")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_long_author_lists_open_in_place(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/categories/vision.html")
    assert not page.is_visible("#drm-dormant-ratio .ap-authors-all")
    page.click("#drm-dormant-ratio .ap-more")
    assert "Hal Daumé III" in page.text_content("#drm-dormant-ratio .ap-authors-all")
    assert page.is_visible("#drm-dormant-ratio .ap-authors-all")


@pytest.mark.parametrize(
    "path",
    ["index.html", "categories/vision.html", "keywords/index.html", "keywords/visual-rl.html"],
)
def test_phone_width_has_no_horizontal_scroll(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    phone = context.new_page()
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(f"{site_url}/{path}")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0
    assert errors == []
