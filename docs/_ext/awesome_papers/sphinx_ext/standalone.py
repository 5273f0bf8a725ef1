"""Pages that Sphinx writes but never reads: one per paper, one per author of two or more
papers, and the A-Z index of authors.

They hold nothing to parse, so they are not documents: reading, pickling and resolving
10,000 of them would cost what the rest of the site costs. Like ``sphinx.ext.viewcode``'s
pages they are written from ``html-collect-pages`` in the theme's ``page.html``. The theme
renders one *shell* page per folder, with placeholders for the title, head and body, and each
page of the folder is that shell with its own put in: the theme's render is most of a page's
cost (3 ms), and every page of a folder shares the same navigation and relative links. A
theme whose shell lacks a placeholder gets every page rendered in full instead.

The pages are planned and their bodies rendered in a process beside Sphinx's writing phase
(:mod:`.beside`), started when reading ends; only the pages whose key (:mod:`.plans`) changed
are rendered, and only they, or every page when the theme's shell changed, are written.
Nothing runs when the data and this package are as they were.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..atomic import read_text_or_none, write_text
from ..records.catalogue import Catalogue
from . import beside, engine, state
from .options import options
from .pageplan import Page, Plan
from .plans import plan, related_outdated, related_papers

logger = logging.getLogger(__name__)
#: Placeholders in a shell: the page's name, title, head and body.
_NAME, _TITLE, _HEAD, _BODY = "AP0SHELL-NAME", "AP0SHELL-TITLE", "AP0SHELL-HEAD", "AP0SHELL-BODY"
#: The folder below a top folder in the name a shell is rendered under.
_DIR = "AP0SHELL-DIR"


def _inputs(app: Sphinx, catalogue: Catalogue) -> str:
    """What every page rests on besides the theme: the data, this package and the project's
    template overrides (:mod:`.engine`), the ``awesome_papers_*`` values, where it is built."""
    parts = (
        catalogue.digest,
        sorted(catalogue.dead_links.items()),
        sorted(catalogue.also_in.items()),
        getattr(app.config, engine.NAME),
        options(app.config),
        app.builder.name,
        app.config.html_baseurl,
    )
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def relate(app: Sphinx) -> None:
    """``builder-inited``: when the data changed what related papers rest on, compute them
    in a process beside Sphinx's reading phase, for :func:`start`'s pages to find them
    ready: a keyword added at 1,000 papers left the pages waiting 0.3 s for them."""
    if isinstance(app.builder, StandaloneHTMLBuilder) and options(app.config).pages:
        catalogue = state.catalogue_of(app.env)
        if related_outdated(app, catalogue):
            state.state_of(app.env).relating = beside.start(lambda: _relate(app, catalogue))


def _relate(app: Sphinx, catalogue: Catalogue) -> None:
    related_papers(app, catalogue)  # and kept in the doctree folder, where plan() finds them


def related_ready(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``, before any other work starts beside the writing: wait for
    :func:`relate`'s (its failure only means the pages compute them themselves)."""
    build = state.state_of(env)
    job, build.relating = build.relating, None
    if job is not None:
        beside.finish(job)
    return []


