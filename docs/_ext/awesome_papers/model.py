"""The catalogue: papers and the vocabularies they point into, as loaded from ``data/``."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property


@cache  # a keyword is slugified for every paper that carries it
def slugify(text: str) -> str:
    """A URL- and label-safe id: ``"Visual RL"`` -> ``"visual-rl"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


#: How an extra link of each kind is labelled on cards and in the README.
LINK_LABELS = {
    "code": "Code",
    "project": "Project",
    "dataset": "Dataset",
    "video": "Video",
    "slides": "Slides",
    "other": "Link",
}


@dataclass(frozen=True)
class Link:
    """An extra link of a paper: code, project page, dataset..."""

    kind: str
    url: str


@dataclass(frozen=True)
class Paper:
    """One record of ``data/papers/``."""

    id: str
    title: str
    url: str
    authors: tuple[str, ...]
    category: str
    authors_truncated: bool = False
    venue: str | None = None
    year: int | None = None
    venue_note: str | None = None
    keywords: tuple[str, ...] = ()
    environments: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    highlight: str | None = None
    note: str | None = None
    added: str | None = None
    source: str = field(default="", compare=False)  # absolute path of the record file

    @property
    def venue_label(self) -> str | None:
        """``"ICLR 2024"``, ``"arXiv 2023"``, or None when the record has no venue."""
        if self.venue is None:
            return None
        return f"{self.venue} {self.year}" if self.year else self.venue

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """Newest first, then by title."""
        return (-(self.year or 0), self.title.casefold(), self.id)

    def to_record(self) -> dict[str, object]:
        """The record as written to YAML and JSON, without empty fields."""
        record: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "authors": list(self.authors),
        }
        if self.authors_truncated:
            record["authors_truncated"] = True
        for name in ("venue", "year", "venue_note", "category"):
            if getattr(self, name) is not None:
                record[name] = getattr(self, name)
        for name in ("keywords", "environments", "settings"):
            if getattr(self, name):
                record[name] = list(getattr(self, name))
        if self.links:
            record["links"] = [{"kind": link.kind, "url": link.url} for link in self.links]
        for name in ("highlight", "note", "added"):
            if getattr(self, name) is not None:
                record[name] = getattr(self, name)
        return record


@dataclass(frozen=True)
class Category:
    """A thematic section of the list."""

    id: str
    title: str
    order: int
    description: str = ""


@dataclass(frozen=True)
class Environment:
    """A benchmark or simulator papers are evaluated on."""

    id: str
    name: str
    url: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Keyword:
    """A canonical keyword and the spellings that mean it."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Venue:
    """A venue-year group of papers, e.g. ICLR 2024."""

    label: str
    year: int | None

    @property
    def slug(self) -> str:
        return slugify(self.label)


@dataclass
class Catalogue:
    """Every paper, sorted newest first, with lookups by what the site groups them by."""

    papers: tuple[Paper, ...]
    categories: tuple[Category, ...]
    environments: tuple[Environment, ...]
    keywords: tuple[Keyword, ...]
    # Groups and counts per kind, built the first time a kind is asked for.
    _by_kind: dict[str, dict[str, tuple[Paper, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _counts: dict[str, dict[str, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def build(
        cls,
        papers: Iterable[Paper],
        categories: Iterable[Category],
        environments: Iterable[Environment],
        keywords: Iterable[Keyword],
    ) -> Catalogue:
        return cls(
            papers=tuple(sorted(papers, key=lambda p: p.sort_key)),
            categories=tuple(sorted(categories, key=lambda c: (c.order, c.id))),
            environments=tuple(sorted(environments, key=lambda e: e.name.casefold())),
            keywords=tuple(sorted(keywords, key=lambda k: (k.name.casefold(), k.name))),
        )

    @cached_property
    def paper_digests(self) -> dict[str, str]:
        """Per paper id, a digest of all its card shows: the record, its keywords, environments."""
        keywords = {keyword.name: keyword for keyword in self.keywords}
        environments = self.environment_by_id
        return {
            paper.id: _digest(
                repr(
                    (
                        paper,
                        [keywords.get(name) for name in paper.keywords],
                        [environments.get(env) for env in paper.environments],
                    )
                )
            )
            for paper in self.papers
        }

    @cached_property
    def digest(self) -> str:
        """Changes whenever anything the catalogue holds changes."""
        vocabularies = repr((self.categories, self.environments, self.keywords))
        return _digest("\n".join([vocabularies, *self.paper_digests.values()]))

    def subject(self, kind: str, value: str) -> Category | Keyword | Environment | Venue | None:
        """The category, keyword, environment or venue a page of ``kind`` ``value`` is about."""
        if kind == "category":
            return self.category_by_id.get(value)
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
        """``(value, shown name)`` of every category, keyword, environment, venue or year."""
        if kind == "category":
            return [(c.id, c.title) for c in self.categories]
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

    def select(self, kind: str, value: str) -> tuple[Paper, ...]:
        """Papers of one category, keyword slug, environment id, venue slug or year."""
        return self._grouped(kind).get(value, ())


#: Per kind, the values a paper is listed under.
_GROUP_KEYS: dict[str, Callable[[Paper], Iterable[str]]] = {
    "category": lambda paper: (paper.category,),
    "keyword": lambda paper: [slugify(name) for name in paper.keywords],
    "environment": lambda paper: paper.environments,
    "venue": lambda paper: [slugify(paper.venue_label)] if paper.venue_label else [],
    "year": lambda paper: [str(paper.year)] if paper.year else [],
}


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def term_key(text: str) -> str:
    """How two spellings of a keyword or environment are judged the same.

    Case, spacing, hyphens, plurals and the expansion of "RL" do not matter:
    "Visual RL", "visual reinforcement learning" and "Visual-RL" share one key.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.replace("reinforcement learning", "rl")
    words = re.split(r"[\W_]+", folded)
    return "".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def title_key(title: str) -> str:
    """Two records with this key are the same paper."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", title).casefold())


def url_key(url: str) -> str:
    """Two records with this key link the same paper."""
    stripped = re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/")
    host, _, rest = stripped.partition("/")
    return f"{host.lower()}/{rest}"
