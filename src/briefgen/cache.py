"""A cache of article analyses, so a rebuild after a theme or title change skips re-analysis.

An entry is keyed by the article file's bytes, the settings that change analysis, the glossary
files' contents and the briefgen code (its version and a fingerprint of its modules, so an
upgrade or a local edit never serves stale analyses); any change to one of them is a cache miss.

Entries live in OUTDIR/.briefgen-cache/, which anyone who can write to the output folder (a
shared course drive) can also write to. So an entry is data, never code: one header line, then
the analysis as JSON, rebuilt field by field against the model's dataclasses on load. The header
carries an HMAC of the key and the JSON under a secret kept in the user's own cache folder, so
an entry copied from another key, written by someone else or damaged is told apart from a good
one before its JSON is even parsed; such an entry is recomputed, and the caller says so.
Entries unused for MAX_AGE_DAYS are deleted, and so are the pickled entries older briefgen wrote.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
import time
import types
import typing
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .atomic import write_atomically
from .config import Settings

CACHE_FOLDER = ".briefgen-cache"
MAX_AGE_DAYS = 30
ENTRY_SUFFIX = ".analysis"
_LEGACY_SUFFIX = ".pickle"  # entries of briefgen before 0.2: never loaded, only deleted
_HEADER = b"briefgen-analysis 1"
# An analysis holds the article's text (at most 20 MB) and little else; anything much larger is no entry.
MAX_ENTRY_BYTES = 100 * 1024 * 1024
SECRET_NAME = "cache-secret"

T = TypeVar("T")


class _Invalid(Exception):
    """An entry that is not a well-formed analysis."""


class AnalysisCache:
    def __init__(self, folder: Path, settings: Settings, glossary_files: Iterable[Path], secret: bytes | None = None):
        self.folder = folder
        self._context = self._context_digest(settings, glossary_files)
        self._secret = secret if secret is not None else user_secret()

    @staticmethod
    def _context_digest(settings: Settings, glossary_files: Iterable[Path]) -> bytes:
        context = hashlib.sha256(__version__.encode())
        context.update(code_fingerprint())
        for value in (settings.summary_sentences, settings.quotes_per_article, settings.language):
            context.update(repr(value).encode())
        for path in glossary_files:
            context.update(path.read_bytes())
        return context.digest()

    def key(self, path: Path, data: bytes) -> str:
        # The name matters too: it is printed as the article's source file.
        return hashlib.sha256(self._context + path.name.encode() + b"\0" + data).hexdigest()

    def get(self, key: str, kind: type[T]) -> tuple[T | None, str | None]:
        """(the analysis stored under `key`, None), (None, None) when there is none, or (None,
        the reason) when an entry is there but damaged or not one this user's briefgen wrote."""
        path = self.folder / f"{key}{ENTRY_SUFFIX}"
        try:
            raw = _read_entry_file(path)
        except FileNotFoundError:
            return None, None
        except OSError as error:
            return None, f"cannot read its cache entry ({error.strerror or error})"
        try:
            body = self._verified_body(key, raw)
            value = from_json(kind, json.loads(body))
        except (_Invalid, ValueError, RecursionError, UnicodeDecodeError) as error:
            return None, f"its cache entry {path.name[:16]}… is damaged or was not written by briefgen ({error})"
        with contextlib.suppress(OSError):
            os.utime(path)  # marks the entry as used, for prune()
        return value, None

    def put(self, key: str, analysis: object) -> None:
        body = json.dumps(to_json(analysis), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        header = _HEADER + b" " + key.encode("ascii") + b" " + self._mac(key, body).encode("ascii") + b"\n"
        # A cache that cannot be written only costs time on the next build.
        with contextlib.suppress(OSError):
            write_atomically(self.folder / f"{key}{ENTRY_SUFFIX}", header + body)

    def _mac(self, key: str, body: bytes) -> str:
        return hmac.new(self._secret, key.encode("ascii") + b"\n" + body, hashlib.sha256).hexdigest()

    def _verified_body(self, key: str, raw: bytes) -> bytes:
        header, newline, body = raw.partition(b"\n")
        parts = header.split(b" ")
        if not newline or len(parts) != 4 or b" ".join(parts[:2]) != _HEADER:
            raise _Invalid("no briefgen header")
        if parts[2] != key.encode("ascii"):
            raise _Invalid("it belongs to another article")
        if not hmac.compare_digest(parts[3], self._mac(key, body).encode("ascii")):
            raise _Invalid("its signature does not match")
        return body

    def prune(self) -> None:
        """Deletes entries no build has used for MAX_AGE_DAYS (so the folder does not grow
        forever) and the pickled entries of older briefgen versions."""
        cutoff = time.time() - MAX_AGE_DAYS * 86400
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            try:
                status = entry.lstat()
                stale = entry.suffix == _LEGACY_SUFFIX or (entry.suffix == ENTRY_SUFFIX and status.st_mtime < cutoff)
                if stale and stat.S_ISREG(status.st_mode):
                    entry.unlink()
            except OSError:
                pass


def _read_entry_file(path: Path) -> bytes:
    # O_NOFOLLOW: an entry planted as a link to another file is not read through it.
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError("not a regular file")
        data = handle.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise OSError("too large to be an entry")
    return data


def cache_folder_problem(folder: Path) -> str | None:
    """Why the cache folder cannot be used safely (None when it can): a link could send entries,
    and the pruning of old ones, into any folder."""
    try:
        status = folder.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot use the cache folder ({error.strerror or error})"
    if stat.S_ISLNK(status.st_mode):
        return "the cache folder is a symbolic link; the cache is not used"
    if not stat.S_ISDIR(status.st_mode):
        return "the cache folder is not a folder; the cache is not used"
    return None


# --- the secret that signs entries -------------------------------------------------------------


def secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefgen" / SECRET_NAME


@cache
def user_secret() -> bytes:
    """This user's signing secret, made on first use; outside every output folder, readable by
    the user only. When it cannot be kept, a per-process one: the cache then only lasts a build."""
    path = secret_path()
    with contextlib.suppress(OSError, ValueError):
        return _read_secret(path)
    with contextlib.suppress(OSError, ValueError):
        _create_secret(path)
        return _read_secret(path)
    return secrets.token_bytes(32)


def _read_secret(path: Path) -> bytes:
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
        value = bytes.fromhex(handle.read(200).decode("ascii").strip())
    if len(value) < 32:
        raise ValueError("secret too short")
    return value


def _create_secret(path: Path) -> None:
    """Writes the secret beside its final name, then links it there: two builds starting at once
    agree on one secret, and none ever reads a half-written one."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret.", suffix=".part")  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


# --- analyses as JSON, and back, checked against the dataclasses' field types ------------------


def to_json(value: Any) -> Any:
    """`value` (frozen dataclasses, tuples, dates, paths, plain values) as JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def from_json(kind: Any, data: Any) -> Any:
    """The value of type `kind` that `data` stands for; _Invalid when it does not fit exactly."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        arms = typing.get_args(kind)
        if data is None and type(None) in arms:
            return None
        for arm in (a for a in arms if a is not type(None)):
            with contextlib.suppress(_Invalid):
                return from_json(arm, data)
        raise _Invalid(f"no choice of {kind} fits")
    if origin is tuple:
        return _tuple_from_json(typing.get_args(kind), data)
    if dataclasses.is_dataclass(kind):
        return _dataclass_from_json(kind, data)
    return _plain_from_json(kind, data)


def _tuple_from_json(items: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise _Invalid("expected a list")
    if len(items) == 2 and items[1] is Ellipsis:
        return tuple(from_json(items[0], item) for item in data)
    if len(items) != len(data):
        raise _Invalid(f"expected {len(items)} items")
    return tuple(from_json(item_kind, item) for item_kind, item in zip(items, data, strict=True))


def _dataclass_from_json(kind: Any, data: Any) -> Any:
    hints = _field_types(kind)
    if not isinstance(data, dict) or set(data) != set(hints):
        raise _Invalid(f"expected the fields of {kind.__name__}")
    return kind(**{name: from_json(hints[name], data[name]) for name in hints})


def _plain_from_json(kind: Any, data: Any) -> Any:
    if kind is type(None) and data is None:
        return None
    if kind is str and isinstance(data, str):
        return data
    if kind is bool and isinstance(data, bool):
        return data
    if kind is int and isinstance(data, int) and not isinstance(data, bool):
        return data
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind is Path and isinstance(data, str):
        return Path(data)
    if kind is dt.date and isinstance(data, str) and len(data) == 10:
        return dt.date.fromisoformat(data)  # ValueError for an impossible date
    raise _Invalid(f"expected {getattr(kind, '__name__', kind)}")


@cache
def _field_types(kind: type) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind)}


@cache
def code_fingerprint() -> bytes:
    """A hash of briefgen's own modules and data: analysis code changed, analyses are stale."""
    package = Path(__file__).parent
    fingerprint = hashlib.sha256()
    # Every file of the package, in subpackages too: a rule or a lexicon table may live anywhere.
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        fingerprint.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return fingerprint.digest()
