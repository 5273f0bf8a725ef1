"""Bad input, thrown at every door: each ends in ``path:line: field: message`` lines and exit 1
or 2, never a traceback or a hang, and nothing already there is lost or half written."""

from __future__ import annotations

import datetime
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from awesome_papers.cli import main
from awesome_papers.records.errors import DataError
from awesome_papers.records.yamlfile import read_yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

#: One example may take this long: the slowest (a billion laughs) takes well under a second.
BUDGET = 10.0
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROBLEM = re.compile(r"^[^\s:][^:\n]*:\d+: [^\n]+?: [^\n]+$")  # a key may hold ":"

GOOD = """\
id: fuzzed
title: A Fuzzed Paper
url: https://example.org/fuzzed
authors: [Grace Hopper]
category: agents
topics: [visual-agents]
"""

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)
#: The inputs the issue names, each also met by the random ones below.
NAMED = {
    "invalid-utf8": GOOD.encode() + b"note: caf\xe9\n",
    "nul": GOOD.encode() + b"note: a\x00b\n",
    "megabyte-line": GOOD.encode() + b"note: " + b"x" * 1_000_000 + b"\n",
    "deep-flow": GOOD.encode() + b"note: " + b"[" * 200_000 + b"]" * 200_000 + b"\n",
    "deep-block": GOOD.encode()
    + b"note:\n"
    + b"".join(b"  " * depth + b"-\n" for depth in range(1, 2000)),
    "deep-compact": GOOD.encode() + b"links:\n" + b"- " * 100_000 + b"x\n",
    "billion-laughs": (GOOD + LAUGHS).encode(),
    "self-alias": GOOD.encode() + b"links: &l [*l]\n",
    "merge-key": GOOD.encode() + b"base: &b {kind: code}\nlinks: [{<<: *b, url: x}]\n",
    "duplicate-keys": GOOD.encode() + b"title: Again\ntitle: Thrice\n",
    "date-as-year": GOOD.encode() + b"year: 2024-05-01\n",
    "number-as-title": GOOD.replace("A Fuzzed Paper", "3.14").encode(),
    "number-as-author": GOOD.replace("[Grace Hopper]", "[1.5e3, 0x1F, .inf]").encode(),
    "python-tag": GOOD.encode() + b"note: !!python/object/apply:os.system [echo]\n",
    "two-documents": GOOD.encode() + b"---\n" + GOOD.encode(),
    "only-a-scalar": b"just text\n",
}

#: Pieces YAML is made of, so that random text is often nearly a record.
# fmt: off
PIECES = st.sampled_from(
    [
        "id", "title", "url", "authors", "links", "note", "year", "category", ": ", "- ", "\n",
        "  ", "[", "]", "{", "}", ", ", "&a ", "*a", "!!str ", "!!binary ", "!x ", "? ", "<<: ",
        "---\n", "...\n", "|\n", ">-\n", "'", '"', "# ", "\t", "~", "null", "2024-02-30",
        "12:30:00", "1e9", "0o17", "-.inf", "yes", "https://example.org/", "é", "\u2028",
        "\ufeff", "\x00", "\x85", "\\", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
    ]
)
# fmt: on
YAMLISH = st.lists(PIECES | st.text(max_size=8), max_size=60).map("".join)
#: Values of every kind YAML can write, for fields that want another kind.
VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.dates()
    | st.datetimes(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)
FIELDS = st.sampled_from(
    ["id", "title", "url", "authors", "year", "links", "topics", "note", "kind"]
)


def assert_reported(code: int, err: str) -> None:
    """The contract of every command: exit 1 or 2 and one ``path:line: field: message`` line
    per problem, then the count; or exit 0."""
    assert "Traceback" not in err
    if code == 0:
        return
    assert code in (1, 2), err
    lines = err.splitlines()
    assert lines, "a failure says why"
    if lines[-1].endswith(" problem(s) found"):
        assert all(PROBLEM.match(line) for line in lines[:-1]), lines[:5]
    else:  # a command's own refusal: one line
        assert len(lines) == 1 and lines[0].startswith("error: "), lines[:5]


def timed_main(argv: list[str]) -> int:
    started = time.monotonic()
    code = main(argv)
    assert time.monotonic() - started < BUDGET, f"{argv} took too long"
    return code


