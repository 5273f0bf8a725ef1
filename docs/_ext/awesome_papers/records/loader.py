"""Load ``data/`` into a :class:`Catalogue`: the one place records are read and validated."""

from __future__ import annotations

import difflib
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .cache import ReadCache, StatKey, stat_key
from .catalogue import Catalogue
from .errors import DataError, Problem
from .keys import slugify, term_key, title_key, url_key
from .model import Category, Environment, Keyword, Link, Paper
from .parsing import parse, parse_all
from .yamlfile import YamlDocument, join_path

VOCABULARIES = ("categories", "environments", "keywords")


def display_path(path: str | Path) -> str:
    """The path as a contributor would type it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def catalogue_from_records(
    papers: Iterable[dict[str, Any]],
    categories: Iterable[dict[str, Any]],
    environments: Iterable[dict[str, Any]],
    keywords: Iterable[dict[str, Any]],
) -> Catalogue:
    """A catalogue of records that are already known to be well formed (no checks)."""
    return Catalogue.build(
        [_paper(record, "") for record in papers],
        [_category(item) for item in categories],
        [_environment(item) for item in environments],
        [_keyword(item) for item in keywords],
    )


def load_catalogue(data_dir: Path | str) -> Catalogue:
    """Read and validate everything under ``data_dir``; raise :class:`DataError` listing all problems."""
    loader = _Loader(Path(data_dir))
    with _cyclic_gc_paused():
        return loader.load()


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of acyclic objects, which the cyclic collector would
    walk again and again as they pile up: a fifth of a warm load of 10,000 records."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Loader:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        self.cache = ReadCache(data_dir)
        self.files: dict[str, StatKey | None] = {}
        self.docs: dict[str, YamlDocument] = {}
        self.vocabulary_docs: dict[str, YamlDocument] = {}

    def load(self) -> Catalogue:
        papers_dir = self.data_dir / "papers"
        # Names, not Paths, are listed and sorted: at 10,000 records Path arithmetic showed up.
        names = (
            sorted(n for n in os.listdir(papers_dir) if n.endswith(".yaml"))
            if papers_dir.is_dir()
            else []
        )
        resolved = f"{papers_dir.resolve()}{os.sep}"
        paths = [*(str(self.data_dir / f"{name}.yaml") for name in VOCABULARIES)]
        paths += [resolved + name for name in names]
        self.files = {path: stat_key(path) for path in paths}
        known = self.cache.catalogue(self.files)
        if known is not None:
            return known
        categories = self.vocabulary("categories", _category)
        environments = self.vocabulary("environments", _environment)
        keywords = self.vocabulary("keywords", _keyword)
        self.check_vocabularies(environments, keywords)
        shown = display_path(papers_dir)
        if not papers_dir.is_dir():
            self.problems.append(Problem(shown, 1, "file", "directory not found"))
        records = [(resolved + name, f"{shown}/{name}" if shown != "." else name) for name in names]
        self.parse_ahead(records)
        papers = [paper for path, display in records if (paper := self.paper(path, display))]
        catalogue = Catalogue.build(papers, categories, environments, keywords)
        self.check_references(catalogue)
        self.check_duplicates(catalogue.papers)
        self.cache.save(self.files, None if self.problems else catalogue)
        if self.problems:
            raise DataError(self.problems)
        return catalogue

    def read(self, path: str, schema_name: str, display: str) -> YamlDocument | None:
        key = self.files.get(path)
        if key is None:
            self.problems.append(Problem(display, 1, "file", "file not found"))
            return None
        cached: tuple[YamlDocument | None, list[Problem]] | None = self.cache.get(path, key)
        if cached is None or (cached[1] and cached[1][0].path != display):
            cached = parse(path, display, schema_name)
            self.cache.put(path, key, cached)
        doc, found = cached
        self.problems.extend(found)
        return doc

    def parse_ahead(self, records: list[tuple[str, str]]) -> None:
        """Parse the records the cache cannot serve all at once, in parallel when they are many."""
        todo = [
            (path, display, key)
            for path, display in records
            if (key := self.files[path]) is not None and self.cache.get(path, key) is None
        ]
        parsed = parse_all([(path, display) for path, display, _ in todo], "paper")
        for (path, _, key), result in zip(todo, parsed or [], strict=False):
            self.cache.put(path, key, result)

    def vocabulary(self, name: str, make: Callable[[dict[str, Any]], Any]) -> list[Any]:
        path = self.data_dir / f"{name}.yaml"
        doc = self.read(str(path), name, display_path(path))
        if doc is None:
            return []
        entries: list[Any] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(doc.value):
            entry = make(item)
            key = getattr(entry, "id", None) or slugify(entry.name)
            field = join_path(join_path("", index), "id" if hasattr(entry, "id") else "name")
            if key in seen:
                self.add(
                    path,
                    doc.line(field),
                    field,
                    f"'{key}' is defined twice (first at line {seen[key]})",
                )
                continue
            seen[key] = doc.line(field)
            entries.append(entry)
        self.vocabulary_docs[name] = doc
        return entries

    def check_vocabularies(self, environments: list[Environment], keywords: list[Keyword]) -> None:
        """An alias may name only one environment (keyword), or pages would merge by chance."""
        groups: tuple[tuple[str, Sequence[Environment | Keyword]], ...] = (
            ("environments", environments),
            ("keywords", keywords),
        )
        for name, entries in groups:
            doc = self.vocabulary_docs.get(name)
            owner: dict[str, str] = {}
            for index, entry in enumerate(entries):
                label = getattr(entry, "id", None) or entry.name
                for spelling in (entry.name, *entry.aliases):
                    key = term_key(spelling)
                    if owner.setdefault(key, label) != label:
                        field = join_path(join_path("", index), "aliases")
                        line = doc.line(field) if doc else 1
                        path = self.data_dir / f"{name}.yaml"
                        self.add(path, line, field, f"'{spelling}' also names '{owner[key]}'")

    def paper(self, path: str, display: str) -> Paper | None:
        doc = self.read(path, "paper", display)
        if doc is None:
            return None
        record = doc.value
        name = os.path.basename(path)
        if record["id"] != name.removesuffix(".yaml"):
            message = f"'{record['id']}' does not match the file name '{name}'"
            self.add(path, doc.line("id"), "id", message)
            return None
        paper = _paper(record, path)
        self.docs[paper.id] = doc
        return paper

    def check_references(self, catalogue: Catalogue) -> None:
        categories = set(catalogue.category_by_id)
        environments = _Vocabulary(
            {env.id: env.id for env in catalogue.environments},
            {
                term_key(s): env.id
                for env in catalogue.environments
                for s in (env.name, *env.aliases)
            },
        )
        keywords = _Vocabulary(
            {kw.name: kw.name for kw in catalogue.keywords},
            {term_key(s): kw.name for kw in catalogue.keywords for s in (kw.name, *kw.aliases)},
        )
        for paper in catalogue.papers:
            doc = self.docs[paper.id]
            path = paper.source
            if paper.category not in categories:
                self.add(
                    path,
                    doc.line("category"),
                    "category",
                    _unknown("category", paper.category, categories),
                )
            for field, values, vocab, what in (
                ("keywords", paper.keywords, keywords, "keyword"),
                ("environments", paper.environments, environments, "environment"),
            ):
                for index, value in enumerate(values):
                    message = vocab.problem(value, what)
                    if message:
                        item = join_path(field, index)
                        self.add(path, doc.line(item), item, message)

    def check_duplicates(self, papers: Iterable[Paper]) -> None:
        """The same paper twice: by link, or by title up to case and punctuation."""
        for field, key_of in (("url", url_key), ("title", title_key)):
            first: dict[str, Paper] = {}
            for paper in sorted(papers, key=lambda p: p.source):
                other = first.setdefault(key_of(getattr(paper, field)), paper)
                if other is not paper:
                    message = f"same paper as {display_path(other.source)} (same {field})"
                    self.add(paper.source, self.docs[paper.id].line(field), field, message)

    def add(self, path: str | Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(display_path(path), line, field, message))


class _Vocabulary:
    """Canonical names, and every spelling that maps to one, for 'did you mean' messages."""

    def __init__(self, canonical: dict[str, str], spellings: dict[str, str]) -> None:
        self.canonical = canonical
        self.spellings = spellings

    def problem(self, value: str, what: str) -> str | None:
        if value in self.canonical:
            return None
        alias_of = self.spellings.get(term_key(value))
        if alias_of is not None:
            return f"'{value}' is a spelling of {what} '{alias_of}'; write '{alias_of}'"
        return _unknown(what, value, self.canonical)


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {what} '{value}'{hint}"


def _category(item: dict[str, Any]) -> Category:
    return Category(
        item["id"], item["title"], item["order"], item.get("description", ""), item.get("rule", "")
    )


def _environment(item: dict[str, Any]) -> Environment:
    return Environment(item["id"], item["name"], item.get("url"), tuple(item.get("aliases", ())))


def _keyword(item: dict[str, Any]) -> Keyword:
    return Keyword(item["name"], tuple(item.get("aliases", ())))


def _paper(record: dict[str, Any], source: str) -> Paper:
    return Paper(
        id=record["id"],
        title=record["title"],
        url=record["url"],
        authors=tuple(record["authors"]),
        category=record["category"],
        authors_truncated=record.get("authors_truncated", False),
        short_name=record.get("short_name"),
        listed_url=record.get("listed_url"),
        venue=record.get("venue"),
        year=record.get("year"),
        track=record.get("track"),
        venue_note=record.get("venue_note"),
        keywords=tuple(record.get("keywords", ())),
        environments=tuple(record.get("environments", ())),
        settings=tuple(record.get("settings", ())),
        links=tuple(Link(link["kind"], link["url"]) for link in record.get("links", ())),
        highlight=record.get("highlight"),
        note=record.get("note"),
        maintainer_note=record.get("maintainer_note"),
        added=record.get("added"),
        source=source,
    )
