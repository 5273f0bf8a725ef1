"""The Sphinx configuration every list of the family shares; ``conf.py`` is two lines.

Everything that differs between lists comes from ``data/list.yaml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..records.listfile import load_list
from ..records.pagekinds import AUTHOR, ENVIRONMENT, KEYWORD, PAPER, VENUE


def sphinx_settings(data_dir: Path) -> dict[str, Any]:
    """``conf.py``'s values for the list whose data is ``data_dir``."""
    info = load_list(data_dir)
    if info is None:
        raise FileNotFoundError(f"{data_dir / 'list.yaml'} not found")
    return {
        "project": info.title,
        "author": info.author,
        "copyright": info.copyright,
        "extensions": ["myst_parser", "sphinx_design", "awesome_papers"],
        "awesome_papers_data": str(data_dir),
        "exclude_patterns": ["_build", "_ext", "Thumbs.db", ".DS_Store"],
        "myst_enable_extensions": ["colon_fence"],
        "nitpicky": True,
        "html_theme": "pydata_sphinx_theme",
        "html_title": info.short_title or info.title,
        "html_baseurl": info.docs_url,
        "html_last_updated_fmt": None,
        "html_copy_source": False,  # the sources are generated stubs
        "html_show_sourcelink": False,
        "html_theme_options": {
            "navigation_with_keys": False,
            "show_toc_level": 1,
            "navbar_align": "left",
            # Only the long hand-written pages have sections worth an "on this page" column;
            # computing it for thousands of one-section pages is a third of the theme's time.
            "secondary_sidebar_items": {
                "statistics": ["page-toc"],
                "linking": ["page-toc"],
                "searching": ["page-toc"],
            },
            "footer_start": ["copyright"],
            "footer_end": ["sphinx-version"],
            **({"github_url": info.repository} if info.repository else {}),
        },
        # Keyword, environment and venue pages number in the hundreds: a sidebar listing their
        # siblings on each of them would make the build quadratic in their number.
        "html_sidebars": {
            **{f"{kind.folder}/**": [] for kind in (KEYWORD, ENVIRONMENT, VENUE, PAPER, AUTHOR)},
            "index": [],
            "statistics": [],
            "linking": [],
            "searching": [],
            "all/index": [],
        },
    }
