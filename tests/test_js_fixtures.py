"""The front end's unit tests read what the Python side writes: their fixtures are current."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from awesome_papers.sphinx_ext.cards import facets_json
from awesome_papers.sphinx_ext.searchterms import FIELD_PREFIXES, facet_values
from awesome_papers.sphinx_ext.vocabulary import FACETS, FIELDS

JS = Path(__file__).resolve().parent / "js"
_spec = importlib.util.spec_from_file_location("make_fixtures", JS / "make_fixtures.py")
assert _spec and _spec.loader
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def test_the_js_fixtures_are_what_the_build_writes_now() -> None:
    wanted = make_fixtures.fixtures()
    found = {
        p.relative_to(make_fixtures.FIXTURES).as_posix(): p.read_text("utf-8")
        for p in make_fixtures.FIXTURES.rglob("*")
        if p.is_file()
    }
    assert found == wanted, "stale: run python tests/js/make_fixtures.py"


def test_the_vocabulary_names_what_cards_and_the_index_hold(data_dir: Path) -> None:
    """Each field and facet reads a facet that a card writes; the search index files every
    field but title (whose words it searches) and offers every facet."""
    from awesome_papers.records.loader import load_catalogue

    catalogue = load_catalogue(data_dir)
    card = json.loads(facets_json(catalogue.papers[0], catalogue))
    assert {key for field in FIELDS for key in field.source} <= card.keys()
    assert {facet.source for facet in FACETS} <= card.keys()
    assert {field.name for field in FIELDS} - {"title"} == FIELD_PREFIXES.keys()
    assert {facet.key for facet in FACETS} == facet_values(catalogue.papers[0], catalogue).keys()
