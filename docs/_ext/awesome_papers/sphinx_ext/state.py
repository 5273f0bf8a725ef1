"""The catalogue of the current build: loaded once when the builder starts, shared by all readers."""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..records.catalogue import Catalogue
from ..records.errors import DataError
from ..records.loader import load_catalogue

logger = logging.getLogger(__name__)

# Per build environment and outside it: the environment is pickled, the catalogue is re-read.
_LOADED: WeakKeyDictionary[BuildEnvironment, Catalogue] = WeakKeyDictionary()


class PaperDataError(SystemExit):
    """The records do not validate; each problem was logged with its file and line.

    A ``SystemExit`` rather than a ``SphinxError``: sphinx-build answers any exception with a
    crash report and a traceback, while a contributor's typo deserves only its one-line message.
    """


def data_dir(app: Sphinx) -> Path:
    """``awesome_papers_data``, relative to the configuration directory."""
    return (Path(app.confdir) / str(app.config.awesome_papers_data)).resolve()


def load(app: Sphinx) -> Catalogue:
    """Load and remember the catalogue, or stop the build with every problem as an error."""
    directory = data_dir(app)
    try:
        catalogue = load_catalogue(directory)
    except DataError as error:
        for problem in error.problems:
            logger.error(
                "%s: %s", problem.field, problem.message, location=f"{problem.path}:{problem.line}"
            )
        raise PaperDataError(
            f"Invalid paper records: {len(error.problems)} problem(s) in {directory}; "
            "python -m awesome_papers validate lists them too"
        ) from None
    _LOADED[app.env] = catalogue
    return catalogue


def catalogue_of(env: BuildEnvironment) -> Catalogue:
    return _LOADED[env]
