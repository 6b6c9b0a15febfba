"""The briefing as Markdown (CommonMark), written from the same outline as the Word document.

Article text is escaped, so an asterisk or a leading "1." in a sentence stays text.
"""
from __future__ import annotations

import re

from ..model import Briefing
from .outline import Block, briefing_outline

# Characters that are Markdown syntax anywhere in a line, and constructs that are syntax at its start.
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START_SYNTAX = re.compile(r"^(\d*)([#>+=.)-])", re.M)  # "# x", "> x", "- x", "1. x": escape the mark


def escape(text: str, starts_line: bool = False) -> str:
    """`text` as literal Markdown; `starts_line`: nothing precedes it on its line (a paragraph)."""
    escaped = _INLINE_SYNTAX.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START_SYNTAX.sub(r"\1\\\2", escaped) if starts_line else escaped


def briefing_markdown(briefing: Briefing) -> str:
    lines: list[str] = []
    previous = ""
    for block in briefing_outline(briefing):
        if block.new_page and lines:
            lines += ["", "---"]
        lines += _separator(previous, block.kind)
        lines.append(_markdown(block))
        previous = block.kind
    return "\n".join(lines).lstrip("\n") + "\n"


def _separator(previous: str, kind: str) -> list[str]:
    """Lines of a list, and a quotation with its speaker, stay together; other blocks are paragraphs."""
    same_list = previous == kind and kind in ("key_point", "contents_entry", "source_entry", "question", "instructor")
    return [] if same_list or (previous, kind) == ("quote", "speaker") else [""]


# Blocks that are their escaped text inside fixed marks.
_WRAPPED = {"title": "# {}", "heading": "## {}", "headline": "## {}", "section": "## {}", "subheading": "### {}",
            "key_point": "- {}", "source_entry": "- {}", "contents_section": "**{}**",
            "box_term": "**{}**", "glossary_term": "**{}**",
            "instructor": "> {}  ",  # a quoted block, apart from the article's own text
            "answer": "   *{}*"}  # under its question


def _markdown(block: Block) -> str:
    text = escape(block.text)
    if block.kind in _WRAPPED:
        return _WRAPPED[block.kind].format(text)
    match block.kind:
        case "contents_entry" | "question":
            return text  # "1. Headline": a numbered list
        case "quote":
            return f"> {text}  "
        case "speaker":
            return f"> {text}"
        case "kicker" | "article_kicker" | "byline" | "source_line":
            return f"*{text}*"
        case _:
            return escape(block.text, starts_line=True)
