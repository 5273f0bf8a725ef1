"""The catalogue of the current build: loaded once when the builder starts, shared by all readers."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..records.catalogue import Catalogue
from ..records.errors import DataError
from ..records.family import also_in
from ..records.listfile import ListInfo, load_list
from ..records.loader import load_usable
from .options import options

logger = logging.getLogger(__name__)

# Per build environment and outside it: the environment is pickled, the catalogue is re-read.
_LOADED: WeakKeyDictionary[BuildEnvironment, Catalogue] = WeakKeyDictionary()
_REPORTS: WeakKeyDictionary[BuildEnvironment, Path] = WeakKeyDictionary()
_LISTS: WeakKeyDictionary[BuildEnvironment, ListInfo | None] = WeakKeyDictionary()


def data_dir(app: Sphinx) -> Path:
    """``awesome_papers_data``, relative to the configuration directory."""
    return (Path(app.confdir) / options(app.config).data).resolve()


def link_report(app: Sphinx) -> Path:
    """``awesome_papers_link_report``, relative to the configuration directory; by default
    ``link-report.json`` beside the data directory, where ``links --report`` puts it."""
    configured = options(app.config).link_report
    if configured:
        return (Path(app.confdir) / str(configured)).resolve()
    return data_dir(app).parent / "link-report.json"


def read_link_report(path: Path) -> list[dict[str, Any]] | None:
    """The rows of a link report, or None when there is none (or it cannot be read)."""
    try:
        rows = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return rows if isinstance(rows, list) else None


def load(app: Sphinx) -> Catalogue:
    """Load and remember the catalogue, the list's ``list.yaml`` and where its link report is.

    Every problem of the data is a located error (``awesome_papers.data``, as ``validate``
    prints it) and fails the build; the build goes on with what is usable, a record with a
    problem left out, as Sphinx goes on past a document with an error."""
    directory = data_dir(app)
    catalogue, problems = load_usable(directory)
    try:
        info = load_list(directory)
    except DataError as error:
        info, problems = None, [*problems, *error.problems]
    for problem in problems:
        logger.error(
            "%s: %s",
            problem.field,
            problem.message,
            location=f"{problem.path}:{problem.line}",
            type="awesome_papers",
            subtype="data",
        )
    if problems:
        app.statuscode = 1
        logger.error(
            "%d problem(s) in %s; python -m awesome_papers validate lists them too",
            len(problems),
            directory,
            type="awesome_papers",
            subtype="data",
        )
    report = link_report(app)
    rows = read_link_report(report)
    if rows:
        dead: dict[str, list[str]] = {}
        for row in rows:
            if row.get("status") == "dead":
                for paper in row.get("papers", []):
                    dead.setdefault(str(paper), []).append(str(row.get("url")))
        catalogue = replace(catalogue, dead_links={k: tuple(v) for k, v in dead.items()})
    if info is not None and info.family:
        catalogue = replace(catalogue, also_in=also_in(catalogue, info, directory))
    _LOADED[app.env], _LISTS[app.env], _REPORTS[app.env] = catalogue, info, report
    return catalogue


def link_report_of(env: BuildEnvironment) -> Path:
    """Where this build looks for the link report."""
    return _REPORTS[env]


def list_of(env: BuildEnvironment) -> ListInfo | None:
    """The list's ``list.yaml``, as this build loaded it; None when the list has none."""
    return _LISTS[env]


def catalogue_of(env: BuildEnvironment) -> Catalogue:
    return _LOADED[env]
