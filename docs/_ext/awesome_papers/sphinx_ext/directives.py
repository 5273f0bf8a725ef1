"""Directives that render the catalogue: card listings, generated pages, indexes, the overview."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx_design.shared import create_component

from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.model import Category, Environment, Keyword, Paper, Topic, Venue
from ..records.pagekinds import PAPER, SECTION_KINDS, TOPIC
from .azindex import az_node
from .cards import card_node, external, label_ref
from .domain import Selection, get_domain
from .indexlist import Entry, index_list
from .listing import (
    SLOT,
    Listing,
    pager_node,
    range_text,
    subject_title,
)
from .options import options
from .state import catalogue_of

logger = logging.getLogger(__name__)

_KINDS = ("category", "topic", "keyword", "environment", "venue", "year")


class _CatalogueDirective(SphinxDirective):
    """Shared plumbing: the catalogue, dependencies on data files, and the selections shown."""

    @property
    def catalogue(self) -> Catalogue:
        return catalogue_of(self.env)

    def depend(self, selection: Selection) -> None:
        get_domain(self.env).note_selection(self.env.docname, selection, self.catalogue)

    def cards(self, papers: Sequence[Paper], count: str = "") -> nodes.container:
        container = create_component("paper-cards", ["ap-cards"])
        if len(papers) > 1:  # where awesome_papers.js puts the filter panel
            container += nodes.raw("", SLOT, format="html")
        count = count or f"{len(papers)} paper{'s' if len(papers) != 1 else ''}"
        container += nodes.paragraph(count, count, classes=["ap-count"])
        for paper in papers:
            container += card_node(paper)
        return container

    def selection(self, kind: str, value: str) -> tuple[Paper, ...]:
        value = value if kind in {"category", "topic", "environment", "year"} else slugify(value)
        papers = self.catalogue.select(kind, value)
        self.depend(("select", kind, value))
        return papers


class PaperCards(_CatalogueDirective):
    """``paper-cards``: the papers of one category, keyword, environment, venue or year."""

    option_spec: ClassVar[dict[str, Callable[[str], str]]] = dict.fromkeys(
        _KINDS, directives.unchanged_required
    )

    def run(self) -> list[nodes.Node]:
        chosen = [(kind, value) for kind, value in self.options.items() if kind in _KINDS]
        if len(chosen) != 1:
            raise self.error(f"paper-cards takes exactly one of :{': :'.join(_KINDS)}:")
        kind, value = chosen[0]
        papers = self.selection(kind, value)
        if not papers:
            logger.warning(
                "paper-cards: no papers with %s %r",
                kind,
                value,
                location=self.get_location(),
                type="awesome_papers",
                subtype="empty",
            )
        return [self.cards(papers)]


class PaperPage(_CatalogueDirective):
    """``paper-page:: KIND VALUE``: a whole generated page, its title taken from the data."""

    required_arguments = 2

    def run(self) -> list[nodes.Node]:
        kind, value = self.arguments
        subject = self.catalogue.subject(kind, value)
        if subject is None:
            raise self.error(f"paper-page: no {kind} {value!r} in the data")
        title = subject_title(subject)
        label = SECTION_KINDS[kind].label(value)
        section = nodes.section(ids=[label], names=[label])
        section += nodes.title(title, title)
        section.extend(_intro(subject, self.catalogue))
        folder = SECTION_KINDS[kind].folder
        size = options(self.config).page_size
        shown = Listing(kind, folder, value, self.selection(kind, value), size)
        cards = self.cards(shown.page(1), range_text(shown, 1))
        if shown.pages > 1:
            cards += pager_node(folder=folder, value=value, size=shown.size)
        section += cards
        self.state.document.note_implicit_target(section, section)
        get_domain(self.env).note_label(self.env.docname, label, label, title)
        return [section]


def _intro(
    subject: Category | Topic | Keyword | Environment | Venue, catalogue: Catalogue
) -> list[nodes.Node]:
    """What the introduction of a generated page shows, below its title."""
    if isinstance(subject, Topic):
        return _topic_intro(subject, catalogue)
    if isinstance(subject, Category):
        intro: list[nodes.Node] = [nodes.paragraph(subject.description, subject.description)]
        if subject.rule:
            rule = nodes.paragraph(classes=["ap-rule"])
            rule += nodes.strong("What belongs here: ", "What belongs here: ")
            rule += nodes.Text(subject.rule)
            intro.append(rule)
        return intro
    if isinstance(subject, Keyword) and subject.aliases:
        aliases = f"Also written: {', '.join(subject.aliases)}."
        return [nodes.paragraph(aliases, aliases, classes=["ap-aliases"])]
    if isinstance(subject, Environment) and subject.url:
        website = nodes.paragraph(classes=["ap-environment-link"])
        website += nodes.Text("Website: ")
        website += external(subject.url, subject.url)
        return [website]
    return []


def entry_label(catalogue: Catalogue, kind: str, value: str) -> str:
    """The label an index entry links: its page, or the one card of a keyword or environment
    with fewer papers than its kind's ``min_papers``, which has no page."""
    papers, page = catalogue.select(kind, value), SECTION_KINDS[kind]
    if 0 < len(papers) < page.min_papers:
        return PAPER.label(papers[0].id)
    return page.label(value)


def _topic_intro(topic: Topic, catalogue: Catalogue) -> list[nodes.Node]:
    """The description, the related topics, and how many papers each year brought."""
    intro: list[nodes.Node] = [nodes.paragraph(topic.description, topic.description)]
    related = [catalogue.topic_by_id[t] for t in topic.related if t in catalogue.topic_by_id]
    if related:
        para = nodes.paragraph(classes=["ap-related"])
        para += nodes.strong("Related topics: ", "Related topics: ")
        for index, other in enumerate(related):
            para += nodes.Text(", " if index else "")
            para += label_ref(TOPIC.label(other.id), other.name)
        intro.append(para)
    years: dict[int, int] = {}
    for paper in catalogue.select("topic", topic.id):
        if paper.year:
            years[paper.year] = years.get(paper.year, 0) + 1
    if years:
        text = " · ".join(f"{year}: {count}" for year, count in sorted(years.items(), reverse=True))
        para = nodes.paragraph(classes=["ap-years"])
        para += nodes.strong("Papers per year: ", "Papers per year: ")
        para += nodes.Text(text)
        intro.append(para)
    return intro


class PaperIndex(_CatalogueDirective):
    """``paper-index:: KIND``: every category, keyword, environment or venue with its count."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in SECTION_KINDS:
            raise self.error(f"paper-index: unknown kind {kind!r}")
        self.depend(("index", kind, ""))
        entries = index_entries(self.catalogue, kind)
        if SECTION_KINDS[kind].az:
            return [az_node(entries, options(self.config).index_page_size)]
        return [index_list(entries)]


def index_entries(catalogue: Catalogue, kind: str) -> list[Entry]:
    """Every category, keyword... of ``kind`` with papers: its label, name and count."""
    counts = catalogue.counts(kind)
    return [
        (entry_label(catalogue, kind, value), name, counts[value])
        for value, name in catalogue.named(kind)
        if counts.get(value)
    ]
