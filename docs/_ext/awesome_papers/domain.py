"""Which document shows which selection of papers, so incremental builds re-read the right pages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Set
from typing import Any, ClassVar

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .model import Catalogue

#: (what, kind, value): ("select", "keyword", "visual-rl") or ("index", "keyword", "").
Selection = tuple[str, str, str]


def fingerprint(catalogue: Catalogue, selection: Selection) -> str:
    """What a page showing ``selection`` depends on beyond the records it shows."""
    what, kind, value = selection
    if what == "select":
        parts: Iterable[str] = (paper.id for paper in catalogue.select(kind, value))
    else:
        parts = (f"{key}={count}" for key, count in sorted(catalogue.counts(kind).items()))
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


class PapersDomain(Domain):
    """Remembers, per document, the selections it rendered and their fingerprints."""

    name = "papers"
    label = "Papers"
    initial_data: ClassVar[dict[str, Any]] = {"selections": {}}

    @property
    def selections(self) -> dict[str, dict[Selection, str]]:
        result: dict[str, dict[Selection, str]] = self.data.setdefault("selections", {})
        return result

    def note_selection(self, docname: str, selection: Selection, catalogue: Catalogue) -> None:
        self.selections.setdefault(docname, {})[selection] = fingerprint(catalogue, selection)

    def clear_doc(self, docname: str) -> None:
        self.selections.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["selections"]:
                self.selections[docname] = otherdata["selections"][docname]

    def outdated(self, catalogue: Catalogue) -> list[str]:
        """Documents whose selections now contain other papers or counts."""
        return sorted(
            docname
            for docname, selections in self.selections.items()
            if any(fingerprint(catalogue, sel) != old for sel, old in selections.items())
        )

    def resolve_any_xref(self, *args: Any) -> list[Any]:
        return []


def get_domain(env: BuildEnvironment) -> PapersDomain:
    domain = env.get_domain(PapersDomain.name)
    assert isinstance(domain, PapersDomain)
    return domain
