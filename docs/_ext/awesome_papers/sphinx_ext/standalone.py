"""Pages that Sphinx writes but never reads: one per paper, one per author of two or more
papers, and the A-Z index of authors.

They hold nothing to parse, so they are not documents: reading, pickling and resolving
10,000 of them would cost what the rest of the site costs. Like ``sphinx.ext.viewcode``'s
pages they are written from ``html-collect-pages`` in the theme's ``page.html``. The theme
renders one *shell* page per folder, with placeholders for the title, head and body, and each
page of the folder is that shell with its own put in: the theme's render is most of a page's
cost (3 ms), and every page of a folder shares the same navigation and relative links. A
theme whose shell lacks a placeholder gets every page rendered in full instead.

A page is written only when its bytes change (a digest per page, kept in the doctree
folder), and nothing is rendered when the data, the shells and this package are as they were.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from ..atomic import read_text_or_none, write_text
from ..formats.bibtex import bibtex_entry
from ..formats.ris import ris_entry
from ..records.cache import code_version
from ..records.catalogue import Catalogue
from ..records.people import authors, letter_counts, letter_key
from ..records.related import related_papers
from . import state
from .views import (
    AUTHOR,
    AUTHORS_DIR,
    LETTER,
    PAPER,
    PAPERS_DIR,
    Links,
    author_view,
    letter_view,
    paper_view,
    record_path,
)

TEMPLATES = Path(__file__).parent / "templates"
#: Placeholders in a shell: the page's name, title, head and body.
_NAME, _TITLE, _HEAD, _BODY = "AP0SHELL-NAME", "AP0SHELL-TITLE", "AP0SHELL-HEAD", "AP0SHELL-BODY"


@dataclass(frozen=True)
class Page:
    """One page: its title and what goes into the shell's head and body; files beside it."""

    title: str
    head: str
    body: str
    files: tuple[tuple[str, str], ...] = ()  # (path from the output's root, text)


_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(name: str, context: dict[str, Any]) -> str:
    """One of ``templates/awesome_papers/`` with ``context``, autoescaped."""
    return _templates.get_template(f"awesome_papers/{name}").render(context)


