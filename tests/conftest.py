"""Shared fixtures: a small, valid data directory that each test can break in one place."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile
from sphinx.util.typing import Inventory

pytest_plugins = ("sphinx.testing.fixtures", "browsing")

ROOTS = Path(__file__).parent / "roots"
SMALL_DATA = ROOTS / "data-small"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def compiled_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for what builds derive from code alone (compiled theme templates, subset
    fonts), for the whole session; concurrent workers share it safely, as every file in it
    is written whole and then renamed into place."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if base.name.startswith("popen-gw") else base) / "compiled"


def cache_home(tmp_path_factory: pytest.TempPathFactory, compiled: Path) -> Path:
    """A fresh ``$XDG_CACHE_HOME``, as a new machine has, save for the shared ``compiled``."""
    cache = tmp_path_factory.mktemp("cache")
    (cache / "awesome-papers").mkdir()
    compiled.mkdir(exist_ok=True)
    (cache / "awesome-papers" / "compiled").symlink_to(compiled)
    return cache


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    compiled_templates: Path,
) -> None:
    """Each test reads records and links through a cache of its own, as a fresh machine
    would; what is derived from code alone, which no test is about, is shared."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home(tmp_path_factory, compiled_templates)))


@pytest.fixture(scope="module")
def site_build(tmp_path_factory: pytest.TempPathFactory, compiled_templates: Path) -> SphinxTestApp:
    """One build of the test site over a copy of the small data, made once per module for
    the tests that only read it."""
    root = tmp_path_factory.mktemp("shared")
    shutil.copytree(SMALL_DATA, root / "data")
    shutil.copytree(ROOTS / "test-site", root / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache_home(tmp_path_factory, compiled_templates)))
        app = SphinxTestApp("html", srcdir=root / "site")
        try:
            app.build()
        finally:
            app.cleanup()
    return app


@pytest.fixture
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its test roots."""
    return ROOTS


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small valid data set, as ``data/`` in the working directory."""
    target = tmp_path / "data"
    shutil.copytree(SMALL_DATA, target)
    monkeypatch.chdir(tmp_path)
    return target


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Let fixtures see whether the test failed (the browser keeps a screenshot only then)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def read_inventory(outdir: Path, base: str = "") -> Inventory:
    """A built site's ``objects.inv`` as intersphinx reads it from ``base``: per role, each
    name's URI and display name."""
    with (outdir / "objects.inv").open("rb") as stream:
        return InventoryFile.load(stream, base, lambda *parts: "/".join(parts))


def sphinx_build(source: Path, out: Path, builder: str = "html") -> None:
    """Build ``source`` into ``out`` as CI does (warnings are errors); fail with its output."""
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            "-b",
            builder,
            *map(str, (source, out)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr


class QuietServer(http.server.ThreadingHTTPServer):
    """A client that hangs up is the client's business, not a traceback on stderr.

    Without this, a handler still sleeping on a slow route writes its broken pipe to stderr
    seconds later, into whichever test is running then.
    """

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet."""


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free local port for the block; yields the base URL."""
    httpd = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def one_page(
    tmp_path: Path,
    data_dir: Path,
    make_app: Callable[..., SphinxTestApp],
    body: str,
    conf: str = "",
) -> SphinxTestApp:
    """Build a one-page project on the test data: ``body`` under a title."""
    srcdir = tmp_path / "bare"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        f"extensions = ['awesome_papers']\nawesome_papers_data = {str(data_dir)!r}\n{conf}",
        "utf-8",
    )
    (srcdir / "index.rst").write_text(f"Index\n=====\n\n{body}\n", "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app
