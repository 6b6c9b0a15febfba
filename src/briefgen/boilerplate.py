"""Plain-text boilerplate removal: find the article's run of prose inside a pasted web page.

A select-all copy of a news page is the article surrounded by page furniture: menus, share
buttons, newsletter and donation appeals, teasers of other stories, comments, copyright footers.
Each line is scored (long prose counts for, furniture against) from language-agnostic features
(length, sentence punctuation, list separators, links, digits) plus a little vocabulary as an
extra signal; the body is the contiguous run of lines with the highest total score. Teasers of
other stories (a second dateline) and photo captions are then trimmed off its edges.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .metadata import is_date_line, parse_byline, parse_dateline

# Scores: a prose line earns its length in characters; furniture costs a flat amount, so a few
# short lines inside an article (a subheading, "Advertisement") do not split it, while a menu of
# twenty links does.
# Hard-wrapped text: blocks of at least this many lines, filled to a width in this range...
WRAP_MIN_LINES, WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 3, 40, 100
WRAP_FILL = 0.75  # ... a line at least this share of the width is "filled"
WRAP_FILLED_SHARE = 0.6  # ... this share of the lines are filled
WRAP_CONTINUED_SHARE = 0.2  # ... and this share of them continue a sentence in lower case
FURNITURE_COST = 40.0
END_MARKER_COST = 300.0  # "Related", "Share this", "Comments": the article usually ends here
LEGAL_COST_PER_CHAR = 2.0  # copyright and cookie notices: never part of an article
PROSE_MIN_WORDS = 10  # a line with sentence punctuation and this many words is prose
LONG_LINE_WORDS = 25  # a line this long is prose even without a final full stop...
UNFINISHED_FACTOR = 0.3  # ... but weaker: article paragraphs end with punctuation, teaser blurbs often don't
# A line this long is a paragraph of prose whatever it mentions (a caption, "file photo", a
# bullet): only a legal notice opening with its legal wording within the first characters is not.
PARAGRAPH_WORDS = 80
LEGAL_OPENING_CHARS = 150
LEDE_MIN_WORDS = 15  # a line above the body this long is its first paragraph, not the headline
SENTENCE_MIN_WORDS = 4  # shorter "sentences" ("Sorry!", "Thanks!") are furniture
META_MAX_WORDS = 16  # bylines, datelines and date lines are short
# Pages with this many (or this share of) prose lines standing alone separate paragraphs by blank lines.
STANDALONE_MIN_LINES = 3
STANDALONE_SHARE = 0.5
PAIR_FACTOR = 0.6  # on such pages, prose in a block of two lines counts this much
PACKED_FACTOR = 0.25  # ... and in a block of three or more lines
COMMENT_MAX_WORDS = 14  # "Jane (Example Org) on March 3, 2024 at 10:07 am said:"
COMMENT_MIN_MARKERS = 2  # this many comment headers make a comment section
FURNITURE_STRETCH_LINES = 4
STRETCH_STANDALONE_ONLY = False
PACKED_FURNITURE_WORDS = 3  # inside the run, a packed short non-prose line is a button or a counter
CREDIT_MAX_WORDS = 12  # a photo credit line is short
LEAD_CUT_SHARE = 0.3  # a byline or dateline in the first 30% of the run marks where the body starts

SENTENCE_END_CHARS = 8  # closing quotes and brackets after the full stop fit in this tail
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|^@\w+$")
_LIST_SEPARATORS = re.compile(r"\s[|•·]\s|::| \| |\s/\s.*\s/\s")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# Copyright, cookie and legal notices. Article prose may mention copyright or cookies, so the
# patterns want the notice's own wording ("© 2019", "Copyright 1995-2016", "uses cookies").
_LEGAL = re.compile(
    r"©|ⓒ|\(c\)\s*(?:19|20)\d\d|\bcopyright\s*(?:\(c\)\s*)?(?:19|20)\d\d|all rights reserved|todos os direitos"
    r"|tutti i diritti|alle rechte vorbehalten|tous droits|все права|hak cipta|무단\s*전재"
    r"|(?:uses?|accept|allow|enable) (?:the use of )?cookies|cookie (?:policy|settings|consent)",
    re.IGNORECASE,
)
_LEGAL_HINTS = ("©", "ⓒ", "(c)", "copyright", "rights", "direitos", "diritti", "rechte", "droits", "права", "cipta",
                "전재", "cookie")
# Legal links that are furniture only in short lines ("Privacy Policy | Terms of Use").
_LEGAL_LINK = re.compile(r"privacy (?:policy|statement|notice)|terms (?:of|and) (?:use|service|conditions)", re.IGNORECASE)
# Short lines that open the furniture after an article, in English and a few other languages.
_END_MARKER = re.compile(
    r"^(?:related(?: links| articles| stories| posts| content| news)?|read (?:more|next|also)|more (?:from|on|stories|news)"
    r"|you (?:may|might) also like|recommended(?: for you)?|share (?:this|on)|tags?|comments?|leave a (?:comment|reply)"
    r"|most (?:read|popular|viewed)|trending|latest (?:news|stories)|about the author|sign up|subscribe\b.*"
    r"|(?:about|sobre|über|tentang) [A-ZÀ-Þ]\S*(?: \S+){0,2}"
    r"|(?:you|we) think you(?:'|’)ll like|see also"
    r"|artigos relacionados|leia também|veja também|você (?:pode|também pode) gostar|lihat juga|vedi anche|siehe auch"
    r"|смотрите также|deixe (?:uma resposta|um comentário)|baca juga|artikel terkait"
    r"|читайте также|материалы по теме|комментарии|lesen sie auch|mehr zum thema|leggi anche|articoli correlati"
    r"|lascia un commento|관련기사|많이 본)[\s:.!]*$",
    re.IGNORECASE,
)
# A comment's header: "jdoe says:" (the present tense: an article writes "he said:"), or any
# "... said:" that carries the comment's date and time; or a comment's button ("Reply").
_COMMENT_MARKER = re.compile(
    r"^(?:\S+(?: \S+){0,3} (?:says|dice|diz|schreibt|пишет):?"
    r"|(?=.*\d).{1,70}\s(?:says|said|wrote|dice|disse|escreveu|schreibt|пишет|написал[аи]?):?"
    r"|reply|responder|rispondi|antworten|ответить|balas)$",
    re.IGNORECASE,
)
# A teaser's abstract is cut off with an ellipsis; an article paragraph rarely ends that way.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
# A link to another story set inside or after an article: "Read more: ...", "[Related: ...]".
_TEASER_LINK = re.compile(
    r"^\[?(?:read (?:more|also|next)|related(?: \w+)?|see also|also (?:on|read)(?: \S+)?|more|watch|listen|don't miss"
    r"|leia (?:também|mais)|veja também|baca juga|читайте также|lesen sie auch|leggi anche)\s*[:|»>]\s*\S",
    re.IGNORECASE,
)
# Calls to action and page notes that extractors leave at an article's edges (English and a few others).
_CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|newsletters?|inbox|sign(?:ing)? up|follow (?:us|him|her|me|them)|share (?:this|it)|click here"
    r"|(?:may|can) be reached at|contact (?:us|him|her|the author)|tell us what you think|download (?:the|our) app"
    r"|reading time|read time|\d+\s*min(?:ute)?s?\.? read|filed under|like this (?:story|article)"
    r"|tempo de leitura|receba em seu e-?mail|assine|berlangganan|подпис\w+)\b",
    re.IGNORECASE,
)
# Disclaimers under opinion pieces and reprints: notes about the article, not part of it.
_DISCLAIMER = re.compile(
    r"\bviews (?:expressed )?(?:here |in this \w+ )?(?:are|is) (?:the |those of )?(?:the )?author|personal views of the author"
    r"|author(?:'|’)s own|do(?:es)? not necessarily reflect|originally (?:published|appeared) (?:on|in|at)\b",
    re.IGNORECASE,
)
# Markup that trafilatura writes into its plain text: list bullets and Markdown table rows.
_BULLET = re.compile(r"^[-*•]\s+")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-[\s:|-]*\|?$")
EDGE_FURNITURE_MAX_WORDS = 30  # a longer line at the article's edge is taken to be text
# Extra (English) signals of captions and credits, which sit right above or inside an article.
_CAPTION = re.compile(
    r"\b(?:afp|ap|reuters|getty) (?:photo|images?)\b|\bphoto(?:graph)?(?: by)?:|\bimage(?: credit)?:|"
    r"\bcredit:|\(photo by|getty images|\bshutterstock\b|\bfile photo\b|^фото\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageParts:
    """A pasted page split into what comes before the article, the article, and what follows."""

    head: tuple[str, ...]  # non-empty lines above the body (headline, byline, dateline live here)
    body: tuple[str, ...]  # the article's paragraphs
    tail: tuple[str, ...]  # non-empty lines below the body


@dataclass(frozen=True)
class _Line:
    text: str
    words: int
    sentence: bool  # ends like a sentence
    meta: bool  # a byline, dateline or date line
    comment: bool  # a comment's header ("jdoe says:")
    score: float
    packed: bool = False  # shares its block with other lines on a page that gives paragraphs their own


_SENTINEL = _Line(text="", words=0, sentence=False, meta=False, comment=False, score=1.0)


def split_page(text: str) -> PageParts:
    """Find the article in a pasted page; every non-empty (unwrapped) line lands in one part."""
    blocks = _blocks(text)
    lines = [line for block in blocks for line in block]
    if not lines:
        return PageParts((), (), ())
    scored = _score_blocks(blocks)
    start, end = _best_run([line.score for line in scored[: _comments_start(scored)]])
    if start > end:
        # Nothing reads like prose (a note of a few short lines): keep it all rather than nothing.
        return PageParts((), tuple(lines), ())
    start, end = _with_short_sentences_at_edges(scored, start, end)
    start = _skip_lead_furniture(scored, _with_unpunctuated_lede(scored, start), end)
    end = _cut_other_story(scored, start, end)
    run = _without_furniture_stretches(scored[start : end + 1])
    body = tuple(line.text for line in run if _belongs_in_body(line))
    return PageParts(tuple(lines[:start]), body, tuple(lines[end + 1 :]))


def _comments_start(lines: list[_Line]) -> int:
    """Where the comments begin (the first of several comment headers after some prose): the
    article comes before them, however much the readers wrote. len(lines) when there are none."""
    markers = [index for index, line in enumerate(lines) if line.comment]
    if len(markers) < COMMENT_MIN_MARKERS:
        return len(lines)
    prose_before = [index for index, line in enumerate(lines[: markers[0]]) if line.score > 0]
    return markers[0] if prose_before else len(lines)


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-empty lines between blank lines (a pasted page's paragraphs and lists),
    with hard-wrapped text (e-mails, PDF copies) joined back into paragraphs."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [_unwrapped(block) for block in blocks if block]


def _unwrapped(block: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs. Wrapped text fills its lines to about the same
    width and often continues a sentence on the next line in lower case; a line ending well
    short of the width closes a paragraph. Lists and menus, with ragged or capitalised lines,
    are left alone."""
    if not _looks_wrapped(block):
        return block
    width = max(len(line) for line in block)
    paragraphs: list[list[str]] = [[]]
    for line in block:
        paragraphs[-1].append(line)
        if len(line) < WRAP_FILL * width and _SENTENCE_END.search(line):
            paragraphs.append([])
    return [" ".join(lines) for lines in paragraphs if lines]


