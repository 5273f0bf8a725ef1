"""CommonMark as GitHub reads it (markdown-it-py): the one parser the lint and the importer share."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Characters without which no text can hold markup: most text skips the parser.
SUSPECT = re.compile(r"[*_<>\[\]&`~\\]")


@cache
def parser() -> MarkdownIt:
    """GitHub's flavour, as far as a line of a list item goes: CommonMark and strikethrough."""
    # Imported here: most text holds no suspect character, and validate starts faster.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


def inline(text: str) -> list[Token]:
    """The inline tokens of ``text``, read as one paragraph's content."""
    return parser().parseInline(text)[0].children or []


def plain_text(text: str) -> str:
    """What a reader sees of inline Markdown ``text``: escapes and entities resolved, emphasis,
    links and HTML tags gone (their text kept), an image as its alt text."""
    if not SUSPECT.search(text):
        return text
    parts = []
    for token in inline(text):
        if token.type in {"text", "code_inline", "image"}:
            parts.append(token.content)
        elif token.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts)


def code_lines(text: str) -> set[int]:
    """The 1-based numbers of the lines of ``text`` in fenced or indented code blocks, where
    nothing is a heading or an entry (a README's example of its own format, say)."""
    found: set[int] = set()
    for token in parser().parse(text):
        if token.type in {"fence", "code_block"} and token.map:
            start, end = token.map
            found.update(range(start + 1, end + 1))
    return found
