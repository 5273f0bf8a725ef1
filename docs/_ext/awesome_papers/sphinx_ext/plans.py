"""Which paper, author and A-Z pages the site has, what each shows, and how to render it.

Every page comes with a *key*: a digest of everything it shows, cheap to compute. A page
whose key is unchanged is not rendered again, so one edit at 10,000 papers renders the few
pages that show the edited paper (its own, its related papers', its authors'), not all.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from markupsafe import Markup
from sphinx.application import Sphinx

from ..records import related
from ..records.catalogue import Catalogue
from ..records.model import Paper
from ..records.pagekinds import AUTHOR, LETTER, PAPER
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
from . import engine, state
from .listing import pager_html
from .listingplans import index_plans, listing_plans
from .options import options
from .pageplan import Page, Plan, description, key_of, links_to
from .rendering import render
from .uris import Links
from .views import author_view, letter_view, paper_view, record_path


def paper_labels(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """``{label: (pagename, title)}`` of the papers' pages."""
    return {PAPER.label(p.id): (PAPER.pagename(p.id), p.title) for p in catalogue.papers}


def author_labels(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """``{label: (pagename, title)}`` of the authors' pages and the A-Z letters: they change
    only with :func:`~..records.people.authors_key`."""
    found: dict[str, tuple[str, str]] = {}
    known = roster(catalogue)
    for slug, name in known.names.items():
        letter = letter_of(slug)
        key = letter_key(letter)
        found.setdefault(LETTER.label(key), (LETTER.pagename(key), letter))
        if known.has_page(slug):
            found[AUTHOR.label(slug)] = (AUTHOR.pagename(slug), name)
    return found


class _Context:
    """What every paper, author and A-Z page of one build reads, worked out once."""

    def __init__(self, app: Sphinx, catalogue: Catalogue) -> None:
        self.app, self.catalogue = app, catalogue
        self.info, self.data_dir = state.list_of(app.env), state.data_dir(app)
        self.known = roster(catalogue)
        self.nearest = related_papers(app, catalogue)
        self.std = app.env.get_domain("std").labels  # type: ignore[attr-defined]
        # What every page shows besides its own: the site, its options, the engine rendering it.
        self.site = key_of(
            app.config.html_baseurl,
            self.info,
            options(app.config),
            getattr(app.config, engine.NAME),
        )
        self.targets: dict[str, str] = {}
        self._shown: dict[str, tuple[str, ...]] = {}

    def links(self, pagename: str) -> Links:
        """Links from ``pagename``, sharing the build's resolved targets."""
        return Links(self.app.builder, pagename, self.targets)

    def show(self, slug: str) -> tuple[str, ...]:
        """What a link to an author shows and where it leads."""
        if not slug:
            return ()
        if slug not in self._shown:
            known = self.known
            leads = "page" if known.has_page(slug) else known.first[slug]
            self._shown[slug] = (slug, known.names[slug], leads)
        return self._shown[slug]


def plan(app: Sphinx, catalogue: Catalogue) -> dict[str, Plan]:
    """Every page, by pagename."""
    context = _Context(app, catalogue)
    plans = _paper_plans(context)
    plans.update(_author_plans(context))
    plans.update(listing_plans(app, catalogue, context.site, context.targets))
    plans.update(index_plans(app, catalogue, context.site, context.targets))
    plans.update(_letter_plans(context))
    return plans


def _paper_plans(context: _Context) -> dict[str, Plan]:
    """A page per paper, keyed by what it shows: its record, related papers and authors."""
    catalogue, digests = context.catalogue, context.catalogue.paper_digests
    plans: dict[str, Plan] = {}
    for paper in catalogue.papers:
        name = PAPER.pagename(paper.id)
        key = key_of(
            context.site,
            digests[paper.id],
            [(r.paper.id, digests[r.paper.id], r.shared) for r in context.nearest[paper.id]],
            [context.show(context.known.slug_of[author]) for author in paper.authors],
            [label in context.std for label in links_to(paper)],
            catalogue.also_in.get(paper.id),
            catalogue.dead_links.get(paper.id),
            paper.source,
        )
        plans[name] = Plan(key, partial(_paper_page, context, paper, name))
    return plans


def _paper_page(context: _Context, paper: Paper, name: str) -> Page:
    view = paper_view(
        paper,
        context.catalogue,
        context.links(name),
        related=context.nearest[paper.id],
        known=context.known,
        info=context.info,
        source=record_path(paper, context.data_dir),
    )
    base, builder = context.app.config.html_baseurl, context.app.builder
    url = f"{base.rstrip('/')}/{builder.get_target_uri(name)}" if base else None
    head = render("paper_head.html", {**view, "page_url": url})
    return Page(paper.title, head, render("paper.html", view))


def _author_plans(context: _Context) -> dict[str, Plan]:
    """A page per author with enough papers: the papers and the co-authors."""
    digests, plans = context.catalogue.paper_digests, {}
    for author in authors(context.catalogue).values():
        name = AUTHOR.pagename(author.slug)
        key = key_of(
            context.site,
            author.name,
            [(p.id, digests[p.id]) for p in author.papers],
            [(count, context.show(slug)) for slug, count in author.coauthors],
        )
        plans[name] = Plan(key, partial(_author_page, author, context.known, context.links(name)))
    return plans


def _letter_plans(context: _Context) -> dict[str, Plan]:
    """The A-Z index of authors: a page per letter, cut into pages of ``index_page_size``."""
    known, plans = context.known, {}
    counts = letter_counts(known)
    letters: dict[str, list[str]] = {}
    for slug in known.names:
        letters.setdefault(letter_of(slug), []).append(slug)
    size = options(context.app.config).index_page_size
    for letter, group in letters.items():
        first = LETTER.pagename(letter_key(letter))
        parts = [group[at : at + size] for at in range(0, len(group), size)]
        names = [first] + [f"{first}/page-{n}" for n in range(2, len(parts) + 1)]
        for number, (name, part) in enumerate(zip(names, parts, strict=True), 1):
            entries = [(known.counts[slug], context.show(slug)) for slug in part]
            key = key_of(context.site, letter, counts, number, len(parts), entries)
            plans[name] = Plan(
                key,
                partial(
                    _letter_page, letter, part, counts, known, context.links(name), (number, names)
                ),
            )
    return plans


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
    return Page(author.name, description(view), render("author.html", view))


def _letter_page(
    letter: str,
    group: Sequence[str],
    counts: dict[str, int],
    known: Roster,
    links: Links,
    place: tuple[int, list[str]],
) -> Page:
    """One page of a letter's authors; ``place``: its number, and every page's name."""
    number, names = place

    def uri_of(page: int) -> str:
        return str(links.builder.get_relative_uri(links.pagename, names[page - 1]))

    view = letter_view(letter, group, counts, known, links)
    page_of = f"(page {number} of {len(names)})" if len(names) > 1 else ""
    view.update(pager=Markup(pager_html(number, len(names), uri_of)), page_of=page_of)
    title = f"Authors: {letter} {page_of}".strip()
    return Page(title, description(view), render("letter.html", view))
