"""``validate`` warns about what an expert would query, and ``--strict`` fails on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from awesome_papers.cli import main

GOOD = """\
id: new-paper
title: A New Paper
url: https://example.org/new
authors: [Grace Hopper, Alan M. Turing]
category: agents
topics: [visual-agents]
"""

#: A record's doubtful values, and the line ``validate`` prints for each.
HINTS = [
    pytest.param(
        ("authors: [Grace Hopper, Alan M. Turing]", "authors: [Grace Hopper, aturing42]"),
        "data/papers/new-paper.yaml:4: authors[1]: 'aturing42' looks like a user handle; "
        "write the name the paper prints",
        id="handle",
    ),
    pytest.param(
        ("Alan M. Turing", "alan turing"),
        "data/papers/new-paper.yaml:4: authors[1]: 'alan turing' has no capital; "
        "write the name as the paper prints it",
        id="no-capital",
    ),
    pytest.param(
        ("Alan M. Turing", "AlanTuring"),
        "data/papers/new-paper.yaml:4: authors[1]: 'AlanTuring' looks like words joined; "
        "write the name with its spaces",
        id="joined",
    ),
    pytest.param(
        ("Alan M. Turing", "Turing"),
        "data/papers/new-paper.yaml:4: authors[1]: 'Turing' is one word; "
        "write the full name the paper prints",
        id="one-word",
    ),
    pytest.param(
        ("Alan M. Turing", "ALAN TURING"),
        "data/papers/new-paper.yaml:4: authors[1]: 'ALAN TURING' is in capitals; "
        "write the name as the paper prints it",
        id="name-in-capitals",
    ),
    pytest.param(
        ("title: A New Paper", "title: A NEW PAPER ON AGENTS"),
        "data/papers/new-paper.yaml:2: title: is in capitals; "
        "write it as the paper prints it, in title case",
        id="title-in-capitals",
    ),
    pytest.param(
        ("title: A New Paper", "title: Eﬃcient Agents"),
        "data/papers/new-paper.yaml:2: title: holds 'ﬃ' (U+FB03), which search does not "
        "match; write 'Efficient Agents'",
        id="ligature",
    ),
    pytest.param(
        ("title: A New Paper", "title: Ａgents"),
        "data/papers/new-paper.yaml:2: title: holds 'Ａ' (U+FF21), which search does not "
        "match; write 'Agents'",
        id="full-width",
    ),
    pytest.param(
        ("https://example.org/new", "https://openreview.net/pdf?id=Abc-12_x"),
        "data/papers/new-paper.yaml:3: url: links a PDF; link the paper's page instead: "
        "https://openreview.net/forum?id=Abc-12_x",
        id="openreview-pdf",
    ),
    pytest.param(
        ("https://example.org/new", "https://arxiv.org/pdf/2101.00001v2"),
        "data/papers/new-paper.yaml:3: url: links a PDF; link the paper's page instead: "
        "https://arxiv.org/abs/2101.00001",
        id="arxiv-pdf",
    ),
    pytest.param(
        ("https://example.org/new", "https://openreview.net/pdf/54deb1a.pdf"),
        "data/papers/new-paper.yaml:3: url: links a PDF; link the paper's page instead",
        id="pdf-file",
    ),
    pytest.param(
        ("https://example.org/new", "https://github.com/someone/agents"),
        "data/papers/new-paper.yaml:3: url: links code on github.com, not the paper; "
        "move it to links as kind 'code'",
        id="code-host",
    ),
    pytest.param(
        (
            "url: https://example.org/new",
            "url: https://arxiv.org/abs/2101.00001\nauthors_truncated: true",
        ),
        "data/papers/new-paper.yaml:4: authors_truncated: arXiv 2101.00001 lists every "
        "author; write them all and drop authors_truncated",
        id="truncated-on-arxiv",
    ),
]


def write(data_dir: Path, text: str) -> None:
    (data_dir / "papers" / "new-paper.yaml").write_text(text, "utf-8")


@pytest.mark.parametrize(("change", "expected"), HINTS)
def test_a_doubtful_value_warns_and_strict_fails(
    data_dir: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], expected: str
) -> None:
    write(data_dir, GOOD.replace(*change))
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [expected]
    assert captured.out.endswith(": OK, 1 warning\n")
    assert main(["validate", "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [expected]
    assert captured.out.endswith(": FAILED (--strict), 1 warning\n")


def test_a_good_record_and_a_team_name_do_not_warn(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(data_dir, GOOD.replace("Grace Hopper", "DeepSeek-AI"))
    assert main(["validate", "--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.endswith(": OK\n")


def test_a_codebase_may_link_its_repository(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = GOOD.replace("https://example.org/new", "https://github.com/someone/agents")
    write(data_dir, record + "kind: codebase\n")
    assert main(["validate", "--strict"]) == 0, capsys.readouterr().err


def test_a_field_checked_by_hand_is_not_warned_about(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = GOOD.replace("https://example.org/new", "https://github.com/someone/agents")
    write(data_dir, record.replace("Alan M. Turing", "aturing42") + "checked: [url]\n")
    assert main(["validate", "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/papers/new-paper.yaml:4: authors[1]: 'aturing42' looks like a user handle; "
        "write the name the paper prints"
    ]


def test_warnings_come_back_from_the_read_cache(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(data_dir, GOOD.replace("Alan M. Turing", "aturing42"))
    first = (main(["validate"]), capsys.readouterr().err)
    second = (main(["validate"]), capsys.readouterr().err)
    assert first == second
    assert "aturing42" in second[1]


def test_this_list_passes_strict(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).resolve().parent.parent / "data"
    assert main(["validate", "--strict", str(data)]) == 0, capsys.readouterr().err
