"""Our HTML templates (``templates/awesome_papers/``): autoescaped Jinja, compiled once.

A project or theme overrides one by putting a file of the same name under
``<templates_path>/awesome_papers/`` (see :func:`configure`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"

_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


#: The templates of this build, each loaded once: Jinja would otherwise check the file's
#: modification time at every card.
_loaded: dict[str, jinja2.Template] = {}


def configure(project_templates: list[Path]) -> None:
    """Look in the project's ``templates_path`` first, then in ours."""
    _environment.loader = jinja2.FileSystemLoader([*project_templates, TEMPLATES])
    _loaded.clear()


def render(name: str, context: dict[str, Any]) -> str:
    """``awesome_papers/<name>`` with ``context``, autoescaped."""
    template = _loaded.get(name)
    if template is None:
        template = _loaded[name] = _environment.get_template(f"awesome_papers/{name}")
    return template.render(context)
