"""Broken and hostile records, end to end: the build stops cleanly, hostile text stays inert."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from awesome_papers.cli import main
from bs4 import BeautifulSoup
from conftest import ROOTS
from sphinx.cmd.build import build_main
from test_validate import BAD_RECORDS

TEMPLATE = ROOTS / "readme-template.md"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a Python module; give sphinx-build --no-color, since CI=true makes it colour its output."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=cwd
    )


@pytest.mark.parametrize(("text", "expected"), BAD_RECORDS)
def test_bad_record_fails_the_build_and_stops_the_readme(
    data_dir: Path, text: str | bytes, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """In the process, as a host such as sphinx-autobuild runs Sphinx: build_main returns
    a failure with the located message and raises nothing; the readme command stops."""
    workdir = data_dir.parent
    shutil.copytree(ROOTS / "test-site", workdir / "site")
    record = data_dir / "papers" / "new-paper.yaml"
    record.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    location, rest = re.match(r"(.+?:\d+): (.*)", expected).groups()  # type: ignore[union-attr]

    status = build_main(["--no-color", "-W", "--keep-going", "-q", "site", "out"])
    errors = capsys.readouterr().err
    assert status != 0
    assert f"{location}: ERROR: {rest} [awesome_papers.data]" in errors.splitlines()
    assert "Traceback" not in errors
    # The build goes on without the bad record, as Sphinx goes on past a bad document.
    assert not (workdir / "out" / "papers" / "new-paper.html").exists()
    assert (workdir / "out" / "index.html").is_file()

    assert main(["readme", "--template", str(TEMPLATE)]) == 1
    errors = capsys.readouterr().err
    assert expected in errors.splitlines()
    assert "Traceback" not in errors
    assert not (workdir / "README.md").exists()


# Text the lint lets through (no closed tag, no Markdown link) that would still run or break
# the page if any output forgot to escape it: the page's own next ">" would close the tag.
HOSTILE_TITLE = (
    "<img src=x onerror=alert(1) [x] (javascript:alert(1)) \u200b\u202eevil\u202c " + "A" * 900
)


@pytest.fixture
def hostile_data(data_dir: Path) -> Path:
    with (data_dir / "keywords.yaml").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write("- name: '<script src=//evil.example/x.js'\n")
    with (data_dir / "environments.yaml").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write(
            "- id: evil-env\n  name: '<svg onload=alert(1)'\n  url: https://example.org/env?a=1&b=2\n"
        )
    record = {
        "id": "hostile",
        "title": HOSTILE_TITLE,
        "url": "https://example.org/paper?a=1&b=<2>".replace("<2>", "2"),
        "authors": ["<b Mallory", "Hal Daumé III", "\u202eReversed", "] (javascript:x)"],
        "venue": "<i ICLR",
        "year": 2024,
        "venue_note": "ICML 2021 <u",
        "category": "agents",
        "topics": ["visual-agents"],
        "keywords": ["<script src=//evil.example/x.js"],
        "environments": ["evil-env"],
        "settings": ["| table | cell |", "`code & $math$ left open"],
        "links": [{"kind": "code", "url": 'https://github.com/x/y?q="quoted"'.replace('"', "")}],
        "highlight": "<font color=red hi",
        "note": "[link] (javascript:alert(1)) <iframe",
    }
    (data_dir / "papers" / "hostile.yaml").write_text(json.dumps(record), "utf-8")
    return data_dir


def test_hostile_text_is_inert_everywhere(hostile_data: Path) -> None:
    workdir = hostile_data.parent
    shutil.copytree(ROOTS / "test-site", workdir / "site")
    assert run("-m", "awesome_papers", "validate", cwd=workdir).returncode == 0

    build = run(
        "-m", "sphinx", "--no-color", "-W", "--keep-going", "-q", "site", "out", cwd=workdir
    )
    assert build.returncode == 0, build.stderr
    out = workdir / "out"
    for page in [
        "categories/agents.html",
        "topics/visual-agents.html",
        "environments/index.html",
        "papers/hostile.html",
        "authors/letter-m.html",
        "authors/index.html",
    ]:
        html = (out / page).read_text("utf-8")
        for raw in [
            "<img src=x",
            "<script src=//evil",
            "<b Mallory",
            "<svg onload",
            "<iframe",
            "<font color=red",
            "<i ICLR",
        ]:
            assert raw not in html, (page, raw)
        assert 'href="javascript' not in html
    card = BeautifulSoup(
        (out / "categories/agents.html").read_text("utf-8"), "html.parser"
    ).select_one("#hostile")
    assert card.select_one(".ap-title a").get_text() == HOSTILE_TITLE  # readable, whole, as text
    assert card.select_one(".ap-keyword").get_text() == "<script src=//evil.example/x.js"

    readme = run("-m", "awesome_papers", "readme", "--template", str(TEMPLATE), cwd=workdir)
    assert readme.returncode == 0, readme.stderr
    entry = (workdir / "README.md").read_text("utf-8").split("- [\\<img", 1)[1].split("\n\n", 1)[0]
    assert "<" not in entry.replace("\\<", "").replace('<font color="red">', "").replace(
        "</font>", ""
    )

    paper = BeautifulSoup((out / "papers/hostile.html").read_text("utf-8"), "html.parser")
    assert paper.select_one('meta[name="citation_title"]')["content"] == HOSTILE_TITLE
    assert paper.title is not None and paper.title.get_text().startswith(HOSTILE_TITLE)
    authors = [m["content"] for m in paper.select('meta[name="citation_author"]')]
    assert authors == ["<b Mallory", "Hal Daumé III", "\u202eReversed", "] (javascript:x)"]
    ris = paper.select("pre.ap-bibtex")[-1].get_text()
    assert all(line[:2].isupper() and line[2:5] == "  -" for line in ris.splitlines()), ris
    assert "\u202e" not in ris and "\u200b" not in ris
    ET.parse(out / "feeds/topic-visual-agents.xml")
    bib = (out / "papers.bib").read_text("utf-8")
    assert "\u202e" not in bib and "\u200b" not in bib
    ET.parse(out / "feed.xml")  # well-formed XML, hostile text escaped
    rows = list(csv.DictReader(io.StringIO((out / "papers.csv").read_text("utf-8"))))
    assert next(row for row in rows if row["id"] == "hostile")["title"] == HOSTILE_TITLE
    papers = json.loads((out / "papers.json").read_text("utf-8"))["papers"]
    assert next(p for p in papers if p["id"] == "hostile")["title"] == HOSTILE_TITLE


def test_an_empty_keyword_is_refused(data_dir: Path) -> None:
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("keywords: [World Model]", "keywords: [World Model, '']"),
        "utf-8",
    )
    result = run("-m", "awesome_papers", "validate", cwd=data_dir.parent)
    assert result.returncode == 1
    assert (
        "data/papers/dreamerv2.yaml:8: keywords[1]: must not be empty" in result.stderr.splitlines()
    )


def test_two_clean_builds_are_byte_identical(data_dir: Path) -> None:
    workdir = data_dir.parent
    shutil.copytree(ROOTS / "test-site", workdir / "site")
    outputs = []
    for name in ("first", "second"):
        build = run("-m", "sphinx", "-E", "-q", "site", name, cwd=workdir)
        assert build.returncode == 0, build.stderr
        out = workdir / name
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    first, second = outputs
    assert first.keys() == second.keys()
    assert [path for path in first if path.parts[:2] == ("paper-search", "b")]
    # Only Sphinx's own build state differs: it records when each document was read.
    differing = sorted(str(name) for name in first if first[name] != second[name])
    assert differing == [".doctrees/environment.pickle"]
    assert [
        name for name in first if name.suffix in {".html", ".md", ".json", ".bib", ".csv", ".xml"}
    ]
