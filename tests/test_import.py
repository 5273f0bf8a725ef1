"""The importer reads the hand-written lists, irregularities and all, and drops nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from awesome_papers.cli import main
from awesome_papers.formats.importer import import_readmes

UPSTREAM = Path(__file__).parent / "upstream"
SEED = UPSTREAM / "README.seed.md"
FULL = UPSTREAM / "README.full.md"


def imported(*paths: Path):  # type: ignore[no-untyped-def]
    return import_readmes([(path.name, path.read_text("utf-8")) for path in paths])


def by_title(result, start: str) -> dict:  # type: ignore[no-untyped-def]
    matches = [paper for paper in result.papers if paper["title"].startswith(start)]
    assert len(matches) == 1, start
    return matches[0]


def test_seed_list_gives_its_13_papers_in_3_categories() -> None:
    result = imported(SEED)
    assert len(result.papers) == 13
    assert [c["title"] for c in result.categories] == ["General-RL", "VLM-RL", "Generative-RL"]
    assert result.report == []


def test_full_list_gives_121_papers_with_venues_from_headings() -> None:
    result = imported(FULL)
    assert len(result.papers) == 121
    drm = by_title(result, "DrM:")
    assert (drm["venue"], drm["year"]) == ("ICLR", 2024)
    assert drm["keywords"] == ["Visual RL", "Dormant Ratio"]


def test_both_lists_merge_into_127_distinct_papers() -> None:
    result = imported(SEED, FULL)
    assert len(result.papers) == 127
    vima = by_title(result, "VIMA:")
    assert vima["category"] == "generative-rl"
    assert (vima["venue"], vima["year"], vima["venue_note"]) == (
        "ICLR",
        2023,
        "NeurIPS Workshop 2022",
    )
    merged = [p for p in result.report if "merged" in p.message]
    assert len(merged) == 7


def test_irregular_lines() -> None:
    result = imported(FULL)
    pali = by_title(result, "PaLI:")
    assert pali["highlight"] == "notable top 5%"
    # "etc." is a flag, not an author; a missing space after a comma still splits.
    soat = by_title(result, "SOAT:")
    assert soat["authors"] == ["Abhinav Moudgil", "Arjun Majumdar", "Harsh Agrawal"]
    assert soat["authors_truncated"] is True
    # A full-width closing parenthesis after the URL, and a full-width comma after a keyword.
    real_world = by_title(result, "Real-World Robot Learning")
    assert real_world["url"] == "https://arxiv.org/abs/2210.03109"
    assert real_world["keywords"] == ["real-world robotic tasks"]
    # "Key:" label with a trailing period; environments with an empty link "[ManiSkill2]()".
    abnet = by_title(result, "ABNet:")
    assert abnet["keywords"][-1] == "Multi-modal control"
    surprising = by_title(result, "The Surprising Ineffectiveness")
    assert "maniskill2" in surprising["environments"]
    assert {"id": "maniskill2", "name": "ManiSkill2"} in result.environments
    # Venue from the italic suffix under the "Other" heading.
    rl_emo = by_title(result, "RL-EMO:")
    assert (rl_emo["venue"], rl_emo["year"]) == ("ICASSP", 2024)
    # A plain setting stays text.
    primt = by_title(result, "PRIMT:")
    assert primt["settings"] == ["2 locomotion and 6 manipulation tasks"]
    # The arXiv heading: the year comes from the arXiv id.
    spatial = by_title(result, "Spatialvlm")
    assert (spatial["venue"], spatial["year"]) == ("arXiv", 2024)


def test_free_text_environments_resolve_through_the_vocabulary() -> None:
    vocabulary = {
        "environments": [{"id": "dmc", "name": "DeepMind Control Suite", "aliases": ["DMControl"]}]
    }
    result = import_readmes([(FULL.name, FULL.read_text("utf-8"))], vocabularies=vocabulary)
    ddm = by_title(result, "Seek Commonality")
    assert ddm["environments"] == ["carla", "dmc"]  # from "ExpEnv: CARLA, DMControl"
    assert "settings" not in ddm


def test_keywords_and_environments_are_normalised() -> None:
    result = imported(SEED, FULL)
    names = {k["name"] for k in result.keywords}
    assert "Visual RL" in names
    assert "visual reinforcement learning" not in names
    visual = next(k for k in result.keywords if k["name"] == "Visual RL")
    assert "Visual Reinforcement Learning" in visual["aliases"]
    ids = {e["id"] for e in result.environments}
    assert "deepmind-control-suite" in ids


def test_details_toggles_labels_and_unplaceable_lines() -> None:
    text = """\
## Papers

<details open>
<summary>ICLR 2022</summary>

### ICLR 2022
- [A Paper](https://example.org/a){trailing}
  - Ann One, Bob Two, etc.
  - Keyword: alpha; beta
  - ExpEnv: [Gym](), [Atari](https://github.com/openai/gym),Procgen
  - Something nobody expected
- [B Paper](https://example.org/b) [Code](https://github.com/b/b)
  - Cy Three. *RSS 2021*
  - Key Words: gamma
</details>
"""
    text = text.replace("{trailing}", "   ")  # trailing spaces after the title link
    result = import_readmes([("list.md", text)], default_category="misc")
    first, second = result.papers
    assert first["authors"] == ["Ann One", "Bob Two"] and first["authors_truncated"]
    assert first["keywords"] == ["alpha", "beta"]
    assert first["environments"] == ["gym", "atari"]
    assert first["settings"] == ["Procgen"]
    assert first["note"] == "Something nobody expected"
    assert [str(p) for p in result.report] == [
        "list.md:11: note: could not place 'Something nobody expected'"
    ]
    assert second["links"] == [{"kind": "code", "url": "https://github.com/b/b"}]
    assert second["venue_note"] == "RSS 2021"
    assert second["category"] == "misc"


def test_cli_writes_records_and_exits_2_on_what_a_human_must_decide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "data"
    arguments = ["import", str(SEED), str(FULL), "--out", str(out)]
    assert main([*arguments, "--default-category", "general-rl"]) == 2
    # Upstream gives two papers the links of two others: every record is written, and each
    # decision names the README line to edit.
    decisions = [
        line for line in capsys.readouterr().err.splitlines() if line.startswith("decide:")
    ]
    assert [line.split(": url: ")[0] for line in decisions] == [
        f"decide: {FULL}:602",
        f"decide: {FULL}:663",
    ]
    assert "same link as rl-emo-reinforcement-learning-framework (" in decisions[0]
    # The two wait aside, where no build reads them, until those decisions are made.
    assert len(list((out / "papers").glob("*.yaml"))) == 125
    assert len(list((out / "pending").glob("*.yaml"))) == 2
    assert main(["validate", str(out)]) == 0
    first = sorted((out / "papers").glob("*.yaml"))[0].read_text("utf-8")
    assert first.startswith("# yaml-language-server: $schema=")
    assert yaml.safe_load(first)["id"]
