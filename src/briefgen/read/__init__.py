"""Read stage: find article files and read each one into a SourceDocument for extract.

Readers are keyed by file extension. Reading never modifies the file. Every problem a user
can fix (missing, binary, empty, undecodable file) is an InputError naming the file.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

import yaml

from .. import lexicon, safe_yaml
from ..errors import InputError
from ..model import SourceDocument
from ..paths import outside_link_problem
from ..suggest import did_you_mean
from .mojibake import mojibake_note, repair_mojibake

KIND_BY_EXTENSION = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".docx": "docx", ".pdf": "pdf",
}

# Larger files are not news articles; reading them whole would only waste memory and time.
MEGABYTE = 1024 * 1024
MAX_BYTES = 20 * MEGABYTE
# How much of a file the binary checks look at.
SAMPLE_SIZE = 4096

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive or an Office document",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}
# Settings and glossary files; "name.toml.txt" is one of them saved with an extra extension.
_SETTINGS_SUFFIXES = (".toml", ".yaml", ".yml", ".css")
_UNREAD_TYPES = lexicon.rows("unread_file_types")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_KEYS = ("title", "date", "author", "source", "url")
_HEADER_LINE = re.compile(rf"({'|'.join(_FRONT_MATTER_KEYS)})[ \t]*:[ \t]*(\S.*)", re.I)


def find_articles(folder: Path) -> list[Path]:
    """The article files directly inside `folder`, in name order (hidden files skipped)."""
    return [path for path in _entries(folder) if not_an_article(path) is None]


def unread_files(folder: Path) -> list[tuple[Path, str]]:
    """The visible entries of `folder` that are not articles, each with why briefgen does not read
    it as one. Settings, glossaries and the theme are among them: the caller knows which it uses."""
    return [(path, reason) for path in _entries(folder) if (reason := not_an_article(path)) is not None]


def not_an_article(path: Path) -> str | None:
    """Why `path` is not read as an article, or None when it is one (judged by its name)."""
    if path.is_dir():
        return "a folder (briefgen reads only the files directly inside the articles folder)"
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] in KIND_BY_EXTENSION and suffixes[-2] in _SETTINGS_SUFFIXES:
        # Notepad's habit: "briefgen.toml" saved as "briefgen.toml.txt".
        return f"a settings file saved with an extra '{path.suffix}': rename it to {path.stem}"
    if path.suffix.lower() not in KIND_BY_EXTENSION:
        known = _UNREAD_TYPES.get(path.suffix.lower())
        if known:
            return f"{known['what']}, which briefgen does not read: {known['fix']}"
        return f"not an article file (briefgen reads {', '.join(dict.fromkeys(KIND_BY_EXTENSION))})"
    if path.stem.casefold() == "readme":
        return "the folder's notes (a README), not an article: rename it if it is one"
    return None


def _entries(folder: Path) -> list[Path]:
    if not folder.exists():
        raise InputError("folder not found" + _folder_hint(folder), folder)
    if not folder.is_dir():
        raise InputError("not a folder", folder)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as error:
        raise InputError(f"cannot list folder ({error.strerror or error})", folder) from None
    return [p for p in entries if not p.name.startswith(".")]


def _folder_hint(folder: Path) -> str:
    """' (did you mean 'inputs'?)' for a mistyped folder name, from the folders beside it."""
    try:
        siblings = [entry.name for entry in (folder.parent if str(folder.parent) else Path(".")).iterdir()
                    if entry.is_dir() and not entry.name.startswith(".")]
    except OSError:
        return ""
    return did_you_mean(folder.name, siblings)


def read_document(path: Path) -> SourceDocument:
    """Read one article file; raises InputError with the file name and the reason."""
    kind_of(path)  # refuse an unsupported file before reading it
    return document_from_bytes(path, read_bytes(path))


def kind_of(path: Path) -> str:
    kind = KIND_BY_EXTENSION.get(path.suffix.lower())
    if kind is None:
        suffix = path.suffix or "(none)"
        raise InputError(f"unsupported file type '{suffix}' (use .txt, .md, .html, .docx or .pdf)", path)
    return kind


def document_from_bytes(path: Path, data: bytes, notes: list[str] | None = None) -> SourceDocument:
    """Decode the bytes of the article file `path` (already read) into a SourceDocument;
    repaired damage is reported in `notes` (see decode)."""
    kind = kind_of(path)
    if kind in ("docx", "pdf"):
        if not data.strip():
            raise InputError("file is empty", path)
        from .documents import read_docx, read_pdf

        text, stated = (read_docx if kind == "docx" else read_pdf)(path, data)
        text, runs = repair_mojibake(text)
        if runs and notes is not None:
            notes.append(mojibake_note(runs))
        return SourceDocument(path=path, kind=kind, text=text, stated=stated)
    charset = None
    saved: tuple[tuple[str, str, str], ...] = ()
    if kind == "html":
        from .fetch import saved_record

        url, accessed, charset = saved_record(data[:SAMPLE_SIZE].decode("ascii", errors="replace"))
        saved = tuple((name, value, "saved page") for name, value in (("url", url), ("accessed", accessed)) if value)
        charset = charset or _declared_charset(data)
    text = decode(data, path, notes, charset)
    if not text.strip():
        raise InputError("file is empty", path)
    if kind == "md":
        front_matter, text = split_front_matter(text, path)
        return SourceDocument(path=path, kind=kind, text=text, front_matter=front_matter)
    if kind == "txt":
        # A teacher's own .txt may start with the same front matter, or with plain
        # "Title: ..." lines (the header style of e-mail and MultiMarkdown).
        front_matter, text = split_front_matter(text, path)
        if not front_matter:
            front_matter, text = split_header_lines(text)
        return SourceDocument(path=path, kind=kind, text=text, front_matter=front_matter)
    return SourceDocument(path=path, kind=kind, text=text, stated=saved)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its <meta> (within its first bytes), if Python knows it."""
    match = _META_CHARSET.search(data[:SAMPLE_SIZE])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def read_bytes(path: Path) -> bytes:
    """The file's bytes; never more than MAX_BYTES are read, even if the file grows meanwhile.
    A link to a file outside the article's folder is refused: whoever supplied the folder chose
    it, and its text would be printed."""
    problem = outside_link_problem(path, path.parent)
    if problem:
        raise InputError(problem, path)
    try:
        # Non-blocking, so that opening a named pipe does not wait forever for a writer.
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            _check_readable_size(path, os.fstat(handle.fileno()))
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InputError("is a folder, not an article file", path) from None
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror or error})", path) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"file is too large for an article (over {MAX_BYTES // MEGABYTE} MB)", path)
    return data


def _check_readable_size(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise InputError("is a folder, not an article file", path)
    if not stat.S_ISREG(status.st_mode):
        # A pipe or device could block the build forever or never end.
        raise InputError("not a regular file", path)
    if status.st_size > MAX_BYTES:
        size = status.st_size // MEGABYTE
        raise InputError(f"file is too large for an article ({size} MB; the limit is {MAX_BYTES // MEGABYTE} MB)", path)


def decode(data: bytes, path: Path, notes: list[str] | None = None, charset: str | None = None) -> str:
    """Decode bytes as text: BOMs first, then the declared `charset` (HTTP or <meta>), then UTF-8,
    then Windows-1252, then Latin-1.

    Damage that could be worked around (stray NUL bytes, a few invalid UTF-8 bytes, mojibake:
    see read.mojibake) is repaired, and a one-line note saying so is appended to `notes`.
    """
    if not data.strip():
        raise InputError("file is empty", path)
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"binary file ({what}), not text", path)
    text = _decode_by_bom(data)
    if text is None and charset and codecs.lookup(charset).name not in ("utf-8", "ascii"):
        try:
            text = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None:
        if _many_nuls(data):
            raise InputError("binary file (contains NUL bytes), not text", path)
        text = _decode_without_bom(data)
    if _looks_binary(text):
        raise InputError("binary file (mostly control characters), not text", path)
    _note_damage(text, notes)
    text, runs = repair_mojibake(text)
    if runs and notes is not None:
        notes.append(mojibake_note(runs))
    # Stray NULs inside otherwise good text carry no meaning and break XML-based renderers.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _many_nuls(data: bytes) -> bool:
    """Text has no NUL bytes; many of them mean a binary file (or UTF-16 without a BOM)."""
    sample = data[:SAMPLE_SIZE]
    return sample.count(b"\x00") > max(8, len(sample) // 100)


def _note_damage(text: str, notes: list[str] | None) -> None:
    if notes is None:
        return
    if "\ufffd" in text:
        notes.append("some bytes are not valid text; they are shown as \ufffd")
    if "\x00" in text:
        notes.append("NUL bytes removed")


def _decode_by_bom(data: bytes) -> str | None:
    marks = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, encoding in marks:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return None


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few damaged bytes (a truncated copy, a bad paste) stays UTF-8;
    # Windows-1252 text, in UTF-8 terms, is nothing but invalid bytes.
    repaired = data.decode("utf-8", errors="replace")
    damaged = repaired.count("\ufffd")
    non_ascii = len(repaired) - len(repaired.encode("ascii", errors="ignore"))
    if non_ascii - damaged > damaged:
        return repaired
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_SIZE]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(8, len(sample) // 20)


def split_front_matter(text: str, path: Path) -> tuple[tuple[tuple[str, str], ...], str]:
    """Split YAML front matter (between --- lines) from a Markdown body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return (), text
    try:
        data = safe_yaml.load(match.group(1))  # bounded (aliases, depth); dates stay text, read later
    except safe_yaml.YamlLimitError as error:
        raise InputError(f"front matter is {error}", path, error.line + 1) from None
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise InputError("front matter is not valid YAML", path, None if line is None else line + 2) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be 'key: value' lines", path)
    fields = tuple((key, str(data[key]).strip()) for key in _FRONT_MATTER_KEYS if data.get(key) not in (None, ""))
    return fields, text[match.end():]


def split_header_lines(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """Split "Title: ..." / "Date: ..." lines (front matter keys only, any case) that open a
    plain-text file and end at its first blank line; anything else leaves the text whole."""
    head, blank, rest = text.lstrip("\n").partition("\n\n")
    matches = [_HEADER_LINE.fullmatch(line.strip()) for line in head.splitlines()]
    if not blank or not matches or not all(matches):
        return (), text
    return tuple((match.group(1).casefold(), match.group(2).strip()) for match in matches if match), rest
