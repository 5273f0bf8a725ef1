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
    #: (slug, papers together), most first; empty for an author without a page.
    coauthors: tuple[tuple[str, int], ...]

    @property
    def has_page(self) -> bool:
        return len(self.papers) >= MIN_PAGE_PAPERS

    @property
    def sort_key(self) -> tuple[str, str]:
        """By family name (the slug's last part: "levine" of "sergey-levine"), then in full."""
        return (self.slug.rpartition("-")[2], self.slug)

    @property
    def letter(self) -> str:
        """The A-Z index letter the author is filed under; ``#`` for anything else."""
        first = self.sort_key[0][:1].upper()
        return first if first.isalpha() else "#"


def authors(catalogue: Catalogue) -> dict[str, Author]:
    """Every author of the list by slug, in A-Z order (computed once per catalogue)."""
    if "authors" not in catalogue.memo:
        catalogue.memo["authors"] = _authors(catalogue)
    found: dict[str, Author] = catalogue.memo["authors"]
    return found


def by_name(catalogue: Catalogue) -> dict[str, Author]:
    """Every spelling of an author's name that a paper prints, with the author it names."""
    if "by_name" not in catalogue.memo:
        people = authors(catalogue)
        catalogue.memo["by_name"] = {
            name: people[slug]
            for paper in catalogue.papers
            for name in paper.authors
            if (slug := slugify(name))
        }
    found: dict[str, Author] = catalogue.memo["by_name"]
    return found


def _authors(catalogue: Catalogue) -> dict[str, Author]:
    slug_of = {name: slugify(name) for paper in catalogue.papers for name in paper.authors}
    papers: dict[str, list[Paper]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for paper in catalogue.papers:
        for name in paper.authors:
            if slug := slug_of[name]:
                theirs = papers.setdefault(slug, [])
                if not theirs or theirs[-1] is not paper:  # a name twice in one paper
                    theirs.append(paper)
                counts = spellings.setdefault(slug, {})
                counts[name] = counts.get(name, 0) + 1
    found = []
    for slug, theirs in papers.items():
        counts = spellings[slug]
        name = max(counts, key=counts.__getitem__) if len(counts) > 1 else next(iter(counts))
        coauthors: tuple[tuple[str, int], ...] = ()
        if len(theirs) >= MIN_PAGE_PAPERS:  # co-authors are shown on an author's page only
            together = Counter(
                other
                for paper in theirs
                for other in {slug_of[n] for n in paper.authors} - {slug, ""}
            )
            coauthors = tuple(sorted(together.items(), key=lambda item: (-item[1], item[0])))
        found.append(Author(slug, name, tuple(theirs), coauthors))
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
