"""The whole pipeline for a folder: load -> extract -> analyse -> assemble -> render -> write.

Everything `briefgen build` does is callable from here; the CLI only parses options and shows
progress. One bad article is reported as a warning and skipped; the others still build.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .analyse import analyse
from .assemble import assemble
from .atomic import write_atomically
from .config import FORMATS, Settings
from .errors import BriefgenError, InputError
from .extract import extract
from .glossary import BUILTIN_GLOSSARY, Glossary, load_glossary
from .load import find_articles, read_document
from .model import ArticleDigest, Briefing
from .render import briefing_json, render_html, render_pdf

# Called once per article when its analysis is done (or has failed), with the file's path.
ProgressCallback = Callable[[Path], None]


@dataclass(frozen=True)
class BuildResult:
    outputs: tuple[Path, ...]
    warnings: tuple[str, ...]
    briefing: Briefing


def build(
    folder: Path,
    out_dir: Path,
    edition: dt.date,
    settings: Settings,
    formats: Sequence[str] = ("pdf",),
    on_article: ProgressCallback | None = None,
) -> BuildResult:
    paths = find_articles(folder)
    if not paths:
        raise InputError("no articles found (expected .txt, .md or .html files)", folder)
    glossary = load_glossary([*settings.glossaries, BUILTIN_GLOSSARY])
    digests, warnings = analyse_files(paths, glossary, settings, on_article)
    if not digests:
        raise InputError("no readable articles (" + "; ".join(warnings) + ")", folder)
    briefing = assemble(digests, settings, edition)
    outputs = write_outputs(briefing, settings, out_dir, formats, allowed_roots=(folder.resolve(),))
    return BuildResult(outputs=tuple(outputs), warnings=tuple(warnings), briefing=briefing)


def analyse_files(
    paths: Sequence[Path], glossary: Glossary, settings: Settings, on_article: ProgressCallback | None = None
) -> tuple[list[ArticleDigest], list[str]]:
    digests, warnings = [], []
    for path in paths:
        try:
            digests.append(analyse(extract(read_document(path)), glossary, settings))
        except BriefgenError as error:
            warnings.append(f"skipped {error}")
        if on_article:
            on_article(path)
    return digests, warnings


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
            data = render_pdf(html, settings, allowed_roots)
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
