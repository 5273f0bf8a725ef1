"""Turn a README of this family of awesome lists into records and vocabularies.

The lists are hand-written, so the parser is forgiving: it knows every label spelling and
irregularity seen in them. What it cannot place goes into the record's ``note`` and into the
report, never silently away.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records.errors import Problem
from ..records.identifiers import arxiv_id, arxiv_year, pdf_link
from ..records.keys import (
    identity_keys,
    paper_id_for,
    slugify,
    term_key,
    title_key,
    unique_id,
)
from ..records.model import FIELD_ORDER, SCHOLARLY_KINDS
from ..records.schema import unauthored_kinds
from ..records.venues import split_venue
from .entries import read_entries
from .entry import Entry
from .merge import merge_records


@dataclass
class Imported:
    """Records and vocabularies read from one or more READMEs, and what was reported."""

    papers: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    environments: list[dict[str, Any]] = field(default_factory=list)
    keywords: list[dict[str, Any]] = field(default_factory=list)
    report: list[Problem] = field(default_factory=list)
    #: What upstream leaves a human to decide, at the README line to edit.
    decisions: list[Problem] = field(default_factory=list)
    #: The records that wait for a decision, by id: what to decide about each.
    pending: dict[str, list[str]] = field(default_factory=dict)

    @property
    def decided(self) -> list[dict[str, Any]]:
        """The records that need no decision: those the list can publish now."""
        return [paper for paper in self.papers if paper["id"] not in self.pending]


def import_readmes(
    texts: Iterable[tuple[str, str]],
    *,
    vocabularies: dict[str, list[dict[str, Any]]] | None = None,
    added: dict[str, str] | None = None,
    default_added: str | None = None,
    default_category: str | None = None,
) -> Imported:
    """Import ``(display name, text)`` READMEs; later files fill what earlier ones lack."""
    state = _State(vocabularies or {}, default_category)
    for display, text in texts:
        reading = read_entries(display, text)
        state.report += reading.notes
        for category, title in reading.heading_titles.items():
            state.heading_titles.setdefault(category, title)
        for entry in reading.entries:
            state.add_entry(entry)
    return state.finish(added or {}, default_added)


class _State:
    def __init__(
        self, vocabularies: dict[str, list[dict[str, Any]]], default_category: str | None
    ) -> None:
        self.categories = {c["id"]: dict(c) for c in vocabularies.get("categories", [])}
        self.environments = {e["id"]: dict(e) for e in vocabularies.get("environments", [])}
        self.keywords = {k["name"]: dict(k) for k in vocabularies.get("keywords", [])}
        self.env_keys = {
            term_key(s): e["id"]
            for e in self.environments.values()
            for s in (e["name"], *e.get("aliases", []))
        }
        self.keyword_keys = {
            term_key(s): k["name"]
            for k in self.keywords.values()
            for s in (k["name"], *k.get("aliases", []))
        }
        self.default_category = default_category
        self.heading_titles: dict[str, str] = {}
        self.entries: list[Entry] = []
        self.report: list[Problem] = []
        self.decisions: list[Problem] = []

    def note(self, entry: Entry, field: str, message: str, line: int | None = None) -> None:
        self.report.append(entry.problem(field, message, line))

    def add_entry(self, entry: Entry) -> None:
        if entry.group.category and entry.group.category not in self.categories:
            self.categories[entry.group.category] = {
                "id": entry.group.category,
                "title": self.heading_titles[entry.group.category],
                "order": len(self.categories) + 1,
            }
        for name, url in entry.environments:
            if url is not None:
                self.environment(name, url)
        self.entries.append(entry)

    def environment(self, name: str, url: str) -> str:
        key = term_key(name)
        if key in self.env_keys:
            env = self.environments[self.env_keys[key]]
            if url and "url" not in env:
                env["url"] = url
            if name != env["name"] and name not in env.setdefault("aliases", []):
                env["aliases"].append(name)
            return str(env["id"])
        env_id = slugify(name) or "environment"
        while env_id in self.environments:
            env_id += "-2"
        self.environments[env_id] = {"id": env_id, "name": name, **({"url": url} if url else {})}
        self.env_keys[key] = env_id
        return env_id

    def keyword(self, spelling: str) -> str:
        key = term_key(spelling)
        if key not in self.keyword_keys:
            self.keyword_keys[key] = spelling
            self.keywords[spelling] = {"name": spelling}
        canonical: str = self.keyword_keys[key]
        aliases = self.keywords[canonical].setdefault("aliases", [])
        if spelling != canonical and spelling not in aliases:
            aliases.append(spelling)
        return canonical

    def records(self) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
        """Every entry's record by id, entries of one title merged; and the ids of those that
        wait for a decision, with what to decide."""
        records: dict[str, dict[str, Any]] = {}
        by_title: dict[str, str] = {}
        by_url: dict[str, str] = {}
        pending: dict[str, list[str]] = {}
        for entry in self.entries:
            asked = len(self.decisions)
            record = self.record(entry)
            same = by_title.get(title_key(entry.title))
            if same is not None:
                merge_records(records[same], record)
                self.note(entry, "title", f"same paper as {same}: merged")
                continue
            record["id"] = unique_id(paper_id_for(entry.title, entry.url), records)
            # The same link, arXiv id in any form or DOI, as validate tells two papers apart.
            links = [key for _, key in identity_keys(url=entry.url)]
            if (other := next((by_url[key] for key in links if key in by_url), None)) is not None:
                self.decisions.append(
                    entry.problem(
                        "url",
                        f"same link as {other} ({records[other]['title']!r}), which has "
                        "another title: give this entry its own link, or both the same title "
                        "to merge them",
                    )
                )
            if len(self.decisions) > asked:
                pending[record["id"]] = [str(problem) for problem in self.decisions[asked:]]
            records[record["id"]] = record
            by_title[title_key(entry.title)] = record["id"]
            for key in links:
                by_url.setdefault(key, record["id"])
        return records, pending

    def finish(self, added: dict[str, str], default_added: str | None) -> Imported:
        records, pending = self.records()
        added_by_title = {title_key(title): date for title, date in added.items()}
        for record in records.values():
            date = added_by_title.get(title_key(record["title"]), default_added)
            if date:
                record["added"] = date
            if "category" not in record:
                record["category"] = self.default_category or "uncategorized"
                self.categories.setdefault(
                    record["category"],
                    {
                        "id": record["category"],
                        "title": record["category"].replace("-", " ").title(),
                        "order": len(self.categories) + 1,
                    },
                )
        papers = [_ordered(record) for record in records.values()]
        for env in self.environments.values():
            if not env.get("aliases"):
                env.pop("aliases", None)
        for keyword in self.keywords.values():
            if not keyword.get("aliases"):
                keyword.pop("aliases", None)
        return Imported(
            papers=papers,
            categories=sorted(self.categories.values(), key=lambda c: (c["order"], c["id"])),
            environments=sorted(self.environments.values(), key=lambda e: e["id"]),
            keywords=sorted(
                self.keywords.values(), key=lambda k: (k["name"].casefold(), k["name"])
            ),
            report=self.report,
            decisions=self.decisions,
            pending=pending,
        )

    def record(self, entry: Entry) -> dict[str, Any]:
        page = pdf_link(entry.url)  # the paper's page; the README keeps the PDF link it had
        record: dict[str, Any] = {"title": entry.title, "url": page or entry.url}
        record.update({"listed_url": entry.url} if page else {})
        if entry.authors:
            record["authors"] = entry.authors
        elif entry.group.kind in SCHOLARLY_KINDS:  # a paper names its authors: a human must
            record["authors"] = []
            self.decisions.append(
                entry.problem(
                    "authors",
                    "entry has no author line: write its authors in the record, or give it a "
                    f"kind ({', '.join(unauthored_kinds())})",
                )
            )
        if entry.authors_truncated:
            record["authors_truncated"] = True
        venue, year = entry.group.venue, entry.group.year
        venue_text = entry.venue_line or (entry.title_venue if not venue else None)
        if entry.title_venue and venue:
            entry.venue_note = entry.venue_note or entry.title_venue
        if venue_text:
            venue, year, track = split_venue(venue_text)
            if track:
                record["track"] = track
        if entry.track and "track" not in record:
            record["track"] = entry.track
        year = year or entry.year
        said, on_arxiv = (venue or "").casefold(), arxiv_id(entry.url)
        if said == "arxiv" or (said == "preprint" and on_arxiv):
            venue = "arXiv"
            if year is None and on_arxiv:
                year = arxiv_year(on_arxiv)
        if venue:
            record["venue"] = venue
        if year:
            record["year"] = year
        if entry.venue_note:
            record["venue_note"] = entry.venue_note
        if entry.group.category:
            record["category"] = entry.group.category
        keywords = list(dict.fromkeys(self.keyword(k) for k in entry.keywords))
        if keywords:
            record["keywords"] = keywords
        envs, settings = self.places(entry)
        if envs:
            record["environments"] = list(dict.fromkeys(envs))
        if settings:
            record["settings"] = settings
        if entry.links:
            record["links"] = entry.links
        if entry.highlight:
            record["highlight"] = entry.highlight
        if entry.scores:
            record["scores"] = entry.scores
        if entry.group.kind:
            record["kind"] = entry.group.kind
        if entry.notes:
            record["note"] = "; ".join(entry.notes)
        return record

    def places(self, entry: Entry) -> tuple[list[str], list[str]]:
        """An entry's environments (ids, a linked or known name each) and its settings (the
        other names, "none" left out)."""
        envs: list[str] = []
        settings: list[str] = []
        for text, url in entry.environments:
            if url is not None:
                envs.append(self.environment(text, url))
            elif term_key(text) in self.env_keys:
                envs.append(self.env_keys[term_key(text)])
            elif text.casefold() not in {"none", "n/a", "-"}:
                settings.append(text)
        return envs, settings


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record[key] for key in FIELD_ORDER if key in record}
