"""What ``validate`` warns about: a record that passes every rule but looks wrong in a way
that an expert would query. Each hint is one file's own, found as the file is parsed.

Warnings do not fail ``validate``; ``validate --strict`` fails on them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .identifiers import arxiv_id, pdf_link
from .yamlfile import join_path

#: Hosts of code, not of papers.
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "gitee.com")
#: Kinds of record whose own link is to code.
_CODE_KINDS = frozenset({"codebase"})
#: A lower-case letter followed by a capital, as in "JohnSmith": words joined.
_JOINED = re.compile(r"[a-z][A-Z][a-z]")
#: How the name of a team or company that a paper prints as its author ends: "DeepSeek-AI",
#: "Qwen Team". Such a name is not a person's, and is not judged as one.
_ORGANISATION = re.compile(r"(?:AI|Team|Labs?|Research|Collaboration|Inc\.?)$")
#: Fields whose text search must match as typed.
_SEARCHED = ("title", "short_name")


def record_hints(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(field, message)`` for each thing in a paper record that looks wrong, but for the
    fields its ``checked`` lists."""
    checked = set(record.get("checked", ()))
    for where, message in _hints(record):
        if where.partition("[")[0] not in checked:
            yield where, message


def _hints(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for index, name in enumerate(record.get("authors", ())):
        if message := name_hint(name):
            yield join_path("authors", index), message
    title = record.get("title", "")
    cased = [c for c in title if c.isupper() or c.islower()]
    if len(cased) >= 8 and all(c.isupper() for c in cased):
        yield "title", "is in capitals; write it as the paper prints it, in title case"
    for field in _SEARCHED:
        if message := normal_form_hint(record.get(field)):
            yield field, message
    url = record.get("url", "")
    if page := pdf_link(url):
        yield "url", f"links a PDF; link the paper's page instead: {page}"
    elif is_pdf(url):
        yield "url", "links a PDF; link the paper's page instead"
    elif record.get("kind") not in _CODE_KINDS and (host := code_host(url)):
        yield "url", f"links code on {host}, not the paper; move it to links as kind 'code'"
    if record.get("authors_truncated") and (found := arxiv_id(url)):
        yield (
            "authors_truncated",
            f"arXiv {found} lists every author; write them all and drop authors_truncated",
        )


def name_hint(name: str) -> str | None:
    """Why an author's name looks like a handle or a label, not a name as a paper prints
    it; None when it looks like a name."""
    if not name.strip() or _ORGANISATION.search(name):
        return None
    words = name.split()
    cased = name.upper() != name.lower()
    if any(c.isdigit() or c in "_@" for c in name):
        return f"'{name}' looks like a user handle; write the name the paper prints"
    if cased and name == name.lower():
        return f"'{name}' has no capital; write the name as the paper prints it"
    if _JOINED.search(name) and len(words) == 1:
        return f"'{name}' looks like words joined; write the name with its spaces"
    if len(words) == 1 and cased:
        return f"'{name}' is one word; write the full name the paper prints"
    if cased and sum(c.isalpha() for c in name) > 3 and name == name.upper():
        return f"'{name}' is in capitals; write the name as the paper prints it"
    return None


def normal_form_hint(text: object) -> str | None:
    """Why ``text`` would defeat search (a ligature, a full-width letter): characters that
    NFKC normalisation changes; None when there are none."""
    if not isinstance(text, str) or unicodedata.is_normalized("NFKC", text):
        return None
    odd = [c for c in dict.fromkeys(text) if unicodedata.normalize("NFKC", c) != c]
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in odd)
    fixed = unicodedata.normalize("NFKC", text)
    return f"holds {shown}, which search does not match; write '{fixed}'"


def is_pdf(url: str) -> bool:
    """Whether a link is to a PDF file rather than a page: ``.pdf`` at the end of its path,
    or OpenReview's ``/pdf`` and ``/attachment`` views."""
    path = re.sub(r"^https?://", "", url.strip().lower()).split("?", 1)[0].split("#", 1)[0]
    return path.endswith(".pdf") or path.startswith(
        ("openreview.net/pdf", "openreview.net/attachment", "arxiv.org/pdf")
    )


def code_host(url: str) -> str | None:
    """The code host a link points to, or None."""
    host = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).split("/", 1)[0]
    return host if host in CODE_HOSTS else None
