"""Checks across records and vocabularies, after each file passed its schema.

Each check adds ``path:line: field: message`` problems; none stops at the first, so a
contributor sees every problem in one run.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue
from .errors import Problem
from .keys import identity_keys, term_key
from .lint import MIN_TOPIC_PAPERS, placeholder_problems
from .model import Environment, Keyword, Paper, Topic
from .yamlfile import YamlDocument, join_path


def display_path(path: str | Path) -> str:
    """The path as a contributor would type it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


@dataclass
class Checks:
    """The documents the records came from, and the problems found in them."""

    data_dir: Path
    docs: dict[str, YamlDocument]
    vocabulary_docs: dict[str, YamlDocument]
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(display_path(path), line, field, message))

    def vocabulary_line(self, name: str, index: int, key: str) -> int:
        doc = self.vocabulary_docs.get(name)
        return doc.line(join_path(join_path("", index), key)) if doc else 1

    def run(
        self,
        catalogue: Catalogue,
        environments: list[Environment],
        keywords: list[Keyword],
        topics: list[Topic],
        *,
        complete: bool,
    ) -> list[Problem]:
        """Every check, vocabularies in file order (their lines), then the records.

        Topic sizes are counted only when every record could be read (``complete``): a record
        refused by its schema would otherwise shrink its topics into false alarms.
        """
        self.aliases(environments, keywords)
        self.topic_links(topics, {kw.name for kw in keywords})
        self.references(catalogue)
        self.duplicates(catalogue.papers)
        self.text(catalogue.papers)
        if complete:
            self.topic_sizes(catalogue, topics)
        return self.problems

    def aliases(self, environments: list[Environment], keywords: list[Keyword]) -> None:
        """A spelling may name only one entry; names that differ only by case, plural or
        punctuation are one entry with aliases, not two."""
        groups: tuple[tuple[str, Sequence[Environment | Keyword]], ...] = (
            ("environments", environments),
            ("keywords", keywords),
        )
        for name, entries in groups:
            owner: dict[str, str] = {}
            for index, entry in enumerate(entries):
                label = getattr(entry, "id", None) or entry.name
                for key_name, spellings in (("name", [entry.name]), ("aliases", entry.aliases)):
                    for spelling in spellings:
                        first = owner.setdefault(term_key(spelling), label)
                        if first != label:
                            line = self.vocabulary_line(name, index, key_name)
                            where = join_path(join_path("", index), key_name)
                            message = (
                                f"'{spelling}' is a spelling of '{first}'; make it an alias there"
                            )
                            self.add(self.data_dir / f"{name}.yaml", line, where, message)

    def topic_links(self, topics: list[Topic], keywords: set[str]) -> None:
        known = {topic.id for topic in topics}
        path = self.data_dir / "topics.yaml"
        for index, topic in enumerate(topics):
            for key, values, names, what in (
                ("related", topic.related, known, "topic"),
                ("keywords", topic.keywords, keywords, "keyword"),
            ):
                for position, value in enumerate(values):
                    if value not in names or value == topic.id:
                        where = join_path(join_path(join_path("", index), key), position)
                        line = self.vocabulary_line("topics", index, key)
                        self.add(path, line, where, _unknown(what, value, names))

    def references(self, catalogue: Catalogue) -> None:
        """Every category, topic, keyword and environment a record names exists."""
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
        topics = _Vocabulary(
            {t.id: t.id for t in catalogue.topics},
            {term_key(s): t.id for t in catalogue.topics for s in (t.id, t.name)},
        )
        categories = set(catalogue.category_by_id)
        for paper in catalogue.papers:
            doc = self.docs[paper.id]
            if paper.category not in categories:
                unknown = _unknown("category", paper.category, categories)
                self.add(paper.source, doc.line("category"), "category", unknown)
            if catalogue.topics and not paper.topics:
                self.add(paper.source, 1, "topics", "missing: every paper needs 1 to 4 topics")
            for name, values, vocab, what in (
                ("topics", paper.topics, topics, "topic"),
                ("keywords", paper.keywords, keywords, "keyword"),
                ("environments", paper.environments, environments, "environment"),
            ):
                for index, value in enumerate(values):
                    message = vocab.problem(value, what)
                    if message:
                        item = join_path(name, index)
                        self.add(paper.source, doc.line(item), item, message)

    def duplicates(self, papers: Iterable[Paper]) -> None:
        """The same paper twice: by link, arXiv id in any form, DOI, or title up to punctuation."""
        first: dict[tuple[str, str], Paper] = {}
        for paper in sorted(papers, key=lambda p: p.source):
            for what, key in identity_keys(paper.url, paper.title):
                other = first.setdefault((what, key), paper)
                if other is not paper:
                    name = "title" if what == "title" else "url"
                    message = f"same paper as {display_path(other.source)} (same {what})"
                    self.add(paper.source, self.docs[paper.id].line(name), name, message)
                    break

    def text(self, papers: Iterable[Paper]) -> None:
        """No placeholder left by ``new``, no author-less record, and no listed link that is
        not one of the record's (markup in text a reader sees is each file's own problem,
        found as it is parsed)."""
        for paper in papers:
            for where, message in placeholder_problems(paper):
                self.add(paper.source, self.docs[paper.id].line(where), where, message)
            urls = {link.url for link in paper.links}
            for index, url in enumerate(paper.listed_links or ()):
                if url not in urls:
                    where = join_path("listed_links", index)
                    message = f"{url} is not the url of one of the record's links"
                    self.add(paper.source, self.docs[paper.id].line(where), where, message)

    def topic_sizes(self, catalogue: Catalogue, topics: list[Topic]) -> None:
        counts = catalogue.counts("topic")
        for index, topic in enumerate(topics):
            count = counts.get(topic.id, 0)
            if count < MIN_TOPIC_PAPERS:
                line = self.vocabulary_line("topics", index, "id")
                message = (
                    f"'{topic.id}' has {count} paper{'' if count == 1 else 's'}; "
                    f"a topic needs at least {MIN_TOPIC_PAPERS}"
                )
                self.add(self.data_dir / "topics.yaml", line, "topics", message)


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