def _looks_wrapped(block: list[str]) -> bool:
    if len(block) < WRAP_MIN_LINES:
        return False
    width = max(len(line) for line in block)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    inner = block[:-1]
    filled = sum(1 for line in inner if len(line) >= WRAP_FILL * width)
    continued = sum(1 for line in block[1:] if line[0].islower())
    return filled >= WRAP_FILLED_SHARE * len(inner) and continued >= WRAP_CONTINUED_SHARE * len(inner)


def _score_blocks(blocks: list[list[str]]) -> list[_Line]:
    """Score every line; on a page whose paragraphs stand alone between blank lines, prose packed
    into a multi-line block is a list of teasers or comments far more often than article text."""
    scored = [_with_captions_marked([_score_line(line) for line in block]) for block in blocks]
    if not _paragraphs_stand_alone(scored):
        return [line for block in scored for line in block]
    result: list[_Line] = []
    for block in scored:
        size = sum(1 for line in block if not line.meta)
        factor = _packed_prose_factor(size)
        for line in block:
            score = line.score * factor if line.score > 0 else line.score
            result.append(replace(line, score=score, packed=size > 1))
    return result


def _with_captions_marked(block: list[_Line]) -> list[_Line]:
    """A line followed, in the same block, by a photo credit ("Jane Roe/Getty Images") is the
    photo's caption, however much it reads like prose."""
    marked = list(block)
    for index in range(len(block) - 1):
        credit = block[index + 1]
        if marked[index].score > 0 and credit.words <= CREDIT_MAX_WORDS and _CAPTION.search(credit.text):
            marked[index] = replace(marked[index], score=-FURNITURE_COST)
    return marked


