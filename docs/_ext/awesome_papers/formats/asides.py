"""What lists of the family write in parentheses right after an entry's title link, and on a
line of its own: a venue (``(arXiv 2025)``, ``(Preprint)``), a track (``(Spotlight)``),
reviewers' scores (``(Poster: 8, 6, 6, 6)``), or a bare year (``- 2024``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records.commonmark import plain_text
from ..records.venues import TRACK_LABELS, split_venue, venue_in

#: Text in parentheses at the start of what follows a title link, none nested.
_PARENTHESES = re.compile(r"^\((?P<text>[^()]*)\)")
#: "Label: 8, 6, 6" (the label may be empty): scores after a colon, two or more.
_SCORED = re.compile(
    r"^(?P<label>[^:]*?)\s*:\s*(?P<scores>\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)+)$"
)
#: A year, alone: the whole of a sub-line.
_YEAR_ONLY = re.compile(r"^'?(?P<year>(?:19|20)\d\d)$")
#: How lists name a paper not (yet) at a venue: "(arXiv 2025)", "(Preprint)".
_PREPRINTS = ("arxiv", "preprint")
#: The tracks by their label, in lower case.
_TRACKS = {label.casefold(): track for track, label in TRACK_LABELS.items()}


@dataclass(frozen=True)
class Aside:
    """What one parenthesis says: each field as the list wrote it, in plain text."""

    #: How many characters of the text it took.
    length: int
    venue: str | None = None
    track: str | None = None
    scores: str | None = None
    #: Text beside the scores that is none of the above ("not accepted now").
    note: str | None = None


def read_aside(text: str) -> Aside | None:
    """The parenthesis that ``text`` starts with, when it names a venue, a track or scores;
    None for anything else (a short name such as ``(PHF)`` is left to the caller)."""
    match = _PARENTHESES.match(text)
    if match is None:
        return None
    said = " ".join(plain_text(match["text"]).split())
    scores = None
    if scored := _SCORED.match(said):
        said, scores = scored["label"], ", ".join(re.split(r"\s*,\s*", scored["scores"]))
    length = match.end()
    if said.casefold() in _TRACKS:
        return Aside(length, track=_TRACKS[said.casefold()], scores=scores)
    if said.casefold().startswith(_PREPRINTS) or venue_in(said) or split_venue(said)[1]:
        return Aside(length, venue=said, scores=scores)
    if scores:
        return Aside(length, scores=scores, note=said or None)
    return None


def year_only(text: str) -> int | None:
    """The year a sub-line gives and nothing else (``- 2024``), or None."""
    match = _YEAR_ONLY.match(text.strip())
    return int(match["year"]) if match else None
