"""Load ``data/`` into a :class:`Catalogue`: the one place records are read and validated."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .cache import ReadCache, StatKey, stat_key
from .catalogue import Catalogue
from .checks import Checks, display_path
from .errors import DataError, Problem
from .keys import slugify
from .model import Category, Environment, Keyword, Link, Paper, Topic
from .parsing import parse, parse_all
from .yamlfile import YamlDocument, join_path

VOCABULARIES = ("categories", "environments", "keywords")
#: Vocabularies a list may do without: a list with no topics.yaml has no topic map.
OPTIONAL_VOCABULARIES = ("topics",)


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
    catalogue, problems = load_usable(data_dir)
    if problems:
        raise DataError(problems)
    return catalogue


def load_usable(data_dir: Path | str) -> tuple[Catalogue, list[Problem]]:
    """Everything under ``data_dir`` that is usable, and every problem found: a record with
    a problem of its own is left out, as a build that reports an error and goes on needs."""
    loader = _Loader(Path(data_dir))
    with cyclic_gc_paused():
        catalogue = loader.load()
    return catalogue, sorted(set(loader.problems))


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
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
        self.warnings: list[Problem] = []
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
        paths = [str(self.data_dir / f"{name}.yaml") for name in VOCABULARIES]
        paths += [
            path
            for name in OPTIONAL_VOCABULARIES
            if os.path.exists(path := str(self.data_dir / f"{name}.yaml"))
        ]
        paths += [resolved + name for name in names]
        self.files = {path: stat_key(path) for path in paths}
        known = self.cache.catalogue(self.files)
        if known is not None:
            return known
        categories = self.vocabulary("categories", _category)
        environments = self.vocabulary("environments", _environment)
        keywords = self.vocabulary("keywords", _keyword)
        topics = (
            self.vocabulary("topics", _topic)
            if str(self.data_dir / "topics.yaml") in self.files
            else []
        )
        shown = display_path(papers_dir)
        if not papers_dir.is_dir():
            self.problems.append(Problem(shown, 1, "file", "directory not found"))
        records = [(resolved + name, f"{shown}/{name}" if shown != "." else name) for name in names]
        self.parse_ahead(records)
        papers = [paper for path, display in records if (paper := self.paper(path, display))]
        catalogue = Catalogue.build(papers, categories, environments, keywords, topics)
        checks = Checks(self.data_dir, self.docs, self.vocabulary_docs)
        complete = len(papers) == len(records)
        self.problems += checks.run(catalogue, environments, keywords, topics, complete=complete)
        catalogue.warnings = tuple(sorted(self.warnings))
        self.cache.save(self.files, None if self.problems else catalogue)
        if self.problems:  # the records with a problem of their own are left out
            faulty = {problem.path for problem in self.problems}
            usable = [paper for paper in papers if display_path(paper.source) not in faulty]
            return Catalogue.build(usable, categories, environments, keywords, topics)
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
        self.problems.extend(problem for problem in found if not problem.warning)
        self.warnings.extend(problem for problem in found if problem.warning)
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

    def add(self, path: str | Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(display_path(path), line, field, message))


def _category(item: dict[str, Any]) -> Category:
    return Category(
        item["id"], item["title"], item["order"], item.get("description", ""), item.get("rule", "")
    )


def _environment(item: dict[str, Any]) -> Environment:
    return Environment(item["id"], item["name"], item.get("url"), tuple(item.get("aliases", ())))


def _topic(item: dict[str, Any]) -> Topic:
    return Topic(
        item["id"],
        item["name"],
        item["description"],
        tuple(item.get("related", ())),
        tuple(item.get("keywords", ())),
    )


def _keyword(item: dict[str, Any]) -> Keyword:
    return Keyword(item["name"], tuple(item.get("aliases", ())))


def _paper(record: dict[str, Any], source: str) -> Paper:
    return Paper(
        id=record["id"],
        title=record["title"],
        url=record["url"],
        authors=tuple(record.get("authors", ())),
        category=record["category"],
        authors_truncated=record.get("authors_truncated", False),
        short_name=record.get("short_name"),
        listed_url=record.get("listed_url"),
        listed_title=record.get("listed_title"),
        venue=record.get("venue"),
        year=record.get("year"),
        track=record.get("track"),
        venue_note=record.get("venue_note"),
        topics=tuple(record.get("topics", ())),
        keywords=tuple(record.get("keywords", ())),
        environments=tuple(record.get("environments", ())),
        settings=tuple(record.get("settings", ())),
        methods=tuple(record.get("methods", ())),
        links=tuple(Link(link["kind"], link["url"]) for link in record.get("links", ())),
        listed_links=tuple(record["listed_links"]) if "listed_links" in record else None,
        highlight=record.get("highlight"),
        kind=record.get("kind"),
        scores=record.get("scores"),
        note=record.get("note"),
        maintainer_note=record.get("maintainer_note"),
        checked=tuple(record.get("checked", ())),
        added=record.get("added"),
        source=source,
    )
