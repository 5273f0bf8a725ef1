"""A home for every paper, on this list's own site: paper pages, author pages, feeds per topic
and venue, the sitemap, and labels that other projects cite."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import feedparser
import pytest
import yaml
from awesome_papers.sphinx_ext.views import field_query
from bs4 import BeautifulSoup
from conftest import REPO, read_inventory, sphinx_build

DREAMER = "mastering-atari-discrete-world-models"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of this list's docs/ and data/, so that builds leave the work tree alone."""
    base = tmp_path_factory.mktemp("list")
    shutil.copytree(REPO / "data", base / "data")
    shutil.copytree(
        REPO / "docs",
        base / "docs",
        ignore=shutil.ignore_patterns("_build", "__pycache__", "_ext"),
    )
    return base


@pytest.fixture(scope="module")
def site(checkout: Path) -> Path:
    """The list's site, built once for this module."""
    sphinx_build(checkout / "docs", checkout / "html")
    return checkout / "html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def records() -> Iterator[dict[str, object]]:
    for path in sorted((REPO / "data" / "papers").glob("*.yaml")):
        yield yaml.safe_load(path.read_text("utf-8"))


def meta(page: BeautifulSoup, name: str) -> list[str]:
    return [str(tag["content"]) for tag in page.select(f'meta[name="{name}"]')]


def test_the_paper_label_lands_on_the_papers_own_page(site: Path) -> None:
    labels = read_inventory(site, "https://example.org")["std:label"]
    target = labels[f"paper-{DREAMER}"]
    assert target.uri == f"https://example.org/papers/{DREAMER}.html"
    assert target.display_name == "Mastering Atari with Discrete World Models"
    assert labels["author-sergey-levine"].uri.endswith("authors/sergey-levine.html")


def test_paper_page_tells_reference_managers_everything(site: Path) -> None:
    page = soup(site / "papers" / f"{DREAMER}.html")
    record = yaml.safe_load((REPO / "data" / "papers" / f"{DREAMER}.yaml").read_text("utf-8"))
    assert meta(page, "citation_title") == [record["title"]]
    assert meta(page, "citation_author") == record["authors"]
    assert meta(page, "citation_publication_date") == [str(record["year"])]
    assert meta(page, "citation_conference_title") == [record["venue"]]
    assert meta(page, "citation_arxiv_id") == ["2010.02193"]
    assert page.select_one('meta[property="og:title"]')["content"] == record["title"]
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"https://awesome-mmrl.readthedocs.io/en/latest/papers/{DREAMER}.html"
    assert page.title is not None and page.title.get_text().startswith(record["title"])
    assert page.h1 is not None and "DreamerV2" in page.h1.get_text()


def test_paper_page_cites_in_bibtex_and_ris_and_offers_both_to_download(site: Path) -> None:
    page = soup(site / "papers" / f"{DREAMER}.html")
    bibtex, ris = (pre.get_text() for pre in page.select("pre.ap-bibtex"))
    assert bibtex.startswith(f"@inproceedings{{hafner2021:{DREAMER},")
    assert "TI  - Mastering Atari with Discrete World Models\n" in ris
    record = yaml.safe_load((REPO / "data" / "papers" / f"{DREAMER}.yaml").read_text("utf-8"))
    assert ris.count("\nAU  - ") == len(record["authors"]) and ris.endswith("ER  -\n")
    assert "AU  - Jimmy Ba\n" in ris  # the fourth, whom the list once cut off
    downloads = {a["download"]: a["href"] for a in page.select("a[download]")}
    kind, _, text = downloads[f"{DREAMER}.bib"].partition(",")
    assert kind == "data:application/x-bibtex;charset=utf-8" and unquote(text) == bibtex
    kind, _, text = downloads[f"{DREAMER}.ris"].partition(",")
    assert kind == "data:application/x-research-info-systems;charset=utf-8"
    assert unquote(text) == ris


def test_paper_page_links_related_papers_and_says_why(site: Path) -> None:
    page = soup(site / "papers" / f"{DREAMER}.html")
    related = page.select("ol.ap-related > li")
    assert 3 <= len(related) <= 6
    for item in related:
        href = item.a["href"]
        assert (site / "papers" / href).is_file(), href
        assert item.select_one(".ap-why").get_text().startswith("Shares ")
    assert "World models" in related[0].get_text() or "Danijar Hafner" in related[0].get_text()


def test_paper_page_links_its_record_and_a_prefilled_report(site: Path) -> None:
    page = soup(site / "papers" / f"{DREAMER}.html")
    links = {a.get_text(): a["href"] for a in page.select(".ap-record-links a")}
    repository = "https://github.com/opendilab/awesome-multi-modal-reinforcement-learning"
    assert links["Edit this record"] == f"{repository}/blob/main/data/papers/{DREAMER}.yaml"
    report = urlsplit(links["Report a problem"])
    assert report.path.endswith("/issues/new")
    fields = parse_qs(report.query)
    assert fields["title"] == [f"Record {DREAMER}: "]
    assert f"data/papers/{DREAMER}.yaml" in fields["body"][0]
    assert "Mastering Atari with Discrete World Models" in fields["body"][0]


