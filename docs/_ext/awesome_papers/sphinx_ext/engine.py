"""What renders the pages besides the data: this package (its code, and the templates,
scripts and styles a build reads) and a project's overrides in
``<templates_path>/awesome_papers/``.

Sphinx writes its pages again when a theme template is newer than the output; it does not
know our templates, and the pages written beside Sphinx's are written again only when their
key changes. So a digest of these files is a configuration value that rebuilds HTML (a new
one has Sphinx write every page again) and part of every written page's key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..records.cache import code_version

HERE = Path(__file__).resolve().parent
#: The folders a build reads files from, each time (code is read once per process).
READ = (HERE / "templates", HERE / "static", HERE / "theme")
#: The configuration value that holds the digest; set when the configuration is read.
NAME = "awesome_papers_engine"


def digest(folders: Iterable[Path]) -> str:
    """This package's code, and every file under ``folders``, by path and content."""
    found = hashlib.sha1(code_version().encode())
    for folder in folders:
        for path in sorted(path for path in folder.rglob("*") if path.is_file()):
            found.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            found.update(path.read_bytes())
    return found.hexdigest()


def _stamp(app: Sphinx, config: Config) -> None:
    """``config-inited``: the digest of this package and of the project's overrides."""
    overrides = [Path(app.confdir, path, "awesome_papers") for path in config.templates_path]
    setattr(config, NAME, digest([*READ, *(path for path in overrides if path.is_dir())]))


def setup(app: Sphinx) -> None:
    """Declare the value (not one to set in ``conf.py``) and compute it for each build."""
    app.add_config_value(NAME, "", "html", types=(str,))
    app.connect("config-inited", _stamp)
