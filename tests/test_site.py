"""The HTML a reader gets: cards, generated pages, links, anchors, escaping, rebuilds."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from awesome_papers.records.loader import load_catalogue
from bs4 import BeautifulSoup
from conftest import ROOTS, one_page, read_inventory
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp

Build = Callable[..., SphinxTestApp]


@pytest.fixture
def site(tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]) -> Build:
    """Build the test site (a copy beside the data copy); returns the finished app."""
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-site", srcdir)

    def build(**kwargs: Any) -> SphinxTestApp:
        app = make_app("html", srcdir=srcdir, **kwargs)
        app.build()
        app.cleanup()  # unregister nodes, so that the next build in this test starts clean
        return app

    return build


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text("utf-8"), "html.parser")


def card_ids(soup: BeautifulSoup) -> list[str]:
    return [card["id"] for card in soup.select("div.ap-card")]


def read_docs(app: SphinxTestApp) -> set[str]:
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status))


def written_docs(app: SphinxTestApp) -> set[str]:
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))


def sphinx_search_terms(app: SphinxTestApp) -> dict[str, set[str]]:
    """Sphinx's own search index: the documents each word is found in."""
    text = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docnames = index["docnames"]
    return {
        term: {docnames[i] for i in ([found] if isinstance(found, int) else found)}
        for term, found in index["terms"].items()
    }


def test_build_is_clean(site_build: SphinxTestApp) -> None:
    assert site_build.warning.getvalue() == ""
    for name in [
        "index.html",
        "categories/vision.html",
        "keywords/index.html",
        "keywords/visual-rl.html",
        "environments/index.html",
        "environments/atari.html",
        "venues/iclr-2024.html",
        "mine.html",
    ]:
        assert (Path(site_build.outdir) / name).is_file(), name


def test_every_page_links_the_favicon_and_a_404_page_is_rooted_at_the_site(
    site_build: SphinxTestApp,
) -> None:
    out = Path(site_build.outdir)
    pages = sorted(p for p in out.rglob("*.html") if "_static" not in p.parts)
    assert len(pages) > 10
    for path in pages:
        icons = page(site_build, str(path.relative_to(out))).select('link[rel="icon"]')
        assert len(icons) == 1, path
    assert (out / "_static" / "favicon.svg").is_file()
    missing = page(site_build, "404.html")
    assert missing.h1 is not None and missing.h1.get_text() == "Page not found"
    # The host serves it at any depth, so its links start at html_baseurl's path.
    assert missing.select_one('link[rel="icon"]')["href"] == "/list/_static/favicon.svg"  # type: ignore[index]
    assert missing.select_one('a[href="/list/all/"]') is not None


def test_every_file_the_build_writes_is_readable_by_a_web_server(site_build: SphinxTestApp) -> None:
    out = Path(site_build.outdir)
    files = [path for path in out.rglob("*") if path.is_file()]
    assert {"papers.json", "papers.bib", "feed.xml", "papers-index.json"} <= {p.name for p in files}
    for path in files:
        assert path.stat().st_mode & 0o444 == 0o444, f"{path}: {oct(path.stat().st_mode)}"


def test_card_shows_everything_a_reader_needs(site_build: SphinxTestApp) -> None:
    card = page(site_build, "categories/vision.html").select_one("div.ap-card#drm-dormant-ratio")
    assert card is not None
    title = card.select_one(".ap-title a.reference.internal")
    assert (
        title["href"] == "../papers/drm-dormant-ratio.html"
    )  # its page; the Paper button: the paper
    assert (
        title.get_text()
        == "DrM: Mastering Visual Reinforcement Learning through Dormant Ratio Minimization"
    )
    assert card.select_one(".ap-title .sd-badge").get_text() == "spotlight"
    assert card.select_one("a.ap-permalink")["href"] == "#drm-dormant-ratio"
    authors = card.select_one("details.ap-authors")
    assert authors.select_one("summary").get_text() == (
        "Guowei Xu, Ruijie Zheng, Yongyuan Liang, Xiyao Wang, Zhecheng Yuan, Tianying Ji +1 more"
    )
    assert (
        authors.select_one(".ap-authors-all")
        .get_text()
        .endswith("Tianying Ji, Hal Daumé III et al.")
    )
    assert card.select_one(".ap-venue a")["href"] == "../venues/iclr-2024.html#venue-iclr-2024"
    keywords = {a.get_text(): a["href"] for a in card.select(".ap-keywords a")}
    # A keyword of one paper has no page to lead to: its badge is plain text.
    assert keywords == {"Visual RL": "../keywords/visual-rl.html#keyword-visual-rl"}
    assert [b.get_text() for b in card.select(".ap-keywords .ap-keyword")] == [
        "Visual RL",
        "Dormant Ratio",
    ]
    topics = {a.get_text(): a["href"] for a in card.select(".ap-topics a")}
    assert topics == {
        "Agents that learn from pixels": "../topics/visual-agents.html#topic-visual-agents"
    }
    env = card.select_one(".ap-environment")
    links = [a["href"] for a in env.select("a")]
    assert links == ["https://github.com/deepmind/dm_control"]  # one paper: no page, the website
    buttons = {a.get_text(): a["href"] for a in card.select(".ap-links a")}
    assert buttons == {
        "Paper": "https://openreview.net/forum?id=MSe8YFbhUE",
        "Code": "https://github.com/XuGW-Kevin/DrM",
        "Cite": "../papers/drm-dormant-ratio.html#cite",
    }
    cite = card.select_one(".ap-links a.reference.internal")
    assert (cite.get_text(), cite["href"]) == ("Cite", "../papers/drm-dormant-ratio.html#cite")
    assert card.select("pre") == []  # the BibTeX is on the paper's page
    paper = page(site_build, "papers/drm-dormant-ratio.html")
    bibtex = paper.select_one("#cite ~ .ap-cite pre.ap-bibtex").get_text()
    assert bibtex.startswith("@inproceedings{xu2024:drm-dormant-ratio,\n  title = {{DrM: Mastering")
    assert (
        "  author = {Guowei Xu and Ruijie Zheng" in bibtex and "Hal Daumé III and others}" in bibtex
    )


