"""The lines under an entry: authors, "Key:", "ExpEnv:", venue, links and scores, labelled or
not, each into its field of the entry, or reported at its line."""

from __future__ import annotations

import re

from ..records.commonmark import plain_text
from .asides import year_only
from .authors import read_authors
from .entry import Entry, Reading
from .entry_links import labelled_links, take_links
from .environments import read_environments
from .markdown import split_unescaped, strip_final_period

LABEL = re.compile(
    r"^(?P<label>key\s*words?|keywords?|key|exp\s*env|experiment\s+environments?|"
    r"environments?|env|datasets?|benchmarks?|tasks?|settings?|venue|publisher|published\s+in|"
    r"note|authors?|links|code|project(?:\s+page)?|website|video|slides|github|openreview|"
    r"reviewer\s+scores?|scores?|ratings?)"
    r"\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_VENUE_LINE = re.compile(r"^[^\[\]()]*\S\s+'?(?:19|20)\d\d\b[^\[\]]*$")
#: Sub-item labels (spaces removed, lower case) whose value is reviewers' scores, and those
#: whose value is links of the label's one kind.
_SCORE_LABELS = {
    "openreview",
    "reviewerscore",
    "reviewerscores",
    "score",
    "scores",
    "rating",
    "ratings",
}
_LINK_LINE_LABELS = {"code", "project", "projectpage", "website", "video", "slides", "github"}


def read_subitem(entry: Entry, text: str, number: int, state: Reading) -> None:
    """Put one sub-line of ``entry`` ("Key: ...", authors, a venue line) into its fields."""
    if not text:
        return
    if (year := year_only(text)) is not None:
        entry.year = entry.year or year  # "- 2024": the year, and no venue
        return
    label = LABEL.match(text)
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
    elif kind == "links":  # [Code](url) [Project](url): each of its label's kind
        before = len(entry.links)
        if _take_links(entry, value) or len(entry.links) == before:
            state.note(entry, kind, f"not only links in {value!r}", number)
    elif kind in {"venue", "publisher", "publishedin"}:
        entry.venue_line = plain_text(_take_links(entry, value))
    elif kind in _SCORE_LABELS:
        entry.scores = plain_text(value)
    elif kind in _LINK_LINE_LABELS:
        links = labelled_links(kind, value)
        entry.links += links
        if not links:
            state.note(entry, kind, f"no link in {value!r}", number)
    elif kind.startswith("key"):
        for piece in split_unescaped(value, ";,，；"):
            piece = plain_text(strip_final_period(piece.strip())).strip()
            if piece:
                entry.keywords.append(piece)
    elif kind == "note":
        entry.notes.append(plain_text(value))
    else:
        entry.environments += read_environments(value)


def _take_links(entry: Entry, text: str) -> str:
    rest, links = take_links(text)
    entry.links += links
    return rest


def _authors(entry: Entry, text: str) -> None:
    found = read_authors(text)
    entry.authors = found.names
    entry.authors_truncated = entry.authors_truncated or found.truncated
    entry.venue_note = found.venue_note or entry.venue_note
    entry.notes += found.notes
