"""Settings for a build: defaults, then briefgen.toml, then command-line overrides.

briefgen.toml is validated in one pass: every problem is collected and reported together,
one line each ("briefgen.toml: key 'paper': expected A4 or letter"), before anything runs.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

CONFIG_NAME = "briefgen.toml"
COURSE_GLOSSARY_NAMES = ("glossary.yaml", "glossary.yml")
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
FORMATS = ("pdf", "html", "json")


@dataclass(frozen=True)
class Settings:
    title: str = "Arms control briefing"
    course: str | None = None
    instructor: str | None = None
    institution: str | None = None
    paper: str = "A4"
    language: str = "en"
    summary_sentences: int = 5
    quotes_per_article: int = 3
    boxes_per_article: int = 5
    glossaries: tuple[Path, ...] = ()  # course glossaries, highest precedence first
    theme: Path | None = None  # a course theme folder overriding the built-in templates
    output_name: str = "briefing-{date}"
    pdf_variant: str | None = None  # e.g. "pdf/ua-1" (tagged) or "pdf/a-3b" (archiving)

    def describe(self) -> tuple[tuple[str, str], ...]:
        """The settings a template shows in the masthead, as (name, value) pairs."""
        return tuple((name, str(getattr(self, name))) for name in ("course", "instructor", "institution")
                     if getattr(self, name))


_TEXT_KEYS = ("title", "course", "instructor", "institution", "language", "output_name")
_COUNT_KEYS = {"summary_sentences": (1, 20), "quotes_per_article": (0, 10), "boxes_per_article": (0, 20)}
# The PDF variants WeasyPrint writes that suit a briefing: PDF/UA (tagged, accessible) and PDF/A (archiving).
_PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u",
                 "pdf/a-1a", "pdf/a-2a", "pdf/a-3a")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def load_settings(folder: Path | None, config_path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from `config_path` (or briefgen.toml in `folder` when present), then non-None overrides."""
    path = config_path or (folder / CONFIG_NAME if folder is not None else None)
    settings = Settings()
    if path is not None and (config_path is not None or path.is_file()):
        settings = _settings_from_file(path)
    if not settings.glossaries and folder is not None:
        settings = replace(settings, glossaries=_course_glossary_beside(folder))
    changes = {key: value for key, value in overrides.items() if value is not None}
    return replace(settings, **changes) if changes else settings


def _course_glossary_beside(folder: Path) -> tuple[Path, ...]:
    """A glossary.yaml next to the articles is the course glossary, unless the settings name others."""
    found = [folder / name for name in COURSE_GLOSSARY_NAMES if (folder / name).is_file()]
    return (found[0].resolve(),) if found else ()


def _settings_from_file(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config file not found", path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read config file ({error})", path) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML ({error})", path) from None
    values, problems = _validate(data, path.parent)
    if problems:
        raise ConfigError("\n".join(f"{path.name}: {problem}" for problem in problems))
    return Settings(**values)


def _validate(data: dict[str, Any], base: Path) -> tuple[dict[str, Any], list[str]]:
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key not in known:
            problems.append(f"unknown key '{key}' (known: {', '.join(sorted(known))})")
            continue
        checked, problem = _check(key, value, base)
        if problem:
            problems.append(f"key '{key}': {problem}")
        else:
            values[key] = checked
    return values, problems


def _check(key: str, value: Any, base: Path) -> tuple[Any, str | None]:
    if key in _TEXT_KEYS:
        if not isinstance(value, str) or not value.strip():
            return None, "expected a non-empty text"
        value = value.strip()
        if key == "output_name":
            return value, _output_name_problem(value)
        if key == "language" and not _LANGUAGE_TAG.fullmatch(value):
            return None, "expected a language tag such as en, en-GB or fr"
        return value, None
    if key in _COUNT_KEYS:
        low, high = _COUNT_KEYS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return None, f"expected a whole number from {low} to {high}"
        return value, None
    if key == "paper":
        paper = PAPER_SIZES.get(str(value).lower())
        return (paper, None) if paper else (None, "expected A4 or letter")
    if key == "pdf_variant":
        variant = str(value).lower()
        return (variant, None) if variant in _PDF_VARIANTS else (None, f"expected one of {', '.join(_PDF_VARIANTS)}")
    if key == "glossaries":
        return _check_paths(value, base, want_dir=False)
    if key == "theme":
        if not isinstance(value, str):
            return None, "expected a folder path"
        paths, problem = _check_paths([value], base, want_dir=True)
        return (paths[0] if paths else None), problem
    raise AssertionError(f"no check for settings key {key}")  # every Settings field has a branch above


def _output_name_problem(pattern: str) -> str | None:
    if "/" in pattern or "\\" in pattern or pattern.startswith("."):
        return "expected a file name without folders"
    try:
        pattern.format(date="2000-01-01")
    except (KeyError, IndexError, ValueError):
        return "expected a file name in which {date} is the only placeholder"
    return None


def _check_paths(value: Any, base: Path, want_dir: bool) -> tuple[tuple[Path, ...], str | None]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return (), "expected a list of paths"
    paths = tuple((base / item).resolve() for item in value)
    for path in paths:
        if want_dir and not path.is_dir():
            return (), f"folder not found: {path}"
        if not want_dir and not path.is_file():
            return (), f"file not found: {path}"
    return paths, None
