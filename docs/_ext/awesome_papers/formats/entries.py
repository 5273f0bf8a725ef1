"""Reading one README of the family line by line: headings, entries, and their sub-lines.

Every construct lands in a field of the entry, or is reported with its line; HTML comments
are skipped whole, so that nothing commented out reaches a record.
"""

from __future__ import annotations

import re

from ..records.commonmark import Blocks, blocks, plain_text
from ..records.errors import Problem
from ..records.urls import has_scheme, is_web
from .asides import read_aside
from .entry import Entry, Reading
from .entry_links import link_at, link_kind, opens_with_link, with_references
from .headings import Group, nest, read_heading
from .loose import Shape, read_shape, read_tail
from .markdown import COMMENT, EMPHASIS, ITALIC_TAIL, TITLE_START
from .subitems import LABEL, read_subitem
from .tables import read_row
from .unread import links_first, links_web, unread_reports

#: A list item's marker, bulleted or numbered, and its text.
_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:\s+(.*))?$")
#: A highlight in bold parentheses after a title link: "(**Oral**)".
_HIGHLIGHT = re.compile(r"^\(\*\*(?:<font[^>]*>)?(?P<text>.*?)(?:</font>)?\*\*\)")
#: A dash the parser did not read as a list item's ("-[code](...)", with no space after it,
#: or a line that continues a paragraph): its text.
_DASHED = re.compile(r"^\s*-\s*(?P<text>\S.*)$")
#: What may stand between a title link and a description after it: "[T](u) - text".
_SEPARATOR = re.compile(r"^[-–—:;,、]+\s*")


def read_entries(display: str, text: str) -> Reading:
    """Every entry of the README ``text`` (shown as ``display``) under a heading of papers."""
    state = Reading()
    group: Group | None = None
    parents: list[tuple[int, Group | None]] = []  # the headings above, with their level
    entry: Entry | None = None
    entry_at = (0, 0)  # how deep in lists the open entry's item is, and how indented
    unread: dict[int, str] = {}  # lines under papers that link the web but are no entry
    # HTML comments, inline or over many lines, go whole; their line breaks stay, so that
    # every report still names the line the maintainer sees.
    text = COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text)
    parsed = blocks(text)
    for number, raw in enumerate(_joined(text.splitlines(), parsed.continued), start=1):
        if number in parsed.skipped or number in parsed.underlines or number in parsed.rows:
            entry = _block(display, number, raw, parsed, group, state, unread)
            continue
        if number in parsed.headings:
            entry, group = None, _heading(parsed.headings[number], parents, group, state)
            continue
        line = with_references(_without_stray_end(raw, entry, number, state), parsed.references)
        if not line.strip():
            continue
        depth = parsed.items.get(number, 0)  # a list item starts here, in a list this deep
        item = _MARKER.match(line.lstrip()) if depth else None
        dashed = None if item else _DASHED.match(line)
        unspaced = dashed and not line[:1].isspace() and TITLE_START.match(dashed["text"])
        titled = item and opens_with_link(item.group(1) or "")
        # An entry: a list item that starts with its title link, below a plain item or no deeper
        # and no more indented than the open entry ("1. [T](u)", then "  - [code](u)": one).
        at = (depth or 1, len(line) - len(line.lstrip()))
        below = entry is not None and (at[0] > entry_at[0] or at[1] > entry_at[1])
        # Or one written otherwise ("**T**. A. Lee. [[paper](u)]"), rewritten as the family would.
        shape = (
            read_shape(item.group(1) or "") if item and group and not (titled or below) else None
        )
        if (titled and not below) or shape or unspaced:
            entry = _open(display, number, line, shape, group, state) if group else None
            entry_at = at
            if entry is not None and unspaced:
                state.note(entry, "entry", "no space after the dash; read as an entry", number)
        elif item and entry is not None and (depth > 1 or line[:1].isspace()):
            # Nested, or meant to be: "3. [T](u)" then "  - Key: ..." is indented too little
            # for the parser to nest it, but it is the entry's line all the same.
            read_subitem(entry, (item.group(1) or "").strip(), number, state)
        elif dashed and entry is not None:  # "    -[code](u)": a sub-line all the same
            read_subitem(entry, dashed["text"].strip(), number, state)
        elif entry is not None and LABEL.match(line.strip()):  # "ExpEnv: ..." with no dash
            read_subitem(entry, line.strip(), number, state)
        elif entry is not None:
            entry.notes.append(plain_text(line.strip()))
            state.note(entry, "note", f"could not place {line.strip()!r}", number)
        elif group is not None and (links_first(line) or _linking_item(item, depth)):
            unread[number] = line  # "| [T](u) | ... |", "- <a href=u>T</a>", "- see [X](u)"
    state.notes += unread_reports(display, unread)
    state.notes.sort(key=lambda problem: problem.line)
    return state


