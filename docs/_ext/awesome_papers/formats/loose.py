"""Entries written otherwise than "- [Title](url)": a venue tag before the title link
("[ICLR 2024] [T](u)"), or the title as text with its links after it
("**T**. A. Lee, B. Chen. ICLR 2024. [[paper](u)] [[code](c)]", "T [[arXiv]](u)").

Each is rewritten into the family's own shape, a line that starts with the title link and
the sub-lines below it, which the entry reader then reads as it reads any other entry. A
text is read as an entry only where a link is plainly the paper's: labelled so ("paper",
"PDF", "arXiv") or an arXiv, OpenReview or DOI address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..records.commonmark import plain_text
from ..records.identifiers import recognise
from ..records.urls import is_web
from ..records.venues import undated, venue_in
from .entry_links import BARE_URL, link_at, opens_with_link
from .markdown import escape, link_destination

#: A tag in brackets before the title: a venue ("[ICLR 2024]", "(NeurIPS'23)", "**[arXiv]**"),
#: or who published it ("[OpenAI]", "[Video]"); not a link's label ("[T](u)").
_TAG = re.compile(
    r"^(?:\*\*|__)?[\[(【（]\s*(?P<tag>[^\[\]()【】（）]{1,40}?)\s*[\])】）](?:\*\*|__)?(?!\()"
    r"\s*(?:[-–—:|]\s*)?",
)
#: Labels of the link to the paper itself, in lower case without brackets.
PAPER_LABELS = frozenset(
    {"paper", "pdf", "arxiv", "openreview", "link", "url", "doi", "abs", "abstract"}
    | {"proceedings", "publication", "article", "html", "acm", "ieee", "springer", "nature"}
)
#: Quotes and emphasis that may wrap a title written as text, and their closers.
_WRAPS = {"**": "**", "__": "__", "*": "*", "_": "_", '"': '"', "“": "”", "「": "」", "《": "》"}
#: Where a title written as text ends and what follows begins: a period that ends a
#: sentence (not an initial's), or a dash or bar between spaces.
_BREAK = re.compile(r"(?<!\b[A-Z])\.\s+(?=\S)|\s+[-–—|]\s+|\s*<br\s*/?>\s*", re.IGNORECASE)
#: A colon after a short name in emphasis, and the title after it: "**SayCan**: "Do As I Can"".
_NAMED = re.compile(r"^\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
#: A code span, whose text is never a link: "`{"url": "https://..."}`".
_CODE_SPAN = re.compile(r"(`+).+?\1")
#: An address written bare, or in angle brackets (an autolink).
_BARE = re.compile(rf"<?(?P<url>{BARE_URL.pattern})>?")
_JUNK = " \t.,;:|-–—[](){}【】"


@dataclass(frozen=True)
class Shape:
    """An entry rewritten as the family writes one."""

    #: The title link first, then the entry's other links: "[T](u) [code](c)".
    line: str
    #: A venue tag that stood before the title ("ICLR 2024"), if any.
    venue: str | None = None
    #: Lines to read as the entry's sub-lines: "Authors: ...", "Venue: ...", "Note: ...".
    sublines: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Link:
    start: int
    end: int
    label: str
    url: str


def read_shape(text: str) -> Shape | None:
    """``text``, a list item's, as an entry of the family's shape; None when it is none."""
    venue = None
    if tag := _TAG.match(text):
        said, after = plain_text(tag["tag"]).strip(), text[tag.end() :]
        dated = venue_in(said) is not None or said.casefold() == "arxiv"
        link = link_at(after, after.index("[")) if opens_with_link(after) else None
        if link is not None and is_web(link[1]):
            return Shape(after, said) if dated else Shape(after, sublines=(f"Note: {said}",))
        if dated:  # "[ICLR 2024] **Title**. [[paper](u)]"
            venue, text = said, after
    links = _links(text)
    paper = next((link for link in links if _is_papers(link)), None)
    if paper is None:
        return None
    title, middle, named = _title(text[: links[0].start])
    if not title:
        return None
    others = " ".join(
        f"[{link.label}]({link_destination(link.url)})" for link in links if link is not paper
    )
    # What follows the links is read as what follows a title link: "(arXiv 2025)", "- CoRL 2023".
    after = text[links[-1].end :].lstrip("]) ")
    line = f"[{escape(title)}]({link_destination(paper.url)}) {others} {after}".strip()
    between = [plain_text(text[a.end : b.start]).strip(_JUNK) for a, b in pairwise(links)]
    notes = tuple(f"Note: {piece}" for piece in [named, *between] if piece)
    return Shape(line, venue, _sublines(middle) + notes)


def _links(text: str) -> list[_Link]:
    """The web links of ``text``, in order: a link around an image ("[![Stars](b)](u)") too,
    and a bare address ("https://arxiv.org/abs/...", "<https://...>"), unlabelled."""
    found, position = [], 0
    text = _CODE_SPAN.sub(lambda span: " " * len(span.group()), text)  # code is no link
    while (start := text.find("[", position)) != -1:
        link = link_at(text, start)
        if link is None or not is_web(link[1]):
            position = start + 1
            continue
        found.append(_Link(start, link[2], link[0], link[1]))
        position = link[2]
    for bare in _BARE.finditer(text):
        if not any(link.start <= bare.start() < link.end for link in found):
            found.append(_Link(bare.start(), bare.end(), "", bare["url"].rstrip(".,;")))
    return sorted(found, key=lambda link: link.start)


def _is_papers(link: _Link) -> bool:
    """Whether ``link`` is plainly to the paper: so labelled, or an identifier's address."""
    label = plain_text(link.label).strip(_JUNK).casefold()
    return label in PAPER_LABELS or recognise(link.url) is not None


