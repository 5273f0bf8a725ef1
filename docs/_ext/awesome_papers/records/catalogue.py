"""The catalogue: every paper with the vocabularies it points into, grouped for the site."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .errors import Problem
from .keys import identity_keys, slugify
from .model import Category, Environment, Keyword, Paper, Topic, Venue


@dataclass
class Catalogue:
    """Every paper, sorted newest first, with lookups by what the site groups them by."""

    papers: tuple[Paper, ...]
    categories: tuple[Category, ...]
    environments: tuple[Environment, ...]
    keywords: tuple[Keyword, ...]
    topics: tuple[Topic, ...] = ()
    #: Per paper id, its links that the last link check found dead (see ``remote.links``).
    dead_links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Per paper id, the other lists of the family that have it: (name, card URL) each.
    also_in: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # Groups and counts per kind, built the first time a kind is asked for.
    _by_kind: dict[str, dict[str, tuple[Paper, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _counts: dict[str, dict[str, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: What ``validate`` warns about in the files it was loaded from (:mod:`.hints`).
    warnings: tuple[Problem, ...] = field(default=(), compare=False, repr=False)
    #: Views of the whole catalogue that other modules compute once (authors, related papers).
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        papers: Iterable[Paper],
        categories: Iterable[Category],
        environments: Iterable[Environment],
        keywords: Iterable[Keyword],
        topics: Iterable[Topic] = (),
    ) -> Catalogue:
        return cls(
            papers=tuple(sorted(papers, key=lambda p: p.sort_key)),
            categories=tuple(sorted(categories, key=lambda c: (c.order, c.id))),
            environments=tuple(sorted(environments, key=lambda e: e.name.casefold())),
            keywords=tuple(sorted(keywords, key=lambda k: (k.name.casefold(), k.name))),
            topics=tuple(topics),  # in the order data/topics.yaml gives: the list's subject map
        )

    @cached_property
    def paper_digests(self) -> dict[str, str]:
        """Per paper id, a digest of all its card shows: the record and the names it points to."""
        keywords = {keyword.name: keyword for keyword in self.keywords}
        environments = self.environment_by_id
        topics = self.topic_by_id
        return {
            paper.id: _digest(
                repr(
                    (
                        paper,
                        [keywords.get(name) for name in paper.keywords],
                        [environments.get(env) for env in paper.environments],
                        [topics[t].name if t in topics else t for t in paper.topics],
                        self.dead_links.get(paper.id, ()),
                        self.also_in.get(paper.id, ()),
                    )
                )
            )
            for paper in self.papers
        }

    @cached_property
    def digest(self) -> str:
        """Changes whenever anything the catalogue holds changes."""
        vocabularies = repr((self.categories, self.environments, self.keywords, self.topics))
        return _digest("\n".join([vocabularies, *self.paper_digests.values()]))

    def subject(
        self, kind: str, value: str
    ) -> Category | Topic | Keyword | Environment | Venue | None:
        """The category, topic, keyword, environment or venue a page of ``kind`` is about."""
        if kind == "category":
            return self.category_by_id.get(value)
        if kind == "topic":
            return self.topic_by_id.get(value)
        if kind == "keyword":
            return self.keyword_by_slug.get(value)
        if kind == "environment":
            return self.environment_by_id.get(value)
        if kind == "venue":
            return self.venue_by_slug.get(value)
        return None

    @cached_property
    def paper_by_id(self) -> dict[str, Paper]:
        return {paper.id: paper for paper in self.papers}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {category.id: category for category in self.categories}

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.topics}

    @cached_property
    def environment_by_id(self) -> dict[str, Environment]:
        return {env.id: env for env in self.environments}

    @cached_property
    def keyword_by_slug(self) -> dict[str, Keyword]:
        return {keyword.slug: keyword for keyword in self.keywords}

    @cached_property
    def venues(self) -> tuple[Venue, ...]:
        """Every venue-year that has papers, newest first."""
        found = {(paper.venue_label, paper.year) for paper in self.papers if paper.venue_label}
        ordered = sorted(found, key=lambda item: (-(item[1] or 0), item[0].casefold()))
        return tuple(Venue(label, year) for label, year in ordered)

    @cached_property
    def venue_by_slug(self) -> dict[str, Venue]:
        return {venue.slug: venue for venue in self.venues}

    def _grouped(self, kind: str) -> dict[str, tuple[Paper, ...]]:
        """Papers by value of one kind."""
        grouped = self._by_kind
        if kind not in grouped:
            if kind not in _GROUP_KEYS:
                raise ValueError(f"unknown kind {kind!r}")
            keys_of = _GROUP_KEYS[kind]
            groups: dict[str, list[Paper]] = {}
            for paper in self.papers:
                for key in keys_of(paper):
                    groups.setdefault(key, []).append(paper)
            grouped[kind] = {key: tuple(papers) for key, papers in groups.items()}
        return grouped[kind]

    def named(self, kind: str) -> list[tuple[str, str]]:
        """``(value, shown name)`` of every category, topic, keyword, environment, venue or year."""
        if kind == "category":
            return [(c.id, c.title) for c in self.categories]
        if kind == "topic":
            return [(t.id, t.name) for t in self.topics]
        if kind == "keyword":
            return [(k.slug, k.name) for k in self.keywords]
        if kind == "environment":
            return [(e.id, e.name) for e in self.environments]
        if kind == "venue":
            return [(v.slug, v.label) for v in self.venues]
        if kind == "year":
            return [(year, year) for year in sorted(self.counts("year"), reverse=True)]
        raise ValueError(f"unknown kind {kind!r}")

    def counts(self, kind: str) -> dict[str, int]:
        """How many papers each category, keyword slug, environment, venue slug or year has."""
        counted = self._counts
        if kind not in counted:
            counted[kind] = {value: len(papers) for value, papers in self._grouped(kind).items()}
        return counted[kind]

    def same_paper(self, url: str | None = None, title: str | None = None) -> Paper | None:
        """The paper of the list that ``url`` or ``title`` names (see :func:`identity_keys`)."""
        wanted = set(identity_keys(url or "", title or ""))
        return next(
            (p for p in self.papers if wanted.intersection(identity_keys(p.url, p.title))), None
        )

    def newest(self, count: int) -> list[Paper]:
        """The ``count`` papers added last, newest first."""
        dated = (paper for paper in self.papers if paper.added)
        return sorted(dated, key=lambda p: (p.added or "", p.id), reverse=True)[:count]

    def topics_of(self, paper: Paper) -> list[Topic]:
        """The paper's topics, as the topic map names them (a list without one has none)."""
        return [self.topic_by_id[t] for t in paper.topics if t in self.topic_by_id]

    def environments_of(self, paper: Paper) -> list[Environment]:
        """The paper's environments, with their names and websites."""
        return [self.environment_by_id[e] for e in paper.environments]

    def select(self, kind: str, value: str) -> tuple[Paper, ...]:
        """Papers of one category, keyword slug, environment id, venue slug or year."""
        return self._grouped(kind).get(value, ())


#: Per kind, the values a paper is listed under.
_GROUP_KEYS: dict[str, Callable[[Paper], Iterable[str]]] = {
    "category": lambda paper: (paper.category,),
    "topic": lambda paper: paper.topics,
    "keyword": lambda paper: [slugify(name) for name in paper.keywords],
    "environment": lambda paper: paper.environments,
    "venue": lambda paper: [slugify(paper.venue_label)] if paper.venue_label else [],
    "year": lambda paper: [str(paper.year)] if paper.year else [],
}


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()
