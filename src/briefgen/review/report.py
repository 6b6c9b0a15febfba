"""The review as the instructor reads it: in the terminal (`briefgen check`) and as review.html.

Each article lists what is doubtful, then one block of TOML to paste into corrections.toml that
settles all of it (the suggestions of its doubts merged: one `drop_sentences` list, one `roles`
table, then the `[["FILE".quote]]` tables, which TOML wants after the plain keys).
"""
from __future__ import annotations

import re
import sys
from importlib.resources import files
from pathlib import Path

import jinja2

from . import Review

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

REVIEW_FILE = "review.html"
_MERGED_LISTS = ("drop_sentences", "pin_sentences", "drop_quotes", "pin_quotes", "drop_boxes", "accept")
_MERGED_TABLES = ("roles", "speakers")
_QUOTE_TABLE = "[[quote]]"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def count_line(review: Review) -> str:
    """What `build` prints: '3 items to review: briefgen check week07/'."""
    count = review.count
    if not count:
        return "nothing to review"
    return f"{count} item{'' if count == 1 else 's'} to review: briefgen check {folder_name(review)}"


def folder_name(review: Review) -> str:
    return str(review.folder).rstrip("/") + "/"


def snippet(file: str, corrections: list[str]) -> str:
    """The TOML that settles `corrections` (the doubts' suggestions for one file), in one block."""
    plain: dict[str, str] = {}
    comments: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    tables: dict[str, dict[str, str]] = {}
    quote_tables: list[str] = []
    for text in corrections:
        if not text:
            continue
        if text.startswith(_QUOTE_TABLE):
            quote_tables.append(f'[[{_toml_key(file)}.quote]]' + text[len(_QUOTE_TABLE):])
            continue
        key, _, rest = text.partition(" = ")
        value, _, comment = rest.partition("  # ")
        parsed = _value(key, value)
        if key in _MERGED_LISTS and isinstance(parsed, list):
            lists.setdefault(key, [])
            lists[key] += [item for item in parsed if item not in lists[key]]
        elif key in _MERGED_TABLES and isinstance(parsed, dict):
            tables.setdefault(key, {}).update(parsed)
        elif key not in plain:
            plain[key] = value
        if comment and key not in comments:
            comments[key] = comment
    lines = [f"[{_toml_key(file)}]"]
    for key, value in plain.items():
        lines.append(_with_comment(f"{key} = {value}", comments.get(key)))
    for key, items in lists.items():
        lines.append(_with_comment(f"{key} = [{', '.join(_toml_string(i) for i in items)}]", comments.get(key)))
    for key, entries in tables.items():
        inner = ", ".join(f"{_toml_string(k)} = {_toml_string(v)}" for k, v in entries.items())
        lines.append(_with_comment(f"{key} = {{ {inner} }}", comments.get(key)))
    for table in quote_tables:
        lines += ["", table]
    return "\n".join(lines)


def _value(key: str, value: str) -> object:
    try:
        return tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        return None  # a placeholder such as YYYY-MM-DD: the instructor fills it in


def _with_comment(line: str, comment: str | None) -> str:
    return f"{line}  # {comment}" if comment else line


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_key(name: str) -> str:
    return _toml_string(name)


def article_snippets(review: Review) -> list[tuple[str, str | None, list[str], str]]:
    """(file, title, messages, TOML block) for each article with something to review."""
    result = []
    for article in review.articles:
        if article.doubts:
            messages = [f"{doubt.kind}: {doubt.message}" for doubt in article.doubts]
            block = snippet(article.file, [doubt.correction for doubt in article.doubts])
            result.append((article.file, article.title, messages, block))
    return result


def print_review(review: Review, console: object | None = None) -> None:
    """The review in the terminal, through rich (plain text when the output is not a terminal)."""
    from rich.console import Console
    from rich.text import Text

    out = console if isinstance(console, Console) else Console(highlight=False)
    out.print(Text(clean(f"{folder_name(review)}: {count_line(review)}"), style="bold"))
    if not review.count:
        return
    out.print(Text(clean(f"To settle an item, add its lines to {review.corrections} "
                         "(the file is created the first time), then build again.")))
    for item in review.folder_items:
        out.print()
        out.print(Text(clean(f"{item.kind}: {item.message}"), style="yellow"))
        if item.correction:
            out.print(Text(clean(item.correction), style="cyan"), soft_wrap=True)
    for file, title, messages, block in article_snippets(review):
        out.print()
        out.print(Text(clean(f"{file}" + (f" — {title}" if title else "")), style="bold"))
        for message in messages:
            out.print(Text(clean(f"  • {message}")))
        out.print(Text(clean(block), style="cyan"), soft_wrap=True)


def review_html(review: Review) -> str:
    template = _environment().get_template(REVIEW_FILE)
    return template.render(review=review, folder=folder_name(review), count_line=count_line(review),
                           articles=article_snippets(review))


def _environment() -> jinja2.Environment:
    folder = Path(str(files("briefgen") / "review"))
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def clean(text: str) -> str:
    """Text from articles without terminal control characters (an escape sequence in a pasted page
    must not reach the terminal)."""
    return _CONTROL.sub("", text)
