"""``data/list.yaml``: what makes a list of the family this list, for the site and the README."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .keys import slugify
from .lint import intro_problems, markup_problems
from .parsing import parse

FILE = "list.yaml"


@dataclass(frozen=True)
class Section:
    """A free section of the README, kept verbatim."""

    title: str
    body: str


@dataclass(frozen=True)
class Layout:
    """How a list of the family writes its entries (``data/list.yaml``'s readme part)."""

    group_by: str = "category"
    #: The sub-line label of keywords, as the list writes it: Keyword, Keywords, Key...
    keyword_label: str = "Keyword"
    #: Headings in the list's own order; groups it does not name follow, newest first.
    order: tuple[str, ...] = ()
    #: Each group's entries in a <details open> block, as some lists fold them.
    details: bool = False
    #: The venue line's label, as the list writes it: Venue or Publisher.
    venue_label: str = "Venue"
    #: Grouped by venue-year, each entry still says its venue, as some lists write it.
    venue_every: bool = False


@dataclass(frozen=True)
class Sibling:
    """Another list of the family, and the snapshot of its papers.json in ``data/``."""

    name: str
    docs_url: str
    snapshot: str


@dataclass(frozen=True)
class ListInfo:
    """The list's name, places and README text."""

    title: str
    repository: str | None  # None: a list not (yet) on GitHub, whose pages link no repository
    docs_url: str
    intersphinx_name: str
    short_title: str = ""
    author: str = ""
    copyright: str = ""
    site_intro: str = ""
    heading: str = ""  # the README's heading as Markdown, when it is more than the title
    badges: tuple[str, ...] = ()
    preamble: str = ""
    sections_before: tuple[Section, ...] = ()
    paper_format: str = ""
    sections_after: tuple[Section, ...] = field(default_factory=tuple)
    layout: Layout = field(default_factory=Layout)
    family: tuple[Sibling, ...] = ()

    @property
    def slug(self) -> str:
        """The repository's name, ``awesome-model-based-rl``; without one, the title's slug."""
        if self.repository is None:
            return slugify(self.title)
        return self.repository.rstrip("/").rsplit("/", 1)[-1]


def load_list(data_dir: Path) -> ListInfo | None:
    """The list's ``list.yaml``, checked against its schema; None when the list has none."""
    path = data_dir / FILE
    if not path.is_file():
        return None
    doc, problems = parse(str(path), str(path), "list")
    if doc is not None and not problems:
        problems = [
            Problem(str(path), doc.line(where), where, message)
            for where, message in markup_problems("list", doc.value)
        ]
        intro = doc.value.get("site_intro", "")
        problems += [
            Problem(str(path), doc.line("site_intro"), "site_intro", message)
            for message in intro_problems(intro)
        ]
    if problems or doc is None:
        raise DataError(problems)
    return list_info(doc.value)


def list_info(value: dict[str, Any]) -> ListInfo:
    readme = value.get("readme", {})

    def sections(key: str) -> tuple[Section, ...]:
        return tuple(Section(item["title"], item["body"]) for item in readme.get(key, []))

    return ListInfo(
        title=value["title"],
        repository=value.get("repository"),
        docs_url=value["docs_url"],
        intersphinx_name=value["intersphinx_name"],
        short_title=value.get("short_title", ""),
        author=value.get("author", ""),
        copyright=value.get("copyright", ""),
        site_intro=value.get("site_intro", ""),
        heading=readme.get("heading", ""),
        badges=tuple(readme.get("badges", ())),
        preamble=readme.get("preamble", ""),
        sections_before=sections("sections_before"),
        paper_format=readme.get("paper_format", ""),
        sections_after=sections("sections_after"),
        layout=Layout(
            group_by=readme.get("group_by", "category"),
            keyword_label=readme.get("keyword_label", "Keyword"),
            order=tuple(readme.get("order", ())),
            details=bool(readme.get("details", False)),
            venue_label=readme.get("venue_label", "Venue"),
            venue_every=bool(readme.get("venue_every", False)),
        ),
        family=tuple(
            Sibling(item["name"], item["docs_url"], item["snapshot"])
            for item in value.get("family", [])
        ),
    )


#: Where a list's name gives way to its gloss: "Awesome RLHF (RL with Human Feedback)",
#: "Awesome RLVR — Reinforcement Learning with ...", "Awesome X: a curated list".
_GLOSS = re.compile(r"\s*(?:\(.*\)|[\u2014\u2013:|]\s.*|\s-\s.*)$")


def short_title(title: str) -> str:
    """The name a narrow header shows for ``title``: without its gloss, or "" when it has
    none (the title is short enough as it is)."""
    short = _GLOSS.sub("", title).strip()
    return short if short != title.strip() and len(short.split()) >= 2 else ""
