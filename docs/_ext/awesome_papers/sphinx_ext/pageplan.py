"""A page written beside Sphinx's (:mod:`.standalone`): what it holds and how it is made."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from ..records.keys import slugify
from ..records.model import Paper
from ..records.pagekinds import CATEGORY, ENVIRONMENT, KEYWORD, LINK_HEALTH, TOPIC, VENUE


@dataclass(frozen=True)
class Page:
    """One page: its title and what goes into the shell's head and body."""

    title: str
    head: str
    body: str


@dataclass(frozen=True)
class Plan:
    """A page to be: the digest of what it shows, and how to render it."""

    key: str
    make: Callable[[], Page]


def key_of(*parts: object) -> str:
    """A digest of everything a page shows: unchanged, the page is not rendered again."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def description(view: dict[str, Any]) -> str:
    """The head of a page whose view has a ``description``."""
    return f'<meta name="description" content="{escape(view["description"])}">\n'


def links_to(paper: Paper) -> list[str]:
    """The labels a paper's page may link, whose pages come and go with the data."""
    found = [TOPIC.label(t) for t in paper.topics]
    found += [KEYWORD.label(slugify(k)) for k in paper.keywords]
    found += [ENVIRONMENT.label(e) for e in paper.environments]
    found += [VENUE.label(slugify(paper.venue_label))] if paper.venue_label else []
    return [*found, CATEGORY.label(paper.category), LINK_HEALTH]