def labels(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """``{label: (pagename, title)}`` of every page this module writes."""
    found = {f"{PAPER}-{p.id}": (f"{PAPERS_DIR}/{p.id}", p.title) for p in catalogue.papers}
    for author in authors(catalogue).values():
        key = letter_key(author.letter)
        found.setdefault(f"{LETTER}-{key}", (f"{AUTHORS_DIR}/letter-{key}", author.letter))
        if author.has_page:
            found[f"{AUTHOR}-{author.slug}"] = (f"{AUTHORS_DIR}/{author.slug}", author.name)
    return found


def pages(app: Sphinx, catalogue: Catalogue) -> dict[str, Page]:
    """Every page, by pagename."""
    info, data_dir = state.list_of(app.env), state.data_dir(app)
    people, related = authors(catalogue), related_papers(catalogue)
    base = app.config.html_baseurl
    result: dict[str, Page] = {}
    for paper in catalogue.papers:
        name = f"{PAPERS_DIR}/{paper.id}"
        view = paper_view(
            paper,
            catalogue,
            Links(app.builder, name),
            related=related[paper.id],
            people=people,
            info=info,
            source=record_path(paper, data_dir),
        )
        url = f"{base.rstrip('/')}/{app.builder.get_target_uri(name)}" if base else None
        files = [(f"{PAPERS_DIR}/{paper.id}.ris", ris_entry(paper))]
        if paper.is_scholarly:
            files.append((f"{PAPERS_DIR}/{paper.id}.bib", bibtex_entry(paper)))
        result[name] = Page(
            paper.title,
            render("paper_head.html", {**view, "page_url": url}),
            render("paper.html", view),
            tuple(files),
        )
    letters: dict[str, list[Any]] = {}
    for author in people.values():
        letters.setdefault(author.letter, []).append(author)
        if author.has_page:
            name = f"{AUTHORS_DIR}/{author.slug}"
            view = author_view(author, people, Links(app.builder, name))
            result[name] = Page(author.name, _description(view), render("author.html", view))
    counts = letter_counts(people)
    for letter, group in letters.items():
        name = f"{AUTHORS_DIR}/letter-{letter_key(letter)}"
        view = letter_view(letter, group, counts, Links(app.builder, name))
        result[name] = Page(f"Authors: {letter}", _description(view), render("letter.html", view))
    return result


def _description(view: dict[str, Any]) -> str:
    return f'<meta name="description" content="{escape(view["description"])}">\n'


def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: write every page that changed; Sphinx renders none itself."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or not app.config.awesome_papers_pages:
        return iter(())
    catalogue = state.catalogue_of(app.env)
    shells = {folder: _shell(builder, folder) for folder in (PAPERS_DIR, AUTHORS_DIR)}
    stamp_file = Path(app.doctreedir) / "awesome_papers_standalone.json"
    inputs = hashlib.sha1(
        repr(
            (
                catalogue.digest,
                sorted(catalogue.dead_links.items()),
                sorted(catalogue.also_in.items()),
                code_version(),
                shells,
                app.builder.name,
                app.config.html_baseurl,
            )
        ).encode()
    ).hexdigest()
    old = _read_stamp(stamp_file)
    outdir = Path(app.outdir)
    written = old.get("pages", {})
    if old.get("inputs") == inputs and all(
        Path(builder.get_outfilename(name)).is_file() for name in written
    ):
        return iter(())
    digests: dict[str, str] = {}
    for name, page in pages(app, catalogue).items():
        shell = shells[name.rsplit("/", 1)[0]]
        html = _fill(shell, name, page) if shell else None
        digest = hashlib.sha1(repr((html or "", page)).encode()).hexdigest()
        digests[name] = digest
        target = Path(builder.get_outfilename(name))
        if written.get(name) == digest and target.is_file():
            continue
        for path, text in page.files:
            write_text(outdir / path, text)
        if html is None:
            context = {"title": page.title, "body": page.body, "metatags": page.head}
            builder.handle_page(name, context, "page.html")
        else:
            write_text(target, html)
    for gone in written.keys() - digests.keys():
        _remove(Path(builder.get_outfilename(gone)), outdir, gone)
    write_text(stamp_file, json.dumps({"inputs": inputs, "pages": digests}, sort_keys=True))
    return iter(())


def _shell(builder: StandaloneHTMLBuilder, folder: str) -> list[str] | None:
    """The theme's page for ``folder``, split at its placeholders (odd items); None when
    the theme does not show one of them."""
    name = f"{folder}/{_NAME}"
    path = Path(builder.doctreedir) / f"awesome_papers_shell_{folder}.html"
    context = {"title": _TITLE, "body": _BODY, "metatags": _HEAD}
    builder.handle_page(name, context, "page.html", outfilename=path)
    html = path.read_text("utf-8").replace(name, _NAME)
    if html.count(_BODY) != 1 or html.count(_HEAD) != 1 or _TITLE not in html:
        return None
    return re.split(f"({_NAME}|{_TITLE}|{_HEAD}|{_BODY})", html)


def _fill(shell: list[str], name: str, page: Page) -> str:
    """The shell (split at its placeholders) with one page's name, title, head and body.

    The pieces are joined, not replaced in turn, so record text that happens to spell a
    placeholder stays text."""
    values = {_NAME: name, _TITLE: escape(page.title), _HEAD: page.head, _BODY: page.body}
    return "".join(values.get(piece, piece) if i % 2 else piece for i, piece in enumerate(shell))


def _read_stamp(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(read_text_or_none(path) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _remove(target: Path, outdir: Path, name: str) -> None:
    """A page whose subject is gone, and the files beside it."""
    for path in (target, outdir / f"{name}.bib", outdir / f"{name}.ris"):
        path.unlink(missing_ok=True)
