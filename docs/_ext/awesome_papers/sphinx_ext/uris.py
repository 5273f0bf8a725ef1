"""Links from one page of the HTML output to the pages that Sphinx labels.

Every link goes through the site's root rather than Sphinx's same-page shortcut, so every
page of a folder links alike: cards and written pages are rendered once per folder.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import urlencode

from .options import options


class Links:
    """Resolves labels and output files to URIs relative to one page; ``targets`` caches
    each page's URI from the root, shared by every page of a build."""

    def __init__(self, builder: Any, pagename: str, targets: dict[str, str]) -> None:
        self.builder, self.pagename, self.targets = builder, pagename, targets
        self.labels = builder.env.get_domain("std").labels
        # Every link goes through the root: pages of one folder then link alike.
        root = posixpath.dirname(builder.get_relative_uri(pagename, builder.config.root_doc))
        self.to_root = f"{root}/" if root else ""

    def label(self, label: str) -> str | None:
        """The page (and anchor) labelled ``label``; None when there is none."""
        target = self.labels.get(label)
        if target is None:
            return None
        docname, anchor, _ = target
        if docname not in self.targets:
            self.targets[docname] = self.builder.get_target_uri(docname)
        uri = self.to_root + self.targets[docname]
        return f"{uri}#{anchor}" if anchor else uri

    def page(self, docname: str) -> str:
        """The page ``docname`` of the output, labelled or not (such as the search page)."""
        if docname not in self.targets:
            self.targets[docname] = self.builder.get_target_uri(docname)
        return self.to_root + self.targets[docname]

    def search(self, query: str) -> str | None:
        """The paper search opened on ``query``; None when the build writes none (a builder
        without a search page, or ``awesome_papers_search = False``)."""
        if not getattr(self.builder, "search", False) or not options(self.builder.config).search:
            return None
        return f"{self.page('search')}?{urlencode({'q': query})}"
