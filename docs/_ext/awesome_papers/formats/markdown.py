"""Markdown text helpers shared by the README renderer and the importer.

Record text goes into Markdown with every character that could start markup backslash-escaped,
so a title cannot open a link, an emphasis, a table cell or raw HTML. The importer reads text as
a CommonMark renderer does (:func:`..records.commonmark.plain_text`), which resolves exactly these
escapes: ``import`` is the inverse of ``readme``.
"""

from __future__ import annotations

import re
from functools import cache

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
# markup inside a list item on GitHub (emphasis, code, links, HTML, entities, tables, math).
_SPECIAL = set("\\`*_[]<>|&~$")
#: An HTML comment, inline or over many lines, or one left open to the end.
COMMENT = re.compile(r"(?<!\\)<!--.*?(?:-->|\Z)", re.DOTALL)
#: Text in single asterisks that ends a line: ``*NeurIPS Workshop 2022*``.
ITALIC_TAIL = re.compile(r"(?<![*\\])\*(?P<text>(?:\\.|[^*\\])+)\*\s*$")
#: The marks that open emphasis around an entry's title link, longest first.
EMPHASIS = r"\*\*|__|\*|_"
#: How an entry's text starts: its title link, bare or in emphasis ("**[T](u)**").
TITLE_START = re.compile(rf"(?:{EMPHASIS})?\[")


def escape(text: str, also: str = "") -> str:
    """Escape ``text`` for Markdown inline content; ``also`` lists separators to escape too.

    Separators inside parentheses do not split (lists write "Suite (A, B)"), so with
    separators, unbalanced parentheses are escaped as well.
    """
    text = " ".join(text.split())  # a newline would end the list item
    if also and ("(" in text or ")" in text) and not _balanced(text):
        also += "()"
    escaper = _escaper(also)
    return escaper.sub(_backslash, text) if escaper.search(text) else text


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group()


@cache
def _escaper(also: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_SPECIAL | set(also)))) + "]")


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def strip_final_period(text: str) -> str:
    """Drop a final period unless it is backslash-escaped (as the renderer writes a real one)."""
    if not text.endswith("."):
        return text
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    return text if backslashes % 2 else text[:-1]


def split_unescaped(text: str, separators: str) -> list[str]:
    """Split ``text`` at separators that are not backslash-escaped and not inside parentheses."""
    parts, current, depth, index = [], [], 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in separators and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def link_destination(url: str) -> str:
    """A URL as a Markdown link destination; unbalanced parentheses are percent-encoded."""
    if url.count("(") != url.count(")"):
        url = url.replace("(", "%28").replace(")", "%29")
    return url.replace(" ", "%20")
