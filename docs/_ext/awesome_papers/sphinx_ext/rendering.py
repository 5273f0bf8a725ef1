"""Our templates (``templates/awesome_papers/``), compiled once: HTML autoescaped, and the
generated pages' MyST Markdown (``*.md``), whose record text goes through the ``md`` filter.

A project or theme overrides one by putting a file of the same name under
``<templates_path>/awesome_papers/`` (see :func:`configure`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from ..formats.markdown import escape

TEMPLATES = Path(__file__).parent / "templates"


def _environment(*, markdown: bool) -> jinja2.Environment:
    """HTML autoescaped; Markdown not (escaping would garble it) and ending with a newline."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=markdown,
    )


_html, _markdown = _environment(markdown=False), _environment(markdown=True)
_markdown.filters["md"] = escape


#: The templates of this build, each loaded once: Jinja would otherwise check the file's
#: modification time at every card.
_loaded: dict[str, jinja2.Template] = {}


def configure(project_templates: list[Path]) -> None:
    """Look in the project's ``templates_path`` first, then in ours."""
    for environment in (_html, _markdown):
        environment.loader = jinja2.FileSystemLoader([*project_templates, TEMPLATES])
    _loaded.clear()


def render(name: str, context: dict[str, Any]) -> str:
    """``awesome_papers/<name>`` with ``context``: autoescaped HTML, or Markdown."""
    template = _loaded.get(name)
    if template is None:
        environment = _markdown if name.endswith(".md") else _html
        template = _loaded[name] = environment.get_template(f"awesome_papers/{name}")
    return template.render(context)
