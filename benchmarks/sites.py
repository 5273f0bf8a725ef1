"""The sites the benchmark builds: a synthetic list of N papers in our real ``data/`` format,
our site on it, the static baseline of the same pages, and Sphinx's one-page floor."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / "_work"
# The site's own theme settings (docs/conf.py), for our build and the baseline alike.
THEME_CONF = """
html_theme = "pydata_sphinx_theme"
html_sidebars = {"keywords/**": [], "environments/**": [], "venues/**": [], "index": []}
html_theme_options = {"secondary_sidebar_items": {"statistics": ["page-toc"], "linking": ["page-toc"]}}
html_copy_source = False
exclude_patterns = ["_build"]
"""
WORDS = [
    "visual",
    "language",
    "policy",
    "reward",
    "model",
    "agent",
    "world",
    "robot",
    "learning",
    "vision",
    "transformer",
    "diffusion",
    "planning",
    "reasoning",
    "offline",
    "online",
    "multi",
    "modal",
    "embodied",
    "navigation",
    "manipulation",
    "video",
    "game",
    "representation",
    "preference",
    "feedback",
    "imitation",
    "control",
    "latent",
    "dynamics",
    "pixel",
    "benchmark",
]


#: Syllables of the synthetic authors' given names.
SYLLABLES = ["ba", "ko", "ri", "ta", "mel", "su", "den", "vi", "lo", "an", "ne", "os"]


def person(number: int) -> str:
    """A given name for ``number``, one of its own, spelled as a name (no digits), so that
    ``validate`` takes the synthetic authors for people."""
    syllables = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
        if not number:
            break
    return "".join(syllables).title()


def real_topics() -> tuple[list[int], list[int]]:
    """This list's topic map in numbers: each topic's paper count, and how many papers have
    1, 2, 3... topics (index 0: papers with one)."""
    sizes: dict[str, int] = {}
    per_paper: dict[int, int] = {}
    for path in sorted((REPO / "data" / "papers").glob("*.yaml")):
        topics = yaml.safe_load(path.read_text("utf-8")).get("topics") or []
        for topic in topics:
            sizes[topic] = sizes.get(topic, 0) + 1
        if topics:
            per_paper[len(topics)] = per_paper.get(len(topics), 0) + 1
    return sorted(sizes.values(), reverse=True), [
        per_paper.get(k, 0) for k in range(1, max(per_paper) + 1)
    ]


def synthetic_data(target: Path, n: int, seed: int = 7) -> None:
    """N papers: ~3 keywords each from ~N/3, 2 environments from ~N/20, 6 categories, and
    topics as this list has them: as many, as unevenly filled, as many a paper."""
    rng = random.Random(seed)
    weights, per_paper = real_topics()
    weights = weights[: max(1, n // 12)]  # a small list, fewer topics: each needs 3 papers
    topics = [
        {"id": f"topic-{i}", "name": f"Topic {i} {rng.choice(WORDS)}", "description": f"Kind {i}."}
        for i in range(len(weights))
    ]
    if target.exists():
        shutil.rmtree(target)
    (target / "papers").mkdir(parents=True)
    categories = [
        {
            "id": f"cat-{i}",
            "title": f"Category {i}",
            "order": i,
            "description": f"Papers of kind {i}.",
        }
        for i in range(6)
    ]
    keywords = [{"name": f"Keyword {i} {rng.choice(WORDS)}"} for i in range(max(3, n // 3))]
    environments = [
        {"id": f"env-{i}", "name": f"Environment {i}", "url": f"https://example.org/env/{i}"}
        for i in range(max(2, n // 20))
    ]
    shutil.copy(REPO / "data" / "list.yaml", target / "list.yaml")  # the README around the papers
    for name, items in (
        ("categories", categories),
        ("keywords", keywords),
        ("environments", environments),
        ("topics", topics),
    ):
        (target / f"{name}.yaml").write_text(yaml.safe_dump(items, sort_keys=False), "utf-8")
    for i in range(n):
        title = " ".join(rng.choice(WORDS).title() for _ in range(rng.randint(4, 10))) + f" {i}"
        year = rng.randint(2015, 2026)
        record = {
            "id": f"paper-{i}",
            "title": title,
            "url": f"https://arxiv.org/abs/{year % 100:02d}{rng.randint(1, 12):02d}.{i:05d}",
            "authors": [
                f"{person(rng.randint(1, 5 * n))} {rng.choice(WORDS).title()}"
                for _ in range(rng.randint(1, 30))
            ],
            "venue": rng.choice(["ICLR", "NeurIPS", "ICML", "CVPR", "CoRL", "arXiv"]),
            "year": year,
            "category": rng.choice(categories)["id"],
            "keywords": sorted({rng.choice(keywords)["name"] for _ in range(3)}),
            "environments": sorted({rng.choice(environments)["id"] for _ in range(2)}),
            "topics": _topics_of(rng, topics, weights, per_paper),
            "added": f"{year}-01-01",
        }
        (target / "papers" / f"paper-{i}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False), "utf-8"
        )


def _topics_of(
    rng: random.Random, topics: list[dict[str, str]], weights: list[int], per_paper: list[int]
) -> list[str]:
    """1 to 4 distinct topics, the larger topics the likelier, as in this list."""
    wanted = rng.choices(range(1, len(per_paper) + 1), per_paper)[0]
    chosen: list[str] = []
    while len(chosen) < min(wanted, len(topics)):
        topic = rng.choices(topics, weights)[0]["id"]
        if topic not in chosen:
            chosen.append(topic)
    return chosen


def our_site(target: Path, data: Path) -> None:
    """Our site on ``data``: the home page comes from its ``list.yaml``, as this list's does,
    with this list's statistics and searching pages beside it."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(
        f'extensions = ["myst_parser", "awesome_papers"]\nawesome_papers_data = {str(data)!r}\n'
        + THEME_CONF,
        "utf-8",
    )
    for page in ("statistics.md", "searching.md"):
        shutil.copy(REPO / "docs" / page, target / page)


