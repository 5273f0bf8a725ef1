"""What one record holds: a paper, and the categories, environments and keywords it points into."""

from __future__ import annotations

from dataclasses import dataclass, field

from .keys import slugify

#: The order of a record's fields in its YAML file and in exports (the schema's order).
FIELD_ORDER = (
    "id",
    "title",
    "short_name",
    "url",
    "listed_url",
    "listed_title",
    "authors",
    "authors_truncated",
    "venue",
    "year",
    "track",
    "venue_note",
    "category",
    "topics",
    "keywords",
    "methods",
    "environments",
    "settings",
    "links",
    "listed_links",
    "highlight",
    "kind",
    "scores",
    "note",
    "maintainer_note",
    "checked",
    "added",
)

#: How an extra link of each kind is labelled on cards and in the README.
LINK_LABELS = {
    "code": "Code",
    "project": "Project",
    "dataset": "Dataset",
    "video": "Video",
    "slides": "Slides",
    "preprint": "arXiv",
    "other": "Link",
}

#: What ``kind`` a record of a paper may have (no kind is a paper).
SCHOLARLY_KINDS = (None, "paper", "survey")


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
    short_name: str | None = None
    listed_url: str | None = None
    listed_title: str | None = None
    venue: str | None = None
    year: int | None = None
    track: str | None = None
    venue_note: str | None = None
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    #: Named methods the paper introduces or is built on (GRPO, PPO...).
    methods: tuple[str, ...] = ()
    environments: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    #: The urls of the links upstream's title line prints, when the record has more.
    listed_links: tuple[str, ...] | None = None
    highlight: str | None = None
    kind: str | None = None
    scores: str | None = None
    note: str | None = None
    maintainer_note: str | None = None
    #: Fields checked against the paper although ``validate`` warns about them (see hints).
    checked: tuple[str, ...] = ()
    added: str | None = None
    source: str = field(default="", compare=False)  # absolute path of the record file

    @property
    def is_scholarly(self) -> bool:
        """A paper or survey: it has authors and is cited; a book, course, codebase, tutorial,
        talk or blog post may have neither."""
        return self.kind in SCHOLARLY_KINDS

    @property
    def has_code(self) -> bool:
        """Whether the record links the paper's code."""
        return any(link.kind == "code" for link in self.links)

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
        record: dict[str, object] = {"id": self.id, "title": self.title}
        for name in ("short_name", "url", "listed_url", "listed_title"):
            if getattr(self, name) is not None:
                record[name] = getattr(self, name)
        record["authors"] = list(self.authors)
        if self.authors_truncated:
            record["authors_truncated"] = True
        for name in ("venue", "year", "track", "venue_note", "category"):
            if getattr(self, name) is not None:
                record[name] = getattr(self, name)
        for name in ("topics", "keywords", "methods", "environments", "settings"):
            if getattr(self, name):
                record[name] = list(getattr(self, name))
        if self.links:
            record["links"] = [{"kind": link.kind, "url": link.url} for link in self.links]
        if self.listed_links is not None:
            record["listed_links"] = list(self.listed_links)
        for name in ("highlight", "kind", "scores", "note", "maintainer_note"):
            if getattr(self, name) is not None:
                record[name] = getattr(self, name)
        if self.checked:
            record["checked"] = list(self.checked)
        if self.added is not None:
            record["added"] = self.added
        return record


@dataclass(frozen=True)
class Category:
    """A thematic section of the list."""

    id: str
    title: str
    order: int
    description: str = ""
    rule: str = ""


@dataclass(frozen=True)
class Topic:
    """A subject of the list's topic map, e.g. world models."""

    id: str
    name: str
    description: str
    related: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


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
