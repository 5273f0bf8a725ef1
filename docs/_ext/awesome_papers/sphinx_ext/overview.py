"""The home page's overview and the All papers page: the list at a glance."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri
from sphinx_design.shared import create_component

from ..formats.exports import DOWNLOADS, FACET_INDEX
from ..records.pagekinds import CATEGORY, PAPER, TOPIC, VENUE
from .cards import label_ref
from .directives import _CatalogueDirective
from .indexlist import index_list
from .options import options

#: The attribute of a link to a file at the root of the output: the file's path there.
ROOT_FILE = "ap_root_file"


class PaperOverview(_CatalogueDirective):
    """``paper-overview``: the home page's counts, topic map, categories and newest additions."""

    #: ``:lead: venues`` for a list organised by venue-year (list.yaml's ``group_by``).
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "lead": lambda argument: directives.choice(argument, ("categories", "venues"))
    }
    #: How many of the latest additions the home page lists.
    newest = 8

    def run(self) -> list[nodes.Node]:
        catalogue = self.catalogue
        self.depend(("index", "category", ""))
        self.depend(("index", "topic", ""))
        self.depend(("summary", "", ""))
        summary = (
            f"{_count(len(catalogue.papers), 'paper')} in "
            f"{_count(len(catalogue.categories), 'category', 'categories')}"
            + (f" and {_count(len(catalogue.topics), 'topic')}" if catalogue.topics else "")
            + f", with {_count(len(catalogue.keywords), 'keyword')}, "
            f"{_count(len(catalogue.environments), 'environment')} and "
            f"{_count(len(catalogue.venues), 'venue')}."
        )
        result: list[nodes.Node] = [nodes.paragraph(summary, summary, classes=["ap-overview"])]
        if catalogue.topics:
            counts = catalogue.counts("topic")
            topic_map = nodes.container(classes=["ap-topic-map"])
            topic_map += index_list(
                [(TOPIC.label(t.id), t.name, counts.get(t.id, 0)) for t in catalogue.topics]
            )
            result += [nodes.rubric("Topics", "Topics", classes=["ap-section"]), topic_map]
        # A list organised by venue leads with its venue-years, newest first; its categories
        # (Codebases, Tutorials, ...) follow when it has more than one.
        by_venue = self.options.get("lead") == "venues" or len(catalogue.categories) < 2
        if by_venue:
            result += self.venues()
        if len(catalogue.categories) > 1:
            counts = catalogue.counts("category")
            categories = [
                (CATEGORY.label(c.id), c.title, c.description, counts.get(c.id, 0))
                for c in catalogue.categories
            ]
            result += [
                nodes.rubric("Categories", "Categories", classes=["ap-section"]),
                _grid(categories),
            ]
        result += [*self.latest(), exports("Take the list with you: ")]
        return result

    def venues(self) -> list[nodes.Node]:
        """Every venue-year with its number of papers, newest first."""
        self.depend(("index", "venue", ""))
        counts = self.catalogue.counts("venue")
        venues = index_list(
            [(VENUE.label(v.slug), v.label, counts[v.slug]) for v in self.catalogue.venues]
        )
        return [nodes.rubric("Venues", "Venues", classes=["ap-section"]), venues]

    def latest(self) -> list[nodes.Node]:
        """The papers added last, newest first, each linking its card; nothing when no record
        says when it was added (a list just imported)."""
        self.depend(("latest", "", str(self.newest)))
        dated = self.catalogue.newest(self.newest)
        if not dated:
            return []
        section = nodes.container(classes=["ap-latest"])
        section += nodes.rubric("Newest additions", "Newest additions", classes=["ap-section"])
        items = nodes.bullet_list()
        for paper in dated:
            item = nodes.paragraph()
            item += label_ref(PAPER.label(paper.id), paper.short_name or paper.title)
            item += nodes.Text(f" · {paper.venue_label or ''} · added {paper.added}")
            items += nodes.list_item("", item)
        section += items
        return [section]


class PaperAll(_CatalogueDirective):
    """``paper-all``: every paper as a compact row, drawn in the browser from the facet index.

    At 10,000 papers a page of cards would weigh tens of megabytes; rows from a compact JSON
    index keep the page light. Without JavaScript it points to the category pages, which
    show every card, or to the list's files on a site without such pages.
    """

    def run(self) -> list[nodes.Node]:
        catalogue = self.catalogue
        self.depend(("index", "category", ""))  # its counts add up to the number of papers
        opening = (
            f'<div class="ap-all" data-index="{escape(FACET_INDEX)}">'
            f'<p class="ap-all-loading">Loading {len(catalogue.papers)} papers…</p><noscript>'
        )
        if options(self.config).pages:
            fallback = self.categories()
        else:
            lead = "This page draws its rows with JavaScript. Every paper is also in these files: "
            fallback = [exports(lead)]
        return [
            nodes.raw("", opening, format="html"),
            *fallback,
            nodes.raw("", "</noscript></div>", format="html"),
        ]

    def categories(self) -> list[nodes.Node]:
        """The category pages, which show every card, with their counts."""
        catalogue = self.catalogue
        counts = catalogue.counts("category")
        categories = nodes.bullet_list()
        for category in catalogue.categories:
            item = nodes.paragraph()
            item += label_ref(CATEGORY.label(category.id), category.title)
            item += nodes.Text(f" ({counts.get(category.id, 0)})")
            categories += nodes.list_item("", item)
        note = "This page draws its rows with JavaScript. Every paper is also on its category page:"
        return [nodes.paragraph(note, note), categories]


def exports(lead: str) -> nodes.paragraph:
    """Links to the files the build writes at the root of the output, after ``lead``; each
    page's builder points them there as it writes the page (:func:`point_to_root_files`)."""
    para = nodes.paragraph("", lead, classes=["ap-exports"])
    for index, (name, path) in enumerate(DOWNLOADS):
        para += nodes.Text(", " if index else "")
        para += nodes.reference(name, name, refuri=path, **{ROOT_FILE: path})
    para += nodes.Text(".")
    return para


def point_to_root_files(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each link to a file at the root of the output, from where this
    builder writes the page (``all.html``, or ``all/index.html`` in dirhtml)."""
    here = app.builder.get_target_uri(docname)
    for node in doctree.findall(nodes.reference):
        if ROOT_FILE in node:
            node["refuri"] = relative_uri(here, node[ROOT_FILE])


def _grid(entries: list[tuple[str, str, str, int]]) -> nodes.Node:
    """sphinx-design cards in a grid: (label, title, description, count) each."""
    row = create_component("grid-row", ["sd-row", "sd-row-cols-1", "sd-row-cols-md-3", "sd-g-3"])
    for label, title_text, description, count in entries:
        title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
        title += label_ref(label, title_text)
        shown = f"{count} paper{'' if count == 1 else 's'}"
        body = create_component(
            "card-body",
            ["sd-card-body"],
            children=[
                title,
                nodes.paragraph(description, description),
                nodes.paragraph(shown, shown, classes=["ap-count"]),
            ],
        )
        card = create_component(
            "card", ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm"], children=[body]
        )
        row += create_component("grid-item", ["sd-col", "sd-d-flex-row"], children=[card])
    return create_component(
        "grid-container", ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"], children=[row]
    )


def _count(number: int, one: str, many: str = "") -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
