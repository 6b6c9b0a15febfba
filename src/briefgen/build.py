"""The whole pipeline for a folder: load -> extract -> analyse -> assemble -> render -> write.

Everything `briefgen build` does is callable from here; the CLI only parses options and shows
progress. One bad article is reported as a warning and skipped; the others still build.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from .analyse import analyse
from .assemble import assemble
from .atomic import write_atomically
from .cache import CACHE_FOLDER, AnalysisCache
from .config import FORMATS, Settings
from .errors import BriefgenError, InputError
from .extract import extract
from .glossary import BUILTIN_GLOSSARY, Glossary, load_glossary
from .load import document_from_bytes, find_articles, read_bytes
from .model import ArticleDigest, Briefing
from .render import briefing_json, render_html, render_pdf

# Called once per article when its analysis is done (or has failed), with the file's path.
ProgressCallback = Callable[[Path], None]


@dataclass(frozen=True)
class BuildResult:
    outputs: tuple[Path, ...]
    warnings: tuple[str, ...]
    briefing: Briefing


# Below this many articles a process pool costs more to start than it saves.
PARALLEL_THRESHOLD = 8


def build(
    folder: Path,
    out_dir: Path,
    edition: dt.date,
    settings: Settings,
    formats: Sequence[str] = ("pdf",),
    on_article: ProgressCallback | None = None,
    use_cache: bool = True,
) -> BuildResult:
    paths = find_articles(folder)
    if not paths:
        raise InputError("no articles found (expected .txt, .md or .html files)", folder)
    glossary_files = [*settings.glossaries, BUILTIN_GLOSSARY]
    glossary = load_glossary(glossary_files)
    cache = AnalysisCache(out_dir / CACHE_FOLDER, settings, glossary_files) if use_cache else None
    digests, warnings = analyse_files(paths, glossary, settings, cache, on_article)
    if cache:
        cache.prune()
    if not digests:
        raise InputError("no readable articles (" + "; ".join(warnings) + ")", folder)
    briefing = assemble(digests, settings, edition)
    outputs = write_outputs(briefing, settings, out_dir, formats, allowed_roots=(folder.resolve(),))
    return BuildResult(outputs=tuple(outputs), warnings=tuple(warnings), briefing=briefing)


def analyse_files(
    paths: Sequence[Path],
    glossary: Glossary,
    settings: Settings,
    cache: AnalysisCache | None = None,
    on_article: ProgressCallback | None = None,
) -> tuple[list[ArticleDigest], list[str]]:
    """Analyse every file (cached ones are reused), in parallel when there are many; keeps file order."""
    results: dict[Path, ArticleDigest | str] = {}
    pending: dict[Path, tuple[bytes, str | None]] = {}
    for path in paths:
        try:
            data = read_bytes(path)
        except BriefgenError as error:
            results[path] = f"skipped {error}"
            _report(on_article, path)
            continue
        key = cache.key(path, data) if cache else None
        cached = cache.get(key) if cache and key else None
        if cached is not None:
            results[path] = _relocated(cached, path)
            _report(on_article, path)
        else:
            pending[path] = (data, key)
    for path, outcome in _analyse_pending(pending, glossary, settings):
        results[path] = outcome
        key = pending[path][1]
        if cache and key and isinstance(outcome, ArticleDigest):
            cache.put(key, outcome)
        _report(on_article, path)
    digests = [r for p in paths if isinstance(r := results[p], ArticleDigest)]
    warnings = [r for p in paths if isinstance(r := results[p], str)]
    return digests, warnings


def _analyse_pending(
    pending: dict[Path, tuple[bytes, str | None]], glossary: Glossary, settings: Settings
) -> Iterator[tuple[Path, ArticleDigest | str]]:
    if len(pending) < PARALLEL_THRESHOLD or (os.cpu_count() or 1) < 2:
        _init_worker(glossary, settings)
        for path, (data, _) in pending.items():
            yield path, _analyse_one(path, data)
        return
    workers = min(os.cpu_count() or 2, 8)
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(glossary, settings)) as pool:
        futures = {pool.submit(_analyse_one, path, data): path for path, (data, _) in pending.items()}
        for future in as_completed(futures):
            yield futures[future], future.result()


# Set once per worker process (and in the parent for serial runs), so the glossary is sent once.
_worker_state: tuple[Glossary, Settings] | None = None


def _init_worker(glossary: Glossary, settings: Settings) -> None:
    global _worker_state
    _worker_state = (glossary, settings)


def _analyse_one(path: Path, data: bytes) -> ArticleDigest | str:
    assert _worker_state is not None, "_init_worker must run first"
    glossary, settings = _worker_state
    try:
        return analyse(extract(document_from_bytes(path, data)), glossary, settings)
    except BriefgenError as error:
        return f"skipped {error}"
    except Exception as error:  # a bug on one odd article must not sink the whole briefing
        return f"skipped {path}: internal error while analysing ({type(error).__name__}: {error}); please report it"


def _relocated(digest: ArticleDigest, path: Path) -> ArticleDigest:
    """A cached digest, pointing at the file it now stands for."""
    return replace(digest, article=replace(digest.article, path=path))


def _report(on_article: ProgressCallback | None, path: Path) -> None:
    if on_article:
        on_article(path)


def output_path(out_dir: Path, settings: Settings, edition: dt.date, fmt: str) -> Path:
    return out_dir / f"{settings.output_name.format(date=edition.isoformat())}.{fmt}"


def write_outputs(
    briefing: Briefing, settings: Settings, out_dir: Path, formats: Sequence[str], allowed_roots: tuple[Path, ...]
) -> list[Path]:
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        raise BriefgenError(f"unknown output format '{unknown[0]}' (use {', '.join(FORMATS)})")
    html = render_html(briefing, settings) if {"pdf", "html"} & set(formats) else ""
    outputs = []
    for fmt in dict.fromkeys(formats):
        if fmt == "pdf":
            data = render_pdf(html, settings, allowed_roots, briefing.date)
        elif fmt == "html":
            data = html.encode("utf-8")
        else:
            data = briefing_json(briefing).encode("utf-8")
        target = output_path(out_dir, settings, briefing.date, fmt)
        try:
            write_atomically(target, data)
        except OSError as error:
            raise BriefgenError(f"cannot write output ({error.strerror or error})", target) from None
        outputs.append(target)
    return outputs
