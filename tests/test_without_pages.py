"""A site without generated pages (``awesome_papers_pages = False``): hand-written pages
show the cards, and nothing the build writes links a page it did not write."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from awesome_papers.records.loader import load_catalogue
from bs4 import BeautifulSoup
from conftest import one_page, read_inventory
from sphinx.testing.util import SphinxTestApp

OFF = "awesome_papers_pages = False\n"
ATOM = "{http://www.w3.org/2005/Atom}"


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text("utf-8"), "html.parser")


def test_a_card_links_to_no_paper_page(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """No paper page is written: a card's title is plain text, with no link to one and no
    warning, and the inventory offers none."""
    app = one_page(tmp_path, data_dir, make_app, ".. paper-cards::\n   :category: vision", OFF)
    assert app.warning.getvalue() == ""
    titles = page(app, "index.html").select(".ap-title")
    assert [title.select("a.reference.internal") for title in titles] == [[], []]
    assert "Walking Mazes from Pixels" in " ".join(title.get_text() for title in titles)
    assert not any(
        label.startswith("paper-") for label in read_inventory(Path(app.outdir))["std:label"]
    )


def test_an_index_entry_without_a_page_is_a_warning(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    app = one_page(tmp_path, data_dir, make_app, ".. paper-index:: venue", OFF)
    assert "index.rst:4: WARNING: undefined label: 'venue-iclr-2024'" in app.warning.getvalue()
    soup = page(app, "index.html")
    assert soup.select("ul.ap-index a") == []
    assert "ICLR 2024" in soup.select_one("ul.ap-index").get_text()


def test_search_rows_and_feed_link_the_papers_themselves(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """The paper search, the rows of All papers and the feed send a reader to the paper
    itself, and there are no feeds of topic or venue pages that do not exist."""
    conf = OFF + "html_baseurl = 'https://lists.example/mmrl/'\n"
    app = one_page(tmp_path, data_dir, make_app, ".. paper-all::", conf)
    assert app.warning.getvalue() == ""
    outdir = Path(app.outdir)
    own = {paper.id: paper.url for paper in load_catalogue(data_dir).papers}

    rows = json.loads((outdir / "papers-index.json").read_text("utf-8"))["papers"]
    assert {row["i"]: row["u"] for row in rows} == own
    found = [json.loads(path.read_text("utf-8")) for path in outdir.glob("paper-search/b/*.json")]
    assert sorted(result[0] for block in found for result in block) == sorted(own.values())

    feed = ET.parse(outdir / "feed.xml").getroot()
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    assert sorted(links) == sorted(own.values())
    fallback = page(app, "index.html").select(".ap-all noscript a")
    assert [a["href"] for a in fallback] == ["papers.json", "papers.bib", "papers.csv", "feed.xml"]
    assert not (outdir / "feeds").exists()
    assert not (outdir / "listings").exists()
    written = [p for p in outdir.rglob("*") if p.suffix in {".json", ".xml", ".html", ".js"}]
    assert not [p for p in written if re.search(r"papers/[\w-]+\.html", p.read_text("utf-8"))]


def test_switching_pages_off_rewrites_what_links_them(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """Switched off after a build with pages, the next build links the papers themselves:
    the search index, rows and feed rest on the switch, not only on the data."""
    body = ".. paper-all::"
    first = one_page(tmp_path, data_dir, make_app, body)
    first.cleanup()
    outdir = Path(first.outdir)
    assert "papers/dreamerv2.html" in (outdir / "feed.xml").read_text("utf-8")
    conf = tmp_path / "bare" / "conf.py"
    conf.write_text(conf.read_text("utf-8") + OFF, "utf-8")
    again = make_app("html", srcdir=tmp_path / "bare")
    again.build()
    feed = (outdir / "feed.xml").read_text("utf-8")
    assert "papers/dreamerv2.html" not in feed
    assert "https://arxiv.org/abs/2010.02193" in feed
    rows = json.loads((outdir / "papers-index.json").read_text("utf-8"))["papers"]
    assert "https://arxiv.org/abs/2010.02193" in {row["u"] for row in rows}


def test_the_files_all_papers_points_to_are_there_in_a_dirhtml_build(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """A page of folders (``all/index.html``) links the list's files one folder up, as
    the home page links them beside it."""
    srcdir = tmp_path / "folders"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        f"extensions = ['awesome_papers']\nawesome_papers_data = {str(data_dir)!r}\n{OFF}", "utf-8"
    )
    (srcdir / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   all\n\n.. paper-overview::\n", "utf-8"
    )
    (srcdir / "all.rst").write_text("All\n===\n\n.. paper-all::\n", "utf-8")
    app = make_app("dirhtml", srcdir=srcdir)
    app.build()
    outdir = Path(app.outdir)
    for name, folder in (("all/index.html", outdir / "all"), ("index.html", outdir)):
        hrefs = [a["href"] for a in page(app, name).select(".ap-exports a")]
        assert hrefs, name
        assert all((folder / href).resolve().is_file() for href in hrefs), (name, hrefs)
