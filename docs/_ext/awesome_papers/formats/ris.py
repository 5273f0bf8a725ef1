"""RIS entries, the tagged format that Zotero, Mendeley and EndNote import."""

from __future__ import annotations

from ..records.identifiers import arxiv_id, doi
from ..records.model import Paper
from .bibtex import INVISIBLE, JOURNALS


def _clean(text: str) -> str:
    """One line (a line break inside a value would start a new tag), without invisible
    control characters."""
    return " ".join(INVISIBLE.sub("", text).split())


def ris_entry(paper: Paper) -> str:
    """One entry, ``TY`` to ``ER``, one tag a line."""
    venue = (paper.venue or "").casefold()
    if venue == "arxiv":
        kind, venue_tag = "JOUR", ("JO", "arXiv preprint")
    elif venue in JOURNALS:
        kind, venue_tag = "JOUR", ("JO", paper.venue or "")
    elif paper.venue:
        kind, venue_tag = "CPAPER", ("T2", paper.venue_label or paper.venue)
    else:
        kind, venue_tag = ("GEN" if paper.is_scholarly else "ELEC"), ("", "")
    lines = [("TY", kind), ("TI", paper.title)]
    lines += [("AU", name) for name in paper.authors]
    if venue_tag[0]:
        lines.append(venue_tag)
    if paper.year:
        lines.append(("PY", str(paper.year)))
    if found := doi(paper.url):
        lines.append(("DO", found))
    if found := arxiv_id(paper.url):
        lines.append(("N1", f"arXiv:{found}"))
    lines.append(("UR", paper.url))
    lines += [("KW", keyword) for keyword in paper.keywords]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_clean(value)}".rstrip() + "\n" for tag, value in lines)
