"""HTML to "pasted page" text: the visible text of a page as a browser's select-all copy gives it.

Used as a second opinion on HTML pages: the plain-text boilerplate remover reads this text when
the HTML extractor keeps too little of an article. Invisible elements (scripts, styles, forms,
media, `hidden` and inline `display:none`) are dropped; block elements end a line, paragraphs
and headings stand between blank lines, table cells are separated by spaces.
"""
from __future__ import annotations

import re

from lxml import etree, html

_INVISIBLE = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "select", "textarea", "map", "button", "input",
})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "table"})
_BLOCK = frozenset({
    "address", "article", "aside", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "footer", "form", "header", "hgroup", "hr", "li", "main", "nav", "ol", "section",
    "summary", "tr", "ul", "caption", "center", "html", "legend", "menu",
})
_CELL = frozenset({"td", "th"})
# The markup is already decoded text: parse its UTF-8 bytes as such, whatever <meta charset> claims.
_PARSER = html.HTMLParser(encoding="utf-8")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# Break markers: Unicode noncharacters, which real text never holds (unlike the private-use
# characters of icon fonts). One ends a line, the other leaves a blank line.
_LINE, _PARA = "\ufdd0", "\ufdd1"
_BREAKS = re.compile(r"\s*[\ufdd0\ufdd1][\ufdd0\ufdd1\s]*")
_BLANK_LINES = re.compile(r"\n{3,}")


# HTML5's void elements that libxml2's HTML 4 parser does not know to be empty: it nests what
# follows an unclosed <embed> inside it, and an invisible element's content is dropped with it.
# Written as <embed/>, they are parsed as empty. ([^<>]: each tag is read once, up to its end.)
_VOID_TAG = re.compile(r"<(embed|source|track|wbr|keygen)\b([^<>]*?)/?>", re.IGNORECASE)


def close_void_elements(markup: str) -> str:
    """`markup` with HTML5 void elements written self-closed ("<embed src=x>" -> "<embed src=x/>")."""
    return _VOID_TAG.sub(r"<\1\2/>", markup)


def page_text(markup: str) -> str:
    """The visible text of an HTML page, one block per line, paragraphs between blank lines."""
    try:
        root = html.fromstring(close_void_elements(markup).encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return ""
    return visible_text(root)


def visible_text(root: html.HtmlElement) -> str:
    """The visible text under an already parsed element (the tree is only read)."""
    pieces: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        visible = bool(tag) and tag not in _INVISIBLE and not _is_hidden(element)
        if event == "start":
            if not visible:
                walker.skip_subtree()  # its "end" event still comes, for the tail
                continue
            pieces.append(_break_for(tag))
            pieces.append(element.text or "")
            continue
        if visible and tag != "br":
            pieces.append(" " if tag in _CELL else _break_for(tag))
        pieces.append(element.tail or "")
    return _lines_from(pieces)


def _break_for(tag: str) -> str:
    if tag in _PARAGRAPH:
        return _PARA
    if tag in _BLOCK or tag == "br":
        return _LINE
    return ""


def _is_hidden(element: etree._Element) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _lines_from(pieces: list[str]) -> str:
    """Collapse whitespace inside lines; turn each run of break markers into one line break,
    or one blank line when a paragraph break is among them."""
    text = _SPACES.sub(" ", "".join(pieces))
    parts = _BREAKS.split(text)
    separators = _BREAKS.findall(text)
    out = [parts[0].strip()]
    for separator, part in zip(separators, parts[1:], strict=False):
        out.append("\n\n" if _PARA in separator else "\n")
        out.append(part.strip())
    return _BLANK_LINES.sub("\n\n", "".join(out)).strip()
