"""The built site in a real browser (Debian's chromium driven by Playwright), as a reader meets it."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from browsing import follow, phone_overflow, serve, small_data
from conftest import ROOTS
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


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
    page.click("#drm-dormant-ratio .ap-links a:text('Cite')")  # the card leads to the page
    page.wait_for_url("**/papers/drm-dormant-ratio.html#cite")
    page.click(".ap-cite .ap-copy >> nth=0")
    page.wait_for_function("document.querySelector('.ap-cite .ap-copy').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@inproceedings{xu2024:drm-dormant-ratio,")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_long_author_lists_open_in_place(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/categories/vision.html")
    assert not page.is_visible("#drm-dormant-ratio .ap-authors-all")
    page.click("#drm-dormant-ratio .ap-more")
    assert "Hal Daumé III" in page.text_content("#drm-dormant-ratio .ap-authors-all")
    assert page.is_visible("#drm-dormant-ratio .ap-authors-all")


#: A list's name as long as some of the family's ("Awesome RLHF (RL with Human Feedback)").
LONG_NAME = "Awesome Agents (Reinforcement Learning from Everything Anyone Ever Said)"


@pytest.fixture(scope="module")
def long_name_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site, named at length."""
    base = small_data(tmp_path_factory, "long-name")
    yield from serve(base, ROOTS / "test-site", "/list/", "-D", f"html_title={LONG_NAME}")


def test_a_long_list_name_leaves_the_search_button_on_a_phone(
    browser: Browser, long_name_url: str
) -> None:
    # The header's name ends in an ellipsis instead of pushing the search button off screen.
    assert phone_overflow(browser, f"{long_name_url}/index.html") <= 0
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    phone.goto(f"{long_name_url}/index.html")
    button = phone.locator(".bd-header .navbar-persistent--mobile .search-button__button")
    box = button.bounding_box()
    context.close()
    assert box is not None and box["x"] + box["width"] <= 390


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


