"""`briefgen doctor`: is this machine and this folder ready to build? One check a line, each
problem with its fix.

Checks: Python and briefgen versions; WeasyPrint and the Pango library it draws text with; the
fonts the theme's CSS names (through fontconfig, as WeasyPrint finds them); that the output folder
can be written; the size of the analysis cache; the articles folder; that briefgen.toml reads
cleanly (an old or mistyped key is named, with the key meant).
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .cache import CACHE_FOLDER
from .config import CONFIG_NAME, Settings, load_settings
from .errors import BriefgenError
from .read import find_articles

MIN_PYTHON = (3, 10)
MIN_PANGO = (1, 44)  # what WeasyPrint needs
# CSS generic families: always there, fontconfig maps them to an installed face.
GENERIC_FAMILIES = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji",
                    "fangsong", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "inherit", "initial"}
PANGO_FIX = ("install Pango: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 (Debian/Ubuntu), "
             "brew install pango (macOS)")
THEME_CSS = ("style.css", "extra.css")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None  # for a problem: what to do about it


def run_checks(folder: Path, out_dir: Path, config: Path | None = None) -> list[Check]:
    checks = [python_check(), Check("briefgen", True, f"briefgen {__version__}"), weasyprint_check()]
    settings_found, settings = settings_checks(folder, config)
    return [*checks, *font_checks(settings.theme), output_check(out_dir), cache_check(out_dir),
            articles_check(folder), *settings_found]


def python_check() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info[:2] >= MIN_PYTHON:
        return Check("python", True, f"Python {version}")
    return Check("python", False, f"Python {version} is too old", "install Python 3.10 or newer")


def weasyprint_check() -> Check:
    try:
        import weasyprint
        from weasyprint.text.ffi import pango
    except (ImportError, OSError) as error:  # OSError: the Pango library itself is missing
        return Check("weasyprint", False, f"WeasyPrint cannot start ({error})", PANGO_FIX)
    number = pango.pango_version()
    pango_version = (number // 10000, number // 100 % 100, number % 100)
    detail = f"WeasyPrint {weasyprint.__version__}, Pango {'.'.join(map(str, pango_version))}"
    if pango_version[:2] < MIN_PANGO:
        return Check("weasyprint", False, detail + " (too old)", PANGO_FIX)
    return Check("weasyprint", True, detail)


def font_checks(theme: Path | None) -> list[Check]:
    """One check per font family the theme's CSS names: installed, or a file in the theme."""
    from .publish.render import builtin_theme_dir

    named: dict[str, Path] = {}
    own_faces: set[str] = set()
    for css in theme_css_files(theme, builtin_theme_dir()):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        own_faces |= {family.casefold() for family in font_face_families(text)}
        for family in font_families(text):
            named.setdefault(family, css)
    try:
        installed = installed_family_matcher()
    except Exception as error:  # fontconfig through WeasyPrint's bindings, which are not a public API
        return [Check("fonts", False, f"cannot ask fontconfig ({type(error).__name__}: {error})",
                      "install fontconfig, or check the fonts by eye in a built PDF")]
    checks = []
    for family, css in named.items():
        if family.casefold() in own_faces:
            continue  # an @font-face of the theme: its file is the theme's to ship
        found = installed(family)
        if found.casefold() == family.casefold():
            checks.append(Check("fonts", True, f'font "{family}" is installed'))
        else:
            package = " (sudo apt install fonts-dejavu-core)" if family.casefold().startswith("dejavu") else ""
            checks.append(Check("fonts", False, f'font "{family}" ({css}) is not installed; "{found}" is used instead',
                                f'install "{family}"{package}, or name an installed font in the theme\'s extra.css'))
    return checks


def theme_css_files(theme: Path | None, builtin: Path) -> Iterator[Path]:
    """The CSS a build includes: each file from the course theme when it has it, else the built-in one."""
    for name in THEME_CSS:
        for folder in (theme, builtin):
            if folder is not None and (folder / name).is_file():
                yield folder / name
                break


_FONT_DECLARATION = re.compile(r"(?<![\w-])font(-family)?\s*:\s*([^;}]+)", re.I)
_FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.I)
# In the `font` shorthand the families follow the size ("8pt/1.2 "DejaVu Sans", sans-serif").
_FONT_SIZE = re.compile(r"^.*?[\d.]+(?:pt|px|em|rem|ex|mm|cm|in|pc|%|q|vw|vh)(?:\s*/\s*\S+)?\s+", re.I)


