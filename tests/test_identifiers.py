"""Every tool reads a paper's arXiv, DOI and OpenReview identifiers alike."""

from __future__ import annotations

import pytest
from awesome_papers.records.identifiers import (
    arxiv_identifier,
    arxiv_year,
    identifier,
    pdf_link,
    recognise,
)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://arxiv.org/abs/2010.02193v2", ("arxiv", "2010.02193")),
        ("https://export.arxiv.org/pdf/2010.02193.pdf", ("arxiv", "2010.02193")),
        ("https://www.alphaxiv.org/abs/2503.24377", ("arxiv", "2503.24377")),
        ("https://doi.org/10.1109/ICRA.2023.1", ("doi", "10.1109/ICRA.2023.1")),
        ("https://openreview.net/pdf?id=0oabwyZbOu", ("openreview", "0oabwyZbOu")),
        ("https://openreview.net/forum?id=a-B_c&noteId=x", ("openreview", "a-B_c")),
        ("https://proceedings.mlr.press/v235/venuto24a.html", None),
    ],
)
def test_links_are_recognised(link: str, expected: tuple[str, str] | None) -> None:
    assert recognise(link) == expected


def test_bare_identifiers_and_links_give_the_same_identifier() -> None:
    assert arxiv_identifier("arXiv:2010.02193v1") == "2010.02193"
    assert identifier("doi", "https://dx.doi.org/10.5555/X") == "10.5555/X"
    assert identifier("openreview", "https://openreview.net/forum?id=abc") == "abc"
    assert identifier("openreview", "abc&noteId=d") == "abc"


@pytest.mark.parametrize(
    ("link", "year"),
    [
        ("https://arxiv.org/pdf/2010.02193v2", 2020),
        ("https://arxiv.org/abs/0706.0001", 2007),
        ("https://arxiv.org/abs/cs/9912001", 1999),
        ("https://arxiv.org/abs/cs.LG/0703001", 2007),
    ],
)
def test_an_arxiv_identifier_gives_the_year_it_was_issued(link: str, year: int) -> None:
    found = recognise(link)
    assert found is not None
    assert arxiv_year(found[1]) == year


def test_a_pdf_link_points_to_the_papers_page() -> None:
    assert pdf_link("https://openreview.net/pdf?id=0oabwyZbOu") == (
        "https://openreview.net/forum?id=0oabwyZbOu"
    )
    assert pdf_link("http://arxiv.org/pdf/2201.07207v2") == "https://arxiv.org/abs/2201.07207"
    assert pdf_link("https://arxiv.org/abs/2201.07207") is None
    assert pdf_link("https://openreview.net/forum?id=x") is None
