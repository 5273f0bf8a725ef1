"""What reference managers and search engines read from a paper's page: Highwire Press
``citation_*`` tags (Google Scholar, Zotero, Mendeley) and OpenGraph."""

from __future__ import annotations

from ..records.identifiers import arxiv_id, doi
from ..records.model import Paper
from .bibtex import JOURNALS


def citation_tags(paper: Paper) -> list[tuple[str, str]]:
    """``(name, content)`` of each ``<meta name=...>`` tag; content is plain text, to escape."""
    tags = [("citation_title", paper.title)]
    tags += [("citation_author", name) for name in paper.authors]
    if paper.year:
        tags.append(("citation_publication_date", str(paper.year)))
    venue = paper.venue or ""
    if venue.casefold() == "arxiv":
        tags.append(("citation_journal_title", "arXiv"))
    elif venue.casefold() in JOURNALS:
        tags.append(("citation_journal_title", venue))
    elif venue:
        tags.append(("citation_conference_title", venue))
    if found := doi(paper.url):
        tags.append(("citation_doi", found))
    if found := arxiv_id(paper.url):
        tags.append(("citation_arxiv_id", found))
    if paper.url.lower().startswith(("http://", "https://")):
        tags.append(("citation_abstract_html_url", paper.url))
    return tags


def description(paper: Paper) -> str:
    """One sentence for ``<meta name="description">`` and ``og:description``."""
    authors = ", ".join(paper.authors[:3]) + (" et al." if len(paper.authors) > 3 else "")
    where = f" ({paper.venue_label})" if paper.venue_label else ""
    by = f" by {authors}" if authors else ""
    keywords = f" Keywords: {', '.join(paper.keywords)}." if paper.keywords else ""
    return f"{paper.title}{by}{where}.{keywords}"