def _paragraphs_stand_alone(blocks: list[list[_Line]]) -> bool:
    """Does this page put blank lines between paragraphs? Then several prose lines stand alone."""
    alone = [block[0] for block in blocks if len(block) == 1 and block[0].score > 0]
    prose = [line for block in blocks for line in block if line.score > 0]
    return len(alone) >= STANDALONE_MIN_LINES or len(alone) > STANDALONE_SHARE * max(len(prose), 1)


def _packed_prose_factor(lines_in_block: int) -> float:
    return 1.0 if lines_in_block <= 1 else PAIR_FACTOR if lines_in_block == 2 else PACKED_FACTOR


def word_count(text: str) -> int:
    """Words in a line; CJK scripts write without spaces, so two of their characters count as one."""
    if text.isascii():
        return len(text.split())
    return len(_CJK.sub(" ", text).split()) + len(_CJK.findall(text)) // 2


def _score_line(text: str) -> _Line:
    words = word_count(text)
    sentence = bool(_SENTENCE_END.search(text[-SENTENCE_END_CHARS:]))
    meta = _is_meta_line(text, words)
    comment = words <= COMMENT_MAX_WORDS and bool(_COMMENT_MARKER.match(text))
    score = -END_MARKER_COST if meta or comment else _line_score(text, words, sentence)
    return _Line(text=text, words=words, sentence=sentence, meta=meta, comment=comment, score=score)


