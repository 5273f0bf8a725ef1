"""Render the GitHub README from the catalogue, in the list's classic entry format."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from ..records.catalogue import Catalogue
from ..records.listfile import Layout, ListInfo, Section
from ..records.model import LINK_LABELS, Link, Paper
from ..records.venues import TRACK_LABELS
from .markdown import escape, link_destination

GROUPINGS = ("category", "venue")


def render_readme(
    catalogue: Catalogue, template: str, group_by: str = "category", layout: Layout | None = None
) -> str:
    """The README: ``template`` with ``{{ toc }}`` and ``{{ papers }}`` filled from the catalogue."""
    layout = layout or Layout(group_by=group_by)
    groups = _ordered(
        _yearless(list(_groups(catalogue, layout.group_by)), layout.order), layout.order
    )

    def block(members: tuple[Paper, ...]) -> str:
        entries = "\n\n".join(
            render_entry(
                p,
                catalogue,
                with_venue=layout.group_by != "venue" or layout.venue_every,
                label=layout.keyword_label,
                venue_label=layout.venue_label,
            )
            for p in members
        )
        if layout.details:
            return f"<details open>\n<summary>Toggle</summary>\n\n{entries}\n\n</details>"
        return entries

    papers = "\n\n".join(f"### {escape(title)}\n\n{block(members)}" for title, members in groups)
    toc = "\n".join(f"    - [{escape(title)}](#{_anchor(title)})" for title, _ in groups)
    text = template.replace("{{ toc }}", toc).replace("{{ papers }}", papers)
    return text.rstrip("\n") + "\n"


GENERATED_NOTE = (
    "<!-- Generated from data/ by `python -m awesome_papers readme`: edit the records or "
    "data/list.yaml, not this file. -->"
)


def readme_template(info: ListInfo) -> str:
    """The README around the papers, from ``data/list.yaml``: the list's heading, badges and
    preamble, its free sections before and after the papers (verbatim), a table of contents,
    with ``{{ toc }}`` and ``{{ papers }}`` for :func:`render_readme` to fill."""

    def section(item: Section) -> str:
        return f"## {item.title}\n\n{item.body.strip()}\n"

    def entry(title: str) -> str:
        return f"  - [{title}](#{_anchor(title)})"

    parts = [GENERATED_NOTE, f"# {info.heading or info.title}", *info.badges, ""]
    if info.preamble.strip():
        parts += [info.preamble.strip(), ""]
    parts += [section(item) for item in info.sections_before]
    toc = [f"- [{info.title}](#{_anchor(info.title)})"]
    toc += [entry(item.title) for item in info.sections_before]
    toc += [entry("Table of Contents"), entry("Papers"), "{{ toc }}"]
    toc += [entry(item.title) for item in info.sections_after]
    parts += ["## Table of Contents\n", *toc, "", "## Papers\n"]
    if info.paper_format.strip():
        parts += [info.paper_format.strip(), ""]
    parts += ["{{ papers }}\n"]
    parts += [section(item) for item in info.sections_after]
    return "\n".join(parts)


def render_entry(
    paper: Paper,
    catalogue: Catalogue,
    *,
    with_venue: bool = True,
    label: str = "Keyword",
    venue_label: str = "Venue",
) -> str:
    """One paper as the list writes it: title line, authors, keywords, environments."""
    url = paper.listed_url or paper.url
    title = f"- [{escape(paper.listed_title or paper.title)}]({link_destination(url)})"
    # A link to what the title already links (a preprint the README lists) is not repeated.
    links = tuple(link for link in paper.links if link.url != url)
    listed = links
    if paper.listed_links is not None:  # upstream's line stays as it was; the rest below
        listed = tuple(link for link in links if link.url in paper.listed_links)
    title += _links(listed)
    if paper.track and paper.venue is None:  # no venue line to carry it: "(Spotlight)"
        title += f" ({TRACK_LABELS[paper.track]})"
    if paper.highlight:
        title += f'(**<font color="red">{escape(paper.highlight)}</font>**)'
    lines = [title]
    if paper.authors or paper.authors_truncated:
        lines.append("  - " + _authors(paper))
    if paper.keywords:
        keywords = (_final_period(escape(k, also=",;")) for k in paper.keywords)
        lines.append(f"  - {label}: " + ", ".join(keywords))
    environments = _environments(paper, catalogue)
    if environments:
        lines.append("  - ExpEnv: " + environments)
    track = f" ({TRACK_LABELS[paper.track]})" if paper.track else ""
    if paper.venue_label and (with_venue or track):
        lines.append(f"  - {venue_label}: {escape(paper.venue_label)}{track}")
    elif paper.venue is None and paper.year:
        lines.append(f"  - {paper.year}")  # a year alone, as lists of the family write it
    added = tuple(link for link in links if link not in listed)
    if added:
        lines.append("  - Links:" + _links(added))
    if paper.scores:
        lines.append(f"  - Scores: {escape(paper.scores)}")
    if paper.note:
        lines.append("  - Note: " + escape(paper.note))
    return "\n".join(lines)


def _links(links: tuple[Link, ...]) -> str:
    """`` [Code](url) [Project](url)``: each link after a space."""
    return "".join(f" [{LINK_LABELS[link.kind]}]({link_destination(link.url)})" for link in links)


def _authors(paper: Paper) -> str:
    names = [escape(name, also=",;") for name in paper.authors]
    if names:
        names[-1] = _final_period(names[-1])
    text = ", ".join([*names, "etc."] if paper.authors_truncated else names)
    if paper.venue_note:
        text += ("" if text.endswith("etc.") else ".") + f" *{escape(paper.venue_note)}*"
    return text


def _final_period(text: str) -> str:
    """Escape a final period, which the importer would otherwise drop as punctuation."""
    return text[:-1] + "\\." if text.endswith(".") else text


def _environments(paper: Paper, catalogue: Catalogue) -> str:
    parts = []
    for env_id in paper.environments:
        env = catalogue.environment_by_id[env_id]
        name = escape(env.name, also=",")
        parts.append(f"[{name}]({link_destination(env.url)})" if env.url else name)
    parts += [_final_period(escape(setting, also=",")) for setting in paper.settings]
    return ", ".join(parts)


def _groups(catalogue: Catalogue, group_by: str) -> Iterable[tuple[str, tuple[Paper, ...]]]:
    if group_by == "category":
        for category in catalogue.categories:
            yield category.title, catalogue.select("category", category.id)
        return
    for venue in catalogue.venues:
        yield venue.label, catalogue.select("venue", venue.slug)
    # Codebases, tutorials and the like keep their own headings; other papers with no venue
    # stand under Other.
    for category in catalogue.categories:
        kept = tuple(
            p for p in catalogue.select("category", category.id) if p.venue_label is None and p.kind
        )
        if kept:
            yield category.title, kept
    others = tuple(p for p in catalogue.papers if p.venue_label is None and not p.kind)
    if others:
        yield "Other", others


def _yearless(
    groups: list[tuple[str, tuple[Paper, ...]]], order: tuple[str, ...]
) -> list[tuple[str, tuple[Paper, ...]]]:
    """A heading the list writes without a year ("ArXiv") gathers that venue's years."""
    titles = {title.casefold() for title, _ in groups}
    for heading in order:
        if heading.casefold() in titles:
            continue
        pattern = re.compile(rf"^{re.escape(heading)} (19|20)\d\d$", re.IGNORECASE)
        merged = tuple(p for title, papers in groups if pattern.match(title) for p in papers)
        if merged:
            groups = [g for g in groups if not pattern.match(g[0])] + [(heading, merged)]
    return groups


def _ordered(
    groups: list[tuple[str, tuple[Paper, ...]]], order: tuple[str, ...]
) -> list[tuple[str, tuple[Paper, ...]]]:
    """Groups the list names, in its order; the others before them, as they came (newest
    first), since a list adds new venue-years at the top."""
    if not order:
        return groups
    rank = {title.casefold(): index for index, title in enumerate(order)}
    known = sorted(
        (g for g in groups if g[0].casefold() in rank), key=lambda g: rank[g[0].casefold()]
    )
    return [g for g in groups if g[0].casefold() not in rank] + known


def _anchor(title: str) -> str:
    """GitHub's heading anchor."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def check_readme(expected: str, path: Path) -> list[str]:
    """Lines of a unified diff between ``path`` and ``expected``; empty when current."""
    current = path.read_text("utf-8") if path.exists() else ""
    return list(
        difflib.unified_diff(
            current.splitlines(),
            expected.splitlines(),
            str(path),
            "generated from data/",
            lineterm="",
        )
    )
