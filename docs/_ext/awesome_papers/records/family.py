"""Papers this list shares with the other lists of the family ("Also in")."""

from __future__ import annotations

import json
from pathlib import Path

from .catalogue import Catalogue
from .keys import identity_keys
from .listfile import ListInfo
from .pagekinds import PAPER

#: Per paper id: (the other list's name, the URL of the paper's card there).
AlsoIn = dict[str, tuple[tuple[str, str], ...]]


def also_in(catalogue: Catalogue, info: ListInfo, data_dir: Path) -> AlsoIn:
    """Match this list's papers with each sibling's snapshot (see :func:`identity_keys`)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for sibling in info.family:
        try:
            document = json.loads((data_dir / sibling.snapshot).read_text("utf-8"))
        except (OSError, ValueError):
            continue  # no snapshot yet: nothing to link
        if not isinstance(document, dict) or not isinstance(document.get("papers"), list):
            continue  # not a snapshot this engine wrote
        base = sibling.docs_url.rstrip("/") + "/"
        cards: dict[tuple[str, str], str] = {}
        for record in document["papers"]:
            if not isinstance(record, dict):
                continue
            # Every list of the family is built by this engine: each paper has a page.
            card = f"{base}{PAPER.pagename(str(record.get('id')))}.html"
            for key in identity_keys(str(record.get("url", "")), str(record.get("title", ""))):
                cards.setdefault(key, card)
        for paper in catalogue.papers:
            keys = identity_keys(paper.url, paper.title)
            match = next((cards[key] for key in keys if key in cards), None)
            if match is not None:
                found.setdefault(paper.id, []).append((sibling.name, match))
    return {paper_id: tuple(links) for paper_id, links in found.items()}
