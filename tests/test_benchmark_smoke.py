"""The scale benchmark still runs end to end (N = 50), so that it cannot rot between measurements."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "build_scale.py"


def test_benchmark_smoke_run(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(BENCHMARK),
            "--sizes",
            "50",
            "--baseline-sizes",
            "50",
            "--work",
            str(tmp_path),
            "--runs",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    live, search, shell, header, row = result.stdout.splitlines()[:5]
    assert live.startswith("Live preview of this list") and float(live.split()[-2]) > 0
    # The real list's search: its index, and each query's bytes and milliseconds, all measured.
    assert search.startswith("Search on this list: index ")
    assert len(re.findall(r"\b[1-9][0-9]* (?:KiB|ms)\b", search)) == 5
    assert float(re.search(r"built in ([0-9.]+) s", search).group(1)) > 0
    # What every page fetches beyond its own HTML: the theme's and our styles, scripts, fonts.
    assert shell.startswith("Page shell on this list") and 20 < float(shell.split()[-2]) < 400
    assert header.split()[:2] == ["N", "full"]
    assert "floor" in header.split()  # Sphinx's floor, measured between the edits
    values = row.split()
    assert values[0] == "50"
    assert all(float(value) > 0 for value in values[1:])
    site = tmp_path / "n50" / "ours" / "_build"
    assert (site / "keywords" / "index.html").is_file() and (site / "papers.json").is_file()
    header, second = result.stdout.splitlines()[5:7]
    assert header.split() == [
        "N",
        "search",
        "build",
        "s",
        "common:",
        "KiB",
        "ms",
        "rare:",
        "KiB",
        "ms",
        "index",
        "KiB",
        "All",
        "papers",
        "KiB",
        "live",
        "edit",
        "s",
        "paper",
        "KiB",
        "author",
        "KiB",
    ]
    values = second.split()
    assert values[0] == "50" and len(values) == 11
    assert all(float(value) > 0 for value in values[1:])
    # What a reader gets: the heaviest page, the most elements, and the layout shift of All
    # papers and search while they fill.
    header, third = result.stdout.splitlines()[7:9]
    assert header.split()[:7] == ["N", "page", "KiB", "elements", "CLS", "All", "CLS"]
    values = third.split()
    assert values[0] == "50" and float(values[1]) > 0 and int(values[2]) > 100
    assert 0 <= float(values[3]) < 1 and 0 <= float(values[4]) < 1
    assert "elements" in third and ".html" in third
