"""Settings for a build: defaults, then briefgen.toml, then command-line overrides.

briefgen.toml is validated in one pass: every problem is collected and reported together,
one line each ("briefgen.toml: key 'paper': expected A4 or letter"), before anything runs.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import string
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from . import lexicon
from .errors import ConfigError
from .paths import outside_link_problem, system_folder_problem
from .suggest import closest, did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

CONFIG_NAME = "briefgen.toml"
COURSE_GLOSSARY_NAMES = ("glossary.yaml", "glossary.yml")
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
FORMATS = ("pdf", "html", "json", "docx", "md")
BACK_GLOSSARY_STYLES = ("printed", "full", "index")
WEEKDAYS = lexicon.ordered("weekday_names")
# Word processors and some editors turn typed quotation marks into these; TOML needs straight ones.
SMART_QUOTES = "“”„‟‘’‚‛"


def _doc(meaning: str, example: Any = None) -> dict[str, Any]:
    """A settings key's meaning, for the commented briefgen.toml of `briefgen init`, and an
    example value when the default is to leave the key out."""
    return {"doc": meaning, "example": example}


@dataclass(frozen=True)
class Settings:
    # Every key's meaning lives here, so the briefgen.toml that `briefgen init` writes cannot
    # drift from what is accepted (tests/test_config.py checks each field has one).
    title: str = field(default="Arms control briefing", metadata=_doc(
        "The briefing's title, on the first page and in the page footer."))
    course: str | None = field(default=None, metadata=_doc(
        "The course, shown under the title.", "POLS 245: Nuclear Weapons and World Politics"))
    instructor: str | None = field(default=None, metadata=_doc(
        "The instructor, shown under the course.", "Dr. A. Teacher"))
    institution: str | None = field(default=None, metadata=_doc(
        "The school or university, shown beside the instructor.", "Example University"))
    date: dt.date | None = field(default=None, metadata=_doc(
        'The date printed on the briefing and in its file name: YYYY-MM-DD, or a weekday such as "monday" for '
        "the next one (today if it is that day). Without it, the day of the build; --date overrides it.", "monday"))
    paper: str = field(default="A4", metadata=_doc("The paper size: A4 or letter."))
    language: str = field(default="en-US", metadata=_doc(
        "The language of the articles (en-US, en-GB, fr...): it sets the hyphenation rules; plain en is en-US."))
    summary_sentences: int = field(default=5, metadata=_doc("Sentences in each article's summary."))
    quotes_per_article: int = field(default=3, metadata=_doc(
        "Key quotes shown per article; 0 drops the Key quotes blocks."))
    boxes_per_article: int = field(default=5, metadata=_doc("Context boxes (terms explained) per article at most."))
    glossaries: tuple[Path, ...] = field(default=(), metadata=_doc(
        "Course glossary files, highest precedence first; paths are relative to this file. Without this key, "
        "a glossary.yaml beside the articles is the course glossary.", ["course-glossary.yaml"]))
    theme: Path | None = field(default=None, metadata=_doc(
        "A theme folder whose files replace or extend the built-in templates and CSS; relative to this file.",
        "theme"))
    output_name: str = field(default="briefing-{date}", metadata=_doc(
        "The output file name without its extension; {date} is the briefing's date."))
    time_limit: int = field(default=60, metadata=_doc(
        "Seconds the analysis of one article may take; an article still running then is skipped with a warning."))
    pdf_variant: str | None = field(default=None, metadata=_doc(
        "A PDF variant: pdf/ua-1 or pdf/ua-2 (tagged, accessible), or PDF/A for archiving.", "pdf/ua-1"))
    order: tuple[str, ...] = field(default=(), metadata=_doc(
        "Article files in the order to print them; the others follow by file name (an article's order in "
        "corrections.toml comes first).", ["kerry-zarif-talks.txt", "iran-framework.txt"]))
    sections: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), metadata=_doc(
        "Headings to print articles under, in order, each with its article files (in the contents and the PDF "
        "outline too).", {"Iran and the bomb": ["kerry-zarif-talks.txt", "iran-framework.txt"]}))
    page_per_article: bool = field(default=False, metadata=_doc(
        "true starts every article on a new page; by default articles follow one another."))
    max_pages: int | None = field(default=None, metadata=_doc(
        "A page budget: the briefing is shortened to fit (no Timeline, then no Who's who, then fewer summary "
        "sentences, then fewer quotes and boxes, then the back glossary down to its index) and the build says "
        "what it cut; --pages overrides it.", 12))
    earlier_briefings: tuple[Path, ...] = field(default=(), metadata=_doc(
        "This course's earlier briefings: their JSON outputs (--format json, with pdf for page numbers) or the "
        "folders holding them, relative to this file. A term an earlier briefing explained in a box prints "
        "here as one line, \"explained in week 3: p. 4\", not a second box.", ["week03-briefing.json"]))
    back_glossary: str = field(default="printed", metadata=_doc(
        "The glossary at the back, after the index of the boxed terms: printed (the other terms printed in "
        "the briefing defined in full, those only in the original articles one line each), full (every "
        "other term defined in full) or index (one line a term)."))
    whos_who: bool = field(default=True, metadata=_doc(
        "true prints a Who's who page at the back: the people the articles quote or name as acting, with the roles "
        "the articles give them; false leaves it out (a page budget drops it first, after the timeline)."))
    timeline: bool = field(default=True, metadata=_doc(
        "true prints a Timeline page at the back: the dated events the articles state, and the key dates of the "
        "terms boxed this week as background; false leaves it out (a page budget drops it before anything else)."))
    reading_level: bool = field(default=True, metadata=_doc(
        "true prints each article's reading level (Flesch-Kincaid grade) beside its reading time; false leaves "
        "it out."))
    pdf_part_articles: int | None = field(default=None, metadata=_doc(
        "A PDF of more articles than this is laid out in parts of this many articles, each part starting on "
        "a new page, so that a large briefing needs no more memory than a part; without it, the number "
        "briefgen measured (lexicon pdf_parts).", 250))

    def describe(self) -> tuple[tuple[str, str], ...]:
        """The settings a template shows in the masthead, as (name, value) pairs."""
        return tuple((name, str(getattr(self, name))) for name in ("course", "instructor", "institution")
                     if getattr(self, name))


_TEXT_KEYS = ("title", "course", "instructor", "institution", "language", "output_name")
_COUNT_KEYS = {"summary_sentences": (1, 20), "quotes_per_article": (0, 10), "boxes_per_article": (0, 20),
               "max_pages": (1, 999), "time_limit": (1, 3600),
               "pdf_part_articles": (1, 100_000)}
# The PDF variants WeasyPrint writes that suit a briefing: PDF/UA (tagged, accessible) and PDF/A (archiving).
_PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u",
                 "pdf/a-1a", "pdf/a-2a", "pdf/a-3a")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def load_settings(folder: Path | None, config_path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from `config_path` (or briefgen.toml in `folder` when present), then non-None overrides."""
    if config_path is not None:
        settings = _settings_from_file(config_path)
    elif folder is not None and (folder / CONFIG_NAME).is_file():
        settings = _settings_from_file(folder / CONFIG_NAME)
    else:
        if folder is not None:
            _refuse_misnamed_settings(folder)
        settings = Settings()
    if not settings.glossaries and folder is not None:
        settings = replace(settings, glossaries=_course_glossary_beside(folder))
    changes = {key: value for key, value in overrides.items() if value is not None}
    return replace(settings, **changes) if changes else settings


