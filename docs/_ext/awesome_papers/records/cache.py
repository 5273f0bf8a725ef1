"""A per-user cache of loaded records, keyed by each file's stat.

Reading and checking one YAML record costs about a millisecond; a list of 10,000 would cost
ten seconds on every build and every ``validate``. Two files per data directory:

- the parsed and schema-checked result of each record file, reused while its stat is unchanged;
- the whole catalogue of the last load that found no problem, reused while no file's stat
  changed: a warm load of 10,000 records then skips even the cross-record checks.

Any change of the package or its schemas discards both.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from ..about import __version__
from ..atomic import write_bytes
from .catalogue import Catalogue

_PACKAGE = Path(__file__).parent.parent
_SCHEMA_DIR = _PACKAGE / "schemas"

#: ``(st_mtime_ns, st_size, st_ino)``: a file whose key is unchanged is taken as unchanged.
StatKey = tuple[int, int, int]


def stat_key(path: str) -> StatKey | None:
    """The key of a regular file, or None when there is none at ``path``."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino) if S_ISREG(found.st_mode) else None


def cache_root() -> Path:
    """This tool's folder in the per-user cache (``$XDG_CACHE_HOME``, else ``~/.cache``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "awesome-papers"


def compiled_folder(name: str) -> Path | None:
    """A folder of the per-user cache for what the build derives from code alone (compiled
    templates, subset fonts), shared by every project; None when caching is off or the
    folder cannot be made."""
    if os.environ.get("AWESOME_PAPERS_NO_CACHE"):
        return None
    folder = cache_root() / "compiled" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _cache_file(data_dir: Path) -> Path | None:
    if os.environ.get("AWESOME_PAPERS_NO_CACHE"):
        return None
    root = cache_root()
    digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return root / f"{digest}.pickle"


@cache
def code_version() -> str:
    """This package's version and code, and the schemas: what invalidates anything derived."""
    digest = hashlib.sha1(__version__.encode())
    for path in sorted([*_SCHEMA_DIR.glob("*.json"), *_PACKAGE.rglob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ReadCache:
    """Per-file results by ``get``/``put``; the last valid catalogue by ``catalogue``/``save``."""

    def __init__(self, data_dir: Path) -> None:
        self.path = _cache_file(data_dir)
        self.snapshot_path = self.path and self.path.with_suffix(".catalogue.pickle")
        self.version = code_version()
        self._entries: dict[str, tuple[StatKey, Any]] | None = None
        self.changed = False

    def _read(self, path: Path | None) -> Any:
        """The pickled payload of this code version at ``path``, or None."""
        if path is None or not path.is_file():
            return None
        try:
            version, payload = pickle.loads(path.read_bytes())
        except Exception:  # a corrupt or foreign cache is just a cold cache
            return None
        return payload if version == self.version else None

    @staticmethod
    def _write(path: Path, *payloads: Any) -> None:
        """Pickle ``payloads`` into ``path`` one after the other."""
        data = b"".join(pickle.dumps(payload, pickle.HIGHEST_PROTOCOL) for payload in payloads)
        with contextlib.suppress(OSError):  # an unwritable cache directory only costs speed
            write_bytes(path, data)

    @property
    def entries(self) -> dict[str, tuple[StatKey, Any]]:
        """Read on first use: a load served whole by :meth:`catalogue` never needs them."""
        if self._entries is None:
            self._entries = self._read(self.path) or {}
        return self._entries

    def catalogue(self, files: dict[str, StatKey | None]) -> Catalogue | None:
        """The catalogue saved by a load of exactly these files with these keys.

        The keys are pickled ahead of the catalogue: when a file changed, the catalogue itself
        is not unpickled only to be thrown away.
        """
        if self.snapshot_path is None or not self.snapshot_path.is_file():
            return None
        try:
            with self.snapshot_path.open("rb") as stream:
                if pickle.load(stream) != (self.version, files):
                    return None
                catalogue: Catalogue = pickle.load(stream)
        except Exception:  # a corrupt or foreign cache is just a cold cache
            return None
        return catalogue

    def get(self, path: str, key: StatKey) -> Any:
        entry = self.entries.get(path)
        return entry[1] if entry is not None and entry[0] == key else None

    def put(self, path: str, key: StatKey, value: Any) -> None:
        self.entries[path] = (key, value)
        self.changed = True

    def save(self, files: dict[str, StatKey | None], catalogue: Catalogue | None) -> None:
        """Write back the entries of ``files`` and, when it is valid, their ``catalogue``."""
        if self.path is None or self.snapshot_path is None:
            return
        entries = self.entries
        stale = set(entries) - set(files)
        if self.changed or stale:
            for name in stale:
                del entries[name]
            self._write(self.path, (self.version, entries))
        if catalogue is not None:
            self._write(self.snapshot_path, (self.version, files), catalogue)
