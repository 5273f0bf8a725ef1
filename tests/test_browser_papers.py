"""Paper pages, author pages and "BibTeX of these papers" in a real browser."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import phone_overflow
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


def bibtex_ids(text: str) -> list[str]:
    """The paper ids of the BibTeX entries in ``text``, in order (keys end in ``:<id>``)."""
    return re.findall(r"^@\w+\{[^,:]*:([^,]+),", text, flags=re.MULTILINE)


def open_cite_box(page: Page) -> str:
    page.click(".ap-cite-these > summary")
    page.wait_for_function(
        "document.querySelector('.ap-cite-these pre').textContent.startsWith('@')"
    )
    return page.text_content(".ap-cite-these pre") or ""


def test_bibtex_of_these_follows_the_facets(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/topics/world-models.html")
    page.select_option("select[name=year]", "2024")
    shown = page.eval_on_selector_all(".ap-card:not(.ap-hidden)", "cards => cards.map(c => c.id)")
    assert sorted(shown) == ["dreaming-pixels", "seeing-worlds"]
    assert bibtex_ids(open_cite_box(page)) == shown
    assert page.text_content(".ap-cite-these summary") == "BibTeX of these 2 papers"
    # Another facet while the box is open: the entries follow what is shown.
    page.select_option("select[name=year]", "")
    page.wait_for_function("document.querySelectorAll('.ap-card:not(.ap-hidden)').length === 3")
    page.wait_for_function(
        "document.querySelector('.ap-cite-these summary').textContent.includes(' 3 ')"
    )
    shown = page.eval_on_selector_all(".ap-card:not(.ap-hidden)", "cards => cards.map(c => c.id)")
    assert bibtex_ids(page.text_content(".ap-cite-these pre") or "") == shown
    href = page.get_attribute(".ap-cite-these a[download]", "href") or ""
    assert href.startswith("blob:")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_bibtex_of_these_on_all_papers_search_and_an_author(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/all/index.html")
    page.fill(".ap-filter input", "pixels")
    page.wait_for_function("document.querySelectorAll('.ap-row').length < 6")
    rows = page.eval_on_selector_all(".ap-row a", "links => links.map(a => a.textContent)")
    assert len(bibtex_ids(open_cite_box(page))) == len(rows) >= 1
    page.goto(f"{facet_url}/search.html?q=world")
    page.wait_for_selector(".ap-result")
    results = page.eval_on_selector_all(".ap-result", "items => items.map(i => i.dataset.paper)")
    assert bibtex_ids(open_cite_box(page)) == results
    page.goto(f"{facet_url}/authors/ada-lovelace.html")  # two papers: a page of her own
    rows = page.eval_on_selector_all(".ap-row", "rows => rows.map(r => r.dataset.paper)")
    assert (
        sorted(bibtex_ids(open_cite_box(page)))
        == sorted(rows)
        == [
            "dreaming-pixels",
            "maze-walker",
        ]
    )
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_an_author_query_offers_the_authors_page(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/search.html?q=author%3ALovelace")
    page.wait_for_selector(".ap-author-pages:not([hidden]) a")
    link = page.locator(".ap-author-pages a")
    assert link.count() == 1 and link.text_content() == "Ada Lovelace"
    link.click()
    page.wait_for_url("**/authors/ada-lovelace.html")
    assert page.text_content("h1") == "Ada Lovelace"
    page.goto(f"{facet_url}/search.html?q=world")
    page.wait_for_selector(".ap-result")
    assert page.locator(".ap-author-pages").is_hidden()
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_search_result_and_a_card_title_lead_to_the_paper_page(
    page: Page, facet_url: str
) -> None:
    page.goto(f"{facet_url}/categories/vision.html")
    page.click("#dreamerv2 .ap-title a")
    page.wait_for_url("**/papers/dreamerv2.html")
    assert "DreamerV2" in (page.text_content("h1") or "")
    page.click("ol.ap-related a >> nth=0")
    page.wait_for_url("**/papers/*.html")
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("path", ["papers/dreamerv2.html", "authors/index.html"])
def test_paper_and_author_pages_pass_axe(
    browser: Browser, facet_url: str, mode: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=mode)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{facet_url}/{path}")
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    page.wait_for_timeout(200)
    loading = list(errors)  # axe's own stylesheet checks fetch a basic.css that no page links
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    assert loading == []


def test_paper_page_fits_a_phone(browser: Browser, facet_url: str) -> None:
    assert phone_overflow(browser, f"{facet_url}/papers/dreamerv2.html") <= 0
