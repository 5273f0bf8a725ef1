"""Readers take the list with them, and other docs link into it."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from awesome_papers.cli import main
from awesome_papers.formats.bibtex import bibtex_entry
from awesome_papers.records.model import Paper
from bs4 import BeautifulSoup
from conftest import ROOTS
from sphinx.testing.util import SphinxTestApp


@pytest.fixture
def built(tmp_path: Path, data_dir: Path, make_app: Callable[..., SphinxTestApp]) -> Path:
    """The test site built once; returns its HTML output directory."""
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-site", srcdir)
    (srcdir / "stats.rst").write_text(
        "Statistics\n==========\n\n.. paper-statistics::\n   :top: 2\n", "utf-8"
    )
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text("utf-8") + "   stats\n", "utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    assert app.warning.getvalue() == ""
    return Path(app.outdir)


@pytest.mark.parametrize("fmt", ["json", "bib", "csv"])
def test_build_and_cli_write_the_same_bytes(
    built: Path, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--format", fmt]) == 0
    assert capsysbinary.readouterr().out == (built / f"papers.{fmt}").read_bytes()


def test_rebuild_refreshes_exports_only_when_the_data_changed(
    built: Path,
    data_dir: Path,
    make_app: Callable[..., SphinxTestApp],
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    exports = [built / name for name in ("papers.json", "papers.bib", "papers.csv", "feed.xml")]
    srcdir = built.parent.parent

    def rebuild() -> dict[str, int]:
        app = make_app("html", srcdir=srcdir)
        app.build()
        app.cleanup()
        return {path.name: path.stat().st_mtime_ns for path in exports}

    before = {path.name: path.stat().st_mtime_ns for path in exports}
    assert rebuild() == before
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("Mastering Atari", "Mastering Old Atari"), "utf-8"
    )
    after = rebuild()
    assert all(after[name] != before[name] for name in before)
    assert "Mastering Old Atari" in (built / "papers.json").read_text("utf-8")
    assert "Mastering Old Atari" in (built / "feed.xml").read_text("utf-8")
    # The rebuild reused the other papers' pieces: what it wrote is what a fresh export gives.
    for fmt in ("json", "bib", "csv"):
        assert main(["export", "--format", fmt]) == 0
        assert capsysbinary.readouterr().out == (built / f"papers.{fmt}").read_bytes()


def test_json_has_every_record_and_a_schema_version(built: Path) -> None:
    document = json.loads((built / "papers.json").read_text("utf-8"))
    assert document["schema_version"] == 1
    assert [p["id"] for p in document["papers"]] == [
        "drm-dormant-ratio",
        "maze-walker",
        "dreamerv2",
    ]
    assert document["papers"][0]["links"] == [
        {"kind": "code", "url": "https://github.com/XuGW-Kevin/DrM"}
    ]
    maze = document["papers"][1]
    assert maze["maintainer_note"] == "Upstream linked the PDF; the abstract page is preferred."
    assert maze["listed_url"] == "https://example.org/maze.pdf"
    assert document["papers"][2]["short_name"] == "DreamerV2"


def test_bibtex_has_stable_keys_and_escapes_specials(built: Path) -> None:
    bib = (built / "papers.bib").read_text("utf-8")
    assert "@inproceedings{hafner2021:dreamerv2," in bib
    assert "@article{lovelace2022:maze-walker,\n  title = {{Walking Mazes from Pixels}}" in bib
    paper = Paper(
        id="x",
        title="50% of {braces} & $x_1$ #1 ~ ^ \\",
        url="https://e.org/a{b}",
        authors=("Ana Müller",),
        category="c",
    )
    assert bibtex_entry(paper) == (
        "@misc{muller:x,\n"
        "  title = {{50\\% of \\{braces\\} \\& \\$x\\_1\\$ \\#1 \\~{} \\^{} \\textbackslash{}}},\n"
        "  author = {Ana Müller},\n"
        "  url = {https://e.org/a%7Bb%7D}\n"
        "}\n"
    )


def test_csv_is_safe_to_open_in_a_spreadsheet(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = data_dir / "papers" / "maze-walker.yaml"
    record.write_text(
        record.read_text("utf-8").replace("title: Walking", "title: =HYPERLINK(1) Walking"), "utf-8"
    )
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    maze = next(row for row in rows if row["id"] == "maze-walker")
    assert maze["title"] == "'=HYPERLINK(1) Walking Mazes from Pixels"
    assert maze["keywords"] == "Visual RL; World Model"


def test_atom_feed_lists_the_latest_additions(built: Path) -> None:
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(built / "feed.xml").getroot()
    assert feed.findtext("atom:updated", namespaces=ns) == "2024-06-16T00:00:00Z"
    entries = feed.findall("atom:entry", ns)
    assert (entries[0].findtext("atom:title", namespaces=ns) or "").startswith("DrM:")
    link = entries[0].find("atom:link", ns)
    assert (
        link is not None
        and link.get("href") == "https://example.org/list/papers/drm-dormant-ratio.html"
    )


def test_statistics_page_draws_svg_charts_and_tables(built: Path) -> None:
    soup = BeautifulSoup((built / "stats.html").read_text("utf-8"), "html.parser")
    charts = soup.select("svg.ap-chart")
    assert [c.find("title").get_text() for c in charts] == [
        "Papers per topic",
        "Papers per category",
        "Papers per year",
        "Papers per venue",
        "The 2 most used keywords",
        "The 2 most used environments",
    ]
    keyword_rows = [r.get_text(" ", strip=True) for r in soup.select("#stats-keyword tbody tr")]
    assert keyword_rows == ["Visual RL 2", "World Model 2"]
    assert not soup.select("script[src*=plotly], script[src*=chart]")


def test_inventory_links_from_another_project(
    built: Path, tmp_path: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        "extensions = ['sphinx.ext.intersphinx']\n"
        f"intersphinx_mapping = {{'mmrl': ('https://example.org/list/', {str(built / 'objects.inv')!r})}}\n"
        "nitpicky = True\n",
        "utf-8",
    )
    (other / "index.rst").write_text(
        "Other docs\n==========\n\nSee :ref:`mmrl:paper-dreamerv2` and :ref:`mmrl:keyword-world-model`,\n"
        "in :ref:`mmrl:category-agents` on :ref:`mmrl:env-atari` from :ref:`mmrl:venue-iclr-2021`.\n",
        "utf-8",
    )
    app = make_app("html", srcdir=other)
    app.build()
    app.cleanup()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("a.reference.external")}
    assert links == {
        "Mastering Atari with Discrete World Models": "https://example.org/list/papers/dreamerv2.html",
        "World Model": "https://example.org/list/keywords/world-model.html#keyword-world-model",
        "Agents": "https://example.org/list/categories/agents.html#category-agents",
        "Atari": "https://example.org/list/environments/atari.html#env-atari",
        "ICLR 2021": "https://example.org/list/venues/iclr-2021.html#venue-iclr-2021",
    }


def test_new_starts_a_record_that_cannot_be_merged_unfilled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "A Brand New Idea for Agents", "--url", "https://example.org/new"]) == 0
    path = data_dir / "papers" / "brand-new-idea-agents.yaml"
    assert path.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    capsys.readouterr()
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == [
        "data/papers/brand-new-idea-agents.yaml:1: topics: missing: every paper needs 1 to 4 topics",
        "data/papers/brand-new-idea-agents.yaml:6: authors[0]: "
        "'First Author' is a placeholder; write the real authors",
    ]
    text = path.read_text("utf-8").replace("First Author", "Grace Hopper")
    path.write_text(text + "topics: [visual-agents]\n", "utf-8")
    assert main(["validate"]) == 0
    assert main(["new", "A Brand New Idea for Agents", "--url", "https://example.org/new"]) == 1


def test_feed_text_loses_exactly_the_control_characters_xml_forbids() -> None:
    from awesome_papers.formats.exports import _clean

    text = "".join(chr(code) for code in range(0x40)) + "é\u202e"
    allowed = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
    assert _clean(text) == allowed
