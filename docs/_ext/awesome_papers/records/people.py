"""The list's authors: who wrote which papers, with whom, and where each sits A to Z.

Two spellings are one author when they give one slug (``slugify``: case and accents do not
matter); the spelling shown is the one most papers use, the first such by the list's order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .catalogue import Catalogue
from .keys import slugify
from .model import Paper

#: An author gets a page of their own from this many papers; below, links go to the paper.
MIN_PAGE_PAPERS = 2


@dataclass(frozen=True)
class Author:
    """One author of the list, their papers (newest first) and co-authors with counts."""

    slug: str
    name: str
    papers: tuple[Paper, ...]
    coauthors: tuple[tuple[str, int], ...]  # (slug, papers together), most first

    @property
    def has_page(self) -> bool:
        return len(self.papers) >= MIN_PAGE_PAPERS

    @property
    def sort_key(self) -> tuple[str, str]:
        """By family name (the last word), then the whole name."""
        words = self.name.split()
        return (slugify(words[-1]) if words else "", slugify(self.name))

    @property
    def letter(self) -> str:
        """The A-Z index letter the author is filed under; ``#`` for anything else."""
        first = self.sort_key[0][:1].upper()
        return first if first.isalpha() else "#"


def authors(catalogue: Catalogue) -> dict[str, Author]:
    """Every author of the list by slug, in A-Z order."""
    papers: dict[str, list[Paper]] = {}
    spellings: dict[str, Counter[str]] = {}
    together: dict[str, Counter[str]] = {}
    for paper in catalogue.papers:
        slugs = list(dict.fromkeys(slug for name in paper.authors if (slug := slugify(name))))
        for name in paper.authors:
            if slug := slugify(name):
                spellings.setdefault(slug, Counter())[name] += 1
        for slug in slugs:
            papers.setdefault(slug, []).append(paper)
            together.setdefault(slug, Counter()).update(s for s in slugs if s != slug)
    found = [
        Author(
            slug,
            spellings[slug].most_common(1)[0][0],
            tuple(papers[slug]),
            tuple(sorted(together[slug].items(), key=lambda item: (-item[1], item[0]))),
        )
        for slug in papers
    ]
    return {author.slug: author for author in sorted(found, key=lambda a: a.sort_key)}


def letter_key(letter: str) -> str:
    """``a`` for A; ``other`` for the names that start with no letter."""
    return letter.lower() if letter.isalpha() else "other"


def letter_counts(people: dict[str, Author]) -> dict[str, int]:
    """How many authors each A-Z letter files, A to Z."""
    counts: dict[str, int] = {}
    for author in people.values():
        counts[author.letter] = counts.get(author.letter, 0) + 1
    return dict(sorted(counts.items()))
