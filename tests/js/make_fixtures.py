"""Write what the front end's unit tests read (``tests/js/fixtures/``), as the build writes
it: the query vocabulary, and the paper search index of ``tests/roots/data-small`` (words
unstemmed, as a page without Sphinx's stemmer queries them).

Run ``python tests/js/make_fixtures.py`` after changing either; ``tests/test_js_fixtures.py``
fails while the fixtures are stale, as Sphinx keeps its ``searchtools.js`` fixtures.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SMALL = HERE.parent / "roots" / "data-small"


def fixtures() -> dict[str, str]:
    """Every fixture file, by its path under ``fixtures/``."""
    from awesome_papers.records.loader import load_catalogue
    from awesome_papers.sphinx_ext.search import build_index
    from awesome_papers.sphinx_ext.vocabulary import vocabulary

    catalogue = load_catalogue(SMALL)
    bundle = build_index(catalogue, lambda paper: f"papers/{paper.id}.html", lambda word: word)
    files = {f"paper-search/{name}": text for name, text in bundle.items()}
    files["vocabulary.json"] = json.dumps(vocabulary(), indent=1, sort_keys=True) + "\n"
    return files


def main() -> int:
    shutil.rmtree(FIXTURES, ignore_errors=True)
    for name, text in fixtures().items():
        (FIXTURES / name).parent.mkdir(parents=True, exist_ok=True)
        (FIXTURES / name).write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent / "docs" / "_ext"))
    sys.exit(main())