def test_card_shows_short_name_track_and_reader_note_not_maintainer_note(
    site_build: SphinxTestApp,
) -> None:
    agents = page(site_build, "categories/agents.html").select_one("div.ap-card#dreamerv2")
    assert agents.select_one(".ap-short-name").get_text() == "DreamerV2"
    assert agents.select_one(".ap-venue").get_text() == "ICLR 2021 · Poster"
    maze = page(site_build, "categories/vision.html").select_one("div.ap-card#maze-walker")
    assert maze.select_one(".ap-title a")["href"] == "../papers/maze-walker.html"
    assert maze.select_one(".ap-note").get_text() == "The maze code is released on request."
    for html in Path(site_build.outdir).rglob("*.html"):
        assert "abstract page is preferred" not in html.read_text("utf-8"), html


def test_category_page_states_its_rule(site_build: SphinxTestApp) -> None:
    rule = page(site_build, "categories/vision.html").select_one("p.ap-rule")
    assert rule.get_text() == "What belongs here: Papers whose agents learn from pixels."


def test_category_page_orders_newest_first(site_build: SphinxTestApp) -> None:
    soup = page(site_build, "categories/vision.html")
    assert soup.select_one("h1").get_text().rstrip("#") == "Vision"
    assert card_ids(soup) == ["drm-dormant-ratio", "maze-walker"]


def test_keyword_page_lists_exactly_its_papers(site_build: SphinxTestApp) -> None:
    assert card_ids(page(site_build, "keywords/world-model.html")) == ["maze-walker", "dreamerv2"]
    assert card_ids(page(site_build, "keywords/visual-rl.html")) == [
        "drm-dormant-ratio",
        "maze-walker",
    ]
    index = page(site_build, "keywords/index.html")
    entries = [li.get_text(" ", strip=True) for li in index.select("ul.ap-index li")]
    assert entries == ["Dormant Ratio 1", "Visual RL 2", "World Model 2"]
    links = [a["href"] for a in index.select("ul.ap-index a")]
    assert links == [
        "../papers/drm-dormant-ratio.html",  # one paper: its page, not a keyword page
        "visual-rl.html#keyword-visual-rl",
        "world-model.html#keyword-world-model",
    ]
    assert not (Path(site_build.outdir) / "keywords/dormant-ratio.html").exists()
    venues = page(site_build, "venues/index.html").select("ul.ap-index a")
    assert venues[0]["href"] == "iclr-2024.html#venue-iclr-2024"


