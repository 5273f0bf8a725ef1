"""``sitemap.xml``: every page of the site, for search engines, the paper and author pages too.

sphinx-sitemap lists the pages that pass through ``html-page-context``; the paper and author
pages are written from shells (:mod:`.standalone`) and would be missing. The list is sorted
and carries no dates, so that the same site gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.application import Sphinx

from ..atomic import read_text_or_none, write_text
from .standalone import written_pages

FILE = "sitemap.xml"


def write_sitemap(app: Sphinx) -> None:
    """Write the sitemap when the site has an ``html_baseurl`` to make its URLs absolute."""
    base = app.config.html_baseurl
    if not base:
        return
    names = set(app.env.found_docs) | written_pages(app)
    base = base.rstrip("/") + "/"
    urls = sorted(base + app.builder.get_target_uri(name) for name in names)
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
        + "</urlset>\n"
    )
    path = Path(app.outdir) / FILE
    if read_text_or_none(path) != text:
        write_text(path, text)
