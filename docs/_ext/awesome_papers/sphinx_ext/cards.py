"""A paper as a sphinx-design card.

A listing of thousands of cards as a tree of ~50 docutils nodes each made every transform,
the pickled doctrees and the writer walk millions of nodes. A card is therefore one
:class:`paper_card` node: its children hold the plain text that search and non-HTML writers
use, and the HTML writer renders the card itself from the template
``awesome_papers/card.html`` (autoescaped; a project's ``templates_path`` may replace it),
with its links resolved for the current builder, once per paper and folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.model import LINK_LABELS, Paper
from ..records.pagekinds import ENVIRONMENT, KEYWORD, LINK_HEALTH, PAPER, TOPIC, VENUE
from ..records.urls import is_web
from ..records.venues import TRACK_LABELS
from .domain import get_domain
from .options import options
from .rendering import render
from .state import state_of
from .uris import Links

#: Resolves a label to a URI relative to the current page, or None for no link.
Linker = Callable[[str], str | None]


class Linked(NamedTuple):
    """A name on a card, and its page if there is one (a topic, keyword, venue...)."""

    uri: str | None
    name: str


class Place(NamedTuple):
    """An environment on a card: its page, its name, and its own website if http(s)."""

    uri: str | None
    name: str
    website: str | None


class Other(NamedTuple):
    """A list of the family that also has the paper."""

    name: str
    url: str


class Button(NamedTuple):
    """A link button in the card's footer: Paper, Code, Project..."""

    label: str
    url: str


class paper_card(nodes.General, nodes.Element):  # type: ignore[misc]
    """One paper's card; ``paper`` holds its id."""


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
    if not is_web(url):
        return nodes.inline(text, text, classes=classes or [])
    return nodes.reference(text, text, refuri=url, classes=classes or [])


def card_node(paper: Paper) -> paper_card:
    """The node for a listing; its text is what search indexes."""
    return paper_card("", _words(paper), paper=paper.id, ids=[paper.id])


def _words(paper: Paper) -> nodes.paragraph:
    names = [paper.short_name or "", paper.title, *paper.authors, paper.venue_label or ""]
    words = " ".join([*names, *paper.keywords, *paper.methods, *paper.settings]).strip()
    return nodes.paragraph(words, words)


def renew_card_words(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the cards' words as the data is now, in a page written again
    without being read because only its cards changed (``PapersDomain.outdated``)."""
    if docname not in get_domain(app.env).stale_words:
        return
    catalogue = state_of(app.env).catalogue
    for node in doctree.findall(paper_card):
        paper = catalogue.paper_by_id.get(node["paper"])
        if paper is not None:
            node.children = []
            node += _words(paper)


def render_card(paper: Paper, catalogue: Catalogue, link: Linker, authors_shown: int) -> str:
    """The card's HTML, from ``awesome_papers/card.html``."""
    return render("card.html", card_values(paper, catalogue, link, authors_shown))


def card_values(
    paper: Paper, catalogue: Catalogue, link: Linker, authors_shown: int
) -> dict[str, Any]:
    """What the card shows, as plain text and links (the template escapes them): only
    http(s) links to elsewhere, and internal ones where the page exists (``link``)."""
    page, venue = link(PAPER.label(paper.id)), paper.venue_label
    dead = bool(catalogue.dead_links.get(paper.id))
    return {
        "id": paper.id,
        "facets": facets_json(paper, catalogue),
        "page": page,
        "kind": paper.kind.title() if paper.kind and paper.kind != "paper" else None,
        "short_name": paper.short_name,
        "title": paper.title,
        "highlight": paper.highlight,
        **_authors(paper, authors_shown),
        "venue": Linked(link(VENUE.label(slugify(venue))), venue) if venue else None,
        "track": TRACK_LABELS[paper.track] if paper.track else None,
        "venue_note": paper.venue_note,
        "topics": [
            Linked(link(TOPIC.label(topic)), _topic_name(catalogue, topic))
            for topic in paper.topics
        ],
        "keywords": [Linked(link(KEYWORD.label(slugify(k))), k) for k in paper.keywords],
        "methods": list(paper.methods),
        "environments": [
            Place(link(ENVIRONMENT.label(env.id)), env.name, env.url if is_web(env.url) else None)
            for env in map(catalogue.environment_by_id.__getitem__, paper.environments)
        ],
        "settings": list(paper.settings),
        "also_in": [
            Other(name, url) for name, url in catalogue.also_in.get(paper.id, ()) if is_web(url)
        ],
        "scores": paper.scores,
        "note": paper.note,
        "dead": dead,
        "health": link(LINK_HEALTH) if dead else None,
        "buttons": buttons(paper),
        # Its BibTeX and RIS are on the paper's page: a <pre> in every card was a quarter of
        # a listing's HTML, and the theme's script touched each one.
        "cite": f"{page}#cite" if paper.is_scholarly and page is not None else None,
    }


def buttons(paper: Paper) -> list[Button]:
    """The paper's own link and its other links (code, project...), http(s) ones only; a
    book's own link reads "Book", a paper's "Paper"."""
    own = "Paper" if paper.is_scholarly else str(paper.kind).title()
    found = [(own, paper.url), *((LINK_LABELS[extra.kind], extra.url) for extra in paper.links)]
    return [Button(label, url) for label, url in found if is_web(url)]


def _topic_name(catalogue: Catalogue, topic: str) -> str:
    return catalogue.topic_by_id[topic].name if topic in catalogue.topic_by_id else topic


def facets_json(paper: Paper, catalogue: Catalogue) -> str:
    """What the page's facets, field queries and sorting read (``data-facets``)."""
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
    return json.dumps(facets, ensure_ascii=False, separators=(",", ":"))


def _authors(paper: Paper, shown: int) -> dict[str, Any]:
    """Every author; past the first ``shown``, the card opens in place to show them all."""
    everyone = ", ".join(paper.authors) + (" et al." if paper.authors_truncated else "")
    more = max(0, len(paper.authors) - shown)
    return {"authors": everyone, "first_authors": ", ".join(paper.authors[:shown]), "more": more}


def visit_card_html(self: Any, node: paper_card) -> None:
    """Render the card for the page being written, links relative to it."""
    builder = self.builder
    build = state_of(builder.env)
    catalogue, rendered = build.catalogue, build.cards
    # Links go through the root, so each card is rendered once per folder.
    links = Links(builder, builder.current_docname, {})
    key = (node["paper"], links.to_root)
    if key not in rendered:
        paper = catalogue.paper_by_id[node["paper"]]
        shown = options(builder.config).authors_shown
        rendered[key] = render_card(paper, catalogue, links.label, shown)
    self.body.append(rendered[key])
    raise nodes.SkipNode
