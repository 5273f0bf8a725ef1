"""The state of the current build, in one object: the catalogue loaded once when the
builder starts and shared by all readers, its ``list.yaml``, where its link report is, the
cards rendered so far and the job writing the search index beside the pages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
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
from . import beside
from .options import options

logger = logging.getLogger(__name__)


@dataclass
class BuildState:
    """What one build keeps outside its environment, which is pickled between builds while
    the catalogue is re-read."""

    catalogue: Catalogue
    info: ListInfo | None
    link_report: Path
    #: A card's HTML by (paper id, path to the root): rendered once per folder.
    cards: dict[tuple[str, str], str] = field(default_factory=dict)
    #: The jobs working beside Sphinx (:mod:`.beside`): related papers while it reads,
    #: the paper and author pages and the search index while it writes.
    relating: beside.Job | None = None
    pages: beside.Job | None = None
    search: beside.Job | None = None


_STATES: WeakKeyDictionary[BuildEnvironment, BuildState] = WeakKeyDictionary()


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
    _STATES[app.env] = BuildState(catalogue, info, report)
    return catalogue


def state_of(env: BuildEnvironment) -> BuildState:
    """The state of the build this environment is in."""
    return _STATES[env]


def loaded(env: BuildEnvironment) -> BuildState | None:
    """The state of the build, or None when it stopped before loading its data."""
    return _STATES.get(env)


def link_report_of(env: BuildEnvironment) -> Path:
    """Where this build looks for the link report."""
    return _STATES[env].link_report


def list_of(env: BuildEnvironment) -> ListInfo | None:
    """The list's ``list.yaml``, as this build loaded it; None when the list has none."""
    return _STATES[env].info


def catalogue_of(env: BuildEnvironment) -> Catalogue:
    """The catalogue this build loaded."""
    return _STATES[env].catalogue
