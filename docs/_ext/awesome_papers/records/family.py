"""Papers this list shares with the other lists of the family ("Also in")."""

from __future__ import annotations

import json
from pathlib import Path

from .catalogue import Catalogue
from .keys import arxiv_id, doi, title_key
from .listfile import ListInfo

#: Per paper id: (the other list's name, the URL of the paper's card there).
AlsoIn = dict[str, tuple[tuple[str, str], ...]]


def also_in(catalogue: Catalogue, info: ListInfo, data_dir: Path) -> AlsoIn:
    """Match this list's papers with each sibling's snapshot by arXiv id, DOI or title."""
    found: dict[str, list[tuple[str, str]]] = {}
    for sibling in info.family:
        try:
            document = json.loads((data_dir / sibling.snapshot).read_text("utf-8"))
        except (OSError, ValueError):
            continue  # no snapshot yet: nothing to link
        base = sibling.docs_url.rstrip("/") + "/"
        cards: dict[str, str] = {}
        for record in document.get("papers", []):
            card = f"{base}categories/{record.get('category')}.html#{record.get('id')}"
            for key in _keys(str(record.get("url", "")), str(record.get("title", ""))):
                cards.setdefault(key, card)
        for paper in catalogue.papers:
            match = next((cards[k] for k in _keys(paper.url, paper.title) if k in cards), None)
            if match is not None:
                found.setdefault(paper.id, []).append((sibling.name, match))
    return {paper_id: tuple(links) for paper_id, links in found.items()}


def _keys(url: str, title: str) -> list[str]:
    keys = [
        f"arxiv:{arxiv_id(url)}" if arxiv_id(url) else "",
        f"doi:{doi(url)}" if doi(url) else "",
    ]
    return [key for key in [*keys, f"title:{title_key(title)}"] if key and key != "title:"]