def test_index_of_an_unknown_kind_is_an_error_at_its_line(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    app = one_page(tmp_path, data_dir, make_app, ".. paper-index:: authors")
    assert "index.rst:4: ERROR: paper-index: unknown kind 'authors'" in app.warning.getvalue()


def test_environment_page_lists_its_papers_and_links_the_site(site_build: SphinxTestApp) -> None:
    soup = page(site_build, "environments/atari.html")
    assert card_ids(soup) == ["maze-walker", "dreamerv2"]
    assert soup.select_one(".ap-environment-link a")["href"] == "https://github.com/openai/gym"
    assert not (Path(site_build.outdir) / "environments/maze.html").exists()  # one paper, no page


def test_topic_page_shows_description_related_years_and_papers(site_build: SphinxTestApp) -> None:
    soup = page(site_build, "topics/visual-agents.html")
    assert soup.select_one("h1").get_text().rstrip("#") == "Agents that learn from pixels"
    assert "Agents that see the world as images and act in it." in soup.get_text()
    assert (
        soup.select_one("p.ap-years").get_text() == "Papers per year: 2024: 1 · 2022: 1 · 2021: 1"
    )
    assert card_ids(soup) == ["drm-dormant-ratio", "maze-walker", "dreamerv2"]
    home = page(site_build, "index.html")
    topic_map = home.select_one(".ap-topic-map")
    assert topic_map.select_one("a")["href"] == "topics/visual-agents.html#topic-visual-agents"
    assert topic_map.select_one("li").get_text(" ", strip=True) == "Agents that learn from pixels 3"
    latest = [a.get_text() for a in home.select(".ap-latest a")]
    assert latest[0].startswith("DrM")


def test_paper_role_and_cards_in_myst(site_build: SphinxTestApp) -> None:
    index = page(site_build, "index.html")
    ref = index.select_one(".ap-paper-ref a.reference.internal")
    assert ref["href"] == "papers/dreamerv2.html"
    assert ref.get_text() == "Mastering Atari with Discrete World Models"
    mine = page(site_build, "mine.html")
    assert card_ids(mine) == ["maze-walker"]
    assert mine.select_one(".ap-paper-ref a")["href"] == "papers/drm-dormant-ratio.html"


def test_unknown_paper_id_is_a_warning_with_its_location(site: Build) -> None:
    srcdir = Path("site")
    (srcdir / "mine.md").write_text("# Mine\n\nSee {paper}`no-such-paper`.\n", "utf-8")
    app = site()
    assert re.search(
        r"mine\.md:3: WARNING: unknown paper id 'no-such-paper' \[awesome_papers\.paper\]",
        app.warning.getvalue(),
    )
    # Typed, so that a project can silence it as it silences Sphinx's own.
    quiet = site(confoverrides={"suppress_warnings": ["awesome_papers.paper"]})
    assert quiet.warning.getvalue() == ""


def test_hostile_text_is_inert(site: Build, data_dir: Path) -> None:
    (data_dir / "keywords.yaml").write_text(
        "- name: '<img src=x onerror=alert(1)'\n- name: Visual RL\n- name: World Model\n- name: Dormant Ratio\n",
        "utf-8",
    )
    (data_dir / "papers" / "evil.yaml").write_text(
        "id: evil\n"
        "title: '<script src=//evil.example/x.js [x] (javascript:alert(1)) `code'\n"
        "url: https://example.org/evil\n"
        "authors: ['<b Mallory', 'Hal Daumé III']\n"
        "category: agents\n"
        "topics: [visual-agents]\n"
        "keywords: ['<img src=x onerror=alert(1)']\n"
        "settings: ['.. raw:: html']\n"
        "note: '<iframe'\n",
        "utf-8",
    )
    app = site()
    html = (Path(app.outdir) / "categories/agents.html").read_text("utf-8")
    assert (
        "<script src=//evil" not in html and "<img src=x" not in html and "<b Mallory" not in html
    )
    assert 'href="javascript:' not in html
    card = page(app, "categories/agents.html").select_one("div.ap-card#evil")
    assert (
        card.select_one(".ap-title a").get_text()
        == "<script src=//evil.example/x.js [x] (javascript:alert(1)) `code"
    )
    assert card.select_one(".ap-keywords .ap-keyword").get_text() == "<img src=x onerror=alert(1)"
    assert card.select_one(".ap-setting").get_text() == ".. raw:: html"


def test_incremental_rebuild_writes_only_pages_showing_the_paper(
    site: Build, data_dir: Path
) -> None:
    site()
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("Discrete World Models", "Discrete World Models!"),
        "utf-8",
    )
    app = site()
    showing = {
        "categories/agents",
        "topics/visual-agents",
        "keywords/world-model",
        "environments/atari",
        "venues/iclr-2021",
    }
    # The title keeps the paper's place: its listings' doctrees are unchanged, their cards
    # not. They are written again, not read; the home page's newest papers are read.
    assert read_docs(app) == {"index"}
    assert showing <= written_docs(app)
    assert "Discrete World Models!" in (Path(app.outdir) / "keywords/world-model.html").read_text(
        "utf-8"
    )


def test_a_card_edit_reaches_the_page_and_sphinx_search_without_a_read(
    site: Build, data_dir: Path
) -> None:
    site()
    record = data_dir / "papers" / "maze-walker.yaml"
    record.write_text(
        record.read_text("utf-8").replace("settings: [", "settings: [quokka arena, "), "utf-8"
    )
    app = site()
    assert {"mine", "categories/vision"} <= written_docs(app) - read_docs(app)
    card = page(app, "mine.html").select_one("div.ap-card#maze-walker")
    assert "quokka arena" in card.get_text()
    # The hand-written page is in Sphinx's search; its words are the card's new ones.
    assert "mine" in sphinx_search_terms(app)["quokka"]
    # A later build that writes every page keeps them (the stored doctree is older).
    app = site(confoverrides={"html_title": "Another title"})
    assert "mine" in sphinx_search_terms(app)["quokka"]


