"""Lines under a heading of papers that link the web as an entry would, but are no entry:
a table row, an HTML list item. ``init`` reports them, so that no paper is left out unsaid."""

from __future__ import annotations

import re

from ..records.errors import Problem

#: A line that starts as an entry would, with a link to the web, past any list marker,
#: table pipe, quote mark, emphasis or opening HTML tag: "| [T](u) |", "- <a href=u>T</a>".
_LINK_FIRST = re.compile(
    r"""^(?:\s|>|\||[-*+](?=\s)|\d{1,9}[.)](?=\s)|\*\*|__|<(?!a\s)[a-z]+[^>]*>)*"""
    r"""(?:\[[^\]]*\]\(\s*<?https?://|<a\s[^>]*href\s*=\s*["']?https?://[^>]*>\s*[^<\s])""",
    re.IGNORECASE,
)

#: A web address anywhere in a line: in a Markdown or HTML link, or bare.
_ANY_LINK = re.compile(r"https?://", re.IGNORECASE)


def links_first(line: str) -> bool:
    """Whether ``line`` starts, past its markers and tags, with a link to the web."""
    return _LINK_FIRST.match(line) is not None


def links_web(line: str) -> bool:
    """Whether ``line`` links the web anywhere: "- see [X](https://...)", a bare address."""
    return _ANY_LINK.search(line) is not None


def unread_reports(display: str, unread: dict[int, str]) -> list[Problem]:
    """One report for each run of consecutive ``unread`` lines (a table, an HTML list)."""
    problems: list[Problem] = []
    for number in sorted(unread):
        if number - 1 in unread:
            continue
        count = next(n for n in range(1, len(unread) + 2) if number + n not in unread)
        text = " ".join(unread[number].split())
        shown = text if len(text) <= 70 else text[:69] + "…"
        what = f"{count} lines not read as papers, from" if count > 1 else "not read as a paper:"
        message = (
            f"{what} {shown!r}; an entry is a list item that starts with its title link, "
            "'- [Title](https://...)'"
        )
        problems.append(Problem(display, number, "entry", message))
    return problems
