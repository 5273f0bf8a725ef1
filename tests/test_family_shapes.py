"""Entries in the shapes lists use besides "- [Title](url)": in emphasis, nested below a plain
item, in a table's rows; and what no shape reads (raw HTML, a link to nowhere) reported, never
dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from awesome_papers.cli import main
from awesome_papers.formats.entries import read_entries
from awesome_papers.formats.frame import site_intro
from awesome_papers.formats.headings import Group, holds_papers, read_heading
from conftest import ROOTS
from test_family_format import records

SHAPES = ROOTS / "family-irregular" / "SHAPES.md"
ADVICE = "an entry is a list item that starts with its title link, '- [Title](https://...)'"


def test_emphasised_and_nested_entries_are_papers_and_the_rest_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shapes"
    assert main(["init", str(target), "--from", str(SHAPES)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{SHAPES}:38: entry: not read as a paper: "
        f"'<li><a href=\"https://example.org/html-item\">HTML Item Agents</a></li>'; {ADVICE}",
        f"{SHAPES}:41: url: no URL; no record",
        f"{SHAPES}:44: url: not a web link: 'javascript:alert(1)'; no record",
    ]
    papers = records(target)
    assert sorted(papers) == [
        "bold-title-agents",
        "italic-title-agents",
        "nested-world-agents",
        "numbered-shallow-agents",
        "second-nested-agents",
        "second-numbered-agents",
        "second-row-agents",
        "table-row-agents",
        "underlined-bold-agents",
    ]
    row = papers["table-row-agents"]  # a table's row, its columns named by the header
    assert (row["authors"], row["venue"], row["year"]) == (["Jo Kim", "Lu Ma"], "NeurIPS", 2023)
    assert papers["bold-title-agents"]["authors"] == ["Ada Bloom", "Bo Chen"]
    italic = papers["italic-title-agents"]
    assert (italic["title"], italic["venue"], italic["year"]) == (
        "Italic Title Agents",
        "ICLR",
        2024,
    )
    underlined = papers["underlined-bold-agents"]
    assert "note" not in underlined  # the closing "__" is markup, not a note
    assert underlined["links"] == [{"kind": "code", "url": "https://github.com/example/underlined"}]
    nested = papers["nested-world-agents"]
    assert (nested["authors"], nested["keywords"], nested["category"]) == (
        ["Eve Faro"],
        ["nesting"],
        "nested",
    )
    assert papers["second-nested-agents"]["authors"] == ["Fu Gao"]
    # "1. [T](u)" then "  - [code](u)": indented too little to nest, but the entry's link.
    shallow = papers["numbered-shallow-agents"]
    assert (shallow["authors"], shallow["category"]) == (["Hal Ito"], "numbered")
    assert shallow["links"] == [
        {"kind": "code", "url": "https://github.com/example/numbered-shallow"}
    ]
    assert papers["second-numbered-agents"]["authors"] == ["Ivy Jun"]
    # A section of links to other lists stays the README's own text, and makes no record.
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    related = [s for s in listed["readme"]["sections_after"] if s["title"] == "Related Lists"]
    assert related[0]["body"].startswith("- [Another Awesome List](")
    assert not (target / "data" / "pending").exists()
    assert main(["validate", str(target / "data")]) == 0
    # Written back in the list's own format and read again: the same records.
    again = tmp_path / "again"
    assert main(["init", str(again), "--from", str(target / "README.md")]) == 0
    assert records(again) == papers


@pytest.mark.parametrize(
    "line",
    [
        "Most of these papers [build on](https://example.org/base) one idea.",  # prose
        "> [1] [A Footnoted Paper](https://example.org/footnote): cited above",
        '<a href="https://example.org/stars"><img src="https://example.org/s.svg"></a>',
        "- Env: [Gridland](https://example.org/gridland)",  # a sub-line with no entry
    ],
    ids=["prose", "footnote", "badge", "orphan-sub-line"],
)
def test_links_that_are_not_entries_in_form_go_unreported(line: str) -> None:
    reading = read_entries("README.md", f"# L\n\n## Papers\n\n{line}\n")
    assert (reading.entries, reading.notes) == ([], [])


@pytest.mark.parametrize(
    "line",
    [
        "| [Row Agents](https://example.org/row) | 2024 |",
        "- <a href='https://example.org/a'>Anchor Agents</a>",
        "1. <b><a href=https://example.org/b>Bold Anchor</a></b>",
    ],
    ids=["table-row-without-header", "html-anchor-item", "html-in-tags"],
)
def test_a_line_that_links_a_paper_in_no_entry_shape_is_reported(line: str) -> None:
    reading = read_entries("README.md", f"# L\n\n## Papers\n\n{line}\n")
    assert reading.entries == []
    assert [str(note) for note in reading.notes] == [
        f"README.md:5: entry: not read as a paper: {line!r}; {ADVICE}"
    ]


@pytest.mark.parametrize(
    ("heading", "papers"),
    [
        ("Other Awesome Lists", False),
        ("Related Repositories", False),
        ("[Contributing](CONTRIBUTING.md)", False),
        ("Acknowledgements", False),
        ("🤝 Contributing", False),
        ("Other Awesome Lists 🌟:", False),
        ("Related Work", True),  # papers, by its name
        ("Other", True),
        ("World Models", True),
    ],
)
def test_headings_of_other_lists_and_of_the_readme_hold_no_papers(
    heading: str, papers: bool
) -> None:
    assert holds_papers(heading) is papers


@pytest.mark.parametrize(
    ("heading", "group", "title"),
    [
        ("🔥 NeurIPS 2023", Group(venue="NeurIPS", year=2023), None),
        ("📚 Papers", Group(), None),
        ("2020 and before ✨", Group(), None),
        ("📖 Books", Group(category="books", kind="book"), "📖 Books"),
        ("🌍 **World Models**:", Group(category="world-models"), "🌍 World Models:"),
    ],
)
def test_emoji_and_marks_around_a_heading_do_not_change_what_it_holds(
    heading: str, group: Group, title: str | None
) -> None:
    titles: dict[str, str] = {}
    assert read_heading(heading, titles) == group
    assert titles.get(group.category or "") == title  # a category keeps its heading's text


def test_the_home_page_intro_is_the_first_paragraph_of_text_without_upstream_html() -> None:
    """A README's preamble may open with a banner in HTML, hold comments and inline tags:
    GitHub sanitises them; the site would run them."""
    preamble = (
        '<p align="center"><img src="banner.png" onerror="alert(1)"></p>\n\n'
        "<!-- a visitor badge -->\n\n"
        "A **curated** list of <b>agent</b> papers.<script>alert(2)</script>\n"
        "Updated weekly.  \n\n"
        "A second paragraph."
    )
    assert site_intro(preamble, None) == (
        "A **curated** list of agent papers.alert(2)\nUpdated weekly."
    )


@pytest.mark.parametrize(
    ("repository", "intro"),
    [
        (
            "https://github.com/o/n",
            "See [the guide](https://github.com/o/n/blob/HEAD/CONTRIBUTING.md), news, "
            "[![logo](https://github.com/o/n/raw/HEAD/img/l.svg)](https://example.org/l) "
            "and [the web](https://example.org/).",
        ),
        (
            None,
            "See the guide, news, [logo](https://example.org/l) and [the web](https://example.org/).",
        ),
    ],
    ids=["repository", "none"],
)
def test_the_home_page_follows_the_intro_s_links_to_the_repository_or_keeps_their_text(
    repository: str | None, intro: str
) -> None:
    """A relative link would be a reference the site cannot resolve, and fail the build."""
    preamble = (
        "See [the guide](./CONTRIBUTING.md), [news](#news), "
        "[![logo](img/l.svg)](https://example.org/l) and [the web](https://example.org/).\n\n"
        "A second paragraph, [not on the site](elsewhere.md)."
    )
    assert site_intro(preamble, repository) == intro


def test_a_venue_named_alone_takes_the_year_below_or_above_it(tmp_path: Path) -> None:
    target = tmp_path / "venue-years"
    assert (
        main(["init", str(target), "--from", str(ROOTS / "family-irregular" / "VENUE-YEARS.md")])
        == 0
    )
    found = {
        name: (paper.get("venue"), paper.get("year"), paper["category"])
        for name, paper in records(target).items()
    }
    assert found == {
        "sorted-under-iclr-agents": ("ICLR", 2024, "papers"),
        "older-iclr-agents": ("ICLR", 2023, "papers"),
        "year-first-agents": ("CoRL", 2022, "papers"),
        # A journal's heading with no year above or below it is the list's own grouping.
        "journal-heading-agents": (None, None, "nature"),
    }
