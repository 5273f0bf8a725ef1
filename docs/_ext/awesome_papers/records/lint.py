"""What ``validate`` refuses in record text beyond the schema: placeholders and leftover markup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Paper
from .yamlfile import join_path

#: The fewest papers a topic may gather: fewer is not yet a subject.
MIN_TOPIC_PAPERS = 3
#: Values ``new`` writes for a contributor to replace.
PLACEHOLDERS = frozenset({"First Author", "Title of the Paper", "TODO", "TBD"})
#: Markup that means a README construct leaked into a record: comments, Markdown links, HTML
#: tags and emphasis markers standing at a word's edge.
_MARKUP = (
    (re.compile(r"<!--|-->"), "an HTML comment"),
    (re.compile(r"\]\("), "a Markdown link"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), "an HTML tag"),
    (re.compile(r"(?:^|\s)[*_]{1,2}\S|\S[*_]{1,2}(?:$|\s)"), "Markdown emphasis"),
)


def placeholder_problems(paper: Paper) -> Iterator[tuple[str, str]]:
    """``(field, message)`` for each value ``new`` left unfilled, and for no author at all."""
    if not paper.authors:
        yield "authors", "must name at least one author"
    for index, name in enumerate(paper.authors):
        if name in PLACEHOLDERS:
            yield join_path("authors", index), f"'{name}' is a placeholder; write the real authors"
    if paper.title in PLACEHOLDERS:
        yield "title", f"'{paper.title}' is a placeholder; write the paper's title"


def markup_problems(paper: Paper) -> Iterator[tuple[str, str]]:
    """``(field, message)`` for each text field that still holds README markup."""
    for name, value in _texts(paper):
        for pattern, what in _MARKUP:
            if pattern.search(value):
                yield name, f"holds {what} ({value!r}); write plain text"
                break


def _texts(paper: Paper) -> Iterator[tuple[str, str]]:
    for name in ("title", "short_name", "venue", "venue_note", "highlight", "note"):
        value = getattr(paper, name)
        if value:
            yield name, value
    for name in ("authors", "keywords", "settings"):
        for index, value in enumerate(getattr(paper, name)):
            yield join_path(name, index), value
