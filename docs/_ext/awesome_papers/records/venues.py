"""Venues and their tracks: the names a record's ``track`` takes, and the reading of venue
text into venue, year and track.

Two kinds of text name a venue: a list's venue line ("NeurIPS 2023 (Oral)", read by the
importer) and a metadata source's free text ("Accepted at ICML 2023 as a spotlight", an
arXiv comment or an OpenReview venue). Both are read here, with the same tracks.
"""

from __future__ import annotations

import re

#: A record's ``track``, and how the README, the cards and the paper pages write it.
TRACK_LABELS = {
    "oral": "Oral",
    "spotlight": "Spotlight",
    "poster": "Poster",
    "workshop": "Workshop",
    "datasets-and-benchmarks": "Datasets and Benchmarks",
}

#: A venue line: the venue, then its year ("ICML 2021", "CoRL'22", "NeurIPS 2023 (Oral)").
_LINE = re.compile(r"^(?P<venue>.*?\S)\s*'?(?P<year>(?:19|20)\d\d)\b")
#: A venue in free text: one or two words, the second capitalised, then the year.
_IN_TEXT = re.compile(r"(?P<venue>[A-Za-z][\w&.-]*(?: [A-Z][\w&.-]*)?)\s*'?(?P<year>(?:19|20)\d\d)")


def track_named(text: str) -> str | None:
    """The track that ``text`` names, by its label in any case: ``"(Oral)"`` -> ``"oral"``."""
    lowered = text.casefold()
    return next(
        (track for track, label in TRACK_LABELS.items() if label.casefold() in lowered), None
    )


def split_venue(line: str) -> tuple[str, int | None, str | None]:
    """A venue line: ``"NeurIPS 2023 (Poster)"`` -> ``("NeurIPS", 2023, "poster")``."""
    track = track_named(line)
    if match := _LINE.search(line.strip()):
        return match["venue"].strip(" ,("), int(match["year"]), track
    return line.strip(), None, track


def venue_in(text: str) -> tuple[str, int, str | None] | None:
    """The venue, year and track a free text names (``"ICLR 2024 poster"``), or None when it
    names none or says the paper was only submitted."""
    match = _IN_TEXT.search(text)
    if match is None or "submitted" in text.lower():
        return None
    return match["venue"].strip(), int(match["year"]), track_named(text)
