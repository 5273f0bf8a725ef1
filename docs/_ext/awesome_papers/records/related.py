"""Related papers: for each paper, the few others that share the most with it, and why.

A paper scores against another by what they share, each shared thing weighted by how rare it
is in the list (a topic of 5 papers says more than one of 500), plus a little for being close
in year. Candidates come from an inverted index (thing -> papers), and a thing carried by more
than :data:`COMMON` papers is not followed: it says little, and following it would make the
work quadratic in the list's size. The result is deterministic: ties go to the newer paper,
then the id.
"""

from __future__ import annotations

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


def related_papers(catalogue: Catalogue, shown: int = SHOWN) -> dict[str, tuple[Related, ...]]:
    """Per paper id, up to ``shown`` related papers, best first."""
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
    result: dict[str, tuple[Related, ...]] = {}
    for number, paper in enumerate(papers):
        scores: dict[int, float] = {}
        shared: dict[int, list[tuple[float, str]]] = {}
        for kind, key, name in things[number]:
            holders = index[(kind, key)]
            if len(holders) > COMMON:
                continue
            for other in holders:
                if other != number:
                    scores[other] = scores.get(other, 0.0) + weight[(kind, key)]
                    shared.setdefault(other, []).append((weight[(kind, key)], name))
        best = sorted(
            ((score + _year_bonus(paper, papers[other]), other) for other, score in scores.items()),
            key=lambda item: (-item[0], papers[item[1]].sort_key),
        )[:shown]
        result[paper.id] = tuple(
            Related(
                papers[other],
                round(score, 3),
                tuple(name for _, name in sorted(shared[other], key=lambda s: -s[0])),
            )
            for score, other in best
        )
    return result


def _year_bonus(paper: Paper, other: Paper) -> float:
    """Up to half a point for papers of the same year, less the further apart they are."""
    if not paper.year or not other.year:
        return 0.0
    return 0.5 / (1 + abs(paper.year - other.year))
