"""How long a contributor waits in ``make livehtml``: from saving a record to the new page.

Used by build_scale.py. sphinx-autobuild runs on a copy of a site; one record's title is
edited, and the page that shows its card is polled until the new title is on it.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

GENERATED = ("all", "topics", "categories", "keywords", "environments", "venues")


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str:
    """The text at ``url``; empty while the server cannot give it whole (a rebuild replacing
    the file as it is sent ends the body early: ``IncompleteRead``)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (OSError, http.client.HTTPException):
        return ""


def _until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def edit_to_page_seconds(site: Path, record: Path, page: str) -> float:
    """Seconds from saving ``record`` (its title edited) to ``page`` showing the new title.

    ``site`` must have been built once into ``site/_build/html`` (autobuild then only rebuilds).
    """
    port = _port()
    ignored = [arg for folder in (*GENERATED, "_build") for arg in ("--ignore", f"*/{folder}/*")]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sphinx_autobuild",
            str(site),
            str(site / "_build" / "html"),
            "-q",
            "--port",
            str(port),
            "--watch",
            str(record.parent.parent),
            *ignored,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        if not _until(lambda: _page(url) != "", 300):
            return float("nan")
        text = record.read_text("utf-8")
        marker = f"Live{time.monotonic_ns()}"
        start = time.perf_counter()
        record.write_text(text.replace("title: ", f"title: {marker} ", 1), "utf-8")
        if not _until(lambda: marker in _page(url), 300):
            return float("nan")
        return time.perf_counter() - start
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
