"""A contributor's bad record gets one clear line per problem: file, line, field, message."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import awesome_papers.records.loader
import pytest
from awesome_papers.cli import main

GOOD = """\
id: new-paper
title: A New Paper
url: https://example.org/new
authors: [Grace Hopper]
category: agents
topics: [visual-agents]
"""


def validate(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["validate"])
    return code, capsys.readouterr().err.splitlines()[:-1]


def write(data_dir: Path, name: str, text: str | bytes) -> None:
    path = data_dir / "papers" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_good_data_passes(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(data_dir, "new-paper.yaml", GOOD)
    assert main(["validate"]) == 0
    assert (
        "4 papers, 2 categories, 1 topic, 3 keywords, 3 environments: OK" in capsys.readouterr().out
    )


#: A contributor's mistakes, and the line the validator prints for each.
BAD_RECORDS = [
    pytest.param(
        GOOD + "title: [unclosed\n",
        "data/papers/new-paper.yaml:8: yaml: syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence at line 7)",
        id="yaml-syntax",
    ),
    pytest.param(
        GOOD + "added: '2025-02-30'\n",
        "data/papers/new-paper.yaml:7: added: must be a date YYYY-MM-DD (got '2025-02-30')",
        id="no-such-date",  # the feeds would say <updated>2025-02-30T00:00:00Z</updated>
    ),
    pytest.param(
        GOOD + "title: Again\n",
        "data/papers/new-paper.yaml:7: title: duplicate key (first defined at line 2)",
        id="duplicate-key",
    ),
    pytest.param(
        GOOD + "note: !!python/object/apply:os.system ['echo pwned']\n",
        "data/papers/new-paper.yaml:7: note: YAML tag !!python/object/apply:os.system is not "
        "allowed (plain data only)",
        id="python-tag",
    ),
    pytest.param(
        GOOD.replace("authors: [Grace Hopper]\n", ""),
        "data/papers/new-paper.yaml:1: authors: missing required field",
        id="missing-field",
    ),
    pytest.param(
        GOOD.replace("title: A New Paper\n", "title: |\n  A New Paper\n"),
        "data/papers/new-paper.yaml:2: title: must be one non-blank line of text "
        "(got 'A New Paper\\n')",
        id="title-with-line-break",
    ),
    pytest.param(
        GOOD + "note: " + "x" * 1_000_000 + "\n",
        "data/papers/new-paper.yaml:7: note: must be at most 1000 characters long (got 1000000)",
        id="megabyte-note",
    ),
    pytest.param(
        GOOD + "links: [{kind: code}]\n",
        "data/papers/new-paper.yaml:7: links[0].url: missing required field",
        id="missing-nested-field",
    ),
    pytest.param(
        GOOD + "year: twenty\n",
        "data/papers/new-paper.yaml:7: year: expected a whole number, got text",
        id="wrong-type",
    ),
    pytest.param(
        GOOD + "autors: [Ada]\n",
        "data/papers/new-paper.yaml:7: autors: unknown field; did you mean 'authors'?",
        id="unknown-field",
    ),
    pytest.param(
        GOOD.replace("url: https://example.org/new", "url: javascript:alert(1)"),
        "data/papers/new-paper.yaml:3: url: must be an http(s) URL (got 'javascript:alert(1)')",
        id="javascript-url",
    ),
    pytest.param(
        GOOD + "links: [{kind: code, url: 'data:text/html,<script>x</script>'}]\n",
        "data/papers/new-paper.yaml:7: links[0].url: must be an http(s) URL "
        "(got 'data:text/html,<script>x</script>')",
        id="data-url",
    ),
    pytest.param(
        GOOD.replace("id: new-paper", "id: another-paper"),
        "data/papers/new-paper.yaml:1: id: 'another-paper' does not match the file name "
        "'new-paper.yaml'",
        id="id-not-file-name",
    ),
    pytest.param(
        GOOD + "category: nope\n",
        "data/papers/new-paper.yaml:7: category: duplicate key (first defined at line 5)",
        id="duplicate-category",
    ),
    pytest.param(
        GOOD.replace("category: agents", "category: agent"),
        "data/papers/new-paper.yaml:5: category: unknown category 'agent'; did you mean 'agents'?",
        id="unknown-category",
    ),
    pytest.param(
        GOOD + "environments: [dmcontrol-suite]\n",
        "data/papers/new-paper.yaml:7: environments[0]: unknown environment 'dmcontrol-suite'; "
        "did you mean 'deepmind-control-suite'?",
        id="unknown-environment",
    ),
    pytest.param(
        GOOD + "keywords: [World Model, visual reinforcement learning]\n",
        "data/papers/new-paper.yaml:7: keywords[1]: 'visual reinforcement learning' is a spelling "
        "of keyword 'Visual RL'; write 'Visual RL'",
        id="keyword-alias",
    ),
    pytest.param(
        GOOD + "keywords:\n  - World Modle\n",
        "data/papers/new-paper.yaml:8: keywords[0]: unknown keyword 'World Modle'; did you mean "
        "'World Model'?",
        id="unknown-keyword",
    ),
    pytest.param(
        GOOD.replace("url: https://example.org/new", "url: https://arxiv.org/abs/2010.02193/"),
        "data/papers/new-paper.yaml:3: url: same paper as data/papers/dreamerv2.yaml (same url)",
        id="duplicate-url",
    ),
    pytest.param(
        GOOD.replace(
            "url: https://example.org/new", "url: http://export.arxiv.org/pdf/2010.02193v2"
        ),
        "data/papers/new-paper.yaml:3: url: same paper as data/papers/dreamerv2.yaml "
        "(same arXiv id)",
        id="duplicate-arxiv-id-in-another-form",
    ),
    pytest.param(
        GOOD.replace("[Grace Hopper]", "[Grace Hopper, First Author]"),
        "data/papers/new-paper.yaml:4: authors[1]: 'First Author' is a placeholder; "
        "write the real authors",
        id="placeholder-author",
    ),
    pytest.param(
        GOOD.replace("[Grace Hopper]", "[]"),
        "data/papers/new-paper.yaml:4: authors: must name at least one author",
        id="no-author",
    ),
    pytest.param(
        GOOD.replace("title: A New Paper", "title: A New Paper <!-- check the venue"),
        "data/papers/new-paper.yaml:2: title: holds an HTML comment "
        "('A New Paper <!-- check the venue'); write plain text",
        id="html-comment-opened",
    ),
    pytest.param(
        GOOD + "settings: ['-->']\n",
        "data/papers/new-paper.yaml:7: settings[0]: holds an HTML comment ('-->'); write plain text",
        id="html-comment-closed",
    ),
    pytest.param(
        GOOD + "note: 'Code: [official](https://github.com/x/y)'\n",
        "data/papers/new-paper.yaml:7: note: holds a Markdown link "
        "('Code: [official](https://github.com/x/y)'); write plain text",
        id="markdown-link",
    ),
    pytest.param(
        GOOD + "venue_note: <u>NeurIPS Workshop 2022</u>\n",
        "data/papers/new-paper.yaml:7: venue_note: holds an HTML tag "
        "('<u>NeurIPS Workshop 2022</u>'); write plain text",
        id="html-tag",
    ),
    pytest.param(
        GOOD + "venue_note: '*NeurIPS Workshop 2022*'\n",
        "data/papers/new-paper.yaml:7: venue_note: holds Markdown emphasis "
        "('*NeurIPS Workshop 2022*'); write plain text",
        id="markdown-emphasis",
    ),
    pytest.param(
        GOOD + "scores: '8, 6 <img src=x onerror=alert(1)>'\n",
        "data/papers/new-paper.yaml:7: scores: holds an HTML tag "
        "('8, 6 <img src=x onerror=alert(1)>'); write plain text",
        id="html-in-scores",
    ),
    pytest.param(
        GOOD.replace("[visual-agents]", "[visual-agnts]"),
        "data/papers/new-paper.yaml:6: topics[0]: unknown topic 'visual-agnts'; "
        "did you mean 'visual-agents'?",
        id="unknown-topic",
    ),
    pytest.param(
        GOOD.replace("[visual-agents]", "[a, b, c, d, e]"),
        "data/papers/new-paper.yaml:6: topics: must list 1 to 4 different topic ids (got 5)",
        id="too-many-topics",
    ),
    pytest.param(
        GOOD.replace("A New Paper", "mastering atari with discrete world-models"),
        "data/papers/new-paper.yaml:2: title: same paper as data/papers/dreamerv2.yaml (same title)",
        id="duplicate-title",
    ),
    pytest.param(
        GOOD + "links: [{kind: code, url: 'https://github.com/x/y'}]\n"
        "listed_links: ['https://github.com/x/z']\n",
        "data/papers/new-paper.yaml:8: listed_links[0]: https://github.com/x/z is not the url "
        "of one of the record's links",
        id="listed-link-not-a-link",
    ),
    pytest.param(
        "# only a comment\n\n",
        "data/papers/new-paper.yaml:1: file: file is empty",
        id="empty-file",
    ),
    pytest.param(
        GOOD.encode() + b"note: caf\xe9\n",
        "data/papers/new-paper.yaml:7: file: not UTF-8 text (byte 0xe9 at offset 136)",
        id="not-utf8",
    ),
    pytest.param(
        GOOD + 'links:\n  - "bad\\rkey": 1\n',
        "data/papers/new-paper.yaml:8: links[0]['bad\\rkey']: unknown field; allowed: kind, url",
        id="field-name-with-a-line-break",
    ),
    pytest.param(
        GOOD + "title2: x\nnote: |\n  two\n  lines\n",
        "data/papers/new-paper.yaml:7: title2: unknown field; did you mean 'title'?",
        id="several-problems",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_RECORDS)
def test_bad_record_is_reported_with_file_line_and_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, expected: str
) -> None:
    write(data_dir, "new-paper.yaml", text)
    code, problems = validate(capsys)
    assert code == 1
    assert expected in problems


def test_a_title_whose_asterisks_render_as_text_passes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "title: 'SeeA*: Efficient Exploration-Enhanced A* Search'"
    write(data_dir, "new-paper.yaml", GOOD.replace("title: A New Paper", title))
    assert main(["validate"]) == 0, capsys.readouterr().err


def test_all_problems_in_one_run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(data_dir, "new-paper.yaml", GOOD + "title2: x\nnote: |\n  two\n  lines\n")
    write(data_dir, "empty.yaml", "")
    with (data_dir / "keywords.yaml").open("a", encoding="utf-8") as keywords:
        keywords.write("- name: visual rl\n")
    code, problems = validate(capsys)
    assert code == 1
    assert problems[:4] == [
        "data/keywords.yaml:5: [3].name: 'visual-rl' is defined twice (first at line 1)",
        "data/papers/empty.yaml:1: file: file is empty",
        "data/papers/new-paper.yaml:7: title2: unknown field; did you mean 'title'?",
        "data/papers/new-paper.yaml:8: note: must be one non-blank line of text (got 'two\\nlines\\n')",
    ]


def test_same_doi_is_the_same_paper(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        data_dir,
        "a-paper.yaml",
        GOOD.replace("new-paper", "a-paper")
        .replace("https://example.org/new", "https://doi.org/10.1145/3458817.3476165")
        .replace("A New Paper", "First Title"),
    )
    write(
        data_dir,
        "new-paper.yaml",
        GOOD.replace("https://example.org/new", "https://dx.doi.org/10.1145/3458817.3476165"),
    )
    _, problems = validate(capsys)
    assert problems == [
        "data/papers/new-paper.yaml:3: url: same paper as data/papers/a-paper.yaml (same DOI)"
    ]


def test_a_keyword_spelled_like_another_says_which_it_meant(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (data_dir / "keywords.yaml").open("a", encoding="utf-8") as keywords:
        keywords.write("- name: World-Models\n")
    with (data_dir / "environments.yaml").open("a", encoding="utf-8") as environments:
        environments.write("- id: atari-games\n  name: ATARI\n")
    _, problems = validate(capsys)
    assert problems == [
        "data/environments.yaml:11: [3].name: 'ATARI' is a spelling of 'atari'; make it an alias there",
        "data/keywords.yaml:5: [3].name: 'World-Models' is a spelling of 'World Model'; "
        "make it an alias there",
    ]


def test_a_topic_of_two_papers_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (data_dir / "topics.yaml").open("a", encoding="utf-8") as topics:
        topics.write("- id: world-models\n  name: World models\n  description: Dynamics.\n")
    for name in ("dreamerv2", "maze-walker"):
        record = data_dir / "papers" / f"{name}.yaml"
        text = record.read_text("utf-8").replace("[visual-agents]", "[visual-agents, world-models]")
        record.write_text(text, "utf-8")
    _, problems = validate(capsys)
    assert problems == [
        "data/topics.yaml:5: topics: 'world-models' has 2 papers; a topic needs at least 3"
    ]


def test_bad_id_breaks_the_slug_rule(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(data_dir, "New_Paper.yaml", GOOD.replace("id: new-paper", "id: New_Paper"))
    _, problems = validate(capsys)
    assert problems == [
        "data/papers/New_Paper.yaml:1: id: must be a slug: lowercase letters, digits and single '-' "
        "(got 'New_Paper')"
    ]


def test_cli_prints_no_traceback(data_dir: Path) -> None:
    write(data_dir, "new-paper.yaml", b"\x00\xff: [")
    result = subprocess.run(
        [sys.executable, "-m", "awesome_papers", "validate", "data"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("data/papers/new-paper.yaml:1: file: not UTF-8")


def test_missing_data_directory_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "categories.yaml:1: file: file not found" in err
    assert "Traceback" not in err


def test_repository_data_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    repo_data = Path(__file__).parent.parent / "data"
    assert main(["validate", str(repo_data)]) == 0
    assert "127 papers, 3 categories" in capsys.readouterr().out


def test_an_edit_after_a_cached_run_is_seen(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(data_dir, "new-paper.yaml", GOOD)
    assert main(["validate"]) == 0
    assert main(["validate"]) == 0  # served from the cache
    write(
        data_dir, "new-paper.yaml", GOOD.replace("https://example.org/new", "ftp://example.org/new")
    )
    code, problems = validate(capsys)
    assert code == 1
    assert problems == [
        "data/papers/new-paper.yaml:3: url: must be an http(s) URL (got 'ftp://example.org/new')"
    ]


def test_an_unchanged_list_is_not_read_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 0

    def unreachable(*args: object) -> None:
        raise AssertionError("a record was parsed again")

    monkeypatch.setattr("awesome_papers.records.parsing.parse_yaml", unreachable)
    assert main(["validate"]) == 0
    assert (
        "3 papers, 2 categories, 1 topic, 3 keywords, 3 environments: OK" in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda d: (d / "papers" / "dreamerv2.yaml").unlink(), "2 papers", id="record-removed"
        ),
        pytest.param(lambda d: write(d, "new-paper.yaml", GOOD), "4 papers", id="record-added"),
        pytest.param(
            lambda d: (d / "keywords.yaml").write_text("[]\n", "utf-8"),
            "keywords[0]: unknown keyword 'Visual RL'",
            id="vocabulary-emptied",
        ),
    ],
)
def test_a_cached_list_sees_every_kind_of_change(
    data_dir: Path,
    change: Callable[[Path], object],
    expected: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate"]) == 0  # the whole catalogue is cached now
    capsys.readouterr()
    change(data_dir)
    main(["validate"])
    assert expected in "".join(capsys.readouterr())


def test_records_parsed_in_worker_processes_report_the_same(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(data_dir, "new-paper.yaml", GOOD + "title2: x\nnote: |\n  two\n  lines\n")
    write(data_dir, "empty.yaml", "")
    write(data_dir, "other-paper.yaml", GOOD.replace("new", "other") + "keywords: [visual R]\n")
    monkeypatch.setenv("AWESOME_PAPERS_NO_CACHE", "1")
    in_one_process = validate(capsys)
    started: list[int] = []

    class CountingPool(ProcessPoolExecutor):
        def __init__(self, workers: int, **options: Any) -> None:
            started.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr("awesome_papers.records.parsing.ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr("awesome_papers.records.parsing.PER_WORKER", 2)
    monkeypatch.setattr("awesome_papers.records.parsing._cpus", lambda: 2)
    assert validate(capsys) == in_one_process
    assert started == [1]  # and this process parses a share itself
    assert in_one_process[0] == 1
    assert "data/papers/empty.yaml:1: file: file is empty" in in_one_process[1]
    assert "data/papers/other-paper.yaml:7: keywords[0]: unknown keyword 'visual R'" in " ".join(
        in_one_process[1]
    )


def test_a_record_gone_between_listing_and_reading_is_one_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(data_dir, "new-paper.yaml", GOOD)
    stat_key = awesome_papers.records.loader.stat_key

    def stat_then_delete(path: str) -> object:
        key = stat_key(path)
        if path.endswith("new-paper.yaml"):
            os.remove(path)  # as an editor saving by rename, or a branch switch, might
        return key

    monkeypatch.setattr("awesome_papers.records.loader.stat_key", stat_then_delete)
    assert validate(capsys) == (
        1,
        ["data/papers/new-paper.yaml:1: file: cannot be read: No such file or directory"],
    )


def test_a_broken_list_yaml_is_reported_by_validate(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "list.yaml").write_text(
        "title: Test list\nrepository: not a link\ndocs_url: https://example.org/\n"
        "intersphinx_name: test\n",
        "utf-8",
    )
    _, problems = validate(capsys)
    assert problems == ["data/list.yaml:2: repository: must be an http(s) URL (got 'not a link')"]


def test_the_home_page_intro_may_hold_markdown_but_no_html_and_no_link_the_site_lacks(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The intro goes onto the home page as MyST: raw HTML would run there, and a relative
    link would be a reference no page answers, failing the build in a generated file."""
    (data_dir / "list.yaml").write_text(
        "title: Test list\ndocs_url: https://example.org/\nintersphinx_name: test\n"
        "site_intro: |-\n"
        "  **Papers** on [agents](https://example.org/a), <b>bold</b>; [mail](mailto:a@b.org),\n"
        "  [the guide](docs/guide.md) and ![a banner](img/banner.png).\n"
        "\n"
        "  <p align=center>centred</p>\n",
        "utf-8",
    )
    _, problems = validate(capsys)
    where = "data/list.yaml:4: site_intro:"
    assert sorted(problems) == [
        f"{where} holds an HTML tag ('</b>'); write Markdown",
        f"{where} holds an HTML tag ('<b>'); write Markdown",
        f"{where} holds raw HTML ('<p align=center>centred</p>'); write Markdown",
        f"{where} links to 'docs/guide.md', which the site does not have; write its https:// "
        "address",
        f"{where} shows 'img/banner.png', which the site does not have; write its https:// address",
    ]
