"""Long listings in the browser: every paper reachable page by page without JavaScript, and
facets and the query box that count and filter every page with it (two cards a page here)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browsing import follow, phone_overflow
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

VISION = "categories/vision.html"
REPO = Path(__file__).resolve().parent.parent


def vision_papers(site: str) -> dict[str, dict[str, object]]:
    """The vision category's papers, from the site's JSON export."""
    with urllib.request.urlopen(f"{site}/papers.json") as response:
        papers = json.load(response)["papers"]
    return {p["id"]: p for p in papers if p["category"] == "vision"}


def card_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".ap-cards > .ap-card:not(.ap-hidden)", "cards => cards.map(c => c.id)"
    )


def row_titles(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".ap-cards > .ap-rows:not(.ap-hidden) .ap-row a", "links => links.map(a => a.textContent)"
    )


def test_every_paper_is_reached_through_the_pager_without_javascript(
    browser: Browser, paged_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{paged_url}/{VISION}")
    seen: list[str] = []
    counts: list[str] = []
    while True:
        seen += card_ids(page)
        counts.append(page.text_content(".ap-count") or "")
        following = page.locator(".ap-pager a[rel=next]")
        if not following.count():
            break
        follow(page, following)
    context.close()
    assert sorted(seen) == sorted(vision_papers(paged_url))
    assert counts == ["Papers 1–2 of 6", "Papers 3–4 of 6", "Papers 5–6 of 6"]


def test_a_later_page_leads_back_and_names_its_place(page: Page, paged_url: str) -> None:
    page.goto(f"{paged_url}/categories/vision/page-3.html")
    assert "(page 3 of 3)" in (page.text_content("h1") or "")
    assert page.get_attribute(".ap-pager [aria-current=page]", "aria-current") == "page"
    page.click(".ap-pager a[aria-label='Page 1']")
    page.wait_for_url("**/categories/vision.html")
    assert len(card_ids(page)) == 2
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_facets_count_and_filter_every_page(page: Page, paged_url: str) -> None:
    papers = vision_papers(paged_url)
    of_2024 = sorted(str(p["title"]) for p in papers.values() if p["year"] == 2024)
    page.goto(f"{paged_url}/categories/vision/page-2.html")
    year = page.get_by_label("Year")
    page.wait_for_selector("#ap-facets-200-year:not([disabled])")
    assert f"2024 ({len(of_2024)})" in year.inner_text()
    year.select_option("2024")
    assert sorted(row_titles(page)) == of_2024
    assert card_ids(page) == []
    assert page.locator(".ap-pager").is_hidden()
    assert page.url.endswith("page-2.html?year=2024")
    page.reload()
    page.wait_for_selector(".ap-rows:not(.ap-hidden) .ap-row")
    assert sorted(row_titles(page)) == of_2024
    year.select_option("")
    assert len(card_ids(page)) == 2 and page.locator(".ap-pager").is_visible()
    # Unfiltered, the page's own count says which papers these are, once.
    assert page.is_visible(".ap-count") and page.text_content(".ap-count") == "Papers 3–4 of 6"
    assert (page.text_content(".ap-filter-count") or "").strip() == ""
    assert page.console_errors == []  # type: ignore[attr-defined]


#: A module that never finishes loading: the page as a reader sees it before its facets come.
PENDING = "await new Promise(() => {});\nexport function init() {}\n"
#: The page's layout shifts so far (CLS: the sum of the shifts no input caused).
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    list.getEntries().forEach((entry) => { if (!entry.hadRecentInput) total += entry.value; });
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 200);
})"""


def test_papers_wait_for_the_facets_in_the_address(browser: Browser, paged_url: str) -> None:
    """Opened with a facet in its address, a listing holds its papers back until the facets
    narrow them (no flash of the unfiltered page); without one, or when the facets fail to
    load, the papers show at once."""
    context = browser.new_context()
    page = context.new_page()
    scripts = "**/awesome_papers_{listing,rows}.js"
    page.route(scripts, lambda route: route.fulfill(body=PENDING, content_type="text/javascript"))
    page.goto(f"{paged_url}/{VISION}?year=2024")
    held = page.locator(".ap-cards > .ap-card").first.is_hidden()
    page.goto(f"{paged_url}/{VISION}?unrelated=1")
    unfiltered = page.locator(".ap-cards > .ap-card").first.is_visible()
    page.unroute(scripts)
    page.route(scripts, lambda route: route.abort())
    page.goto(f"{paged_url}/{VISION}?year=2024")
    page.wait_for_selector(".ap-error")
    failed = page.locator(".ap-cards > .ap-card").first.is_visible()
    context.close()
    assert held and unfiltered and failed


def test_a_listing_opened_with_facets_does_not_jump(page: Page, paged_url: str) -> None:
    of_2024 = [p for p in vision_papers(paged_url).values() if p["year"] == 2024]
    page.goto(f"{paged_url}/{VISION}?year=2024")
    page.wait_for_selector(".ap-rows:not(.ap-hidden) .ap-row")
    assert len(row_titles(page)) == len(of_2024) and card_ids(page) == []
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_query_box_finds_a_paper_of_another_page(page: Page, paged_url: str) -> None:
    page.goto(f"{paged_url}/{VISION}")
    page.wait_for_selector("#ap-facets-200-q:not([disabled])")
    papers = vision_papers(paged_url)
    later = sorted(papers.keys() - set(card_ids(page)))
    title = str(papers[later[-1]]["title"])
    page.get_by_label("Filter papers").fill(f'title:"{title}"')
    assert row_titles(page) == [title]
    assert "Showing 1 of 6 papers" in (page.text_content(".ap-filter-count") or "")


