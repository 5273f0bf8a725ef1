"""Turning record files into checked documents: one at a time, or many at once in parallel.

Parsing is the cost of a load without a cache (a fresh checkout, CI, Read the Docs): about
0.3 ms per record, nearly all of it libyaml composing nodes and our walk over them, which
holds the GIL. Thousands of records are therefore parsed in worker processes.
"""

from __future__ import annotations

import gc
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import schema
from .errors import DataError, Problem
from .hints import record_hints
from .lint import markup_problems
from .yamlfile import YamlDocument, parse_yaml, read_text

#: A parsed file: its document when it is valid, and every problem found in it.
Parsed = tuple[YamlDocument | None, list[Problem]]

#: Records per worker below which starting a process costs more than it saves.
PER_WORKER = 1000


def parse(path: str, display: str, schema_name: str) -> Parsed:
    """Read ``path`` (shown as ``display``) and check it against its schema."""
    try:
        return parse_text(read_text(path, display), display, schema_name)
    except DataError as error:
        return None, error.problems


def parse_text(text: str, display: str, schema_name: str) -> Parsed:
    """What :func:`parse` finds, for a file's text before it is written. The document is
    None when a problem is more than a warning."""
    try:
        doc = parse_yaml(text, display)
    except DataError as error:
        return None, error.problems
    found = doc.problems + schema.check(schema_name, doc, display)
    if not found:  # what one file alone shows, kept with it in the read cache
        found = [
            Problem(display, doc.line(where), where, message)
            for where, message in markup_problems(schema_name, doc.value)
        ]
    if not found and schema_name == "paper":
        found = [
            Problem(display, doc.line(where), where, message, warning=True)
            for where, message in record_hints(doc.value)
        ]
    return (None if any(not problem.warning for problem in found) else doc), found


def parse_all(files: list[tuple[str, str]], schema_name: str) -> list[Parsed] | None:
    """Each ``(path, display)`` parsed, spread over the CPUs; None when too few to be worth it.

    This process parses one share itself while worker processes parse the others.
    """
    shares = min(len(files) // PER_WORKER, _cpus())
    if shares < 2:
        return None
    chunks = [files[start::shares] for start in range(shares)]
    try:
        # Workers skip the cyclic GC, as the loader does: many small acyclic objects.
        with ProcessPoolExecutor(shares - 1, initializer=gc.disable) as pool:
            futures = [pool.submit(_parse_chunk, chunk, schema_name) for chunk in chunks[1:]]
            parts = [_parse_chunk(chunks[0], schema_name), *(f.result() for f in futures)]
    except (OSError, BrokenProcessPool):  # no processes here: the caller parses them itself
        return None
    results: list[Parsed] = [(None, [])] * len(files)
    for start, part in enumerate(parts):
        results[start::shares] = part
    return results


def _parse_chunk(files: list[tuple[str, str]], schema_name: str) -> list[Parsed]:
    return [parse(path, display, schema_name) for path, display in files]


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
