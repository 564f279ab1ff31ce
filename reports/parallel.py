"""Render document parts on every core and hand them back in order.

WeasyPrint is single-threaded, so a long document (the year's award list, the certificates of a
large decision) is cut into parts rendered by a pool of worker processes. Workers come from a
``forkserver`` that has imported WeasyPrint once (``reports.pdf_engine``), so a new worker starts
in milliseconds instead of paying the import (about a second) each time; nothing of the parent
(database connections, threads) is inherited. Only ``2 × workers`` parts are in flight, so the
parent holds a bounded number of pending HTML parts whatever the document length, and each
worker's memory is bounded by the part size.
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from . import pdf_engine

Job = tuple[str, str, list[str], list[str]]  # html, base_url, roots, css_texts (pdf_engine.render_chunk)
PRELOAD = ["reports.pdf_engine"]
TASKS_PER_CHILD = 8  # recycle workers now and then: WeasyPrint and Pango caches only grow


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)  # ignored once the server runs; it already has them
        return ctx
    return multiprocessing.get_context("spawn")


def render_parts(
    jobs: Iterable[Job],
    *,
    count: int,
    workers: int | None = None,
    on_part: Callable[[int], None] = lambda done: None,
) -> Iterator[bytes]:
    """PDF bytes of each job, in order; ``on_part(done)`` after each finished part.

    One worker (or one job) renders in this process: no pool to start for a short document.
    """
    workers = min(workers or default_workers(), max(1, count))
    if workers <= 1:
        for done, job in enumerate(jobs, start=1):
            yield pdf_engine.render_chunk(job)
            on_part(done)
        return
    window: deque[Future] = deque()
    pending = iter(jobs)
    done = 0
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), max_tasks_per_child=TASKS_PER_CHILD
    ) as pool:
        for job in pending:
            window.append(pool.submit(pdf_engine.render_chunk, job))
            if len(window) >= 2 * workers:
                break
        while window:
            part = window.popleft().result()
            next_job = next(pending, None)
            if next_job is not None:
                window.append(pool.submit(pdf_engine.render_chunk, next_job))
            done += 1
            yield part
            on_part(done)
