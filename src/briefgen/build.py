"""The whole pipeline for a folder: load -> extract -> analyse -> assemble -> render -> write.

Everything `briefgen build` does is callable from here; the CLI only parses options and shows
progress. One bad article is reported as a warning and skipped; the others still build.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from .analyse.glossary import BUILTIN_GLOSSARY, Glossary, load_glossary
from .atomic import remove_stale_parts, write_all_atomically, write_atomically
from .cache import CACHE_FOLDER, AnalysisCache, cache_folder_problem
from .config import FORMATS, Settings, output_file_name
from .errors import BriefgenError, ConfigError, InputError
from .model import ArticleDigest, Briefing, Doubt
from .publish.assemble import assemble
from .publish.budget import budget_report, fit_pages
from .publish.course import earlier_explanations
from .publish.parts import briefing_pdf
from .publish.render import (
    box_pages,
    briefing_json,
    builtin_theme_dir,
    page_count,
    render_html,
)
from .publish.sandbox import theme_link_warnings
from .read import document_from_bytes, find_articles, read_bytes, unread_files
from .review import Prepared, Review, prepare
from .review.corrections import load_corrections
from .review.theme import require_articles_shown
from .suggest import did_you_mean
from .timelimit import TimeLimitReached, time_limited
from .workers import DIED, TIMED_OUT, run_tasks


def _ignore(*_args: object) -> None:
    pass


@dataclass(frozen=True)
class Progress:
    """What build() reports while it runs, for a progress display; every callback is optional."""

    articles_found: Callable[[int], None] = _ignore  # how many article files there are
    article_done: Callable[[Path], None] = _ignore  # one article analysed, reused or skipped
    rendering: Callable[[], None] = _ignore  # every article is done; the outputs are being made
    page_done: Callable[[int], None] = _ignore  # page N of the PDF is laid out


@dataclass(frozen=True)
class BuildResult:
    outputs: tuple[Path, ...]
    warnings: tuple[str, ...]
    briefing: Briefing  # the last edition built
    review: Review | None = None  # what is left for the instructor to check (briefgen check)
    notes: tuple[str, ...] = ()  # what the build did that the user should know, not a problem (page budget cuts)


@dataclass(frozen=True)
class Analysis:
    """One article's outcome: its digest, or None when it was skipped, and what went wrong.

    For a skipped article `problems` holds the reason, naming the file. For a digest they are
    one-line notes without the file name, which is added when they are reported: a cached
    analysis may stand for the same file in another folder.
    """

    digest: ArticleDigest | None
    problems: tuple[str, ...] = ()


STUDENT, INSTRUCTOR = "student", "instructor"
EDITIONS = (STUDENT, INSTRUCTOR)  # the instructor's adds notes, answers and what is left to review

# Below this many articles one worker process is enough: more cost more to start than they save.
PARALLEL_THRESHOLD = 8


def build(
    folder: Path,
    out_dir: Path,
    edition: dt.date,
    settings: Settings,
    formats: Sequence[str] = ("pdf",),
    progress: Progress = Progress(),
    use_cache: bool = True,
    corrections: Path | None = None,
    editions: Sequence[str] = (STUDENT,),
) -> BuildResult:
    """Build the briefing of `folder`; `editions` are "student" and/or "instructor", both from one
    analysis; `corrections` is the corrections file when it is not FOLDER/corrections.toml."""
    check_formats(formats)  # before minutes of work, not after
    check_editions(editions)
    glossary = load_glossary([*settings.glossaries, BUILTIN_GLOSSARY])
    prepared, warnings = review_folder(folder, out_dir, edition, settings, progress, use_cache, corrections, glossary)
    warnings += theme_link_warnings(settings.theme)
    earlier = earlier_explanations(settings.earlier_briefings)
    progress.rendering()
    outputs: list[Path] = []
    notes: list[str] = []
    roots = (folder.resolve(),)
    for audience in dict.fromkeys(editions):

        def assemble_with(chosen: Settings, audience: str = audience) -> Briefing:
            return assemble(prepared.digests, chosen, edition, sections=prepared.sections, edition_for=audience,
                            glossary=glossary, earlier=earlier)

        briefing, used = assemble_with(settings), settings
        if settings.max_pages is not None and "pdf" in formats:
            fitted = fit_pages(settings, assemble_with, lambda chosen, chosen_settings: page_count(
                render_html(chosen, chosen_settings), chosen_settings, roots))
            briefing, used = fitted.briefing, fitted.settings
            report = f"{audience} edition: {budget_report(fitted, settings.max_pages)}"
            (notes if fitted.fits else warnings).append(report)
        outputs += write_outputs(briefing, used, out_dir, formats, roots, progress.page_done)
    write_review(prepared.review, out_dir)
    return BuildResult(outputs=tuple(outputs), warnings=tuple(warnings), briefing=briefing, review=prepared.review,
                       notes=tuple(notes))


def review_folder(
    folder: Path,
    out_dir: Path,
    edition: dt.date,
    settings: Settings,
    progress: Progress = Progress(),
    use_cache: bool = True,
    corrections: Path | None = None,
    glossary: Glossary | None = None,
) -> tuple[Prepared, list[str]]:
    """Analyse (or reuse the cached analysis of) every article, then apply the corrections: the
    articles as they will be printed, what is left to review, and the warnings."""
    applied = load_corrections(folder, corrections)  # a mistake in it stops the build before any work
    paths = find_articles(folder)
    if not paths:
        expected = "no articles found (expected .txt, .md, .html, .docx or .pdf files)"
        raise InputError(expected + _not_read(folder), folder)
    progress.articles_found(len(paths))
    glossary_files = [*settings.glossaries, BUILTIN_GLOSSARY]
    if glossary is None:
        glossary = load_glossary(glossary_files)
    cache, warnings = _open_cache(out_dir, settings, glossary_files) if use_cache else (None, [])
    digests, article_warnings = analyse_files(paths, glossary, settings, cache, progress.article_done)
    warnings += article_warnings
    if cache:
        cache.prune()
    if not digests:
        raise InputError("no readable articles (" + "; ".join(warnings) + ")", folder)
    prepared = prepare(folder, digests, settings, applied, edition, builtin_theme_dir())
    if not prepared.digests:
        raise InputError("every article is left out (skip = true in the corrections): the briefing would be empty",
                         folder)
    # A course glossary's rule breaches (a generic alias, a long definition) are reported, not fatal.
    return prepared, [*glossary.warnings, *warnings, *prepared.warnings]


def _not_read(folder: Path) -> str:
    unread = [path.name for path, _ in unread_files(folder) if path.is_file()]
    return f"; not read: {', '.join(unread)}" if unread else ""


def write_review(review: Review, out_dir: Path) -> Path:
    """review.html beside the outputs."""
    from .review.report import REVIEW_FILE, review_html

    target = out_dir / REVIEW_FILE
    try:
        write_atomically(target, review_html(review).encode("utf-8"))
    except OSError as error:
        raise BriefgenError(f"cannot write output ({error.strerror or error})", target) from None
    return target


def check_editions(editions: Sequence[str]) -> None:
    unknown = [name for name in editions if name not in EDITIONS]
    if unknown or not editions:
        raise ConfigError(f"unknown edition '{unknown[0] if unknown else ''}' (use {' or '.join(EDITIONS)})")


def _open_cache(
    out_dir: Path, settings: Settings, glossary_files: list[Path]
) -> tuple[AnalysisCache | None, list[str]]:
    folder = out_dir / CACHE_FOLDER
    problem = cache_folder_problem(folder)
    if problem:
        return None, [f"{folder}: {problem}"]
    return AnalysisCache(folder, settings, glossary_files), []


def analyse_files(
    paths: Sequence[Path],
    glossary: Glossary,
    settings: Settings,
    cache: AnalysisCache | None = None,
    on_article: Callable[[Path], None] = _ignore,
) -> tuple[list[ArticleDigest], list[str]]:
    """Analyse every file (cached ones are reused), in parallel when there are many.

    Returns the digests and the warnings, both in file order whatever order the work finished in.
    """
    results: dict[Path, Analysis] = {}
    pending: dict[Path, tuple[bytes, str | None]] = {}
    cache_notes: dict[Path, tuple[str]] = {}  # an entry that is there but cannot be trusted
    for path in paths:
        try:
            data = read_bytes(path)
        except BriefgenError as error:
            results[path] = _skipped(error)
            on_article(path)
            continue
        key = cache.key(path, data) if cache else None
        cached, problem = cache.get(key, Analysis) if cache and key else (None, None)
        if problem:
            cache_notes[path] = (f"{path}: {problem}; analysed again",)
        if cached is not None and cached.digest is not None:
            results[path] = replace(cached, digest=_relocated(cached.digest, path))
            on_article(path)
        else:
            pending[path] = (data, key)
    # closing(): on Ctrl-C here, the workers are stopped at once, not when the generator is collected.
    with closing(_analyse_pending(pending, glossary, settings)) as outcomes:
        for path, outcome in outcomes:
            results[path] = outcome
            key = pending[path][1]
            if cache and key and outcome.digest is not None:
                cache.put(key, outcome)
            on_article(path)
    digests = [digest for path in paths if (digest := results[path].digest) is not None]
    warnings = [warning for path in paths for warning in [*cache_notes.get(path, ()), *_warnings(path, results[path])]]
    return digests, warnings


def _warnings(path: Path, analysis: Analysis) -> list[str]:
    if analysis.digest is None:
        return [f"skipped {problem}" for problem in analysis.problems]
    return [f"{path}: {problem}" for problem in analysis.problems]


def _skipped(reason: BriefgenError | str) -> Analysis:
    return Analysis(None, (str(reason),))


def _analyse_pending(
    pending: dict[Path, tuple[bytes, str | None]], glossary: Glossary, settings: Settings
) -> Generator[tuple[Path, Analysis], None, None]:
    """Every pending article analysed in worker processes (one, or several for many articles).

    A worker that dies costs only the article it held, which is analysed once more here, in
    this process; an article still running at the time limit is skipped.
    """
    if not pending:
        return
    paths = list(pending)
    _warm_up({path.suffix.lower() for path in paths}, glossary, settings)
    tasks = [(path, pending[path][0]) for path in paths]
    count = 1 if len(tasks) < PARALLEL_THRESHOLD else min(os.cpu_count() or 1, MAX_WORKERS)
    limit = settings.time_limit
    outcomes = run_tasks(tasks, _analyse_in_worker, _init_worker, (glossary, settings), count, limit)
    with closing(outcomes):
        for index, failure, analysis in outcomes:
            path = paths[index]
            if failure == TIMED_OUT:
                yield path, _skipped(f"{path}: {_too_slow(limit)}")
            elif failure == DIED:
                yield path, _retried(path, pending[path][0], glossary, settings)
            else:
                yield path, analysis


# A short article of each kind, analysed in this process before the workers start: the models
# and tables the analysis loads on first use (seconds of work) are then loaded once, and forked
# workers start with them, sharing their memory, instead of each loading its own.
_WARM_UP_TEXT = (
    "Delegates resume talks\n\nDelegates met on Monday in Vienna to resume talks on the accord. "
    "\"We are ready to sign,\" said Jane Roe, the foreign minister. The Comprehensive Nuclear-Test-Ban "
    "Treaty (CTBT) was discussed too.\n"
)
_warmed: set[str] = set()


def _warm_up(suffixes: set[str], glossary: Glossary, settings: Settings) -> None:
    for suffix in sorted(suffixes - _warmed):
        _warmed.add(suffix)
        text = f"<html><body><p>{_WARM_UP_TEXT}</p></body></html>" if suffix in (".html", ".htm") else _WARM_UP_TEXT
        _init_worker(glossary, settings)
        _analyse_one(Path(f"warm-up{suffix}"), text.encode("utf-8"))


# Workers at most: each holds the analysis libraries (about 150 MB), so more cost memory, not time.
MAX_WORKERS = 4


def _too_slow(limit: float) -> str:
    return (f"its analysis was stopped after {limit:g} s (the time_limit of briefgen.toml); the text may be "
            "pathological (very long runs of quotation marks, markup or spaces)")


def _retried(path: Path, data: bytes, glossary: Glossary, settings: Settings) -> Analysis:
    """An article whose worker died (the out-of-memory killer, a crash in a library), analysed
    once more in this process; skipped if that fails too."""
    died = "the analysis process died while analysing it (out of memory, or a crash in a library)"
    _init_worker(glossary, settings)
    try:
        with time_limited(settings.time_limit):
            analysis = _analyse_one(path, data)
    except TimeLimitReached:
        return _skipped(f"{path}: {died}, then {_too_slow(settings.time_limit)}")
    if analysis.digest is None:
        reasons = "; ".join(problem.removeprefix(f"{path}: ") for problem in analysis.problems)
        return _skipped(f"{path}: {died}; analysed again in the main process, it failed again: {reasons}")
    return replace(analysis, problems=(f"{died}; analysed again in the main process", *analysis.problems))


# Set once per worker process (and in the parent for a retry), so the glossary is sent once.
_worker_state: tuple[Glossary, Settings] | None = None


def _init_worker(glossary: Glossary, settings: Settings) -> None:
    global _worker_state
    _worker_state = (glossary, settings)


def _analyse_in_worker(path: Path, data: bytes) -> Analysis:
    # Looked up when called, so that a test replacing _analyse_one reaches the workers too.
    return _analyse_one(path, data)


def _analyse_one(path: Path, data: bytes) -> Analysis:
    # Imported here: a build whose analyses all come from the cache never needs them.
    from .analyse import analyse
    from .extract import extract, require_text

    assert _worker_state is not None, "_init_worker must run first"
    glossary, settings = _worker_state
    notes: list[str] = []
    try:
        article = require_text(extract(document_from_bytes(path, data, notes)))
        digest = analyse(article, glossary, settings)
    except BriefgenError as error:
        return _skipped(error)
    except Exception as error:  # a bug on one odd article must not sink the whole briefing
        return _skipped(f"{path}: internal error while analysing ({type(error).__name__}: {error}); please report it")
    # What reading repaired is a doubt too: the instructor checks the repaired text.
    doubts = [Doubt("encoding", note, 'accept = ["encoding"]') for note in notes]
    if not digest.summary:
        notes.append("no sentence to summarise (only a headline, or too short); the briefing lists its title only")
        doubts.append(Doubt("summary", notes[-1], 'accept = ["summary"]'))
    return Analysis(replace(digest, doubts=(*doubts, *digest.doubts)), tuple(notes))


def _relocated(digest: ArticleDigest, path: Path) -> ArticleDigest:
    """A cached digest, pointing at the file it now stands for."""
    return replace(digest, article=replace(digest.article, path=path))


def check_formats(formats: Sequence[str]) -> None:
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        hint = did_you_mean(unknown[0], FORMATS)
        raise ConfigError(f"unknown output format '{unknown[0]}'{hint} (use {', '.join(FORMATS)})")


def output_path(out_dir: Path, settings: Settings, edition: dt.date, fmt: str, audience: str = STUDENT) -> Path:
    """OUT/NAME.FMT for the student edition, OUT/NAME-instructor.FMT for the instructor's."""
    suffix = "" if audience == STUDENT else f"-{audience}"
    # Checked again here, not only in briefgen.toml: Settings can come from code or the command line.
    return out_dir / f"{output_file_name(settings.output_name, edition)}{suffix}.{fmt}"


