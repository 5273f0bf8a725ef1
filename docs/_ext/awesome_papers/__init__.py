"""awesome_papers: paper lists as YAML records, rendered into a Sphinx site, a README and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

from .about import ENGINE, __version__

__all__ = ["ENGINE", "__version__", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point; Sphinx is imported only when the extension is used."""
    from .sphinx_ext.extension import setup as setup_extension

    return setup_extension(app)