def font_families(css: str) -> list[str]:
    """The family names in `css`'s font and font-family declarations, generic families left out."""
    families: list[str] = []
    for match in _FONT_DECLARATION.finditer(_FONT_FACE.sub("", css)):
        value = match.group(2).replace("!important", "").strip()
        if not match.group(1):  # the shorthand
            value = _FONT_SIZE.sub("", value, count=1)
        for name in value.split(","):
            name = name.strip().strip("'\"").strip()
            if name and name.casefold() not in GENERIC_FAMILIES and name not in families:
                families.append(name)
    return families


def font_face_families(css: str) -> list[str]:
    return [family for block in _FONT_FACE.findall(css) for family in font_families(block)]


def installed_family_matcher():
    """A function giving the family fontconfig picks for a requested one (the same one if installed)."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = fontconfig.FcInitLoadConfigAndFonts()

    def match(family: str) -> str:
        pattern = fontconfig.FcPatternCreate()
        try:
            fontconfig.FcPatternAddString(pattern, b"family", family.encode("utf-8"))
            fontconfig.FcConfigSubstitute(config, pattern, 0)  # FcMatchPattern
            fontconfig.FcDefaultSubstitute(pattern)
            matched = fontconfig.FcFontMatch(config, pattern, ffi.new("FcResult *"))
            if matched == ffi.NULL:
                return "no font"
            name = ffi.new("FcChar8 **")
            fontconfig.FcPatternGetString(matched, b"family", 0, name)
            found = ffi.string(name[0]).decode("utf-8", "replace") if name[0] != ffi.NULL else "no font"
            fontconfig.FcPatternDestroy(matched)
            return found
        finally:
            fontconfig.FcPatternDestroy(pattern)

    return match


def output_check(out_dir: Path) -> Check:
    target = out_dir.resolve()
    existing = next((folder for folder in (target, *target.parents) if folder.exists()), None)
    if existing is None or not existing.is_dir():
        return Check("output", False, f"{target} cannot be made: {existing} is not a folder",
                     "choose another output folder with -o FOLDER")
    try:
        handle, probe = tempfile.mkstemp(prefix=".briefgen-doctor-", dir=existing)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return Check("output", False, f"{target} is not writable ({error.strerror or error})",
                     "choose a folder of your own with -o FOLDER")
    made = "" if existing == target else " (it will be made)"
    return Check("output", True, f"output folder {target} is writable{made}")


def cache_check(out_dir: Path) -> Check:
    folder = (out_dir / CACHE_FOLDER).resolve()
    entries = [entry for entry in folder.iterdir() if entry.is_file()] if folder.is_dir() else []
    size = 0
    for entry in entries:
        with contextlib.suppress(OSError):
            size += entry.stat().st_size
    return Check("cache", True, f"cache: {len(entries)} analyses, {size / 1_000_000:.1f} MB in {folder} "
                 "(deleting it is always safe)")


def settings_checks(folder: Path, config: Path | None) -> tuple[list[Check], Settings]:
    """One check per problem of briefgen.toml (or one saying it is fine), and the settings to check
    the rest with: the defaults when the file cannot be used."""
    where = config or folder / CONFIG_NAME
    try:
        settings = load_settings(folder, config)
    except BriefgenError as error:
        return [Check("settings", False, problem, _settings_fix(problem)) for problem in str(error).splitlines()], \
            Settings()
    detail = f"{where} reads cleanly" if where.is_file() else f"no {where.name} in {folder.resolve()}: the defaults"
    return [Check("settings", True, detail)], settings


def _settings_fix(problem: str) -> str:
    meant = re.search(r"unknown key '([^']+)' \(did you mean '([^']+)'\?\)", problem)
    if meant:
        return f"rename {meant.group(1)} to {meant.group(2)}"
    if "unknown key" in problem:
        return "remove the key (the file briefgen init writes lists every key)"
    if "rename it" in problem or "quotes" in problem:
        return "as the message says"
    return "change the value to one the message names"


def articles_check(folder: Path) -> Check:
    try:
        count = len(find_articles(folder))
    except BriefgenError as error:
        return Check("articles", False, str(error), "give the folder that holds the articles")
    return Check("articles", True, f"{count} article{'' if count == 1 else 's'} in {folder.resolve()}")
