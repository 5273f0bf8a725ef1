"""Atomic file writes (a reader or a crash never sees half a file), and reading them back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: What ``open()`` would give a new file or folder (0644 and 0755 under the usual umask 022).
NEW_FILE_MODE = 0o666 & ~_umask()
NEW_FOLDER_MODE = 0o777 & ~_umask()


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file renamed into place."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` the same way, the file keeping its mode, or a new one getting the usual."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        mode = NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)  # mkstemp's 0600 would hide pages from a web server
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def read_text_or_none(path: Path) -> str | None:
    """The text of ``path``, or None when there is none to read (a stamp not written yet)."""
    try:
        return path.read_text("utf-8")
    except OSError:
        return None
