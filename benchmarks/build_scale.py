"""How the site build scales with the size of the list, against a static baseline.

For N papers of synthetic but realistically shaped data (written in our real data/ format), it
measures in one run: the full HTML build of our site; the baseline, the same pages written out
as static MyST files of sphinx-design cards built by plain Sphinx with the same theme; an
incremental rebuild after one title edit and after adding one keyword to one record; and the
README generation and validation (with the read cache the builds left, and without any). It also
measures Sphinx's floor: rebuilding a one-page site with the same extensions and theme after its
page changed, which no incremental build can beat. Times are wall-clock seconds of fresh
processes, the short ones the least of three (``--runs``); memory is the peak RSS of the build
process. Ratios, not seconds, are what to compare across machines.

    python benchmarks/build_scale.py            # N = 100, 1,000, 10,000
    python benchmarks/build_scale.py --sizes 50 --runs 1  # about the smoke run the tests do
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from live_preview import edit_to_page_seconds
from reader_metrics import (
    COMMON,
    all_papers_kib,
    first_search_result,
    largest_pages,
    layout_shift,
    page_kib,
    search_build_seconds,
    search_index_kib,
    shell_kib,
)
from sites import REPO, WORK, floor_site, our_site, static_site, synthetic_data


def least(measure: Callable[[int], float], runs: int) -> float:
    """The shortest of ``measure(attempt)`` over ``runs`` attempts: noise only ever adds time."""
    return min(measure(attempt) for attempt in range(runs))


def interleaved(measures: list[Callable[[int], float]], runs: int) -> list[float]:
    """The least of each measure over ``runs`` rounds that take one of each in turn, so that
    what the machine does meanwhile weighs on all of them alike (a ratio of two is fair)."""
    best = [float("inf")] * len(measures)
    for attempt in range(runs):
        for index, measure in enumerate(measures):
            best[index] = min(best[index], measure(attempt))
    return best


def floor_edit(work: Path) -> Callable[[int], float]:
    """A measure of Sphinx's floor: seconds it takes to rebuild a one-page site after that
    page changed, which no incremental build of any site can beat."""
    site = work / "floor"
    floor_site(site)
    sphinx(site, site / "_build")
    page = site / "index.md"

    def edit(attempt: int) -> float:
        page.write_text(page.read_text("utf-8") + f"\nMore {attempt}.\n", "utf-8")
        return sphinx(site, site / "_build")[0]

    return edit


def run(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"failed: {' '.join(args)}\n{process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def sphinx(src: Path, out: Path) -> tuple[float, float]:
    return run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)])


def measure(n: int, baseline: bool, work: Path, runs: int) -> dict[str, Any]:
    base = work / f"n{n}"
    data = base / "data"
    synthetic_data(data, n)
    ours, static = base / "ours", base / "static"
    our_site(ours, data)
    if baseline:
        static_site(static, data)
    result: dict[str, Any] = {}
    result["full"], result["full_mib"] = sphinx(ours, ours / "_build")
    nan = float("nan")
    result["static"], result["static_mib"] = (
        sphinx(static, static / "_build") if baseline else (nan, nan)
    )
    # Short timings are the least of several runs, as timeit takes them.
    result["noop"] = least(lambda _: sphinx(ours, ours / "_build")[0], runs)  # nothing changed
    record = data / "papers" / "paper-0.yaml"

    def edit_title(attempt: int) -> float:
        text = record.read_text("utf-8")
        record.write_text(text.replace("title: ", f"title: Edited{attempt} ", 1), "utf-8")
        return sphinx(ours, ours / "_build")[0]

    keywords = [k["name"] for k in yaml.safe_load((data / "keywords.yaml").read_text("utf-8"))]

    def add_keyword(attempt: int) -> float:
        loaded = yaml.safe_load(record.read_text("utf-8"))
        keyword = next(k for k in reversed(keywords) if k not in loaded["keywords"])
        loaded["keywords"] = sorted({*loaded["keywords"], keyword})
        record.write_text(yaml.safe_dump(loaded, sort_keys=False), "utf-8")
        return sphinx(ours, ours / "_build")[0]

    # The floor is measured between this size's edits, for a fair ratio (see interleaved).
    measures = [floor_edit(work), edit_title, add_keyword]
    result["floor"], result["edit_title"], result["add_keyword"] = interleaved(measures, runs)
    result.update(_commands(data, base / "README.md", runs))
    result.update(_reader(ours, data, n))
    return result


def _commands(data: Path, readme_path: Path, runs: int) -> dict[str, float]:
    """The contributor's commands on this data, validate (warm and cold) and readme, and
    the search index's build."""
    result: dict[str, float] = {}
    cli = [sys.executable, "-m", "awesome_papers"]
    result["validate"] = least(lambda _: run([*cli, "validate", str(data)])[0], runs)
    no_cache = {"AWESOME_PAPERS_NO_CACHE": "1"}
    result["validate_cold"] = least(
        lambda _: run([*cli, "validate", str(data)], env=no_cache)[0], runs
    )
    readme = [
        *cli,
        "readme",
        "--data",
        str(data),
        "--output",
        str(readme_path),
    ]
    result["readme"] = least(lambda _: run(readme)[0], runs)
    result["search_build"] = least(lambda _: search_build_seconds(data), runs)
    return result


