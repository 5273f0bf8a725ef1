"""``init``: a complete new list project from a README of the family."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from string import Template
from typing import Any

from ..about import ENGINE, __version__
from ..atomic import NEW_FOLDER_MODE, write_text
from ..formats.frame import readme_frame, site_intro
from ..formats.importer import Imported, import_readmes
from ..formats.readme import readme_template, render_readme
from ..records.checks import display_path
from ..records.commonmark import plain_text
from ..records.datafiles import dump_yaml, schema_hint, write_vocabulary
from ..records.keys import slugify
from ..records.listfile import list_info, short_title
from ..records.loader import catalogue_from_records
from ..records.yamlfile import read_text
from .data import print_report, waiting, write_papers

PROJECT = Path(__file__).parent.parent / "project"
#: Where each template goes in the new project, and whether it is filled in.
FILES = {
    "docs/conf.py": "docs/conf.py",
    "docs/Makefile": "docs/Makefile",
    "docs/statistics.md": "docs/statistics.md",
    "docs/searching.md": "docs/searching.md",
    "readthedocs.yaml": ".readthedocs.yaml",
    "gitignore": ".gitignore",
    "ci/run": ".ci/run",
    "tests/test_list.py": "tests/test_list.py",
    "github/pull_request_template.md": ".github/pull_request_template.md",
    "github/ISSUE_TEMPLATE/add-a-paper.yml": ".github/ISSUE_TEMPLATE/add-a-paper.yml",
    "github/workflows/checks.yml": ".github/workflows/checks.yml",
    "github/workflows/links.yml": ".github/workflows/links.yml",
    "github/workflows/add-paper.yml": ".github/workflows/add-paper.yml",
    "github/dependabot.yml": ".github/dependabot.yml",
    "github/zizmor.yml": ".github/zizmor.yml",
}
FILLED = {"pyproject.toml.in": "pyproject.toml", "CONTRIBUTING.md": "CONTRIBUTING.md"}
SET_UP = """Set-up, on a fresh machine with Python 3.11 or newer. Build the site (into `docs/_build/html`):

```bash
pip install -e '.[docs]' && make -C docs html
```

Run the tests:

```bash
pip install -e '.[test]' && python -m pytest
```"""


def add_parsers(commands: Any) -> None:
    init = commands.add_parser(
        "init",
        help="set up a new list project from a README of the family",
        description="Import the README's papers into DIR/data, describe the list in "
        "DIR/data/list.yaml, and write the site, README, CI and GitHub files around them.",
    )
    init.add_argument(
        "dir", type=Path, help="the new project's folder (new, empty, or an empty git clone)"
    )
    init.add_argument("--from", dest="source", type=Path, required=True, help="the README")
    init.add_argument("--title", help="the list's name (default: the README's heading)")
    init.add_argument(
        "--repo",
        help="its GitHub repository, owner/name or a URL (default: the README's badges, or "
        "the git remote of DIR)",
    )
    init.add_argument("--docs-url", help="where its site is published (default: Read the Docs)")
    init.set_defaults(run=_init)


def _init(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.exists() and any(path.name != ".git" for path in target.iterdir()):
        print(f"error: {target} exists and is not empty; nothing was written", file=sys.stderr)
        return 1
    text = read_text(args.source, display_path(args.source))
    frame = readme_frame(text)
    title = args.title or plain_text(frame["title"]).strip()
    if not title:
        print("error: the README has no '# Title' heading; give --title", file=sys.stderr)
        return 1
    repo = _github(args.repo) if args.repo else _repository(text) or _git_remote(target)
    if args.repo and repo is None:
        print(f"error: --repo {args.repo}: give owner/name or a GitHub URL", file=sys.stderr)
        return 1
    if repo is None:
        print(
            "note: no repository found (badges, git remote); the list links none until "
            "list.yaml says `repository:` (or run init with --repo owner/name)"
        )
    slug = repo.rstrip("/").rsplit("/", 1)[-1] if repo else slugify(title)
    imported = import_readmes([(str(args.source), text)], default_category="papers")
    # A list organised by venue-year: its README keeps that order (codebases and the like
    # stand apart under their own headings on the site).
    by_venue = all(r.get("category") == "papers" for r in imported.papers if not r.get("kind"))
    for category in imported.categories:
        if category["id"] == "papers":
            category["title"] = "Papers"
    listed = _list_document(frame, title, repo, slug, args.docs_url, by_venue)
    # Written aside and moved into place whole: a failure halfway leaves no half a project.
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        _write_project(staging, imported, listed, title, slug)
        staging.chmod(NEW_FOLDER_MODE)
        if (target / ".git").exists():  # an empty clone: its git folder joins the project
            os.replace(target / ".git", staging / ".git")
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    print_report(imported)
    print(
        f"{target}: {title}, {len(imported.decided)} papers{waiting(imported)}; "
        f"build it with: pip install -e '{target}[docs]' && make -C {target}/docs html"
    )
    return 2 if imported.decisions else 0


def _write_project(
    target: Path, imported: Imported, listed: dict[str, Any], title: str, slug: str
) -> None:
    """The project's data, README, site, CI and GitHub files, into ``target``."""
    data = target / "data"
    write_papers(data, imported)
    for name in ("categories", "environments", "keywords"):
        write_vocabulary(data / f"{name}.yaml", name, getattr(imported, name))
    write_text(data / "list.yaml", schema_hint(data / "list.yaml", "list") + dump_yaml(listed))
    _project_files(target, title, slug)
    catalogue = catalogue_from_records(
        imported.decided, imported.categories, imported.environments, imported.keywords
    )
    info = list_info(listed)
    readme = render_readme(catalogue, readme_template(info), layout=info.layout)
    write_text(target / "README.md", readme)


