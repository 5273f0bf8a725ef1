"""The home page and linking guide a list gets from its list.yaml: MyST Markdown from
templates that a project may replace, with the data's text escaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from awesome_papers.records.listfile import ListInfo, list_info
from awesome_papers.records.loader import load_catalogue
from awesome_papers.sphinx_ext import rendering
from awesome_papers.sphinx_ext.home import home_page, linking_page

LIST = {
    "title": "Awesome *Starred* Agents",
    "docs_url": "https://agents.example.org/en/latest",
    "intersphinx_name": "agents",
    "site_intro": "Papers on agents that see.",
}


@pytest.fixture
def info() -> ListInfo:
    return list_info(LIST)


@pytest.fixture(autouse=True)
def our_templates() -> Iterator[None]:
    rendering.configure([])
    yield
    rendering.configure([])


def test_the_linking_guide_names_the_lists_labels_and_escapes_feed_names(
    data_dir: Path, info: ListInfo
) -> None:
    topics = yaml.safe_load((data_dir / "topics.yaml").read_text("utf-8"))
    topics[0]["name"] = "Reward_models | pixels & $5"
    (data_dir / "topics.yaml").write_text(yaml.safe_dump(topics, sort_keys=False), "utf-8")
    catalogue = load_catalogue(data_dir)
    page = linking_page(info, catalogue)
    assert '    "agents": ("https://agents.example.org/en/latest/", None),\n' in page
    example = re.search(
        r"^\| a paper \| `paper-<id>` \(the file name of its record\) \| `paper-(.+)` \|$",
        page,
        re.M,
    )
    assert example and example.group(1) in {p.id for p in catalogue.papers}
    topic = catalogue.topics[0].id
    assert (
        r"- [Reward\_models \| pixels \& \$5]"
        f"(https://agents.example.org/en/latest/feeds/topic-{topic}.xml)\n"
    ) in page
    assert page.endswith(".xml)\n")


def test_the_home_page_escapes_the_title_and_lists_every_section(
    data_dir: Path, info: ListInfo
) -> None:
    page = home_page(info, load_catalogue(data_dir))
    assert "\n# Awesome \\*Starred\\* Agents\n\nPapers on agents that see.\n" in page
    assert page.endswith("statistics\nsearching\nlinking\n```\n")


def test_a_project_replaces_the_linking_guide(
    data_dir: Path, info: ListInfo, tmp_path: Path
) -> None:
    ours = tmp_path / "_templates" / "awesome_papers"
    ours.mkdir(parents=True)
    (ours / "linking.md").write_text("# Cite us\n\nUse `{{ name }}` at {{ base }}.\n", "utf-8")
    rendering.configure([tmp_path / "_templates"])
    page = linking_page(info, load_catalogue(data_dir))
    assert page == "# Cite us\n\nUse `agents` at https://agents.example.org/en/latest/.\n"
