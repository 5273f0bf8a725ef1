"""A table of papers, one row each: "| [Title](u) | Venue | Year | [code](c) |". Its header
names what each column holds; each row is rewritten into the family's own shape, a title-link
line and its sub-lines, which the entry reader then reads as any other entry."""

from __future__ import annotations

import re

from ..records.commonmark import plain_text
from .entry_links import labelled_links, opens_with_link
from .loose import Shape
from .markdown import escape, link_destination

#: What a column holds, by the words of its header (lower case, without marks).
_COLUMNS = {
    "title": {"title", "paper", "papers", "paper title", "name", "method", "model", "work"}
    | {"project", "article"},
    "link": {"link", "links", "url", "pdf", "arxiv", "paper link", "openreview", "doi"},
    "Authors": {"author", "authors"},
    "Venue": {"venue", "conference", "journal", "publication", "published", "published in"}
    | {"pub", "conf", "source", "publisher", "conference/journal"},
    "year": {"year", "date", "time", "published date"},
    "Code": {"code", "github", "repo", "repository", "implementation", "official code"},
    "Key": {"keywords", "keyword", "key words", "tags", "tag", "key", "topics", "topic"},
    "ExpEnv": {"environment", "environments", "env", "expenv", "benchmark", "benchmarks"}
    | {"dataset", "datasets", "task", "tasks"},
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: An image, or a badge that links one ("[![Stars](b)](u)"): no words of a note.
_IMAGE = re.compile(r"\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?")


def read_row(header: tuple[str, ...], cells: tuple[str, ...]) -> Shape | None:
    """The entry a table row holds, as the family would write it; None when it holds none
    (a header with no title column and no cell that opens with a link)."""
    columns = [_column(name) for name in header]
    named = {
        column: cell.strip() for column, cell in zip(columns, cells, strict=False) if cell.strip()
    }
    title = named.get("title") or next(
        (
            cell
            for column, cell in zip(columns, cells, strict=False)
            if column == "" and _linked(cell)
        ),
        None,
    )
    if not title:
        return None
    if _linked(title):
        line = title
    elif url := _first_url(named.get("link", "")):  # "| Title | [PDF](u) |"
        line = f"[{escape(plain_text(title).strip())}]({link_destination(url)})"
    else:
        return None
    sublines = [
        f"{label}: {named[label]}"
        for label in ("Authors", "Code", "Key", "ExpEnv")
        if label in named
    ]
    venue = " ".join(part for part in (named.get("Venue"), _year(named.get("year", ""))) if part)
    if venue and "Venue" in named:
        sublines.append(f"Venue: {venue}")
    elif venue:
        sublines.append(venue)  # a year alone: "2024"
    said = [
        _IMAGE.sub("", cell) for column, cell in zip(columns, cells, strict=False) if column == ""
    ]
    notes = [
        f"Note: {text}" for cell in said if cell != title and (text := plain_text(cell).strip())
    ]
    return Shape(line, None, (*sublines, *notes))


def _column(name: str) -> str:
    """What a column of this header holds; "" for a column of its own (a description)."""
    words = " ".join(re.sub(r"[^\w/ ]", " ", plain_text(name)).casefold().split())
    return next((column for column, names in _COLUMNS.items() if words in names), "")


def _linked(cell: str) -> bool:
    """Whether a cell opens with a link (bare or in emphasis) that is no badge."""
    return opens_with_link(cell) and not cell.lstrip("*_").startswith("[![")


def _first_url(cell: str) -> str:
    """The first web address in a cell, linked or bare; "" when it holds none."""
    return next((link["url"] for link in labelled_links("link", cell)), "")


def _year(cell: str) -> str:
    """The year a date cell names ("2024-03", "Mar 2024"), or ""."""
    found = _YEAR.search(cell)
    return found.group() if found else ""
