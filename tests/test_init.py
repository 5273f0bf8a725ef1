"""init: a whole new list of the family from its README, built and checked as its maintainer would."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from awesome_papers.cli import main
from bs4 import BeautifulSoup
from conftest import ROOTS

FAMILY = ROOTS / "family" / "README.md"


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "imaginary"
    assert main(["init", str(target), "--from", str(FAMILY)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"{FAMILY}:44: key: empty Key: line" in err
    assert [line for line in err if line.startswith("decide:")] == [
        f"decide: {FAMILY}:65: url: same link as imagination-all-you-need "
        "('Imagination Is All You Need'), which has another title: give this entry its own "
        "link, or both the same title to merge them"
    ]
    return target


def build_site(docs: Path, out: Path) -> None:
    """sphinx-build -W -n, as make html runs it; fails the test with Sphinx's own words."""
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", str(docs), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr


def records(project: Path, folder: str = "papers") -> dict[str, dict[str, object]]:
    return {
        path.stem: yaml.safe_load(path.read_text("utf-8"))
        for path in (project / "data" / folder).glob("*.yaml")
    }


def decide(project: Path) -> None:
    """The maintainer's decision: the entry that waits gets its own link, and joins the list."""
    waiting = project / "data" / "pending" / "second-title-same-link.yaml"
    text = waiting.read_text("utf-8").replace("2310.00003", "2310.00004")
    (project / "data" / "papers" / waiting.name).write_text(text, "utf-8")
    waiting.unlink()


def test_init_reads_every_construct_of_a_family_readme(project: Path) -> None:
    papers = records(project)
    assert sorted(papers) == [
        "dreaming-pixels-imagined-rollouts-control",
        "imagination-all-you-need",
        "imagine-rl",
        "imagined-rollouts-tutorial",
        "planning-latent-dreams",
    ]  # the commented-out entry is not among them
    # The entry that waits for a decision is kept aside, with what to decide above it.
    assert list(records(project, "pending")) == ["second-title-same-link"]
    waiting = (project / "data" / "pending" / "second-title-same-link.yaml").read_text("utf-8")
    assert waiting.startswith(
        "# Not on the site until it is decided and this file moved to ../papers/:\n"
        f"#   {FAMILY}:65: url: same link as imagination-all-you-need"
    )
    dreaming = papers["dreaming-pixels-imagined-rollouts-control"]
    assert dreaming["authors"] == ["Tai Hoang", "Mira Sato"]  # "Authors:" is a label
    assert (dreaming["venue"], dreaming["year"], dreaming["track"]) == ("ICLR", 2024, "spotlight")
    assert dreaming["keywords"] == ["imagination", "world model"]  # the inline comment is gone
    assert dreaming["links"] == [
        {"kind": "code", "url": "https://github.com/example-lab/dreaming-pixels"}
    ]
    assert dreaming["scores"] == "8, 6, 6"
    latent = papers["planning-latent-dreams"]
    assert latent["authors"] == ["Grace Hopper", "Alan Turing"]  # "Last, First and Last, First"
    assert (latent["venue"], latent["track"]) == ("ICLR", "workshop")
    assert "settings" not in papers["imagination-all-you-need"]  # "-->" is no setting
    assert papers["imagine-rl"]["kind"] == "codebase"
    assert papers["imagined-rollouts-tutorial"]["kind"] == "tutorial"
    for path in (project / "data" / "papers").glob("*.yaml"):
        assert "<!--" not in path.read_text("utf-8") and "-->" not in path.read_text("utf-8")
    listed = yaml.safe_load((project / "data" / "list.yaml").read_text("utf-8"))
    assert listed["repository"] == "https://github.com/example-lab/awesome-imaginary-agents"
    assert listed["readme"]["sections_before"][0]["title"] == "News"
    assert listed["readme"]["group_by"] == "venue"


def test_the_project_init_writes_is_readable_by_others_and_was_moved_in_whole(
    project: Path,
) -> None:
    assert project.stat().st_mode & 0o755 == 0o755
    for path in project.rglob("*"):
        assert path.stat().st_mode & 0o444 == 0o444, path
    assert (project / ".ci" / "run").stat().st_mode & 0o111 == 0o111
    assert [p.name for p in project.parent.iterdir() if p.name.startswith(".")] == []


