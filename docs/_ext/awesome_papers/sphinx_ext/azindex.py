"""The A-Z index of keywords or environments, in pages of ``awesome_papers_index_page_size``.

At 10,000 papers the keyword index held 3,333 entries, 20,000 elements on one page. Its first
page is the index document; the later ones (``keywords/index/page-2``...) are written beside
it, as the later pages of a listing are (:mod:`.plans`). The letters above every page lead to
the page and place where each letter starts.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from docutils import nodes

from .indexlist import Entry, index_html, label_href
from .listing import pager_html


def az_pages(entries: list[Entry], size: int) -> list[list[Entry]]:
    """The entries (A to Z), cut into pages of ``size`` (``awesome_papers_index_page_size``)."""
    return [entries[at : at + size] for at in range(0, len(entries), size)] or [[]]


def az_pagename(docname: str, number: int) -> str:
    return docname if number == 1 else f"{docname}/page-{number}"


def _letter(name: str) -> str:
    initial = name[:1].upper()
    return initial if initial.isalpha() else "#"


def _letter_id(letter: str) -> str:
    return letter.lower() if letter.isascii() and letter.isalpha() else f"u{ord(letter):x}"


def az_html(
    pages: list[list[Entry]],
    number: int,
    uri_of: Callable[[int], str],
    href: Callable[[str], str | None],
) -> str:
    """Page ``number`` (from 1): the letters of every page, this page's entries under their
    letters, and a pager. ``uri_of(n)`` is page n's URI; ``href(label)`` an entry's."""
    starts: dict[str, int] = {}
    for at, page in enumerate(pages, 1):
        for entry in page:
            starts.setdefault(_letter(entry[1]), at)
    jump = " ".join(
        f'<a class="reference internal" href="{escape(uri_of(at) if at != number else "")}'
        f'#letter-{_letter_id(letter)}">{escape(letter)}</a>'
        for letter, at in sorted(starts.items())
    )
    parts = [f'<p class="ap-index-letters">{jump}</p>\n']
    groups: dict[str, list[Entry]] = {}
    for entry in pages[number - 1]:
        groups.setdefault(_letter(entry[1]), []).append(entry)
    for letter, group in sorted(groups.items()):
        anchor = f"letter-{_letter_id(letter)}"
        parts.append(f'<p class="rubric" id="{anchor}">{escape(letter)}</p>\n')
        parts.append(index_html(group, href))
    parts.append(pager_html(number, len(pages), uri_of))
    return '<div class="ap-index-az docutils container">\n' + "".join(parts) + "</div>\n"


class az_index(nodes.General, nodes.Element):  # type: ignore[misc]
    """The first page of an A-Z index; ``entries`` holds all of them, ``size`` a page's."""


def az_node(entries: list[Entry], size: int) -> az_index:
    """The node, for pages of ``size``; its one child is the plain text other writers show."""
    text = ", ".join(f"{name} ({count})" for _, name, count in entries)
    return az_index("", nodes.paragraph(text, text), entries=entries, size=size)


def visit_az_html(self: Any, node: az_index) -> None:
    """Write the first page, with links relative to it."""
    builder = self.builder
    here = builder.current_docname

    def uri_of(number: int) -> str:
        return str(builder.get_relative_uri(here, az_pagename(here, number)))

    pages = az_pages(node["entries"], node["size"])
    self.body.append(az_html(pages, 1, uri_of, label_href(self, node)))
    raise nodes.SkipNode
