"""The list's authors: who wrote which papers, with whom, and where each sits A to Z.

Two spellings are one author when they give one slug (``slugify``: case and accents do not
matter); the spelling shown is the one most papers use, the first such by the list's order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from .catalogue import Catalogue
from .keys import slugify
from .model import Paper
from .pagekinds import AUTHOR


def sort_key(slug: str) -> tuple[str, str]:
    """By family name (the slug's last part: "levine" of "sergey-levine"), then in full."""
    return (slug.rpartition("-")[2], slug)


def letter_of(slug: str) -> str:
    """The A-Z index letter an author is filed under; ``#`` for anything else."""
    first = sort_key(slug)[0][:1].upper()
    return first if first.isalpha() else "#"


@dataclass(frozen=True)
class Author:
    """One author of the list, their papers (newest first) and co-authors with counts."""

    slug: str
    name: str
    papers: tuple[Paper, ...]
    coauthors: tuple[tuple[str, int], ...]  # (slug, papers together), most first

    @property
    def letter(self) -> str:
        return letter_of(self.slug)


@dataclass(frozen=True)
class Roster:
    """Who the authors are, without their papers: enough to label their pages and count
    the A-Z, in a fraction of the time :func:`authors` takes."""

    slug_of: dict[str, str]  # every spelling a paper prints -> its author's slug
    names: dict[str, str]  # slug -> the spelling shown, in A-Z order
    counts: dict[str, int]  # slug -> how many papers
    first: dict[str, str]  # slug -> the id of their first paper in the list's order

    def has_page(self, slug: str) -> bool:
        return self.counts[slug] >= AUTHOR.min_papers


def authors_key(catalogue: Catalogue) -> str:
    """A digest of who wrote what, in the list's order: the roster, the A-Z and the authors'
    labels change only when it does, and it costs a hundredth of :func:`roster`."""
    if "authors_key" not in catalogue.memo:
        names = repr([(paper.id, paper.authors) for paper in catalogue.papers])
        catalogue.memo["authors_key"] = hashlib.sha1(names.encode()).hexdigest()
    key: str = catalogue.memo["authors_key"]
    return key


def roster(catalogue: Catalogue) -> Roster:
    """The list's :class:`Roster` (computed once per catalogue)."""
    if "roster" not in catalogue.memo:
        slug_of = {name: slugify(name) for paper in catalogue.papers for name in paper.authors}
        counts: dict[str, int] = {}
        first: dict[str, str] = {}
        spellings: dict[str, dict[str, int]] = {}
        for paper in catalogue.papers:
            for slug in {slug_of[name] for name in paper.authors} - {""}:
                counts[slug] = counts.get(slug, 0) + 1
                first.setdefault(slug, paper.id)
            for name in paper.authors:
                if slug := slug_of[name]:
                    seen = spellings.setdefault(slug, {})
                    seen[name] = seen.get(name, 0) + 1
        names = {  # the most printed spelling; the first of them on a tie
            slug: max(seen, key=seen.__getitem__) if len(seen) > 1 else next(iter(seen))
            for slug, seen in sorted(spellings.items(), key=lambda item: sort_key(item[0]))
        }
        catalogue.memo["roster"] = Roster(slug_of, names, counts, first)
    found: Roster = catalogue.memo["roster"]
    return found


def authors(catalogue: Catalogue) -> dict[str, Author]:
    """Every author with a page (:attr:`.AUTHOR.min_papers` papers), by slug, in A-Z order,
    with their papers and co-authors (computed once per catalogue); the roster knows the
    rest."""
    if "authors" not in catalogue.memo:
        known = roster(catalogue)
        papers: dict[str, list[Paper]] = {s: [] for s in known.names if known.has_page(s)}
        for paper in catalogue.papers:
            for slug in dict.fromkeys(known.slug_of[name] for name in paper.authors):
                if slug in papers:
                    papers[slug].append(paper)
        found = {}
        for slug, theirs in papers.items():
            together = Counter(
                other
                for paper in theirs
                for other in {known.slug_of[n] for n in paper.authors} - {slug, ""}
            )
            coauthors = tuple(sorted(together.items(), key=lambda item: (-item[1], item[0])))
            found[slug] = Author(slug, known.names[slug], tuple(theirs), coauthors)
        catalogue.memo["authors"] = found
    result: dict[str, Author] = catalogue.memo["authors"]
    return result


def letter_key(letter: str) -> str:
    """``a`` for A; ``other`` for the names that start with no letter."""
    return letter.lower() if letter.isalpha() else "other"


def letter_counts(known: Roster) -> dict[str, int]:
    """How many authors each A-Z letter files, A to Z."""
    counts: dict[str, int] = {}
    for slug in known.names:
        letter = letter_of(slug)
        counts[letter] = counts.get(letter, 0) + 1
    return dict(sorted(counts.items()))
