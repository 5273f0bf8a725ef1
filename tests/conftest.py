"""Shared fixtures: a small, valid data directory that each test can break in one place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
SMALL_DATA = ROOTS / "data-small"
REPO = Path(__file__).parent.parent


@pytest.fixture
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its test roots."""
    return ROOTS


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small valid data set, as ``data/`` in the working directory."""
    target = tmp_path / "data"
    shutil.copytree(SMALL_DATA, target)
    monkeypatch.chdir(tmp_path)
    return target
