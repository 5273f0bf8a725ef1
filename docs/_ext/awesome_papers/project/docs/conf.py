"""Sphinx configuration, the same for every list of the family: the list is data/list.yaml."""

import sys
from pathlib import Path

HERE = Path(__file__).parent
if (HERE / "_ext").is_dir():  # this repository carries the engine; other lists install it
    sys.path.insert(0, str(HERE / "_ext"))

from awesome_papers.sphinx_ext.settings import sphinx_settings  # noqa: E402

globals().update(sphinx_settings(HERE.parent / "data"))
