"""An index of links (every keyword, environment, venue) as one node, rendered at write time.

As docutils nodes, the A-Z index of a 10,000-paper list was 3,333 cross-references and some
23,000 nodes for every transform to walk: five seconds of each build that re-read it. One
:class:`paper_index_list` node holds the entries; the HTML writer resolves each label and
writes the list, escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: (label of the entry's page, shown name, number of papers)
Entry = tuple[str, str, int]


class paper_index_list(nodes.General, nodes.Element):  # type: ignore[misc]
    """A list of entries; ``entries`` holds them."""


def index_list(entries: list[Entry]) -> paper_index_list:
    """The node; its one child is the plain text other writers show."""
    text = ", ".join(f"{name} ({count})" for _, name, count in entries)
    return paper_index_list("", nodes.paragraph(text, text), entries=entries)


def index_html(entries: list[Entry], href: Callable[[str], str | None]) -> str:
    """The list, each entry linking ``href(label)`` (not linked when None)."""
    items = []
    for label, name, count in entries:
        shown, uri = escape(name), href(label)
        if uri is not None:
            shown = f'<a class="reference internal" href="{escape(uri)}"><span class="std std-ref">{shown}</span></a>'
        items.append(
            f"<li><p><span>{shown}</span>"
            '<span class="sd-badge sd-bg-secondary sd-bg-text-secondary ap-index-count">'
            f" {count}</span></p></li>"
        )
    return '<ul class="ap-index simple">\n' + "\n".join(items) + "\n</ul>\n"


def label_href(self: Any, node: nodes.Element) -> Callable[[str], str | None]:
    """Resolves a label to a URI relative to the page being written, warning when unknown."""
    builder = self.builder
    labels = builder.env.get_domain("std").labels
    here = builder.current_docname

    def href(label: str) -> str | None:
        if label not in labels:
            logger.warning("undefined label: %r", label, location=node, type="ref", subtype="ref")
            return None
        docname, anchor, _ = labels[label]
        page = builder.get_relative_uri(here, docname) if docname != here else ""
        return str(page) + (f"#{anchor}" if anchor else "")

    return href


def visit_index_list_html(self: Any, node: paper_index_list) -> None:
    """Write the list with links relative to the page being written."""
    self.body.append(index_html(node["entries"], label_href(self, node)))
    raise nodes.SkipNode