def test_reverting_an_edit_brings_the_pages_back(site: Build, data_dir: Path) -> None:
    site()
    record = data_dir / "papers" / "dreamerv2.yaml"
    original = record.read_text("utf-8")
    record.write_text(original.replace("Discrete World Models", "Edited Models"), "utf-8")
    site()
    site()  # nothing changed
    record.write_text(original, "utf-8")
    app = site()
    assert "categories/agents" in written_docs(app)
    card = page(app, "categories/agents.html").select_one("div.ap-card#dreamerv2")
    assert "Discrete World Models" in card.get_text()
    assert "Edited Models" not in card.get_text()


def labels(app: SphinxTestApp) -> dict[str, str]:
    """The std labels of the built site's ``objects.inv``, as intersphinx reads them: URI each."""
    return {name: item.uri for name, item in read_inventory(Path(app.outdir))["std:label"].items()}


def test_labels_follow_the_data_across_rebuilds(site: Build, data_dir: Path) -> None:
    """The labels of papers and pages reach the std domain through one helper
    (``PapersDomain.publish_labels``), after reading: a paper's old label goes, its new one
    comes, and the labels of pages not re-read stay."""
    first = labels(site())
    assert first["paper-maze-walker"] == "papers/maze-walker.html"
    assert first["keyword-world-model"] == "keywords/world-model.html#keyword-world-model"
    # The paper gets another id, and leaves the keyword World Model with one paper.
    old = data_dir / "papers" / "maze-walker.yaml"
    text = old.read_text("utf-8").replace("id: maze-walker", "id: maze-runner")
    (data_dir / "papers" / "maze-runner.yaml").write_text(
        text.replace("[Visual RL, World Model]", "[Visual RL]"), "utf-8"
    )
    old.unlink()
    app = site()
    assert app.warning.getvalue() == ""
    after = labels(app)
    assert "paper-maze-walker" not in after
    assert after["paper-maze-runner"] == "papers/maze-runner.html"
    # World Model now has one paper: no page, so no label either.
    assert "keyword-world-model" not in after
    unchanged = {k: v for k, v in first.items() if "maze" not in k and "world-model" not in k}
    assert {k: after.get(k) for k in unchanged} == unchanged


def test_a_generated_page_edited_or_deleted_by_hand_comes_back(site: Build) -> None:
    app = site()
    srcdir = Path(app.srcdir)
    cards = card_ids(page(app, "keywords/world-model.html"))
    generated = (srcdir / "keywords" / "world-model.rst").read_text("utf-8")
    (srcdir / "keywords" / "world-model.rst").write_text("Hand-made\n=========\n", "utf-8")
    (srcdir / "environments" / "atari.rst").unlink()
    app = site()
    assert (srcdir / "keywords" / "world-model.rst").read_text("utf-8") == generated
    assert (srcdir / "environments" / "atari.rst").is_file()
    assert card_ids(page(app, "keywords/world-model.html")) == cards != []


def test_renamed_environment_reaches_every_card_that_shows_it(site: Build, data_dir: Path) -> None:
    site()
    vocabulary = data_dir / "environments.yaml"
    vocabulary.write_text(
        vocabulary.read_text("utf-8").replace("name: Atari", "name: Atari 2600"), "utf-8"
    )
    app = site()
    assert {"environments/atari", "environments/index"} <= read_docs(app)
    assert "categories/agents" in written_docs(app)
    card = page(app, "categories/agents.html").select_one("div.ap-card#dreamerv2")
    assert "Atari 2600" in card.select_one(".ap-environments").get_text()


def test_home_page_counts_follow_a_venue_change(site: Build, data_dir: Path) -> None:
    site()
    record = data_dir / "papers" / "maze-walker.yaml"
    text = record.read_text("utf-8").replace("venue: arXiv", "venue: ICLR")
    record.write_text(text.replace("year: 2022", "year: 2021"), "utf-8")
    app = site()
    assert "index" in read_docs(app)
    assert page(app, "index.html").select_one(".ap-overview").get_text().endswith("and 2 venues.")


