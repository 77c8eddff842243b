"""Standard error in ``--log-format json`` mode: JSON lines only, whatever a library or click prints.

:class:`JsonGroup` is the ``thucydides`` click group. When the command line asks for ``--log-format json`` it
routes standard error through :class:`JsonStderr` for the whole run, so a library's own text (warcio's
warnings, Python warnings) becomes a ``warning`` line; and it turns click's messages (a usage error,
``Aborted!``) and an unexpected exception into one ``fatal`` line each.
"""

from __future__ import annotations

import io
import json
import sys
import traceback
from pathlib import Path
from typing import Any, TextIO

import click

from thucydides.errors import InternalError, Interrupted, ThucydidesError, UsageError


def json_line(kind: str, **fields: Any) -> str:
    return json.dumps({"type": kind, **fields}, ensure_ascii=False)


def _is_json_object(line: str) -> bool:
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class JsonStderr(io.TextIOBase):
    """Stands in for ``sys.stderr``: JSON object lines pass through; any other text, line by line as written,
    becomes one ``{"type": "warning", "reason": "library-output", ...}`` line per write; blank lines vanish."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target, self._pending = target, ""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.target, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        self._pending += text
        if "\n" in self._pending:
            complete, _, self._pending = self._pending.rpartition("\n")
            self._emit(complete)
        return len(text)

    def _emit(self, block: str) -> None:
        other: list[str] = []
        for line in block.split("\n"):
            if _is_json_object(line.strip()):
                self._warn(other)
                other = []
                self.target.write(line.strip() + "\n")
            elif line.strip():
                other.append(line.rstrip())
        self._warn(other)
        self.target.flush()

    def _warn(self, lines: list[str]) -> None:
        if lines:
            message = "\n".join(lines).strip()
            self.target.write(json_line("warning", input=None, reason="library-output", message=message) + "\n")

    def flush(self) -> None:
        self.target.flush()

    def drain(self) -> None:
        """Write out a last line that never ended."""
        if self._pending.strip():
            self._emit(self._pending)
        self._pending = ""


def stopped(exc: BaseException) -> ThucydidesError:
    """What stopped a run, as the error its ``fatal`` line reports: Ctrl-C, or an unexpected exception (a bug)
    with the place it was raised."""
    if isinstance(exc, KeyboardInterrupt):
        return Interrupted("interrupted (Ctrl-C); what was coded before it was written")
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    return InternalError(f"unexpected {type(exc).__name__}: {exc}{where}; what was coded before it was written "
                         "(this is a bug: please report it)")


def _wants_json(argv: list[str]) -> bool:
    pairs = zip(argv, argv[1:], strict=False)
    return "--log-format=json" in argv or any(a == "--log-format" and b == "json" for a, b in pairs)


class JsonGroup(click.Group):
    """A click group whose standard error holds only JSON lines when ``--log-format json`` is given."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode or not _wants_json(argv):
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        real, guard = sys.stderr, JsonStderr(sys.stderr)
        sys.stderr = guard
        status: Any = 0
        try:
            status = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:  # a usage error, or a bad settings file (its ConfigError as cause)
            status = exc.exit_code
            cause = exc.__cause__
            _fatal(guard, cause if isinstance(cause, ThucydidesError) else UsageError(exc.format_message()), status)
        except click.Abort:
            status = 1
            _fatal(guard, Interrupted("aborted (Ctrl-C or end of input)"), status)
        except Exception as exc:  # noqa: BLE001 - a bug still ends in one fatal line, not a traceback
            status = 1
            _fatal(guard, stopped(exc), status)
        finally:
            guard.drain()
            sys.stderr = real
        sys.exit(status if isinstance(status, int) else 0)


def _fatal(stream: TextIO, error: ThucydidesError, status: int) -> None:
    message = f"{error.source}: {error.message}" if error.source else error.message
    stream.write(json_line("fatal", code=error.code, reason=error.reason, message=message, exit=status) + "\n")
