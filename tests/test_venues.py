"""The importer and the metadata sources read venues and tracks alike, and a record's
``track`` takes exactly the names the schema allows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from awesome_papers.records.venues import TRACK_LABELS, short_venue, split_venue, venue_in

SCHEMA = Path(__file__).parent.parent / "docs/_ext/awesome_papers/schemas/paper.schema.json"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NeurIPS 2023 (Poster)", ("NeurIPS", 2023, "poster")),
        ("ICML 2021", ("ICML", 2021, None)),
        ("AAAI 2019, Oral", ("AAAI", 2019, "oral")),
        (
            "NeurIPS 2024 Datasets and Benchmarks Track",
            ("NeurIPS", 2024, "datasets-and-benchmarks"),
        ),
        ("ICLR 2024 (SPOTLIGHT)", ("ICLR", 2024, "spotlight")),
        ("Nature", ("Nature", None, None)),
        # A month or a comma before the year, as lists outside the family write them.
        ("NeurIPS, Dec 2023", ("NeurIPS", 2023, None)),
        ("arXiv, Apr. 2022", ("arXiv", 2022, None)),
        ("ICML, September 2021 (Oral)", ("ICML", 2021, "oral")),
        ("Maybe 2024", ("Maybe", 2024, None)),  # "May" only as a word of its own
    ],
)
def test_a_venue_line_gives_venue_year_and_track(line: str, expected: tuple) -> None:
    assert split_venue(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ICLR 2024 poster", ("ICLR", 2024, "poster")),
        ("NeurIPS 2022 (Oral)", ("NeurIPS", 2022, "oral")),
        ("NeurIPS 2024 Datasets and Benchmarks", ("NeurIPS", 2024, "datasets-and-benchmarks")),
        ("Submitted to ICLR 2025", None),
        ("Advances in Neural Information Processing Systems 2022", ("NeurIPS", 2022, None)),
        (
            "Published at the International Conference on Learning Representations (ICLR 2024), spotlight",
            ("ICLR", 2024, "spotlight"),
        ),
        (
            "Proceedings of the 41st International Conference on Machine Learning, PMLR 235, 2024",
            ("ICML", 2024, None),
        ),
        ("no venue here", None),
    ],
)
def test_a_metadata_text_gives_the_same_tracks(text: str, expected: tuple | None) -> None:
    assert venue_in(text) == expected


def test_the_schema_allows_exactly_the_tracks_that_have_a_label() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["properties"]["track"]["enum"] == list(TRACK_LABELS)


def test_a_long_venue_name_gets_the_short_name_lists_use() -> None:
    assert short_venue("The Conference on Robot Learning") == "CoRL"
    assert short_venue("Neural Information Processing Systems") == "NeurIPS"
    assert short_venue("Some Workshop") == "Some Workshop"
