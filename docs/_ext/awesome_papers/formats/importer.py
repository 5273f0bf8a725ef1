"""Turn a README of this family of awesome lists into records and vocabularies.

The lists are hand-written, so the parser is forgiving: it knows every label spelling and
irregularity seen in them. What it cannot place goes into the record's ``note`` and into the
report, never silently away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records.errors import Problem
from ..records.keys import slugify, term_key, title_key, url_key
from ..records.model import FIELD_ORDER
from .markdown import split_unescaped, strip_final_period, unescape

_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*#*\s*$")
_ENTRY = re.compile(r"^[-*+]\s+\[")
_SUBITEM = re.compile(r"^\s+[-*+](?:\s+(.*))?$")
_LABEL = re.compile(
    r"^(?P<label>key\s*words?|keywords?|key|exp\s*env|experiment\s+environments?|"
    r"environments?|venue|note)\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_VENUE_HEADING = re.compile(r"^(?P<venue>.*\S)\s+(?P<year>(?:19|20)\d\d)$")
_ITALIC_TAIL = re.compile(r"(?<![*\\])\*(?P<text>(?:\\.|[^*\\])+)\*\s*$")
_HIGHLIGHT = re.compile(r"^\(\*\*(?:<font[^>]*>)?(?P<text>.*?)(?:</font>)?\*\*\)")
_ARXIV_YEAR = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d\d)(\d\d)\.\d")
# How lists end a shortened author line, as written (the line's final period already gone).
# Checked before unescaping, so a name the renderer escaped (an author called "...") stays a name.
_TRUNCATION = {"etc.", "etc", "et al.", "et al", "...", ".."}
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
_STOPWORDS = set(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "with",
        "via",
        "and",
        "in",
        "on",
        "to",
        "from",
        "by",
        "through",
        "your",
        "is",
        "are",
        "as",
        "at",
        "its",
        "into",
        "over",
        "using",
    ]
)


@dataclass
class Imported:
    """Records and vocabularies read from one or more READMEs, and what was reported."""

    papers: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    environments: list[dict[str, Any]] = field(default_factory=list)
    keywords: list[dict[str, Any]] = field(default_factory=list)
    report: list[Problem] = field(default_factory=list)


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
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Group:
    """The heading an entry stands under: a category or a venue-year."""

    category: str | None = None
    venue: str | None = None
    year: int | None = None


def import_readmes(
    texts: Iterable[tuple[str, str]],
    *,
    vocabularies: dict[str, list[dict[str, Any]]] | None = None,
    added: dict[str, str] | None = None,
    default_added: str | None = None,
    default_category: str | None = None,
) -> Imported:
    """Import ``(display name, text)`` READMEs; later files fill what earlier ones lack."""
    state = _State(vocabularies or {}, default_category)
    for display, text in texts:
        for entry in _parse(display, text, state):
            state.add_entry(entry)
    return state.finish(added or {}, default_added)


class _State:
    def __init__(
        self, vocabularies: dict[str, list[dict[str, Any]]], default_category: str | None
    ) -> None:
        self.categories = {c["id"]: dict(c) for c in vocabularies.get("categories", [])}
        self.environments = {e["id"]: dict(e) for e in vocabularies.get("environments", [])}
        self.keywords = {k["name"]: dict(k) for k in vocabularies.get("keywords", [])}
        self.env_keys = {
            term_key(s): e["id"]
            for e in self.environments.values()
            for s in (e["name"], *e.get("aliases", []))
        }
        self.keyword_keys = {
            term_key(s): k["name"]
            for k in self.keywords.values()
            for s in (k["name"], *k.get("aliases", []))
        }
        self.default_category = default_category
        self.heading_titles: dict[str, str] = {}
        self.entries: list[_Entry] = []
        self.report: list[Problem] = []

    def note(self, entry: _Entry, field: str, message: str, line: int | None = None) -> None:
        self.report.append(Problem(entry.source, line or entry.line, field, message))

    def add_entry(self, entry: _Entry) -> None:
        if entry.group.category and entry.group.category not in self.categories:
            self.categories[entry.group.category] = {
                "id": entry.group.category,
                "title": self.heading_titles[entry.group.category],
                "order": len(self.categories) + 1,
            }
        for name, url in entry.environments:
            if url is not None:
                self.environment(name, url)
        self.entries.append(entry)

    def environment(self, name: str, url: str) -> str:
        key = term_key(name)
        if key in self.env_keys:
            env = self.environments[self.env_keys[key]]
            if url and "url" not in env:
                env["url"] = url
            if name != env["name"] and name not in env.setdefault("aliases", []):
                env["aliases"].append(name)
            return str(env["id"])
        env_id = slugify(name) or "environment"
        while env_id in self.environments:
            env_id += "-2"
        self.environments[env_id] = {"id": env_id, "name": name, **({"url": url} if url else {})}
        self.env_keys[key] = env_id
        return env_id

    def keyword(self, spelling: str) -> str:
        key = term_key(spelling)
        if key not in self.keyword_keys:
            self.keyword_keys[key] = spelling
            self.keywords[spelling] = {"name": spelling}
        canonical: str = self.keyword_keys[key]
        aliases = self.keywords[canonical].setdefault("aliases", [])
        if spelling != canonical and spelling not in aliases:
            aliases.append(spelling)
        return canonical

    def finish(self, added: dict[str, str], default_added: str | None) -> Imported:
        records: dict[str, dict[str, Any]] = {}
        by_title: dict[str, str] = {}
        by_url: dict[str, str] = {}
        added_by_title = {title_key(title): date for title, date in added.items()}
        for entry in self.entries:
            record = self.record(entry)
            same = by_title.get(title_key(entry.title))
            if same is not None:
                _merge(records[same], record)
                self.note(entry, "title", f"same paper as {same}: merged")
                continue
            record["id"] = _unique_id(paper_id_for(entry.title), records)
            if (other := by_url.get(url_key(entry.url))) is not None:
                self.note(
                    entry, "url", f"same link as {other}, which has another title: check the link"
                )
            records[record["id"]] = record
            by_title[title_key(entry.title)] = record["id"]
            by_url.setdefault(url_key(entry.url), record["id"])
        for record in records.values():
            date = added_by_title.get(title_key(record["title"]), default_added)
            if date:
                record["added"] = date
            if "category" not in record:
                record["category"] = self.default_category or "uncategorized"
                self.categories.setdefault(
                    record["category"],
                    {
                        "id": record["category"],
                        "title": record["category"].replace("-", " ").title(),
                        "order": len(self.categories) + 1,
                    },
                )
        papers = [_ordered(record) for record in records.values()]
        for env in self.environments.values():
            if not env.get("aliases"):
                env.pop("aliases", None)
        for keyword in self.keywords.values():
            if not keyword.get("aliases"):
                keyword.pop("aliases", None)
        return Imported(
            papers=papers,
            categories=sorted(self.categories.values(), key=lambda c: (c["order"], c["id"])),
            environments=sorted(self.environments.values(), key=lambda e: e["id"]),
            keywords=sorted(
                self.keywords.values(), key=lambda k: (k["name"].casefold(), k["name"])
            ),
            report=self.report,
        )

    def record(self, entry: _Entry) -> dict[str, Any]:
        record: dict[str, Any] = {"title": entry.title, "url": entry.url, "authors": entry.authors}
        if not entry.authors:
            self.note(entry, "authors", "entry has no author line")
        if entry.authors_truncated:
            record["authors_truncated"] = True
        venue, year = entry.group.venue, entry.group.year
        venue_text = entry.venue_line or (entry.title_venue if not venue else None)
        if entry.title_venue and venue:
            entry.venue_note = entry.venue_note or entry.title_venue
        if venue_text:
            venue, year = _split_venue(venue_text)
        if venue and venue.casefold() == "arxiv":
            venue = "arXiv"
            if year is None and (match := _ARXIV_YEAR.search(entry.url)):
                year = 2000 + int(match.group(1))
        if venue:
            record["venue"] = venue
        if year:
            record["year"] = year
        if entry.venue_note:
            record["venue_note"] = entry.venue_note
        if entry.group.category:
            record["category"] = entry.group.category
        keywords = list(dict.fromkeys(self.keyword(k) for k in entry.keywords))
        if keywords:
            record["keywords"] = keywords
        envs: list[str] = []
        settings: list[str] = []
        for text, url in entry.environments:
            if url is not None:
                envs.append(self.environment(text, url))
            elif term_key(text) in self.env_keys:
                envs.append(self.env_keys[term_key(text)])
            elif text.casefold() not in {"none", "n/a", "-"}:
                settings.append(text)
        if envs:
            record["environments"] = list(dict.fromkeys(envs))
        if settings:
            record["settings"] = settings
        if entry.links:
            record["links"] = entry.links
        if entry.highlight:
            record["highlight"] = entry.highlight
        if entry.notes:
            record["note"] = "; ".join(entry.notes)
        return record


def _parse(display: str, text: str, state: _State) -> list[_Entry]:
    entries: list[_Entry] = []
    group: _Group | None = None
    entry: _Entry | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"</?(details|summary)[^>]*>", "", raw).rstrip()
        if not line.strip():
            continue
        if heading := _HEADING.match(line.strip()):
            entry = None
            group = _group(heading.group(2), state)
            continue
        if line.startswith("```"):
            entry = None
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
    text = unescape(re.sub(r"<[^>]+>", "", heading)).strip()
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
    return _Group(category=category)


def _entry(display: str, number: int, line: str, group: _Group, state: _State) -> _Entry | None:
    parsed = _link_at(line, line.index("["))
    if parsed is None:
        return None
    title, url, end = parsed
    if not url.startswith(("http://", "https://")):
        return None  # a table-of-contents link, not a paper
    entry = _Entry(display, number, unescape(title).strip(), url, group)
    rest = line[end:].strip()
    while rest:
        if match := _HIGHLIGHT.match(rest):
            entry.highlight = unescape(match.group("text")).strip()
            rest = rest[match.end() :].strip()
        elif rest.startswith("[") and (link := _link_at(rest, 0)):
            label, link_url, link_end = link
            kind = _LINK_KINDS.get(unescape(label).strip().strip("[]").casefold(), "other")
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
        else:
            entry.notes.append(unescape(text))
            state.note(entry, "note", f"could not place {text!r}", number)
        return
    kind = re.sub(r"\s+", "", label.group("label").casefold())
    value = label.group("value").strip()
    if kind.startswith("key"):
        for piece in split_unescaped(value, ";,，；"):
            piece = unescape(strip_final_period(piece.strip())).strip()
            if piece:
                entry.keywords.append(piece)
    elif kind in {"venue"}:
        entry.venue_line = unescape(value)
    elif kind == "note":
        entry.notes.append(unescape(value))
    else:
        _environments(entry, value)


def _authors(entry: _Entry, text: str) -> None:
    if match := _ITALIC_TAIL.search(text):
        entry.venue_note = unescape(match.group("text")).strip()
        text = text[: match.start()].rstrip()
    text = strip_final_period(text)
    raw = [name.strip() for name in split_unescaped(text, ",，")]
    raw = [name for name in raw if name]
    if raw and raw[-1].casefold() in _TRUNCATION:
        raw.pop()
        entry.authors_truncated = True
    entry.authors = [unescape(name).strip() for name in raw]


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
        entry.environments.append((unescape(name).strip(), web))


def _free_text(entry: _Entry, chunk: str) -> None:
    for piece in split_unescaped(chunk, ",，"):
        piece = unescape(strip_final_period(piece.strip())).strip()
        if piece:
            entry.environments.append((piece, None))


def _split_venue(text: str) -> tuple[str, int | None]:
    if match := _VENUE_HEADING.match(text.strip()):
        return match.group("venue"), int(match.group("year"))
    return text.strip(), None


def _merge(kept: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if key not in kept:
            kept[key] = value
        elif isinstance(value, list) and key in {"keywords", "environments", "settings"}:
            kept[key] = list(dict.fromkeys([*kept[key], *value]))
        elif key == "authors" and len(value) > len(kept[key]):
            kept[key] = value


def paper_id_for(title: str) -> str:
    """A short slug from the title's significant words: the record's id and file name."""
    words = [w for w in slugify(title).split("-") if w and w not in _STOPWORDS]
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 48 and slug:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "paper"


def _unique_id(base: str, taken: dict[str, Any]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record[key] for key in FIELD_ORDER if key in record}