def _title(prefix: str) -> tuple[str, str, str]:
    """A title written as text, what follows it before the links (authors, venue), and the
    short name in emphasis that stood before it, if any ("**SayCan**: ...")."""
    prefix = prefix.strip().rstrip(_JUNK)
    for opener, closer in _WRAPS.items():
        if prefix.startswith(opener) and (end := prefix.find(closer, len(opener))) > len(opener):
            title, middle = prefix[len(opener) : end], prefix[end + len(closer) :]
            if (named := _NAMED.match(middle)) and (after := _title(named["rest"]))[0]:
                # "**SayCan**: "Do As I Can, ..."": a short name, then the title.
                return after[0], after[1], plain_text(title).strip()
            return plain_text(title).strip(_JUNK), middle, ""
    title, *rest = _BREAK.split(prefix, maxsplit=1)
    middle = rest[0] if rest else ""
    return plain_text(title).strip(_JUNK), middle, ""


def _sublines(middle: str) -> tuple[str, ...]:
    """Sub-lines for what stands between a title and its links: "A. Lee, B. Chen. ICLR 2024"."""
    lines, authors = [], False
    for piece in _BREAK.split(middle.strip(_JUNK)):
        piece = plain_text(piece).strip(_JUNK)
        if not piece:
            continue
        if venue_in(piece) is not None and len(piece) <= 80:
            lines.append(f"Venue: {piece}")
        elif not authors and _names_like(piece):
            lines.append(f"Authors: {piece}")
            authors = True
        else:
            lines.append(f"Note: {piece}")
    return tuple(lines)


def _names_like(text: str) -> bool:
    """Whether ``text`` reads as a list of people's names: "Ann Lee, Bo Chen and C. Wu"."""
    text = re.sub(r"[\s,]*\bet\s+al\.?$", "", text.strip())
    pieces = [piece.split() for piece in re.split(r",|;|\band\b|&", text) if piece.strip()]
    if not pieces or re.search(r"\d|[:?!()]", text):
        return False
    if any(len(words) > 5 or not any(w[:1].isupper() for w in words) for words in pieces):
        return False
    return len(pieces) > 1 or 2 <= len(pieces[0]) <= 4


def read_tail(rest: str) -> tuple[tuple[str, ...], int] | None:
    """Sub-lines for the plain text right after a title link, up to the next link ("- ICLR
    2024", ", Ann Lee, Bo Chen, NeurIPS 2023"), and how long it is; None when it is neither
    names nor a venue."""
    links = _links(rest)
    end = links[0].start if links else len(rest)
    pieces = [plain_text(p).strip(_JUNK) for p in re.split(r"[,;]|\s[-–—|]\s", undated(rest[:end]))]
    pieces = [piece for piece in pieces if piece]
    if not pieces or venue_in(pieces[-1]) is None or len(pieces[-1]) > 80:
        return None
    names = ", ".join(pieces[:-1])
    if names and not _names_like(names):
        return None
    found = (f"Authors: {names}",) if names else ()
    return (*found, f"Venue: {pieces[-1]}"), end