@FUZZ
@given(st.binary(max_size=400) | YAMLISH.map(str.encode))
def test_the_loader_reads_any_bytes_into_data_or_problems(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "record.yaml"
    path.write_bytes(raw)
    started = time.monotonic()
    try:
        doc = read_yaml(path, "record.yaml")
    except DataError as error:
        problems = error.problems
    else:
        problems = doc.problems
    assert time.monotonic() - started < BUDGET
    for problem in problems:
        assert PROBLEM.match(str(problem)), str(problem)


@pytest.mark.parametrize("raw", NAMED.values(), ids=NAMED.keys())
def test_each_named_bad_record_gets_problem_lines_quickly(
    data_dir: Path, capsys: pytest.CaptureFixture[str], raw: bytes
) -> None:
    (data_dir / "papers" / "fuzzed.yaml").write_bytes(raw)
    code = timed_main(["validate"])
    err = capsys.readouterr().err
    assert code == 1
    assert_reported(code, err)
    assert all(line.startswith("data/papers/fuzzed.yaml:") for line in err.splitlines()[:-1])


def test_a_byte_order_mark_is_read_past(data_dir: Path) -> None:
    (data_dir / "papers" / "fuzzed.yaml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert main(["validate"]) == 0


def test_nesting_and_aliases_are_bounded_with_their_own_messages(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected: dict[str, str | re.Pattern[str]] = {
        # Newer libyaml builds stop at 1,000 levels themselves, in their own words.
        "deep-flow": re.compile(
            r"data/papers/fuzzed.yaml:7: yaml: (nested more than 50 levels deep|"
            r"syntax error: exceeded maximum nesting depth)"
        ),
        "self-alias": "links[0]",
        "billion-laughs": "document has more than 100000 nodes",
        "nul": "data/papers/fuzzed.yaml:7: yaml: syntax error: control characters are not "
        "allowed (U+0000)",
        "invalid-utf8": "data/papers/fuzzed.yaml:7: file: not UTF-8 text (byte 0xe9 at offset",
    }
    for name, wanted in expected.items():
        (data_dir / "papers" / "fuzzed.yaml").write_bytes(NAMED[name])
        assert main(["validate"]) == 1
        err = capsys.readouterr().err
        assert wanted.search(err) if isinstance(wanted, re.Pattern) else wanted in err, name


@FUZZ
@given(YAMLISH)
@example(GOOD + "note: [" * 3 + "\n")
def test_validate_reports_any_record_text(
    data_dir: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    (data_dir / "papers" / "fuzzed.yaml").write_text(GOOD + text, "utf-8", errors="surrogatepass")
    code = timed_main(["validate"])
    assert_reported(code, capsys.readouterr().err)


@FUZZ
@given(FIELDS, VALUES)
@example("year", datetime.date(2024, 1, 1))
@example("authors", {"name": ["Grace Hopper"]})
def test_validate_reports_any_value_in_any_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str], field: str, value: Any
) -> None:
    record = yaml.safe_load(GOOD)
    record[field] = value
    text = yaml.safe_dump(record, allow_unicode=True)
    (data_dir / "papers" / "fuzzed.yaml").write_text(text, "utf-8", errors="surrogatepass")
    code = timed_main(["validate"])
    assert_reported(code, capsys.readouterr().err)


#: Lines a README of the family is made of, with the ways they go wrong.
# fmt: off
README_LINES = st.sampled_from(
    [
        "# Awesome Fuzz", "## Papers", "### 2024", "#### ICML 2024", "```", "```yaml",
        "format:", "<details>", "</details>", "<!-- a comment -->", "| a | b |", "|---|---|",
        "- [A Paper](https://example.org/a)", "- [A Paper](javascript:alert(1))",
        "- [](https://example.org/empty)", "  - Grace Hopper, Alan Turing*", "  - et al.",
        "  - Key: world model, *k*-branch", "  - ExpEnv: Atari, [MuJoCo](https://mujoco.org)",
        "  - ICLR 2024 [code](https://github.com/x/y)", "  - Env: x", "- A line with no link",
        "***", "> a quote", "", "    indented code", "- [Title [nested]](https://e.org/(x))",
    ]
)
# fmt: on
READMES = st.lists(README_LINES | st.text(max_size=30), max_size=40).map("\n".join)


@FUZZ
@given(READMES)
def test_import_writes_whole_records_or_nothing(tmp_path: Path, text: str) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(text, "utf-8", errors="surrogatepass")
    out = tmp_path / "out"
    code = timed_main(["import", str(readme), "--out", str(out), "--default-category", "papers"])
    assert code in (0, 2)
    for written in out.rglob("*.yaml"):
        read_yaml(written, written.name)  # raises if a file is not whole YAML


def test_import_of_undecodable_or_broken_input_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes(b"# List\n\n## Papers\n\n- [A](https://e.org/a) caf\xe9\n")
    out = tmp_path / "out"
    assert main(["import", str(readme), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{readme}:5: file: not UTF-8 text (byte 0xe9 at offset" in err
    assert not out.exists()
    readme.write_text("# List\n\n## Papers\n\n- [A](https://e.org/a)\n", "utf-8")
    out.mkdir()
    (out / "keywords.yaml").write_text("- name: [unclosed\n", "utf-8")
    assert main(["import", str(readme), "--out", str(out)]) == 1
    assert_reported(1, capsys.readouterr().err)
    assert [path.name for path in out.iterdir()] == ["keywords.yaml"]


@settings(FUZZ, max_examples=15)
@given(READMES)
@example("# Awesome **Fuzz**\n\n```\n- [An Example Paper](https://example.org/x)\n```\n")
def test_init_makes_a_whole_project_or_none(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    where = tmp_path_factory.mktemp("init")
    readme = where / "README.md"
    readme.write_text(text, "utf-8", errors="surrogatepass")
    target = where / "site"
    code = timed_main(
        ["init", str(target), "--from", str(readme), "--repo", "https://github.com/o/fuzz"]
    )
    assert code in (0, 1, 2)
    if code == 1:
        assert not target.exists()
    else:
        assert (target / "README.md").is_file() and (target / "data" / "list.yaml").is_file()


def test_init_from_an_undecodable_readme_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes(b"# Awesome Fuzz\n\n## Papers\n\n- [Caf\xe9](https://e.org/a)\n")
    target = tmp_path / "site"
    assert main(["init", str(target), "--from", str(readme), "--repo", "https://x.org/o/f"]) == 1
    assert capsys.readouterr().err == (
        f"{readme}:5: file: not UTF-8 text (byte 0xe9 at offset 33)\n1 problem(s) found\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["README.md"]
