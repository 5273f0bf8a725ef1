"""The page shell's stylesheet and icons: the theme's own, cut down to what the site shows.

pydata-sphinx-theme draws its icons twice over: with Font Awesome's script (89 KB on every
page), which swaps each ``<i class="fa-…">`` for an SVG, and with Font Awesome's fonts
(240 KB), which its stylesheet names for the same classes and for its own pseudo-element
icons (breadcrumbs, external links, admonitions). The fonts alone draw them all, with or
without JavaScript. Its stylesheet also maps all 1,949 of Font Awesome's icon classes to
glyphs: a third of the 64 KiB every page fetches.

So the layout leaves the script out and links this module's copy of the stylesheet instead
(``theme/layout.html``): the theme's, with only the icon classes the theme's templates and
the site's icon links name, its fonts subset to those glyphs and to the stylesheet's own
icons. The look is the theme's, glyph for glyph.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import fontTools
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from ..atomic import write_bytes, write_text
from ..records.cache import compiled_folder

#: What this module writes under ``_static``: the stylesheet beside the theme's (its
#: relative links hold), the fonts in a folder of their own.
STYLESHEET = "awesome_papers_theme.css"
FOLDER = "awesome_papers_icons"
#: The theme's stylesheet that maps icon classes to glyphs and declares the fonts.
_STYLESHEET = Path("static", "styles", "pydata-sphinx-theme.css")

_ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
#: ``.fa-magnifying-glass,.fa-search{--fa:"\f002"}``
_CLASS_GLYPH = re.compile(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"(\\[0-9a-f]+|[^"])"')
#: The stylesheet's own icons: ``--pst-icon-external-link:""`` and the breadcrumbs' divider.
_CSS_GLYPH = re.compile(r'--pst-(?:icon-[a-z-]+|breadcrumb-divider):"(\\[0-9a-f]+|[^"])"')
#: A whole rule that maps classes to a glyph, and nothing else.
_CLASS_GLYPH_RULE = re.compile(_CLASS_GLYPH.pattern + r"\}")
_FONT_FACE = re.compile(r"@font-face\{[^}]*?src:url\(([^)]+)\)")
#: The theme's source map, which maps the original, not this copy.
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
#: A font's address in the theme's stylesheet, relative to it.
_FONT_URL = re.compile(r"url\((?:[^)]*/)?([\w.-]+\.woff2)\)")


def write_shell(app: Sphinx) -> None:
    """``builder-inited``, after the theme's: write the stylesheet and its subset fonts,
    unless the last build wrote them for the same theme and icons, and link the stylesheet
    from every page."""
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    theme_dirs = [Path(path) for path in app.builder.theme.get_theme_dirs()]
    source = next((d / _STYLESHEET for d in theme_dirs if (d / _STYLESHEET).is_file()), None)
    if source is None:  # not pydata-sphinx-theme: leave its shell alone
        return
    css = source.read_text(encoding="utf-8")
    named = _named_classes(
        [*theme_dirs, *(Path(app.confdir, path) for path in app.config.templates_path)],
        # The builder's copy, where the theme has added its shortcut links (github_url).
        json.dumps(app.builder.theme_options),
    )
    # What the stylesheet and the fonts are made from (this module's code included), so that
    # a rebuild knows them current without making them again.
    inputs = (css, sorted(named), Path(__file__).read_bytes(), fontTools.version)
    key = hashlib.sha256(repr(inputs).encode()).hexdigest()[:20]
    app.connect("html-page-context", functools.partial(_link, href=f"{STYLESHEET}?digest={key}"))
    target = Path(app.outdir, "_static", "styles", STYLESHEET)
    folder = Path(app.outdir, "_static", FOLDER)
    faces = font_faces(css, source.parent)
    written = [target, *(folder / face.name for face in faces)]
    stamp = Path(app.doctreedir, "awesome_papers_shell.key")
    if stamp.is_file() and stamp.read_text() == key and all(path.is_file() for path in written):
        return
    folder.mkdir(parents=True, exist_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        made = compiled_folder(f"shell-{key}") or Path(scratch)
        if not all((made / path.name).is_file() for path in written):
            _make(css, named, faces, made)
        for path in written:
            write_bytes(path, (made / path.name).read_bytes())
    stamp.write_text(key)


def _make(css: str, named: set[str], faces: list[Path], folder: Path) -> None:
    """Write the stylesheet and subset fonts into ``folder``, each whole or not at all (a
    cache folder may be shared by builds running at once)."""
    glyphs = sorted(glyphs_of(css, named))
    for face in faces:
        subset_font(face, glyphs, folder / face.name)
    write_text(folder / STYLESHEET, slim_stylesheet(css, named))


def _link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any, href: str
) -> None:
    """``html-page-context``: the layout links this stylesheet in place of the theme's."""
    context["awesome_papers_stylesheet"] = href


def _named_classes(folders: list[Path], options: str) -> set[str]:
    """Every ``fa-`` class a template or the theme's options name."""
    names = set(_ICON_CLASS.findall(options))
    for folder in folders:
        for template in sorted(folder.rglob("*.html")) if folder.is_dir() else ():
            names.update(_ICON_CLASS.findall(template.read_text(encoding="utf-8")))
    return names


def _codepoint(glyph: str) -> int:
    return int(glyph[1:], 16) if glyph.startswith("\\") else ord(glyph)


def glyphs_of(css: str, classes: set[str]) -> set[int]:
    """The code points of the named classes' icons and of the stylesheet's own icons."""
    points = {_codepoint(glyph) for glyph in _CSS_GLYPH.findall(css)}
    for selectors, glyph in _CLASS_GLYPH.findall(css):
        if classes.intersection(name.strip(".") for name in selectors.split(",") if name):
            points.add(_codepoint(glyph))
    return points


def slim_stylesheet(css: str, classes: set[str]) -> str:
    """The theme's stylesheet with only the named icon classes, and its fonts read from
    :data:`FOLDER`."""

    def named(rule: re.Match[str]) -> str:
        selectors = {name.strip(".") for name in rule[1].split(",") if name}
        return rule[0] if classes & selectors else ""

    css = _SOURCE_MAP.sub("", _CLASS_GLYPH_RULE.sub(named, css))
    return _FONT_URL.sub(lambda url: f"url(../{FOLDER}/{url[1]})", css)


def font_faces(css: str, styles: Path) -> list[Path]:
    """The fonts the stylesheet declares, in its order."""
    return [(styles / url.strip("'\"")).resolve() for url in _FONT_FACE.findall(css)]


def subset_font(source: Path, glyphs: list[int], target: Path) -> None:
    """A WOFF2 of ``source`` with only ``glyphs``; its tables' timestamps kept, so that the
    same font and glyphs give the same bytes."""
    # Imported here: a tenth of a second of every build, needed only when the shell changes.
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=glyphs)
    subsetter.subset(font)
    stream = io.BytesIO()
    subset.save_font(font, stream, options)
    write_bytes(target, stream.getvalue())