def test_a_papers_methods_lead_to_the_search_for_every_paper_using_them(site: Path) -> None:
    """DeepSeek-R1 uses GRPO: its page links GRPO to the search page, asking for method:GRPO."""
    page = soup(site / "papers" / "deepseek-r1-incentivizing-reasoning-capability.html")
    link = page.select_one(".ap-methods a")
    assert link is not None and link.get_text() == "GRPO"
    target = urlsplit(link["href"])
    assert (site / "papers" / target.path).resolve() == (site / "search.html").resolve()
    assert parse_qs(target.query) == {"q": ["method:GRPO"]}


@pytest.mark.parametrize(
    ("method", "query"),
    [("GRPO", "method:GRPO"), ("Clip PPO", 'method:"Clip PPO"'), ('A "B" C', None)],
)
def test_a_method_becomes_a_query_the_search_page_reads(method: str, query: str | None) -> None:
    """A method with a space is quoted; one with a double quote cannot be asked for."""
    assert field_query("method", method) == query


def test_author_page_lists_exactly_the_authors_papers(site: Path) -> None:
    page = soup(site / "authors" / "sergey-levine.html")
    shown = {a["href"].removesuffix(".html").rsplit("/", 1)[-1] for a in page.select(".ap-rows a")}
    expected = {str(r["id"]) for r in records() if "Sergey Levine" in r.get("authors", [])}
    assert shown == expected and len(expected) >= 2
    coauthors = {
        li.a.get_text(): li.select_one(".ap-index-count").get_text().strip()
        for li in page.select("#coauthors + ul li")
        if li.a
    }
    assert coauthors["Brian Ichter"] == "2"


def test_author_index_reaches_every_author(site: Path) -> None:
    names = {
        name
        for r in records()
        for name in r.get("authors", [])  # type: ignore[attr-defined]
    }
    listed: set[str] = set()
    letters = soup(site / "authors" / "index.html").select("ul.ap-index a")
    assert len(letters) >= 10
    for letter in letters:
        page = soup(site / "authors" / letter["href"])
        for item in page.select("ul.ap-index li"):
            listed.add(item.select_one("span").get_text())
            if item.a is not None:
                assert (site / "authors" / item.a["href"]).is_file()
    assert {n.casefold() for n in names} == {n.casefold() for n in listed}