def _block(
    display: str,
    number: int,
    line: str,
    parsed: Blocks,
    group: Group | None,
    state: Reading,
    unread: dict[int, str],
) -> Entry | None:
    """A line of code, raw HTML (a ``<details>`` tag) or a table: no entry, and the end of the
    one before, but for a table's row, an entry of its own ("| [T](u) | ICLR 2024 |"). Raw
    HTML or a row that links the web but is no entry goes to ``unread``."""
    cells = parsed.rows.get(number)
    row = (
        read_row(cells[0], tuple(with_references(cell, parsed.references) for cell in cells[1]))
        if cells and group
        else None
    )
    entry = _open(display, number, line, row, group, state) if row and group else None
    linked = links_first(line) if number in parsed.html else cells and links_web(line)
    if entry is None and group is not None and linked:
        unread[number] = line
    return entry


def _linking_item(item: re.Match[str] | None, depth: int) -> bool:
    """Whether ``item``, a list item no entry holds, links the web as a paper might: not
    nested, and no sub-line ("- Env: [Gridland](u)") whose entry was not read."""
    text = (item.group(1) or "") if item else ""
    return depth == 1 and links_web(text) and not LABEL.match(text)


def _heading(
    heading: tuple[int, str],
    parents: list[tuple[int, Group | None]],
    group: Group | None,
    state: Reading,
) -> Group | None:
    """The group below a heading of ``(level, text)``; a title's heading changes none."""
    level, text = heading
    return nest(parents, level, read_heading(text, state.heading_titles)) if level >= 2 else group


def _without_stray_end(raw: str, entry: Entry | None, number: int, state: Reading) -> str:
    """``raw`` without the end of a comment whose start is missing: markup, not text."""
    if "-->" not in raw:
        return raw.rstrip()
    if entry is not None:
        state.note(entry, "comment", "a stray '-->' was left out", number)
    return raw.replace("-->", "").rstrip()


def _joined(lines: list[str], continued: frozenset[int]) -> list[str]:
    """``lines``, each plain line that goes on with a paragraph moved onto the line the
    paragraph starts on, as GitHub shows it ("Key: a, b,\\n  c": one line of keywords),
    and left blank. One that reads as a sub-line ("-[code](u)", "ExpEnv: ...") stays."""
    joined, head = list(lines), 0
    for index, line in enumerate(lines):
        if index + 1 in continued and not _DASHED.match(line) and not LABEL.match(line.strip()):
            joined[head] = joined[head].rstrip() + " " + line.strip()
            joined[index] = ""
        else:
            head = index
    return joined


def _open(
    display: str, number: int, line: str, shape: Shape | None, group: Group, state: Reading
) -> Entry | None:
    """The entry that ``line`` opens, its title link first or rewritten so (``shape``)."""
    entry = _entry(display, number, shape.line if shape else line, group, state)
    if entry is None:
        return None
    state.entries.append(entry)
    if shape is not None:
        entry.title_venue = entry.title_venue or shape.venue
        for subline in shape.sublines:
            read_subitem(entry, subline, number, state)
    return entry


def _entry(display: str, number: int, line: str, group: Group, state: Reading) -> Entry | None:
    parsed = link_at(line, line.index("["))
    if parsed is None:
        return None
    title, url, end = parsed
    if not is_web(url):
        if not url or has_scheme(url):  # "()", "javascript:...", "ihttps://": no paper
            message = f"not a web link: {url!r}; no record" if url else "no URL; no record"
            state.notes.append(Problem(display, number, "url", message))
        return None  # or a table-of-contents link, not a paper
    entry = Entry(display, number, plain_text(title).strip(), url, group)
    rest = line[end:].strip()
    # "**[T](u)**": the emphasis closes after the link, or at the end of the line.
    if opener := re.search(f"(?:{EMPHASIS})$", line[: line.index("[")]):
        mark = opener.group()
        rest = rest[len(mark) :] if rest.startswith(mark) else rest.removesuffix(mark)
        rest = rest.strip()
    while rest:
        if match := _HIGHLIGHT.match(rest):
            entry.highlight = plain_text(match.group("text")).strip()
            rest = rest[match.end() :].strip()
        elif rest.startswith("[") and (link := link_at(rest, 0)):
            label, link_url, link_end = link
            if is_web(link_url):
                entry.links.append({"kind": link_kind(label, link_url), "url": link_url})
            rest = rest[link_end:].strip()
        elif match := ITALIC_TAIL.match(rest):
            entry.title_venue = match.group("text").strip()
            rest = ""
        elif aside := read_aside(rest):  # (arXiv 2025), (Spotlight), (Poster: 8, 6, 6)
            entry.title_venue = entry.title_venue or aside.venue
            entry.track, entry.scores = aside.track or entry.track, aside.scores or entry.scores
            entry.notes += [aside.note] if aside.note else []
            rest = rest[aside.length :].strip()
        elif tail := read_tail(rest):  # "- ICLR 2024", ", Ann Lee, Bo Chen, NeurIPS 2023"
            for subline in tail[0]:
                read_subitem(entry, subline, number, state)
            rest = rest[tail[1] :].strip()
        else:
            state.note(entry, "note", f"could not place {rest!r} after the title link")
            if said := plain_text(_SEPARATOR.sub("", rest)).strip():
                entry.notes.append(said)
            rest = ""
    return entry
