"""The terms a paper is found by: words, the parts of compound names, pairs of neighbouring
words, and whole names of the list's vocabulary. The browser (``awesome_papers_index.js``)
makes the same terms of a query.

- A *word* is folded (lower case, no accents) and stemmed as Sphinx's search stems it.
- A *part* is a piece of a compound name, cut at case changes, digits and hyphens:
  ``EvolvedGRPO`` gives ``evolved`` and ``grpo``; it weighs less than a whole word.
- A *pair* is two words side by side in one value (``p:world~model``): a query whose words
  stand together somewhere ranks that paper above one where they are scattered.
- A *name* is a whole name of the vocabulary a paper carries (``n:world~model`` for the
  topic "World models", ``n:icml~2022`` for its venue and year): a query that spells one
  ranks those papers first.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator

from ..records.catalogue import Catalogue
from ..records.model import Paper
from ..records.venues import TRACK_LABELS

#: How much a word weighs by where it stands. A paper's short name is how readers know it
#: ("DreamerV2"): it weighs most.
WEIGHTS = {"name": 20, "title": 10, "authors": 5, "subjects": 3, "other": 1}
#: The query language's fields and the prefix of their terms.
FIELD_PREFIXES = {
    "author": "a:",
    "venue": "v:",
    "year": "y:",
    "topic": "t:",
    "env": "e:",
    "keyword": "k:",
    "method": "m:",
    "has": "h:",
}
#: A part of a compound name (``grpo`` of ``EvolvedGRPO``) weighs this much of a word.
PART_WEIGHT = 0.5
#: The fields whose compound names are cut into parts, and whose neighbouring words pair.
PARTED = ("name", "title")
PAIRED = ("name", "title", "subjects")  # authors: ``author:`` finds a whole name
#: What joins the two words of a pair, or the words of a name: sorts after every letter. A
#: pair in a paper's short name or title is joined by one, elsewhere by two: the browser
#: ranks the first above the second.
JOIN = "~"
TITLED = ("name", "title")
#: The prefixes of pairs and of whole names: apart from the words, so that a half-typed
#: word's lookup of every term it begins never reaches them.
PAIR = "p:"
NAME = "n:"
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile("[\u0300-\u036f]")
#: The pieces of a compound word: a capitalised or lower-case run, a run of capitals (not
#: the one that starts the next capitalised run), a run of digits.
_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_A-Za-z]+")
#: Values of a field are separated by these in the text a paper is searched by.
_VALUES = re.compile(r" · |, |; ")


def fold(text: str) -> str:
    """Lower case without accents, as the browser's ``fold`` makes it."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


@functools.lru_cache(maxsize=1 << 18)
def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded, as the browser splits a query."""
    return tuple(_WORD.findall(fold(text)))


@functools.lru_cache(maxsize=1 << 16)
def parts(text: str) -> tuple[str, ...]:
    """The folded parts of the compound words of ``text`` (``EvolvedGRPO``, ``Qwen2``),
    each not already a whole word of it."""
    whole = set(tokens(text))
    found: list[str] = []
    for word in _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFKD", text))):
        pieces = [piece.lower() for piece in _PART.findall(word)]
        if len(pieces) > 1:  # a part of one letter or digit says nothing
            found += (p for p in pieces if len(p) > 1 and p not in whole and p not in found)
    return tuple(found)


def values(text: str) -> list[str]:
    """The separate values of one field's text: its authors, topics, keywords..."""
    return [value for value in _VALUES.split(text) if value]


def pairs(words: list[str], titled: bool = True) -> Iterator[str]:
    """Each two neighbouring (stemmed) words, joined as in a title or elsewhere."""
    join = JOIN if titled else JOIN * 2
    return (f"{PAIR}{a}{join}{b}" for a, b in itertools.pairwise(words))


def name_term(name: str, stem: Callable[[str], str]) -> str:
    """The whole-name term of a vocabulary name: its stemmed words, joined."""
    return NAME + JOIN.join(stem(word) for word in tokens(name))


def searchable_fields(paper: Paper, catalogue: Catalogue) -> dict[str, str]:
    """What a paper is found by, per weight class; the text also gives the result's snippet."""
    topics = [t.name for t in catalogue.topics_of(paper)]
    environments = [e.name for e in catalogue.environments_of(paper)]
    track = TRACK_LABELS.get(paper.track or "")
    venue = [paper.venue_label, track, paper.venue_note]
    other = [*(v for v in venue if v), *environments, *paper.settings]
    if paper.note:
        other.append(paper.note)
    return {
        "name": paper.short_name or "",
        "title": paper.title,
        "authors": ", ".join(paper.authors),
        "subjects": " · ".join([*topics, *paper.keywords, *paper.methods]),
        "other": " · ".join(other),
    }


def field_terms(paper: Paper, catalogue: Catalogue) -> set[str]:
    """The terms that answer field queries: every word of every value, under its prefix."""
    values = {
        "author": paper.authors,
        "venue": [paper.venue] if paper.venue else [],
        "year": [str(paper.year)] if paper.year else [],
        "topic": [f"{t.id} {t.name}" for t in catalogue.topics_of(paper)],
        "env": [f"{e.id} {e.name}" for e in catalogue.environments_of(paper)],
        "keyword": paper.keywords,
        "method": paper.methods,
        "has": ["code"] if paper.has_code else [],
    }
    return {
        FIELD_PREFIXES[field] + word
        for field, texts in values.items()
        for text in texts
        for word in tokens(text)
    }


def names(paper: Paper, catalogue: Catalogue) -> list[str]:
    """The whole names of what a paper is filed under: its topics, environments (and their
    other spellings), venue, and venue with year. (A keyword is the paper's own words, its
    pairs enough: it is not filed under it.)"""
    found = [t.name for t in catalogue.topics_of(paper)]
    for env in catalogue.environments_of(paper):
        found += [env.name, *env.aliases]
    if paper.venue:
        found += [paper.venue, f"{paper.venue} {paper.year}" if paper.year else paper.venue]
    return found


def weigh(
    fields: dict[str, str], stem: Callable[[str], str], aliases: dict[str, str]
) -> dict[str, float]:
    """Each term of a paper's fields with its weight: words, parts of compound names, and
    pairs of neighbouring words within one value. Each word whose stem differs is noted in
    ``aliases`` (``walking``: ``walk``), for a half-typed query."""
    found: dict[str, float] = {}
    for name, text in fields.items():
        weight = WEIGHTS[name]
        for value in values(text) if name in PAIRED else (text,):
            words = tokens(value)
            stems = [stem(word) for word in words]
            for word, term in zip(words, stems, strict=True):
                found[term] = found.get(term, 0) + weight
                if term != word:
                    aliases[word] = term
            if name in PAIRED:
                for pair in pairs(stems, name in TITLED):
                    found[pair] = found.get(pair, 0) + weight
        if name in PARTED:
            for part in parts(text):
                term = stem(part)
                found[term] = found.get(term, 0) + weight * PART_WEIGHT
    return found


def facet_values(paper: Paper, catalogue: Catalogue) -> dict[str, list[str]]:
    """The values the search page's facets offer, as readers know them."""
    return {
        "topic": [t.name for t in catalogue.topics_of(paper)],
        "venue": [paper.venue] if paper.venue else [],
        "year": [str(paper.year)] if paper.year else [],
        "env": [e.name for e in catalogue.environments_of(paper)],
        "has": ["code"] if paper.has_code else [],
    }
