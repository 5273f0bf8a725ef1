"""The frame of a family README around its papers: title, badges, free sections, format.

``init`` reads it into ``data/list.yaml``; :func:`.readme.readme_template` writes it back, so
the news, overview and tutorial sections of a list survive verbatim.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any

from ..records.commonmark import Blocks, blocks, parser
from ..records.urls import has_scheme
from .entries import read_entries
from .entry_links import link_at
from .headings import heading_words

_BADGE = re.compile(r"^\[?!\[")
_SKIPPED = {"table of contents", "contents"}
_VENUE_LABEL = re.compile(r"^\s+[-*+]\s+(Publisher|Venue)\s*[:\uff1a]", re.I | re.M)
_KEY_LABEL = re.compile(r"^\s+[-*+]\s+(Key\s*Words?|Keywords?|Key)\s*[:\uff1a]", re.I | re.M)


def readme_frame(text: str) -> dict[str, Any]:
    """The README's title, badges, preamble, free sections before and after the papers, entry
    format, and layout: its group headings in order, keyword label, and <details> blocks."""
    lines = text.splitlines()
    parsed = blocks(text)
    tops = [number for number, (level, _) in sorted(parsed.headings.items()) if level == 1]
    title = parsed.headings[tops[0]][1].strip() if tops else ""
    # The line after the title (0-based), past its underline when it is a setext heading.
    start = tops[0] + (tops[0] + 1 in parsed.underlines) if tops else 0
    badges = []
    while start < len(lines) and (_BADGE.match(lines[start].strip()) or not lines[start].strip()):
        if lines[start].strip():
            badges.append(lines[start].strip())
        start += 1
    preamble, sections = _sections(lines, start, parsed)
    entry_lines = {entry.line for entry in read_entries("README.md", text).entries}
    frame: dict[str, Any] = {
        "title": title,
        "badges": badges,
        "preamble": "\n".join(preamble).strip(),
        "sections_before": [],
        "paper_format": "",
        "sections_after": [],
    }
    papers_seen = False
    headings: list[str] = []
    labels: Counter[str] = Counter()
    venues: Counter[str] = Counter()
    entries = 0
    for name, numbered in sections:
        body = "\n".join(line for _, line in numbered).strip()
        if heading_words(name).casefold() in _SKIPPED:
            continue
        # A section of papers holds entries, as the importer reads them (in any shape).
        listed = sum(number in entry_lines for number, _ in numbered)
        if listed:
            papers_seen = True
            headings += [h.strip() for h in re.findall(r"^###\s+(.+)$", body, re.M)]
            labels.update(match.strip() for match in _KEY_LABEL.findall(body))
            venues.update(match.capitalize() for match in _VENUE_LABEL.findall(body))
            entries += listed
            frame["details"] = frame.get("details", False) or "<details" in body
            if fence := re.match(r"^```.*?^```", body, re.S | re.M):
                frame["paper_format"] = frame["paper_format"] or fence.group()
            continue
        key = "sections_after" if papers_seen else "sections_before"
        frame[key].append({"title": name, "body": body})
    frame["order"] = headings
    frame["keyword_label"] = labels.most_common(1)[0][0] if labels else "Keyword"
    frame["venue_label"] = venues.most_common(1)[0][0] if venues else "Venue"
    # A list that writes the venue line under every entry, its section's venue or not.
    frame["venue_every"] = bool(entries) and sum(venues.values()) >= 0.8 * entries
    return frame


def _sections(
    lines: list[str], start: int, parsed: Blocks
) -> tuple[list[str], list[tuple[str, list[tuple[int, str]]]]]:
    """The lines from ``start`` (0-based) up to the first level-2 heading, and each such
    section's name with its lines, each line with its number (1-based)."""
    sections: list[tuple[str, list[tuple[int, str]]]] = []
    preamble: list[str] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if parsed.headings.get(number, (0, ""))[0] == 2:
            sections.append((parsed.headings[number][1].strip(), []))
        elif number in parsed.underlines:
            continue
        elif sections:
            sections[-1][1].append((number, line))
        else:
            preamble.append(line)
    return preamble, sections


def site_intro(preamble: str, repository: str | None) -> str:
    """The preamble's first paragraph of text, for the site's home page. Raw HTML (a centred
    banner, a ``<b>``) is left out: upstream's, it is no one's to run on the site. Each link
    to a file of the list's repository leads to it there ("[guide](docs/guide.md)"), and one
    the site cannot follow (no repository, a heading of the README) keeps only its text."""
    lines = preamble.splitlines()
    tokens = parser().parse(preamble)
    for opening, content in pairwise(tokens):
        if opening.type != "paragraph_open" or not opening.map:
            continue
        text = "\n".join(lines[opening.map[0] : opening.map[1]])
        for child in content.children or []:
            if child.type == "html_inline":
                text = text.replace(child.content, "", 1)
        if text := _absolute(text, repository).strip():
            return text
    return ""


def _absolute(text: str, repository: str | None) -> str:
    kept, position = [], 0
    while (start := text.find("[", position)) != -1:
        link = link_at(text, start)
        if link is None:
            kept.append(text[position : start + 1])
            position = start + 1
            continue
        label, url, end = link
        label = _absolute(label, repository)  # a badge: a link around an image
        image = text[start - 1 : start] == "!"
        kept.append(text[position : start - image])
        path = url.strip("<>").removeprefix("./")
        if has_scheme(url):
            kept.append(f"{'!' * image}[{label}]({url})")
        elif repository and path and not path.startswith("#"):
            kind = "raw" if image else "blob"
            kept.append(f"{'!' * image}[{label}]({repository}/{kind}/HEAD/{path})")
        else:
            kept.append(label)
        position = end
    return "".join(kept) + text[position:]