def test_a_new_keyword_rereads_only_what_shows_it(site: Build, data_dir: Path) -> None:
    site()
    with (data_dir / "keywords.yaml").open("a", encoding="utf-8") as keywords:
        keywords.write("- name: Offline RL\n")
    assert read_docs(site()) == {"index", "keywords/index"}
    record = data_dir / "papers" / "maze-walker.yaml"
    record.write_text(
        record.read_text("utf-8").replace("keywords: [", "keywords: [Offline RL, "), "utf-8"
    )
    assert "categories/vision" in written_docs(site())
    assert not (data_dir.parent / "site" / "keywords" / "offline-rl.rst").exists()  # one paper
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("keywords: [", "keywords: [Offline RL, "), "utf-8"
    )
    app = site()
    assert {"keywords/offline-rl", "keywords/index"} <= read_docs(app)
    assert card_ids(page(app, "keywords/offline-rl.html")) == ["maze-walker", "dreamerv2"]


def test_saving_a_record_unchanged_rereads_nothing(site: Build, data_dir: Path) -> None:
    site()
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(record.read_text("utf-8"), "utf-8")
    (data_dir / "keywords.yaml").touch()
    assert read_docs(site()) == set()


def test_adding_a_keyword_rereads_the_pages_whose_lists_change(site: Build, data_dir: Path) -> None:
    site()
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace(
            "keywords: [World Model]", "keywords: [World Model, Visual RL]"
        ),
        "utf-8",
    )
    app = site()
    assert {"keywords/visual-rl", "keywords/index"} <= read_docs(app)
    assert "categories/agents" in written_docs(app) - read_docs(app)
    assert "mine" not in read_docs(app)
    assert card_ids(page(app, "keywords/visual-rl.html")) == [
        "drm-dormant-ratio",
        "maze-walker",
        "dreamerv2",
    ]


