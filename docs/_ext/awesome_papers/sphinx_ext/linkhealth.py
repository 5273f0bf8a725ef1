"""``paper-link-health``: the last link report, as a page readers and maintainers can act on."""

from __future__ import annotations

from collections import Counter

from docutils import nodes

from ..records.pagekinds import PAPER
from .cards import external, label_ref
from .directives import _CatalogueDirective
from .state import link_report_of, read_link_report

#: The statuses worth a row, worst first, as the report names them.
SHOWN = ("dead", "unreachable", "blocked", "redirected")


class PaperLinkHealth(_CatalogueDirective):
    """Counts per status, then one row per link that is not plainly ok."""

    def run(self) -> list[nodes.Node]:
        path = link_report_of(self.env)
        self.env.note_dependency(str(path))
        rows = read_link_report(path) or []
        counts = Counter(str(row.get("status")) for row in rows)
        summary = ", ".join(f"{counts[s]} {s}" for s in ("ok", *SHOWN)) + f" of {len(rows)} links."
        intro = (
            "Every paper, extra and environment link, as the last run of "
            "python -m awesome_papers links found it. Blocked links are hosts that refuse "
            "robots or rate-limit them: they usually work in a browser."
        )
        result: list[nodes.Node] = [
            nodes.paragraph(intro, intro),
            nodes.paragraph(summary, summary, classes=["ap-link-summary"]),
        ]
        listed = sorted(
            (row for row in rows if row.get("status") in SHOWN),
            key=lambda row: (SHOWN.index(str(row["status"])), str(row.get("url"))),
        )
        if listed:
            result.append(self.table(listed))
        return result

    def table(self, rows: list[dict[str, object]]) -> nodes.table:
        table = nodes.table(classes=["ap-link-table"])
        group = nodes.tgroup(cols=4)
        table += group
        group += [nodes.colspec(colwidth=width) for width in (1, 4, 3, 3)]
        head = nodes.thead()
        head += nodes.row(
            "", *(nodes.entry("", nodes.paragraph(h, h)) for h in ("Status", "Link", "In", "Why"))
        )
        body = nodes.tbody()
        papers = self.catalogue.paper_by_id
        for row in rows:
            url = str(row.get("url"))
            carriers = nodes.paragraph()
            carried = row.get("papers")
            for index, carrier in enumerate(carried if isinstance(carried, list) else []):
                carriers += nodes.Text(", " if index else "")
                name = str(carrier)
                if name in papers:
                    carriers += label_ref(
                        PAPER.label(name), papers[name].short_name or papers[name].title
                    )
                else:
                    carriers += nodes.Text(name.removeprefix("env:"))
            reason = str(row.get("reason") or "")
            if row.get("target"):
                reason = f"now at {row['target']}"
            status = str(row.get("status"))
            body += nodes.row(
                "",
                nodes.entry("", nodes.paragraph(status, status, classes=[f"ap-status-{status}"])),
                nodes.entry("", nodes.paragraph("", "", external(url, url))),
                nodes.entry("", carriers),
                nodes.entry("", nodes.paragraph(reason, reason)),
            )
        group += [head, body]
        return table