def static_site(target: Path, data: Path) -> None:
    """The same pages as hand-written MyST: what the content costs with no extension at all."""
    sys.path.insert(0, str(REPO / "docs" / "_ext"))
    from awesome_papers.formats.bibtex import bibtex_entry
    from awesome_papers.records.keys import slugify
    from awesome_papers.records.loader import load_catalogue

    catalogue = load_catalogue(data)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design"]\n' + THEME_CONF, "utf-8"
    )

    def card(paper, canonical: bool) -> str:  # type: ignore[no-untyped-def]
        keywords = " ".join(
            f"{{bdg-ref-primary-line}}`{k} <keyword-{slugify(k)}>`" for k in paper.keywords
        )
        envs = ", ".join(
            f"{{ref}}`{catalogue.environment_by_id[e].name} <env-{e}>` [↗]({catalogue.environment_by_id[e].url})"
            for e in paper.environments
        )
        bib = bibtex_entry(paper).replace("<", "&lt;")
        target_line = f"(paper-{paper.id})=\n" if canonical else ""
        return (
            f"{target_line}:::{{card}}\n:class-card: ap-card\n\n[{paper.title}]({paper.url})\n^^^\n"
            f"{', '.join(paper.authors)}\n\n{{ref}}`{paper.venue_label} <venue-{slugify(paper.venue_label)}>`\n\n"
            f"{keywords}\n\n**Environments:** {envs}\n+++\n{{bdg-link-primary-line}}`Paper <{paper.url}>`\n\n"
            f"```{{raw}} html\n<details><summary>BibTeX</summary><pre>{bib}</pre></details>\n```\n:::\n\n"
        )

    def write(path: str, label: str, title: str, papers, canonical: bool = False) -> None:  # type: ignore[no-untyped-def]
        page = target / path
        page.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(card(p, canonical) for p in papers)
        page.write_text(f"({label})=\n# {title}\n\n{len(papers)} papers\n\n{body}", "utf-8")

    groups = _static_groups(catalogue)
    for folder, pages in groups.items():
        for value, label, title, papers in pages:
            write(f"{folder}/{value}.md", label, title, papers, canonical=folder == "categories")
        listing = "\n".join(f"- {{ref}}`{label}` {len(papers)}" for _, label, _, papers in pages)
        toctree = "\n".join(value for value, *_ in pages)
        (target / folder / "index.md").write_text(
            f"# {folder.title()}\n\n{listing}\n\n```{{toctree}}\n:hidden:\n\n{toctree}\n```\n",
            "utf-8",
        )
    (target / "index.md").write_text(
        "# Benchmark list\n\n```{toctree}\ntopics/index\ncategories/index\nkeywords/index\nenvironments/index\nvenues/index\n```\n",
        "utf-8",
    )


def _static_groups(catalogue: Any) -> dict[str, list[tuple[str, str, str, list[Any]]]]:
    """The static baseline's pages per folder: (value, label, title, papers) each."""
    return {
        "topics": [
            (t.id, f"topic-{t.id}", t.name, catalogue.select("topic", t.id))
            for t in catalogue.topics
        ],
        "categories": [
            (c.id, f"category-{c.id}", c.title, catalogue.select("category", c.id))
            for c in catalogue.categories
        ],
        "keywords": [
            (k.slug, f"keyword-{k.slug}", k.name, catalogue.select("keyword", k.slug))
            for k in catalogue.keywords
            if catalogue.select("keyword", k.slug)
        ],
        "environments": [
            (e.id, f"env-{e.id}", e.name, catalogue.select("environment", e.id))
            for e in catalogue.environments
            if catalogue.select("environment", e.id)
        ],
        "venues": [
            (v.slug, f"venue-{v.slug}", v.label, catalogue.select("venue", v.slug))
            for v in catalogue.venues
        ],
    }


def floor_site(target: Path) -> None:
    """One page, the same extensions and theme: what any rebuild costs before any content."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design"]\n' + THEME_CONF, "utf-8"
    )
    (target / "index.md").write_text("# One page\n\nNothing else.\n", "utf-8")