def _reader(ours: Path, data: Path, n: int) -> dict[str, Any]:
    """What a reader gets from the built site: search, page weights, elements, layout shift,
    and the live preview's edit-to-page time."""
    result: dict[str, Any] = {}
    site = ours / "_build"
    result["search_kib"], result["first_result_ms"] = first_search_result(site)
    result["rare_kib"], result["rare_ms"] = first_search_result(site, str(n // 2))
    result["all_kib"] = all_papers_kib(site)
    # A paper's own page, and the largest author page (an author with the most papers).
    result["paper_kib"] = page_kib(site, "papers/paper-0.html")
    result["author_kib"] = page_kib(site, "authors/*.html", skip=("letter-", "index."))
    result["index_kib"] = search_index_kib(site)
    heaviest = largest_pages(site)
    result["largest_kib"], result["elements"] = heaviest[0], heaviest[2]
    result["largest"] = f"{heaviest[1]} {heaviest[0]:.0f} KiB; {heaviest[3]} {heaviest[2]} elements"
    result["cls_all"] = layout_shift(site, "all/index.html", ".ap-row")
    result["cls_search"] = layout_shift(site, f"search.html?q={COMMON}", ".ap-result")
    # The live preview's edit-to-page time, where a contributor would use it.
    result["live"] = (
        edit_to_page_seconds(ours, data / "papers" / "paper-1.yaml", "papers/paper-1.html")
        if n <= 1000
        else float("nan")
    )
    return result


def real_list(work: Path) -> tuple[float, str, float]:
    """make livehtml on a copy of this repository's own list: a record saved to its page; its
    search, for a word in most of its titles and for a paper's short name; and its page shell
    (what index.html fetches from _static, KiB as sent)."""
    copy = work / "real"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(REPO / "docs", copy / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(REPO / "data", copy / "data")
    site = copy / "docs" / "_build" / "html"
    sphinx(copy / "docs", site)
    common, rare = first_search_result(site, "learning"), first_search_result(site, "Dreamer")
    search = (
        f"index {search_index_kib(site):.0f} KiB, built in {search_build_seconds(copy / 'data'):.2f} s; "
        f"'learning' {common[0]:.0f} KiB {common[1]:.0f} ms; "
        f"'Dreamer' {rare[0]:.0f} KiB {rare[1]:.0f} ms"
    )
    shell = shell_kib(site)
    record = copy / "data" / "papers" / "mastering-atari-discrete-world-models.yaml"
    page = f"papers/{record.stem}.html"  # the paper's own page, where its title shows
    return edit_to_page_seconds(copy / "docs", record, page), search, shell


def _reader_tables(rows: dict[int, dict[str, Any]]) -> None:
    """Per size, what the reader gets: search, page weights, elements and layout shift."""
    print(
        f"{'N':>7} {'search build s':>15} {'common: KiB':>12} {'ms':>5} {'rare: KiB':>10} "
        f"{'ms':>5} {'index KiB':>10} {'All papers KiB':>15} {'live edit s':>12} "
        f"{'paper KiB':>10} {'author KiB':>11}"
    )
    for n, r in rows.items():
        print(
            f"{n:>7} {r['search_build']:>15.2f} {r['search_kib']:>12.0f} "
            f"{r['first_result_ms']:>5.0f} {r['rare_kib']:>10.0f} {r['rare_ms']:>5.0f} "
            f"{r['index_kib']:>10.0f} "
            f"{r['all_kib']:>15.0f} {r['live']:>12.2f} "
            f"{r['paper_kib']:>10.1f} {r['author_kib']:>11.1f}",
            flush=True,
        )
    print(f"{'N':>7} {'page KiB':>9} {'elements':>9} {'CLS All':>8} {'CLS search':>11}  largest")
    for n, r in rows.items():
        print(
            f"{n:>7} {r['largest_kib']:>9.0f} {r['elements']:>9.0f} {r['cls_all']:>8.3f} "
            f"{r['cls_search']:>11.3f}  {r['largest']}",
            flush=True,
        )


def _ratios(rows: dict[int, dict[str, Any]]) -> None:
    """The targets' ratios at 1,000 papers, each against a build of the same run."""
    if 1000 in rows:
        at_1k = rows[1000]
        incremental = max(at_1k["edit_title"], at_1k["add_keyword"]) / at_1k["full"]
        scale = rows[10000]["full"] / at_1k["full"] if 10000 in rows else float("nan")
        print(
            f"ratio_vs_static={at_1k['full'] / at_1k['static']:.2f} "
            f"incremental_fraction={incremental:.3f} scale_10k_over_1k={scale:.2f}"
        )
        # What no extension can go below: Sphinx's own rebuild of one page, against the same full build.
        print(f"sphinx_floor_fraction={at_1k['floor'] / at_1k['full']:.3f}")
        # Paper pages' target: one edit at 1,000 papers within 2.5 times Sphinx's floor.
        edit = max(at_1k["edit_title"], at_1k["add_keyword"])
        print(f"edit_over_floor={edit / at_1k['floor']:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument(
        "--baseline-sizes",
        type=int,
        nargs="+",
        default=[100, 1000],
        help="sizes to build the static baseline at (it takes about 20 minutes at 10,000)",
    )
    parser.add_argument(
        "--work", type=Path, default=WORK, help="where to write the synthetic sites"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs of each short timing, of which the least counts"
    )
    args = parser.parse_args()
    rows: dict[int, dict[str, Any]] = {}
    live, search, shell = real_list(args.work)
    print(f"Live preview of this list, save to page: {live:.2f} s", flush=True)
    print(f"Search on this list: {search}", flush=True)
    print(f"Page shell on this list (index.html's files from _static): {shell:.0f} KiB", flush=True)
    header = (
        f"{'N':>7} {'full s':>8} {'static s':>9} {'ratio':>6} {'no-op s':>8} {'floor s':>8} "
        f"{'edit s':>7} {'+kw s':>7} "
        f"{'full MiB':>9} {'static MiB':>11} {'validate s':>11} {'cold s':>7} {'readme s':>9}"
    )
    print(header, flush=True)
    for n in args.sizes:
        r = measure(n, n in args.baseline_sizes, args.work, args.runs)
        rows[n] = r
        print(
            f"{n:>7} {r['full']:>8.2f} {r['static']:>9.2f} {r['full'] / r['static']:>6.2f} {r['noop']:>8.2f} "
            f"{r['floor']:>8.2f} {r['edit_title']:>7.2f} "
            f"{r['add_keyword']:>7.2f} {r['full_mib']:>9.0f} {r['static_mib']:>11.0f} {r['validate']:>11.2f} "
            f"{r['validate_cold']:>7.2f} {r['readme']:>9.2f}",
            flush=True,
        )
    _reader_tables(rows)
    _ratios(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
