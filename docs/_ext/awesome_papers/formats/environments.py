"""Reading the value of an entry's environment line ("ExpEnv: [Atari](u), Fetch Robot")."""

from __future__ import annotations

import re

from ..records.commonmark import plain_text
from ..records.urls import is_web
from .entry_links import link_at
from .markdown import split_unescaped, strip_final_period

#: A backslash escape (text, whatever it escapes), or a parenthesis.
_ESCAPE_OR_PARENTHESIS = re.compile(r"\\.|[()]")

#: One environment as written: (name, url) for a link ("" when not a web link), or
#: (text, None) for free text.
Written = tuple[str, str | None]


def read_environments(value: str) -> list[Written]:
    """The environments an environment line names, links and free text, in their order."""
    found: list[Written] = []
    position = 0
    while position < len(value):
        start = value.find("[", position)
        while start > 0 and value[start - 1] == "\\":
            start = value.find("[", start + 1)
        link = link_at(value, start) if start != -1 else None
        found += _free_text(value[position : start if link else len(value)])
        if link is None:
            break
        name, url, position = link
        found.append((plain_text(name).strip(), url if is_web(url) else ""))
    return found


def _free_text(chunk: str) -> list[Written]:
    pieces = (
        plain_text(strip_final_period(_unwrapped(piece.strip()))).strip()
        for piece in split_unescaped(chunk, ",，")
    )
    return [(piece, None) for piece in pieces if piece]


def _unwrapped(piece: str) -> str:
    """Free text that a link in parentheses cut ("Fetch Robot (based on [MuJoCo](u))"): the
    words before the parenthesis; the ")" after the link is nothing. Escaped ones are text."""
    opens, closes = _parentheses(piece)
    if len(opens) > len(closes):
        piece = piece[: opens[-1]]
        opens, closes = _parentheses(piece)
    if len(closes) > len(opens):
        piece = "".join(char for at, char in enumerate(piece) if at not in closes)
    return piece


def _parentheses(text: str) -> tuple[list[int], list[int]]:
    """Where ``text`` opens and closes parentheses, not counting backslash-escaped ones."""
    found = [(m.start(), m[0]) for m in _ESCAPE_OR_PARENTHESIS.finditer(text)]
    return [at for at, char in found if char == "("], [at for at, char in found if char == ")"]
