"""A paper as a sphinx-design card.

A listing of thousands of cards as a tree of ~50 docutils nodes each made every transform,
the pickled doctrees and the writer walk millions of nodes. A card is therefore one
:class:`paper_card` node: its children hold the plain text that search and non-HTML writers
use, and the HTML writer renders the card itself, with every record field escaped and every
link resolved for the current builder.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from html import escape
from typing import Any

from docutils import nodes
from sphinx import addnodes

from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.model import LINK_LABELS, Paper
from ..records.venues import TRACK_LABELS
from .options import options

#: Resolves (label prefix, value) to a URI relative to the current page, or None for no link.
Linker = Callable[[str, str], str | None]


class paper_card(nodes.General, nodes.Element):  # type: ignore[misc]
    """One paper's card; ``paper`` holds its id."""


def is_web_url(url: str | None) -> bool:
    """Only http(s) links become links; anything else stays text."""
    return bool(url) and url.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def label_ref(label: str, text: str, classes: list[str] | None = None) -> nodes.inline:
    """A cross-reference to a std label, wrapped so that its classes survive resolution."""
    xref = addnodes.pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="std",
        reftype="ref",
        reftarget=label,
        refexplicit=True,
        refwarn=True,
    )
    return nodes.inline("", "", xref, classes=classes or [])


def external(url: str, text: str, classes: list[str] | None = None) -> nodes.Node:
    if not is_web_url(url):
        return nodes.inline(text, text, classes=classes or [])
    return nodes.reference(text, text, refuri=url, classes=classes or [])


def card_node(paper: Paper) -> paper_card:
    """The node for a listing; its text is what search indexes."""
    names = [paper.short_name or "", paper.title, *paper.authors, paper.venue_label or ""]
    words = " ".join([*names, *paper.keywords, *paper.methods, *paper.settings]).strip()
    return paper_card("", nodes.paragraph(words, words), paper=paper.id, ids=[paper.id])


def render_card(paper: Paper, catalogue: Catalogue, link: Linker, authors_shown: int) -> str:
    """The card's HTML."""
    parts = [
        f'<div class="sd-card sd-sphinx-override sd-mb-3 sd-shadow-sm ap-card" id="{escape(paper.id)}"'
        f"{facet_attributes(paper, catalogue)}>",
        '<div class="sd-card-body">',
        _title(paper, link("paper", paper.id)),
        _authors(paper, authors_shown),
    ]
    if paper.venue_label or paper.venue_note:
        shown = (
            [_link(link("venue", slugify(paper.venue_label)), paper.venue_label)]
            if paper.venue_label
            else []
        )
        if paper.track:
            shown.append(f'<span class="ap-track">{escape(TRACK_LABELS[paper.track])}</span>')
        if paper.venue_note:
            shown.append(escape(paper.venue_note))
        parts.append(f'<p class="ap-venue">{" · ".join(shown)}</p>')
    if paper.topics:
        topics = " ".join(
            _link(
                link("topic", topic),
                catalogue.topic_by_id[topic].name if topic in catalogue.topic_by_id else topic,
                "sd-badge sd-bg-primary sd-bg-text-primary ap-topic",
            )
            for topic in paper.topics
        )
        parts.append(f'<p class="ap-topics">{topics}</p>')
    if paper.keywords:
        badges = " ".join(
            _link(
                link("keyword", slugify(name)),
                name,
                "sd-badge sd-outline-primary sd-text-primary ap-keyword",
            )
            for name in paper.keywords
        )
        parts.append(f'<p class="ap-keywords">{badges}</p>')
    if paper.methods:
        methods = ", ".join(escape(method) for method in paper.methods)
        parts.append(f'<p class="ap-methods"><strong>Methods: </strong>{methods}</p>')
    if paper.environments or paper.settings:
        items = []
        for env_id in paper.environments:
            env = catalogue.environment_by_id[env_id]
            item = _link(link("env", env.id), env.name)
            if is_web_url(env.url):
                item += f' <a class="reference external ap-external" href="{escape(env.url or "")}" title="Website">↗</a>'
            items.append(f'<span class="ap-environment">{item}</span>')
        items += [
            f'<span class="ap-setting">{escape(setting)}</span>' for setting in paper.settings
        ]
        parts.append(
            f'<p class="ap-environments"><strong>Environments: </strong>{", ".join(items)}</p>'
        )
    if catalogue.also_in.get(paper.id):
        others = ", ".join(
            f'<a class="reference external" href="{escape(url)}">{escape(name)}</a>'
            for name, url in catalogue.also_in[paper.id]
            if is_web_url(url)
        )
        parts.append(f'<p class="ap-also-in">Also in: {others}</p>')
    if paper.scores:
        parts.append(f'<p class="ap-scores">Reviewer scores: {escape(paper.scores)}</p>')
    if paper.note:
        parts.append(f'<p class="ap-note">{escape(paper.note)}</p>')
    if catalogue.dead_links.get(paper.id):
        health = link("link", "health")
        where = (
            f' <a class="reference internal" href="{escape(health)}">Link health</a>'
            if health
            else ""
        )
        parts.append(
            '<p class="ap-dead" role="note">A link of this paper did not answer at the last '
            f"check.{where}</p>"
        )
    parts.append('</div>\n<div class="sd-card-footer ap-footer">')
    own = "Paper" if paper.is_scholarly else str(paper.kind).title()  # a book's link: "Book"
    buttons = [(own, paper.url)] + [(LINK_LABELS[link.kind], link.url) for link in paper.links]
    links = [
        f'<a class="sd-btn sd-btn-outline-primary sd-btn-sm ap-button reference external" href="{escape(url)}">{label}</a>'
        for label, url in buttons
        if is_web_url(url)
    ]
    # Its BibTeX and RIS are on the paper's page: a <pre> in every card was a quarter of a
    # listing's HTML, and the theme's script touched each one.
    page = link("paper", paper.id)
    if paper.is_scholarly and page is not None:
        links.append(
            f'<a class="sd-btn sd-btn-outline-secondary sd-btn-sm ap-button reference internal" href="{escape(page)}#cite">Cite</a>'
        )
    parts.append(f'<p class="ap-links">{" ".join(links)}</p>')
    parts.append("</div>\n</div>\n")
    return "\n".join(parts)


