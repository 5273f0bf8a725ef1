"""Docutils nodes the cards need beyond the standard ones, with their HTML writers."""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


class details(nodes.General, nodes.Element):
    """A ``<details>`` disclosure: the page stays complete without JavaScript."""


class summary(nodes.General, nodes.TextElement):
    """The always-visible label of a :class:`details`."""


class bibtex_block(nodes.General, nodes.FixedTextElement):
    """A BibTeX entry, shown as preformatted text without syntax highlighting."""


def _visit_details(self: Any, node: details) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="{escape(classes)}">')


def _depart_details(self: Any, node: details) -> None:
    self.body.append("</details>")


def _visit_summary(self: Any, node: summary) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<summary class="{escape(classes)}">' if classes else "<summary>")


def _depart_summary(self: Any, node: summary) -> None:
    self.body.append("</summary>")


def _visit_bibtex(self: Any, node: bibtex_block) -> None:
    self.body.append(f'<pre class="ap-bibtex">{escape(node.astext())}</pre>')
    raise nodes.SkipNode


def _pass(self: Any, node: nodes.Element) -> None:
    """Other writers render the children as they are."""


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    passthrough = (_pass, _pass)
    others = ("latex", "text", "man", "texinfo")
    app.add_node(details, html=(_visit_details, _depart_details), **dict.fromkeys(others, passthrough))
    app.add_node(summary, html=(_visit_summary, _depart_summary), **dict.fromkeys(others, passthrough))
    app.add_node(bibtex_block, html=(_visit_bibtex, None), **dict.fromkeys(others, (_skip, None)))
