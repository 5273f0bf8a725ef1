"""Reading one README of the family line by line: headings, entries, and their sub-lines.

Every construct lands in a field of the entry, or is reported with its line; HTML comments
are skipped whole, so that nothing commented out reaches a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records.commonmark import code_lines, plain_text
from ..records.keys import slugify
from .markdown import split_unescaped, strip_final_period

if TYPE_CHECKING:
    from .importer import _State

_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*#*\s*$")
_ENTRY = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+\[")  # bulleted or numbered
_SUBITEM = re.compile(r"^\s+[-*+](?:\s+(.*))?$")
_LABEL = re.compile(
    r"^(?P<label>key\s*words?|keywords?|key|exp\s*env|experiment\s+environments?|"
    r"environments?|env|datasets?|benchmarks?|tasks?|settings?|venue|publisher|published\s+in|"
    r"note|authors?|code|project(?:\s+page)?|website|video|slides|github|openreview|"
    r"reviewer\s+scores?|scores?|ratings?)"
    r"\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
#: How a venue line names the way a paper was presented.
_TRACKS = {
    "oral": "oral",
    "spotlight": "spotlight",
    "poster": "poster",
    "workshop": "workshop",
    "datasets and benchmarks": "datasets-and-benchmarks",
}
_COMMENT = re.compile(r"(?<!\\)<!--.*?(?:-->|\Z)", re.DOTALL)
_BARE_URL = re.compile(r"https?://[^\s)<>\]]+")
_VENUE_LINE = re.compile(r"^[^\[\]()]*\S\s+'?(?:19|20)\d\d\b[^\[\]]*$")
_VENUE_HEADING = re.compile(r"^(?P<venue>.*\S)\s+(?P<year>(?:19|20)\d\d)$")
_ITALIC_TAIL = re.compile(r"(?<![*\\])\*(?P<text>(?:\\.|[^*\\])+)\*\s*$")
_HIGHLIGHT = re.compile(r"^\(\*\*(?:<font[^>]*>)?(?P<text>.*?)(?:</font>)?\*\*\)")
_ARXIV_YEAR = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d\d)(\d\d)\.\d")
# How lists end a shortened author line, as written (the line's final period already gone).
# Checked before unescaping, so a name the renderer escaped (an author called "...") stays a name.
_TRUNCATION = {"etc.", "etc", "et al.", "et al", "...", ".."}
_TRUNCATED_NAME = re.compile(r"^(?P<name>.*\S)\s+(?:et\s+al\.?|etc\.?)$", re.IGNORECASE)
#: Equal-contribution marks after a name, unescaped (``Tim Pearce*``, ``Name†``, ``Name<sup>*</sup>``).
_MARKS = re.compile(r"(?:\s*(?:<sup>)?(?<!\\)[*†‡§¶](?:</sup>)?)+$")
_NON_PAPER_HEADINGS = {"introduction", "table of contents", "contributing", "license", "papers"}
_NO_VENUE_HEADINGS = {"other", "others", "misc", "miscellaneous"}
_LINK_KINDS = {
    "code": "code",
    "github": "code",
    "project": "project",
    "page": "project",
    "website": "project",
    "dataset": "dataset",
    "data": "dataset",
    "video": "video",
    "slides": "slides",
}


@dataclass(frozen=True)
class _Group:
    """The heading an entry stands under: a category or a venue-year; and what its items are."""

    category: str | None = None
    venue: str | None = None
    year: int | None = None
    kind: str | None = None


#: Headings whose items are not papers, and what they are.
_KIND_HEADINGS = {
    "codebase": "codebase",
    "codebases": "codebase",
    "code": "codebase",
    "libraries": "codebase",
    "tutorial": "tutorial",
    "tutorials": "tutorial",
    "talk": "talk",
    "talks": "talk",
    "videos": "talk",
    "blog": "blog",
    "blogs": "blog",
    "blog posts": "blog",
    "survey": "survey",
    "surveys": "survey",
    "book": "book",
    "books": "book",
    "course": "course",
    "courses": "course",
    "lectures": "course",
}


@dataclass
class _Entry:
    """One list item as read, before vocabularies are resolved."""

    source: str
    line: int
    title: str
    url: str
    group: _Group
    authors: list[str] = field(default_factory=list)
    authors_truncated: bool = False
    venue_note: str | None = None
    title_venue: str | None = None
    highlight: str | None = None
    links: list[dict[str, str]] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    # In the order written: (name, url) for a link ("" when empty), (text, None) for free text.
    environments: list[tuple[str, str | None]] = field(default_factory=list)
    venue_line: str | None = None
    scores: str | None = None
    notes: list[str] = field(default_factory=list)


def _parse(display: str, text: str, state: _State) -> list[_Entry]:
    entries: list[_Entry] = []
    group: _Group | None = None
    entry: _Entry | None = None
    # HTML comments, inline or over many lines, go whole; their line breaks stay, so that
    # every report still names the line the maintainer sees.
    text = _COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text)
    code = code_lines(text)
    for number, raw in enumerate(text.splitlines(), start=1):
        if number in code:  # an example of the format is no entry, and ends the one before
            entry = None
            continue
        line = re.sub(r"</?(details|summary)[^>]*>", "", raw).rstrip()
        if "-->" in line:  # the end of a comment whose start is missing: markup, not text
            line = line.replace("-->", "").rstrip()
            if entry is not None:
                state.note(entry, "comment", "a stray '-->' was left out", number)
        if not line.strip():
            continue
        if heading := _HEADING.match(line.strip()):
            entry = None
            group = _group(heading.group(2), state)
            continue
        if _ENTRY.match(line):
            entry = _entry(display, number, line, group, state) if group else None
            if entry is not None:
                entries.append(entry)
            continue
        sub = _SUBITEM.match(line)
        if entry is not None and sub:
            _subitem(entry, (sub.group(1) or "").strip(), number, state)
        elif entry is not None:
            entry.notes.append(line.strip())
            state.note(entry, "note", f"could not place {line.strip()!r}", number)
    return entries


def _group(heading: str, state: _State) -> _Group | None:
    text = plain_text(heading).strip()
    if text.casefold() in _NON_PAPER_HEADINGS:
        return None
    if text.casefold() in _NO_VENUE_HEADINGS:
        return _Group()
    if text.casefold() == "arxiv":
        return _Group(venue="arXiv")
    if match := _VENUE_HEADING.match(text):
        return _Group(venue=match.group("venue"), year=int(match.group("year")))
    category = slugify(text)
    state.heading_titles.setdefault(category, text)
    return _Group(category=category, kind=_KIND_HEADINGS.get(text.casefold()))


def _entry(display: str, number: int, line: str, group: _Group, state: _State) -> _Entry | None:
    parsed = _link_at(line, line.index("["))
    if parsed is None:
        return None
    title, url, end = parsed
    if not url.startswith(("http://", "https://")):
        return None  # a table-of-contents link, not a paper
    entry = _Entry(display, number, plain_text(title).strip(), url, group)
    rest = line[end:].strip()
    while rest:
        if match := _HIGHLIGHT.match(rest):
            entry.highlight = plain_text(match.group("text")).strip()
            rest = rest[match.end() :].strip()
        elif rest.startswith("[") and (link := _link_at(rest, 0)):
            label, link_url, link_end = link
            kind = _LINK_KINDS.get(plain_text(label).strip().strip("[]").casefold(), "other")
            if link_url.startswith(("http://", "https://")):
                entry.links.append({"kind": kind, "url": link_url})
            rest = rest[link_end:].strip()
        elif match := _ITALIC_TAIL.match(rest):
            entry.title_venue = match.group("text").strip()
            rest = ""
        else:
            entry.notes.append(rest)
            state.note(entry, "note", f"could not place {rest!r} after the title link")
            rest = ""
    return entry


def _link_at(text: str, start: int) -> tuple[str, str, int] | None:
    """Parse ``[label](url)`` at ``start`` with escapes and nested brackets and parentheses."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0:
            break
        index += 1
    else:
        return None
    label = text[start + 1 : index]
    if index + 1 >= len(text) or text[index + 1] != "(":
        return None
    depth, cursor = 0, index + 1
    while cursor < len(text):
        depth += {"(": 1, ")": -1}.get(text[cursor], 0)
        if depth == 0:
            return label, text[index + 2 : cursor].strip(), cursor + 1
        cursor += 1
    # No closing parenthesis, e.g. a full-width one typed by mistake: take the URL to the space.
    url = text[index + 2 :].split()[0] if text[index + 2 :].strip() else ""
    return label, url.rstrip("）)"), index + 2 + len(url)


