"""The query language and the facets, as the browser reads them: its one owner.

The build writes them into ``_static/awesome_papers_vocabulary.js``; the listings and the
search page build their query core from it (``awesome_papers_query.js``), so no script keeps
its own copy of the field names, their aliases, or what each facet offers.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ..records.pagekinds import AUTHOR, ENVIRONMENT, KEYWORD, TOPIC, VENUE

#: The file the build writes under ``_static/``.
VOCABULARY_FILE = "awesome_papers_vocabulary.js"


@dataclass(frozen=True)
class Field:
    """A ``name:value`` of the query language, and which of a paper's facets it reads.

    ``match`` says how: ``words`` (one of the values, at the start of a word), ``named``
    (``[id, name]`` pairs: the id, or the name at the start of a word), ``start`` (the values
    joined, at the start of a word), ``exact`` (the value as written), ``flag`` (the facet
    is true and the query says ``flag``).
    """

    name: str
    source: tuple[str, ...]
    match: Literal["words", "named", "start", "exact", "flag"]
    aliases: tuple[str, ...] = ()
    flag: str = ""


@dataclass(frozen=True)
class Facet:
    """A drop-down of a listing and of the search page: its key (in the URL), its label, and
    the paper's facet it offers values of: ``pairs`` of ``[value, name]``, one ``value``, or
    a ``flag`` offered as ``[flag, flag_name]``; its options by ``name``, or ``newest`` first."""

    key: str
    label: str
    source: str
    shape: Literal["pairs", "value", "flag"]
    order: Literal["name", "newest"] = "name"
    flag: str = ""
    flag_name: str = ""


FIELDS: tuple[Field, ...] = (
    Field(str(AUTHOR.field), ("authors",), "words", aliases=("authors",)),
    Field(str(VENUE.field), ("venue",), "start"),
    Field("year", ("year",), "exact"),
    Field(str(TOPIC.field), ("topics",), "named"),
    Field(str(ENVIRONMENT.field), ("envs",), "named", aliases=("environment",)),
    Field(str(KEYWORD.field), ("keywords",), "words", aliases=("kw",)),
    Field("method", ("methods",), "words", aliases=("methods",)),
    Field("has", ("code",), "flag", flag="code"),
    Field("title", ("title", "short"), "start"),
)

FACETS: tuple[Facet, ...] = (
    Facet(str(TOPIC.field), "Topic", "topics", "pairs"),
    Facet(str(VENUE.field), "Venue", "venue", "value"),
    Facet("year", "Year", "year", "value", order="newest"),
    Facet(str(ENVIRONMENT.field), "Environment", "envs", "pairs"),
    Facet("has", "Code", "code", "flag", flag="code", flag_name="Has code"),
)


def vocabulary() -> dict[str, Any]:
    """What the browser's query core is built from (see ``makeQuery``)."""
    aliases = {name: field.name for field in FIELDS for name in (field.name, *field.aliases)}
    return {
        "aliases": aliases,
        "fields": {field.name: asdict(field) for field in FIELDS},
        "facets": [asdict(facet) for facet in FACETS],
    }


def vocabulary_module() -> str:
    """:func:`vocabulary` as an ES module whose default export it is."""
    text = json.dumps(vocabulary(), ensure_ascii=False, indent=1, sort_keys=True)
    return (
        f"/* Written by awesome_papers (vocabulary.py); do not edit. */\nexport default {text};\n"
    )
