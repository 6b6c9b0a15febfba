"""Page furniture: the vocabulary and line tests shared by the plain-text and HTML cleaners.

Furniture is what a page puts around an article: legal notices, "Related"/"Comments" headings,
comment headers, calls to action, photo credits, link lists, teaser links. The structural tests
(length, punctuation, separators, digits) work in any language; the word lists are extra
signals in English and a few other languages of the pages teachers paste.
"""
from __future__ import annotations

import re

from ..lexicon import alternation, ordered
from .metadata import is_date_line, parse_byline, parse_dateline

SENTENCE_END_CHARS = 8  # closing quotes and brackets after the full stop fit in this tail
# A line this long is a paragraph of prose whatever it mentions (a caption, "file photo", a
# bullet): only a legal notice opening with its legal wording within the first characters is not.
PARAGRAPH_WORDS = 80
LEGAL_OPENING_CHARS = 150
EDGE_FURNITURE_MAX_WORDS = 30  # a longer line is text, whatever words it contains
LINK_LINE_MAX_WORDS = 25  # an unpunctuated line this short with a URL in it is a link
END_MARKER_MAX_WORDS = 4  # "Related stories", "Leave a reply"
COMMENT_MAX_WORDS = 14  # "Jane (Example Org) on March 3, 2024 at 10:07 am said:"
CREDIT_MAX_WORDS = 12  # "Jane Roe/Getty Images"
META_MAX_WORDS = 16  # bylines, datelines and date lines are short

_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|^@\w+$")
_LIST_SEPARATORS = re.compile(r"\s[|•·]\s|::| \| |\s/\s.*\s/\s")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# Copyright, cookie and legal notices. Article prose may mention copyright or cookies, so the
# patterns want the notice's own wording ("© 2019", "Copyright 1995-2016", "uses cookies"); a ©
# inside a word is mis-decoded text ("Ã©" for "é"), not a notice, so it must follow a space.
_LEGAL = re.compile(
    r"(?:^|(?<=[\s(\[|]))[©ⓒ]|\(c\)\s*(?:19|20)\d\d|\bcopyright\s*(?:\(c\)\s*)?(?:19|20)\d\d|"
    + alternation("legal_phrases"),
    re.IGNORECASE,
)
_LEGAL_HINTS = ordered("legal_hints")
# Legal links that are furniture only in short lines ("Privacy Policy | Terms of Use").
_LEGAL_LINK = re.compile(alternation("legal_links"), re.IGNORECASE)
# Short lines that open the furniture after an article, in English and a few other languages.
_END_MARKER = re.compile(rf"^{alternation('end_markers')}[\s:.!]*$", re.IGNORECASE)
# A comment's header: "jdoe says:" (the present tense: an article writes "he said:"), or any
# "... said:" that carries the comment's date and time; or a comment's button ("Reply").
_COMMENT_MARKER = re.compile(
    rf"^(?:\S+(?: \S+){{0,3}} {alternation('comment_verbs_present')}:?"
    rf"|(?=.*\d).{{1,70}}\s{alternation('comment_verbs')}:?"
    rf"|{alternation('comment_buttons')})$",
    re.IGNORECASE,
)
# A teaser's abstract is cut off with an ellipsis; an article paragraph rarely ends that way.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
# A link to another story set inside or after an article: "Read more: ...", "[Related: ...]".
_TEASER_LINK = re.compile(rf"^\[?{alternation('teaser_labels')}\s*[:|»>]\s*\S", re.IGNORECASE)
# Calls to action and page notes that extractors leave at an article's edges (English and a few others).
_CALL_TO_ACTION = re.compile(rf"\b{alternation('calls_to_action')}\b", re.IGNORECASE)
# Disclaimers under opinion pieces and reprints: notes about the article, not part of it.
_DISCLAIMER = re.compile(alternation("disclaimers"), re.IGNORECASE)
# Markup that trafilatura writes into its plain text: list bullets and Markdown table rows.
_BULLET = re.compile(r"^[-*•]\s+")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-[\s:|-]*\|?$")
# Extra (English) signals of captions and credits, which sit right above or inside an article.
_CAPTION = re.compile(alternation("captions"), re.IGNORECASE)


