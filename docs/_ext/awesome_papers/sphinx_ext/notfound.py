"""The site's own 404 page, through sphinx-notfound-page, and its favicon.

A mistyped address gets a page with the site's navigation and search instead of the host's
bare 404. The host serves that one page at any depth, so its links are absolute: rooted where
the site is published (Read the Docs' ``/<language>/<version>/``, or the path of
``html_baseurl`` elsewhere).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from sphinx.application import Sphinx
from sphinx.config import Config

FAVICON = Path(__file__).parent / "static" / "favicon.svg"


def setup_notfound(app: Sphinx) -> None:
    """Register sphinx-notfound-page and fill in its prefix, its text and our favicon."""
    app.setup_extension("notfound.extension")
    app.connect("config-inited", _configure, priority=600)


def _configure(app: Sphinx, config: Config) -> None:
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)
    if _unset(config, "notfound_urls_prefix") and "READTHEDOCS_CANONICAL_URL" not in os.environ:
        config.notfound_urls_prefix = _rooted(urlparse(config.html_baseurl).path)
    if _unset(config, "notfound_context"):
        config.notfound_context = {"title": "Page not found", "body": _body(config)}


def _unset(config: Config, name: str) -> bool:
    return bool(config[name] == config.values[name].default)


def _rooted(path: str) -> str:
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _body(config: Config) -> str:
    home = config.notfound_urls_prefix or "/"
    return (
        "<h1>Page not found</h1>\n"
        "<p>Nothing lives at this address: the link may be mistyped, or the page may have "
        "moved.</p>\n"
        "<ul>\n"
        f'<li><a href="{home}">The home page</a> leads to every topic and category.</li>\n'
        f'<li><a href="{home}all/">All papers</a> lists the whole list, with filters.</li>\n'
        "<li>The search box at the top of every page finds a paper by its title, short name, "
        "authors or keywords.</li>\n"
        "</ul>\n"
    )
