"""One README entry as read, and what a whole README says: plain data that the readers of
its lines fill and the importer turns into records."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records.errors import Problem
from .environments import Written
from .headings import Group


@dataclass
class Entry:
    """One list item as read, before vocabularies are resolved."""

    source: str
    line: int
    title: str
    url: str
    group: Group
    authors: list[str] = field(default_factory=list)
    authors_truncated: bool = False
    venue_note: str | None = None
    title_venue: str | None = None
    highlight: str | None = None
    links: list[dict[str, str]] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    environments: list[Written] = field(default_factory=list)
    venue_line: str | None = None
    track: str | None = None
    year: int | None = None
    scores: str | None = None
    notes: list[str] = field(default_factory=list)

    def problem(self, field: str, message: str, line: int | None = None) -> Problem:
        """What is wrong with this entry's ``field``, at ``line`` (its first line by default)."""
        return Problem(self.source, line or self.line, field, message)


@dataclass
class Reading:
    """What one README says: its entries, the words of its headings, and what could not be
    placed, each at its line."""

    entries: list[Entry] = field(default_factory=list)
    heading_titles: dict[str, str] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)

    def note(self, entry: Entry, field: str, message: str, line: int | None = None) -> None:
        self.notes.append(entry.problem(field, message, line))