def test_the_new_list_builds_at_once_and_after_its_one_decision(project: Path) -> None:
    assert main(["validate", str(project / "data")]) == 0
    readme_check = ["readme", "--check", "--data", str(project / "data")]
    assert main([*readme_check, "--output", str(project / "README.md")]) == 0
    build_site(project / "docs", project / "first")
    pages = project / "first" / "papers"
    assert (pages / "imagination-all-you-need.html").is_file()
    assert not (pages / "second-title-same-link.html").exists()
    decide(project)
    assert main(["validate", str(project / "data")]) == 0
    readme = ["readme", "--data", str(project / "data"), "--output", str(project / "README.md")]
    assert main(readme) == 0
    assert main([*readme, "--check"]) == 0
    text = (project / "README.md").read_text("utf-8")
    assert text.startswith("<!-- Generated from data/") and "\n# Awesome Imaginary Agents\n" in text
    assert "## News\n\n- 2025.01: the list passed 10 papers." in text
    assert (
        "### ICLR 2024" in text and "[Code](https://github.com/example-lab/dreaming-pixels)" in text
    )
    assert "pip install -e '.[docs]' && make -C docs html" in text
    assert "pip install -e '.[test]' && python -m pytest" in text
    out = project / "html"
    build_site(project / "docs", out)
    home = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    assert home.select_one("h1").get_text().rstrip("#") == "Awesome Imaginary Agents"
    assert "Multi-Modal" not in (out / "index.html").read_text("utf-8")
    # Organised by venue-year upstream, the site leads with venues, then its real groups.
    # No record says when it was added: no empty "Newest additions" heading.
    assert [r.get_text() for r in home.select(".ap-section")] == ["Venues", "Categories"]
    navbar = [a.get_text(strip=True) for a in home.select(".bd-navbar-elements a")]
    assert navbar[:5] == ["All papers", "Venues", "Keywords", "Environments", "Categories"]
    cards = BeautifulSoup((out / "categories" / "papers.html").read_text("utf-8"), "html.parser")
    dreaming = cards.select_one("#dreaming-pixels-imagined-rollouts-control")
    assert [a.get_text() for a in dreaming.select(".ap-links a")] == ["Paper", "Code", "Cite"]
    assert dreaming.select_one(".ap-scores").get_text() == "Reviewer scores: 8, 6, 6"
    codebase = BeautifulSoup(
        (out / "categories" / "codebases.html").read_text("utf-8"), "html.parser"
    )
    assert codebase.select_one("#imagine-rl .ap-kind").get_text() == "Codebase"
    links = [a.get_text() for a in codebase.select("#imagine-rl .ap-links a")]
    assert "Cite" not in links  # a codebase is not cited
    linking = BeautifulSoup((out / "linking.html").read_text("utf-8"), "html.parser").get_text()
    assert (
        '"imaginary-agents": ("https://awesome-imaginary-agents.readthedocs.io/en/latest/"'
        in linking
    )


def test_init_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken.txt").write_text("mine", "utf-8")
    assert main(["init", str(tmp_path), "--from", str(FAMILY)]) == 1
    assert "is not empty; nothing was written" in capsys.readouterr().err


def test_this_list_is_an_instance_of_the_same_project_files() -> None:
    from awesome_papers.cli.init import FILES, PROJECT
    from conftest import REPO

    shared = {
        source: destination for source, destination in FILES.items() if "tests/" not in source
    }
    for source, destination in shared.items():
        if destination in {".ci/run", ".gitignore"}:
            continue  # ours also installs chromium, checks the engine, ignores its caches
        assert (REPO / destination).read_text("utf-8") == (PROJECT / source).read_text("utf-8"), (
            destination
        )


