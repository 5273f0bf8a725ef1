"""The pages written beside a long listing's and an A-Z index's first: pages 2 and on.

A page's key holds what each of its cards shows and which of the pages it links exist (a
keyword's page comes with its second paper), so that an edit re-renders the pages that show
it, not every page.
"""

from __future__ import annotations

from functools import partial

from markupsafe import Markup
from sphinx.application import Sphinx

from ..records.catalogue import Catalogue
from ..records.model import Paper
from ..records.pagekinds import BY_FOLDER, SECTIONS
from .azindex import az_html, az_pagename, az_pages
from .cards import render_card
from .directives import index_entries
from .indexlist import Entry
from .listing import Listing, listing_view, listings, subject_title
from .options import options
from .pageplan import Page, Plan, description, key_of, links_to
from .rendering import render
from .uris import Links


def listing_plans(
    app: Sphinx, catalogue: Catalogue, site: str, targets: dict[str, str]
) -> dict[str, Plan]:
    """The second and later pages of each long listing, by pagename."""
    std = app.env.get_domain("std").labels  # type: ignore[attr-defined]
    size, shown = options(app.config).page_size, options(app.config).authors_shown
    digests, builder = catalogue.paper_digests, app.builder
    cards: dict[str, tuple[object, ...]] = {}

    def card(paper: Paper) -> tuple[object, ...]:
        """What a card shows: the paper, and which of the pages it links exist."""
        if paper.id not in cards:
            cards[paper.id] = (
                digests[paper.id],
                catalogue.also_in.get(paper.id),
                catalogue.dead_links.get(paper.id),
                [label in std for label in links_to(paper)],
            )
        return cards[paper.id]

    plans: dict[str, Plan] = {}
    for each in listings(catalogue, size):
        subject = catalogue.subject(each.kind, each.value)
        title = subject_title(subject) if subject else each.value
        for number in range(2, each.pages + 1):
            name = each.pagename(number)
            papers = [card(paper) for paper in each.page(number)]
            key = key_of(site, shown, title, number, each.pages, len(each.papers), papers)
            links = Links(builder, name, targets)
            page = partial(_listing_page, catalogue, title, each, number, links, shown)
            plans[name] = Plan(key, page)
    return plans


def _listing_page(
    catalogue: Catalogue, title: str, shown: Listing, number: int, links: Links, authors: int
) -> Page:
    def uri_of(page: int) -> str:
        return str(links.builder.get_relative_uri(links.pagename, shown.pagename(page)))

    view = listing_view(
        title,
        shown,
        number,
        lambda paper: render_card(paper, catalogue, links.label, authors),
        uri_of,
    )
    title = f"{view['title']} (page {number} of {shown.pages})"
    return Page(title, description(view), render("listing.html", view))


def index_plans(
    app: Sphinx, catalogue: Catalogue, site: str, targets: dict[str, str]
) -> dict[str, Plan]:
    """The second and later pages of the A-Z indexes of keywords and environments."""
    std = app.env.get_domain("std").labels  # type: ignore[attr-defined]
    plans: dict[str, Plan] = {}
    for kind in (kind for kind in SECTIONS if kind.az):
        entries = index_entries(catalogue, kind.name)
        pages, folder = az_pages(entries, options(app.config).index_page_size), kind.folder
        for number in range(2, len(pages) + 1):
            name = az_pagename(f"{folder}/index", number)
            # What each entry shows, and the page it leads to.
            shown = [(entry, std.get(entry[0], ("",))[0]) for entry in pages[number - 1]]
            key = key_of(site, kind.name, number, [len(page) for page in pages], shown)
            links = Links(app.builder, name, targets)
            plans[name] = Plan(key, partial(_index_page, folder, pages, number, links))
    return plans


def _index_page(folder: str, pages: list[list[Entry]], number: int, links: Links) -> Page:
    def uri_of(page: int) -> str:
        other = az_pagename(f"{folder}/index", page)
        return str(links.builder.get_relative_uri(links.pagename, other))

    heading = BY_FOLDER[folder].title
    title = f"{heading} (page {number} of {len(pages)})"
    view = {
        "title": heading,
        "page_of": f"(page {number} of {len(pages)})",
        "body": Markup(az_html(pages, number, uri_of, links.label)),
        "description": f"{heading} of this list, A to Z: page {number} of {len(pages)}.",
    }
    return Page(title, description(view), render("azpage.html", view))
