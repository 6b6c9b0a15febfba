"""Markdown to plain paragraphs: the article text a person wrote, without the markup.

A Markdown article is taken as written (no boilerplate removal): a leading `# Heading` is the
title, other headings and list items become paragraphs of their own, soft-wrapped lines are
joined, and inline markup (emphasis, links, images, code, HTML tags) is reduced to its text.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_BLOCKQUOTE = re.compile(r"^>\s?")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^(?:```|~~~)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s+\S")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
# Underscores only count as emphasis at word edges: snake_case names keep theirs. Emphasis marks
# a word, a phrase or a paragraph (an editor's note in italics), so a span runs to at most
# _LONGEST_EMPHASIS characters: an opening mark with no closing one ('__a __a __a ...') must not
# read the rest of the paragraph, which made the search quadratic.
_LONGEST_EMPHASIS = 1000
_EMPHASIS = re.compile(
    rf"(\*\*|\*|~~)(?=\S)(.{{1,{_LONGEST_EMPHASIS}}}?)(?<=\S)\1"
    rf"|(?<!\w)(__|_)(?=\S)(.{{1,{_LONGEST_EMPHASIS}}}?)(?<=\S)\3(?!\w)"
)
# Emphasis nests: "***bold italic***" is two spans, one inside the other; no reader nests deeper
# than a few, and every level costs one more pass over the paragraph.
_EMPHASIS_PASSES = 4
_CODE = re.compile(r"`([^`]*)`")


def to_paragraphs(text: str) -> tuple[str | None, list[str]]:
    """(title from a leading level-1 heading or None, plain-text paragraphs)."""
    blocks = _blocks(text)
    title = None
    if blocks and blocks[0][0] == "h1":
        title = blocks.pop(0)[1]
    return title, [content for _, content in blocks if content]


def _blocks(text: str) -> list[tuple[str, str]]:
    """(kind, plain text) for each heading, list item and paragraph, in order."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        if paragraph:
            blocks.append(("p", inline_text(" ".join(paragraph))))
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            blocks.append(("code", line))
            continue
        if not line or _RULE.match(line) or _LINK_DEFINITION.match(line):
            flush()
            continue
        if paragraph and _SETEXT_UNDERLINE.match(line):
            level = "h1" if line.startswith("=") and len(blocks) == 0 else "h2"
            blocks.append((level, inline_text(" ".join(paragraph))))
            paragraph.clear()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(("h1" if len(heading.group(1)) == 1 else "h2", inline_text(heading.group(2))))
            continue
        line = _BLOCKQUOTE.sub("", line)
        if _LIST_ITEM.match(line):
            flush()
            paragraph.append(_LIST_ITEM.sub("", line))
            continue
        paragraph.append(line)
    flush()
    return [(kind, content) for kind, content in blocks if kind != "code" or content]


def inline_text(text: str) -> str:
    """The readable text of one line of Markdown."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(_EMPHASIS_PASSES):  # nested emphasis ("***bold italic***") needs more than one pass
        previous, text = text, _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
        if text == previous:
            break
    return " ".join(text.split())
