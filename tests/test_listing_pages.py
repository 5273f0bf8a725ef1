"""Long listings on this list's own site: pages of at most ``awesome_papers_page_size`` cards
(50), later pages written beside the first with a pager, and a rows file per long listing
that the facets read. The browser side is in test_browser_listing.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build

SIZE = 50


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The list's site, built from copies of docs/ and data/."""
    base = tmp_path_factory.mktemp("list")
    shutil.copytree(REPO / "data", base / "data")
    shutil.copytree(
        REPO / "docs", base / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__", "_ext")
    )
    sphinx_build(base / "docs", base / "html")
    return base / "html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def categories() -> dict[str, set[str]]:
    """Each category's papers, from the records."""
    found: dict[str, set[str]] = {}
    for path in (REPO / "data" / "papers").glob("*.yaml"):
        record = yaml.safe_load(path.read_text("utf-8"))
        found.setdefault(record["category"], set()).add(record["id"])
    return found


def pages_of(site: Path, category: str) -> list[Path]:
    """The category's pages, in the order its pager gives them."""
    pages, path = [], site / "categories" / f"{category}.html"
    while True:
        pages.append(path)
        following = soup(path).select_one(".ap-pager a[rel=next]")
        if following is None:
            return pages
        path = (path.parent / str(following["href"])).resolve()


def test_every_paper_of_a_category_is_on_exactly_one_of_its_pages(site: Path) -> None:
    for category, papers in categories().items():
        pages = pages_of(site, category)
        shown = [[card["id"] for card in soup(p).select(".ap-card")] for p in pages]
        assert len(pages) == -(-len(papers) // SIZE), category
        assert all(len(cards) <= SIZE for cards in shown)
        flat = [paper for cards in shown for paper in cards]
        assert sorted(flat) == sorted(papers), category


def test_a_later_page_names_its_place_and_links_the_first(site: Path) -> None:
    long = max(categories().items(), key=lambda item: len(item[1]))[0]
    assert len(categories()[long]) > SIZE, "this list has a category longer than a page"
    later = soup(site / "categories" / long / "page-2.html")
    assert "(page 2 of" in later.h1.get_text()
    assert later.select_one(".ap-pager [aria-current=page]").get_text() == "2"
    first = later.select_one(".ap-listing-first a")["href"]
    assert (
        site / "categories" / long / str(first)
    ).resolve() == site / "categories" / f"{long}.html"
    assert later.select_one('meta[name="description"]')["content"].startswith("Papers 51–")


def test_the_rows_file_holds_the_whole_listing_in_its_order(site: Path) -> None:
    long = max(categories().items(), key=lambda item: len(item[1]))[0]
    pager = soup(site / "categories" / f"{long}.html").select_one(".ap-pager")
    rows = json.loads((site / str(pager["data-listing"])).read_text("utf-8"))["papers"]
    on_pages = [card["id"] for p in pages_of(site, long) for card in soup(p).select(".ap-card")]
    assert [row["i"] for row in rows] == on_pages
    assert all((site / row["u"]).is_file() for row in rows)
    assert int(pager["data-total"]) == len(rows)


def test_all_papers_index_comes_in_a_first_part_and_the_rest(site: Path) -> None:
    index = json.loads((site / "papers-index.json").read_text("utf-8"))
    rest = [json.loads((site / name).read_text("utf-8")) for name in index["rest"]]
    ids = [row["i"] for row in index["papers"]] + [row["i"] for part in rest for row in part]
    assert len(ids) == index["total"] == sum(len(p) for p in categories().values())
    assert sorted(ids) == sorted(p for papers in categories().values() for p in papers)


def test_later_pages_are_in_the_sitemap(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    later = sorted(site.glob("*/*/page-*.html"))
    assert later
    for path in later:
        assert f"/{path.relative_to(site).as_posix()}</loc>" in sitemap
