"""A per-user cache of parsed and schema-checked record files, keyed by each file's stat.

Reading and checking one YAML record costs about a millisecond; a list of 10,000 would cost
ten seconds on every build and every ``validate``. Files whose size and modification time
are unchanged reuse their result. Any change of the package or its schemas discards it all.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .atomic import write_bytes

_SCHEMA_DIR = Path(__file__).parent / "schemas"


def _cache_file(data_dir: Path) -> Path | None:
    if os.environ.get("AWESOME_PAPERS_NO_CACHE"):
        return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "awesome-papers"
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return root / f"{digest}.pickle"


@cache
def code_version() -> str:
    """This package's version and code, and the schemas: what invalidates anything derived."""
    digest = hashlib.sha1(__version__.encode())
    for path in sorted([*_SCHEMA_DIR.glob("*.json"), *Path(__file__).parent.glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ReadCache:
    """``get``/``put`` results by path; ``save`` writes back only when something changed."""

    def __init__(self, data_dir: Path) -> None:
        self.path = _cache_file(data_dir)
        self.version = code_version()
        self.entries: dict[str, tuple[tuple[int, int, int], Any]] = {}
        self.changed = False
        if self.path is not None and self.path.is_file():
            try:
                version, entries = pickle.loads(self.path.read_bytes())
            except Exception:  # a corrupt or foreign cache is just a cold cache
                return
            if version == self.version:
                self.entries = entries

    @staticmethod
    def _key(path: Path) -> tuple[int, int, int]:
        stat = path.stat()
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    def get(self, path: Path) -> Any:
        entry = self.entries.get(str(path))
        if entry is not None and entry[0] == self._key(path):
            return entry[1]
        return None

    def put(self, path: Path, value: Any) -> None:
        self.entries[str(path)] = (self._key(path), value)
        self.changed = True

    def save(self, live: set[str]) -> None:
        """Write back the entries of files that still exist."""
        if self.path is None:
            return
        stale = set(self.entries) - live
        if not self.changed and not stale:
            return
        for name in stale:
            del self.entries[name]
        with contextlib.suppress(OSError):  # an unwritable cache directory only costs speed
            data = pickle.dumps((self.version, self.entries), pickle.HIGHEST_PROTOCOL)
            write_bytes(self.path, data)
