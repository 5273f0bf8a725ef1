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

#: Venues' long names, as proceedings and Semantic Scholar print them, and the short names
#: lists use.
SHORT_NAMES = {
    "international conference on machine learning": "ICML",
    "neural information processing systems": "NeurIPS",
    "international conference on learning representations": "ICLR",
    "computer vision and pattern recognition": "CVPR",
    "international conference on computer vision": "ICCV",
    "european conference on computer vision": "ECCV",
    "conference on robot learning": "CoRL",
    "robotics: science and systems": "RSS",
    "ieee international conference on robotics and automation": "ICRA",
    "ieee/rsj international conference on intelligent robots and systems": "IROS",
    "aaai conference on artificial intelligence": "AAAI",
    "international joint conference on artificial intelligence": "IJCAI",
    "annual meeting of the association for computational linguistics": "ACL",
    "conference on empirical methods in natural language processing": "EMNLP",
    "transactions on machine learning research": "TMLR",
    "journal of machine learning research": "JMLR",
    "nature": "Nature",
}

#: Venues lists name by their short name alone, as a heading ("### ICLR"), by lower case.
_KNOWN = {name.casefold(): name for name in SHORT_NAMES.values()} | {
    name.casefold(): name
    for name in [
        "NIPS",
        "AAMAS",
        "UAI",
        "AISTATS",
        "KDD",
        "NAACL",
        "COLING",
        "SIGGRAPH",
        "Science",
        "L4DC",
        "ICAPS",
        "CoLLAs",
        "TPAMI",
        "RA-L",
        "T-RO",
        "IJRR",
        "WACV",
        "BMVC",
        "ICASSP",
        "Interspeech",
    ]
}


def known_venue(text: str) -> str | None:
    """The venue ``text`` names by its short or long name alone ("ICLR", "Conference on
    Robot Learning"), as lists write it; None for any other text."""
    said = " ".join(text.casefold().split()).removeprefix("the ")
    return _KNOWN.get(said) or SHORT_NAMES.get(said)


#: A venue line: the venue, then its year ("ICML 2021", "CoRL '2022", "NeurIPS 2023 (Oral)").
_LINE = re.compile(r"^(?P<venue>.*?\S)\s*'?(?P<year>(?:19|20)\d\d)\b")
#: A year standing alone in free text.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: A venue in free text: one or two words, the second capitalised, then the year.
_IN_TEXT = re.compile(r"(?P<venue>[A-Za-z][\w&.-]*(?: [A-Z][\w&.-]*)?)\s*'?(?P<year>(?:19|20)\d\d)")


def track_named(text: str) -> str | None:
    """The track that ``text`` names, by its label in any case: ``"(Oral)"`` -> ``"oral"``."""
    lowered = text.casefold()
    return next(
        (track for track, label in TRACK_LABELS.items() if label.casefold() in lowered), None
    )


def short_venue(name: str) -> str:
    """The short name of a venue given by its long one (``"The Conference on Robot Learning"``
    -> ``"CoRL"``); any other name as it is."""
    return SHORT_NAMES.get(" ".join(name.casefold().split()).removeprefix("the "), name)


def split_venue(line: str) -> tuple[str, int | None, str | None]:
    """A venue line: ``"NeurIPS 2023 (Poster)"`` -> ``("NeurIPS", 2023, "poster")``."""
    track = track_named(line)
    if match := _LINE.search(undated(line)):
        return match["venue"].strip(" ,("), int(match["year"]), track
    return line.strip(), None, track


#: A month before a year, or a comma: "NeurIPS, Dec 2023", "ICLR, 2024", "arXiv, Apr. 2022".
_DATE_NOISE = re.compile(
    r",?\s*\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?(?=\s*'?(?:19|20)\d\d\b)"
    r"|,(?=\s*'?(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


def undated(text: str) -> str:
    """``text`` with the month and the comma before its year left out, as venue lines want
    them: "NeurIPS, Dec 2023" -> "NeurIPS 2023"."""
    return " ".join(_DATE_NOISE.sub("", text).split())


def venue_in(text: str) -> tuple[str, int, str | None] | None:
    """The venue, year and track a free text names (``"ICLR 2024 poster"``, ``"Advances in
    Neural Information Processing Systems 2022"``), or None when it names none or says the
    paper was only submitted. A long name counts before any two words before a year."""
    if "submitted" in text.lower():
        return None
    text = undated(text)
    lowered = " ".join(text.casefold().split())
    year = _YEAR.search(text)
    for long, short in SHORT_NAMES.items():  # "Advances in Neural Information Processing ..."
        if " " in long and long in lowered and year:
            return short, int(year[0]), track_named(text)
    match = _IN_TEXT.search(text)
    if match is None:
        return None
    return match["venue"].strip(), int(match["year"]), track_named(text)
