"""``paper-authors``: the A-Z index of the list's authors, one entry per letter.

Each letter's page is written beside the site (:mod:`.standalone`), so that this page stays
the same size however many authors the list has.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..records.pagekinds import LETTER
from ..records.people import letter_counts, letter_key, roster
from .domain import get_domain
from .indexlist import index_list
from .state import catalogue_of

INTRO = (
    "Every author of the list, A to Z by family name. An author with two or more papers has a "
    "page with their papers and co-authors; one with a single paper links that paper."
)


class PaperAuthors(SphinxDirective):
    """Every letter of the authors' family names, with how many authors it files."""

    def run(self) -> list[nodes.Node]:
        catalogue = catalogue_of(self.env)
        get_domain(self.env).note_selection(self.env.docname, ("authors", "", ""), catalogue)
        counts = letter_counts(roster(catalogue))
        entries = [(LETTER.label(letter_key(key)), key, n) for key, n in counts.items()]
        return [nodes.paragraph(INTRO, INTRO), index_list(entries)]