def test_parallel_build_gives_the_same_pages(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    outputs = []
    for name, parallel in (("serial", 0), ("parallel", 2)):
        srcdir = tmp_path / name
        shutil.copytree(ROOTS / "test-site", srcdir)
        (srcdir / "conf.py").write_text(
            (srcdir / "conf.py").read_text("utf-8").replace('"../data"', repr(str(data_dir))),
            "utf-8",
        )
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        app.cleanup()
        assert app.warning.getvalue() == ""
        outdir = Path(app.outdir)
        outputs.append({p.relative_to(outdir): p.read_bytes() for p in outdir.rglob("*.html")})
    serial, parallel_pages = outputs
    assert serial.keys() == parallel_pages.keys()
    assert [name for name in serial if serial[name] != parallel_pages[name]] == []


def test_bad_record_fails_build_main_without_an_exception(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A host that runs Sphinx in its own process (sphinx-autobuild, an IDE) gets a status
    and the located messages, and lives on; the other records are site_build."""
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("https://arxiv.org", "javascript:alert(1)//x"), "utf-8"
    )
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-site", srcdir)
    status = build_main(["--no-color", "-q", str(srcdir), str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1
    assert "data/papers/dreamerv2.yaml:3: ERROR: url: must be an http(s) URL" in err
    assert "1 problem(s) in" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "papers" / "dreamerv2.html").exists()
    assert (tmp_path / "out" / "papers" / "maze-walker.html").is_file()


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "awesome_papers_page_size = 0",
            "ERROR: awesome_papers_page_size must be at least 1, not 0; using 50",
        ),
        (
            "awesome_papers_pages = 'yes'",
            "ERROR: awesome_papers_pages must be bool, not str ('yes'); using True",
        ),
    ],
)
def test_a_wrong_setting_is_a_configuration_error_naming_it(
    tmp_path: Path,
    data_dir: Path,
    setting: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """conf.py's awesome_papers_* values are checked when read: a located error that names
    the value, a failed build (status 1), no traceback; the site is built on the default."""
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-site", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text("utf-8") + f"\n{setting}\n", "utf-8")
    status = build_main(["--no-color", "-q", str(srcdir), str(tmp_path / "out")])
    err = capsys.readouterr().err
    line = conf.read_text("utf-8").splitlines().index(setting) + 1
    assert status == 1
    assert f"conf.py:{line}: {message}" in err and "Traceback" not in err
    assert (tmp_path / "out" / "papers" / "maze-walker.html").is_file()


def test_bad_record_message_matches_the_validator(data_dir: Path, tmp_path: Path) -> None:
    """``make html`` prints the validator's line as a Sphinx error, and no traceback."""
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("https://arxiv.org", "javascript:alert(1)//x"), "utf-8"
    )
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-site", srcdir)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "--no-color",  # CI=true makes Sphinx colour its output
            "-W",
            "--keep-going",
            "-q",
            str(srcdir),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    validator = subprocess.run(
        [sys.executable, "-m", "awesome_papers", "validate", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    expected = "url: must be an http(s) URL (got 'javascript:alert(1)//x/abs/2010.02193')"
    assert f"data/papers/dreamerv2.yaml:3: {expected}" in validator.stderr
    assert result.returncode != 0
    assert re.search(r"data/papers/dreamerv2\.yaml:3: ERROR: " + re.escape(expected), result.stderr)
    assert "Traceback" not in result.stderr


def test_search_indexes_papers_not_pages_of_cards(site_build: SphinxTestApp) -> None:
    text = (Path(site_build.outdir) / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docnames = index["docnames"]

    def pages(term: str) -> set[str]:
        found = [index["terms"].get(term, []), index["titleterms"].get(term, [])]
        return {docnames[i] for f in found for i in (f if isinstance(f, list) else [f])}

    # Sphinx's index keeps the hand-written pages; no generated page of cards competes.
    generated = ("categories/", "topics/", "keywords/", "environments/", "venues/")
    for term in ("lovelac", "hafner", "walk"):  # authors, and a title word (stemmed)
        assert not [page for page in pages(term) if page.startswith(generated)], term
    assert "mine" in pages("hand")  # a hand-written page is still found
    manifest = json.loads(
        (Path(site_build.outdir) / "paper-search" / "index.json").read_text("utf-8")
    )
    data = Path(site_build.srcdir) / site_build.config.awesome_papers_data
    assert manifest["papers"] == len(load_catalogue(data).papers)


def search_files(outdir: Path) -> dict[str, object]:
    """Every file of the paper search index, parsed, by its path inside the bundle."""
    bundle = outdir / "paper-search"
    return {
        path.relative_to(bundle).as_posix(): json.loads(path.read_text("utf-8"))
        for path in sorted(bundle.rglob("*.json"))
    }


def postings(files: dict[str, Any], term: str) -> dict[str, int]:
    """The papers (by id) a term of the index finds, with their scores."""
    manifest = files["index.json"]
    chunk = next(files[c[2]] for c in manifest["chunks"] if c[0] <= term <= c[1])
    entry = chunk.get(term, [[]])
    assert not isinstance(entry, str), f"{term!r} names the stem {entry!r}"
    numbers = list(itertools.accumulate(entry[0]))
    scores = entry[1] if len(entry) > 1 else [0] * len(numbers)
    paper_ids = [
        paper[0].rsplit("/", 1)[1].removesuffix(".html")
        for name in manifest["blocks"]
        for paper in files[name]
    ]
    return {paper_ids[n]: score for n, score in zip(numbers, scores, strict=True)}


def test_the_search_index_weighs_title_first_and_finds_every_field(
    site_build: SphinxTestApp,
) -> None:
    files = search_files(Path(site_build.outdir))
    # Numbered newest first; a paper's text, for the snippet, carries every field.
    blocks = [paper for name in files["index.json"]["blocks"] for paper in files[name]]
    maze = next(p for p in blocks if p[0].endswith("/maze-walker.html"))
    assert maze[:5] == [
        "papers/maze-walker.html",
        "Walking Mazes from Pixels",
        "Ada Lovelace",
        "arXiv 2022",
        "Walking Mazes from Pixels · Ada Lovelace",
    ]
    for field in [
        "World Model",
        "Agents that learn from pixels",
        "NeurIPS Workshop 2022",
        "2 locomotion and 6 manipulation tasks",
        "Maze",
        "The maze code is released on request.",
    ]:
        assert field in maze[5], field
    assert "abstract page is preferred" not in json.dumps(files)  # the maintainers' note
    # Stemmed words: a title word weighs more than the same word among keywords.
    world = postings(files, "world")
    assert world["dreamerv2"] > world["maze-walker"] > 0
    assert postings(files, "dreamerv2") == {"dreamerv2": postings(files, "dreamerv2")["dreamerv2"]}
    # Stems, not words: a word whose stem differs only names it, for a half-typed query
    # ("walki" begins "walking").
    manifest = files["index.json"]
    for word, stem in [("mazes", "maze"), ("walking", "walk")]:
        chunk = next(files[c[2]] for c in manifest["chunks"] if c[0] <= word <= c[1])
        assert chunk[word] == stem and "maze-walker" in postings(files, stem)
    assert set(postings(files, "maze")) >= {"maze-walker"}
    # Field terms answer author:, venue:, year:, topic:, env: and keyword: queries.
    assert set(postings(files, "a:lovelac")) == set()  # field terms are words, not stems
    assert set(postings(files, "a:lovelace")) >= {"maze-walker"}
    assert set(postings(files, "y:2022")) >= {"maze-walker"}
    assert set(postings(files, "e:maze")) >= {"maze-walker"}
    assert set(postings(files, "t:pixels")) >= {"maze-walker"}


def test_the_search_index_knows_parts_pairs_and_whole_names(site_build: SphinxTestApp) -> None:
    files = search_files(Path(site_build.outdir))
    # A part of a compound name weighs less than the whole word: "dreamer" of "DreamerV2".
    assert 0 < postings(files, "dreamer")["dreamerv2"] < postings(files, "dreamerv2")["dreamerv2"]
    # Neighbouring words of one value pair up, in a title (one ~) or elsewhere (two).
    assert set(postings(files, "p:discret~world")) == {"dreamerv2"}
    assert "maze-walker" in postings(files, "p:world~~model")  # its keyword World Model
    assert postings(files, "p:pixel~~walk") == {}  # a title word and a topic word: no pair
    # Whole names of what a paper is filed under: environment, venue, venue and year.
    assert "dreamerv2" in postings(files, "n:atari")
    assert set(postings(files, "n:iclr~2021")) == {"dreamerv2"}
    # What the search page offers for a query that finds few papers.
    offered = files[files["index.json"]["suggest"]]
    kinds = {(kind, name): url for kind, name, url, _ in offered["names"]}
    assert kinds[("Topic", "Agents that learn from pixels")] == "topics/visual-agents.html"
    assert kinds[("Environment", "Atari")] == "environments/atari.html"
    assert "mastering" in offered["words"] and "walking" in offered["words"]


def test_a_link_report_gives_a_link_health_page_and_marks_dead_cards(
    site: Build, data_dir: Path
) -> None:
    app = site()
    assert not (Path(app.outdir) / "all" / "links.html").exists()
    assert page(app, "categories/agents.html").select(".ap-dead") == []
    rows = [
        {
            "url": "https://arxiv.org/abs/2010.02193",
            "status": "dead",
            "http_status": 404,
            "papers": ["dreamerv2"],
            "reason": "not found",
        },
        {
            "url": "https://example.org/maze",
            "status": "blocked",
            "http_status": 403,
            "papers": ["maze-walker"],
            "reason": "the host refuses robots",
        },
        {
            "url": "https://openreview.net/forum?id=MSe8YFbhUE",
            "status": "ok",
            "http_status": 200,
            "papers": ["drm-dormant-ratio"],
        },
    ]
    (data_dir.parent / "link-report.json").write_text(json.dumps(rows), "utf-8")
    app = site()
    health = page(app, "all/links.html")
    assert health.select_one(".ap-link-summary").get_text() == (
        "1 ok, 1 dead, 0 unreachable, 1 blocked, 0 redirected of 3 links."
    )
    cells = [
        [cell.get_text(" ", strip=True) for cell in tr.select("td")]
        for tr in health.select("table.ap-link-table tbody tr")
    ]
    assert cells == [
        ["dead", "https://arxiv.org/abs/2010.02193", "DreamerV2", "not found"],
        [
            "blocked",
            "https://example.org/maze",
            "Walking Mazes from Pixels",
            "the host refuses robots",
        ],
    ]
    dead = page(app, "categories/agents.html").select_one("#dreamerv2 .ap-dead")
    assert dead is not None and dead.select_one("a")["href"] == "../all/links.html#link-health"
    assert page(app, "categories/vision.html").select(".ap-dead") == []


def test_an_edit_reaches_the_search_index_and_a_no_op_leaves_it(
    site: Build, data_dir: Path
) -> None:
    app = site()
    outdir = Path(app.outdir)

    def titles() -> set[str]:
        files = search_files(outdir)
        return {paper[1] for name in files["index.json"]["blocks"] for paper in files[name]}

    assert "DreamerV2: Mastering Atari with Discrete World Models" in titles()
    before = {p.name: p.stat().st_mtime_ns for p in (outdir / "paper-search").rglob("*")}
    site()
    assert {p.name: p.stat().st_mtime_ns for p in (outdir / "paper-search").rglob("*")} == before
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(record.read_text("utf-8").replace("Discrete World", "Discrete Latent World"))
    site()
    assert "DreamerV2: Mastering Atari with Discrete Latent World Models" in titles()
    assert "DreamerV2: Mastering Atari with Discrete World Models" not in titles()
    assert "dreamerv2" in postings(search_files(outdir), "latent")
    # Files no longer named by the manifest are gone.
    manifest = search_files(outdir)["index.json"]
    named = {*manifest["blocks"], *(c[2] for c in manifest["chunks"]), manifest["facets"]}
    named.add(manifest["suggest"])
    assert set(search_files(outdir)) == {"index.json", *named}


def test_a_search_index_that_cannot_be_written_fails_the_build_in_one_line(
    site: Build, tmp_path: Path
) -> None:
    app = site()
    bundle = Path(app.outdir) / "paper-search"
    shutil.rmtree(bundle)
    bundle.write_text("not a folder", "utf-8")  # where the index goes, something else stands
    (Path(app.doctreedir) / "awesome_papers_search.stamp").unlink()
    app = site()
    errors = [line for line in app.warning.getvalue().splitlines() if "search index" in line]
    assert len(errors) == 1
    assert re.search(r"ERROR: search index not written: \w+Error: .*paper-search", errors[0])
    assert "Traceback" not in app.warning.getvalue()


def test_a_project_overrides_the_card_template(site: Build, tmp_path: Path) -> None:
    """A card comes from awesome_papers/card.html, which a project's templates_path replaces:
    here with one that shows only the title, still escaped."""
    templates = tmp_path / "site" / "_templates" / "awesome_papers"
    templates.mkdir(parents=True)
    (templates / "card.html").write_text(
        '<div class="ap-card my-card" id="{{ id }}" data-facets="{{ facets }}">{{ title }}</div>\n',
        "utf-8",
    )
    app = site(confoverrides={"templates_path": ["_templates"]})
    cards = page(app, "categories/vision.html").select("div.ap-card")
    assert cards and all("my-card" in card["class"] for card in cards)
    assert not page(app, "categories/vision.html").select(".ap-footer")
    assert json.loads(cards[0]["data-facets"])["title"] == cards[0].get_text()


def test_an_edited_template_reaches_every_page_on_the_next_build(
    site: Build, tmp_path: Path
) -> None:
    """A project edits its override of a paper page and of a card, then runs ``make html``
    again: the paper pages (written beside Sphinx) and the listings (written by Sphinx) both
    show the edit, though no record changed."""
    templates = tmp_path / "site" / "_templates"
    templates.mkdir()
    site(confoverrides={"templates_path": ["_templates"]})
    ours = Path(__file__).parent.parent / "docs/_ext/awesome_papers/sphinx_ext/templates"
    overrides = templates / "awesome_papers"
    overrides.mkdir()
    for name in ("paper.html", "card.html"):
        original = (ours / "awesome_papers" / name).read_text("utf-8")
        (overrides / name).write_text(original.replace(" id=", ' data-edited="yes" id=', 1))
    app = site(confoverrides={"templates_path": ["_templates"]})
    assert page(app, "papers/dreamerv2.html").select("section.ap-paper[data-edited]")
    assert page(app, "categories/vision.html").select("div.ap-card[data-edited]")


def test_an_edit_writes_again_only_the_feeds_that_give_the_paper(
    site: Build, data_dir: Path
) -> None:
    outdir = Path(site().outdir)
    feeds = outdir / "feeds"
    before = {path.name: path.stat().st_mtime_ns for path in feeds.glob("*.xml")}
    record = data_dir / "papers" / "maze-walker.yaml"
    record.write_text(record.read_text("utf-8").replace("Walking Mazes", "Running Mazes"), "utf-8")
    site()
    changed = {name for name, time in before.items() if (feeds / name).stat().st_mtime_ns != time}
    assert changed == {"topic-visual-agents.xml", "venue-arxiv-2022.xml"}
    assert "Running Mazes" in (feeds / "venue-arxiv-2022.xml").read_text("utf-8")
    assert "Running Mazes" in (outdir / "feed.xml").read_text("utf-8")


def test_a_method_links_to_the_paper_search_only_while_the_site_has_one(
    site: Build, data_dir: Path
) -> None:
    """With ``awesome_papers_search = False`` no search page is written, so a paper's method
    is plain text rather than a link to a page that does not exist."""
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(record.read_text("utf-8") + "methods:\n- PPO\n", "utf-8")
    linked = page(site(), "papers/dreamerv2.html").select_one(".ap-methods a")
    assert linked is not None and str(linked["href"]).endswith("search.html?q=method%3APPO")
    unlinked = page(site(confoverrides={"awesome_papers_search": False}), "papers/dreamerv2.html")
    methods = unlinked.select_one(".ap-methods")
    assert methods is not None and methods.select("a") == [] and "PPO" in methods.get_text()


def test_a_smaller_page_size_splits_the_listings_on_the_next_build(site: Build) -> None:
    """A listing's later pages are written beside Sphinx: a changed ``page_size`` must reach
    them too, or the first page's pager leads to a page that was never written."""
    assert not list(Path(site().outdir).rglob("page-2.html"))
    app = site(confoverrides={"awesome_papers_page_size": 1})
    first = page(app, "categories/vision.html")
    following = first.select_one(".ap-pager a[rel=next]")
    assert following is not None and len(card_ids(first)) == 1
    second = page(app, f"categories/{following['href']}")
    assert len(card_ids(second)) == 1 and card_ids(second) != card_ids(first)


def test_an_epub_holds_the_pages_but_no_paper_search_index(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """An e-book has no search page, so the index the search page reads is not packed into
    it, where epub warned about each of its files."""
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-site", srcdir)
    app = make_app("epub", srcdir=srcdir, confoverrides={"version": "1", "copyright": "2026"})
    app.build()
    outdir = Path(app.outdir)
    assert app.warning.getvalue() == ""
    assert (outdir / "papers" / "dreamerv2.xhtml").is_file()
    assert not (outdir / "paper-search").exists()
