"""The site's kinds of page, in one registry: where each kind's pages are, how their labels
read, what their index is called, and which query field narrows to them.

Everything that names a page, files its label or links it reads a :class:`PageKind` here;
``name`` is also the catalogue's grouping (:meth:`.Catalogue.select`) for the kinds with a
page per value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageKind:
    """One kind of page; a page of it is filed as ``<folder>/<stem><value>``."""

    name: str
    folder: str
    #: Its labels are ``<prefix>-<value>``, in the site's ``objects.inv``.
    prefix: str
    #: Its index page's heading, and the line under it.
    title: str
    intro: str = ""
    #: The query field (``topic:``, ``env:``, …) that narrows to one of its pages, if any.
    field: str | None = None
    #: A value gets a page of its own from this many papers (0: every value has one).
    min_papers: int = 0
    #: Its index is A to Z and paged, and its pages are orphans: these kinds grow with the
    #: list, and in a toctree every page's navigation would walk them all.
    az: bool = False
    stem: str = ""

    def label(self, value: str) -> str:
        """The label of the page for ``value``."""
        return f"{self.prefix}-{value}"

    def pagename(self, value: str) -> str:
        """The page for ``value``, from the site's root, without a suffix."""
        return f"{self.folder}/{self.stem}{value}"


TOPIC = PageKind(
    "topic",
    "topics",
    "topic",
    "Topics",
    "The list's subject map: every topic with the number of papers it gathers.",
    field="topic",
)
CATEGORY = PageKind(
    "category", "categories", "category", "Categories", "The list's thematic sections."
)
KEYWORD = PageKind(
    "keyword",
    "keywords",
    "keyword",
    "Keywords",
    "Every keyword of the list, A to Z, with the number of papers that carry it.",
    field="keyword",
    min_papers=2,
    az=True,
)
ENVIRONMENT = PageKind(
    "environment",
    "environments",
    "env",
    "Environments",
    "Every benchmark, simulator and dataset the papers evaluate on.",
    field="env",
    min_papers=2,
    az=True,
)
VENUE = PageKind(
    "venue",
    "venues",
    "venue",
    "Venues",
    "Papers by where and when they appeared, newest first.",
    field="venue",
)
#: The pages Sphinx reads, one per value, in the order of the site's sections.
SECTIONS: tuple[PageKind, ...] = (TOPIC, CATEGORY, KEYWORD, ENVIRONMENT, VENUE)

#: Pages written but not read: one per paper, per author with enough papers, and per
#: letter of the authors' A-Z index.
PAPER = PageKind("paper", "papers", "paper", "Papers")
#: An author gets a page of their own from two papers; below, links go to the paper.
AUTHOR = PageKind("author", "authors", "author", "Authors", field="author", min_papers=2)
LETTER = PageKind("letter", "authors", "authors-letter", "Authors", stem="letter-")

#: Every kind, by name.
KINDS: dict[str, PageKind] = {kind.name: kind for kind in (*SECTIONS, PAPER, AUTHOR, LETTER)}
#: The kinds with a page per value that Sphinx reads, by folder and by name.
BY_FOLDER: dict[str, PageKind] = {kind.folder: kind for kind in SECTIONS}
SECTION_KINDS: dict[str, PageKind] = {kind.name: kind for kind in SECTIONS}

#: The labels of the site's single pages: All papers, the authors' A-Z index and the link
#: report (a kind's own index is ``<folder>-index``).
ALL_PAPERS, AUTHORS_INDEX, LINK_HEALTH = "all-papers", "authors-index", "link-health"
