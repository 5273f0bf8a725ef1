"""Work that runs beside Sphinx's writing phase, in a forked process, as Sphinx's own parallel
build runs its workers. Where ``fork`` is missing (Windows), the work runs at once instead.

The paper search index takes 3 s at 10,000 papers; writing the pages after a one-record edit
takes about as long, so the two together cost the longer of them, not their sum. The
collector is frozen meanwhile (``gc.freeze``, as Python's documentation advises before a
fork): one edit at 10,000 papers, 7.0-7.4 s against 7.9-10.0 s without.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess


@dataclass
class Job:
    """A started piece of work; :func:`finish` waits for it."""

    process: BaseProcess | None
    answer: Connection | None
    error: str | None = None  # the error of work that ran at once


def start(work: Callable[[], None]) -> Job:
    """Run ``work`` in a forked process, or now where there is no ``fork``."""
    if "fork" not in multiprocessing.get_all_start_methods():
        try:
            work()
        except Exception as error:  # reported by finish(), as a child's is
            return Job(None, None, f"{type(error).__name__}: {error}")
        return Job(None, None)
    context = multiprocessing.get_context("fork")
    answer, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            work()
        except Exception as error:  # the parent reports it
            send.send(f"{type(error).__name__}: {error}")
        else:
            send.send(None)

    process = context.Process(target=child, daemon=True)
    # The collector would walk, and so write to, every object the two processes share,
    # copying their pages: frozen, it leaves them alone until the work is done.
    gc.freeze()
    process.start()
    send.close()
    return Job(process, answer)


def finish(job: Job) -> str | None:
    """Wait for ``job``; its error, or None when it succeeded."""
    if job.process is None or job.answer is None:
        return job.error
    try:
        message: str | None = job.answer.recv()
    except EOFError:  # it ended without an answer
        message = None
    job.process.join()
    job.answer.close()
    gc.unfreeze()
    if message is None and job.process.exitcode != 0:
        return f"the process ended with exit code {job.process.exitcode}"
    return message


def cancel(job: Job) -> None:
    """Stop ``job`` without waiting for its answer: the build it served has failed."""
    if job.process is not None:
        job.process.kill()
        job.process.join()
        gc.unfreeze()
    if job.answer is not None:
        job.answer.close()
