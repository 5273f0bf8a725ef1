"""The one HTTP client the remote commands share, and the error they all raise.

httpx is imported when a request is made, not with the command line: `validate` and `readme`
never make one, and importing httpx was a third of their start-up."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..about import __version__

if TYPE_CHECKING:
    import httpx

#: Seconds a service or a linked host has to answer (tests shorten it).
TIMEOUT = float(os.environ.get("AWESOME_PAPERS_TIMEOUT", "10"))
USER_AGENT = f"awesome-papers/{__version__} (+https://github.com/opendilab)"
#: Each service's base URL, and the variable that replaces it (tests point them at a local server).
SERVICES = {
    "arXiv": ("AWESOME_PAPERS_ARXIV_API", "https://export.arxiv.org/api/query"),
    "Crossref": ("AWESOME_PAPERS_CROSSREF_API", "https://api.crossref.org/works/"),
    "OpenReview": ("AWESOME_PAPERS_OPENREVIEW_API", "https://api2.openreview.net/notes"),
    "Semantic Scholar": (
        "AWESOME_PAPERS_S2_API",
        "https://api.semanticscholar.org/graph/v1/paper/",
    ),
}


class ServiceError(Exception):
    """A service could not answer: the message says which, why, and what to do."""


def base_url(service: str) -> str:
    variable, default = SERVICES[service]
    return os.environ.get(variable, default)


def client() -> httpx.Client:
    """A client with this tool's timeout, User-Agent and redirects followed."""
    import httpx

    return httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}, follow_redirects=True)


def get(service: str, url: str, params: dict[str, str] | None = None) -> httpx.Response:
    """GET ``url`` of ``service``; any failure becomes one :class:`ServiceError` line."""
    import httpx

    try:
        with client() as http:
            response = http.get(url, params=params)
    except httpx.TimeoutException:
        raise ServiceError(
            f"{service} did not answer within {TIMEOUT:.0f} s; try again later"
        ) from None
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise ServiceError(
            f"{service} cannot be reached ({reason}); check your network and try again"
        ) from None
    if response.status_code == 404:
        raise ServiceError(f"{service} knows no such paper ({url})")
    if response.status_code >= 400:
        raise ServiceError(
            f"{service} answered {response.status_code} {response.reason_phrase}; try again later"
        )
    return response


def get_json(service: str, url: str, params: dict[str, str] | None = None) -> Any:
    response = get(service, url, params)
    try:
        return response.json()
    except ValueError:
        raise ServiceError(f"{service} answered something that is not JSON ({url})") from None


@contextmanager
def reading(service: str, what: str) -> Iterator[None]:
    """Read an answer of ``service`` about ``what``: one of a shape the reader does not expect
    (a list for an object, a number for a name) is the service's fault, one ServiceError line."""
    try:
        yield
    except (AttributeError, TypeError, KeyError, IndexError, ValueError, OverflowError):
        raise ServiceError(
            f"{service} answered about {what} in a form this tool does not read"
        ) from None
