"""User-facing errors and exit codes.

A BriefgenError is a problem with the user's input or settings: the CLI prints its one-line
message and exits with its code, no traceback. Anything else escaping is a bug.
"""
from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from .terminal import printable


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    STRICT_WARNINGS = 3
    INTERRUPTED = 130


class BriefgenError(Exception):
    """A problem the user can fix; `str(error)` is the one line we print."""

    exit_code = ExitCode.ERROR

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        # A file name is whoever made the file's: a newline in it must not start a line of its own.
        shown = printable(str(path), one_line=True) if path is not None else None
        where = f"{shown}:{line}" if shown is not None and line is not None else (shown or "")
        super().__init__(f"{where}: {message}" if where else message)


class InputError(BriefgenError):
    """An article file that cannot be read as an article (missing, binary, empty, undecodable...)."""


class ConfigError(BriefgenError):
    """A problem in briefgen.toml or in command-line settings."""

    exit_code = ExitCode.USAGE


class GlossaryError(BriefgenError):
    """A malformed glossary file or entry."""


class ThemeError(BriefgenError):
    """A theme folder or template that cannot be used."""
