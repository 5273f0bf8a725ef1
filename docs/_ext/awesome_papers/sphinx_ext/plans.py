"""Which paper, author and A-Z pages the site has, what each shows, and how to render it.

Every page comes with a *key*: a digest of everything it shows, cheap to compute. A page
whose key is unchanged is not rendered again, so one edit at 10,000 papers renders the few
pages that show the edited paper (its own, its related papers', its authors'), not all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import Any

from sphinx.application import Sphinx

from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.model import Paper
from ..records.people import Author, authors, by_name, letter_counts, letter_key
from ..records.related import related_papers
from . import state
from .rendering import render
from .views import (
    AUTHOR,
    AUTHORS_DIR,
    LETTER,
    PAPER,
    PAPERS_DIR,
    Links,
    author_view,
    letter_view,
    paper_view,
    record_path,
)


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


def labels(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """``{label: (pagename, title)}`` of every page planned here."""
    found = {f"{PAPER}-{p.id}": (f"{PAPERS_DIR}/{p.id}", p.title) for p in catalogue.papers}
    for author in authors(catalogue).values():
        key = letter_key(author.letter)
        found.setdefault(f"{LETTER}-{key}", (f"{AUTHORS_DIR}/letter-{key}", author.letter))
        if author.has_page:
            found[f"{AUTHOR}-{author.slug}"] = (f"{AUTHORS_DIR}/{author.slug}", author.name)
    return found


def _key(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def _links_to(paper: Paper, catalogue: Catalogue) -> list[str]:
    """The labels a paper's page may link, whose pages come and go with the data."""
    found = [f"topic-{t}" for t in paper.topics]
    found += [f"keyword-{slugify(k)}" for k in paper.keywords]
    found += [f"env-{e}" for e in paper.environments]
    found += [f"venue-{slugify(paper.venue_label)}"] if paper.venue_label else []
    return [*found, f"category-{paper.category}", "link-health"]


def plan(app: Sphinx, catalogue: Catalogue) -> dict[str, Plan]:
    """Every page, by pagename."""
    info, data_dir = state.list_of(app.env), state.data_dir(app)
    people, named, related = authors(catalogue), by_name(catalogue), related_papers(catalogue)
    targets: dict[str, str] = {}
    std = app.env.get_domain("std").labels  # type: ignore[attr-defined]
    digests, builder = catalogue.paper_digests, app.builder
    site = (app.config.html_baseurl, info)
    plans: dict[str, Plan] = {}

    def paper_page(paper: Paper, name: str) -> Page:
        source = record_path(paper, data_dir)
        view = paper_view(
            paper,
            catalogue,
            Links(builder, name, targets),
            related=related[paper.id],
            named=named,
            info=info,
            source=source,
        )
        base = app.config.html_baseurl
        url = f"{base.rstrip('/')}/{builder.get_target_uri(name)}" if base else None
        head = render("paper_head.html", {**view, "page_url": url})
        return Page(paper.title, head, render("paper.html", view))

    for paper in catalogue.papers:
        name = f"{PAPERS_DIR}/{paper.id}"
        key = _key(
            site,
            digests[paper.id],
            [(r.paper.id, digests[r.paper.id], r.shared) for r in related[paper.id]],
            [_shown(named.get(author)) for author in paper.authors],
            [label in std for label in _links_to(paper, catalogue)],
            catalogue.also_in.get(paper.id),
            catalogue.dead_links.get(paper.id),
            paper.source,
        )
        plans[name] = Plan(key, partial(paper_page, paper, name))
    for author in people.values():
        if author.has_page:
            name = f"{AUTHORS_DIR}/{author.slug}"
            key = _key(
                site,
                author.name,
                [(p.id, digests[p.id]) for p in author.papers],
                [(count, _shown(people[slug])) for slug, count in author.coauthors],
            )
            plans[name] = Plan(
                key, partial(_author_page, author, people, Links(builder, name, targets))
            )
    counts = letter_counts(people)
    for letter, group in _by_letter(people).items():
        name = f"{AUTHORS_DIR}/letter-{letter_key(letter)}"
        key = _key(site, letter, counts, [(len(a.papers), _shown(a)) for a in group])
        plans[name] = Plan(
            key, partial(_letter_page, letter, group, counts, Links(builder, name, targets))
        )
    return plans


def _shown(author: Author | None) -> tuple[str, ...]:
    """What a link to an author shows and where it leads."""
    if author is None:
        return ()
    return (author.slug, author.name, "page" if author.has_page else author.papers[0].id)


def _by_letter(people: dict[str, Author]) -> dict[str, list[Author]]:
    letters: dict[str, list[Author]] = {}
    for author in people.values():
        letters.setdefault(author.letter, []).append(author)
    return letters


def _author_page(author: Author, people: dict[str, Author], links: Links) -> Page:
    view = author_view(author, people, links)
    return Page(author.name, _description(view), render("author.html", view))


def _letter_page(
    letter: str, group: Sequence[Author], counts: dict[str, int], links: Links
) -> Page:
    view = letter_view(letter, group, counts, links)
    return Page(f"Authors: {letter}", _description(view), render("letter.html", view))


def _description(view: dict[str, Any]) -> str:
    return f'<meta name="description" content="{escape(view["description"])}">\n'
