"""A small site over a copy of tests/roots/data-small placed beside it as ../data."""

project = "Test list"
extensions = ["myst_parser", "awesome_papers"]
awesome_papers_data = "../data"
html_theme = "pydata_sphinx_theme"
html_baseurl = "https://example.org/list/"
nitpicky = True
exclude_patterns = ["_build"]
