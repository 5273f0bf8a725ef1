"""Listings bounded by design: a page of cards, never the whole of a large selection.

A category, topic, keyword, environment or venue page shows its first
``awesome_papers_page_size`` cards; the rest are on pages written beside it
(``topics/world-models/page-2``...) from the same shell as the paper pages, each with a pager
that works without JavaScript. A listing of more than one page also gets a file of all its
papers' rows (``listings/<folder>/<value>.json``), from which its facets and query box count
and filter the whole listing. At 10,000 papers one topic page held 2,782 cards: 13 MiB.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from docutils import nodes
from markupsafe import Markup

from ..records.catalogue import Catalogue
from ..records.model import Category, Environment, Keyword, Paper, Topic, Venue
from ..records.pagekinds import BY_FOLDER
from .pages import listed_values
from .state import catalogue_of

#: Where the listings' row files go, from the root of the HTML output.
LISTINGS_DIR = "listings"
#: The place held for a listing's filter panel (see awesome_papers.css).
SLOT = '<div class="ap-filter-slot" aria-hidden="true"></div>\n'
#: Pages named around the current one in a pager, on each side.
_AROUND = 2


@dataclass(frozen=True)
class Listing:
    """The papers of one generated page, cut into pages of ``size``."""

    kind: str
    folder: str
    value: str
    papers: tuple[Paper, ...]
    size: int

    @property
    def docname(self) -> str:
        return f"{self.folder}/{self.value}"

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.papers) // self.size))

    def page(self, number: int) -> tuple[Paper, ...]:
        """The papers on page ``number`` (from 1)."""
        return self.papers[(number - 1) * self.size : number * self.size]

    def pagename(self, number: int) -> str:
        return self.docname if number == 1 else f"{self.docname}/page-{number}"

    @property
    def data_file(self) -> str | None:
        """Its rows file, from the output's root; None for a listing of one page."""
        return f"{LISTINGS_DIR}/{self.folder}/{self.value}.json" if self.pages > 1 else None


def listing(catalogue: Catalogue, folder: str, value: str, size: int) -> Listing:
    kind = BY_FOLDER[folder].name
    return Listing(kind, folder, value, catalogue.select(kind, value), size)


def listings(catalogue: Catalogue, size: int) -> list[Listing]:
    """Every generated listing page's listing."""
    return [
        listing(catalogue, folder, value, size)
        for folder, values in listed_values(catalogue).items()
        for value in values
    ]


def listing_pager(current: int, listing: Listing, uri_of: Callable[[int], str]) -> str:
    """A listing's pager, whose ``data-`` attributes tell the page's script where the whole
    listing's rows are."""
    data = (
        f'data-listing="{escape(listing.data_file or "")}" data-page="{current}" '
        f'data-size="{listing.size}" data-total="{len(listing.papers)}"'
    )
    return pager_html(current, listing.pages, uri_of, data)


def pager_html(current: int, pages: int, uri_of: Callable[[int], str], data: str = "") -> str:
    """Links to the first, previous, nearby, next and last of ``pages``; empty for one."""
    if pages < 2:
        return ""
    shown = sorted({1, pages, *range(max(1, current - _AROUND), min(pages, current + _AROUND) + 1)})
    items: list[str] = []
    if current > 1:
        items.append(_page_link(uri_of(current - 1), "Previous", 'rel="prev"'))
    last = 0
    for number in shown:
        if number > last + 1:
            items.append('<li class="ap-pager-gap" aria-hidden="true">…</li>')
        if number == current:
            items.append(f'<li><span aria-current="page">{number}</span></li>')
        else:
            items.append(_page_link(uri_of(number), str(number), f'aria-label="Page {number}"'))
        last = number
    if current < pages:
        items.append(_page_link(uri_of(current + 1), "Next", 'rel="next"'))
    return (
        f'<nav class="ap-pager" aria-label="Pages of this list: page {current} of {pages}" {data}>'
        f"<ul>{''.join(items)}</ul></nav>\n"
    )


def _page_link(uri: str, text: str, attributes: str) -> str:
    return f'<li><a class="reference internal" href="{escape(uri)}" {attributes}>{text}</a></li>'


def range_text(listing: Listing, number: int) -> str:
    """ "Papers 51-100 of 2,782", or "12 papers" for a listing of one page."""
    total = len(listing.papers)
    if listing.pages == 1:
        return f"{total} paper{'s' if total != 1 else ''}"
    first = (number - 1) * listing.size + 1
    return f"Papers {first}\u2013{first + len(listing.page(number)) - 1} of {total:,}"


class pager_node(nodes.General, nodes.Element):  # type: ignore[misc]
    """The pager of a listing's first page: its ``folder``, ``value`` and page ``size``."""


def visit_pager_html(self: Any, node: pager_node) -> None:
    """Links relative to the page being written: the listing's first page."""
    builder = self.builder
    shown = listing(catalogue_of(builder.env), node["folder"], node["value"], node["size"])

    def uri_of(number: int) -> str:
        return str(builder.get_relative_uri(builder.current_docname, shown.pagename(number)))

    self.body.append(listing_pager(1, shown, uri_of))
    raise nodes.SkipNode


def subject_title(subject: Category | Topic | Keyword | Environment | Venue) -> str:
    """A generated page's title: a category's title, a venue's label, any other's name."""
    if isinstance(subject, Category):
        return subject.title
    if isinstance(subject, Venue):
        return subject.label
    return subject.name


def listing_view(
    title: str,
    shown: Listing,
    number: int,
    card: Callable[[Paper], str],
    uri_of: Callable[[int], str],
) -> dict[str, Any]:
    """What page ``number`` (from 2) of a listing titled ``title`` shows: ``card(paper)`` is
    a card's HTML."""
    return {
        "id": f"{shown.value}-page-{number}",
        "title": title,
        "page": number,
        "pages": shown.pages,
        "first": uri_of(1),
        "count": range_text(shown, number),
        "slot": Markup(SLOT),
        "cards": Markup("".join(card(paper) for paper in shown.page(number))),
        "pager": Markup(listing_pager(number, shown, uri_of)),
        "description": f"{range_text(shown, number)} in {title}: page {number} of {shown.pages}.",
    }
