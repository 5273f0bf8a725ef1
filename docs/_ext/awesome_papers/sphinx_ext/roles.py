"""The ``paper`` role: an inline link to a paper's card, with the paper's title."""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from ..records.pagekinds import PAPER
from .cards import label_ref
from .domain import get_domain
from .state import catalogue_of

logger = logging.getLogger(__name__)


class PaperRole(SphinxRole):
    """``:paper:`<id>``` (``{paper}`<id>``` in MyST)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        paper_id = self.text.strip()
        paper = catalogue_of(self.env).paper_by_id.get(paper_id)
        if paper is None:
            logger.warning(
                "unknown paper id %r",
                paper_id,
                location=self.get_location(),
                type="awesome_papers",
                subtype="paper",
            )
            return [nodes.literal(self.rawtext, paper_id)], []
        get_domain(self.env).note_selection(
            self.env.docname, ("paper", "", paper.id), catalogue_of(self.env)
        )
        return [label_ref(PAPER.label(paper.id), paper.title, ["ap-paper-ref"])], []
