"""``paper-statistics``: counts per category, year, venue, keyword and environment, with SVG bars."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..records.catalogue import Catalogue
from ..records.keys import slugify
from ..records.pagekinds import SECTION_KINDS
from .cards import label_ref
from .directives import _CatalogueDirective, entry_label
from .options import options

_BAR_HEIGHT = 22
_LABEL_WIDTH = 260
_CHART_WIDTH = 640


def bar_chart(title: str, rows: list[tuple[str, int]]) -> str:
    """An inline SVG bar chart; colours come from CSS, so it follows light and dark mode."""
    peak = max((count for _, count in rows), default=1) or 1
    scale = (_CHART_WIDTH - _LABEL_WIDTH - 50) / peak
    height = _BAR_HEIGHT * len(rows) + 8
    bars = []
    for index, (label, count) in enumerate(rows):
        y = index * _BAR_HEIGHT + 4
        shown = label if len(label) <= 38 else label[:37] + "…"
        width = max(count * scale, 1)
        bars.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" fill="currentColor">{escape(shown)}</text>'
            f'<rect class="ap-bar" x="{_LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{_BAR_HEIGHT - 6}" rx="2" />'
            f'<text x="{_LABEL_WIDTH + width + 6:.1f}" y="{y + 15}" fill="currentColor">{count}</text>'
        )
    return (
        f'<svg class="ap-chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {_CHART_WIDTH} {height}" '
        f'width="{_CHART_WIDTH}" height="{height}" font-size="12" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(bars)}</svg>"
    )


#: (shown name, label of its page or None, count)
Row = tuple[str, str | None, int]


def _rows(catalogue: Catalogue, kind: str, limit: int) -> list[Row]:
    """(shown name, label of its page or None, count): categories and years in their order,
    the others largest first."""
    counts = catalogue.counts(kind)
    rows: list[Row] = [
        (
            name,
            entry_label(catalogue, kind, value) if kind in SECTION_KINDS else None,
            counts.get(value, 0),
        )
        for value, name in catalogue.named(kind)
    ]
    rows = [row for row in rows if row[2]]
    if kind not in {"category", "year"}:
        rows.sort(key=lambda row: (-row[2], row[0].casefold()))
    return rows[:limit]


class PaperStatistics(_CatalogueDirective):
    """Tables and charts drawn at build time: no JavaScript, no plotting library."""

    option_spec: ClassVar[dict[str, Callable[[str], int]]] = {"top": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        catalogue = self.catalogue
        top = self.options.get("top", 15)
        result: list[nodes.Node] = []
        kinds = [("topic", "Papers per topic", 100)] if catalogue.topics else []
        kinds += [
            ("category", "Papers per category", 100),
            ("year", "Papers per year", 100),
            ("venue", "Papers per venue", top),
            ("keyword", f"The {top} most used keywords", top),
            ("environment", f"The {top} most used environments", top),
        ]
        for kind, title, limit in kinds:
            self.depend(("index", kind, ""))
            rows = _rows(catalogue, kind, limit)
            section = nodes.section(
                ids=[f"stats-{slugify(kind)}"], names=[f"stats-{slugify(kind)}"]
            )
            section += nodes.title(title, title)
            section += nodes.raw(
                "", bar_chart(title, [(name, count) for name, _, count in rows]), format="html"
            )
            section += self.table(kind, rows)
            self.state.document.note_implicit_target(section, section)
            result.append(section)
        return result

    def table(self, kind: str, rows: list[Row]) -> nodes.table:
        table = nodes.table(classes=["ap-stats-table"])
        group = nodes.tgroup(cols=2)
        table += group
        group += [nodes.colspec(colwidth=4), nodes.colspec(colwidth=1)]
        head = nodes.thead()
        head += nodes.row(
            "", *(nodes.entry("", nodes.paragraph(h, h)) for h in (kind.title(), "Papers"))
        )
        body = nodes.tbody()
        for name, label, count in rows:
            cell = nodes.paragraph()
            cell += (
                label_ref(label, name) if label and options(self.config).pages else nodes.Text(name)
            )
            body += nodes.row(
                "", nodes.entry("", cell), nodes.entry("", nodes.paragraph(str(count), str(count)))
            )
        group += [head, body]
        return table