def start(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: plan the pages and render those whose key changed, in a process
    beside Sphinx's writing phase (:mod:`.beside`); nothing when the data is as it was."""
    if not isinstance(app.builder, StandaloneHTMLBuilder) or not options(app.config).pages:
        return []
    catalogue = state.catalogue_of(env)
    stamp = _read_stamp(_stamp_file(app))
    inputs = _inputs(app, catalogue)
    if stamp.get("inputs") == inputs:
        return []
    before, result = stamp.get("keys", {}), _result_file(app)

    def work() -> None:
        """Pages go into the result file one at a time, as they are made: held whole in both
        processes, they raised the peak memory of a 10,000-paper build from 632 to 1,653 MiB."""
        plans = plan(app, catalogue)
        keys = {name: planned.key for name, planned in plans.items()}
        with result.open("wb") as stream:
            pickle.dump((inputs, keys), stream, pickle.HIGHEST_PROTOCOL)
            for name, planned in plans.items():
                if before.get(name) != planned.key:
                    pickle.dump((name, planned.make()), stream, pickle.HIGHEST_PROTOCOL)

    state.state_of(env).pages = beside.start(work)
    return []


def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: fill the theme's shells with the pages that changed and write
    them; Sphinx renders none itself."""
    builder, build = app.builder, state.state_of(app.env)
    job, build.pages = build.pages, None
    if not isinstance(builder, StandaloneHTMLBuilder) or not options(app.config).pages:
        return iter(())
    stamp = _read_stamp(_stamp_file(app))
    inputs, keys = stamp.get("inputs", ""), stamp.get("keys", {})
    made: Iterator[Any] = iter(())  # the pages made beside, after their (inputs, keys)
    if job is not None:
        if error := beside.finish(job):
            logger.error(
                "paper and author pages not written: %s",
                error,
                type="awesome_papers",
                subtype="output",
            )
            return iter(())
        made = _read_result(_result_file(app))
        inputs, keys = next(made)
    shells = {folder: _shell(builder, folder) for folder in sorted(set(map(_folder, keys)))}
    theme = hashlib.sha1(repr(shells).encode()).hexdigest()
    if (
        job is None
        and stamp.get("theme") == theme
        and all(Path(builder.get_outfilename(name)).is_file() for name in keys)
    ):
        return iter(())
    folders: set[Path] = set()

    def write(name: str, page: Page) -> None:
        shell = shells[_folder(name)]
        if shell is None:
            context = {"title": page.title, "body": page.body, "metatags": page.head}
            builder.handle_page(name, context, "page.html")
        else:
            _write(Path(builder.get_outfilename(name)), _fill(shell, name, page), folders)

    written: set[str] = set()
    for name, page in made:  # the pages whose key changed, one at a time
        write(name, page)
        written.add(name)
    fresh = stamp.get("theme") == theme
    plans: dict[str, Plan] = {}
    for name, key in keys.items():
        if name in written:
            continue
        target = Path(builder.get_outfilename(name))
        if fresh and stamp["keys"].get(name) == key and target.is_file():
            continue
        plans = plans or plan(app, build.catalogue)  # the theme changed, or
        write(name, plans[name].make())  # a page went missing
    for gone in stamp.get("keys", {}).keys() - keys.keys():
        Path(builder.get_outfilename(gone)).unlink(missing_ok=True)
    record = {"inputs": inputs, "theme": theme, "keys": keys}
    write_text(_stamp_file(app), json.dumps(record, sort_keys=True))
    return iter(())


def cancel(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: a build that failed before its pages were collected stops the work."""
    build = state.loaded(app.env)
    if build is None:
        return
    for job in (build.pages, build.relating):
        if job is not None:
            beside.cancel(job)
    build.pages = build.relating = None


def written_pages(app: Sphinx) -> set[str]:
    """The pagenames of every page written here, as the last build left them."""
    return set(_read_stamp(_stamp_file(app)).get("keys", {}))


def _read_result(result: Path) -> Iterator[Any]:
    """What :func:`start`'s work wrote, read once: its (inputs, keys), then its pages one at
    a time; the file is removed once read to its end."""
    with result.open("rb") as stream:
        while True:
            try:
                yield pickle.load(stream)
            except EOFError:
                break
    result.unlink()


def _stamp_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "awesome_papers_standalone.json"


def _result_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "awesome_papers_standalone.pickle"


def _write(path: Path, text: str, folders: set[Path]) -> None:
    """Write one page or file in place, as Sphinx writes its own pages (a temporary file and
    a rename each, as ``atomic`` does, took a fifth of the build at 10,000 papers)."""
    if path.parent not in folders:
        path.parent.mkdir(parents=True, exist_ok=True)
        folders.add(path.parent)
    path.write_text(text, "utf-8")


def _folder(name: str) -> str:
    """The shell a page is written from: its top folder, and ``*`` for each folder below
    (``topics/world-models/page-2``: ``topics/*``), where pages link alike."""
    parts = name.split("/")[:-1]
    return "/".join(parts[:1] + ["*"] * (len(parts) - 1))


def _shell(builder: StandaloneHTMLBuilder, folder: str) -> list[str] | None:
    """The theme's page for ``folder`` (see :func:`_folder`), split at its placeholders (odd
    items); None when the theme does not show one of them."""
    name = f"{folder.replace('*', _DIR)}/{_NAME}"
    path = Path(builder.doctreedir) / f"awesome_papers_shell_{folder.replace('/*', '_')}.html"
    context = {"title": _TITLE, "body": _BODY, "metatags": _HEAD, "awesome_papers_shell": True}
    builder.handle_page(name, context, "page.html", outfilename=path)
    html = path.read_text("utf-8").replace(name, _NAME)
    if html.count(_BODY) != 1 or html.count(_HEAD) != 1 or _TITLE not in html or _DIR in html:
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
