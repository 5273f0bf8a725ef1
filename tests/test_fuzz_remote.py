"""Whatever a service answers, ``new`` and ``refresh --write`` lose nothing: a whole new record
or none, and an existing record either untouched or edited into one that still validates."""

from __future__ import annotations

import http.server
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from awesome_papers.cli import main
from awesome_papers.records.loader import load_catalogue
from awesome_papers.records.parsing import parse
from awesome_papers.records.yamlfile import read_yaml
from awesome_papers.remote.links import check_links
from conftest import serving
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_fuzz import assert_reported

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: JSON of any shape, with the keys the services use, so that answers are often nearly right.
# fmt: off
KEYS = st.sampled_from([
    "message", "title", "author", "given", "family", "name", "published", "date-parts",
    "container-title", "notes", "content", "value", "authors", "venue", "pdate", "year",
    "publicationVenue", "externalIds", "DOI",
])
# fmt: on
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["ICML", "10.1/x", "<b>x</b>", "a\nb", "arXiv", "2024", "javascript:x"])
)
ANSWERS = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(KEYS | st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=12,
)


class Answering(http.server.BaseHTTPRequestHandler):
    """Every request gets :attr:`body`."""

    body: ClassVar[bytes] = b"{}"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


@pytest.fixture
def answering(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Answering]]:
    with serving(Answering) as base:
        for name in ("ARXIV", "CROSSREF", "OPENREVIEW", "S2"):
            monkeypatch.setenv(f"AWESOME_PAPERS_{name}_API", f"{base}/")
        monkeypatch.setattr("awesome_papers.remote.http.TIMEOUT", 2.0)
        yield Answering


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((data_dir / "papers").iterdir())}


@FUZZ
@given(st.sampled_from([["--doi", "10.1234/x"], ["--openreview", "Fz1"]]), ANSWERS)
@example(["--doi", "10.1234/x"], {"message": {"title": [7], "author": "Grace"}})
@example(["--openreview", "Fz1"], {"notes": [{"content": {"title": "T"}, "pdate": 10**20}]})
@example(["--doi", "10.1234/x"], [])
def test_new_writes_one_whole_record_or_nothing_whatever_the_answer(
    data_dir: Path,
    answering: type[Answering],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    answer: Any,
) -> None:
    answering.body = json.dumps(answer).encode()
    before = snapshot(data_dir)
    code = main(["new", *argv])
    after = snapshot(data_dir)
    assert_reported(code, capsys.readouterr().err)
    assert {name: after[name] for name in before} == before  # nothing there is touched
    if code == 0:
        (added,) = set(after) - set(before)
        read_yaml(data_dir / "papers" / added, added)  # whole YAML, whatever validate says of it
    else:
        assert after == before


PREPRINT = """\
id: a-preprint
title: A Preprint  # kept
url: https://arxiv.org/abs/2309.99999
authors: [Grace Hopper]
venue: arXiv
year: 2023
category: agents
topics: [visual-agents]
"""


@FUZZ
@given(ANSWERS)
@example({"venue": "ICML\n<script>", "year": 2024})
@example({"venue": {"name": 3}})
@example({"venue": "ICML", "year": "2024", "externalIds": {"DOI": 5}})
def test_refresh_write_leaves_each_record_whole_and_valid(
    data_dir: Path, answering: type[Answering], capsys: pytest.CaptureFixture[str], answer: Any
) -> None:
    record = data_dir / "papers" / "a-preprint.yaml"
    record.write_text(PREPRINT, "utf-8")
    answering.body = json.dumps(answer).encode()
    code = main(["refresh", "--write"])
    assert "Traceback" not in capsys.readouterr().err
    assert code in (0, 1)
    if record.read_text("utf-8") != PREPRINT:
        assert parse(str(record), "a-preprint.yaml", "paper")[1] == []
        assert "# kept" in record.read_text("utf-8")


def test_an_answer_of_the_wrong_shape_is_one_line_and_nothing_written(
    data_dir: Path, answering: type[Answering], capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(data_dir)
    answering.body = json.dumps({"message": {"title": [7], "author": "Grace"}}).encode()
    assert main(["new", "--doi", "10.1234/x"]) == 1
    assert capsys.readouterr().err == (
        "error: Crossref answered about 10.1234/x in a form this tool does not read; "
        "nothing was written\n"
    )
    assert snapshot(data_dir) == before


def test_refresh_keeps_a_record_that_the_answer_would_break(
    data_dir: Path, answering: type[Answering], capsys: pytest.CaptureFixture[str]
) -> None:
    record = data_dir / "papers" / "a-preprint.yaml"
    record.write_text(PREPRINT, "utf-8")
    answering.body = json.dumps({"venue": "ICML\n<script>", "year": 2024}).encode()
    assert main(["refresh", "--write"]) == 0
    out, err = capsys.readouterr()
    assert err == (
        "skipped a-preprint: its published version is not valid: data/papers/a-preprint.yaml:5: "
        "venue: must be one non-blank line of text (got 'ICML\\n<script>')\n"
    )
    assert out == "updated 0 record(s) in data\n"
    assert record.read_text("utf-8") == PREPRINT


def test_new_by_hand_never_overwrites_a_record_whose_id_it_would_take(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = (data_dir / "papers" / "dreamerv2.yaml").read_bytes()
    assert main(["new", "DreamerV2", "--url", "https://example.org/another"]) == 0
    assert (data_dir / "papers" / "dreamerv2.yaml").read_bytes() == kept
    written = (data_dir / "papers" / "dreamerv2-2.yaml").read_text("utf-8")
    assert "id: dreamerv2-2\n" in written and "url: https://example.org/another\n" in written


@pytest.mark.parametrize(
    "cache", ["[1, 2]", '{{"{local}": 3}}', '{{"{local}": {{"checked": "x"}}}}']
)
def test_a_link_cache_of_another_shape_is_no_cache(
    data_dir: Path, answering: type[Answering], tmp_path: Path, cache: str
) -> None:
    local = os.environ["AWESOME_PAPERS_S2_API"] + "ok"  # only the local server is asked
    for record in (data_dir / "papers").iterdir():
        record.unlink()
    (data_dir / "environments.yaml").write_text(f"- id: sim\n  name: Sim\n  url: {local}\n")
    for n in range(3):  # a topic needs three papers
        (data_dir / "papers" / f"local-{n}.yaml").write_text(
            f"id: local-{n}\ntitle: Local {n}\nurl: {local}?{n}\nauthors: [Grace Hopper]\n"
            "category: agents\ntopics: [visual-agents]\n",
            "utf-8",
        )
    stored = tmp_path / "links.json"
    stored.write_text(cache.format(local=local), "utf-8")
    reports = check_links(load_catalogue(data_dir), 24, cache=stored)
    assert sorted((report.url, report.status) for report in reports) == [
        (local, "ok"),
        *((f"{local}?{n}", "ok") for n in range(3)),
    ]
