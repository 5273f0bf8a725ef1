"""The format, not the lists we know: `init` on a README of irregular constructs, with nothing
but the README, gives records that say what the README meant and a site that builds."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from awesome_papers.cli import main
from awesome_papers.formats.entries import read_entries
from awesome_papers.records.lint import markup_problems
from awesome_papers.records.model import SCHOLARLY_KINDS
from awesome_papers.records.schema import schema, unauthored_kinds
from bs4 import BeautifulSoup
from conftest import REPO, ROOTS, sphinx_build
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

IRREGULAR = ROOTS / "family-irregular" / "README.md"
VENUES = ROOTS / "family-irregular" / "VENUES.md"
ASIDES = ROOTS / "family-irregular" / "ASIDES.md"
SHAPES = ROOTS / "family-irregular" / "SHAPES.md"
LOOSE = ROOTS / "family-irregular" / "LOOSE.md"
VENUE_YEARS = ROOTS / "family-irregular" / "VENUE-YEARS.md"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made(tmp_path_factory, IRREGULAR)


def made(tmp_path_factory: pytest.TempPathFactory, readme: Path) -> Path:
    """The project `init` makes of ``readme``, given nothing else."""
    target = tmp_path_factory.mktemp("irregular") / "site"
    assert main(["init", str(target), "--from", str(readme)]) == 0
    return target


def records(project: Path) -> dict[str, dict[str, Any]]:
    return {
        path.stem: yaml.safe_load(path.read_text("utf-8"))
        for path in sorted((project / "data" / "papers").glob("*.yaml"))
    }


def test_init_needs_nothing_but_the_readme_and_says_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "site"), "--from", str(IRREGULAR)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "note: no repository found (badges, git remote); the list links none until "
        "list.yaml says `repository:` (or run init with --repo owner/name)"
    )
    listed = yaml.safe_load((tmp_path / "site" / "data" / "list.yaml").read_text("utf-8"))
    assert "repository" not in listed
    assert listed["title"] == "Awesome Verifiable Agents"  # the heading's bold is markup
    assert listed["readme"]["heading"] == "Awesome **Verifiable** Agents"  # kept for the README
    readme = (tmp_path / "site" / "README.md").read_text("utf-8")
    assert "\n# Awesome **Verifiable** Agents\n" in readme
    assert [s["title"] for s in listed["readme"]["sections_before"]] == ["Contributing"]
    assert main(["validate", str(tmp_path / "site" / "data")]) == 0


def test_every_construct_lands_in_its_field(project: Path) -> None:
    papers = records(project)
    assert sorted(papers) == [
        "agentkit",
        "course-agent-planning",
        "numbered-entry-verifiable-rewards",
        "q-planning-embodied-agents",
        "seea-like-planning-exploration-enhanced-search",
        "verifiable-agents-short-book",
    ]  # and no record of the fenced examples
    seea = papers["seea-like-planning-exploration-enhanced-search"]
    assert seea["title"] == "SeeA*-Like Planning: Exploration-Enhanced A* Search for Agents"
    assert seea["authors"] == ["Mira Okafor", "Jonas Lindqvist", "Priya Raman"]
    assert seea["note"] == "Equal contribution: Mira Okafor, Jonas Lindqvist; Marked †: Priya Raman"
    assert seea["keywords"] == ["tackle model exploitation", "k-branched rollout", "A* search"]
    assert (seea["venue"], seea["year"]) == ("NeurIPS", 2024)
    assert seea["links"] == [{"kind": "code", "url": "https://github.com/example/seea-like"}]
    assert (seea["environments"], seea["settings"]) == (["gridland"], ["Maze Suite"])
    q = papers["q-planning-embodied-agents"]
    assert (q["title"], q["authors"], q["authors_truncated"]) == (
        "Q* Planning for Embodied Agents",
        ["Lena Duarte"],
        True,
    )
    assert (q["environments"], q["settings"]) == (
        ["gridland"],
        ["Trajectory Bank", "12 household tasks"],
    )
    numbered = papers["numbered-entry-verifiable-rewards"]
    assert numbered["authors"] == ["Tomas Reyes", "Ana Silva"]  # tab-indented
    assert (numbered["venue"], numbered["year"], numbered["track"]) == ("ICLR", 2025, "spotlight")
    assert [link["kind"] for link in numbered["links"]] == ["code", "project"]
    kinds = {name: (record.get("kind"), "authors" in record) for name, record in papers.items()}
    assert kinds["verifiable-agents-short-book"] == ("book", False)
    assert kinds["course-agent-planning"] == ("course", False)
    assert kinds["agentkit"] == ("codebase", False)


def test_blocks_are_read_as_the_renderer_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Setext headings, <details> blocks, comments, code blocks and numbered sub-items."""
    target = tmp_path / "venues"
    assert main(["init", str(target), "--from", str(VENUES)]) == 0
    assert capsys.readouterr().err == (
        f"{VENUES}:17: note: could not place 'nested note under the keyword line'\n"
    )
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    assert listed["title"] == "Awesome Venue-Ordered Agents"
    assert listed["readme"]["group_by"] == "venue"
    assert listed["readme"]["order"] == ["ICML 2025", "NeurIPS 2024"]
    papers = records(target)
    assert sorted(papers) == [
        "counting-steps-language-agents",
        "grounded-planning-verifiable-subgoals",
    ]
    grounded = papers["grounded-planning-verifiable-subgoals"]
    assert (grounded["venue"], grounded["year"]) == ("ICML", 2025)
    assert grounded["authors"] == ["Sofia Brandt", "Kenji Watanabe"]
    counting = papers["counting-steps-language-agents"]
    assert (counting["venue"], counting["year"]) == ("NeurIPS", 2024)
    assert counting["authors"] == ["Ravi Iyer", "Olga Petrova"]
    assert counting["environments"] == ["textworld-lite"]
    assert main(["validate", str(target / "data")]) == 0


