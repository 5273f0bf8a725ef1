"""What ``validate`` refuses in record text beyond the schema: placeholders and leftover markup.

Markup is judged as GitHub's renderer would judge it: through a CommonMark parser
(markdown-it-py), so that ``A* search``, ``Q*`` and ``C++`` are text while ``*k*``, ``**bold**``,
``<i>`` and ``[x](y)`` are markup. Which fields are text a reader sees is the schemas' word:
each such field says ``"x-prose": true``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .commonmark import SUSPECT, inline, parser
from .model import Paper
from .schema import rules
from .urls import is_mail, is_web
from .yamlfile import join_path

#: The fewest papers a topic may gather: fewer is not yet a subject.
MIN_TOPIC_PAPERS = 3
#: Values ``new`` writes for a contributor to replace.
PLACEHOLDERS = frozenset({"First Author", "Title of the Paper", "TODO", "TBD"})
#: What each inline token of the parser means, in a contributor's words.
_TOKENS = {
    "em_open": "Markdown emphasis",
    "strong_open": "Markdown emphasis",
    "s_open": "Markdown strikethrough",
    "link_open": "a Markdown link",
    "image": "a Markdown image",
    "code_inline": "a Markdown code span",
}
#: Source that renders as something else: ``\\*`` as ``*``, ``&amp;`` as ``&``.
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def placeholder_problems(paper: Paper) -> Iterator[tuple[str, str]]:
    """``(field, message)`` for each value ``new`` left unfilled, and for a paper's missing
    authors (a book, a course or a codebase may name none)."""
    if not paper.authors and paper.is_scholarly:
        yield "authors", "must name at least one author"
    for index, name in enumerate(paper.authors):
        if name in PLACEHOLDERS:
            yield join_path("authors", index), f"'{name}' is a placeholder; write the real authors"
    if paper.title in PLACEHOLDERS:
        yield "title", f"'{paper.title}' is a placeholder; write the paper's title"


def markup_problems(schema_name: str, value: Any) -> Iterator[tuple[str, str]]:
    """``(field, message)`` for each prose field of a document that still holds markup."""
    for where, text in prose(rules(schema_name), value, ""):
        what = markup_in(text)
        if what:
            yield where, f"holds {what} ({text!r}); write plain text"


def intro_problems(text: str) -> Iterator[str]:
    """What the home page's Markdown ``text`` may not hold: raw HTML, which the site would
    run, and a link or image the site cannot follow (a relative one: no page has its name)."""
    for token in parser().parse(text) if SUSPECT.search(text) else []:
        if token.type == "html_block":
            yield f"holds raw HTML ({token.content.strip()[:60]!r}); write Markdown"
        for child in token.children or []:
            address = str(child.attrs.get("href") or child.attrs.get("src") or "")
            if child.type == "html_inline":
                yield f"holds an HTML tag ({child.content!r}); write Markdown"
            elif child.type in {"link_open", "image"} and not (is_web(address) or is_mail(address)):
                what = "shows" if child.type == "image" else "links to"
                yield f"{what} {address!r}, which the site does not have; write its https:// address"


def prose(rule: dict[str, Any], value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every ``(path, text)`` of ``value`` that its schema ``rule`` marks ``x-prose``."""
    if isinstance(value, str):
        if rule.get("x-prose"):
            yield path, value
    elif isinstance(value, dict):
        properties = rule.get("properties", {})
        for key, item in value.items():
            if key in properties:
                yield from prose(properties[key], item, join_path(path, key))
    elif isinstance(value, list) and "items" in rule:
        for index, item in enumerate(value):
            yield from prose(rule["items"], item, join_path(path, index))


def markup_in(text: str) -> str | None:
    """What markup ``text`` holds, as a CommonMark renderer reads it; None for plain text."""
    if not SUSPECT.search(text):
        return None
    if "<!--" in text or "-->" in text:
        return "an HTML comment"
    for token in inline(text):
        if token.type == "html_inline":
            return "an HTML tag"
        if token.type in _TOKENS:
            return _TOKENS[token.type]
    if _ESCAPE.search(text):
        return "a Markdown escape"
    if _ENTITY.search(text):
        return "an HTML entity"
    return None
