"""Snapshots of what a reader gets: a card, an index, a paper page, a topic page, the home
page's overview and the README, each compared whole with its stored snapshot.

The other tests assert the facts a reader relies on; these catch every change they do not
name. A change meant to show is accepted with ``python -m pytest tests/test_snapshots.py
-n 0 --snapshot-update``, and its snapshot diff reviewed with the change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from awesome_papers.formats.readme import render_readme
from awesome_papers.records.loader import load_catalogue
from bs4 import BeautifulSoup
from conftest import ROOTS, SMALL_DATA
from sphinx.testing.util import SphinxTestApp
from syrupy.assertion import SnapshotAssertion

#: A page of the built test site and the part of it that is the list's own.
PARTS = {
    "card": ("categories/vision.html", "div.ap-card#drm-dormant-ratio"),
    "keyword-index": ("keywords/index.html", "ul.ap-index"),
    "paper-page": ("papers/dreamerv2.html", "article"),
    "topic-page": ("topics/visual-agents.html", "article"),
    "author-letter": ("authors/letter-h.html", "article"),
    "home-overview": ("index.html", "article"),
}

#: What reference managers, search engines and feed readers read in a page's head.
HEAD = (
    'meta[name^="citation_"], meta[property^="og:"], link[rel="canonical"], link[rel="alternate"]'
)


def soup(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("part", sorted(PARTS))
def test_the_html_a_reader_gets(
    site_build: SphinxTestApp, part: str, snapshot: SnapshotAssertion
) -> None:
    name, selector = PARTS[part]
    found = soup(site_build, name).select_one(selector)
    assert found is not None, selector
    assert found.prettify() == snapshot


@pytest.mark.parametrize("name", ["papers/dreamerv2.html", "topics/visual-agents.html"])
def test_the_head_that_machines_read(
    site_build: SphinxTestApp, name: str, snapshot: SnapshotAssertion
) -> None:
    tags = soup(site_build, name).select(HEAD)
    assert tags
    assert "\n".join(str(tag) for tag in tags) == snapshot


def test_the_readme_a_contributor_gets(snapshot: SnapshotAssertion) -> None:
    template = (ROOTS / "readme-template.md").read_text("utf-8")
    assert render_readme(load_catalogue(SMALL_DATA), template) == snapshot