def word_count(text: str) -> int:
    """Words in a line; CJK scripts write without spaces, so two of their characters count as one."""
    if text.isascii():
        return len(text.split())
    return len(_CJK.sub(" ", text).split()) + len(_CJK.findall(text)) // 2


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-SENTENCE_END_CHARS:]))


def is_truncated(text: str) -> bool:
    """Cut off with an ellipsis, as teaser abstracts are."""
    return bool(_TRUNCATED.search(text))


def is_legal_notice(text: str, words: int) -> bool:
    """A notice opens with its legal wording; a long paragraph mentioning copyright later is prose."""
    opening = text if words < PARAGRAPH_WORDS else text[:LEGAL_OPENING_CHARS]
    lowered = opening.lower()
    # Plain substring tests first: the full pattern is slow and almost every line fails it.
    return any(hint in lowered for hint in _LEGAL_HINTS) and bool(_LEGAL.search(opening))


def is_end_marker(text: str, words: int) -> bool:
    """A heading that opens the furniture after an article ("Related stories", "Comments")."""
    return words <= END_MARKER_MAX_WORDS and bool(_END_MARKER.match(text))


def is_comment_header(text: str, words: int) -> bool:
    return words <= COMMENT_MAX_WORDS and bool(_COMMENT_MARKER.match(text))


def is_photo_credit(text: str, words: int) -> bool:
    return words <= CREDIT_MAX_WORDS and bool(_CAPTION.search(text))


def is_meta_line(text: str, words: int) -> bool:
    """A byline, dateline or date line: the header of an article, or of the next teaser."""
    return words <= META_MAX_WORDS and bool(parse_byline(text) or parse_dateline(text) or is_date_line(text))


def has_furniture_words(text: str) -> bool:
    """Calls to action, captions and credits, teaser links, disclaimers."""
    return bool(
        _CALL_TO_ACTION.search(text) or _CAPTION.search(text) or _TEASER_LINK.match(text) or _DISCLAIMER.search(text)
    )


def looks_like_list_or_link(text: str, words: int) -> bool:
    """A link, a run of separated menu items, or a line of mostly figures (prices, scores)."""
    if words < LINK_LINE_MAX_WORDS and (_URL.search(text) or _LEGAL_LINK.search(text)) and not ends_like_sentence(text):
        return True
    if len(_LIST_SEPARATORS.findall(text)) >= 2:
        return True
    letters = len(_LETTER.findall(text))
    return letters < 2 * len(_DIGIT.findall(text))


def is_share_button(line: str) -> bool:
    """One share button on a line of its own ("Share this with Facebook", "Email", "Copy link")."""
    return _SHARE_BUTTON.match(line.strip()) is not None


_SHARE_BUTTON = re.compile(rf"^{alternation('share_buttons')}$", re.IGNORECASE)


def is_inline_furniture(line: str) -> bool:
    """Lines that are never article text wherever they stand: teaser links and legal notices."""
    if word_count(line) > EDGE_FURNITURE_MAX_WORDS:
        return False
    return bool(_TEASER_LINK.match(line) or _LEGAL.search(line))


def clean_extracted(paragraphs: list[str]) -> list[str]:
    """Remove what an HTML extractor lets through: its list and table markup, links to other
    stories, legal notices, and calls to action or comment headers at the article's edges."""
    lines = [plain for plain in map(_without_markup, paragraphs) if plain]
    lines = [line for line in lines if not is_inline_furniture(line)]
    start, end = 0, len(lines)
    while start < end and _is_edge_furniture(lines[start]):
        start += 1
    while end > start and _is_edge_furniture(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _without_markup(line: str) -> str:
    if _TABLE_RULE.match(line):
        return ""
    if line.startswith("|") and line.endswith("|"):
        return " ".join(cell.strip() for cell in line.strip("|").split("|") if cell.strip())
    return _BULLET.sub("", line)


def _is_edge_furniture(line: str) -> bool:
    words = word_count(line)
    if words > EDGE_FURNITURE_MAX_WORDS:
        return False
    if has_furniture_words(line) or is_meta_line(line, words) or is_comment_header(line, words):
        return True
    return is_end_marker(line, words) or (words <= 2 and not ends_like_sentence(line))