def _repository(text: str) -> str | None:
    """The list's own repository, as its badges name it (stars, forks, license)."""
    if match := re.search(
        r"img\.shields\.io/github/[\w-]+/([\w.-]+)/([\w.-]+?)(?:\?|\)|$)", text, re.M
    ):
        return f"https://github.com/{match.group(1)}/{match.group(2)}"
    return None


_OWNER_NAME = r"(?P<owner>[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?)/(?P<name>[\w.-]+?)"


def _github(text: str) -> str | None:
    """``https://github.com/owner/name`` from ``owner/name``, a GitHub URL or a git remote."""
    text = text.strip().removesuffix("/").removesuffix(".git")
    for pattern in (
        rf"^{_OWNER_NAME}$",
        rf"^https?://(?:www\.)?github\.com/{_OWNER_NAME}$",
        rf"^(?:ssh://)?git@github\.com[:/]{_OWNER_NAME}$",
    ):
        if match := re.match(pattern, text):
            return f"https://github.com/{match['owner']}/{match['name']}"
    return None


def _git_remote(target: Path) -> str | None:
    """The GitHub repository the target folder's git clone pushes to, if it is one."""
    if not target.is_dir():
        return None
    try:
        found = subprocess.run(
            ["git", "-C", str(target), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):  # no git on this machine
        return None
    return _github(found.stdout) if found.returncode == 0 else None


def _list_document(
    frame: dict[str, Any],
    title: str,
    repo: str | None,
    slug: str,
    docs_url: str | None,
    by_venue: bool,
) -> dict[str, Any]:
    after = list(frame["sections_after"])
    at = next((i for i, s in enumerate(after) if s["title"].casefold() == "license"), len(after))
    after.insert(at, {"title": "Set-up", "body": SET_UP})
    readme: dict[str, Any] = {
        # The heading's Markdown, unless --title named the list otherwise.
        "heading": frame["title"]
        if frame["title"] != title == plain_text(frame["title"]).strip()
        else "",
        "badges": frame["badges"],
        "preamble": frame["preamble"],
        "sections_before": frame["sections_before"],
        "paper_format": frame["paper_format"],
        "sections_after": after,
    }
    if by_venue:
        readme["group_by"] = "venue"
    readme["order"] = frame["order"]
    if frame["keyword_label"] != "Keyword":
        readme["keyword_label"] = frame["keyword_label"]
    if frame.get("details"):
        readme["details"] = True
    if frame["venue_label"] != "Venue":
        readme["venue_label"] = frame["venue_label"]
    if by_venue and frame["venue_every"]:
        readme["venue_every"] = True
    return {
        "title": title,
        **({"short_title": short} if (short := short_title(title)) else {}),
        **({"repository": repo} if repo else {}),
        "docs_url": docs_url or f"https://{slug}.readthedocs.io/en/latest/",
        "intersphinx_name": re.sub(r"[^a-z0-9]+", "-", slug.lower().removeprefix("awesome-")),
        "site_intro": site_intro(frame["preamble"], repo),
        "readme": {key: value for key, value in readme.items() if value},
    }


def _project_files(target: Path, title: str, slug: str) -> None:
    for source, destination in FILES.items():
        path = target / destination
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PROJECT / source, path)
    (target / ".ci" / "run").chmod(0o755)
    engine = f"awesome-mmrl @ git+{ENGINE}@v{__version__}"
    values = {
        "title": title,
        "slug": slug,
        "engine": engine,
        "engine_docs": engine.replace("awesome-mmrl @", "awesome-mmrl[docs] @"),
    }
    for source, destination in FILLED.items():
        text = Template((PROJECT / source).read_text("utf-8")).safe_substitute(values)
        write_text(target / destination, text)
