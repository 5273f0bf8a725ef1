"""The identifiers a paper is known by (arXiv, DOI, OpenReview): recognised in links and
text, normalised, and turned into the link of the paper's page. The one owner of their
patterns: records, citations, ``new``, ``refresh`` and ``validate`` all ask here.
"""

from __future__ import annotations

import re

#: An arXiv identifier, new style (``2010.02193``) or old (``cs.LG/0703001``), no version.
_ARXIV_ID = r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_ARXIV_URL = re.compile(
    r"^https?://(?:(?:www\.|export\.|browse\.)?arxiv\.org|(?:www\.)?alphaxiv\.org)"
    r"/(?P<view>abs|pdf|html)/"
    rf"{_ARXIV_ID}(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)
_ARXIV_TEXT = re.compile(rf"^(?:arxiv:)?{_ARXIV_ID}$", re.IGNORECASE)
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(?P<doi>10\.\d{4,9}/\S+)$", re.IGNORECASE)
_OPENREVIEW_URL = re.compile(
    r"^https?://(?:www\.)?openreview\.net/(?P<view>forum|pdf)\?(?:.*&)?id=(?P<id>[\w-]+)"
)

#: The kinds of identifier, as ``new`` and ``recognise`` name them.
KINDS = ("arxiv", "doi", "openreview")


def arxiv_id(url: str) -> str | None:
    """``2010.02193`` for any arXiv link to it: abs, pdf, html, any version, export. host,
    and alphaXiv's pages of arXiv papers."""
    match = _ARXIV_URL.match(url.strip())
    return match["id"].lower() if match else None


def arxiv_identifier(text: str) -> str | None:
    """``2010.02193`` from ``2010.02193v2``, ``arXiv:2010.02193`` or any arXiv link."""
    text = text.strip()
    if text.lower().startswith(("http://", "https://")):
        return arxiv_id(text)
    match = _ARXIV_TEXT.match(text)
    return match["id"].lower() if match else None


def arxiv_year(identifier: str) -> int:
    """The year arXiv issued an identifier in: ``2010.02193`` is 2020, ``cs/9912001`` 1999."""
    issued = int(identifier.rpartition("/")[2][:2])
    return issued + (1900 if issued >= 91 else 2000)


def doi(url: str) -> str | None:
    """The DOI of a doi.org link, lowercased as DOIs compare."""
    match = _DOI_URL.match(url.strip())
    return match["doi"].lower().rstrip("/") if match else None


def openreview_id(url: str) -> str | None:
    """The forum id of an OpenReview link, to its forum or its PDF."""
    match = _OPENREVIEW_URL.match(url.strip())
    return match["id"] if match else None


def identifier(kind: str, text: str) -> str:
    """The identifier of ``kind`` that ``text`` gives, bare or as a link to the paper."""
    text = text.strip()
    if kind == "arxiv":
        return arxiv_identifier(text) or text
    if kind == "doi":
        return re.sub(r"^https?://(dx\.)?doi\.org/", "", text, flags=re.IGNORECASE)
    return openreview_id(text) or text.split("&")[0]


def recognise(url: str) -> tuple[str, str] | None:
    """``(kind, identifier)`` of a paper link: arXiv, DOI or OpenReview."""
    if found := arxiv_id(url):
        return "arxiv", found
    if match := _DOI_URL.match(url.strip()):
        return "doi", match["doi"]
    if found := openreview_id(url):
        return "openreview", found
    return None


def page_url(kind: str, identifier: str) -> str:
    """The link of the paper's own page (not its PDF) for an identifier of ``kind``."""
    pages = {
        "arxiv": "https://arxiv.org/abs/{}",
        "doi": "https://doi.org/{}",
        "openreview": "https://openreview.net/forum?id={}",
    }
    return pages[kind].format(identifier)


def pdf_link(url: str) -> str | None:
    """For a link to a PDF of arXiv or OpenReview, the link of the paper's page instead."""
    arxiv, openreview = _ARXIV_URL.match(url.strip()), _OPENREVIEW_URL.match(url.strip())
    if arxiv and arxiv["view"].lower() == "pdf":
        return page_url("arxiv", arxiv["id"].lower())
    if openreview and openreview["view"] == "pdf":
        return page_url("openreview", openreview["id"])
    return None
