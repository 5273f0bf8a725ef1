"""new, refresh and links, against a local server that replays recorded answers: no internet."""

from __future__ import annotations

import http.server
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from awesome_papers.cli import main
from conftest import serving

RECORDED = Path(__file__).parent / "recorded"


class Recorded(http.server.BaseHTTPRequestHandler):
    """Answers as the services did, from tests/recorded; plus the routes links are tried on."""

    requests: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        Recorded.requests.append(self.path)
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/arxiv":
            self.answer(
                200,
                (RECORDED / f"arxiv-{query['id_list'][0]}.xml").read_bytes(),
                "application/atom+xml",
            )
        elif url.path.startswith("/crossref/"):
            name = url.path.removeprefix("/crossref/").replace("/", "-")
            self.recorded(f"crossref-{name}.json")
        elif url.path == "/openreview":
            self.recorded(f"openreview-{query['id'][0]}.json")
        elif url.path.startswith("/s2/"):
            self.recorded(f"s2-{url.path.removeprefix('/s2/').replace(':', '-')}.json")
        elif url.path == "/ok":
            self.answer(200, b"<html>ok</html>", "text/html")
        elif url.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif url.path in {"/forbidden", "/gone", "/busy"}:
            code = {"/forbidden": 403, "/gone": 404, "/busy": 429}[url.path]
            self.answer(code, b"no", "text/plain")
        elif url.path == "/slow":
            time.sleep(3)  # the tests give hosts 2 s (the default is 10)
            self.answer(200, b"late", "text/plain")
        else:
            self.answer(404, b"no such route", "text/plain")

    def recorded(self, name: str) -> None:
        path = RECORDED / name
        if path.is_file():
            self.answer(200, path.read_bytes(), "application/json")
        else:
            self.answer(404, b'{"error": "not found"}', "application/json")

    def answer(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("awesome_papers.remote.http.TIMEOUT", 2.0)
    monkeypatch.setattr("awesome_papers.remote.links.TIMEOUT", 2.0)


@pytest.fixture
def server() -> Iterator[str]:
    Recorded.requests = []
    with serving(Recorded) as base:
        yield base


@pytest.fixture
def services(server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AWESOME_PAPERS_ARXIV_API", f"{server}/arxiv")
    monkeypatch.setenv("AWESOME_PAPERS_CROSSREF_API", f"{server}/crossref/")
    monkeypatch.setenv("AWESOME_PAPERS_OPENREVIEW_API", f"{server}/openreview")
    monkeypatch.setenv("AWESOME_PAPERS_S2_API", f"{server}/s2/")
    return server


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every service at a port where nothing listens, as on a machine with no network."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for name in ("ARXIV", "CROSSREF", "OPENREVIEW", "S2"):
        monkeypatch.setenv(f"AWESOME_PAPERS_{name}_API", f"{closed}/")


def papers(data_dir: Path) -> set[str]:
    return {path.name for path in (data_dir / "papers").iterdir()}


def test_new_from_arxiv_writes_a_complete_record(
    data_dir: Path, services: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--arxiv", "arXiv:2411.01234v2"]) == 0
    record = yaml.safe_load(
        (data_dir / "papers" / "pixel-world-models-embodied-agents.yaml").read_text()
    )
    assert record["title"] == "Pixel World Models for Embodied Agents"
    assert record["authors"] == ["Grace Hopper", "Alan Turing", "Ada Lovelace"]
    assert record["url"] == "https://arxiv.org/abs/2411.01234"
    assert (record["venue"], record["year"], record["track"]) == ("ICLR", 2025, "spotlight")
    assert record["topics"] == ["visual-agents"]  # its title says World Models
    out = capsys.readouterr().out
    assert "Now check its category (agents) and topics (visual-agents), add keywords" in out
    assert main(["validate"]) == 0


def test_new_recognises_a_doi_link_and_an_openreview_id(
    data_dir: Path, services: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "https://doi.org/10.1234/wm.2024.7", "--category", "vision"]) == 0
    doi = yaml.safe_load(
        (data_dir / "papers" / "seeing-before-acting-visual-dynamics-control.yaml").read_text()
    )
    assert doi["authors"] == ["Katherine Johnson", "Dorothy Vaughan"]
    assert (doi["venue"], doi["year"], doi["url"]) == (
        "TMLR",
        2024,
        "https://doi.org/10.1234/wm.2024.7",
    )
    assert doi["category"] == "vision"
    path = data_dir / "papers" / "seeing-before-acting-visual-dynamics-control.yaml"
    path.write_text(path.read_text("utf-8") + "topics: [visual-agents]\n", "utf-8")
    assert main(["new", "--openreview", "AbCdEf123"]) == 0
    review = yaml.safe_load(
        (data_dir / "papers" / "rewards-vision-language-models.yaml").read_text()
    )
    assert (review["venue"], review["year"], review["track"]) == ("ICLR", 2024, "poster")
    assert review["url"] == "https://openreview.net/forum?id=AbCdEf123"


@pytest.mark.parametrize(
    "argv",
    [
        ["--arxiv", "2010.02193"],
        ["--arxiv", "2010.02193v3"],
        ["https://arxiv.org/pdf/2010.02193v1.pdf"],
        ["http://export.arxiv.org/abs/2010.02193"],
    ],
)
def test_a_duplicate_is_refused_before_any_network_call(
    data_dir: Path, services: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    before = papers(data_dir)
    assert main(["new", *argv]) == 1
    assert capsys.readouterr().err == (
        "error: arXiv 2010.02193 is already in the list as dreamerv2 "
        "(data/papers/dreamerv2.yaml); nothing was written\n"
    )
    assert Recorded.requests == []
    assert papers(data_dir) == before


def test_without_network_new_says_so_in_one_line_and_writes_nothing(
    data_dir: Path, offline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    before = papers(data_dir)
    assert main(["new", "--arxiv", "2501.00001"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: arXiv cannot be reached (")
    assert err.endswith("; check your network and try again; nothing was written\n")
    assert papers(data_dir) == before


def test_refresh_proposes_the_published_version_and_writes_it_keeping_comments(
    data_dir: Path, services: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, arxiv in (("published-later", "2309.99999"), ("still-preprint", "2310.88888")):
        (data_dir / "papers" / f"{name}.yaml").write_text(
            f"id: {name}\ntitle: {name.replace('-', ' ').title()}\n"
            f"url: https://arxiv.org/abs/{arxiv}  # the preprint\nauthors: [Grace Hopper]\n"
            "venue: arXiv\nyear: 2023\ncategory: agents\ntopics: [visual-agents]\n",
            "utf-8",
        )
    record = data_dir / "papers" / "published-later.yaml"
    before = record.read_text("utf-8")
    assert main(["refresh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "--- data/papers/published-later.yaml\n+++ data/papers/published-later.yaml\n"
    )
    diff = out.splitlines()
    for line in [
        "-venue: arXiv",
        "+venue: ICML",
        "-year: 2023",
        "+year: 2024",
        "+url: https://doi.org/10.5555/icml.2024.42 # the preprint",
    ]:
        assert line in diff, line
    assert "still-preprint" not in out
    assert diff[-1] == "would update 1 record(s) in data; run again with --write to apply"
    assert record.read_text("utf-8") == before  # a dry run
    assert main(["refresh", "--write"]) == 0
    after = yaml.safe_load(record.read_text("utf-8"))
    assert (after["venue"], after["year"]) == ("ICML", 2024)
    assert after["links"] == [{"kind": "preprint", "url": "https://arxiv.org/abs/2309.99999"}]
    assert list(after)[:4] == ["id", "title", "url", "authors"]  # the field order stays
    assert "# the preprint" in record.read_text("utf-8")
    assert main(["validate"]) == 0


def test_links_classifies_each_route_and_reports_them(
    data_dir: Path, server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only links to the local server (and one to a host known to refuse robots, never asked).
    for record in (data_dir / "papers").iterdir():
        record.unlink()
    (data_dir / "environments.yaml").write_text(
        f"- id: sim\n  name: Simulator\n  url: {server}/ok\n", "utf-8"
    )
    routes = ["ok", "moved", "forbidden", "gone", "busy", "slow"]
    for index, route in enumerate(routes):
        (data_dir / "papers" / f"route-{route}.yaml").write_text(
            f"id: route-{route}\ntitle: Route {route} paper {index}\nurl: {server}/{route}\n"
            "authors: [Grace Hopper]\ncategory: agents\ntopics: [visual-agents]\n",
            "utf-8",
        )
    (data_dir / "papers" / "route-ok.yaml").write_text(
        (data_dir / "papers" / "route-ok.yaml").read_text("utf-8")
        + "links: [{kind: code, url: 'https://dl.acm.org/doi/10.1145/1'}]\n",
        "utf-8",
    )
    report = tmp_path / "links.json"
    assert main(["links", "--report", str(report), "--max-age", "0"]) == 0
    rows = {row["url"]: row for row in json.loads(report.read_text("utf-8"))}
    status = {url.removeprefix(f"{server}/"): row["status"] for url, row in rows.items()}
    assert {route: status[route] for route in routes} == {
        "ok": "ok",
        "moved": "redirected",
        "forbidden": "blocked",
        "gone": "dead",
        "busy": "blocked",
        "slow": "unreachable",
    }
    assert rows[f"{server}/moved"]["target"] == f"{server}/ok"
    assert rows[f"{server}/gone"]["http_status"] == 404
    assert rows[f"{server}/slow"]["http_status"] is None
    assert rows[f"{server}/gone"]["papers"] == ["route-gone"]
    assert rows[f"{server}/ok"]["papers"] == ["route-ok", "env:sim"]
    acm = rows["https://dl.acm.org/doi/10.1145/1"]
    assert (acm["status"], acm["reason"]) == (
        "blocked",
        "the ACM Digital Library refuses automated requests",
    )
    assert {"url", "status", "http_status", "papers"} <= set(acm)
    out = capsys.readouterr().out
    assert f"dead: {server}/gone (not found) in route-gone" in out
    # --strict fails on a dead link; a cached run does not ask the server again.
    Recorded.requests = []
    assert main(["links", "--strict", "--max-age", "24"]) == 1
    assert Recorded.requests == []
