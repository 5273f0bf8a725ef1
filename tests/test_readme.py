"""README.md is the classic awesome list, generated from the records and never stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from awesome_papers.cli import main
from awesome_papers.formats.importer import Imported, import_readmes
from awesome_papers.formats.readme import render_readme
from awesome_papers.records.keys import term_key, title_key
from awesome_papers.records.loader import catalogue_from_records, load_catalogue
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).parent.parent
UPSTREAM = Path(__file__).parent / "upstream"
TEMPLATE_FILE = Path(__file__).parent / "roots" / "readme-template.md"
TEMPLATE = TEMPLATE_FILE.read_text("utf-8")


def by_id(imported: Imported) -> list[dict[str, object]]:
    return sorted(imported.papers, key=lambda p: str(p["id"]))


def render(imported: Imported, group_by: str = "category") -> str:
    catalogue = catalogue_from_records(
        imported.papers, imported.categories, imported.environments, imported.keywords
    )
    return render_readme(catalogue, TEMPLATE, group_by)


def reimport(imported: Imported, text: str) -> Imported:
    vocabularies = {
        "categories": imported.categories,
        "environments": imported.environments,
        "keywords": imported.keywords,
    }
    return import_readmes([("README.md", text)], vocabularies=vocabularies)


def seed_entries() -> list[tuple[str, str, str]]:
    """(category, title line, author line) of every entry of the seed README."""
    entries, category = [], ""
    lines = (UPSTREAM / "README.seed.md").read_text("utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith("### "):
            category = line[4:].strip()
        elif line.startswith("- [") and "](http" in line:
            entries.append((category, line.rstrip(), lines[index + 1].rstrip()))
    return entries


def section(readme: str, title: str) -> str:
    match = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", readme, re.S | re.M)
    assert match, title
    return match.group(1)


def test_every_seed_entry_reads_as_in_the_seed_list() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    entries = seed_entries()
    assert len(entries) == 13
    for category, title_line, author_line in entries:
        lines = section(readme, category).splitlines()
        assert title_line in lines, title_line
        assert lines[lines.index(title_line) + 1] == author_line


def test_readme_keeps_the_listed_link_and_hides_maintainer_notes(data_dir: Path) -> None:
    readme = render_readme(load_catalogue(data_dir), TEMPLATE)
    assert "- [Walking Mazes from Pixels](https://example.org/maze.pdf)" in readme
    assert "  - Note: The maze code is released on request." in readme
    assert "abstract page is preferred" not in readme


def test_a_checked_title_leaves_the_upstream_line_verbatim(data_dir: Path) -> None:
    record = data_dir / "papers" / "maze-walker.yaml"
    text = record.read_text("utf-8").replace(
        "title: Walking Mazes from Pixels\n",
        "title: Walking Mazes From Pixels\nlisted_title: 'walking mazes from pixels'\n",
    )
    record.write_text(text, "utf-8")
    catalogue = load_catalogue(data_dir)
    readme = render_readme(catalogue, TEMPLATE)
    assert "- [walking mazes from pixels](https://example.org/maze.pdf)" in readme
    assert catalogue.paper_by_id["maze-walker"].title == "Walking Mazes From Pixels"


def test_a_link_upstream_did_not_print_gets_a_line_of_its_own_once(data_dir: Path) -> None:
    record = data_dir / "papers" / "maze-walker.yaml"
    links = (
        "links: [{kind: code, url: 'https://example.org/maze-code'},"
        " {kind: project, url: 'https://example.org/maze-site'},"
        " {kind: preprint, url: 'https://example.org/maze.pdf'}]\n"  # what the title links
    )
    record.write_text(record.read_text("utf-8") + links + "listed_links: []\n", "utf-8")
    catalogue = load_catalogue(data_dir)
    readme = render_readme(catalogue, TEMPLATE)
    lines = readme.splitlines()
    title = lines.index("- [Walking Mazes from Pixels](https://example.org/maze.pdf)")
    assert lines[title + 1].startswith("  - Ada Lovelace")
    added = (
        "  - Links: [Code](https://example.org/maze-code) [Project](https://example.org/maze-site)"
    )
    assert added in lines[title:]
    # Read back, the line gives the record its links, each of its own kind.
    imported = import_readmes([("README.md", readme)]).papers
    (entry,) = [p for p in imported if p["title"] == "Walking Mazes from Pixels"]
    assert entry["links"] == [
        {"kind": "code", "url": "https://example.org/maze-code"},
        {"kind": "project", "url": "https://example.org/maze-site"},
    ]


def test_readme_is_current() -> None:
    assert (
        main(
            [
                "readme",
                "--check",
                "--output",
                str(REPO / "README.md"),
                "--data",
                str(REPO / "data"),
            ]
        )
        == 0
    )


def test_check_reports_stale_lines(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = ["--template", str(TEMPLATE_FILE)]
    assert main(["readme", *template]) == 0
    record = data_dir / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8").replace("Discrete World", "Discrete-World"), "utf-8"
    )
    assert main(["readme", "--check", *template]) == 1
    err = capsys.readouterr().err
    assert "README.md is stale" in err
    assert (
        "-- [Mastering Atari with Discrete World Models](https://arxiv.org/abs/2010.02193)" in err
    )
    assert (
        "+- [Mastering Atari with Discrete-World Models](https://arxiv.org/abs/2010.02193)" in err
    )


def test_written_readme_is_deterministic_and_atomic(data_dir: Path) -> None:
    template = ["--template", str(TEMPLATE_FILE)]
    assert main(["readme", *template]) == 0
    first = Path("README.md").read_bytes()
    assert main(["readme", *template]) == 0
    assert Path("README.md").read_bytes() == first
    assert sorted(p.name for p in Path().iterdir()) == ["README.md", "data"]  # no temporary left


def test_group_by_venue_gives_the_upstream_layout(data_dir: Path) -> None:
    catalogue = load_catalogue(data_dir)
    readme = render_readme(catalogue, TEMPLATE, "venue")
    headings = re.findall(r"^### (.*)$", readme, re.M)
    assert headings == ["ICLR 2024", "arXiv 2022", "ICLR 2021"]
    assert "    - [ICLR 2024](#iclr-2024)" in readme
    # The heading says the venue; a Venue line stays only to carry a track.
    assert [line for line in readme.splitlines() if line.startswith("  - Venue:")] == [
        "  - Venue: ICLR 2021 (Poster)"
    ]


@pytest.mark.parametrize("name", ["README.seed.md", "README.full.md"])
def test_round_trip_on_the_upstream_lists(name: str) -> None:
    first = import_readmes([(name, (UPSTREAM / name).read_text("utf-8"))])
    again = reimport(first, render(first))
    assert by_id(again) == by_id(first)
    assert [p for p in again.report if p.field != "url"] == []


def test_round_trip_by_venue_keeps_everything_but_the_category() -> None:
    first = import_readmes([("full", (UPSTREAM / "README.full.md").read_text("utf-8"))])
    again = reimport(first, render(first, "venue"))
    assert [{**p, "category": None} for p in by_id(again)] == [
        {**p, "category": None} for p in by_id(first)
    ]


HOSTILE = (
    st.text(
        alphabet=st.sampled_from(
            list("abcXYZ é ü ’ [ ] ( ) * _ ` | < > & ! # ~ $ \\ , ; : . - 0 9 \u200b \u202e")
        ),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: s.strip() and not s.startswith(("-", "#")))
)


@st.composite
def records(draw: st.DrawFn) -> list[dict[str, object]]:
    # Two titles with one title key are one paper (the validator enforces it).
    titles = draw(st.lists(HOSTILE.filter(title_key), min_size=1, max_size=4, unique_by=title_key))
    # The vocabulary holds one keyword per spelling key (the validator enforces it).
    pool = draw(st.lists(HOSTILE.filter(term_key), max_size=5, unique_by=term_key))
    papers = []
    for index, title in enumerate(titles):
        paper: dict[str, object] = {
            "title": title,
            "url": f"https://example.org/{index}?q=(x)",
            "authors": draw(st.lists(HOSTILE, min_size=1, max_size=3)),
        }
        if draw(st.booleans()):
            paper["authors_truncated"] = True
        if draw(st.booleans()):
            paper["venue_note"] = draw(HOSTILE)
        paper["category"] = "general"
        keywords = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True)) if pool else []
        if keywords:
            paper["keywords"] = keywords
        settings_ = draw(st.lists(HOSTILE, max_size=2))
        if settings_:
            paper["settings"] = settings_
        if draw(st.booleans()):
            paper["highlight"] = draw(HOSTILE)
        if draw(st.booleans()):
            paper["note"] = draw(HOSTILE)
        papers.append(paper)
    return papers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
# An author called "..." is a name, not the "etc." that shortens an author line.
@example(
    [{"title": "0", "url": "https://example.org/0", "authors": ["..."], "category": "general"}]
)
# Text that reads "<!--" is written escaped, and is no HTML comment for the importer.
@example(
    [
        {
            "title": "0",
            "url": "https://example.org/0",
            "authors": ["0"],
            "category": "general",
            "note": "<!--",
        }
    ]
)
# A setting ")" is written escaped, and is no parenthesis that a link cut (CI, 2026-12-04).
@example(
    [
        {
            "title": "0",
            "url": "https://example.org/0?q=(x)",
            "authors": ["0"],
            "category": "general",
            "settings": [")", "a (b"],
        }
    ]
)
def test_round_trip_survives_hostile_text(papers: list[dict[str, object]]) -> None:
    spellings = {term_key(k): k for p in papers for k in p.get("keywords", [])}  # type: ignore[attr-defined]
    keywords = sorted(spellings.values())
    first = Imported(
        papers=[{"id": f"p{i}", **p} for i, p in enumerate(papers)],
        categories=[{"id": "general", "title": "General", "order": 1}],
        keywords=[{"name": k} for k in keywords],
    )
    readme = render(first)
    again = reimport(first, readme)

    def content(papers: list[dict[str, object]]) -> list[dict[str, object]]:
        return sorted(({k: v for k, v in p.items() if k != "id"} for p in papers), key=repr)

    assert content(again.papers) == content(first.papers)
    papers_part = readme.split("## Papers", 1)[1].split("## Contributing", 1)[0]
    assert "<script" not in papers_part and "<img" not in papers_part


def test_hostile_text_cannot_break_out_of_its_entry() -> None:
    first = Imported(
        papers=[
            {
                "id": "p",
                "title": "x](javascript:alert(1)) <script>alert(1)</script>\nnew line",
                "url": "https://example.org/p",
                "authors": ["Hal Daumé III", "A | B", "`code`"],
                "category": "general",
                "note": "<img src=x onerror=alert(1)>",
            }
        ],
        categories=[{"id": "general", "title": "General", "order": 1}],
    )
    entry = render(first).split("### General\n\n", 1)[1].split("\n\n## ", 1)[0]
    assert entry.splitlines() == [
        r"- [x\](javascript:alert(1)) \<script\>alert(1)\</script\> new line](https://example.org/p)",
        r"  - Hal Daumé III, A \| B, \`code\`",
        r"  - Note: \<img src=x onerror=alert(1)\>",
    ]
