"""Sphinx configuration of the Awesome Multi-Modal RL site: everything list-specific lives here and in data/."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Awesome Multi-Modal Reinforcement Learning"
author = "OpenDILab"
copyright = "OpenDILab contributors, Apache-2.0"

extensions = ["myst_parser", "sphinx_design", "awesome_papers"]
awesome_papers_data = "../data"

exclude_patterns = ["_build", "README.template.md", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence"]
nitpicky = True

html_theme = "pydata_sphinx_theme"
html_title = "Awesome Multi-Modal RL"
html_baseurl = "https://awesome-mmrl.readthedocs.io/en/latest/"
html_last_updated_fmt = None
html_copy_source = False  # the sources are one-line generated stubs
html_show_sourcelink = False
html_theme_options = {
    "github_url": "https://github.com/opendilab/awesome-multi-modal-reinforcement-learning",
    "navigation_with_keys": False,
    "show_toc_level": 1,
    "navbar_align": "left",
    # Only the long hand-written pages have sections worth an "on this page" column; computing
    # it for thousands of one-section pages is a third of the theme's time per page.
    "secondary_sidebar_items": {
        "statistics": ["page-toc"],
        "linking": ["page-toc"],
        "searching": ["page-toc"],
    },
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
}
# Keyword, environment and venue pages number in the hundreds: a sidebar listing their
# siblings on each of them would make the build quadratic in their number.
html_sidebars = {
    "keywords/**": [],
    "environments/**": [],
    "venues/**": [],
    "index": [],
    "statistics": [],
    "linking": [],
    "searching": [],
    "all/index": [],
}