def test_what_follows_a_title_and_unparsed_dashes_land_in_their_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A venue, a track or scores in parentheses after the title link; a bare year line; a
    dash with no space after it, for an entry or a sub-line; "and" between authors."""
    target = tmp_path / "asides"
    assert main(["init", str(target), "--from", str(ASIDES)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{ASIDES}:18: note: could not place '(SVA)' after the title link",
        f"{ASIDES}:20: entry: no space after the dash; read as an entry",
        f"{ASIDES}:57: note: could not place '- Scores agents before they act. Setup: "
        '`{"meter": {"url": "https://example.org/api"}}`\' after the title link',
    ]
    papers = records(target)
    pruned = papers["pruned-rollouts-verifiable-agents"]
    assert (pruned["venue"], pruned["year"]) == ("arXiv", 2025)
    # The paper's page, not its PDF; the README keeps the link upstream wrote.
    assert (pruned["url"], pruned["listed_url"]) == (
        "https://arxiv.org/abs/2499.01001",
        "https://arxiv.org/pdf/2499.01001",
    )
    # A link inside parentheses: the environment it links, the words before it a setting.
    assert (pruned["environments"], pruned["settings"]) == (
        ["physics-sim"],
        ["Grid Rooms", "Arm Reacher"],
    )
    scored = papers["scored-subgoal-search"]
    assert (scored["track"], scored["scores"], "venue" in scored) == (
        "spotlight",
        "8, 8, 6, 6",
        False,
    )
    unranked = papers["unranked-skill-chains"]
    assert (unranked["scores"], unranked["note"]) == ("6, 5, 5", "still in review")
    assert papers["short-named-verifier-agents"]["note"] == "(SVA)"
    # A line that goes on with the one above is one line with it, as GitHub shows it; one
    # that starts with a label is the sub-line it names.
    wrapped = papers["wrapped-line-agents"]
    assert (wrapped["keywords"], wrapped["settings"], "note" in wrapped) == (
        ["keywords that go on past the end of the line", "line breaks"],
        ["Wrapped Gridworld"],
        False,
    )
    # "(Preprint)" on an arXiv link is arXiv, in the year of its identifier; elsewhere, as said.
    preprinted = papers["preprinted-planner-agents"]
    assert (preprinted["venue"], preprinted["year"]) == ("arXiv", 2024)
    assert (papers["preprinted-elsewhere"]["venue"], "year" in papers["preprinted-elsewhere"]) == (
        "Preprint",
        False,
    )
    unspaced = papers["unspaced-dash-planning"]
    assert (unspaced["authors"], unspaced["keywords"]) == (
        ["Chen Wei", "Amara Obi"],
        ["a dash with no space"],
    )
    year_only = papers["year-only-planning-agents"]
    assert (year_only["authors"], year_only["year"], "venue" in year_only) == (
        ["Kim Park", "Lee Chen"],
        2024,
        False,
    )
    assert year_only["links"] == [{"kind": "code", "url": "https://github.com/example/year-only"}]
    # A year's heading gives the year; below a category's heading, it keeps the category.
    yearly, screen = papers["yearly-heading-agents"], papers["grounded-screen-agents"]
    assert (yearly["category"], yearly["year"]) == ("papers", 2023)
    assert (screen["category"], screen["year"]) == ("models", 2025)
    assert (papers["early-screen-agents"]["category"], "year" in papers["early-screen-agents"]) == (
        "models",
        False,
    )
    meter = papers["agent-trust-meter"]  # the description, as plain text
    assert (
        meter["note"]
        == 'Scores agents before they act. Setup: {"meter": {"url": "https://example.org/api"}}'
    )
    # The README written from these records says it all again: read back, the same records.
    again = tmp_path / "again"
    assert main(["init", str(again), "--from", str(target / "README.md")]) == 0
    assert records(again) == papers


@pytest.mark.parametrize(
    "readme",
    [IRREGULAR, VENUES, ASIDES, SHAPES, LOOSE, VENUE_YEARS],
    ids=["categories", "venues", "asides", "shapes", "loose", "venue-years"],
)
def test_the_records_hold_no_markup_and_the_site_builds(
    tmp_path_factory: pytest.TempPathFactory, readme: Path
) -> None:
    project = made(tmp_path_factory, readme)
    assert main(["validate", str(project / "data")]) == 0
    for name, record in records(project).items():
        assert list(markup_problems("paper", record)) == [], name
    out = project / "docs" / "_build" / "html"
    sphinx_build(project / "docs", out)
    home = (out / "index.html").read_text("utf-8")
    title = yaml.safe_load((project / "data" / "list.yaml").read_text("utf-8"))["title"]
    assert f"<title>{title}" in home and "**" not in home
    if readme == IRREGULAR:  # a book's card names its link a book's, and offers no BibTeX
        books = BeautifulSoup((out / "categories" / "books.html").read_text("utf-8"), "html.parser")
        assert [a.get_text() for a in books.select(".ap-card .ap-links a")] == ["Book"]
        assert books.select(".ap-bibtex") == []


def test_schema_hints_resolve_on_any_machine(project: Path) -> None:
    hint = (project / "data" / "papers" / "agentkit.yaml").read_text("utf-8").splitlines()[0]
    assert hint.startswith(
        "# yaml-language-server: $schema=https://raw.githubusercontent.com/opendilab/"
        "awesome-multi-modal-reinforcement-learning/v"
    )
    assert hint.endswith("/docs/_ext/awesome_papers/schemas/paper.schema.json")
    # In this repository, the schema beside the records: an edit to it applies at once.
    ours = next((REPO / "data" / "papers").glob("*.yaml")).read_text("utf-8").splitlines()[0]
    assert (
        ours
        == "# yaml-language-server: $schema=../../docs/_ext/awesome_papers/schemas/paper.schema.json"
    )


@pytest.mark.parametrize(
    "given_repo",
    [
        "example/verifiable",
        "https://github.com/example/verifiable/",
        "git@github.com:example/verifiable.git",
    ],
)
def test_repo_is_owner_name_or_a_url(tmp_path: Path, given_repo: str) -> None:
    target = tmp_path / "site"
    assert main(["init", str(target), "--from", str(IRREGULAR), "--repo", given_repo]) == 0
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    assert listed["repository"] == "https://github.com/example/verifiable"


def test_a_title_given_replaces_the_heading_in_the_readme_too(tmp_path: Path) -> None:
    target = tmp_path / "site"
    assert main(["init", str(target), "--from", str(IRREGULAR), "--title", "Verified"]) == 0
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    assert (listed["title"], "heading" in listed["readme"]) == ("Verified", False)
    assert "\n# Verified\n" in (target / "README.md").read_text("utf-8")


def test_an_empty_clone_gives_its_remote_and_keeps_its_git_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(["git", "init", "-q", str(target)], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(target),
            "remote",
            "add",
            "origin",
            "https://github.com/example/clone.git",
        ],
        check=True,
    )
    assert main(["init", str(target), "--from", str(IRREGULAR)]) == 0
    listed = yaml.safe_load((target / "data" / "list.yaml").read_text("utf-8"))
    assert listed["repository"] == "https://github.com/example/clone"
    assert (target / ".git" / "config").is_file()


def test_a_repo_that_is_not_github_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "site"
    assert main(["init", str(target), "--from", str(IRREGULAR), "--repo", "not a repo"]) == 1
    assert capsys.readouterr().err == "error: --repo not a repo: give owner/name or a GitHub URL\n"
    assert not target.exists()


# The invariant: whatever README of the family's constructs init reads, what it writes
# validates. Titles and links are unique, so that there is no conflict to decide.
NAMES = st.sampled_from(
    [
        "Mira Okafor",
        "Jonas Lindqvist*",
        "Priya Raman†",
        "Lena Duarte *et al.*",
        "Ana Silva",
        "Kim Park and Lee Chen",
        "etc.",
    ]
)
#: What follows a title link on its line.
TAILS = st.sampled_from(
    [
        "",
        " (arXiv 2025)",
        " (Spotlight: 8, 6, 6)",
        " (Oral)",
        " (under review: 5, 5)",
        " (SVA)",
        " (Preprint)",
        " - a description with `{code}` and *emphasis*",
    ]
)
LINES = st.sampled_from(
    [
        "  - Key: tackle <i>model exploitation</i>, *k*-branched rollout",
        "  - Keywords: world model; planning",
        "  - ExpEnv: [Gridland](https://example.org/gridland), Maze Suite",
        "  - Env: Gridland",
        "  - Dataset: Trajectory Bank",
        "  - Task: 12 household tasks",
        "  - NeurIPS 2024 [code](https://github.com/example/x)",
        "  - Publisher: ICLR 2025 (Oral)",
        "  - Code: [official](https://github.com/example/y)",
        "  - a line nobody can place",
        "    - 2024",
        "    -[code](https://github.com/example/z)",
        "  - Key: a keyword wrapped\n  across two lines",
        "  ExpEnv: Gridland",
    ]
)
TITLES = st.sampled_from(
    ["A* Search for Agents", "Q* Planning", "Planning with **Bold** Words", "C++ Agents", "Plain"]
)
#: How an entry writes its title and link: the family's way, and the others lists use.
SHAPES_OF_ENTRIES = [
    "[{title}]({url})",
    "**[{title}]({url})**",
    "[Preprint 2024] [{title}]({url})",
    "[Example Lab] [{title}]({url})",
    "[{title}][r{n}]",
    "**Shaped Title {n}**. Ana Silva, Kim Park. [[paper]({url})]",
    "Plain Shaped Title {n} [[arXiv]](https://arxiv.org/abs/2401.{n:05d})",
]
SECTIONS = st.sampled_from(["Planning", "World Models", "Books", "Courses", "Codebases", "Blogs"])


@st.composite
def readmes(draw: st.DrawFn) -> str:
    lines = [f"# Awesome {draw(st.sampled_from(['**Fuzzed**', 'Fuzzed', '*Fuzzed* Agents']))}", ""]
    number = 0
    for section in draw(st.lists(SECTIONS, min_size=1, max_size=3, unique=True)):
        lines += [f"## {section}", ""]
        if draw(st.booleans()):
            lines += ["```", "- [An Example Paper](https://example.org/example)", "```"]
        references = []
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            bullet = draw(st.sampled_from(["- ", "* ", f"{number}. ", "-"]))  # "-[": no space
            title, url = f"{draw(TITLES)} {number}", f"https://example.org/p/{number}"
            shape = draw(st.sampled_from(SHAPES_OF_ENTRIES))
            if shape.endswith("[r{n}]"):
                references.append(f"[r{number}]: {url}")
            if bullet == "-" and not shape.startswith("["):  # "-T": no list item at all
                bullet = "- "
            lines.append(f"{bullet}{shape.format(title=title, url=url, n=number)}{draw(TAILS)}")
            if draw(st.booleans()):
                lines.append("  - " + ", ".join(draw(st.lists(NAMES, min_size=1, max_size=3))))
            lines += draw(st.lists(LINES, max_size=3, unique=True))
        if draw(st.booleans()):  # a table of papers, its columns in any order
            number += 1
            columns = draw(st.permutations(["Title", "Authors", "Venue", "Code"]))
            cells = {
                "Title": f"[Tabled {number}](https://example.org/p/{number})",
                "Authors": "Ana Silva, Kim Park",
                "Venue": "ICML 2023",
                "Code": f"[code](https://github.com/example/t{number})",
            }
            lines += ["", "| " + " | ".join(columns) + " |", "|---" * 4 + "|"]
            lines.append("| " + " | ".join(cells[column] for column in columns) + " |")
        lines += ["", *references, ""]
    return "\n".join(lines)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(readmes())
# A numbered entry's sub-item indented too little for the parser to nest it is still its line.
@example("# L\n\n## Books\n\n3. [A* Search 3](https://example.org/p/3)\n  - Key: <i>x</i>, *k*-y\n")
def test_whatever_init_writes_validates_but_what_it_asks_a_human(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    where = tmp_path_factory.mktemp("invariant")
    (where / "README.md").write_text(text, "utf-8")
    capsys.readouterr()
    code = main(["init", str(where / "site"), "--from", str(where / "README.md")])
    decided = [line for line in capsys.readouterr().err.splitlines() if line.startswith("decide:")]
    assert code == (2 if decided else 0)
    # Each entry without authors, and only those, waits aside; the rest validates at once.
    waiting = sorted((where / "site" / "data" / "pending").glob("*.yaml"))
    assert len(waiting) == len(decided)
    assert all(yaml.safe_load(path.read_text("utf-8"))["authors"] == [] for path in waiting)
    assert main(["validate", str(where / "site" / "data")]) == 0


def test_the_kinds_without_authors_are_the_kinds_that_are_not_papers() -> None:
    kinds = schema("paper")["properties"]["kind"]["enum"]
    assert unauthored_kinds() == [kind for kind in kinds if kind not in SCHOLARLY_KINDS]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Kim Park and Lee Chen and Ana Silva", ["Kim Park", "Lee Chen", "Ana Silva"]),
        ("Kim Park, Lee Chen, and Ana Silva", ["Kim Park", "Lee Chen", "Ana Silva"]),
        ("Kim Park, Lee Chen & Ana Silva", ["Kim Park", "Lee Chen", "Ana Silva"]),
        ("Kim Park; Lee Chen; Ana Silva", ["Kim Park", "Lee Chen", "Ana Silva"]),
        ("Park, Kim and de Souza, Ana", ["Kim Park", "Ana de Souza"]),
        (
            "Kim Park, Lee Chen and Ana Silva, Rand Obi",
            ["Kim Park", "Lee Chen", "Ana Silva", "Rand Obi"],
        ),
        ("Alexander Anderson, Sandra Rand", ["Alexander Anderson", "Sandra Rand"]),
    ],
)
def test_an_author_line_is_split_at_every_separator_lists_use(line: str, names: list[str]) -> None:
    """Commas, semicolons, "and" and "&"; "Last, First" only where a side is one word."""
    readme = f"# L\n\n## Planning\n\n- [A Paper](https://example.org/a)\n  - {line}\n"
    assert [entry.authors for entry in read_entries("README.md", readme).entries] == [names]


def test_one_arxiv_paper_under_two_titles_waits_for_a_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two links to one arXiv paper (a version, the PDF) are one paper to validate: the second
    entry waits aside, and what init wrote validates at once."""
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome Twice\n\n## Planning\n\n"
        "- [Planning as One Long Sequence](https://arxiv.org/abs/2499.00009v1)\n  - Ana Silva\n"
        "- [Offline Planning as One Long Sequence](https://arxiv.org/pdf/2499.00009)\n"
        "  - Ana Silva\n",
        "utf-8",
    )
    assert main(["init", str(tmp_path / "site"), "--from", str(readme)]) == 2
    assert capsys.readouterr().err.startswith(
        f"decide: {readme}:7: url: same link as planning-one-long-sequence "
    )
    assert list(records(tmp_path / "site")) == ["planning-one-long-sequence"]
    assert main(["validate", str(tmp_path / "site" / "data")]) == 0
