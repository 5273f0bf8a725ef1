"""The same list, written the ways maintainers write it, gives the same records: each invented
README of ``tests/roots/family-irregular`` rewritten with other line endings, markers,
indentation, emphasis and heading decorations, or with its titles as text before a labelled
link, reads as the original does."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from awesome_papers.formats.importer import import_readmes
from conftest import ROOTS

READMES = sorted((ROOTS / "family-irregular").glob("*.md"))

#: Rewrites that change how a README is written, not what GitHub shows of it.
REWRITES: dict[str, Callable[[str], str]] = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "byte-order-mark": lambda text: "\ufeff" + text,
    "star-markers": lambda text: re.sub(r"^(\s*)- ", r"\1* ", text, flags=re.M),
    "plus-markers": lambda text: re.sub(r"^(\s*)- ", r"\1+ ", text, flags=re.M),
    "numbered": lambda text: re.sub(r"^- \[", "1. [", text, flags=re.M),
    "tab-indented": lambda text: re.sub(r"^  ", "\t", text, flags=re.M),
    "bold-titles": lambda text: re.sub(
        r"^- (\[[^\]\n]+\]\(https?://[^)\s]+\))", r"- **\1**", text, flags=re.M
    ),
    "trailing-spaces": lambda text: re.sub(r"$", "  ", text, flags=re.M),
    "closing-hashes": lambda text: re.sub(r"^(#{2,4}) (.+)$", r"\1 \2 \1", text, flags=re.M),
    "emoji-headings": lambda text: re.sub(r"^(#{2,4}) (.+)$", r"\1 📚 \2", text, flags=re.M),
    # The shapes of lists outside the family: the title as text, its link labelled after it.
    "title-as-text": lambda text: re.sub(
        r"^- \[([^\]\n]+)\]\((https?://[^)\s]+)\)", r"- **\1** [[paper](\2)]", text, flags=re.M
    ),
    "title-then-paper-link": lambda text: re.sub(
        r"^- \[([^\]\n]+)\]\((https?://[^)\s]+)\)", r"- \1 [[paper]](\2)", text, flags=re.M
    ),
}


@pytest.mark.parametrize("rewrite", REWRITES, ids=str)
@pytest.mark.parametrize("readme", READMES, ids=lambda path: path.stem)
def test_a_rewritten_readme_gives_the_same_records(readme: Path, rewrite: str) -> None:
    text = readme.read_text("utf-8")
    original = import_readmes([(readme.name, text)])
    rewritten = import_readmes([(readme.name, REWRITES[rewrite](text))])
    assert original.papers, "the fixture must hold papers for the rewrite to mean anything"
    assert rewritten.papers == original.papers
    assert rewritten.pending == original.pending
