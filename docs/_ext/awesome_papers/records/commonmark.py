"""CommonMark as GitHub reads it (markdown-it-py): the one parser the lint and the importer share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Characters without which no text can hold markup: most text skips the parser.
SUSPECT = re.compile(r"[*_<>\[\]&`~\\]")


@cache
def parser() -> MarkdownIt:
    """GitHub's flavour, as far as a README's lines go: CommonMark, strikethrough and tables."""
    # Imported here: most text holds no suspect character, and validate starts faster.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["strikethrough", "table"])


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


@dataclass(frozen=True)
class Blocks:
    """What the parser makes of a document's lines, by 1-based line number."""

    #: Lines of code blocks (fenced or indented) and raw HTML blocks: no heading, no entry
    #: (a README's example of its own format, say, or a ``<details>`` tag).
    skipped: frozenset[int]
    #: Each heading's first line (ATX or setext): its level and its inline source.
    headings: dict[int, tuple[int, str]]
    #: The other lines of setext headings (their underlines).
    underlines: frozenset[int]
    #: The first line of each list item, and how deep its list is nested (1: not nested).
    items: dict[int, int]
    #: Lines that go on with the paragraph of the line above (no marker, no blank line
    #: between): GitHub shows them as one line with it.
    continued: frozenset[int] = frozenset()
    #: The skipped lines that are raw HTML, not code.
    html: frozenset[int] = frozenset()
    #: Each body row of a table: its table's header cells and its own, as inline source.
    rows: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    #: Link reference definitions ("[label]: https://..."): each label, upper case as the
    #: parser matches it, and its address. Their lines are among the skipped.
    references: dict[str, str] = field(default_factory=dict)


def blocks(text: str) -> Blocks:
    """The code, HTML, heading and list-item lines of ``text``, as GitHub's renderer reads them."""
    skipped: set[int] = set()
    headings: dict[int, tuple[int, str]] = {}
    underlines: set[int] = set()
    items: dict[int, int] = {}
    continued: set[int] = set()
    html: set[int] = set()
    env: dict[str, Any] = {}
    rows = _rows(tokens := parser().parse(text, env))
    references = {}
    for label, definition in env.get("references", {}).items():
        references[label] = definition["href"]
        skipped.update(range(definition["map"][0] + 1, definition["map"][1] + 1))
    depth = 0
    for index, token in enumerate(tokens):
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        if not token.map:
            continue
        start, end = token.map
        if token.type == "list_item_open":
            items[start + 1] = depth
        elif token.type in {"fence", "code_block", "html_block"}:
            skipped.update(range(start + 1, end + 1))
            if token.type == "html_block":
                html.update(range(start + 1, end + 1))
        elif token.type == "paragraph_open":
            continued.update(range(start + 2, end + 1))
        elif token.type == "heading_open":
            headings[start + 1] = (int(token.tag[1:]), tokens[index + 1].content)
            underlines.update(range(start + 2, end + 1))
    return Blocks(
        frozenset(skipped),
        headings,
        frozenset(underlines),
        items,
        frozenset(continued),
        frozenset(html),
        rows,
        references,
    )


def _rows(tokens: list[Token]) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each table body row's line: its table's header cells, and its own cells."""
    rows: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    header: tuple[str, ...] = ()
    cells: list[str] = []
    head = cell = False
    line = 0
    for token in tokens:
        if token.type in {"thead_open", "thead_close"}:
            head = token.type == "thead_open"
        elif token.type in {"th_open", "td_open", "th_close", "td_close"}:
            cell = token.type.endswith("_open")
        elif token.type == "tr_open":
            cells, line = [], token.map[0] + 1 if token.map else 0
        elif token.type == "inline" and cell:
            cells.append(token.content)
        elif token.type == "tr_close" and head:
            header = tuple(cells)
        elif token.type == "tr_close":
            rows[line] = (header, tuple(cells))
    return rows
