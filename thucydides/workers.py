"""``--workers``: coding chunks in a pool of processes, one spaCy model each, that outlives a dead worker.

``concurrent.futures`` breaks a whole process pool when one worker dies (killed, or ended by the kernel's
out-of-memory killer): every chunk in flight fails with ``BrokenProcessPool``. :func:`code_in_pool` then starts
a new pool and codes the chunks that were in flight again, one at a time. A chunk that kills its worker again
is coded article by article, and an article that kills its worker on its own is recorded as failed
(``T305 worker-died``, naming the input). The rest of the batch goes on.

Test hook: when the environment variable ``THUCYDIDES_TEST_DIE_ON`` is set, a worker process kills itself
(SIGKILL) on a chunk holding a document whose text contains its value (``tests/test_worker_death.py``). It is
read only in worker processes, and unset it does nothing.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from thucydides.config import Settings
from thucydides.errors import WorkerDied
from thucydides.types import Article, RawDocument, Rejected

if TYPE_CHECKING:
    from thucydides.pipeline import Coder

DIE_ON = "THUCYDIDES_TEST_DIE_ON"
Item = RawDocument | Rejected
Result = Article | Rejected
Tag = TypeVar("Tag")

_WORKER: Coder | None = None
_STARTUP: Exception | None = None  # why the coder of this worker could not be built (raised by each task)


def _init_worker(settings: Settings, today: date, skip: frozenset[str]) -> None:
    global _WORKER, _STARTUP  # one model per worker process, loaded once
    # Ctrl-C reaches the whole process group: the parent decides what stops. SIGTERM gets its default action
    # back (not the parent's handler inherited through fork), so the parent can end a worker at once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from thucydides.pipeline import Coder

    try:
        _WORKER = Coder(settings, today=today, skip=skip)
    except Exception as exc:  # noqa: BLE001 - no model: the parent gets the error (T301), not a dead pool
        _STARTUP = exc


def _work(chunk: list[Item], tokens: bool) -> list[Result]:
    if _STARTUP is not None:
        raise _STARTUP
    marker = os.environ.get(DIE_ON)
    if marker and any(isinstance(doc, RawDocument) and marker in (doc.text or doc.html or "") for doc in chunk):
        os.kill(os.getpid(), signal.SIGKILL)
    assert _WORKER is not None
    coded = _WORKER.code_chunk(chunk)
    return coded if tokens else [without_tokens(item) for item in coded]


def without_tokens(item: Result) -> Result:
    """``item`` with its sentences' tokens left out (about 100 bytes of objects per character of text)."""
    if isinstance(item, Rejected) or not item.sentences:
        return item
    return replace(item, sentences=tuple(replace(sent, tokens=()) for sent in item.sentences))


def _death(exitcodes: list[int | None]) -> str:
    """How the worker died, from the exit codes of the pool's processes (the others were ended by the pool)."""
    codes = [code for code in exitcodes if code not in (None, 0, -signal.SIGTERM)] or \
        [code for code in exitcodes if code]
    if not codes:
        return "died"
    if codes[0] < 0:
        name = signal.Signals(-codes[0]).name
        return f"was killed by {name}" + (" (as the out-of-memory killer does)" if name == "SIGKILL" else "")
    return f"exited with status {codes[0]}"


