"""A course that remembers: the terms earlier briefings of the same course explained in a box.

A briefing's JSON output (`--format json`) lists every article's context boxes and, when a PDF was
made in the same build, the page of each box. Given earlier briefings (their JSON files, or folders
holding them: the `earlier_briefings` setting), a term one of them explained prints in this week's
briefing as one line, "explained in week 3: p. 4", instead of a second full box.

Which briefing a line names: "week N" when its title or its path says so ("Arms control, week 3",
".../week03/..."), otherwise "the briefing of 2 November 2026".
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import EarlierExplanation

_WEEK = re.compile(r"\bweek[\s_-]*0*(\d{1,2})\b", re.IGNORECASE)


def earlier_explanations(paths: Iterable[Path]) -> dict[str, EarlierExplanation]:
    """term -> where an earlier briefing explained it; the earliest briefing wins. A path is a
    briefing JSON file or a folder of them (and of its output/ folder); a path that gives none,
    or a file that is not a briefing's JSON, is an InputError naming it."""
    briefings = sorted((_read(file) for path in paths for file in _briefing_files(path)),
                       key=lambda b: b["date"])
    found: dict[str, EarlierExplanation] = {}
    for briefing in briefings:
        for note in _explained_in(briefing):
            found.setdefault(note.term.casefold(), note)
    return found


def _briefing_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError("earlier briefing not found", path)
    files = sorted(p for folder in (path, path / "output") if folder.is_dir() for p in folder.glob("*.json"))
    # The student edition is what students hold; the instructor's has other page numbers.
    files = [p for p in files if not p.stem.endswith("-instructor")]
    if not files:
        raise InputError("no briefing JSON in this folder (build it with --format json)", path)
    return files


def _read(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read earlier briefing ({error})", file) from None
    if not isinstance(data, dict) or not isinstance(data.get("digests"), list) or "date" not in data:
        raise InputError("not a briefing's JSON output (no digests or date)", file)
    try:
        edition = dt.date.fromisoformat(str(data["date"]))
    except ValueError:
        raise InputError(f"earlier briefing has no valid date ({data['date']!r})", file) from None
    return {**data, "date": edition, "label": _label(str(data.get("title") or ""), file, edition)}


def _label(title: str, file: Path, edition: dt.date) -> str:
    for text in (title, *reversed(file.resolve().parts)):
        if match := _WEEK.search(text):
            return f"week {int(match.group(1))}"
    return f"the briefing of {edition.day} {edition:%B %Y}"


def _explained_in(briefing: dict[str, Any]) -> list[EarlierExplanation]:
    """The terms a briefing boxed (with their pages), then those it already noted as explained earlier."""
    pages = {str(term): page for term, page in briefing.get("box_pages") or [] if isinstance(page, int)}
    notes = []
    for digest in briefing["digests"]:
        for term in digest.get("terms") or []:
            name = term.get("term") if isinstance(term, dict) else None
            if isinstance(name, str):
                notes.append(EarlierExplanation(name, briefing["label"], pages.get(name)))
    for digest in briefing["digests"]:
        for note in digest.get("earlier") or []:
            if not isinstance(note, dict):
                continue
            term, where, page = note.get("term"), note.get("briefing"), note.get("page")
            if isinstance(term, str) and isinstance(where, str):
                notes.append(EarlierExplanation(term, where, page if isinstance(page, int) else None))
    return notes
