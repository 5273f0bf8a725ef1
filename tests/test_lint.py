"""The lint refuses markup in every field a reader sees, judged as a CommonMark renderer reads it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from awesome_papers.cli import main
from awesome_papers.records.lint import markup_in
from awesome_papers.records.schema import rules

#: Every schema whose documents ``validate`` reads, and the file each describes.
SCHEMAS = {
    "paper": "papers/new-paper.yaml",
    "categories": "categories.yaml",
    "environments": "environments.yaml",
    "keywords": "keywords.yaml",
    "topics": "topics.yaml",
    "list": "list.yaml",
}
#: Free strings that are not prose a reader sees, and why. A new field is in neither this set nor
#: marked x-prose only by mistake: the walk below fails until it is classified.
NOT_PROSE = {
    ("paper", "category"): "an id of categories.yaml",
    ("paper", "topics[]"): "ids of topics.yaml",
    ("paper", "environments[]"): "ids of environments.yaml",
    ("paper", "maintainer_note"): "for maintainers, never shown to readers",
    ("topics", "[].related[]"): "ids of other topics",
    ("topics", "[].keywords[]"): "names of keywords.yaml, checked there",
    ("environments", "[].aliases[]"): "spellings that search and validate map to the name",
    ("keywords", "[].aliases[]"): "spellings that search and validate map to the name",
    ("list", "site_intro"): "Markdown by design, rendered on the home page",
    ("list", "readme.heading"): "Markdown by design: the README's own heading",
    ("list", "readme.badges[]"): "Markdown images, kept verbatim in the README",
    ("list", "readme.keyword_label"): "the README's own label, kept verbatim",
    ("list", "readme.order[]"): "the README's group headings, kept verbatim",
    ("list", "readme.preamble"): "Markdown, kept verbatim in the README",
    ("list", "readme.sections_before[].title"): "a README heading, kept verbatim",
    ("list", "readme.sections_before[].body"): "Markdown, kept verbatim in the README",
    ("list", "readme.paper_format"): "Markdown, kept verbatim in the README",
    ("list", "readme.sections_after[].title"): "a README heading, kept verbatim",
    ("list", "readme.sections_after[].body"): "Markdown, kept verbatim in the README",
}


def string_fields(rule: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every free-text place of a schema: strings with neither a fixed pattern nor an enum."""
    if "properties" in rule:
        for key, sub in rule["properties"].items():
            yield from string_fields(sub, f"{path}.{key}" if path else key)
    elif "items" in rule:
        yield from string_fields(rule["items"], f"{path}[]")
    elif rule.get("type") == "string" and "enum" not in rule:
        pattern = rule.get("pattern", "")
        if pattern in ("", r"^[^\r\n]*\S[^\r\n]*$", r"^[^\r\n]+$"):
            yield path, rule


def test_every_free_text_field_is_prose_or_says_why_not() -> None:
    unclassified = [
        (name, path)
        for name in SCHEMAS
        for path, rule in string_fields(rules(name))
        if not rule.get("x-prose") and (name, path) not in NOT_PROSE
    ]
    assert unclassified == []
    known = {(name, path) for name in SCHEMAS for path, _ in string_fields(rules(name))}
    assert set(NOT_PROSE) <= known  # no stale exemption


PROSE = [
    (name, path)
    for name in SCHEMAS
    for path, rule in string_fields(rules(name))
    if rule.get("x-prose")
]


def put(document: Any, path: str, text: str) -> str:
    """Write ``text`` at ``path`` (a ``[]`` step means the first item) and name that place."""
    steps = path.replace("[]", ".[]").lstrip(".").split(".")
    node, where = document, ""
    for step, following in zip(steps, [*steps[1:], None], strict=True):
        if step == "[]":
            where += "[0]"
            if following is None:
                node[0] = text
            else:
                node = node[0]
        else:
            where += f".{step}" if where else step
            if following is None:
                node[step] = text
            else:
                node = node.setdefault(step, [] if following == "[]" else {})
                if following == "[]" and not node:
                    node.append({})
    return where


@pytest.mark.parametrize(("name", "path"), PROSE, ids=[f"{n}:{p}" for n, p in PROSE])
def test_markup_in_any_prose_field_is_refused(
    name: str, path: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = data_dir / SCHEMAS[name]
    if name == "paper":
        document: Any = {
            "id": "new-paper",
            "title": "A New Paper",
            "url": "https://example.org/new",
            "authors": ["Grace Hopper"],
            "category": "agents",
            "topics": ["visual-agents"],
            "keywords": ["Visual RL"],
            "settings": ["one task"],
        }
    elif name == "list":
        document = {
            "title": "Awesome Tests",
            "repository": "https://github.com/example-lab/awesome-tests",
            "docs_url": "https://awesome-tests.example.org/",
            "intersphinx_name": "tests",
            "family": [
                {"name": "Sibling", "docs_url": "https://s.example.org/", "snapshot": "s.json"}
            ],
        }
    else:
        document = yaml.safe_load(file.read_text("utf-8"))
    where = put(document, path, "plain <b>bold</b> text")
    file.write_text(yaml.safe_dump(document, sort_keys=False), "utf-8")
    line = next(
        number
        for number, text in enumerate(file.read_text("utf-8").splitlines(), 1)
        if "<b>bold</b>" in text
    )
    assert main(["validate"]) == 1
    expected = (
        f"data/{SCHEMAS[name]}:{line}: {where}: holds an HTML tag "
        "('plain <b>bold</b> text'); write plain text"
    )
    assert expected in capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(
    "text",
    [
        "SeeA*: Efficient Exploration-Enhanced A* Search",
        "Q* learning",
        "C++ agents and 2*3 tasks",
        "R&D at snake_case_lab",
        "a < b > c",
        "[bracketed] words",
        "<img src=x onerror=alert(1) never closed",
    ],
)
def test_text_that_renders_as_itself_is_plain(text: str) -> None:
    assert markup_in(text) is None


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("*k*-branched rollout", "Markdown emphasis"),
        ("**Verifiable** rewards", "Markdown emphasis"),
        ("tackle <i>model exploitation</i>", "an HTML tag"),
        ("8, 6 <img src=x onerror=alert(1)>", "an HTML tag"),
        ("see [code](https://example.org)", "a Markdown link"),
        ("see <https://example.org>", "a Markdown link"),
        ("![logo](https://example.org/x.png)", "a Markdown image"),
        ("the `train.py` script", "a Markdown code span"),
        ("~~withdrawn~~", "Markdown strikethrough"),
        ("A New Paper <!-- check the venue", "an HTML comment"),
        (r"Q\* learning", "a Markdown escape"),
        ("R&amp;D", "an HTML entity"),
    ],
)
def test_markup_is_named(text: str, what: str) -> None:
    assert markup_in(text) == what