def test_the_workflows_init_writes_pass_zizmor(project: Path) -> None:
    """Pinned actions, no kept credentials, least privilege: zizmor finds nothing to flag."""
    workflows = project / ".github" / "workflows"
    assert (project / ".github" / "dependabot.yml").is_file()
    audit = subprocess.run(
        ["zizmor", "--offline", "--min-severity", "low", str(workflows)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert audit.returncode == 0, audit.stdout + audit.stderr
    for workflow in workflows.glob("*.yml"):
        for line in workflow.read_text("utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d", line), (workflow.name, line)


def test_the_readme_round_trips_through_the_importer(project: Path) -> None:
    """import -> readme -> import keeps every construct the family's lists use."""
    from awesome_papers.formats.importer import import_readmes

    decide(project)
    readme = ["readme", "--data", str(project / "data"), "--output", str(project / "README.md")]
    assert main(readme) == 0
    text = (project / "README.md").read_text("utf-8")
    # It reads like the original: its headings in their order, its blocks and its labels.
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### ICLR 2024", "### NeurIPS 2023", "### Codebases", "### Tutorials"]
    assert text.count("<details open>") == 4 and "  - Key: imagination, world model" in text
    assert "  - Publisher: ICLR 2024 (Spotlight)" in text  # the list's own label
    again = import_readmes([("README.md", text)], default_category="papers")
    fields = (
        "title",
        "url",
        "authors",
        "venue",
        "year",
        "track",
        "keywords",
        "links",
        "scores",
        "kind",
    )

    def essence(found: list[dict[str, object]]) -> dict[object, tuple[object, ...]]:
        return {r["title"]: tuple(r.get(f) for f in fields) for r in found}

    assert essence(again.papers) == essence(list(records(project).values()))
    assert again.decisions == []


def test_a_list_without_decisions_builds_at_once(tmp_path: Path) -> None:
    text = FAMILY.read_text("utf-8")
    start = text.index("- [A Second Title for the Same Link]")
    text = text[:start] + text[text.index("</details>", start) :]
    readme = tmp_path / "README.md"
    readme.write_text(text, "utf-8")
    target = tmp_path / "list"
    assert main(["init", str(target), "--from", str(readme)]) == 0
    readme_check = ["readme", "--check", "--data", str(target / "data")]
    assert main([*readme_check, "--output", str(target / "README.md")]) == 0
    build_site(target / "docs", tmp_path / "html")


def test_a_list_that_gives_every_entry_its_venue_keeps_those_lines(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome Pretend Planners\n\nA list made up for this test.\n\n## Papers\n\n"
        "### ICML 2024\n\n"
        "- [Pretend Paper One](https://arxiv.org/abs/2402.00001)\n"
        "  - Ann Example\n  - Publisher: ICML 2024\n  - Key: imagination\n\n"
        "- [Pretend Paper Two](https://arxiv.org/abs/2402.00002)\n"
        "  - Bo Example\n  - Publisher: ICML 2024 (Oral)\n  - Key: imagination\n\n"
        "### ICLR 2023\n\n"
        "- [Pretend Paper Three](https://openreview.net/forum?id=Pretend03)\n"
        "  - Cy Example\n  - Publisher: ICLR 2023\n  - Key: planning\n",
        "utf-8",
    )
    target = tmp_path / "list"
    repo = "https://github.com/example-lab/awesome-pretend-planners"
    assert main(["init", str(target), "--from", str(readme), "--repo", repo]) == 0
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    assert (listed["readme"]["group_by"], listed["readme"]["venue_every"]) == ("venue", True)
    text = (target / "README.md").read_text("utf-8")
    for line in ("  - Publisher: ICML 2024\n", "  - Publisher: ICML 2024 (Oral)\n"):
        assert line in text
    assert "### ICLR 2023\n\n- [Pretend Paper Three]" in text
    assert "  - Publisher: ICLR 2023\n" in text
    readme_check = ["readme", "--check", "--data", str(target / "data")]
    assert main([*readme_check, "--output", str(target / "README.md")]) == 0
    # The site of a list organised by venue leads with its venue-years, newest first.
    build_site(target / "docs", tmp_path / "html")
    home = BeautifulSoup((tmp_path / "html" / "index.html").read_text("utf-8"), "html.parser")
    assert [r.get_text() for r in home.select(".ap-section")] == ["Venues"]
    venues = home.select_one("ul.ap-index")
    assert venues is not None
    assert [a.get_text() for a in venues.select("a")] == ["ICML 2024", "ICLR 2023"]


def test_a_long_list_name_gives_the_header_its_short_name(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome Pretend Agents (Agents That Pretend to Plan)\n\nA list made up for this test.\n"
        "\n## Papers\n\n- [Pretend Paper](https://arxiv.org/abs/2402.00009)\n  - Ann Example\n",
        "utf-8",
    )
    target = tmp_path / "list"
    assert main(["init", str(target), "--from", str(readme)]) == 0
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    assert (listed["title"], listed["short_title"]) == (
        "Awesome Pretend Agents (Agents That Pretend to Plan)",
        "Awesome Pretend Agents",
    )
    build_site(target / "docs", tmp_path / "html")
    home = BeautifulSoup((tmp_path / "html" / "index.html").read_text("utf-8"), "html.parser")
    assert (
        home.select_one(".navbar-brand .logo__title").get_text(strip=True)
        == "Awesome Pretend Agents"
    )
    assert home.select_one("h1").get_text(strip=True).startswith("Awesome Pretend Agents (Agents")
