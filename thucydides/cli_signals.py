"""Ctrl-C (SIGINT) and SIGTERM during ``thucydides code``: stop cleanly, say how far the run got, exit 130 or 143.

The first signal only asks the run to stop (:class:`Interruption` is the pipeline's ``stop``): the articles
being coded are finished and written, the run is closed as at a normal end (clusters, stories, run row) and
the command exits with 128 + the signal number. A second signal raises ``KeyboardInterrupt`` at once: the
store keeps every article already committed (one transaction each) and the run row is closed, but the
clusters and stories are not rebuilt. A third gets the system's default action (the process ends).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from thucydides.errors import Interrupted

SIGNALS = (signal.SIGINT, signal.SIGTERM)
LABELS = {"SIGINT": "Ctrl-C (SIGINT)", "SIGTERM": "SIGTERM"}


class Interruption:
    """The stop signals a run received. Calling it says whether one came; ``install`` puts its handler in
    place and returns the function that takes it away again.

    ``notice`` gives the line written the moment the first signal arrives (``None``: write nothing); it runs
    inside the signal handler, so it must only build a string.
    """

    def __init__(self, notice: Callable[[Interruption], str | None]) -> None:
        self.notice = notice
        self.signum: int | None = None
        self.received = 0
        self._holding = self._deferred = False

    def __call__(self) -> bool:
        return self.signum is not None

    @property
    def name(self) -> str:
        """``SIGINT`` (also for a bare ``KeyboardInterrupt``) or ``SIGTERM``."""
        return signal.Signals(self.signum or signal.SIGINT).name

    @property
    def label(self) -> str:
        """How the user stopped the run: ``Ctrl-C (SIGINT)`` or ``SIGTERM``."""
        return LABELS[self.name]

    @property
    def status(self) -> int:
        """The exit status: 128 + the signal number (130 for SIGINT and a bare ``KeyboardInterrupt``, 143 for
        SIGTERM)."""
        return 128 + (self.signum or signal.SIGINT)

    @property
    def at_once(self) -> bool:
        """A second signal came: stop without rebuilding clusters and stories."""
        return self.received > 1

    def handle(self, signum: int, frame: FrameType | None) -> None:  # noqa: ARG002 - the handler's signature
        self.received += 1
        if self.signum is None:
            self.signum = signum
            line = self.notice(self)
            if line:
                _write_now(line)
            return
        for each in SIGNALS:  # a third signal ends the process outright (SQLite keeps the store whole)
            signal.signal(each, signal.SIG_DFL)
        if self._holding:
            self._deferred = True
            return
        raise KeyboardInterrupt

    @contextmanager
    def held(self) -> Iterator[None]:
        """A block a second signal does not cut in two: writing an article and counting it happen together.
        A second signal that arrives inside is raised as ``KeyboardInterrupt`` when the block ends."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if self._deferred:
            self._deferred = False
            raise KeyboardInterrupt

    def error(self, count: int, *, store: bool) -> Interrupted:
        """What the closing ``fatal`` line says: how the run was stopped, and ``count`` articles stored (with a
        store) or written (without one)."""
        how = f"a second {self.label}, at once" if self.at_once else self.label
        if store:
            rest = " (clusters and stories not rebuilt)" if self.at_once else ""
            return Interrupted(f"interrupted by {how}: {count} stored{rest}; rerun the same command to resume")
        return Interrupted(f"interrupted by {how}: {count} written; without --db a rerun codes every input again")

    def install(self) -> Callable[[], None]:
        """Handle SIGINT and SIGTERM from now on; returns what restores the previous handlers. Outside the main
        thread (where Python allows no handlers) this does nothing."""
        if threading.current_thread() is not threading.main_thread():
            return lambda: None
        previous = {each: signal.getsignal(each) for each in SIGNALS}
        for each in SIGNALS:
            signal.signal(each, self.handle)

        def restore() -> None:
            for each, handler in previous.items():
                signal.signal(each, handler)

        return restore


def _write_now(line: str) -> None:
    """One ``write(2)`` to the real standard error: the code the signal interrupted may be in the middle of a
    write to ``sys.stderr``'s buffer, which must not be entered again."""
    try:
        fd = sys.__stderr__.fileno() if sys.__stderr__ is not None else 2
    except (OSError, ValueError):
        fd = 2
    try:
        os.write(fd, (line.rstrip("\n") + "\n").encode("utf-8", "replace"))
    except OSError:  # standard error closed: the notice is a courtesy
        pass
