"""``setup()``: registers the nodes, directives, role, domain and build events."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import jinja2
import sphinx
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..about import __version__
from ..records.cache import compiled_folder
from ..records.people import authors_key
from . import engine, options, outputs, plans, rendering, standalone, state
from .authorindex import PaperAuthors
from .azindex import az_index, visit_az_html
from .cards import paper_card, renew_card_words, visit_card_html
from .directives import PaperCards, PaperIndex, PaperPage
from .domain import PapersDomain, get_domain
from .head import page_head
from .indexlist import paper_index_list, visit_index_list_html
from .linkhealth import PaperLinkHealth
from .listing import pager_node, visit_pager_html
from .notfound import setup_notfound
from .overview import PaperAll, PaperOverview, point_to_root_files
from .pages import write_pages
from .roles import PaperRole
from .shell import write_shell
from .statistics import PaperStatistics

STATIC = Path(__file__).parent / "static"
logger = logging.getLogger(__name__)


def _configure_html(app: Sphinx, config: Config) -> None:
    """Our static files; and a colour mode for a first visit, which pydata-sphinx-theme
    otherwise leaves empty and reports as "invalid theme mode" in the console."""
    config.html_static_path.append(str(STATIC))
    # Before the theme's own components, after the project's templates.
    config.templates_path.append(str(Path(__file__).parent / "theme"))
    config.html_context.setdefault("default_mode", "auto")


def _cache_templates(app: Sphinx) -> None:
    """Keep the theme's compiled templates between builds. Sphinx compiles every Jinja
    template in each process: a third of a second of every rebuild, as long as a one-record
    edit takes to write its pages at 1,000 papers. The per-user cache keeps them across
    ``make clean`` and projects; Jinja checks each against its source before use."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, jinja2.Environment) or environment.bytecode_cache:
        return
    python = "{}.{}".format(*sys.version_info)
    kind = type(environment).__name__
    folder = compiled_folder(
        f"python-{python}-sphinx-{sphinx.__version__}-jinja-{jinja2.__version__}-{kind}"
    )
    if folder is not None:
        environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def _builder_inited(app: Sphinx) -> None:
    _cache_templates(app)
    rendering.configure([Path(app.confdir, path) for path in app.config.templates_path])
    catalogue = state.load(app)
    if options.options(app.config).pages:
        stamp = Path(app.doctreedir) / "awesome_papers_pages.stamp"
        report = state.link_report_of(app.env)
        write_pages(
            Path(app.srcdir), catalogue, stamp, links=report.is_file(), info=state.list_of(app.env)
        )


def _search_page_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the search page loads its module with a script tag of its own
    (a script added now is this page's only), so that the browser fetches it with the page
    and its results take their place before the page is first drawn, with no layout shift."""
    if pagename == "search":
        app.add_js_file("awesome_papers_search.js", type="module")


def _publish_labels(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: label the paper and author pages, none when the build writes none."""
    catalogue = state.catalogue_of(env)
    if not options.options(app.config).pages:
        get_domain(env).publish_labels({}, "", dict)
        return []
    get_domain(env).publish_labels(
        plans.paper_labels(catalogue),
        authors_key(catalogue),
        lambda: plans.author_labels(catalogue),
    )
    return []


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages whose selection of papers changed although none of their shown records did."""
    return get_domain(env).outdated(state.catalogue_of(env))


def _rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages to write again although they were not read: only their cards changed."""
    return get_domain(env).to_rewrite()


def _visit_children(self: Any, node: nodes.Element) -> None:
    """Non-HTML writers render the children of our nodes as they are."""


_depart_children = _visit_children


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    options.add(app)
    engine.setup(app)
    # Other writers render the plain-text child of cards and index lists.
    writers: dict[str, Any] = dict.fromkeys(
        ("latex", "text", "man", "texinfo"), (_visit_children, _depart_children)
    )
    app.add_node(paper_card, html=(visit_card_html, None), **writers)
    app.add_node(paper_index_list, html=(visit_index_list_html, None), **writers)
    app.add_node(pager_node, html=(visit_pager_html, None), **writers)
    app.add_node(az_index, html=(visit_az_html, None), **writers)
    app.add_domain(PapersDomain)
    app.add_directive("paper-cards", PaperCards)
    app.add_directive("paper-page", PaperPage)
    app.add_directive("paper-index", PaperIndex)
    app.add_directive("paper-overview", PaperOverview)
    app.add_directive("paper-all", PaperAll)
    app.add_directive("paper-authors", PaperAuthors)
    app.add_directive("paper-link-health", PaperLinkHealth)
    app.add_directive("paper-statistics", PaperStatistics)
    app.add_role("paper", PaperRole())
    app.add_css_file("awesome_papers.css")
    # One ES module on every page; it imports the modules the page has use for.
    app.add_js_file("awesome_papers.js", type="module")
    app.connect("config-inited", _configure_html)
    setup_notfound(app)
    app.connect("builder-inited", _builder_inited)
    app.connect("builder-inited", write_shell, priority=900)  # once the theme has its options
    app.connect("env-get-outdated", _outdated)
    app.connect("env-get-updated", _rewrite)
    app.connect("doctree-resolved", renew_card_words)
    app.connect("doctree-resolved", point_to_root_files)
    app.connect("builder-inited", standalone.relate, priority=600)  # once the data is loaded
    app.connect("env-updated", standalone.related_ready, priority=400)  # before other work
    app.connect("env-updated", _publish_labels)
    app.connect("env-updated", outputs.start)
    app.connect("env-updated", standalone.start)
    app.connect("html-collect-pages", standalone.collect)
    app.connect("build-finished", standalone.cancel)
    app.connect("html-page-context", outputs.announce_feed)
    app.connect("html-page-context", page_head)
    app.connect("html-page-context", _search_page_script)
    app.connect("build-finished", outputs.finish)
    return {
        "version": __version__,
        # Bump when nodes or stored data change shape, so that old environments are rebuilt.
        "env_version": 13,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
