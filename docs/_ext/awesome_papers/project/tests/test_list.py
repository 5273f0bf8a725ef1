"""The list's own checks: its records validate, its README is current, its site builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from awesome_papers.cli import main

ROOT = Path(__file__).parent.parent


def test_the_records_validate() -> None:
    assert main(["validate", str(ROOT / "data")]) == 0


def test_the_readme_is_current() -> None:
    readme = [
        "readme",
        "--check",
        "--data",
        str(ROOT / "data"),
        "--output",
        str(ROOT / "README.md"),
    ]
    assert main(readme) == 0


def test_the_site_builds_without_a_warning(tmp_path: Path) -> None:
    build = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q"]
    subprocess.run([*build, str(ROOT / "docs"), str(tmp_path)], check=True)
    assert (tmp_path / "index.html").is_file()