def _subitem(entry: _Entry, text: str, number: int, state: _State) -> None:
    if not text:
        return
    label = _LABEL.match(text)
    if label is None:
        if not entry.authors:
            _authors(entry, text)
        elif (
            (rest := _take_links(entry, text)) and _VENUE_LINE.match(rest) and not entry.venue_line
        ):
            entry.venue_line = plain_text(rest)  # "ICLR 2024 [code](...)", unlabelled
        elif rest:
            entry.notes.append(plain_text(rest))
            state.note(entry, "note", f"could not place {text!r}", number)
        return
    kind = re.sub(r"\s+", "", label.group("label").casefold())
    value = label.group("value").strip()
    if not value or value.casefold() in {"none", "n/a", "-"}:
        if not kind.startswith(("exp", "env")):
            state.note(entry, kind, f"empty {label.group('label')}: line", number)
        return
    if kind.startswith("author"):
        _authors(entry, value)
    elif kind in {"venue", "publisher", "publishedin"}:
        entry.venue_line = plain_text(_take_links(entry, value))
    elif kind in {
        "openreview",
        "reviewerscore",
        "reviewerscores",
        "score",
        "scores",
        "rating",
        "ratings",
    }:
        entry.scores = plain_text(value)
    elif kind in {
        "code",
        "project",
        "projectpage",
        "website",
        "video",
        "slides",
        "github",
    }:
        _labelled_links(entry, kind, value, number, state)
    elif kind.startswith("key"):
        for piece in split_unescaped(value, ";,，；"):
            piece = plain_text(strip_final_period(piece.strip())).strip()
            if piece:
                entry.keywords.append(piece)
    elif kind == "note":
        entry.notes.append(plain_text(value))
    else:
        _environments(entry, value)