def output_folders(folders: Sequence[Path], out_dir: Path) -> list[tuple[Path, Path]]:
    """(articles folder, output folder) for each folder of a build, the same folder once.

    One folder writes into `out_dir`; several write into a subfolder each, named after the folder,
    with "-2", "-3"... when two folders have the same name (x/week1 and y/week1). No output folder
    may be an articles folder: the next build would read the briefing as an article.
    """
    first_spelling: dict[Path, Path] = {}
    for folder in folders:
        first_spelling.setdefault(folder.resolve(), folder)
    unique = list(first_spelling.items())
    if len(unique) == 1:
        pairs = [(unique[0][1], out_dir)]
    else:
        taken: set[str] = set()
        pairs = []
        for resolved, folder in unique:
            name, number = resolved.name or "articles", 1
            while name.casefold() in taken:  # casefold: a course drive may not tell Week1 from week1
                number += 1
                name = f"{resolved.name}-{number}"
            taken.add(name.casefold())
            pairs.append((folder, out_dir / name))
    articles = {resolved for resolved, _ in unique}
    for folder, target in pairs:
        if target.resolve() in articles:
            raise ConfigError(f"the output folder {target} is a folder of articles; choose another with -o", folder)
    return pairs


def write_outputs(
    briefing: Briefing,
    settings: Settings,
    out_dir: Path,
    formats: Sequence[str],
    allowed_roots: tuple[Path, ...],
    on_page: Callable[[int], None] = _ignore,
) -> list[Path]:
    check_formats(formats)
    html = render_html(briefing, settings) if {"pdf", "html"} & set(formats) else ""
    if html:
        require_articles_shown(html, briefing, settings.theme)
    written: dict[str, tuple[Path, bytes]] = {}
    # The PDF first: the pages its boxes fall on go into the JSON, for the course's later briefings.
    for fmt in sorted(dict.fromkeys(formats), key=lambda name: name != "pdf"):
        if fmt == "pdf":
            data, anchors = briefing_pdf(html, settings, allowed_roots, briefing.date, len(briefing.digests), on_page)
            briefing = replace(briefing, box_pages=box_pages(anchors, briefing))
        elif fmt == "html":
            data = html.encode("utf-8")
        elif fmt == "docx":
            from .publish.word import briefing_docx

            data = briefing_docx(briefing, settings)
        elif fmt == "md":
            from .publish.markdown import briefing_markdown

            data = briefing_markdown(briefing).encode("utf-8")
        else:
            data = briefing_json(briefing).encode("utf-8")
        written[fmt] = (output_path(out_dir, settings, briefing.date, fmt, briefing.edition), data)
    remove_stale_parts(out_dir, [target.name for target, _data in written.values()])
    try:
        write_all_atomically(list(written.values()))  # all written, then all renamed
    except OSError as error:
        reason = error.strerror or str(error)
        raise BriefgenError(f"cannot write the outputs ({reason}); the old ones are kept", out_dir) from None
    return [written[fmt][0] for fmt in dict.fromkeys(formats)]
