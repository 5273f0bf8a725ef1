"""Entries whose title is not their first link, as lists outside the family write them: the
title as text before its links, a venue before the title, authors and venue after it on the
same line, a table's rows. They become the records "- [Title](url)" would give; what reads as no paper is
reported, never dropped."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest
from awesome_papers.cli import main
from conftest import ROOTS
from test_family_format import records

LOOSE = ROOTS / "family-irregular" / "LOOSE.md"
ADVICE = "an entry is a list item that starts with its title link, '- [Title](https://...)'"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The project ``init`` makes of LOOSE.md, and the lines it reported."""
    target = tmp_path_factory.mktemp("loose") / "site"
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", str(target), "--from", str(LOOSE)]) == 0
    return target, err.getvalue().splitlines()


@pytest.fixture(scope="module")
def papers(made: tuple[Path, list[str]]) -> dict[str, dict[str, Any]]:
    return records(made[0])


def test_a_title_written_as_text_takes_the_link_that_is_plainly_the_papers(
    papers: dict[str, dict[str, Any]],
) -> None:
    bold = papers["bold-text-title-agents"]
    assert (bold["title"], bold["url"], bold["authors"], bold["venue"], bold["year"]) == (
        "Bold Text Title Agents",
        "https://arxiv.org/abs/2498.03001",
        ["Ada Bloom", "Bo Chen"],
        "ICLR",
        2024,
    )
    assert bold["links"] == [{"kind": "code", "url": "https://github.com/example/bold-text"}]
    plain = papers["plain-text-title-agents"]
    assert (plain["url"], plain["authors"]) == (
        "https://arxiv.org/abs/2498.03002",
        ["Cy Dunn", "Dee Eze"],
    )
    quoted = papers["quoted-title-agents"]
    assert (quoted["title"], quoted["url"]) == (
        "Quoted Title Agents",
        "https://example.org/quoted.pdf",
    )
    # A bare address, and a reference link whose address is defined elsewhere, as GitHub shows.
    assert papers["bare-address-agents"]["url"] == "https://arxiv.org/abs/2498.03006"
    referenced = papers["referenced-agents"]
    assert (referenced["url"], referenced["authors"]) == (
        "https://arxiv.org/abs/2498.03007",
        ["Mia Nu"],
    )
    # A stars badge that links a repository is the paper's code.
    assert quoted["links"] == [{"kind": "code", "url": "https://github.com/example/quoted"}]


def test_a_venue_before_the_title_or_after_it_is_the_papers_venue(
    papers: dict[str, dict[str, Any]],
) -> None:
    found = {
        name: (papers[name]["venue"], papers[name]["year"], papers[name]["authors"])
        for name in (
            "bracketed-venue-agents",
            "parenthesised-venue-agents",
            "dashed-venue-agents",
            "one-line-agents",
        )
    }
    assert found == {
        "bracketed-venue-agents": ("NeurIPS", 2023, ["Fu Gao"]),
        "parenthesised-venue-agents": ("ICML", 2022, ["Gus Hale"]),
        "dashed-venue-agents": ("CoRL", 2023, ["Hal Ito"]),
        "one-line-agents": ("AAAI", 2025, ["Ida Jo", "Jun Ko"]),
    }
    # A tag that names no venue says who published the item.
    blog = papers["tagged-blog-agents"]
    assert (blog["kind"], blog["note"], "venue" in blog) == ("blog", "Example Lab", False)
    # A title with no Latin letters names its record by its address: site, then page.
    assert papers["example-4417"]["title"] == "智能体如何规划"
    described = papers["described-agents"]
    assert "venue" not in described and described["note"] == "agents that describe themselves"


def test_the_shapes_of_other_lists_give_their_facts_not_their_noise(
    papers: dict[str, dict[str, Any]],
) -> None:
    # A short name in bold before the quoted title is a note; "arXiv, Apr 2024" is the venue.
    quoted = papers["quoted-long-title-agents"]
    assert (quoted["title"], quoted["venue"], quoted["year"], quoted["note"]) == (
        "Quoted Long Title Agents",
        "arXiv",
        2024,
        "QLT",
    )
    assert quoted["links"] == [{"kind": "project", "url": "https://example.org/quoted-long"}]
    # An author line that ends in a plain sentence naming the venue: no venue among the names.
    sentence = papers["sentence-venue-agents"]
    assert (sentence["authors"], sentence["venue_note"]) == (["Pat Qu", "Rae Su"], "NeurIPS 2020")
    broken = papers["broken-line-agents"]  # lines broken with <br>
    assert (broken["authors"], broken["venue"], broken["year"]) == (
        ["Sam Tu", "Una Vo"],
        "ICLR",
        2024,
    )
    month = papers["month-venue-agents"]  # "NeurIPS, Dec 2023"
    assert (month["venue"], month["year"]) == ("NeurIPS", 2023)


def test_a_tables_rows_are_entries_named_by_its_header(
    papers: dict[str, dict[str, Any]],
) -> None:
    row = papers["tabled-text-agents"]  # the title as text, the paper's link in its own column
    assert (row["url"], row["authors"], row["year"], row["note"]) == (
        "https://example.org/tabled.pdf",
        ["Lin Mo", "Ned Oak"],
        2024,
        "agents | in a table",
    )
    assert row["links"] == [{"kind": "code", "url": "https://github.com/example/tabled"}]
    kit = papers["tabled-kit"]  # under a heading of codebases, a codebase; its badge no note
    assert (kit["kind"], kit["url"], kit["note"]) == (
        "codebase",
        "https://github.com/example/tabled-kit",
        "a kit for tabled agents",
    )


def test_what_reads_as_no_paper_is_reported_not_dropped(made: tuple[Path, list[str]]) -> None:
    target, reported = made
    assert reported == [
        f"{LOOSE}:36: note: could not place '- agents that describe themselves' after the title link",
        f"{LOOSE}:44: entry: not read as a paper: '| A row that links [nothing useful]"
        f"(https://example.org/nothing) | | …'; {ADVICE}",
        f"{LOOSE}:63: entry: 2 lines not read as papers, from '- More agents are listed on "
        f"[the agents page](https://example.org/mor…'; {ADVICE}",
    ]
    assert "learning-without-a-paper-link" not in records(target)


def test_the_readme_init_writes_is_the_familys_shape_and_stays_current(
    made: tuple[Path, list[str]],
) -> None:
    target = made[0]
    readme = (target / "README.md").read_text("utf-8")
    assert "- [Bold Text Title Agents](https://arxiv.org/abs/2498.03001)" in readme
    # The table's rows are records now: written once, as entries, and the table not kept.
    assert "- [tabled-kit](https://github.com/example/tabled-kit)" in readme
    assert "| Project |" not in readme and "|:--" not in readme
    assert (
        main(
            [
                "readme",
                "--check",
                "--data",
                str(target / "data"),
                "--output",
                str(target / "README.md"),
            ]
        )
        == 0
    )
