"""Which document shows which selection of papers, so incremental builds re-read the pages
whose doctrees changed and only write again those whose cards did."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Set
from typing import Any, ClassVar

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..records.cache import code_version
from ..records.catalogue import Catalogue
from ..records.people import authors_key

#: (what, kind, value): ("select", "keyword", "visual-rl"), ("index", "keyword", ""),
#: ("paper", "", "dreamerv2"), ("summary", "", "") or ("latest", "", "8").
Selection = tuple[str, str, str]


#: A page's two fingerprints: (what its doctree holds, what its cards show besides).
Fingerprints = tuple[str, str]


def fingerprints(catalogue: Catalogue, selection: Selection) -> Fingerprints:
    """Everything a page showing ``selection`` shows, as the data is now: first what its
    doctree holds, then what only its cards show.

    A listing's doctree holds its subject and its papers in order, with their years (a
    topic counts them); each card is drawn from the catalogue as the page is written, and
    its words are renewed then (``renew_card_words``). A record edit that leaves the order
    alone so writes its pages again without reading them. Pages are compared so, not by a
    data file's time stamp: one file dependency per paper per page made the pickled
    environment of a 10,000-paper list hold 70,000 paths, and a new keyword re-read every
    page.
    """
    what, kind, value = selection
    digests = catalogue.paper_digests
    parts: list[str]
    cards = ""
    if what == "select":
        papers = catalogue.select(kind, value)
        parts = [repr(catalogue.subject(kind, value))]
        parts += (f"{paper.id} {paper.year}" for paper in papers)
        cards = _digest(f"{paper.id}={digests[paper.id]}" for paper in papers)
    elif what == "paper":
        parts = [digests.get(value, "")]
    elif what == "summary":
        sizes = (catalogue.papers, catalogue.categories, catalogue.keywords, catalogue.topics)
        parts = [str(len(items)) for items in (*sizes, catalogue.environments, catalogue.venues)]
    elif what == "authors":
        parts = [authors_key(catalogue)]  # the A-Z counts, without counting them
    elif what == "latest":
        parts = [f"{p.id}={digests[p.id]}" for p in catalogue.newest(int(value))]
    else:
        parts = [repr(catalogue.named(kind))]
        counts = sorted(catalogue.counts(kind).items())
        parts += (f"{key}={count}" for key, count in counts)
        # An entry with one paper links that paper's card.
        parts += (catalogue.select(kind, key)[0].id for key, count in counts if count == 1)
    return _digest(parts), cards


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


class PapersDomain(Domain):
    """Remembers, per document, the selections it rendered and the labels it defines.

    Labels of papers and pages go into the std domain (and so into ``objects.inv``) once
    reading is done, not while each page is read: the std domain forgets a document's labels
    by scanning all of them, which over thousands of pages and labels made a full build
    quadratic.
    """

    name = "papers"
    label = "Papers"
    initial_data: ClassVar[dict[str, Any]] = {"selections": {}, "labels": {}, "published": set()}

    @property
    def selections(self) -> dict[str, dict[Selection, Fingerprints]]:
        result: dict[str, dict[Selection, Fingerprints]] = self.data.setdefault("selections", {})
        return result

    def note_selection(self, docname: str, selection: Selection, catalogue: Catalogue) -> None:
        self.selections.setdefault(docname, {})[selection] = fingerprints(catalogue, selection)

    @property
    def labels(self) -> dict[str, dict[str, tuple[str, str]]]:
        """``{docname: {label: (node id, title)}}``."""
        result: dict[str, dict[str, tuple[str, str]]] = self.data.setdefault("labels", {})
        return result

    def note_label(self, docname: str, label: str, node_id: str, title: str) -> None:
        self.labels.setdefault(docname, {})[label] = (node_id, title)

    def publish_labels(
        self,
        papers: dict[str, tuple[str, str]],
        key: str,
        people: Callable[[], dict[str, tuple[str, str]]],
    ) -> None:
        """Make the std domain's labels of ours match what the documents now define, and
        label the pages written but not read (``{label: (pagename, title)}``): ``papers``,
        and ``people()``, whose labels the same ``key`` as last time reuses."""
        std = self.env.get_domain("std")
        if self.data.get("people", (None, {}))[0] != key:
            self.data["people"] = (key, people())
        self.data["pages"] = {**papers, **self.data["people"][1]}
        current = {label: (page, "", title) for label, (page, title) in self.pages.items()}
        current.update(
            (label, (docname, node_id, title))
            for docname, labels in sorted(self.labels.items())
            for label, (node_id, title) in labels.items()
        )
        published: set[str] = self.data.setdefault("published", set())
        for label in published - current.keys():
            std.labels.pop(label, None)  # type: ignore[attr-defined]
            std.anonlabels.pop(label, None)  # type: ignore[attr-defined]
        for label, (docname, node_id, title) in current.items():
            std.labels[label] = (docname, node_id, title)  # type: ignore[attr-defined]
            std.anonlabels[label] = (docname, node_id)  # type: ignore[attr-defined]
        self.data["published"] = set(current)

    @property
    def pages(self) -> dict[str, tuple[str, str]]:
        """The pages written but not read, as last published: ``{label: (pagename, title)}``."""
        pages: dict[str, tuple[str, str]] = self.data.get("pages", {})
        return pages

    def clear_doc(self, docname: str) -> None:
        self.selections.pop(docname, None)
        self.labels.pop(docname, None)
        self.stale_words.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("selections", "labels"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def outdated(self, catalogue: Catalogue) -> list[str]:
        """Documents whose selections now contain other papers or counts, to read again.
        Those whose cards alone changed are kept for :meth:`to_rewrite`, with their new
        fingerprints.

        Once a build has re-read what this returned, every fingerprint is that of its
        catalogue; the same catalogue again leaves nothing to compare (at 10,000 papers the
        comparison was a tenth of a rebuild that changed nothing).
        """
        checked = f"{catalogue.digest} {code_version()}"
        if self.data.get("checked") == checked:
            return []
        self.data["checked"] = checked
        reread, rewrite = [], []
        for docname, selections in self.selections.items():
            now = {selection: fingerprints(catalogue, selection) for selection in selections}
            if any(now[selection][0] != old[0] for selection, old in selections.items()):
                reread.append(docname)
            elif now != selections:
                rewrite.append(docname)
                selections.update(now)
        self.data["rewrite"] = sorted(rewrite)
        self.stale_words.update(rewrite)
        return sorted(reread)

    def to_rewrite(self) -> list[str]:
        """The documents :meth:`outdated` found unchanged but for their cards, to write again
        (once: a later build of the same data has none)."""
        rewrite: list[str] = self.data.pop("rewrite", [])
        return rewrite

    @property
    def stale_words(self) -> set[str]:
        """Documents written again since they were read: the words of their cards in the
        stored doctree, which Sphinx's search index reads, are older than the data."""
        stale: set[str] = self.data.setdefault("stale_words", set())
        return stale

    def resolve_any_xref(self, *args: Any) -> list[Any]:
        return []


def get_domain(env: BuildEnvironment) -> PapersDomain:
    domain = env.get_domain(PapersDomain.name)
    assert isinstance(domain, PapersDomain)
    return domain
