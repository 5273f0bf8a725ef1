"""awesome_papers: paper lists as YAML records, rendered into a Sphinx site, a README and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"
#: Where the engine lives: ``init`` installs it from here, and schema hints point here.
ENGINE = "https://github.com/opendilab/awesome-multi-modal-reinforcement-learning"


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point; Sphinx is imported only when the extension is used."""
    from .sphinx_ext.extension import setup as setup_extension

    return setup_extension(app)
