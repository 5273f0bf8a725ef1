"""What every page's ``<head>`` says about it: one description, one viewport tag, no place
held for a filter panel when JavaScript is off, and papers held back while the facets that
the address asks for are not yet applied.

Search engines show a page's meta description under its title; without one they pick a
fragment of the navigation. A page's is its first paragraph of text (a topic's description,
a category's), after its title; the pages written from shells (paper, author, later listing
pages) carry their own.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .azindex import az_index
from .cards import paper_card
from .indexlist import paper_index_list
from .vocabulary import FACETS

#: docutils' viewport tag, which the theme's layout writes already.
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')
#: Without JavaScript, no place is held for a filter panel that will not come.
_NO_SCRIPT = "<noscript><style>.ap-filter-slot { display: none; }</style></noscript>\n"
#: The address parameters of a listing's state (``stateFromSearch``): the query, the sort
#: and one per facet.
_STATE = "|".join(("q", "sort", *(facet.key for facet in FACETS)))
#: With a listing's state in the address, the papers wait for the facets (``revealListings``
#: in awesome_papers_dom.js) instead of all showing first and then jumping to the few.
_NARROWING = (
    f"<script>if (/[?&]({_STATE})=[^&]/.test(location.search)) "
    'document.documentElement.classList.add("ap-narrowing");</script>\n'
)
#: About as much as a search engine shows.
_LONGEST = 200


def page_head(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: drop docutils' second viewport tag and describe the page."""
    metatags = _VIEWPORT.sub("", context.get("metatags", ""))
    shell = context.get("awesome_papers_shell")  # its pages put in their own (standalone.py)
    if not shell and 'name="description"' not in metatags:
        text = _first_paragraph(doctree) if isinstance(doctree, nodes.document) else ""
        title = re.sub(r"<[^>]+>", "", str(context.get("title") or ""))
        project = app.config.project
        about = f"{title}: {text}" if text and title else text or f"{title} · {project}"
        if len(about) > _LONGEST:
            about = about[: _LONGEST - 1].rsplit(" ", 1)[0] + "…"
        metatags += f'<meta name="description" content="{escape(about)}">\n'
    context["metatags"] = metatags + _NO_SCRIPT + _NARROWING


#: Nodes whose paragraph is the plain text other writers show, not prose: a card's words,
#: an index's entries.
_PLAIN_TEXT = (paper_card, paper_index_list, az_index)


def _first_paragraph(doctree: nodes.document) -> str:
    """The text of the first paragraph that says something (not a count of papers, a list
    item, or a card's words)."""
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        if "ap-count" in paragraph["classes"] or isinstance(
            parent, (nodes.list_item, *_PLAIN_TEXT)
        ):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) > 20:
            return text
    return ""