def test_a_topic_page_announces_its_own_feed_and_the_feed_reads(site: Path) -> None:
    page = soup(site / "topics" / "world-models.html")
    link = page.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link is not None and link["href"] == "../feeds/topic-world-models.xml"
    feed = feedparser.parse((site / "topics" / link["href"]).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    expected = {
        str(r["id"]) for r in records() if "world-models" in r.get("topics", []) and r.get("added")
    }
    shown = {entry.link.removesuffix(".html").rsplit("/", 1)[-1] for entry in feed.entries}
    assert shown == expected
    assert feed.feed.title.endswith("World models")


def test_sitemap_lists_every_paper_page(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    base = "https://awesome-mmrl.readthedocs.io/en/latest/"
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(loc.startswith(base) and (site / loc[len(base) :]).is_file() for loc in locs)
    papers = {loc for loc in locs if "/papers/" in loc}
    assert len(papers) == len(list((REPO / "data" / "papers").glob("*.yaml")))


def test_card_title_leads_to_the_page_and_its_button_to_the_paper(site: Path) -> None:
    page = soup(site / "topics" / "world-models.html")
    card = page.select_one(f"#{DREAMER}")
    assert card.select_one(".ap-title a")["href"] == f"../papers/{DREAMER}.html"
    assert card.select_one(".ap-links a")["href"] == "https://arxiv.org/abs/2010.02193"


def test_the_same_data_gives_the_same_pages(site: Path, checkout: Path) -> None:
    again = checkout / "again"
    sphinx_build(checkout / "docs", again)

    def digests(root: Path) -> dict[str, str]:
        folders = ("papers", "authors", "feeds")
        return {
            str(p.relative_to(root)): hashlib.sha1(p.read_bytes()).hexdigest()
            for folder in folders
            for p in sorted((root / folder).rglob("*"))
        } | {"sitemap.xml": hashlib.sha1((root / "sitemap.xml").read_bytes()).hexdigest()}

    assert digests(site) == digests(again)


class _Refs(HTMLParser):
    """A page's references (href, src) and the ids it holds; the standard library's parser
    reads the 400 pages of a dirhtml build ten times as fast as BeautifulSoup."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag in ("a", "link", "script", "img"):
            self.refs += [str(found[k]) for k in ("href", "src") if found.get(k)]


def test_dirhtml_resolves_every_internal_link_and_anchor(checkout: Path) -> None:
    """Every page of a dirhtml build (the 404 page's links are rooted at the published site
    on purpose): each link, script, stylesheet and feed within the site reaches a file, and
    each #anchor an element of the page it names."""
    out = checkout / "dirhtml"
    sphinx_build(checkout / "docs", out, "dirhtml")
    pages = {
        p: _Refs(p.read_text("utf-8")) for p in out.rglob("index.html") if p.parent.name != "404"
    }
    assert out / "papers" / DREAMER / "index.html" in pages
    assert out / "authors" / "sergey-levine" / "index.html" in pages
    checked = 0
    for path, page in pages.items():
        for ref in page.refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("//", "mailto:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            target = target / "index.html" if target.is_dir() else target
            assert target.is_file(), (path, ref)
            if parts.fragment and target in pages:
                assert unquote(parts.fragment) in pages[target].ids, (path, ref)
            checked += 1
    assert checked > 10 * len(pages)
    topic = out / "topics" / "world-models" / "index.html"
    assert any(ref.startswith("../../feeds/topic-world-models") for ref in pages[topic].refs)


def test_an_edit_rewrites_only_the_pages_that_show_it(checkout: Path) -> None:
    """A title edit reaches the paper's page and its related papers' pages; a page that does
    not show the paper is not written again; a deleted record's page goes."""
    out = checkout / "incremental"
    sphinx_build(checkout / "docs", out)
    pages = out / "papers"
    untouched = next(
        p for p in sorted(pages.glob("*.html")) if "Mastering Atari" not in p.read_text("utf-8")
    )
    before = untouched.stat().st_mtime_ns
    record = checkout / "data" / "papers" / f"{DREAMER}.yaml"
    original = record.read_text("utf-8")
    try:
        record.write_text(original.replace("title: Mastering", "title: Edited Mastering"), "utf-8")
        sphinx_build(checkout / "docs", out)
        assert "Edited Mastering Atari" in (pages / f"{DREAMER}.html").read_text("utf-8")
        showing = [p for p in pages.glob("*.html") if "Edited Mastering" in p.read_text("utf-8")]
        assert len(showing) >= 2  # its own page and a related paper's
        assert untouched.stat().st_mtime_ns == before
        record.unlink()
        sphinx_build(checkout / "docs", out)
        assert not (pages / f"{DREAMER}.html").exists()
        levels = soup(out / "authors" / "letter-h.html").get_text()
        assert "Danijar Hafner" in levels  # still an author, of PlaNet
    finally:
        record.write_text(original, "utf-8")


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "categories/vlm-rl.html",
        "topics/world-models.html",
        "search.html",
        f"papers/{DREAMER}.html",
    ],
)
def test_every_page_has_one_viewport_tag_and_a_description(site: Path, page: str) -> None:
    head = soup(site / page).head
    assert len(head.select('meta[name="viewport"]')) == 1
    descriptions = head.select('meta[name="description"]')
    assert len(descriptions) == 1 and len(descriptions[0]["content"]) > 20


def test_a_keyword_page_is_not_described_by_its_first_card(site: Path) -> None:
    page = soup(site / "keywords" / "grpo.html")
    description = str(page.select_one('meta[name="description"]')["content"])
    first = page.select_one(".ap-card .ap-title").get_text()
    assert description.startswith("GRPO")
    assert first.split(":")[0] not in description


def _theme_glyphs() -> dict[str, int]:
    """Each ``fa-`` class of the theme's stylesheet and its code point."""
    import pydata_sphinx_theme

    css = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme/pydata_sphinx_theme/static/styles/pydata-sphinx-theme.css"
    ).read_text("utf-8")
    glyphs: dict[str, int] = {}
    for selectors, point in re.findall(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"\\([0-9a-f]+)"', css):
        for name in filter(None, selectors.split(",")):
            glyphs[name.strip(".")] = int(point, 16)
    return glyphs


@pytest.mark.parametrize(
    "page", ["index.html", "topics/world-models.html", f"papers/{DREAMER}.html"]
)
def test_the_page_shell_draws_its_icons_from_a_few_kilobytes_of_fonts(
    site: Path, page: str
) -> None:
    from fontTools.ttLib import TTFont

    html = soup(site / page)
    assert not [s for s in html.select("script[src]") if "fontawesome" in s["src"]]
    links = [str(link["href"]) for link in html.select('link[rel="stylesheet"]')]
    assert not [href for href in links if "pydata-sphinx-theme.css" in href]
    sheet = next(href for href in links if "awesome_papers_theme.css" in href)
    css = (site / page).parent.joinpath(sheet.split("?")[0]).resolve().read_text("utf-8")
    assert ".fa-rocket{" not in css and ".fa-sun{" in css  # only the classes the site shows
    assert "vendor/fontawesome" not in css and "sourceMappingURL" not in css
    fonts = sorted((site / "_static" / "awesome_papers_icons").glob("*.woff2"))
    assert fonts and sum(font.stat().st_size for font in fonts) < 10_000
    solid = set(TTFont(site / "_static/awesome_papers_icons/fa-solid-900.woff2").getBestCmap())
    brands = set(TTFont(site / "_static/awesome_papers_icons/fa-brands-400.woff2").getBestCmap())
    glyphs = _theme_glyphs()
    shown = {name for icon in html.select("i") for name in icon.get("class", []) if name in glyphs}
    assert {"fa-magnifying-glass", "fa-sun", "fa-square-github"} <= shown
    for name in shown:
        assert glyphs[name] in solid | brands, name
