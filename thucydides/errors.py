"""Every error Thucydides raises, with a stable code.

The tree::

    ThucydidesError (T000)
    ├── UsageError (T001)            bad command-line use: exit status 2
    ├── ConfigError (T002)           a settings file or value that cannot be used
    ├── InternalError (T003)         an unexpected failure that stopped the run (a bug): reported, run closed
    ├── Interrupted (T004)           the run was stopped by Ctrl-C or SIGTERM: run closed, exit 130 or 143
    ├── InputError (T1xx)            one input (file, record) cannot be read; the batch goes on
    │   ├── EmptyInput (T101)
    │   ├── BinaryInput (T102)
    │   ├── DecodeFailed (T103)
    │   ├── TruncatedInput (T104)    cut gzip stream, cut WARC record
    │   ├── MalformedRecord (T105)   a JSON Lines line that is not a JSON object, a record without text
    │   ├── MalformedFeed (T106)     an RSS/Atom file that is not a feed
    │   ├── MalformedWarc (T107)
    │   ├── UnreadableInput (T108)   missing file, permission denied, a directory where a file was expected
    │   ├── InputTooLarge (T109)
    │   ├── NoText (T110)            a page or record with no article text in it
    │   ├── BadValue (T111)          a field holds a value that cannot be used (a number where text
    │   │                            belongs, a timestamp out of range, a UTC offset beyond ±24 hours)
    │   └── ReadFailed (T112)        a reader stopped on an input in a way no check foresaw
    ├── SkipArticle (T2xx)           an input or article deliberately not coded (not a failure)
    │   ├── NotEnglish (T201)
    │   ├── AlreadyCoded (T202)      in the store already, coded by the same pipeline version
    │   └── SpecialFile (T203)       a FIFO, socket or device met inside a directory or glob (not read)
    ├── NlpFailed (T300)             the parser failed on one article; the batch goes on
    ├── ModelError (T301)            the spaCy pipeline is missing or is not the pinned one
    ├── AnalysisFailed (T302)        a stage after parsing failed on one article; the batch goes on
    ├── StructureFailed (T303)       recovering one article's structure failed; the batch goes on
    ├── TooLongToParse (T304)        a paragraph longer than [nlp] max_parse_chars with no whitespace to cut at
    ├── WorkerDied (T305)            the --workers process coding the article died (killed, out of memory)
    ├── DictionaryError (T401)       a packaged or user dictionary file has a malformed line or an unknown code
    ├── StoreError (T501)            the database cannot be opened, read or written (thucydides.store); its
    │                                ``fault`` says why: corrupt, read-only, full, locked ... (store/faults.py)
    └── OutputError (T502)           the output file (``-o FILE``) cannot be written: a full disk, no permission

Library code raises these; only ``cli.py`` turns them into messages and exit codes. A failure inside a
batch becomes a :class:`thucydides.types.Rejected` record carrying ``code`` and ``reason``, never ``None``.
"""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base class: ``code`` is stable (T-number), ``reason`` is a short machine-readable slug."""

    code = "T000"
    reason = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code} {self.reason}]"


class UsageError(ThucydidesError):
    code, reason = "T001", "usage"


class ConfigError(ThucydidesError):
    code, reason = "T002", "config"


class InternalError(ThucydidesError):
    code, reason = "T003", "internal"


class Interrupted(ThucydidesError):
    code, reason = "T004", "interrupted"


class InputError(ThucydidesError):
    code, reason = "T100", "input"


class EmptyInput(InputError):
    code, reason = "T101", "empty"


class BinaryInput(InputError):
    code, reason = "T102", "binary"


class DecodeFailed(InputError):
    code, reason = "T103", "undecodable"


class TruncatedInput(InputError):
    code, reason = "T104", "truncated"


class MalformedRecord(InputError):
    code, reason = "T105", "malformed-record"


class MalformedFeed(InputError):
    code, reason = "T106", "malformed-feed"


class MalformedWarc(InputError):
    code, reason = "T107", "malformed-warc"


class UnreadableInput(InputError):
    code, reason = "T108", "unreadable"


class InputTooLarge(InputError):
    code, reason = "T109", "too-large"


class SkipArticle(ThucydidesError):
    code, reason = "T200", "skipped"


class NotEnglish(SkipArticle):
    code, reason = "T201", "not-english"


class AlreadyCoded(SkipArticle):
    code, reason = "T202", "already-coded"


class NoText(InputError):
    code, reason = "T110", "no-text"


class BadValue(InputError):
    code, reason = "T111", "bad-value"


class ReadFailed(InputError):
    code, reason = "T112", "read-failed"


class SpecialFile(SkipArticle):
    code, reason = "T203", "special-file"


class NlpFailed(ThucydidesError):
    code, reason = "T300", "nlp-failed"


class AnalysisFailed(ThucydidesError):
    code, reason = "T302", "analysis-failed"


class StructureFailed(ThucydidesError):
    code, reason = "T303", "structure-failed"


class TooLongToParse(ThucydidesError):
    code, reason = "T304", "too-long-to-parse"


class WorkerDied(ThucydidesError):
    code, reason = "T305", "worker-died"


class ModelError(ThucydidesError):
    code, reason = "T301", "model"


class DictionaryError(ThucydidesError):
    code, reason = "T401", "dictionary"


class StoreError(ThucydidesError):
    code, reason = "T501", "store"

    def __init__(self, message: str, *, source: str | None = None, fault: str = "error") -> None:
        super().__init__(message, source=source)
        self.fault = fault  # corrupt, not-a-database, read-only, full, locked, ... (thucydides/store/faults.py)


class OutputError(ThucydidesError):
    code, reason = "T502", "output"


ALL_ERRORS: tuple[type[ThucydidesError], ...] = (
    ThucydidesError, UsageError, ConfigError, InternalError, Interrupted, InputError, EmptyInput, BinaryInput,
    DecodeFailed, TruncatedInput, MalformedRecord, MalformedFeed, MalformedWarc, UnreadableInput, InputTooLarge,
    NoText, BadValue, ReadFailed, SkipArticle, NotEnglish, AlreadyCoded, SpecialFile, NlpFailed, ModelError,
    AnalysisFailed, StructureFailed, TooLongToParse, WorkerDied, DictionaryError, StoreError, OutputError,
)
