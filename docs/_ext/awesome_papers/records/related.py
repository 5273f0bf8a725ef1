"""Related papers: for each paper, the few others that share the most with it, and why.

A paper scores against another by what they share, each shared thing weighted by how rare it
is in the list (a topic of 5 papers says more than one of 500), plus a little for being close
in year. Candidates come from an inverted index (thing -> papers), and a thing carried by more
than :data:`COMMON` papers is not followed: it says little, and following it would make the
work quadratic in the list's size. The result is deterministic: ties go to the newer paper,
then the id.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass

from .catalogue import Catalogue
from .keys import slugify
from .model import Paper

#: How many related papers a paper shows.
SHOWN = 6
#: A topic, keyword, environment or author shared by more papers than this finds no candidates.
COMMON = 400
#: The most that being close in year adds to a score.
YEAR_BONUS = 0.5
#: Weight of each kind of shared thing, before its rarity.
_WEIGHTS = {"topic": 3.0, "environment": 2.0, "keyword": 2.0, "author": 1.5}


@dataclass(frozen=True)
class Related:
    """A related paper, its score, and the names it shares, strongest first."""

    paper: Paper
    score: float
    shared: tuple[str, ...]


def _things(paper: Paper, catalogue: Catalogue) -> Iterable[tuple[str, str, str]]:
    """``(kind, key, shown name)`` of everything a paper can share with another."""
    for topic in catalogue.topics_of(paper):
        yield "topic", topic.id, topic.name
    for env in catalogue.environments_of(paper):
        yield "environment", env.id, env.name
    for keyword in paper.keywords:
        yield "keyword", slugify(keyword), keyword
    for author in paper.authors:
        yield "author", slugify(author), author


#: Related papers as plain values, for a cache: per paper id, (id, score, shared) each.
Plain = dict[str, list[tuple[str, float, tuple[str, ...]]]]


def inputs(catalogue: Catalogue) -> str:
    """A digest of everything related papers are computed from: an edit of anything else
    (a title, a note, a link) leaves them as they were."""
    parts = [
        (p.id, p.year, p.topics, p.environments, p.keywords, p.authors) for p in catalogue.papers
    ]
    names = (
        [(t.id, t.name) for t in catalogue.topics],
        [(e.id, e.name) for e in catalogue.environments],
    )
    return hashlib.sha1(
        repr((SHOWN, COMMON, YEAR_BONUS, _WEIGHTS, parts, names)).encode()
    ).hexdigest()


def to_plain(found: dict[str, tuple[Related, ...]]) -> Plain:
    return {key: [(r.paper.id, r.score, r.shared) for r in items] for key, items in found.items()}


def from_plain(catalogue: Catalogue, plain: Plain) -> dict[str, tuple[Related, ...]]:
    papers = catalogue.paper_by_id
    return {
        key: tuple(Related(papers[i], s, shared) for i, s, shared in items)
        for key, items in plain.items()
    }


def related_papers(catalogue: Catalogue) -> dict[str, tuple[Related, ...]]:
    """Per paper id, up to :data:`SHOWN` related papers, best first (computed once per
    catalogue)."""
    if "related" not in catalogue.memo:
        catalogue.memo["related"] = _related(catalogue, SHOWN)
    found: dict[str, tuple[Related, ...]] = catalogue.memo["related"]
    return found


def _related(catalogue: Catalogue, shown: int) -> dict[str, tuple[Related, ...]]:
    index: dict[tuple[str, str], list[int]] = {}
    things: list[list[tuple[str, str, str]]] = []
    for number, paper in enumerate(catalogue.papers):
        own = list(dict.fromkeys(_things(paper, catalogue)))
        things.append(own)
        for kind, key, _ in own:
            index.setdefault((kind, key), []).append(number)
    weight = {
        thing: _WEIGHTS[thing[0]] / math.log2(1 + len(holders)) for thing, holders in index.items()
    }
    papers = catalogue.papers
    years = [paper.year or 0 for paper in papers]
    held = [{(kind, key) for kind, key, _ in own} for own in things]
    followed = [
        [(index[(kind, key)], weight[(kind, key)]) for kind, key, _ in own] for own in things
    ]
    result: dict[str, tuple[Related, ...]] = {}
    for number, paper in enumerate(papers):
        scores: dict[int, float] = {}
        for holders, worth in followed[number]:
            if len(holders) <= COMMON:
                for other in holders:
                    scores[other] = scores.get(other, 0.0) + worth
        scores.pop(number, None)
        # Closeness in year adds at most YEAR_BONUS: a paper further than that below the
        # shown-th best score cannot reach the shown papers, and is not looked at again.
        if len(scores) > shown:
            floor = heapq.nlargest(shown, scores.values())[-1] - YEAR_BONUS
            scores = {other: score for other, score in scores.items() if score >= floor}
        # The catalogue is in sort_key order (newest first): ties go to the earlier paper.
        year = years[number]
        best = heapq.nsmallest(
            shown,
            (
                (-(score + _year_bonus(year, years[other])), other)
                for other, score in scores.items()
            ),
        )
        result[paper.id] = tuple(
            Related(
                papers[other], round(-negative, 3), _shared(things[number], held[other], weight)
            )
            for negative, other in best
        )
    return result


def _shared(
    own: list[tuple[str, str, str]],
    other: set[tuple[str, str]],
    weight: dict[tuple[str, str], float],
) -> tuple[str, ...]:
    """The names of what two papers share, the rarest first."""
    both = [(kind, key, name) for kind, key, name in own if (kind, key) in other]
    return tuple(name for kind, key, name in sorted(both, key=lambda t: -weight[t[:2]]))


def _year_bonus(year: int, other: int) -> float:
    """YEAR_BONUS for papers of the same year, half as much a year apart, and so on; nothing
    for a paper with no year (0)."""
    return YEAR_BONUS / (1 + abs(year - other)) if year and other else 0.0
