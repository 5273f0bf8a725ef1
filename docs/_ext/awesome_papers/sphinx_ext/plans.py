"""Which paper, author and A-Z pages the site has, what each shows, and how to render it.

Every page comes with a *key*: a digest of everything it shows, cheap to compute. A page
whose key is unchanged is not rendered again, so one edit at 10,000 papers renders the few
pages that show the edited paper (its own, its related papers', its authors'), not all.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..records import related
from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.model import Paper
from ..records.people import (
    Author,
    Roster,
    authors,
    letter_counts,
    letter_key,
    letter_of,
    roster,
)
from ..records.related import Related
from . import state
from .cards import render_card
from .listing import Listing, listing_view, listings, subject_title
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


def paper_labels(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """``{label: (pagename, title)}`` of the papers' pages."""
    return {f"{PAPER}-{p.id}": (f"{PAPERS_DIR}/{p.id}", p.title) for p in catalogue.papers}


def author_labels(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """``{label: (pagename, title)}`` of the authors' pages and the A-Z letters: they change
    only with :func:`~..records.people.authors_key`."""
    found: dict[str, tuple[str, str]] = {}
    known = roster(catalogue)
    for slug, name in known.names.items():
        letter = letter_of(slug)
        key = letter_key(letter)
        found.setdefault(f"{LETTER}-{key}", (f"{AUTHORS_DIR}/letter-{key}", letter))
        if known.has_page(slug):
            found[f"{AUTHOR}-{slug}"] = (f"{AUTHORS_DIR}/{slug}", name)
    return found


def _key(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def _links_to(paper: Paper) -> list[str]:
    """The labels a paper's page may link, whose pages come and go with the data."""
    found = [f"topic-{t}" for t in paper.topics]
    found += [f"keyword-{slugify(k)}" for k in paper.keywords]
    found += [f"env-{e}" for e in paper.environments]
    found += [f"venue-{slugify(paper.venue_label)}"] if paper.venue_label else []
    return [*found, f"category-{paper.category}", "link-health"]


def plan(app: Sphinx, catalogue: Catalogue) -> dict[str, Plan]:
    """Every page, by pagename."""
    info, data_dir = state.list_of(app.env), state.data_dir(app)
    known, people = roster(catalogue), authors(catalogue)
    nearest = related_papers(app, catalogue)
    std = app.env.get_domain("std").labels  # type: ignore[attr-defined]
    digests, builder = catalogue.paper_digests, app.builder
    site = _key(app.config.html_baseurl, info)
    targets: dict[str, str] = {}
    shown: dict[str, tuple[str, ...]] = {}

    def show(slug: str) -> tuple[str, ...]:
        """What a link to an author shows and where it leads."""
        if not slug:
            return ()
        if slug not in shown:
            leads = "page" if known.has_page(slug) else known.first[slug]
            shown[slug] = (slug, known.names[slug], leads)
        return shown[slug]

    def paper_page(paper: Paper, name: str) -> Page:
        view = paper_view(
            paper,
            catalogue,
            Links(builder, name, targets),
            related=nearest[paper.id],
            known=known,
            info=info,
            source=record_path(paper, data_dir),
        )
        base = app.config.html_baseurl
        url = f"{base.rstrip('/')}/{builder.get_target_uri(name)}" if base else None
        head = render("paper_head.html", {**view, "page_url": url})
        return Page(paper.title, head, render("paper.html", view))

    plans: dict[str, Plan] = {}
    for paper in catalogue.papers:
        name = f"{PAPERS_DIR}/{paper.id}"
        key = _key(
            site,
            digests[paper.id],
            [(r.paper.id, digests[r.paper.id], r.shared) for r in nearest[paper.id]],
            [show(known.slug_of[author]) for author in paper.authors],
            [label in std for label in _links_to(paper)],
            catalogue.also_in.get(paper.id),
            catalogue.dead_links.get(paper.id),
            paper.source,
        )
        plans[name] = Plan(key, partial(paper_page, paper, name))
    for author in people.values():
        name = f"{AUTHORS_DIR}/{author.slug}"
        key = _key(
            site,
            author.name,
            [(p.id, digests[p.id]) for p in author.papers],
            [(count, show(slug)) for slug, count in author.coauthors],
        )
        links = Links(builder, name, targets)
        plans[name] = Plan(key, partial(_author_page, author, known, links))
    plans.update(_listing_plans(app, catalogue, site, targets))
    counts = letter_counts(known)
    letters: dict[str, list[str]] = {}
    for slug in known.names:
        letters.setdefault(letter_of(slug), []).append(slug)
    for letter, group in letters.items():
        name = f"{AUTHORS_DIR}/letter-{letter_key(letter)}"
        key = _key(site, letter, counts, [(known.counts[slug], show(slug)) for slug in group])
        links = Links(builder, name, targets)
        plans[name] = Plan(key, partial(_letter_page, letter, group, counts, known, links))
    return plans


def _listing_plans(
    app: Sphinx, catalogue: Catalogue, site: str, targets: dict[str, str]
) -> dict[str, Plan]:
    """The second and later pages of each long listing. Their cards link the pages of
    topics, keywords..., which come and go with the data: any change re-renders them all."""
    std = app.env.get_domain("std").labels  # type: ignore[attr-defined]
    linked = _key(sorted(label for label in std if label.partition("-")[0] in _LINKED))
    size, shown = app.config.awesome_papers_page_size, app.config.awesome_papers_authors_shown
    digests, builder = catalogue.paper_digests, app.builder
    plans: dict[str, Plan] = {}
    for each in listings(catalogue, max(1, size)):
        title = subject_title(catalogue, each)
        for number in range(2, each.pages + 1):
            name = each.pagename(number)
            papers = [
                (p.id, digests[p.id], catalogue.also_in.get(p.id), catalogue.dead_links.get(p.id))
                for p in each.page(number)
            ]
            key = _key(site, linked, shown, title, number, each.pages, len(each.papers), papers)
            links = Links(builder, name, targets)
            plans[name] = Plan(key, partial(_listing_page, catalogue, each, number, links, shown))
    return plans


#: The label prefixes a card links to.
_LINKED = frozenset({"paper", "topic", "keyword", "env", "venue", "category", "link"})


def _listing_page(
    catalogue: Catalogue, shown: Listing, number: int, links: Links, authors: int
) -> Page:
    def link(prefix: str, value: str) -> str | None:
        return links.label(f"{prefix}-{value}")

    def uri_of(page: int) -> str:
        uri = links.builder.get_relative_uri(links.pagename, shown.pagename(page))
        return str(uri)

    view = listing_view(
        catalogue, shown, number, lambda paper: render_card(paper, catalogue, link, authors), uri_of
    )
    title = f"{view['title']} (page {number} of {shown.pages})"
    return Page(title, _description(view), render("listing.html", view))


def related_papers(app: Sphinx, catalogue: Catalogue) -> dict[str, tuple[Related, ...]]:
    """Related papers, from the last build's when what they are computed from is the same
    (a title edit at 10,000 papers would compute them all again: 2 to 4 s)."""
    path, key = _related_file(app), related.inputs(catalogue)
    try:  # the key is pickled ahead of the papers: a stale file is not read whole
        with path.open("rb") as stream:
            if pickle.load(stream) == key:
                return related.from_plain(catalogue, pickle.load(stream))
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        pass  # none yet, or of another shape: computed anew
    found = related.related_papers(catalogue)
    plain = related.to_plain(found)
    path.write_bytes(pickle.dumps(key, -1) + pickle.dumps(plain, pickle.HIGHEST_PROTOCOL))
    return found


def related_outdated(app: Sphinx, catalogue: Catalogue) -> bool:
    """Whether the related papers kept from the last build are not this catalogue's."""
    try:
        with _related_file(app).open("rb") as stream:
            return bool(pickle.load(stream) != related.inputs(catalogue))
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        return True


def _related_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "awesome_papers_related.pickle"


def _author_page(author: Author, known: Roster, links: Links) -> Page:
    view = author_view(author, known, links)
    return Page(author.name, _description(view), render("author.html", view))


def _letter_page(
    letter: str, group: Sequence[str], counts: dict[str, int], known: Roster, links: Links
) -> Page:
    view = letter_view(letter, group, counts, known, links)
    return Page(f"Authors: {letter}", _description(view), render("letter.html", view))


def _description(view: dict[str, Any]) -> str:
    return f'<meta name="description" content="{escape(view["description"])}">\n'