def _is_meta_line(text: str, words: int) -> bool:
    """A byline, dateline or date line: the header of an article, or of the next teaser."""
    return words <= META_MAX_WORDS and bool(parse_byline(text) or parse_dateline(text) or is_date_line(text))


def _line_score(text: str, words: int, sentence: bool) -> float:
    if _is_legal_notice(text, words):
        return -LEGAL_COST_PER_CHAR * max(len(text), 100)
    if words >= PARAGRAPH_WORDS:
        return float(len(text)) if sentence else UNFINISHED_FACTOR * len(text)
    if words <= 4 and _END_MARKER.match(text):
        return -END_MARKER_COST
    if not (words >= LONG_LINE_WORDS or (sentence and words >= SENTENCE_MIN_WORDS)):
        return -FURNITURE_COST  # short and unpunctuated: a menu item, label or headline
    if _looks_like_list_or_link(text, words) or (words <= EDGE_FURNITURE_MAX_WORDS and _has_furniture_words(text)):
        return -FURNITURE_COST
    if _TRUNCATED.search(text):
        return 0.0
    if sentence and words >= PROSE_MIN_WORDS:
        return float(len(text))
    if words >= LONG_LINE_WORDS:
        return UNFINISHED_FACTOR * len(text)
    return 0.0  # a short sentence: judged by its neighbours


def _is_legal_notice(text: str, words: int) -> bool:
    """A notice opens with its legal wording; a long paragraph mentioning copyright later is prose."""
    opening = text if words < PARAGRAPH_WORDS else text[:LEGAL_OPENING_CHARS]
    lowered = opening.lower()
    # Plain substring tests first: the full pattern is slow and almost every line fails it.
    return any(hint in lowered for hint in _LEGAL_HINTS) and bool(_LEGAL.search(opening))


def _has_furniture_words(text: str) -> bool:
    return bool(
        _CALL_TO_ACTION.search(text) or _CAPTION.search(text) or _TEASER_LINK.match(text) or _DISCLAIMER.search(text)
    )


def _looks_like_list_or_link(text: str, words: int) -> bool:
    if words < LONG_LINE_WORDS and (_URL.search(text) or _LEGAL_LINK.search(text)) and not _SENTENCE_END.search(text):
        return True
    if len(_LIST_SEPARATORS.findall(text)) >= 2:
        return True
    letters = len(_LETTER.findall(text))
    return letters < 2 * len(_DIGIT.findall(text))


