"""Plain-text boilerplate removal: find the article's run of prose inside a pasted web page.

A select-all copy of a news page is the article surrounded by page furniture: menus, share
buttons, newsletter and donation appeals, teasers of other stories, comments, copyright footers.
Each line is scored (long prose counts for, furniture against) from language-agnostic features
(length, sentence punctuation, list separators, links, digits, whether it stands alone between
blank lines) plus a little vocabulary as an extra signal (see furniture.py); the body is the
contiguous run of lines with the highest total score, ending before any comment section. Its
edges are then adjusted (bylines, captions and a second story's dateline cut off, one-sentence
ledes and endings taken in) and boxes of links inside it dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import furniture
from .furniture import PARAGRAPH_WORDS, ends_like_sentence, has_furniture_words, word_count
from .metadata import parse_dateline

# Scores: a prose line earns its length in characters; furniture costs a flat amount, so a few
# short lines inside an article (a subheading, "Advertisement") do not split it, while a menu of
# twenty links does.
FURNITURE_COST = 40.0
END_MARKER_COST = 300.0  # "Related", "Comments", a byline or date: the article usually ends here
LEGAL_COST_PER_CHAR = 2.0  # copyright and cookie notices: never part of an article
PROSE_MIN_WORDS = 10  # a line with sentence punctuation and this many words is prose
LONG_LINE_WORDS = 25  # a line this long is prose even without a final full stop...
UNFINISHED_FACTOR = 0.3  # ... but weaker: article paragraphs end with punctuation, teaser blurbs often don't
SENTENCE_MIN_WORDS = 4  # shorter "sentences" ("Sorry!", "Thanks!") are furniture
LEDE_MIN_WORDS = 15  # a line above the body this long is its first paragraph, not the headline
# Pages with this many (or this share of) prose lines standing alone separate paragraphs by blank lines.
STANDALONE_MIN_LINES = 3
STANDALONE_SHARE = 0.5
PAIR_FACTOR = 0.6  # on such pages, prose in a block of two lines counts this much
PACKED_FACTOR = 0.25  # ... and in a block of three or more lines
PACKED_FURNITURE_WORDS = 3  # inside the run, a packed short non-prose line is a button or a counter
FURNITURE_STRETCH_LINES = 4  # standalone non-prose lines in a row inside the run: a box of links
COMMENT_MIN_MARKERS = 2  # this many comment headers make a comment section
LEAD_CUT_SHARE = 0.3  # a byline or dateline in the first 30% of the run marks where the body starts
# Hard-wrapped text: blocks of at least this many lines, filled to a width in this range...
WRAP_MIN_LINES, WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 3, 40, 100
WRAP_FILL = 0.75  # ... a line at least this share of the width is "filled"
WRAP_FILLED_SHARE = 0.6  # ... this share of the lines are filled
WRAP_CONTINUED_SHARE = 0.2  # ... and this share of them continue a sentence in lower case


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
    body = tuple(line.text for line in run if _belongs_in_body(line)) or tuple(line.text for line in run)
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
        if len(line) < WRAP_FILL * width and ends_like_sentence(line):
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
        if marked[index].score > 0 and furniture.is_photo_credit(credit.text, credit.words):
            marked[index] = replace(marked[index], score=-FURNITURE_COST)
    return marked


def _paragraphs_stand_alone(blocks: list[list[_Line]]) -> bool:
    """Does this page put blank lines between paragraphs? Then several prose lines stand alone."""
    alone = [block[0] for block in blocks if len(block) == 1 and block[0].score > 0]
    prose = [line for block in blocks for line in block if line.score > 0]
    return len(alone) >= STANDALONE_MIN_LINES or len(alone) > STANDALONE_SHARE * max(len(prose), 1)


def _packed_prose_factor(lines_in_block: int) -> float:
    return 1.0 if lines_in_block <= 1 else PAIR_FACTOR if lines_in_block == 2 else PACKED_FACTOR


def _score_line(text: str) -> _Line:
    words = word_count(text)
    sentence = ends_like_sentence(text)
    meta = furniture.is_meta_line(text, words)
    comment = furniture.is_comment_header(text, words)
    score = -END_MARKER_COST if meta or comment else _line_score(text, words, sentence)
    return _Line(text=text, words=words, sentence=sentence, meta=meta, comment=comment, score=score)


def _line_score(text: str, words: int, sentence: bool) -> float:
    if furniture.is_legal_notice(text, words):
        return -LEGAL_COST_PER_CHAR * max(len(text), 100)
    if words >= PARAGRAPH_WORDS:
        return float(len(text)) if sentence else UNFINISHED_FACTOR * len(text)
    if furniture.is_end_marker(text, words):
        return -END_MARKER_COST
    if not (words >= LONG_LINE_WORDS or (sentence and words >= SENTENCE_MIN_WORDS)):
        return -FURNITURE_COST  # short and unpunctuated: a menu item, label or headline
    if furniture.looks_like_list_or_link(text, words) or (
        words <= furniture.EDGE_FURNITURE_MAX_WORDS and has_furniture_words(text)
    ):
        return -FURNITURE_COST
    if furniture.is_truncated(text):
        return 0.0
    if sentence and words >= PROSE_MIN_WORDS:
        return float(len(text))
    if words >= LONG_LINE_WORDS:
        return UNFINISHED_FACTOR * len(text)
    return 0.0  # a short sentence: judged by its neighbours


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
    return line.score == 0 and line.sentence and not has_furniture_words(line.text)


def _with_unpunctuated_lede(lines: list[_Line], start: int) -> int:
    """Some copies lose the full stop of the first paragraph, which then scores as furniture;
    a long plain line right above the body is taken back (a headline is shorter)."""
    if start == 0:
        return start
    above = lines[start - 1]
    if above.words >= LEDE_MIN_WORDS and above.score == -FURNITURE_COST and not has_furniture_words(above.text):
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
    for line in [*run, _SENTINEL]:
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
    if line.words > furniture.EDGE_FURNITURE_MAX_WORDS:
        return True
    return not has_furniture_words(line.text) and not furniture.is_inline_furniture(line.text)
