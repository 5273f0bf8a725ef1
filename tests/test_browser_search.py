"""Search on this list answers as researchers ask: a venue and a year, a method inside a
compound name, words that stand together, every match reachable, and no dead end."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browsing import follow
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent


def records() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(path.read_text("utf-8"))
        for path in sorted((REPO / "data" / "papers").glob("*.yaml"))
    ]


def shown_title(record: dict[str, Any]) -> str:
    """A record's title as a result shows it: its short name before it."""
    name = record.get("short_name")
    return f"{name}: {record['title']}" if name else record["title"]


def search(page: Page, url: str, query: str) -> list[str]:
    """The titles of the results of ``query``, best first, once the count is said."""
    page.goto(f"{url}/search.html?q={quote(query)}")
    page.wait_for_function("document.querySelector('.ap-search-count')?.textContent")
    return page.eval_on_selector_all(".ap-result-title a", "links => links.map(a => a.textContent)")


def test_a_venue_and_a_year_put_that_venue_year_first(page: Page, real_url: str) -> None:
    wanted = {
        shown_title(r) for r in records() if r.get("venue") == "ICML" and r.get("year") == 2022
    }
    assert len(wanted) >= 2
    found = search(page, real_url, "ICML 2022")
    assert set(found[: len(wanted)]) == wanted
    assert len(found) > len(wanted)  # VIMA, ICML 2023, whose note says 2022, comes after
    assert page.console_errors == []  # type: ignore[attr-defined]


def show_more(page: Page) -> list[str]:
    """Press Show more, wait until the next results are drawn, and return every title shown:
    the results load after the click, so reading at once reads the old list."""
    shown = page.locator(".ap-result").count()
    page.click(".ap-more")
    page.wait_for_function(f"document.querySelectorAll('.ap-result').length > {shown}")
    return page.eval_on_selector_all(".ap-result-title a", "as => as.map(a => a.textContent)")


def show_all(page: Page) -> None:
    """Press Show more until every result is on the page."""
    while page.is_visible(".ap-more"):
        show_more(page)


def every_result(page: Page, url: str, query: str) -> list[str]:
    """The titles of every result of ``query``, Show more pressed to the last."""
    search(page, url, query)
    show_all(page)
    return page.eval_on_selector_all(".ap-result-title a", "links => links.map(a => a.textContent)")


def test_every_paper_that_uses_grpo_is_found_by_it(page: Page, real_url: str) -> None:
    wanted = {shown_title(r) for r in records() if "GRPO" in r.get("methods", [])}
    assert len(wanted) >= 10, "the records say which papers introduce or build on GRPO"
    assert wanted <= set(every_result(page, real_url, "GRPO"))
    assert set(every_result(page, real_url, "method:GRPO")) == wanted
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_method_on_a_paper_page_opens_every_paper_using_it(page: Page, real_url: str) -> None:
    """From DeepSeek-R1's page, its method GRPO leads to the papers whose records use GRPO."""
    wanted = {shown_title(r) for r in records() if "GRPO" in r.get("methods", [])}
    page.goto(f"{real_url}/papers/deepseek-r1-incentivizing-reasoning-capability.html")
    follow(page, page.get_by_role("link", name="GRPO", exact=True))
    page.wait_for_function("document.querySelector('.ap-search-count')?.textContent")
    show_all(page)
    found = page.eval_on_selector_all(".ap-result-title a", "as => as.map(a => a.textContent)")
    assert set(found) == wanted
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_method_inside_a_compound_name_is_found(page: Page, real_url: str) -> None:
    inside = re.compile(r"\w*grpo\w*", re.IGNORECASE)
    wanted = {
        shown_title(r)
        for r in records()
        if inside.search(r["title"]) or inside.search(r.get("short_name") or "")
    }
    compound = [t for t in wanted if re.search(r"[A-Za-z]GRPO|GRPO[A-Za-z]", t)]
    assert compound, "the list has a method named inside a longer word"
    found = search(page, real_url, "GRPO")
    assert wanted <= set(found)


def test_every_match_of_a_common_word_is_reachable(page: Page, real_url: str) -> None:
    search(page, real_url, "learning")
    count = int((page.text_content(".ap-search-count") or "").split()[0])
    assert count > 20
    shown = page.locator(".ap-result")
    assert shown.count() == 20
    show_all(page)
    assert shown.count() == count
    urls = page.eval_on_selector_all(".ap-result-title a", "links => links.map(a => a.href)")
    assert len(set(urls)) == count
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_words_that_stand_together_rank_first(page: Page, real_url: str) -> None:
    together = re.compile(r"\bworld[- ]models?\b", re.IGNORECASE)
    wanted = {
        shown_title(r)
        for r in records()
        if "world-models" in r.get("topics", []) or together.search(r["title"])
    }
    found = search(page, real_url, "world model")
    first = found[: len(wanted)]
    while len(found) < len(wanted) and page.is_visible(".ap-more"):
        found = show_more(page)
    assert set(found[: len(wanted)]) == wanted, first
    assert "Mind's Eye: Grounded Language Model Reasoning through Simulation" not in found[:8]


def test_a_query_with_no_match_offers_the_nearest_names(page: Page, real_url: str) -> None:
    assert search(page, real_url, "CLIP reward") == []
    offered = page.locator(".ap-suggest")
    assert offered.is_visible()
    links = page.eval_on_selector_all(".ap-suggest a", "as => as.map(a => a.textContent)")
    assert "Rewards from VLMs, videos and reward models" in links
    page.get_by_role("link", name="Rewards from VLMs, videos and reward models").click()
    page.wait_for_url("**/topics/reward-models.html*")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_misspelled_word_is_offered_as_the_list_spells_it(page: Page, real_url: str) -> None:
    assert search(page, real_url, "reinforcement lerning") == []
    spelled = page.locator(".ap-spelling a")
    assert spelled.text_content() == "reinforcement learning"
    follow(page, spelled)
    page.wait_for_function("document.querySelector('.ap-search-count')?.textContent")
    assert page.locator(".ap-result").count() == 20
    assert "q=reinforcement+learning" in page.url or "q=reinforcement%20learning" in page.url


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("query", ["learning", "CLIP reward"])
def test_the_search_page_passes_axe(browser: Browser, real_url: str, mode: str, query: str) -> None:
    """With Show more (a common word) and with what the list offers (no match)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=mode)
    page = context.new_page()
    page.goto(f"{real_url}/search.html?q={quote(query)}")
    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    page.wait_for_function("document.querySelector('.ap-search-count')?.textContent")
    assert page.is_visible(".ap-more" if query == "learning" else ".ap-suggest")
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