def facet_attributes(paper: Paper, catalogue: Catalogue) -> str:
    """The ``data-facets`` attribute that the page's facets, field queries and sorting read."""
    facets = {
        "title": paper.title,
        "short": paper.short_name or "",
        "year": paper.year or 0,
        "venue": paper.venue or "",
        "track": paper.track or "",
        "added": paper.added or "",
        "authors": list(paper.authors),
        "topics": [[t.id, t.name] for t in catalogue.topics_of(paper)],
        "envs": [[e.id, e.name] for e in catalogue.environments_of(paper)],
        "keywords": list(paper.keywords),
        "methods": list(paper.methods),
        "code": paper.has_code,
        "settings": list(paper.settings),
    }
    text = json.dumps(facets, ensure_ascii=False, separators=(",", ":"))
    return f' data-facets="{escape(text)}"'


def _link(uri: str | None, text: str, classes: str = "") -> str:
    if uri is None:
        return f'<span class="{classes}">{escape(text)}</span>' if classes else escape(text)
    return f'<a class="{classes + " " if classes else ""}reference internal" href="{escape(uri)}">{escape(text)}</a>'


def _title(paper: Paper, page: str | None) -> str:
    """The card's title, leading to the paper's own page (its Paper button leads to the paper)."""
    title = escape(paper.title)
    if paper.short_name:
        title = f'<span class="ap-short-name">{escape(paper.short_name)}</span> {title}'
    if paper.kind and paper.kind != "paper":
        title = f'<span class="sd-badge sd-bg-info sd-bg-text-info ap-kind">{escape(paper.kind.title())}</span> {title}'
    if page is not None:
        title = f'<a class="reference internal" href="{escape(page)}">{title}</a>'
    if paper.highlight:
        title += f' <span class="sd-badge sd-bg-warning sd-bg-text-warning">{escape(paper.highlight)}</span>'
    permalink = f'<a class="headerlink ap-permalink" href="#{escape(paper.id)}" title="Link to this paper">¶</a>'
    return f'<p class="sd-card-title sd-font-weight-bold ap-title">{title}{permalink}</p>'


def _authors(paper: Paper, shown: int) -> str:
    """The first ``shown`` authors; a longer list opens in place to show everyone."""
    everyone = escape(", ".join(paper.authors) + (" et al." if paper.authors_truncated else ""))
    if len(paper.authors) <= shown:
        return f'<p class="ap-authors">{everyone}</p>'
    first = escape(", ".join(paper.authors[:shown]))
    more = len(paper.authors) - shown
    return (
        f'<details class="ap-authors"><summary class="ap-authors-short">{first}'
        f'<span class="ap-more"> +{more} more</span></summary>'
        f'<p class="ap-authors-all">{everyone}</p></details>'
    )


def visit_card_html(self: Any, node: paper_card) -> None:
    """Render the card for the page being written, links relative to it."""
    from .state import catalogue_of

    builder = self.builder
    catalogue = catalogue_of(builder.env)
    labels = builder.env.get_domain("std").labels
    # Links go through the root rather than Sphinx's same-page shortcut, so every page of a
    # folder links alike and each card is rendered once per folder.
    to_root = posixpath.dirname(
        builder.get_relative_uri(builder.current_docname, builder.config.root_doc)
    )
    to_root = f"{to_root}/" if to_root else ""

    def link(prefix: str, value: str) -> str | None:
        """The page labelled ``<prefix>-<value>``, or None when there is none."""
        target = labels.get(f"{prefix}-{value}")
        if target is None:
            return None
        docname, anchor, _ = target
        return f"{to_root}{builder.get_target_uri(docname)}" + (f"#{anchor}" if anchor else "")

    rendered: dict[tuple[str, str], str] = builder.__dict__.setdefault("_awesome_papers_cards", {})
    key = (node["paper"], to_root)
    if key not in rendered:
        paper = catalogue.paper_by_id[node["paper"]]
        rendered[key] = render_card(paper, catalogue, link, options(builder.config).authors_shown)
    self.body.append(rendered[key])
    raise nodes.SkipNode
