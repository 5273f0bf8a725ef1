"""What the search page offers when a query finds nothing, or few papers: the list's topics,
environments, keywords and venues whose names are near the query, and the words of the list
for "did you mean". One file, fetched only then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..records.catalogue import Catalogue
from ..records.pagekinds import ENVIRONMENT, KEYWORD, TOPIC, VENUE
from .searchterms import tokens

#: The most words kept for spelling suggestions, the commonest first.
WORDS = 20000
#: A page of the vocabulary: its kind as readers call it, the label of its page, its name,
#: and more text it is known by (a topic's description and keywords, other spellings).
Entry = tuple[str, str, str, str]


def entries(catalogue: Catalogue) -> list[Entry]:
    """Every topic, environment, keyword and venue of the list, with its page's label."""
    found: list[Entry] = [
        ("Topic", TOPIC.label(t.id), t.name, " ".join([t.description, *t.keywords]))
        for t in catalogue.topics
    ]
    found += (
        ("Environment", ENVIRONMENT.label(e.id), e.name, " ".join(e.aliases))
        for e in catalogue.environments
    )
    found += (
        ("Keyword", KEYWORD.label(k.slug), k.name, " ".join(k.aliases)) for k in catalogue.keywords
    )
    found += (("Venue", VENUE.label(v.slug), v.label, "") for v in catalogue.venues)
    return found


def suggestions(catalogue: Catalogue, page_of: Callable[[str], str | None]) -> dict[str, object]:
    """``names``: ``[kind, name, url, text]`` of each vocabulary entry that has a page (its
    url from the site's root, by ``page_of(label)``); ``words``: the list's words, the
    commonest first, for spelling suggestions."""
    vocabulary = entries(catalogue)
    names = []
    for kind, label, name, text in vocabulary:
        if (url := page_of(label)) is not None:
            names.append([kind, name, url, text])
    counts: Counter[str] = Counter()
    for paper in catalogue.papers:
        text = " ".join([paper.title, paper.short_name or "", *paper.keywords])
        counts.update(set(tokens(text)))
    for _, _, name, text in vocabulary:
        counts.update(set(tokens(f"{name} {text}")))
    words = [w for w, _ in sorted(counts.items(), key=lambda i: (-i[1], i[0])) if len(w) > 2]
    return {"names": names, "words": words[:WORDS]}