def _course_glossary_beside(folder: Path) -> tuple[Path, ...]:
    """A glossary.yaml next to the articles is the course glossary, unless the settings name others."""
    found = [folder / name for name in COURSE_GLOSSARY_NAMES if (folder / name).is_file()]
    if found and (problem := outside_link_problem(found[0], folder)):
        raise ConfigError(problem, found[0])
    return (found[0].resolve(),) if found else ()


# 'brefgen.toml' (0.96) is a typo of briefgen.toml; 'course.toml' (0.58), named with --config, is not.
MISNAMED_SIMILARITY = 0.85


def _refuse_misnamed_settings(folder: Path) -> None:
    """A settings file under a near-miss name (Briefgen.toml, briefgen.toml.txt from a text
    editor, brefgen.toml) would otherwise be ignored without a word."""
    try:
        names = [entry.name for entry in folder.iterdir() if entry.is_file()]
    except OSError:
        return
    for name in names:
        stem = name.casefold().removesuffix(".txt")
        if stem == CONFIG_NAME or (stem.endswith(".toml") and closest(stem, [CONFIG_NAME], MISNAMED_SIMILARITY)):
            raise ConfigError(f"settings file not read: rename it to {CONFIG_NAME}", folder / name)


TOO_DEEP = "not read: lists or tables nested hundreds of levels deep"


