"""What a link in a record may be. The one owner of "a web link" for every layer: the
importer keeps only these as links, the pages link only these, and ``validate`` refuses
the rest where a page would show them."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_WEB = ("http://", "https://")


def is_web(url: str | None) -> bool:
    """Whether ``url`` is an http(s) link: the only kind that becomes a link on a page."""
    return bool(url) and url.lower().startswith(_WEB)  # type: ignore[union-attr]


def is_mail(url: str) -> bool:
    """Whether ``url`` is a ``mailto:`` link, which the home page's intro may hold."""
    return url.lower().startswith("mailto:")


def has_scheme(url: str) -> bool:
    """Whether ``url`` names its scheme ("https:", "mailto:", "javascript:"): not relative."""
    return _SCHEME.match(url) is not None
