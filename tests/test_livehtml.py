"""make livehtml: a saved record reaches the browser; an invalid one is reported, not fatal."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], bool], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


def fetch(url: str) -> str:
    """The text at ``url``; empty while the server cannot give it whole (a rebuild replacing
    the file as it is sent ends the body early: ``IncompleteRead``)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (OSError, http.client.HTTPException):
        return ""


def test_live_preview_survives_an_invalid_record_and_picks_up_the_fix(tmp_path: Path) -> None:
    shutil.copytree(REPO / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(REPO / "data", tmp_path / "data")
    port = free_port()
    log = tmp_path / "livehtml.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            ["make", "-C", "docs", "livehtml", f"O=--port {port}"],
            cwd=tmp_path,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    page = f"http://127.0.0.1:{port}/papers/mastering-atari-discrete-world-models.html"
    record = tmp_path / "data" / "papers" / "mastering-atari-discrete-world-models.yaml"
    try:
        wait_for(lambda: "Mastering Atari with Discrete World Models" in fetch(page))
        record.write_text(record.read_text("utf-8").replace("year: 2021", "year: twenty"), "utf-8")
        wait_for(lambda: "mastering-atari-discrete-world-models.yaml:" in log.read_text("utf-8"))
        text = log.read_text("utf-8")
        assert (
            "/data/papers/mastering-atari-discrete-world-models.yaml:12: ERROR: year: "
            "expected a whole number, got text" in text
        )
        assert "Traceback" not in text
        assert "Mastering Atari with Discrete World Models" in fetch(page)  # the last good site
        fixed = record.read_text("utf-8").replace("year: twenty", "year: 2021")
        record.write_text(
            fixed.replace("Discrete World Models", "Discrete World Models, Live"), "utf-8"
        )
        wait_for(lambda: "Discrete World Models, Live" in fetch(page))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