#: Beside axe's default rules, two of WCAG 2.2 AA and 2.5.3 that it leaves off by default:
#: touch targets of 24 px, and an accessible name that contains the visible label.
RULES = {"target-size": {"enabled": True}, "label-content-name-mismatch": {"enabled": True}}


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize(
    "path", [VISION, "categories/vision/page-2.html", "keywords/index.html", "all/index.html"]
)
def test_listing_pages_pass_axe(browser: Browser, paged_url: str, mode: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=mode)
    page = context.new_page()
    page.goto(f"{paged_url}/{path}")
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    if "keywords" not in path:
        page.wait_for_selector(".ap-filter select:not([disabled])")
    options = {"resultTypes": ["violations"], "rules": RULES}
    violations = Axe().run(page, options=options).response["violations"]
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


def test_a_later_page_fits_a_phone(browser: Browser, paged_url: str) -> None:
    assert phone_overflow(browser, f"{paged_url}/categories/vision/page-2.html") <= 0


def follow_pager(page: Page, selector: str) -> list[str]:
    """The text of ``selector`` on this page and each next one, through the pager."""
    seen: list[str] = []
    while True:
        seen += page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.textContent)")
        following = page.locator(".ap-pager a[rel=next]")
        if not following.count():
            return seen
        follow(page, following.first)


def test_the_a_to_z_indexes_are_read_page_by_page_without_javascript(
    browser: Browser, paged_url: str
) -> None:
    with urllib.request.urlopen(f"{paged_url}/papers.json") as response:
        papers = json.load(response)["papers"]
    keywords = {keyword for paper in papers for keyword in paper.get("keywords", [])}
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{paged_url}/keywords/index.html")
    shown = follow_pager(page, ".ap-index li a")
    # Each letter above the entries leads to the page where that letter starts.
    letter = page.locator(".ap-index-letters a").first
    initial = letter.text_content() or ""
    follow(page, letter)
    first_entry = page.locator(f"#letter-{initial.lower()} + ul li a").first.text_content()
    page.goto(f"{paged_url}/authors/index.html")
    counts = {
        (item.locator("a").text_content() or ""): int(item.locator(".ap-index-count").inner_text())
        for item in page.locator(".ap-index li").all()
    }
    busiest = max(counts, key=lambda key: counts[key])
    page.goto(f"{paged_url}/authors/letter-{busiest.lower()}.html")
    authors = follow_pager(page, ".ap-index li span:first-child")
    context.close()
    assert sorted(shown) == sorted(keywords) and len(shown) > 2
    assert (first_entry or "").upper().startswith(initial)
    assert counts[busiest] > 2 and len(authors) == counts[busiest]


#: One page of each kind the site writes, beside the listings above.
PAGE_KINDS = [
    "index.html",
    "topics/index.html",
    "topics/world-models.html",
    "venues/index.html",
    "environments/index.html",
    "environments/atari.html",
    "keywords/index/page-2.html",
    "papers/dreamerv2.html",
    "authors/index.html",
    "authors/letter-l/page-2.html",
    "search.html?q=world",
    "mine.html",
    "404.html",
]


#: Light and dark on a desktop, and a phone's width, where the theme folds its header.
SCREENS = {"light": ("light", 1280), "dark": ("dark", 1280), "phone": ("light", 390)}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", PAGE_KINDS)
def test_every_page_kind_passes_axe(
    browser: Browser, paged_url: str, screen: str, path: str
) -> None:
    mode, width = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=mode)
    page = context.new_page()
    answered: list[int] = []
    page.on(
        "response",
        lambda r: (
            answered.append(r.status) if r.url.split("?")[0].endswith(path.split("?")[0]) else None
        ),
    )
    page.goto(f"{paged_url}/{path}")
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    page.wait_for_load_state("networkidle")
    violations = (
        Axe()
        .run(page, options={"resultTypes": ["violations"], "rules": RULES})
        .response["violations"]
    )
    context.close()
    assert answered[:1] == [200]  # the page exists at that address
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


def test_the_code_facet_narrows_a_long_listing_to_papers_with_code(
    page: Page, real_url: str
) -> None:
    """On this list: the longest category, over both its pages."""
    records = [
        yaml.safe_load(path.read_text("utf-8"))
        for path in (REPO / "data" / "papers").glob("*.yaml")
    ]
    sizes: dict[str, int] = {}
    for record in records:
        sizes[record["category"]] = sizes.get(record["category"], 0) + 1
    category = max(sizes, key=lambda key: sizes[key])
    with_code = sorted(
        (f"{r['short_name']}: {r['title']}" if r.get("short_name") else r["title"])
        for r in records
        if r["category"] == category and any(link["kind"] == "code" for link in r.get("links", []))
    )
    assert with_code, "the list's longest category has papers with code"
    page.goto(f"{real_url}/categories/{category}.html")
    code = page.get_by_label("Code", exact=True)
    page.wait_for_selector(".ap-filter select[name=has]:not([disabled])")
    assert f"Has code ({len(with_code)})" in code.inner_text()
    code.select_option("code")
    assert sorted(row_titles(page)) == with_code
    assert page.url.endswith("?has=code")
    assert page.console_errors == []  # type: ignore[attr-defined]