def _settings_from_file(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read config file ({error})", path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        smart_quotes_line = _smart_quotes_line(text)
        if smart_quotes_line:
            raise ConfigError(SMART_QUOTES_PROBLEM, path, smart_quotes_line) from None
        raise ConfigError(f"not valid TOML ({error})", path) from None
    except RecursionError:  # tomllib reads nested lists and tables recursively
        raise ConfigError(TOO_DEEP, path) from None
    values, problems = _validate(data, path.parent)
    if problems:
        raise ConfigError("\n".join(f"{path.name}: {problem}" for problem in problems))
    return Settings(**values)


SMART_QUOTES_PROBLEM = ('the value is in curly “smart” quotes (a word processor typed them); '
                        'write straight quotes, as in title = "Week 12"')


def _smart_quotes_line(text: str) -> int | None:
    """The first line whose value opens with a curly quote. TOML's own message for it,
    "Invalid value (at line 1, column 9)", does not say what is wrong."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*[\w.\"'-]+\s*=\s*\[?\s*[{SMART_QUOTES}]", line):
            return number
    return None


def _validate(data: dict[str, Any], base: Path) -> tuple[dict[str, Any], list[str]]:
    known = [f.name for f in fields(Settings)]
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key not in known:
            hint = did_you_mean(key, known) or f" (known: {', '.join(sorted(known))})"
            problems.append(f"unknown key '{key}'{hint}")
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
    if key in _VALUE_CHECKS:
        return _VALUE_CHECKS[key](value)
    if key == "glossaries":
        return _check_paths(value, base, want_dir=False)
    if key == "earlier_briefings":
        return _check_paths(value, base, want_dir=None)
    if key == "theme":
        if not isinstance(value, str):
            return None, "expected a folder path"
        paths, problem = _check_paths([value], base, want_dir=True)
        return (paths[0] if paths else None), problem
    raise AssertionError(f"no check for settings key {key}")  # every Settings field has a branch above


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """A briefing date: YYYY-MM-DD, or a weekday name for the next such day (today if it is
    that day), so a Friday build for Monday needs no change each week. None if it is neither."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if text.casefold() in WEEKDAYS:
        return today + dt.timedelta(days=(WEEKDAYS.index(text.casefold()) - today.weekday()) % 7)
    return None


def _check_date(value: Any) -> tuple[Any, str | None]:
    # TOML has dates of its own (date = 2026-12-07); a quoted one or a weekday is text.
    edition = value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None
    if isinstance(value, str):
        edition = parse_date(value, dt.date.today())
    return (edition, None) if edition else (None, "expected a date YYYY-MM-DD or a weekday such as monday")


def _check_paper(value: Any) -> tuple[Any, str | None]:
    paper = PAPER_SIZES.get(str(value).lower())
    return (paper, None) if paper else (None, "expected A4 or letter")


def _check_switch(value: Any) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, bool) else (None, "expected true or false")


def _check_back_glossary(value: Any) -> tuple[Any, str | None]:
    return (value, None) if value in BACK_GLOSSARY_STYLES else (None, "expected printed, full or index")


def _check_pdf_variant(value: Any) -> tuple[Any, str | None]:
    variant = str(value).lower()
    return (variant, None) if variant in _PDF_VARIANTS else (None, f"expected one of {', '.join(_PDF_VARIANTS)}")


def _check_names(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        return (), 'expected a list of article file names: ["first.txt", "second.html"]'
    return tuple(item.strip() for item in value), None


def _check_sections(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, dict):
        return (), 'expected a table of headings: [sections] then "Heading" = ["file.txt", ...]'
    sections = []
    for title, names in value.items():
        checked, problem = _check_names(names)
        if problem or not title.strip():
            return (), f"section '{title}': {problem or 'expected a heading'}"
        sections.append((" ".join(title.split()), checked))
    return tuple(sections), None


_VALUE_CHECKS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "date": _check_date, "paper": _check_paper, "pdf_variant": _check_pdf_variant,
    "order": _check_names, "sections": _check_sections,
    "page_per_article": _check_switch, "back_glossary": _check_back_glossary,
    "whos_who": _check_switch, "timeline": _check_switch, "reading_level": _check_switch}


