"""The terms a paper is found by, as the browser makes them of a query."""

from __future__ import annotations

import pytest
from awesome_papers.sphinx_ext.searchterms import name_term, pairs, parts, tokens, values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EvolvedGRPO: Unlocking Reasoning", ("evolved", "grpo")),
        ("NoisyGRPO", ("noisy", "grpo")),
        ("GRPOTrainer", ("grpo", "trainer")),
        ("Qwen2.5-VL", ("qwen",)),
        ("DreamerV2", ("dreamer",)),  # "v" and "2" alone say nothing
        ("Janus-Pro-R1", ()),  # a hyphen already cuts words apart
        ("Hal Daumé III", ()),  # an accent does not cut a name
        ("world models", ()),
    ],
)
def test_compound_names_are_cut_at_case_changes_and_digits(
    text: str, expected: tuple[str, ...]
) -> None:
    assert parts(text) == expected


def test_words_are_folded_as_the_browser_folds_a_query() -> None:
    assert tokens("Daumé's World-Models") == ("daume", "s", "world", "models")


def test_pairs_join_neighbours_and_say_where_they_stand() -> None:
    assert list(pairs(["world", "model", "learn"])) == ["p:world~model", "p:model~learn"]
    assert list(pairs(["world", "model"], titled=False)) == ["p:world~~model"]
    assert list(pairs(["world"])) == []


def test_values_of_a_field_do_not_pair_across_their_separators() -> None:
    assert values("World models · Atari, Sergey Levine; Meta-World") == [
        "World models",
        "Atari",
        "Sergey Levine",
        "Meta-World",
    ]


def test_a_whole_name_is_its_stemmed_words_joined() -> None:
    def stem(word: str) -> str:
        return word.removesuffix("s")

    assert name_term("World models", stem) == "n:world~model"
    assert name_term("ICML 2022", stem) == "n:icml~2022"
