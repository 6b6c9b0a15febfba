"""A cache of article analyses, so a rebuild after a theme or title change skips re-analysis.

An entry is keyed by the article file's bytes, the settings that change analysis, the glossary
files' contents and the briefgen version; any change to one of them is a cache miss. Entries
are pickled ArticleDigests in OUTDIR/.briefgen-cache/ (written by briefgen itself; an
unreadable entry is ignored and recomputed).
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .atomic import write_atomically
from .config import Settings
from .model import ArticleDigest

CACHE_FOLDER = ".briefgen-cache"


class AnalysisCache:
    def __init__(self, folder: Path, settings: Settings, glossary_files: Iterable[Path]):
        self.folder = folder
        self._context = self._context_digest(settings, glossary_files)

    @staticmethod
    def _context_digest(settings: Settings, glossary_files: Iterable[Path]) -> bytes:
        context = hashlib.sha256(__version__.encode())
        for value in (settings.summary_sentences, settings.quotes_per_article, settings.language):
            context.update(repr(value).encode())
        for path in glossary_files:
            context.update(path.read_bytes())
        return context.digest()

    def key(self, path: Path, data: bytes) -> str:
        # The name matters too: it is printed as the article's source file.
        return hashlib.sha256(self._context + path.name.encode() + b"\0" + data).hexdigest()

    def get(self, key: str) -> ArticleDigest | None:
        try:
            with open(self.folder / f"{key}.pickle", "rb") as handle:
                digest = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return digest if isinstance(digest, ArticleDigest) else None

    def put(self, key: str, digest: ArticleDigest) -> None:
        try:
            write_atomically(self.folder / f"{key}.pickle", pickle.dumps(digest, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a cache that cannot be written only costs time on the next build
