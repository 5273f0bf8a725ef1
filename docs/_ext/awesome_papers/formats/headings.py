"""What a README's heading makes of the entries below it: a category, a venue-year, a
group of items that are not papers, or no papers at all."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..records.commonmark import plain_text
from ..records.keys import slugify
from ..records.venues import known_venue

#: A heading that names a venue and its year: "ICLR 2024".
_VENUE_HEADING = re.compile(r"^(?P<venue>.*\S)\s+(?P<year>(?:19|20)\d\d)$")
#: A heading that is a year and nothing else: "2024".
_YEAR_HEADING = re.compile(r"^(?:19|20)\d\d$")
#: A heading of the years up to one: "2020 and before", "2024 & Earlier", "Before 2019".
_UP_TO_YEAR = re.compile(
    r"^(?:(?:before|until|up to|pre-?)\s*(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s*(?:and|&|or)\s*(?:before|earlier|older|prior))$",
    re.IGNORECASE,
)
#: Emoji and punctuation before a heading's first word or after its last.
_DECORATION = re.compile(r"^[^\w(\[]+|[^\w)\]]+$")
#: Headings of no papers: the README's own sections, and its links to other lists.
_NON_PAPER_HEADING = re.compile(
    r"^(?:introduction|(?:table of )?contents|contributing|contributions?|license|citation|"
    r"acknowledge?ments?|contact|star history|awesome lists?|"
    r"(?:other|related|more) (?:awesome )?(?:lists?|repos|repositories|resources|projects))$",
    re.IGNORECASE,
)
#: Headings of papers in general: no category of their own (the import's default one), and
#: no venue. A "Papers" heading may also stand above the list's categories or venues.
_GENERAL_HEADINGS = {"papers", "other", "others", "misc", "miscellaneous"}


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
    key = _DECORATION.sub("", text)
    if not holds_papers(heading):
        return None
    if key.casefold() in _GENERAL_HEADINGS or _UP_TO_YEAR.match(key):
        return Group()
    if key.casefold() == "arxiv":
        return Group(venue="arXiv")
    if _YEAR_HEADING.match(key):
        return Group(year=int(key))
    if match := _VENUE_HEADING.match(key):
        return Group(venue=match.group("venue"), year=int(match.group("year")))
    category = slugify(text)
    titles.setdefault(category, text)
    return Group(category=category, kind=_KIND_HEADINGS.get(key.casefold()))


def holds_papers(heading: str) -> bool:
    """Whether the entries below ``heading`` may be papers: not "License", "Other Lists"."""
    return not _NON_PAPER_HEADING.match(heading_words(heading))


def heading_words(heading: str) -> str:
    """What a heading says, without the marks around it: "📚 Papers" and "Books:" are
    "Papers" and "Books". A category keeps its heading's whole text as its title."""
    return _DECORATION.sub("", plain_text(heading).strip())


def nest(parents: list[tuple[int, Group | None]], level: int, group: Group | None) -> Group | None:
    """``group``, a heading of ``level``, below the headings above it (``parents``, which this
    keeps up to date): a venue or a year below a category's heading stays in that category
    ("### Models", then "#### 2024"); a year below a heading that names a venue alone is that
    venue's ("## ICLR", then "### 2024"), as such a venue below a year is of that year."""
    while parents and parents[-1][0] >= level:
        parents.pop()
    parent = parents[-1][1] if parents else None
    if group is not None and parent is not None:
        group = _below(group, parent)
    parents.append((level, group))
    return group


def _below(group: Group, parent: Group) -> Group:
    """``group`` as it reads below ``parent``."""
    if group.category is None:
        if group.year and not group.venue and (venue := _named_venue(parent)):
            return Group(venue=venue, year=group.year)
        venue, year = group.venue or parent.venue, group.year or parent.year
        return replace(group, category=parent.category, kind=parent.kind, venue=venue, year=year)
    if parent.year and parent.category is None and (venue := _named_venue(group)):
        return Group(venue=venue, year=parent.year)
    return group


def _named_venue(group: Group) -> str | None:
    """The venue that a category's heading names alone ("ICLR", "Conference on Robot
    Learning"): a heading of venues only where a year's heading stands below or above it."""
    if group.category is None or group.kind:
        return None
    return known_venue(group.category.replace("-", " "))
