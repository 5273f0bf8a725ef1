"""Keys that decide when two spellings, titles or links are the same thing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from functools import cache
from urllib.parse import urlsplit

from .identifiers import arxiv_id, doi

#: Words a record's id leaves out of its title.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "with",
        "via",
        "and",
        "in",
        "on",
        "to",
        "from",
        "by",
        "through",
        "your",
        "is",
        "are",
        "as",
        "at",
        "its",
        "into",
        "over",
        "using",
    ]
)


#: What a slug keeps of a text: runs of anything else become one hyphen.
_SLUG_BREAK = re.compile(r"[^a-z0-9]+")


@cache  # a keyword is slugified for every paper that carries it
def slugify(text: str) -> str:
    """A URL- and label-safe id: ``"Visual RL"`` -> ``"visual-rl"``; accents are dropped
    (ASCII text, most names, skips the decomposition that drops them)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG_BREAK.sub("-", text.lower()).strip("-")


def term_key(text: str) -> str:
    """How two spellings of a keyword or environment are judged the same.

    Case, spacing, hyphens, plurals and the expansion of "RL" do not matter:
    "Visual RL", "visual reinforcement learning" and "Visual-RL" share one key.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.replace("reinforcement learning", "rl")
    words = re.split(r"[\W_]+", folded)
    return "".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def title_key(title: str) -> str:
    """Two records with this key are the same paper."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", title).casefold())


def url_key(url: str) -> str:
    """Two records with this key link the same paper."""
    stripped = re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/")
    host, _, rest = stripped.partition("/")
    return f"{host.lower()}/{rest}"


def identity_keys(url: str = "", title: str = "") -> list[tuple[str, str]]:
    """``(what, key)`` pairs under which two records are one paper: the same link, arXiv id in
    any form, DOI, or title up to case and punctuation. An empty url or title gives none."""
    found = [("url", url_key(url)), ("arXiv id", arxiv_id(url)), ("DOI", doi(url))] if url else []
    found.append(("title", title_key(title)))
    return [(what, key) for what, key in found if key]


def paper_id_for(title: str, url: str = "") -> str:
    """A short slug from the title's significant words: the record's id and file name. A
    title with no Latin letters ("通向AGI之路") takes its words from its address instead:
    the site's name and the page's ("zhihu-597586623")."""
    words = [w for w in slugify(title).split("-") if w and w not in _STOPWORDS]
    if not re.search("[a-z]", "".join(words)) and (site := _address_words(url)):
        words = [*site, *words]
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 48 and slug:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "paper"


def _address_words(url: str) -> list[str]:
    """The words of an address that name it: the site's own name and the last part of its
    path, "https://zhuanlan.zhihu.com/p/597586623" -> ["zhihu", "597586623"]."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return []
    labels = parts.hostname.split(".")
    site = labels[-2] if len(labels) >= 2 else labels[0]
    page = slugify(parts.path.rstrip("/").rsplit("/", 1)[-1])[:16].strip("-")
    return [word for word in (slugify(site), page) if word]


def unique_id(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever ``taken`` does not hold yet."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