def _labelled_links(entry: _Entry, kind: str, value: str, number: int, state: _State) -> None:
    """``Code: [official](url), [unofficial](url)`` or a bare URL: links of that kind."""
    kind = _LINK_KINDS.get(kind.removesuffix("page"), "other")
    found = []
    position = 0
    while (start := value.find("[", position)) != -1 and (link := _link_at(value, start)):
        found.append(link[1])
        position = link[2]
    found += _BARE_URL.findall(_LINK_IN.sub("", value))
    for url in found:
        if url.startswith(("http://", "https://")):
            entry.links.append({"kind": kind, "url": url})
    if not found:
        state.note(entry, kind, f"no link in {value!r}", number)


def _take_links(entry: _Entry, text: str) -> str:
    """``text`` without its ``[code](...)``-style links, which become links of the entry."""
    kept, position = [], 0
    while (start := text.find("[", position)) != -1 and (link := _link_at(text, start)):
        label, url, end = link
        if url.startswith(("http://", "https://")):
            kept.append(text[position:start])
            kind = _LINK_KINDS.get(plain_text(label).strip().casefold(), "other")
            entry.links.append({"kind": kind, "url": url})
        else:
            kept.append(text[position:end])
        position = end
    return ("".join(kept) + text[position:]).strip(" ,;|")


_LINK_IN = re.compile(r"\[[^\]]*\]\([^)]*\)")


def _authors(entry: _Entry, text: str) -> None:
    if match := _ITALIC_TAIL.search(text):
        tail = plain_text(match.group("text")).strip()
        text = text[: match.start()].rstrip()
        if tail.casefold().rstrip(".") == "et al":  # "Haowei Zhang *et al.*"
            entry.authors_truncated = True
        else:
            entry.venue_note = tail
    text = strip_final_period(text)
    pieces = re.split(r"\s+and\s+", text)
    if len(pieces) > 1 and all(piece.count(",") == 1 for piece in pieces):
        # "Last, First and Last, First": each comma separates a name's parts, not two names.
        entry.authors = [
            " ".join(reversed([p.strip() for p in piece.split(",")])) for piece in pieces
        ]
        return
    raw = [name.strip() for name in split_unescaped(text, ",，")]
    raw = [name for name in raw if name]
    if raw and raw[-1].casefold() in _TRUNCATION:
        raw.pop()
        entry.authors_truncated = True
    if raw and (last := _TRUNCATED_NAME.match(raw[-1])):  # "Haowei Zhang et al."
        raw[-1] = last.group("name")
        entry.authors_truncated = True
    marked: dict[str, list[str]] = {}  # the marks a paper prints after names, and whose
    names = []
    for name in raw:
        mark = _MARKS.search(name)
        bare = plain_text(name[: mark.start()] if mark else name).strip()
        if mark:
            symbols = re.sub(r"</?sup>|\s", "", mark.group())
            marked.setdefault(symbols, []).append(bare)
        names.append(bare)
    entry.authors = names
    for symbols, who in marked.items():
        what = "Equal contribution" if symbols == "*" else f"Marked {symbols}"
        entry.notes.append(f"{what}: {', '.join(who)}")


def _environments(entry: _Entry, value: str) -> None:
    position = 0
    while position < len(value):
        start = value.find("[", position)
        while start > 0 and value[start - 1] == "\\":
            start = value.find("[", start + 1)
        link = _link_at(value, start) if start != -1 else None
        _free_text(entry, value[position : start if link else len(value)])
        if link is None:
            return
        name, url, position = link
        web = url if url.startswith(("http://", "https://")) else ""
        entry.environments.append((plain_text(name).strip(), web))


def _free_text(entry: _Entry, chunk: str) -> None:
    for piece in split_unescaped(chunk, ",，"):
        piece = plain_text(strip_final_period(piece.strip())).strip()
        if piece:
            entry.environments.append((piece, None))


def _split_venue(text: str) -> tuple[str, int | None, str | None]:
    """``"NeurIPS 2023 (Poster)"`` -> ("NeurIPS", 2023, "poster"): venue, year and track."""
    lowered = text.casefold()
    track = next((name for word, name in _TRACKS.items() if word in lowered), None)
    if match := re.search(r"^(?P<venue>.*?\S)\s*'?(?P<year>(?:19|20)\d\d)\b", text.strip()):
        return match.group("venue").strip(" ,("), int(match.group("year")), track
    return text.strip(), None, track
