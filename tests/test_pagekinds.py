"""The registry of page kinds: every kind Sphinx reads is a grouping of the catalogue, and
no two kinds could file a page or a label in the same place."""

from __future__ import annotations

from pathlib import Path

from awesome_papers.records.loader import load_catalogue
from awesome_papers.records.pagekinds import KINDS, PAPER, SECTIONS
from awesome_papers.sphinx_ext.pages import listed_values, page_sources


def test_every_read_kind_is_a_grouping_with_a_subject_per_value(data_dir: Path) -> None:
    catalogue = load_catalogue(data_dir)
    for kind in SECTIONS:
        named = catalogue.named(kind.name)
        assert named, kind
        for value, _ in named:
            assert catalogue.subject(kind.name, value) is not None, (kind, value)


def test_kinds_file_pages_and_labels_apart() -> None:
    prefixes = [kind.prefix for kind in KINDS.values()]
    assert len(set(prefixes)) == len(prefixes)
    places = [(kind.folder, kind.stem) for kind in KINDS.values()]
    assert len(set(places)) == len(places)
    assert PAPER.label("x") == "paper-x" and PAPER.pagename("x") == "papers/x"


def test_each_value_with_a_page_has_its_stub_and_a_rare_keyword_has_none(data_dir: Path) -> None:
    catalogue = load_catalogue(data_dir)
    values, sources = listed_values(catalogue), page_sources(catalogue)
    for kind in SECTIONS:
        for value in values[kind.folder]:
            assert (
                f".. paper-page:: {kind.name} {value}\n" in sources[f"{kind.pagename(value)}.rst"]
            )
    counts = catalogue.counts("keyword")
    rare = [k.slug for k in catalogue.keywords if counts.get(k.slug, 0) == 1]
    assert rare and not set(rare) & set(values["keywords"])
