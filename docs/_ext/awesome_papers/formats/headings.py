"""What a README's heading makes of the entries below it: a category, a venue-year, a
group of items that are not papers, or no papers at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records.commonmark import plain_text
from ..records.keys import slugify

#: A heading that names a venue and its year: "ICLR 2024".
_VENUE_HEADING = re.compile(r"^(?P<venue>.*\S)\s+(?P<year>(?:19|20)\d\d)$")
_NON_PAPER_HEADINGS = {"introduction", "table of contents", "contributing", "license", "papers"}
_NO_VENUE_HEADINGS = {"other", "others", "misc", "miscellaneous"}


@dataclass(frozen=True)
class Group:
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


def read_heading(heading: str, titles: dict[str, str]) -> Group | None:
    """The group of entries below ``heading``, None for a heading of no papers; a category's
    heading text goes into ``titles`` by its slug."""
    text = plain_text(heading).strip()
    if text.casefold() in _NON_PAPER_HEADINGS:
        return None
    if text.casefold() in _NO_VENUE_HEADINGS:
        return Group()
    if text.casefold() == "arxiv":
        return Group(venue="arXiv")
    if match := _VENUE_HEADING.match(text):
        return Group(venue=match.group("venue"), year=int(match.group("year")))
    category = slugify(text)
    titles.setdefault(category, text)
    return Group(category=category, kind=_KIND_HEADINGS.get(text.casefold()))
