"""The extension's configuration, declared once: each ``awesome_papers_*`` value with its
type, default, what a change rebuilds and the least it may be, as MyST-Parser's
``MdParserConfig`` declares ``myst_*``.

``conf.py`` sets the values; :func:`check` reports a wrong one when the configuration is
read, as a located error (``awesome_papers.config``) that fails the build, which goes on with
the default, as it goes on past a bad record; the rest of the extension reads the values
through :func:`options`, typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

PREFIX = "awesome_papers_"
logger = logging.getLogger(__name__)


def _value(default: Any, rebuild: str, least: int | None = None) -> Any:
    return field(default=default, metadata={"rebuild": rebuild, "least": least})


@dataclass(frozen=True)
class Options:
    """The values of ``awesome_papers_*`` in ``conf.py``."""

    #: The list's data folder (records, vocabularies, ``list.yaml``), relative to ``conf.py``.
    data: str = _value("../data", "env")
    #: Write the topic, category, keyword, environment, venue, paper and author pages. Without
    #: them, hand-written pages show cards, and the search, All papers and the feed link each
    #: paper's own address.
    pages: bool = _value(True, "env")
    #: Authors a card names before "and N more".
    authors_shown: int = _value(6, "env", least=1)
    #: Cards on a page of a listing; later ones go to ``page-2`` and on.
    page_size: int = _value(50, "env", least=1)
    #: Entries on a page of an A-Z index (authors, keywords, environments): at six elements
    #: each, a page stays under 5,000 elements.
    index_page_size: int = _value(600, "env", least=1)
    #: Write the paper search index and its page.
    search: bool = _value(True, "html")
    #: The link-health report ``links --report`` writes; by default beside the data folder.
    link_report: str = _value("", "env")


def add(app: Sphinx) -> None:
    """Declare every value to Sphinx, with its default, rebuild and type."""
    for spec in fields(Options):
        app.add_config_value(
            PREFIX + spec.name, spec.default, spec.metadata["rebuild"], types=(type(spec.default),)
        )
    app.connect("config-inited", check)


def check(app: Sphinx, config: Config) -> None:
    """``config-inited``: a value of the wrong type, or below its least, is an error located
    in ``conf.py`` that names the value and what it must be; the build fails, on the
    default."""
    for spec in fields(Options):
        name, value = PREFIX + spec.name, getattr(config, PREFIX + spec.name)
        expected, least = type(spec.default), spec.metadata["least"]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problem = f"must be {expected.__name__}, not {type(value).__name__} ({value!r})"
        elif least is not None and value < least:
            problem = f"must be at least {least}, not {value}"
        else:
            continue
        logger.error(
            "%s %s; using %r",
            name,
            problem,
            spec.default,
            location=_where(Path(app.confdir, "conf.py"), name),
            type="awesome_papers",
            subtype="config",
        )
        setattr(config, name, spec.default)
        app.statuscode = 1


def _where(conf: Path, name: str) -> str:
    """``conf.py:<line>`` of the line that sets ``name``; its first line if none does (the
    value came from elsewhere, as ``sphinx_settings()`` gives the family's lists theirs)."""
    lines = conf.read_text(encoding="utf-8").splitlines() if conf.is_file() else []
    line = next((n for n, text in enumerate(lines, 1) if text.lstrip().startswith(name)), 1)
    return f"{conf}:{line}"


def options(config: Config) -> Options:
    """The values ``conf.py`` set, checked, as one typed object."""
    return Options(**{spec.name: getattr(config, PREFIX + spec.name) for spec in fields(Options)})