def _output_name_problem(pattern: str) -> str | None:
    try:
        output_file_name(pattern, dt.date(2000, 1, 1))
    except ConfigError as error:
        return str(error)
    return None


# The longest output name: room for ".pdf" and the temporary ".NAME.xxxxxxxx.part" beside it
# within the 255 bytes a file name may have on common file systems.
MAX_OUTPUT_NAME_BYTES = 200
# Besides folder separators: characters Windows and SMB shares (course drives) refuse in names.
_UNSAFE_NAME_CHARACTERS = frozenset('/\\<>:"|?*')


def output_file_name(pattern: str, edition: dt.date) -> str:
    """The output file name (without extension) for `pattern`, checked; ConfigError if unsafe.

    The pattern is literal text and `{date}` (the edition, YYYY-MM-DD), nothing else: a format
    field could otherwise reach attributes ("{date.__class__}") or pad the name to any width.
    The formatted name is checked too, so no pattern can name a file outside the output folder.
    """
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ConfigError("expected a file name in which {date} is the only placeholder") from None
    if any(name is not None and (name != "date" or spec or conversion) for _, name, spec, conversion in parsed):
        raise ConfigError("expected a file name in which {date} is the only placeholder")
    name = "".join(text + (edition.isoformat() if placeholder else "") for text, placeholder, _, _ in parsed)
    problem = _file_name_problem(name)
    if problem:
        raise ConfigError(f"expected a file name without folders: {problem}")
    return name


def _file_name_problem(name: str) -> str | None:
    if not name.strip():
        return "the name is empty"
    if any(ch in _UNSAFE_NAME_CHARACTERS for ch in name):
        return "it holds a folder separator or a character file systems refuse"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        return "it holds a control character"
    if name.startswith(".") or ".." in name:
        return "it starts with '.' or holds '..'"
    if len(name.encode("utf-8")) > MAX_OUTPUT_NAME_BYTES:
        return f"it is longer than {MAX_OUTPUT_NAME_BYTES} bytes"
    return None


def _check_paths(value: Any, base: Path, want_dir: bool | None) -> tuple[tuple[Path, ...], str | None]:
    """Existing paths (want_dir None: a file or a folder)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return (), "expected a list of paths"
    paths = tuple((base / item).resolve() for item in value)
    for path in paths:
        # A theme or glossary is read by the renderer: never the whole disk or the system's files.
        problem = system_folder_problem(path)
        if problem:
            return (), problem
        if want_dir is None:
            if not path.exists():
                return (), f"not found: {path}"
        elif want_dir and not path.is_dir():
            return (), f"folder not found: {path}"
        elif not want_dir and not path.is_file():
            return (), f"file not found: {path}"
    return paths, None


def settings_template(theme: str | None = None) -> str:
    """A briefgen.toml listing every key, commented out, with its meaning and default (or an
    example), for `briefgen init`; `theme` is set when init created that theme folder."""
    lines = [
        f"# {CONFIG_NAME}: the settings of the briefings built from this folder.",
        "# Every key is optional. A line starting with # changes nothing: remove the # to use the key.",
        '# Text goes in straight double quotes ("..."), numbers without quotes.',
    ]
    for setting in fields(Settings):
        doc = setting.metadata.get("doc")
        if not doc:
            raise AssertionError(f"settings key {setting.name} has no doc")  # see _setting
        lines += ["", *textwrap.wrap(doc + _allowed_values(setting.name), 98, initial_indent="# ",
                                     subsequent_indent="# ")]
        shown = setting.default if setting.default not in (None, ()) else setting.metadata["example"]
        if setting.name == "theme" and theme is not None:
            lines.append(f"{setting.name} = {_toml_value(theme)}")
        else:
            comment = "" if setting.default not in (None, ()) else "   # example; the default leaves it out"
            lines.append(f"# {setting.name} = {_toml_value(shown)}{comment}")
    return "\n".join(lines) + "\n"


def _allowed_values(key: str) -> str:
    if key in _COUNT_KEYS:
        low, high = _COUNT_KEYS[key]
        return f" A whole number from {low} to {high}."
    if key == "pdf_variant":
        return f" One of {', '.join(_PDF_VARIANTS)}."
    return ""


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {_toml_value(item)}" for key, item in value.items()) + " }"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string
