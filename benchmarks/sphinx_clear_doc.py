"""Sphinx's ``StandardDomain.clear_doc`` is quadratic: a minimal project that shows it.

A project of N pages, each defining L labels (plain reStructuredText, no extension), is built
once. Then every page is re-read, as after a change that outdates them all, and the time
spent in ``StandardDomain.clear_doc`` is summed. Each call scans every label of the project
for the one page it forgets, so doubling N doubles the calls and the labels each scans: the
sum grows fourfold. Run::

    python benchmarks/sphinx_clear_doc.py --sizes 500 1000 2000 4000

The draft of the report to Sphinx that these numbers back is
``benchmarks/sphinx-clear-doc-report.md``. The engine avoids the cost by keeping its labels
per document in its own domain and publishing them to the std domain once, after reading
(``PapersDomain.publish_labels`` in ``sphinx_ext/domain.py``).
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain


def write_project(root: Path, pages: int, labels: int) -> None:
    """``pages`` pages of ``labels`` labelled sections each. They are orphans, in no toctree,
    so that the navigation of each page does not grow with their number (another cost)."""
    root.mkdir(parents=True)
    (root / "conf.py").write_text("project = 'clear_doc'\n", "utf-8")
    names = [f"page{n:05d}" for n in range(pages)]
    (root / "index.rst").write_text("Index\n=====\n", "utf-8")
    for name in names:
        sections = "".join(
            f".. _{name}-{k}:\n\nSection {k}\n----------\n\nText.\n\n" for k in range(labels)
        )
        (root / f"{name}.rst").write_text(
            f":orphan:\n\n{name}\n{'=' * len(name)}\n\n{sections}", "utf-8"
        )


def timed_clear_doc(totals: dict[str, float]) -> Callable[[], None]:
    """Sum the time of every ``StandardDomain.clear_doc`` call into ``totals``; returns the
    undo."""
    original = StandardDomain.clear_doc

    def clear_doc(self: StandardDomain, docname: str) -> None:
        start = time.perf_counter()
        original(self, docname)
        totals["seconds"] += time.perf_counter() - start
        totals["calls"] += 1

    StandardDomain.clear_doc = clear_doc  # type: ignore[method-assign]

    def undo() -> None:
        StandardDomain.clear_doc = original  # type: ignore[method-assign]

    return undo


def build(source: Path, out: Path) -> float:
    """One html build of ``source``; its wall time."""
    start = time.perf_counter()
    quiet = io.StringIO()
    Sphinx(source, source, out, out / ".doctrees", "html", status=quiet, warning=quiet).build()
    return time.perf_counter() - start


def measure(pages: int, labels: int, work: Path) -> tuple[float, float, int]:
    """Re-read every page of a built project: (clear_doc seconds, build seconds, calls)."""
    source, out = work / f"src-{pages}", work / f"out-{pages}"
    write_project(source, pages, labels)
    build(source, out)
    totals = {"seconds": 0.0, "calls": 0.0}
    undo = timed_clear_doc(totals)
    try:
        later = time.time() + 10  # every page edited since the build: all of them re-read
        for page in source.glob("page*.rst"):
            os.utime(page, (later, later))
        whole = build(source, out)
    finally:
        undo()
    return totals["seconds"], whole, int(totals["calls"])


def main() -> None:
    """Print clear_doc's share of a rebuild that re-reads every page, per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    parser.add_argument("--labels", type=int, default=5, help="labels per page")
    args = parser.parse_args()
    print(
        f"{'pages':>6} {'labels':>7} {'calls':>6} {'clear_doc s':>12} {'rebuild s':>10} {'share':>6}"
    )
    previous = None
    with tempfile.TemporaryDirectory() as scratch:
        for pages in args.sizes:
            cleared, whole, calls = measure(pages, args.labels, Path(scratch))
            growth = f"  x{cleared / previous:.1f}" if previous else ""
            print(
                f"{pages:>6} {pages * args.labels:>7} {calls:>6} {cleared:>12.2f} {whole:>10.2f}"
                f" {cleared / whole:>6.0%}{growth}"
            )
            previous = cleared


if __name__ == "__main__":
    main()