def _best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous span with the largest total score (Kadane); (0, -1) when nothing scores."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def _with_short_sentences_at_edges(lines: list[_Line], start: int, end: int) -> tuple[int, int]:
    """A one-sentence paragraph scores nothing on its own; at the edges of the run it is the
    lede or the last word of the article far more often than furniture."""
    while start > 0 and _is_short_sentence(lines[start - 1]):
        start -= 1
    while end + 1 < len(lines) and _is_short_sentence(lines[end + 1]):
        end += 1
    return start, end


def _is_short_sentence(line: _Line) -> bool:
    return line.score == 0 and line.sentence and not _has_furniture_words(line.text)


def _with_unpunctuated_lede(lines: list[_Line], start: int) -> int:
    """Some copies lose the full stop of the first paragraph, which then scores as furniture;
    a long plain line right above the body is taken back (a headline is shorter)."""
    if start == 0:
        return start
    above = lines[start - 1]
    if above.words >= LEDE_MIN_WORDS and above.score == -FURNITURE_COST and not _has_furniture_words(above.text):
        return start - 1
    return start


def _skip_lead_furniture(lines: list[_Line], start: int, end: int) -> int:
    """Start after a byline or dateline near the top of the run: what precedes it is a caption
    or standfirst, not the article."""
    run_chars = sum(len(line.text) for line in lines[start : end + 1])
    seen = 0
    for index in range(start, end + 1):
        text = lines[index].text
        seen += len(text)
        if seen > LEAD_CUT_SHARE * run_chars:
            break
        if lines[index].meta:
            start = index + 1
    return start


def _cut_other_story(lines: list[_Line], start: int, end: int) -> int:
    """End before a second dateline: the lines from the headline above it on tell another story."""
    for index in range(start + 1, end + 1):
        if parse_dateline(lines[index].text):
            cut = index - 1
            while cut > start and lines[cut].score < 0:
                cut -= 1
            return cut
    return end


def _without_furniture_stretches(run: list[_Line]) -> list[_Line]:
    """Drop stretches of non-prose lines inside the run: a subheading comes alone, several
    standalone ones in a row are a "most read" box, a gallery or links set into the article.
    Packed lines (an article's own lists are packed) only count when such a stretch has begun."""
    kept: list[_Line] = []
    stretch: list[_Line] = []
    for line in run + [_SENTINEL]:
        if line.score < 0 and (stretch or not line.packed):
            stretch.append(line)
            continue
        if sum(1 for member in stretch if not member.packed) < FURNITURE_STRETCH_LINES:
            kept.extend(stretch)
        stretch = []
        kept.append(line)
    return kept[:-1]


def _belongs_in_body(line: _Line) -> bool:
    """Inside the run, keep prose and short lines standing alone (subheadings, one-line quotes);
    drop furniture packed with other lines (share buttons, image counters) and links elsewhere."""
    if line.words >= PARAGRAPH_WORDS:
        return True
    if line.score <= -END_MARKER_COST or (line.score < 0 and line.packed and line.words <= PACKED_FURNITURE_WORDS):
        return False
    return not _has_furniture_words(line.text) and not _is_inline_furniture(line.text)


def clean_extracted(paragraphs: list[str]) -> list[str]:
    """Remove what an HTML extractor lets through: its list and table markup, links to other
    stories, legal notices, and calls to action or comment headers at the article's edges."""
    lines = [plain for plain in map(_without_markup, paragraphs) if plain]
    lines = [line for line in lines if not _is_inline_furniture(line)]
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


def _is_inline_furniture(line: str) -> bool:
    """Lines that are never article text wherever they stand."""
    if word_count(line) > EDGE_FURNITURE_MAX_WORDS:
        return False
    return bool(_TEASER_LINK.match(line) or _LEGAL.search(line))


def _is_edge_furniture(line: str) -> bool:
    words = word_count(line)
    if words > EDGE_FURNITURE_MAX_WORDS:
        return False
    if _has_furniture_words(line) or _is_meta_line(line, words):
        return True
    if words <= COMMENT_MAX_WORDS and _COMMENT_MARKER.match(line):
        return True
    if words <= 4 and _END_MARKER.match(line):
        return True
    return words <= 2 and not _SENTENCE_END.search(line)
