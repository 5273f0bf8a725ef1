"""A paper as a sphinx-design card, built from docutils nodes (no markup is parsed)."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx_design.shared import create_component

from .bibtex import bibtex_entry
from .model import Catalogue, Paper, slugify
from .nodes import bibtex_block, details, summary

_LINK_LABELS = {"code": "Code", "project": "Project", "dataset": "Dataset", "video": "Video",
                "slides": "Slides", "other": "Link"}


def is_web_url(url: str | None) -> bool:
    """Only http(s) links become links; anything else stays text."""
    return bool(url) and url.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def label_ref(label: str, text: str, classes: list[str] | None = None) -> nodes.inline:
    """A cross-reference to a std label, wrapped so that its classes survive resolution."""
    xref = addnodes.pending_xref(
        "", nodes.inline(text, text), refdomain="std", reftype="ref", reftarget=label,
        refexplicit=True, refwarn=True,
    )
    return nodes.inline("", "", xref, classes=classes or [])


def external(url: str, text: str, classes: list[str] | None = None) -> nodes.Node:
    if not is_web_url(url):
        return nodes.inline(text, text, classes=classes or [])
    return nodes.reference(text, text, refuri=url, classes=classes or [])


def paper_card(paper: Paper, catalogue: Catalogue, *, linked_pages: bool, authors_shown: int) -> nodes.Element:
    """The card: title link, authors, venue, badges, environments, links and BibTeX."""
    title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold", "ap-title"])
    title += external(paper.url, paper.title)
    if paper.highlight:
        title += nodes.Text(" ")
        title += nodes.inline(paper.highlight, paper.highlight, classes=["sd-badge", "sd-bg-warning", "sd-bg-text-warning"])
    title += nodes.reference("", "¶", refuri=f"#{paper.id}", classes=["headerlink", "ap-permalink"])

    body = create_component("card-body", ["sd-card-body"], children=[title, _authors(paper, authors_shown)])
    meta = _meta(paper, linked_pages)
    if meta is not None:
        body += meta
    if paper.keywords:
        keywords = nodes.paragraph(classes=["ap-keywords"])
        for name in paper.keywords:
            badge = ["sd-badge", "sd-outline-primary", "sd-text-primary", "ap-keyword"]
            if linked_pages:
                keywords += label_ref(f"keyword-{slugify(name)}", name, badge)
            else:
                keywords += nodes.inline(name, name, classes=badge)
            keywords += nodes.Text(" ")
        body += keywords
    environments = _environments(paper, catalogue, linked_pages)
    if environments is not None:
        body += environments

    footer = create_component("card-footer", ["sd-card-footer", "ap-footer"])
    buttons = nodes.paragraph(classes=["ap-links"])
    for kind, url in [("paper", paper.url)] + [(link.kind, link.url) for link in paper.links]:
        label = "Paper" if kind == "paper" else _LINK_LABELS[kind]
        if is_web_url(url):
            buttons += external(url, label, ["sd-btn", "sd-btn-outline-primary", "sd-btn-sm", "ap-button"])
            buttons += nodes.Text(" ")
    footer += buttons
    bib = details(classes=["ap-bibtex-details"])
    bib += summary("BibTeX", "BibTeX")
    bib += bibtex_block(bibtex_entry(paper), bibtex_entry(paper))
    footer += bib

    return create_component(
        "card",
        ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "ap-card"],
        children=[body, footer],
        ids=[paper.id],
    )


def _authors(paper: Paper, shown: int) -> nodes.Element:
    """The first ``shown`` authors; a longer list opens in place to show everyone."""
    tail = " et al." if paper.authors_truncated else ""
    everyone = ", ".join(paper.authors) + tail
    if len(paper.authors) <= shown:
        return nodes.paragraph(everyone, everyone, classes=["ap-authors"])
    hidden = len(paper.authors) - shown
    first = ", ".join(paper.authors[:shown])
    line = summary("", first, classes=["ap-authors-short"])
    line += nodes.inline(f" +{hidden} more", f" +{hidden} more", classes=["ap-more"])
    disclosure = details(classes=["ap-authors"])
    disclosure += line
    disclosure += nodes.paragraph(everyone, everyone, classes=["ap-authors-all"])
    return disclosure


def _meta(paper: Paper, linked_pages: bool) -> nodes.paragraph | None:
    if not paper.venue_label and not paper.venue_note:
        return None
    para = nodes.paragraph(classes=["ap-venue"])
    if paper.venue_label:
        if linked_pages:
            para += label_ref(f"venue-{slugify(paper.venue_label)}", paper.venue_label)
        else:
            para += nodes.Text(paper.venue_label)
    if paper.venue_note:
        para += nodes.Text(f" · {paper.venue_note}" if paper.venue_label else paper.venue_note)
    return para


def _environments(paper: Paper, catalogue: Catalogue, linked_pages: bool) -> nodes.paragraph | None:
    if not paper.environments and not paper.settings:
        return None
    para = nodes.paragraph(classes=["ap-environments"])
    para += nodes.strong("Environments: ", "Environments: ")
    parts: list[nodes.Node] = []
    for env_id in paper.environments:
        env = catalogue.environment_by_id[env_id]
        item = nodes.inline(classes=["ap-environment"])
        item += label_ref(f"env-{env.id}", env.name) if linked_pages else nodes.Text(env.name)
        if env.url and is_web_url(env.url):
            item += nodes.Text(" ")
            item += nodes.reference("↗", "↗", refuri=env.url, classes=["ap-external"])
        parts.append(item)
    parts += [nodes.inline(s, s, classes=["ap-setting"]) for s in paper.settings]
    for index, part in enumerate(parts):
        if index:
            para += nodes.Text(", ")
        para += part
    return para
