"""Two lists of the family that share a paper link each other's card: "Also in"."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from awesome_papers.records.family import also_in
from awesome_papers.records.listfile import list_info
from awesome_papers.records.loader import load_catalogue
from bs4 import BeautifulSoup
from conftest import REPO, ROOTS


def make_list(base: Path, name: str, title: str, sibling: str, sibling_title: str) -> Path:
    """A small list over the test data, naming the other list as family."""
    root = base / name
    shutil.copytree(ROOTS / "data-small", root / "data")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("_build", "_ext"))
    (root / "data" / "list.yaml").write_text(
        f"title: {title}\nrepository: https://github.com/example-lab/{name}\n"
        f"docs_url: https://{name}.example.org/\nintersphinx_name: {name}\n"
        f"family:\n- name: {sibling_title}\n  docs_url: https://{sibling}.example.org/\n"
        f"  snapshot: family/{sibling}.json\n",
        "utf-8",
    )
    return root


def build(root: Path) -> Path:
    out = root / "html"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-E", str(root / "docs"), str(out)],
        check=True,
        env={"PYTHONPATH": str(REPO / "docs" / "_ext"), "PATH": "/usr/bin:/bin"},
    )
    return out


def test_a_shared_paper_shows_also_in_on_both_sides(tmp_path: Path) -> None:
    first = make_list(
        tmp_path, "world-models", "Awesome World Models", "pixel-rl", "Awesome Pixel RL"
    )
    second = make_list(
        tmp_path, "pixel-rl", "Awesome Pixel RL", "world-models", "Awesome World Models"
    )
    # The second list has DreamerV2 under another link form and another category.
    record = second / "data" / "papers" / "dreamerv2.yaml"
    record.write_text(
        record.read_text("utf-8")
        .replace("https://arxiv.org/abs/2010.02193", "https://arxiv.org/pdf/2010.02193v4")
        .replace("category: agents", "category: vision"),
        "utf-8",
    )
    (second / "data" / "papers" / "maze-walker.yaml").unlink()  # a paper only the first has
    record = second / "data" / "papers" / "drm-dormant-ratio.yaml"
    record.write_text(
        record.read_text("utf-8").replace("[visual-agents]", "[visual-agents]"), "utf-8"
    )
    (second / "data" / "topics.yaml").unlink()
    for path in (second / "data" / "papers").glob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("topics: [visual-agents]\n", ""), "utf-8")
    outputs = {root: build(root) for root in (first, second)}
    # Each list keeps a snapshot of the other's papers.json, as `family` would fetch it.
    for root, other in ((first, second), (second, first)):
        (root / "data" / "family").mkdir()
        shutil.copy(outputs[other] / "papers.json", root / "data" / "family" / f"{other.name}.json")
    outputs = {root: build(root) for root in (first, second)}

    def also_in(root: Path, page: str, paper: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup((outputs[root] / page).read_text("utf-8"), "html.parser")
        return [(a.get_text(), a["href"]) for a in soup.select(f"#{paper} .ap-also-in a")]

    assert also_in(first, "categories/agents.html", "dreamerv2") == [
        ("Awesome Pixel RL", "https://pixel-rl.example.org/papers/dreamerv2.html")
    ]
    assert also_in(second, "categories/vision.html", "dreamerv2") == [
        (
            "Awesome World Models",
            "https://world-models.example.org/papers/dreamerv2.html",
        )
    ]
    assert also_in(first, "categories/vision.html", "maze-walker") == []


@pytest.mark.parametrize("shape", ["[1, 2]", '{"papers": 3}', '{"papers": [1, "x", {}]}'])
def test_a_snapshot_of_another_shape_links_nothing(data_dir: Path, shape: str) -> None:
    (data_dir / "family").mkdir()
    (data_dir / "family" / "other.json").write_text(shape, "utf-8")
    info = list_info(
        {
            "title": "This List",
            "docs_url": "https://this.example.org/",
            "intersphinx_name": "this",
            "family": [
                {
                    "name": "Other",
                    "docs_url": "https://o.example.org/",
                    "snapshot": "family/other.json",
                }
            ],
        }
    )
    found = also_in(load_catalogue(data_dir), info, data_dir)
    assert not any(found.get(paper) for paper in ("dreamerv2", "maze-walker", "drm-dormant-ratio"))