class _Pool:
    """A ``ProcessPoolExecutor`` of coders that can be started again after a worker died."""

    def __init__(self, workers: int, initargs: tuple[Any, ...], *, tokens: bool) -> None:
        self.workers, self.initargs, self.tokens = workers, initargs, tokens
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=self.initargs)

    def _processes(self) -> list[Any]:
        return list((getattr(self.executor, "_processes", None) or {}).values())  # no public way before 3.14

    def submit(self, chunk: list[Item]) -> Future[list[Result]]:
        """The chunk handed to a worker; if a worker already died and broke the pool, a future that failed as the
        chunks in flight did, so the caller recodes it with them (never an error raised on submission)."""
        try:
            return self.executor.submit(_work, chunk, self.tokens)
        except BrokenProcessPool as error:
            failed: Future[list[Result]] = Future()
            failed.set_exception(error)
            return failed

    def restart(self) -> str:
        """A new pool in place of a broken one; returns how the dead worker died."""
        processes = self._processes()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()
        return _death([process.exitcode for process in processes])

    def end(self, *, at_once: bool) -> None:
        """Close the pool; ``at_once`` ends the workers instead of letting them code the chunks queued."""
        if not at_once:
            self.executor.shutdown(wait=True)
            return
        processes = self._processes()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()

    def alone(self, chunk: list[Item], stop: Callable[[], bool] | None) -> list[Result]:
        """``chunk`` coded with nothing else in flight; if its worker dies, article by article, an article that
        kills its worker on its own recorded as failed. Once ``stop`` is true, what was coded so far."""
        try:
            return self.submit(chunk).result()
        except BrokenProcessPool:
            death = self.restart()
        out: list[Result] = []
        for item in chunk:
            if _stopped(stop):
                break
            if isinstance(item, Rejected) or len(chunk) == 1:
                out.append(item if isinstance(item, Rejected) else _died(item, death))
                continue
            try:
                out.extend(self.submit([item]).result())
            except BrokenProcessPool:
                out.append(_died(item, self.restart()))
        return out


def _died(item: RawDocument, death: str) -> Rejected:
    return Rejected(item.ref, "worker", WorkerDied.code, WorkerDied.reason,
                    f"the worker process coding {item.ref} {death}; it was coded again on its own and its "
                    "worker died again")


def _stopped(stop: Callable[[], bool] | None) -> bool:
    return stop is not None and stop()


def _done(results: list[Result]) -> Future[list[Result]]:
    future: Future[list[Result]] = Future()
    future.set_result(results)
    return future


def code_in_pool(chunks: Iterable[tuple[list[Item], Tag]], *, workers: int, settings: Settings, today: date,
                 skip: frozenset[str] = frozenset(), stop: Callable[[], bool] | None = None,
                 tokens: bool = True) -> Iterator[tuple[list[Result], Tag]]:
    """Code ``(chunk, tag)`` pairs in ``workers`` processes, at most two chunks per worker in flight; yields
    ``(results, tag)`` in input order, one result per item of the chunk. Without ``tokens`` the articles come
    back without their sentences' tokens, which are then never copied out of the workers.

    A dead worker costs only the article that killed it (see the module docstring). ``stop``: once it is true,
    chunks not yet started are cancelled and chunks lost with workers that a stop signal ended (SIGTERM to the
    whole process group) come back empty: the rerun codes them. When the caller stops reading early (a second
    Ctrl-C, a bug) the workers are ended at once.
    """
    pool = _Pool(workers, (settings, today, skip), tokens=tokens)
    pending: deque[tuple[list[Item], Tag, Future[list[Result]]]] = deque()

    def oldest() -> tuple[list[Result], Tag]:
        chunk, tag, future = pending.popleft()
        if future.cancelled():
            return [], tag
        try:
            return future.result(), tag
        except BrokenProcessPool:
            if _stopped(stop):
                return [], tag
        # A worker died: every chunk in flight failed with it. Each is coded again on its own, in order.
        pool.restart()
        again = [(chunk, tag, None), *pending]
        pending.clear()
        for held, held_tag, held_future in again:
            ok = held_future is not None and held_future.done() and not held_future.cancelled() \
                and held_future.exception() is None
            pending.append((held, held_tag, held_future if ok and held_future is not None
                            else _done(pool.alone(held, stop))))
        return oldest()

    try:
        for chunk, tag in chunks:
            pending.append((chunk, tag, pool.submit(chunk)))
            while len(pending) >= workers * 2:
                yield oldest()
        if _stopped(stop):
            for _chunk, _tag, future in pending:
                future.cancel()  # not started yet: left for the rerun
        while pending:
            yield oldest()
    except BaseException:
        pool.end(at_once=True)
        raise
    pool.end(at_once=False)