def test_facets_narrow_the_cards_and_their_counts(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/categories/vision.html")
    assert len(visible_cards(page)) == 6
    assert page.text_content(".ap-filter-count") == "Showing 6 of 6 papers"
    page.get_by_label("Year").select_option("2024")
    assert sorted(visible_cards(page)) == ["dreaming-pixels", "drm-dormant-ratio", "seeing-worlds"]
    topic_options = page.eval_on_selector_all(
        ".ap-filter select[name=topic] option", "options => options.map(o => o.textContent)"
    )
    assert topic_options == ["Any", "Agents that learn from pixels (1)", "World models (2)"]
    page.get_by_label("Topic").select_option("world-models")
    assert sorted(visible_cards(page)) == ["dreaming-pixels", "seeing-worlds"]
    assert page.text_content(".ap-filter-count") == "Showing 2 of 6 papers"
    year_options = page.eval_on_selector_all(
        ".ap-filter select[name=year] option", "options => options.map(o => o.textContent)"
    )
    assert year_options == ["Any", "2024 (2)", "2022 (0)", "2021 (1)"]
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_url_follows_the_facets_and_restores_them(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/categories/vision.html")
    page.get_by_label("Year").select_option("2024")
    page.get_by_label("Topic").select_option("world-models")
    assert page.url.endswith("/categories/vision.html?year=2024&topic=world-models")
    page.reload()
    # The facets are a module loaded after the page: wait for it to apply the URL's state.
    expect(page.locator(".ap-filter-count")).to_have_text("Showing 2 of 6 papers")
    assert sorted(visible_cards(page)) == ["dreaming-pixels", "seeing-worlds"]
    assert page.get_by_label("Topic").input_value() == "world-models"
    page.go_back()
    assert page.url.endswith("?year=2024")
    assert len(visible_cards(page)) == 3
    page.goto(f"{facet_url}/categories/vision.html?sort=title&q=author:Levine")
    expect(page.locator(".ap-filter-count")).to_have_text("Showing 1 of 6 papers")
    assert visible_cards(page) == ["meta-world-model-free"]
    page.goto(f"{facet_url}/categories/vision.html?sort=title")
    expect(page.locator(".ap-filter-count")).to_have_text("Showing 6 of 6 papers")
    assert visible_cards(page)[:3] == ["dreaming-pixels", "drm-dormant-ratio", "dreamerv2"]


def test_phrases_and_fields_in_the_filter_box(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/categories/vision.html")
    page.fill(".ap-filter input[type=search]", "world model")  # words: anywhere in a card
    assert "meta-world-model-free" in visible_cards(page)
    page.fill(".ap-filter input[type=search]", '"world model"')  # a phrase: as written
    assert sorted(visible_cards(page)) == [
        "dreamerv2",  # its title
        "dreaming-pixels",  # its topic, World models
        "maze-walker",  # its keyword
        "seeing-worlds",
    ]
    page.fill(".ap-filter input[type=search]", "env:atari year:2024")
    assert visible_cards(page) == ["seeing-worlds"]
    page.fill(".ap-filter input[type=search]", "venue:iclr")
    assert sorted(visible_cards(page)) == [
        "dreamerv2",
        "drm-dormant-ratio",
        "meta-world-model-free",
    ]


def test_compact_view_is_remembered(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/categories/vision.html")
    assert page.is_visible("#seeing-worlds .ap-authors")
    page.get_by_label("Compact").check()
    assert not page.is_visible("#seeing-worlds .ap-authors")
    page.goto(f"{facet_url}/topics/world-models.html")
    assert page.get_by_label("Compact").is_checked()
    assert not page.is_visible("#seeing-worlds .ap-authors")
    assert page.is_visible("#seeing-worlds .ap-title")


def test_facets_are_labelled_and_reached_by_keyboard(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/categories/vision.html")
    page.focus(".ap-filter input[type=search]")
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.name"))
    assert order == ["topic", "venue", "year", "env", "has"]  # one paper here has code
    page.keyboard.press("Tab")  # the sort select
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the compact checkbox
    assert page.get_by_label("Compact").is_checked()


def test_without_javascript_every_card_shows(browser: Browser, facet_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{facet_url}/categories/vision.html")
    assert len(plain.query_selector_all(".ap-card")) == 6
    assert all(card.is_visible() for card in plain.query_selector_all(".ap-card"))
    assert plain.query_selector(".ap-filter") is None
    plain.goto(f"{facet_url}/all/index.html")
    assert plain.is_visible(".ap-all a[href^='../categories/vision.html']")
    context.close()


def test_all_papers_page_draws_rows_and_narrows_them(page: Page, facet_url: str) -> None:
    page.goto(f"{facet_url}/all/index.html")
    page.wait_for_selector(".ap-row")
    assert len(page.query_selector_all(".ap-row")) == 6
    page.fill(".ap-filter input[type=search]", "author:Levine")
    rows = page.eval_on_selector_all(".ap-row a", "links => links.map(a => a.textContent)")
    assert rows == ["Meta-World Tasks, Model-Free"]
    page.click(".ap-row a")
    page.wait_for_url("**/papers/meta-world-model-free.html")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_file_that_does_not_load_is_said_not_left_loading(page: Page, facet_url: str) -> None:
    """A failed fetch names the file on the page; a script that does not load is said where
    its tools would be. Neither leaves "Loading…" on screen."""
    page.route("**/papers-index.json", lambda route: route.fulfill(status=503))
    page.goto(f"{facet_url}/all/index.html")
    page.wait_for_selector(".ap-all-loading:has-text('could not be loaded')")
    assert "papers-index.json answered 503" in (page.text_content(".ap-all-loading") or "")
    assert page.text_content(".ap-filter-count") == "The filters could not be loaded."
    page.unroute("**/papers-index.json")
    page.route("**/awesome_papers_listing.js", lambda route: route.fulfill(status=404))
    page.goto(f"{facet_url}/categories/vision.html")
    page.wait_for_selector(".ap-error")
    assert "could not be loaded" in (page.text_content(".ap-error") or "")
    assert all(card.is_visible() for card in page.query_selector_all(".ap-card"))
    assert not page.query_selector(".ap-filter")  # the cards stand as without JavaScript


def search(page: Page, url: str, query: str) -> list[str]:
    """Titles of the paper results for ``query`` on the search page, best first."""
    page.goto(f"{url}/search.html?q={quote(query)}")
    page.wait_for_function("document.querySelector('.ap-search-count')?.textContent")
    return page.eval_on_selector_all(".ap-result-title a", "links => links.map(a => a.textContent)")


def test_search_answers_with_papers_and_lands_on_the_paper_page(page: Page, facet_url: str) -> None:
    assert (
        search(page, facet_url, "Dream")[0]
        == "DreamerV2: Mastering Atari with Discrete World Models"
    )
    page.click(".ap-result-title a >> nth=0")
    page.wait_for_url("**/papers/dreamerv2.html")
    assert "Mastering Atari with Discrete World Models" in (page.text_content("h1") or "")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_search_phrases_fields_and_facets(page: Page, facet_url: str) -> None:
    assert "Meta-World Tasks, Model-Free" in search(page, facet_url, "world model")
    # Half-typed: "walki" begins "walking", whose stem is "walk".
    assert search(page, facet_url, "walki") == ["Walking Mazes from Pixels"]
    phrase = search(page, facet_url, '"world model"')
    assert phrase and "Meta-World Tasks, Model-Free" not in phrase
    assert search(page, facet_url, "author:Levine") == ["Meta-World Tasks, Model-Free"]
    assert sorted(search(page, facet_url, "env:atari year:2024")) == ["Seeing Worlds Before Acting"]
    search(page, facet_url, "pixels")
    page.get_by_label("Year").select_option("2024")
    page.wait_for_url("**year=2024")
    page.wait_for_function("document.querySelectorAll('.ap-result').length === 2")
    page.reload()  # the address alone brings the facet back
    page.wait_for_function("document.querySelectorAll('.ap-result').length === 2")
    assert page.get_by_label("Year").input_value() == "2024"
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_search_results_fit_a_phone(browser: Browser, facet_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    assert search(phone, facet_url, "world")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0


def test_searching_the_real_list(page: Page, real_url: str) -> None:
    assert search(page, real_url, "Dreamer")[0] == (
        "DreamerV2: Mastering Atari with Discrete World Models"
    )
    page.click(".ap-result-title a >> nth=0")
    page.wait_for_url("**/papers/mastering-atari-discrete-world-models.html")
    phrase = search(page, real_url, '"world model"')
    assert "DreamerV2: Mastering Atari with Discrete World Models" in phrase
    assert not [t for t in phrase if t.startswith("FuRL")]  # Meta-World ... Models is no phrase
    levine = search(page, real_url, "author:Levine")
    assert sorted(levine) == sorted(
        [
            "SayCan: Do As I Can, Not As I Say: Grounding Language in Robotic Affordances",
            "LM-Nav: Robotic Navigation with Large Pre-Trained Models of Language, Vision, and Action",
            "ARC: Learning Actionable Representations with Goal-Conditioned Policies",
        ]
    )
    carla = search(page, real_url, "env:CARLA")
    assert len(carla) == 3 and all(t for t in carla)
    assert page.console_errors == []  # type: ignore[attr-defined]


#: Markup that the lint lets through (no tag is closed), which innerHTML would still run.
HOSTILE = "<img src=x onerror=window.pwned=1 alt=Mallory Dreams"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site with a record whose every field is markup."""
    base = small_data(tmp_path_factory, "hostile")
    data = base / "data"
    with (data / "keywords.yaml").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write("- name: '<script src=//evil.example/x.js'\n")
    (data / "papers" / "hostile.yaml").write_text(
        "id: hostile\n"
        f"title: '{HOSTILE}'\n"
        "url: https://example.org/hostile\n"
        "authors: ['<b onmouseover=window.pwned=3 Mallory']\n"
        "venue: '<i ICLR'\nyear: 2024\ncategory: agents\ntopics: [visual-agents]\n"
        "keywords: ['<script src=//evil.example/x.js']\n"
        "note: 'dreams <iframe src=javascript:window.pwned=4'\n",
        "utf-8",
    )
    yield from serve(base)


def test_search_shows_hostile_text_as_text(page: Page, hostile_url: str) -> None:
    assert search(page, hostile_url, "Mallory dreams") == [HOSTILE]
    results = page.locator(".ap-results")
    assert results.locator("img, script, iframe, b, i").count() == 0
    assert "<iframe" in results.locator(".ap-result-excerpt").inner_text()
    assert "<b onmouseover" in results.locator(".ap-result-meta").inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.console_errors == []  # type: ignore[attr-defined]


#: One page of each kind the test site has, and a missing page at some depth.
PAGE_KINDS = [
    "index.html",
    "categories/index.html",
    "categories/vision.html",
    "topics/index.html",
    "topics/visual-agents.html",
    "keywords/index.html",
    "keywords/visual-rl.html",
    "environments/index.html",
    "environments/atari.html",
    "venues/index.html",
    "venues/iclr-2021.html",
    "all/index.html",
    "search.html?q=dream",
    "genindex.html",
    "mine.html",
]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_a_first_visit_logs_no_console_error(page: Page, site_url: str, path: str) -> None:
    response = page.goto(f"{site_url}/{path}")
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    icon = page.locator('link[rel="icon"]')
    assert icon.count() == 1
    assert page.request.get(page.evaluate("document.querySelector('link[rel=icon]').href")).ok
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_icons_come_from_the_subset_fonts_not_the_icon_script(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [url for url in loaded if "fontawesome" in url]
    assert [url for url in loaded if "awesome_papers_icons/fa-solid-900.woff2" in url]
    # The magnifier drew from the subset: its face loaded, the theme's never fetched.
    faces = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    )
    assert any("Font Awesome 7 Free" in face and face.endswith("900") for face in faces)


def test_a_mistyped_address_gets_the_sites_own_404_page(page: Page, site_url: str) -> None:
    missing = f"{site_url}/categories/no/such-page.html"
    response = page.goto(missing)
    assert response is not None and response.status == 404
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Page not found"
    # Its styles, scripts and links are rooted where the site is published, at any depth.
    assert page.locator(".bd-header").is_visible()
    follow(page, page.get_by_role("link", name="The home page"))
    assert page.url == f"{site_url}/"
    # The browser reports the missing page's own status; nothing else may fail.
    errors = page.console_errors  # type: ignore[attr-defined]
    assert errors[0] == (
        f"Failed to load resource: the server responded with a status of 404 (Not Found) ({missing})"
    )
    assert errors[1:] == []
