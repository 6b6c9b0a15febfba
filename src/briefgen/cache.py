"""A cache of article analyses, so a rebuild after a theme or title change skips re-analysis.

An entry is keyed by the article file's bytes, the settings that change analysis, the glossary
files' contents and the briefgen code (its version and a fingerprint of its modules, so an
upgrade or a local edit never serves stale analyses); any change to one of them is a cache miss.
Entries are pickled analyses in OUTDIR/.briefgen-cache/ (written by briefgen itself; an
unreadable entry is ignored and recomputed). Entries unused for MAX_AGE_DAYS are deleted.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from . import __version__
from .atomic import write_atomically
from .config import Settings

CACHE_FOLDER = ".briefgen-cache"
MAX_AGE_DAYS = 30


class AnalysisCache:
    def __init__(self, folder: Path, settings: Settings, glossary_files: Iterable[Path]):
        self.folder = folder
        self._context = self._context_digest(settings, glossary_files)

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

    def get(self, key: str) -> object | None:
        """The analysis stored under `key`; the caller checks its type (an old entry may differ)."""
        try:
            path = self.folder / f"{key}.pickle"
            with open(path, "rb") as handle:
                analysis = pickle.load(handle)
            os.utime(path)  # marks the entry as used, for prune()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return analysis

    def put(self, key: str, analysis: object) -> None:
        # A cache that cannot be written only costs time on the next build.
        with contextlib.suppress(OSError):
            write_atomically(self.folder / f"{key}.pickle", pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Deletes entries no build has used for MAX_AGE_DAYS, so the folder does not grow forever."""
        cutoff = time.time() - MAX_AGE_DAYS * 86400
        try:
            entries = list(self.folder.glob("*.pickle"))
        except OSError:
            return
        for entry in entries:
            try:
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
            except OSError:
                pass


@cache
def code_fingerprint() -> bytes:
    """A hash of briefgen's own modules and data: analysis code changed, analyses are stale."""
    package = Path(__file__).parent
    fingerprint = hashlib.sha256()
    # Every file of the package, in subpackages too: a rule or a lexicon table may live anywhere.
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        fingerprint.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return fingerprint.digest()
