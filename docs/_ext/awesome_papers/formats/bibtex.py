"""BibTeX entries for papers, with stable keys and escaped fields."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..records.model import Paper

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


#: Venues that are journals: their papers are ``@article`` entries.
JOURNALS = frozenset(
    {"nature", "science", "jmlr", "tmlr", "tpami", "ijcv", "ijrr", "tnnls", "tkde", "ral", "ra-l"}
)


def bibtex_key(paper: Paper) -> str:
    """``<first author's last name><year>:<id>``: readable, and unique because the id is."""
    last = paper.authors[0].split()[-1] if paper.authors and paper.authors[0].split() else "anon"
    ascii_last = unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z]", "", ascii_last.lower()) or "anon"
    return f"{name}{paper.year or ''}:{paper.id}"


_TRANSLATION = str.maketrans(_SPECIAL)
# Control and format characters (zero-width, bidirectional overrides) have no place in BibTeX.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)


def escape(text: str) -> str:
    """Escape LaTeX specials and drop invisible control characters of record text."""
    return " ".join(INVISIBLE.sub("", text).split()).translate(_TRANSLATION)


def _url(url: str) -> str:
    # Braces and backslashes would end or escape the field; % and # are fine in url fields.
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group()):02X}", url)


@cache
def bibtex_entry(paper: Paper) -> str:
    """One ``@inproceedings`` / ``@article`` / ``@misc`` entry."""
    authors = " and ".join(escape(name) for name in paper.authors)
    if paper.authors_truncated:
        authors = f"{authors} and others" if authors else "others"
    fields: list[tuple[str, str]] = [("title", "{" + escape(paper.title) + "}")]
    if authors:
        fields.append(("author", authors))
    if paper.venue and paper.venue.casefold() == "arxiv":
        kind = "article"
        fields.append(("journal", "arXiv preprint"))
    elif paper.venue and paper.venue.casefold() in JOURNALS:
        kind = "article"
        fields.append(("journal", escape(paper.venue)))
    elif paper.venue:
        kind = "inproceedings"
        fields.append(("booktitle", escape(paper.venue_label or paper.venue)))
    else:
        kind = "misc"
    if paper.year:
        fields.append(("year", str(paper.year)))
    fields.append(("url", _url(paper.url)))
    if paper.venue_note:
        fields.append(("note", escape(paper.venue_note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{bibtex_key(paper)},\n{body}\n}}\n"
