"""An author line of the family, as a paper prints it: names, marks, and how it is cut short."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records.commonmark import plain_text
from ..records.venues import undated, venue_in
from .markdown import ITALIC_TAIL, split_unescaped, strip_final_period

# How lists end a shortened author line, as written (the line's final period already gone).
# Checked before unescaping, so a name the renderer escaped (an author called "...") stays a name.
_TRUNCATION = {"etc.", "etc", "et al.", "et al", "...", ".."}
_TRUNCATED_NAME = re.compile(r"^(?P<name>.*\S)\s+(?:et\s+al\.?|etc\.?)$", re.IGNORECASE)
#: A sentence after the names that names a year: ". NeurIPS, 2020.", ". In ICML, 2019".
_SAID_AFTER = re.compile(r"(?<!\b[A-Z])\.\s+(?P<tail>[^.]*?(?:19|20)\d\d[^.]*?)\.?\s*$")
#: "and" or "&" between two names, or before the last one after a comma.
_AND = re.compile(r"(?:^|\s+)(?:and|&)\s+")
#: Marks after a name, unescaped (``Tim Pearce*``, ``Name†``, ``Name<sup>*</sup>``).
_MARKS = re.compile(r"(?:\s*(?:<sup>)?(?<!\\)[*†‡§¶](?:</sup>)?)+$")


@dataclass
class Authors:
    """What an author line says."""

    names: list[str] = field(default_factory=list)
    truncated: bool = False
    #: Where else the paper appeared, in italics after the names.
    venue_note: str | None = None
    #: The marks after names, in words: "Equal contribution: A, B".
    notes: list[str] = field(default_factory=list)


def read_authors(text: str) -> Authors:
    """The names of ``text``, plain, without their marks; whether the line is cut short."""
    found = Authors()
    if match := ITALIC_TAIL.search(text):
        tail = plain_text(match.group("text")).strip()
        text = text[: match.start()].rstrip()
        if tail.casefold().rstrip(".") == "et al":  # "Haowei Zhang *et al.*"
            found.truncated = True
        else:
            found.venue_note = tail
    elif (said := _SAID_AFTER.search(text)) and venue_in(said["tail"]) is not None:
        # "A. Kumar, and S. Levine. NeurIPS, 2020.": the venue, plain, after the names.
        found.venue_note = undated(said["tail"].strip())
        text = text[: said.start()]
    text = strip_final_period(text)
    pieces = re.split(r"\s+and\s+", text)
    if len(pieces) > 1 and all(_last_first(piece) for piece in pieces):
        # "Last, First and Last, First": each comma separates a name's parts, not two names.
        found.names = [
            " ".join(reversed([p.strip() for p in piece.split(",")])) for piece in pieces
        ]
        return found
    # Commas or semicolons, "and" (BibTeX's "A and B and C") or "&", or both ("A, B, and C").
    raw = [
        name.strip()
        for part in split_unescaped(text, ",，;；")
        for name in _AND.split(part.strip())
        if name.strip()
    ]
    if raw and raw[-1].casefold() in _TRUNCATION:
        raw.pop()
        found.truncated = True
    if raw and (last := _TRUNCATED_NAME.match(raw[-1])):  # "Haowei Zhang et al."
        raw[-1] = last.group("name")
        found.truncated = True
    marked: dict[str, list[str]] = {}  # the marks a paper prints after names, and whose
    for name in raw:
        mark = _MARKS.search(name)
        bare = plain_text(name[: mark.start()] if mark else name).strip()
        if mark:
            symbols = re.sub(r"</?sup>|\s", "", mark.group())
            marked.setdefault(symbols, []).append(bare)
        found.names.append(bare)
    for symbols, who in marked.items():
        what = "Equal contribution" if symbols == "*" else f"Marked {symbols}"
        found.notes.append(f"{what}: {', '.join(who)}")
    return found


def _last_first(piece: str) -> bool:
    """Whether ``piece`` reads as one name written "Last, First" ("de Souza, José"), rather
    than two whole names ("Kim Park, Lee Chen"): one comma, and a single word on a side."""
    sides = piece.split(",")
    return len(sides) == 2 and any(len(side.split()) == 1 for side in sides)
