"""Direct quotations in an article body, with who said them.

Four steps, all rule-based:

1. `quoted_regions` pairs quotation marks paragraph by paragraph (straight and curly; double
   marks, or single marks in texts that use no double ones), following the news convention
   that a quote left open at the end of a paragraph continues when the next one re-opens it.
2. `speakers` reads the speaker of each region from the words of its own sentence.
3. Regions that label rather than quote (scare quotes, titles, nicknames, glossed terms) drop out.
4. News conventions carry speakers to quotations that name none (a continued paragraph, a
   second quote in the paragraph, "Roe said:" before it); pronouns resolve to the nearest
   compatible person, and names take the fullest form the article uses.

`key_quotes` then picks the few that a student should see in the briefing's quotation box.
Texts quoted with doubled apostrophes (''like this'', an archive-export habit) are left alone.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..lexicon import alternation, rows, words
from ..model import Quote
from .sentences import Region, blank_spans, mask_markup, paragraph_spans, quoted_regions, sentence_spans
from .speakers import (
    ATTRIBUTION_RULES,
    NameIndex,
    Speaker,
    Token,
    clause_subject,
    colon_speaker,
    credit,
    cue_speaker,
    cue_subjects,
    first_name_gender,
    fronted_clause_speaker,
    gender_of_role,
    introducing_speaker,
    is_document,
    is_time_word,
    names_a_role,
    phrase_to_speaker,
    pronoun_gender,
    speaker_before,
    speaker_closing_sentence,
    speaker_right_after,
    tokenize,
    trailing_phrase,
)

# ---------------------------------------------------------------------------------------------
# Sentences around a quotation. Quote interiors are blanked (their final punctuation kept) so
# that cues inside a quotation never attribute it; sentences are the splitter's (analyse.sentences).

def _blank_quotes(text: str, regions: Sequence[Region]) -> str:
    """`text` with markup and the inside of every quotation blanked, final punctuation kept."""
    spans = []
    for r in regions:
        keep = r.end
        while keep > r.start and text[keep - 1] in ".,!?…;:—-":
            keep -= 1
        spans.append((r.start, keep))
    return blank_spans(mask_markup(text), spans)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int


class _Article:
    """An article's text with its quoted regions, paragraphs and sentence ends, for attribution."""

    def __init__(self, text: str, regions: list[Region]):
        self.text = text
        self.regions = regions  # every quoted span, quotations and terms alike
        self.blanked = _blank_quotes(text, regions)
        self.paragraphs = paragraph_spans(text)
        self.sentence_starts = [start for start, _end in sentence_spans(text, regions)]
        self._opens = sorted(r.opened for r in regions)
        self._closes = sorted(r.closed or r.end for r in regions)

    def sentence_around(self, paragraph: int, lo: int, hi: int) -> _Sentence:
        """The sentence that contains text[lo:hi] (within its paragraph), up to where the next starts."""
        p_lo, p_hi = self.paragraphs[paragraph]
        starts = self.sentence_starts
        before = bisect.bisect_right(starts, lo) - 1
        after = bisect.bisect_left(starts, hi)
        start = max(starts[before], p_lo) if before >= 0 else p_lo
        end = min(starts[after], p_hi) if after < len(starts) else p_hi
        return _Sentence(start, end)

    def reach(self, region: Region, sentence: _Sentence) -> tuple[int, int]:
        """Where the reading for `region`'s own attribution starts and stops (see ATTRIBUTION_REACH)."""
        lo = max(sentence.start, region.opened - ATTRIBUTION_REACH)
        closed_before = bisect.bisect_right(self._closes, region.opened)
        if closed_before > QUOTATIONS_CROSSED:
            lo = max(lo, self._closes[closed_before - QUOTATIONS_CROSSED - 1])
        end = region.closed or region.end
        hi = min(sentence.end, end + ATTRIBUTION_REACH)
        opened_after = bisect.bisect_left(self._opens, end)
        if opened_after + QUOTATIONS_CROSSED < len(self._opens):
            hi = min(hi, self._opens[opened_after + QUOTATIONS_CROSSED])
        return min(lo, region.opened), max(hi, end)

    def tokens(self, lo: int, hi: int) -> list[Token]:
        return tokenize(self.blanked, lo, hi)


@dataclass(frozen=True)
class _Attribution:
    speaker: Speaker | None
    tight: bool = False  # the speaker follows the closing mark directly: '"No," Roe said'
    reporter: Speaker | None = None  # who reports a framed fragment ('calling him "x," Roe said')


_TRAILING_OFF = ("…", "...")  # an ellipsis: the speaker trailed off

# How far from its marks a quotation's own attribution may be: news copy names the speaker within
# a clause or two of the quotation, so within ATTRIBUTION_REACH characters and with at most
# QUOTATIONS_CROSSED other quotations between. Without these bounds a run of quotations with no
# sentence end between them ('"A" "B" "C" ...') made every quotation read all the others.
ATTRIBUTION_REACH = 600
QUOTATIONS_CROSSED = 4


def _own_attribution(article: _Article, region: Region) -> _Attribution:
    """The speaker named in the quotation's own sentence, by the conventions of news copy."""
    sentence = article.sentence_around(region.paragraph, region.opened, region.closed or region.end)
    lo, hi = article.reach(region, sentence)
    inside = article.text[region.start : region.end].rstrip()
    if region.closed and inside.endswith(_TRAILING_OFF) and not article.text[region.closed : hi].strip():
        # '"... a lot of different people…" Clinton said.': a quotation that trails off is no
        # sentence end, though the splitter cut there; its attribution is the next sentence's
        hi = max(hi, article.sentence_around(region.paragraph, hi, hi + 1).end)
    after = article.tokens(region.closed, hi) if region.closed else []
    before = article.tokens(lo, region.opened)
    right_after = speaker_right_after(
        after, article.blanked, open_ended=inside[-1:] in ",?!—-", ended=inside[-1:] in ".?!"
    )
    introduced = introducing_speaker(before, article.blanked) if right_after else None
    if introduced:
        return _Attribution(introduced, tight=True)  # set off by its comma as '"No," Roe said' is
    fronted = fronted_clause_speaker(before, article.blanked) if right_after and inside.endswith(",") else None
    if fronted:
        return _Attribution(fronted)
    if right_after:
        framed = _framed_before(before, inside, article.blanked)
        if framed:
            return _Attribution(_carried(framed, "framed-fragment"), tight=True, reporter=right_after)
        return _Attribution(_poll_for_statistic(article, region, sentence, right_after), tight=True)
    speaker = (
        speaker_before(before, article.blanked)
        or speaker_closing_sentence(after, article.blanked)
        or credit(_chanted_by(before, article.blanked), "chant")
    )
    return _Attribution(_poll_for_statistic(article, region, sentence, speaker))


_FRAMING_CUES = words("framing_cues")


def _framed_before(before: list[Token], inside: str, text: str) -> Speaker | None:
    """ 'Her friends mocked him, calling him "an orange buffoon," Roe said': a fragment framed by
    "calling" is the words of whoever called him so; Roe only reports it."""
    if not inside[:1].islower() or not any(t.text in _FRAMING_CUES for t in before):
        return None
    speaker = cue_speaker(before, text)
    return speaker if speaker and not speaker.pronoun and not is_document(speaker) else None


_CHANTS = words("chants")
_CROWDS = words("crowds")


def _chanted_by(before: list[Token], text: str) -> Speaker | None:
    """ 'the crowd reprised the chant "Lock them up!"': a chant is the crowd's in its sentence."""
    if not before or before[-1].text not in _CHANTS:
        return None
    crowd = next((k for k in range(len(before) - 2, -1, -1) if before[k].lower in _CROWDS), None)
    return None if crowd is None else phrase_to_speaker(trailing_phrase(before[: crowd + 1]), text)


# "31% of voters", "six in 10 Republicans", "a majority of Democrats": a share of a poll's sample.
_STATISTIC = re.compile(
    r"\d[\d.,]*\s*(?:%|percent\b|per cent\b)"
    rf"|\b(?:\d+|{alternation('small_numbers')})\s+(?:in|out of)\s+(?:10|ten|\d+)\b"
    r"|\b(?-i:majority|plurality) of\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|--")
_POLL = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[\w/’'.\-]+\s+){{0,4}}?{alternation('polls')}\b")


def _poll_for_statistic(
    article: _Article, region: Region, sentence: _Sentence, speaker: Speaker | None
) -> Speaker | None:
    """A share of respondents ("31% of voters said they were "...") does not speak: the poll
    named in the sentence, or the one before, does. None when no poll is named."""
    if speaker is None or speaker.pronoun:
        return speaker
    text = article.blanked
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, speaker.phrase_start)]
    clause = text[max(breaks, default=sentence.start) : speaker.start + len(speaker.name)]
    if not _STATISTIC.search(clause):
        return speaker
    lo = article.paragraphs[region.paragraph][0]
    previous = article.sentence_around(region.paragraph, sentence.start - 1, sentence.start - 1)
    for start in (sentence.start, previous.start if sentence.start > lo else None):
        if start is None:
            continue
        polls = list(_POLL.finditer(text, start, region.opened))
        if polls:
            poll = polls[-1]
            return Speaker(poll.group(), None, poll.start(), poll.start(), rule="poll-for-statistic")
    return None


# ---------------------------------------------------------------------------------------------
# Terms, titles and nicknames in quotation marks

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SHORT_FRAGMENT = 4  # words; a quoted phrase this short with no speaker of its own is a term
_UNSPOKEN_PHRASE = 6  # words; a lower-case phrase (not a sentence) this short with no speaker too
_LONGEST_TITLE = 7  # words of a Title Case work, show or slogan
_FUNCTION_WORDS = words("function_words")
_SMALL_TITLE_WORDS = words("small_title_words")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_term(article: _Article, region: Region, attribution: _Attribution) -> bool:
    """Whether a quoted region names or labels something rather than quoting a statement.

    Always a term: a so-called "term", a "term" (ABT) glossed by an abbreviation or a date, and a
    single quoted word modifying the noun after it (a "cornerstone" agreement, "anti-terror"
    strikes): whoever uses such a word, the marks are the writer's. Short phrases and titles are
    terms too unless someone is said to have said them.
    """
    text = article.text
    inside = text[region.start : region.end]
    words = _words(inside)
    if not words or _is_marked_as_term(text, region):
        return True
    if len(inside.split()) == 1 and _modifies_next_word(text, region):
        return True
    if _after_determiner(text, region) and _word_after(text, region) in _WORDS_FOR_WORDS:
        return True  # the "wise judge" remark: words mentioned, not said
    if _names_or_reproduces(text, region, inside, words, attribution):
        return True
    if attribution.tight:
        return False  # '"No," Roe said' is a statement, however short
    if region.secondary:
        return True  # single marks among double ones quote only when a speaker follows at once
    speaker = attribution.speaker
    if _labels_what_follows(text, region, len(words)) and not (speaker and _names_someone(speaker)):
        return True
    if _is_title(inside, words):
        return True
    if speaker is not None or _is_sentence(inside):
        return False
    if inside[:1].islower() and _after_determiner(text, region):
        return True  # waited in an "endless line snaking around the block": the writer's noun phrase
    return len(words) <= _SHORT_FRAGMENT or (len(words) <= _UNSPOKEN_PHRASE and inside[:1].islower())


def _names_or_reproduces(text: str, region: Region, inside: str, words: list[str], attribution: _Attribution) -> bool:
    """A title, an inscription or another outlet's passage, whatever follows it: the marks set off a
    name or a text reproduced, even when a speaker's cue comes next ('On "Night Desk," Roe said')."""
    if _is_programme(text, region, inside, words) or _names_a_work(text, region, inside, words):
        return True  # 'Roe said on ABC's "This Week,"': the programme's name, whatever follows it
    if _is_inscription(text, region) or _in_embedded_post(text, region) or _is_linked_excerpt(text, region):
        return True
    if _is_cited_headline(text, region):
        return True
    if attribution.speaker is None and (_is_credited_excerpt(text, region) or _in_reproduced_article(text, region)):
        return True
    return _described_by_relative_clause(attribution, inside, words)


_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+$")
# Nouns for words themselves: 'the "wise judge" phrase' mentions a quotation rather than making it.
_WORDS_FOR_WORDS = words("words_for_words")


# "on ABC's ", "on CNN's ", "on ": where the name of a programme, a show or a publication follows.
_ON_OUTLET = re.compile(r"(?:\b[A-Z][\w.&-]*['’]s|\b[Oo]n)\s+$")


def _is_programme(text: str, region: Region, inside: str, words: list[str]) -> bool:
    """A Title Case name right after an outlet's possessive or "on" ('told CNN's "New Day,"',
    'on "Morning Joe"'): the programme where someone spoke, not their words."""
    return _is_title(inside, words) and bool(_ON_OUTLET.search(text, max(0, region.opened - 40), region.opened))


# Before a title: a work's noun ("the film", "his new book,"), and perhaps the word that names it
# ("a play called"), or a preposition or a possessive ('an interview with "Night Desk,"', 'ABC's').
_WORK_BEFORE = re.compile(
    rf"\b{alternation('work_nouns')}\s*,?\s*(?P<naming>\b{alternation('naming_verbs')}\s*,?\s*)?$", re.IGNORECASE
)
_TITLE_PLACE_BEFORE = re.compile(r"(?:\b(?:on|with|of|from|in|to|for|like)|\w['’]s)\s+$", re.IGNORECASE)
# After a title: its author ('"Quiet Shores" by Ann Lee') or the noun it modifies ('"Night Desk" host').
_TITLE_AUTHOR_AFTER = re.compile(r"[^\S\n]+by[^\S\n]+[A-Z]")
_LONGEST_SUBTITLED = 16  # words of a title with a subtitle after a colon ("Backwater: How a Town ...")


def _names_a_work(text: str, region: Region, inside: str, words: list[str]) -> bool:
    """Rule work-title: the title of a book, film, show or column, by the conventions of news copy.

    A quoted string right after a work's noun is its title: in any case when a naming word
    introduces it ("a play called 'The long night'"), in title case otherwise ("the novel 'Quiet
    Shores: A Memoir'", "his book, 'Backwater.'"). A title-case string right after a preposition or a
    possessive ('an interview with "Night Desk,"', "the channel's 'Early Hour'") or followed by its
    author ('"Quiet Shores" by Ann Lee') or by the noun it modifies ('the "Night Desk" host') names a
    work too. The final mark inside the closing quotation
    mark is the sentence's, by American style, so it does not make the title a statement.
    """
    before = text[max(0, region.opened - 60) : region.opened]
    work = _WORK_BEFORE.search(before)
    if work and work.group("naming"):
        return len(words) <= _LONGEST_SUBTITLED
    if _credited_to_an_author(text, region, inside):
        return True
    if not _title_like(inside, words):
        return False
    if work:
        return True
    if "!" in inside or "?" in inside:
        return False  # chants of "Roe! Roe!": a crowd's words, not a title
    if _TITLE_PLACE_BEFORE.search(before):
        return True
    return region.closed is not None and bool(
        _TITLE_AUTHOR_AFTER.match(text, region.closed) or _modifies_next_word(text, region)
    )


# '"Talks to resume in spring," by the Gazette's Ann Lee': a byline right after the closing mark.
_BYLINE_AFTER = re.compile(r"[^\S\n]+by[^\S\n]+(?:[Tt]he[^\S\n]+)?[A-Z]")


def _credited_to_an_author(text: str, region: Region, inside: str) -> bool:
    """A headline or a title set off by its comma and followed by its byline ('"Talks to resume in
    spring," by the Gazette's Ann Lee'), in sentence case too: digests and letters pages cite
    articles so. A fragment in lower case before "by" names what someone did, and stays."""
    # A title quoted inside the headline may open or close it ("'Low Tide' wins a prize,"), so its
    # single marks are looked through.
    bare = inside.strip().strip("'‘’")
    if region.closed is None or not _opens_sentence(bare) or bare.rstrip()[-1:] not in ",.":
        return False  # 'the "ugliness of his remarks," by Roe's account': a fragment, its author
    return bool(_BYLINE_AFTER.match(text, region.closed))


def _title_like(inside: str, words: list[str]) -> bool:
    """Title case, a subtitle after a colon allowed: the first word and at least two in three of the
    others capitalised, short words ("of", "the") and numbers aside ("Orange is the New Black")."""
    if not words or len(words) > (_LONGEST_SUBTITLED if ":" in inside else _LONGEST_TITLE):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    counted = [w for w in words[1:] if w.lower() not in _SMALL_TITLE_WORDS and not w[0].isdigit()]
    capitalised = sum(w[0].isupper() for w in counted)
    return capitalised * 3 >= len(counted) * 2


_INSCRIBED = re.compile(
    rf"\b{alternation('inscribed_things')}\b(?:\s+(?:that|which))?\s+{alternation('inscription_verbs')}[\s:,]*$",
    re.IGNORECASE,
)


def _is_inscription(text: str, region: Region) -> bool:
    """Rule inscription: the words a sign, a shirt or a banner carries ("a placard reading 'No more
    tests'") are the object's text, not a quotation of anyone speaking."""
    return bool(_INSCRIBED.search(text, max(0, region.opened - 50), region.opened))


# "[Daily Ledger]", "[Ann Lee, Example Post]": a bracketed credit right after the closing mark.
_BRACKETED_CREDIT = re.compile(r"[^\S\n]*\[[^\]\n]{0,60}[A-Z0-9][^\]\n]{0,60}\]")


def _is_credited_excerpt(text: str, region: Region) -> bool:
    """Rule credited-excerpt: a quotation followed at once by a bracketed source, the way newsletters
    and digests reproduce a passage of another outlet's story ('"..." [Daily Ledger]'), is that
    outlet's prose, not anyone's spoken words."""
    return region.closed is not None and bool(_BRACKETED_CREDIT.match(text, region.closed))


# '<tweet author="@x">... "quoted" ...</tweet>', '<a href="...">Rally in Dover: "We came to win"</a>':
# markup whose text the page reproduces, up to its closing tag (or the self-closing form some pages
# end a post with). Rule embedded-post reads lexicon embedded_post_tags, rule link-text link_tags.
def _element_tags(table: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    tag = alternation(table)
    opening = re.compile(rf"<{tag}\b[^<>\n]{{0,300}}(?<!/)>", re.IGNORECASE)
    return opening, re.compile(rf"</\s*{tag}\s*>|<{tag}\s*/>", re.IGNORECASE)


_REPRODUCING_ELEMENTS = (_element_tags("embedded_post_tags"), _element_tags("link_tags"))
_ELEMENT_REACH = 2000  # characters back to look for the opening tag: a post or a link's text is short


def _in_embedded_post(text: str, region: Region) -> bool:
    """Rules embedded-post and link-text: quotation marks inside an embedded post's markup
    (<tweet ...>...</tweet>) or a link's text (<a ...>...</a>) are the post's or the linked page's
    own words, reproduced as the page showed them, not a quotation the story makes."""
    lo = max(0, region.opened - _ELEMENT_REACH)
    for opening, closing in _REPRODUCING_ELEMENTS:
        opened = [m.end() for m in opening.finditer(text, lo, region.opened)]
        if opened and closing.search(text, opened[-1], region.opened) is None:
            return True
    return False


# '"...the vote is close." http://exmpl.co/x1': a link right after the closing mark (and its stop).
_LINK_AFTER = re.compile(r"[.,;:]?[^\S\n]*(?:\(\s*)?(?:https?://|www\.)\S")


def _is_linked_excerpt(text: str, region: Region) -> bool:
    """Rule linked-excerpt: a passage followed at once by a link to its source is a digest's excerpt
    of another outlet's story, reproduced, whoever it is credited to; no one speaks it."""
    return region.closed is not None and bool(_LINK_AFTER.match(text, region.closed))


# 'From Ann Lee writing at the Daily Ledger:' on its own line, then the excerpt's paragraphs, until
# 'Read the rest of the story at ...' (lexicon labels.yaml excerpt_openers, excerpt_closers).
_EXCERPT_OPENER = re.compile(rf"\b(?:{alternation('excerpt_openers')})\s[^\n]{{0,80}}:[^\S\n]*\n")
_EXCERPT_CLOSER = re.compile(rf"\b(?:{alternation('excerpt_closers')})\b", re.IGNORECASE)
_EXCERPT_REACH = 6000  # characters back to look for the excerpt's opening line


def _in_reproduced_article(text: str, region: Region) -> bool:
    """Rule reproduced-article: after a line that introduces another outlet's article ("From Ann Lee
    writing at the Daily Ledger:"), quoted paragraphs are that article reproduced, until the line
    that sends the reader to the rest of it. Only regions no one is said to speak: a quotation
    the excerpt itself attributes ('..., Roe said.') stays one."""
    openers, closers = _excerpt_marks(text)
    lo = max(0, region.opened - _EXCERPT_REACH)
    # the last opening line that starts within reach and ends before the quotation
    last = bisect.bisect_right(openers, (region.opened, len(text))) - 1
    while last >= 0 and openers[last][1] > region.opened:
        last -= 1
    if last < 0 or openers[last][0] < lo:
        return False
    # the excerpt runs on unless a closing phrase stands between its opening line and the quotation
    following = bisect.bisect_left(closers, (openers[last][1], 0))
    return following == len(closers) or closers[following][1] > region.opened


@lru_cache(maxsize=8)
def _excerpt_marks(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of every excerpt opening line and closing phrase of `text`, found once a text:
    searching back from each quotation made a page of thousands of quotations quadratic (issue 20)."""
    return ([m.span() for m in _EXCERPT_OPENER.finditer(text)],
            [m.span() for m in _EXCERPT_CLOSER.finditer(text)])


# '("Port reopens after storm," Daily Ledger, Monday)': a letters page citing the story it answers,
# the headline in parentheses, then the outlet and the day or date it ran.
_DATE_WORDS = sorted(
    {*words("weekday_names"), *rows("month_names")["en"]["names"], *rows("month_names")["en_short"]["names"]},
    key=len,
    reverse=True,
)
_CITATION_AFTER = re.compile(
    rf"[^\S\n]*[A-Z][^()\n]{{0,60}}?,[^\S\n]*(?:{'|'.join(_DATE_WORDS)})\b\.?[^()\n]{{0,20}}\)", re.IGNORECASE
)


def _is_cited_headline(text: str, region: Region) -> bool:
    """Rule cited-headline: a quoted headline opening a parenthesis and followed by its outlet and
    date ('("Port reopens after storm," Daily Ledger, Monday)') cites an article; no one says it."""
    if region.closed is None or not text[max(0, region.opened - 2) : region.opened].rstrip().endswith("("):
        return False
    return bool(_CITATION_AFTER.match(text, region.closed))


_RELATIVE_WORDS = words("relative_words")


def _described_by_relative_clause(attribution: _Attribution, inside: str, words: list[str]) -> bool:
    """ 'the show "Night Shift," which ran for years': a relative pronoun right after the closing
    mark describes the quoted name (in title case); no one says it. A lower-case phrase before "who"
    ('a "chief envoy" who reports to her') is someone's words for a thing, and stays a quotation."""
    speaker = attribution.speaker
    relative = speaker is not None and (speaker.pronoun or "") in _RELATIVE_WORDS
    return attribution.tight and relative and _is_title(inside, words)


def _after_determiner(text: str, region: Region) -> bool:
    """Whether an article stands right before the opening mark: 'the "x" phrase', 'an "x" line'."""
    return bool(_DETERMINER_BEFORE.search(text, max(0, region.opened - 8), region.opened))


_SIGNATURE_PARAGRAPH = re.compile(r"([A-Z][^\n\"“”]{0,80}?)\.?[\"”]\s*")
_SIGNED_LAST_LINE = re.compile(r"[.!?…][ \t]*\n[ \t]*([A-Z][^\n]{0,80}?)\.?\s*$")


def _is_pull_quote(article: _Article, region: Region) -> bool:
    """A quotation set apart as page furniture, signed inside its own marks:
    '"We will win this.\nSenator Jane Roe."'. It repeats the story; it is not part of it."""
    if not _opens_with_quote(article, region):
        return False
    signed = _SIGNED_LAST_LINE.search(article.text, region.start, region.end)
    if signed is None and region.closed is None and region.paragraph + 1 < len(article.paragraphs):
        # the signature set as a paragraph of its own, the closing mark after it
        signed = _SIGNATURE_PARAGRAPH.fullmatch(article.text, *article.paragraphs[region.paragraph + 1])
    if not signed or len(signed.group(1).split()) > 8:
        return False
    signature = tokenize(article.text, signed.start(1), signed.end(1))  # inside the marks: not blanked
    speaker = phrase_to_speaker(signature, article.text)
    return bool(speaker and speaker.proper and speaker.phrase_start == signed.start(1))


def _names_someone(speaker: Speaker) -> bool:
    """A speaker we can show: a name, a description, or a personal pronoun ("he", not "it")."""
    return speaker.pronoun in (None, "he", "she", "they", "we", "i")


def _is_sentence(inside: str) -> bool:
    """ "He's wrong." is a statement however short; "relic" or "state.gov" is a term."""
    inside = inside.strip()
    return inside[:1].isupper() and inside[-1:] in ".!?"


_SO_CALLED = re.compile(rf"\b(?:{alternation('term_markers')}|{alternation('label_markers')})[\s:,]*$", re.IGNORECASE)
# "(EPAA)", "(2005)", "(campaign poster, 2003)": an abbreviation or a date glossing a term or slogan.
_GLOSS = re.compile(r"[ \t]*\((?:[A-Z]{2,8}|[^()]{0,60}\b\d{4})\)")
_NEXT_WORD = re.compile(r"[ \t]*(\(|[A-Za-z][\w\-]*)")


def _is_marked_as_term(text: str, region: Region) -> bool:
    if _SO_CALLED.search(text, max(0, region.opened - 20), region.opened):
        return True
    return region.closed is not None and bool(_GLOSS.match(text, region.closed))


def _word_after(text: str, region: Region) -> str | None:
    """The word right after a quotation that ends without punctuation, as in a "label" noun."""
    if region.closed is None or text[region.end - 1] in ",.;:!?…":
        return None
    following = _NEXT_WORD.match(text, region.closed)
    return following.group(1) if following and following.group(1) != "(" else None


def _modifies_next_word(text: str, region: Region) -> bool:
    """Whether the quoted words stand before a noun they modify: a "cornerstone" agreement."""
    word = _word_after(text, region)
    return word is not None and word.islower() and word not in _FUNCTION_WORDS and not word.endswith(("ing", "ly"))


def _labels_what_follows(text: str, region: Region, n_words: int) -> bool:
    """A quoted label of up to three words before a noun or a name: "peace dividend" talks,
    "Iron" Jane Roe."""
    if n_words > 3:
        return False
    word = _word_after(text, region)
    if not word:
        return False
    if word.islower():
        return _modifies_next_word(text, region)
    return word.lower() not in _FUNCTION_WORDS and not is_time_word(word)


def _is_title(inside: str, words: list[str]) -> bool:
    """A work, show or slogan in Title Case ("Face the Nation", "So, That Happened.")."""
    if len(words) > _LONGEST_TITLE or (len(words) > 4 and inside.rstrip()[-1:] in ".!?"):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_TITLE_WORDS or w[0].isdigit() for w in words)


# ---------------------------------------------------------------------------------------------
# Speakers for regions with no attribution of their own, pronouns and short names


def _propagate(
    article: _Article, regions: list[Region], own: list[Speaker | None], reporters: list[Speaker | None]
) -> list[Speaker | None]:
    """Fill in speakers by the conventions of news copy.

    A paragraph that opens with a quotation and names nobody is introduced by the paragraph
    before ("Roe said:"), continues its last speaker, or is signed by the next ("- Jane Roe.").
    Within a paragraph, a quotation with no attribution of its own continues the speaker of the
    quotation before it, or of the sentence before it ('Roe announced the plan. "We ..."'), or
    else takes the speaker of the quotation after it.
    """
    speakers = list(own)
    by_paragraph: dict[int, list[int]] = {}
    for i, region in enumerate(regions):
        by_paragraph.setdefault(region.paragraph, []).append(i)
    last_speaker: Speaker | None = None
    for paragraph in sorted(by_paragraph):
        members = by_paragraph[paragraph]
        first = regions[members[0]]
        if not any(speakers[i] for i in members) and _opens_with_quote(article, first):
            speakers[members[0]] = (
                _carried(_introduction(article, paragraph - 1), "introduced-by-paragraph-before")
                or _carried(_headline_speaker(article, paragraph - 1), "headline-name")
                or (
                    _carried(last_speaker, "continues-paragraph-before")
                    if paragraph - 1 in by_paragraph
                    else _carried(_reported_before(article, paragraph - 1), "reported-in-paragraph-before")
                )
                or _carried(_signature(article, paragraph + 1), "signed-below")
            )
        for k, i in enumerate(members):
            if speakers[i] is None:
                earlier = next((reporters[j] or speakers[j] for j in reversed(members[:k]) if speakers[j]), None)
                speakers[i] = (
                    _carried(earlier, "earlier-in-paragraph")
                    or _carried(_previous_sentence_speaker(article, regions[i]), "previous-sentence")
                    or _carried(next((own[j] for j in members[k + 1 :] if own[j]), None), "later-in-paragraph")
                )
        named = [reporters[i] or speakers[i] for i in members if speakers[i]]  # the reporter goes on
        last_speaker = named[-1] if named else None
    return speakers


def _carried(speaker: Speaker | None, rule: str) -> Speaker | None:
    """A speaker carried to a quotation that names none, credited to the convention that carried it."""
    return credit(replace(speaker, rule=""), rule) if speaker else None


def _opens_with_quote(article: _Article, region: Region) -> bool:
    return region.opened == article.paragraphs[region.paragraph][0]


def _introduction(article: _Article, paragraph: int) -> Speaker | None:
    """The speaker of a paragraph that ends by introducing the next: "Roe told reporters:"."""
    if paragraph < 0:
        return None
    lo, hi = article.paragraphs[paragraph]
    if not article.text[lo:hi].rstrip().endswith(":"):
        return None
    sentence = article.sentence_around(paragraph, hi, hi)
    tokens = article.tokens(sentence.start, hi)
    return cue_speaker(tokens, article.blanked) or colon_speaker(tokens, article.blanked)


_HEADLINE_QUOTE = re.compile(r"([A-Z][^\s:\"“‘']*(?:[ \t]+[A-Z][^\s:\"“‘']*){0,3})[ \t]*:[ \t]*[\"“‘']")
_LONGEST_HEADLINE = 25  # words


def _headline_speaker(article: _Article, paragraph: int) -> Speaker | None:
    """The name of a headline written "Jane Roe: ‘We will not sign’", for the quotation that opens
    the story under it and names no one: the headline quoted from it."""
    if paragraph < 0:
        return None
    lo, hi = article.paragraphs[paragraph]
    headline = _HEADLINE_QUOTE.match(article.text, lo, hi)
    if headline is None or len(article.text[lo:hi].split()) > _LONGEST_HEADLINE:
        return None
    speaker = phrase_to_speaker(article.tokens(headline.start(1), headline.end(1)), article.blanked)
    return speaker if speaker and speaker.proper else None


def _reported_before(article: _Article, paragraph: int) -> Speaker | None:
    """The person whose words the paragraph before ends by reporting ("Roe speculated that the
    men could be armed."), for a quotation paragraph that names nobody: it goes on in their words."""
    if paragraph < 0:
        return None
    lo, hi = article.paragraphs[paragraph]
    last = article.sentence_around(paragraph, hi, hi)
    reported = [s for s in cue_subjects(article.tokens(max(lo, last.start), hi), article.blanked) if s.proper]
    return reported[-1] if reported else None


_SIGNATURE = re.compile(r"[-—–]+\s*(\S.{0,60}?)\.?\s*$")


def _signature(article: _Article, paragraph: int) -> Speaker | None:
    """A paragraph that only signs the quotation above it: "- Jane Roe." (fact-check style). The
    name comes first; what follows its comma describes the person ("- Jane Roe, Leeds")."""
    if paragraph >= len(article.paragraphs):
        return None
    lo, hi = article.paragraphs[paragraph]
    signed = _SIGNATURE.fullmatch(article.text, lo, hi)
    if not signed:
        return None
    comma = article.text.find(",", signed.start(1), signed.end(1))
    end = comma if comma > 0 else signed.end(1)
    speaker = phrase_to_speaker(article.tokens(signed.start(1), end), article.blanked)
    return speaker if speaker and speaker.proper else None


def _previous_sentence_speaker(article: _Article, region: Region) -> Speaker | None:
    """For a quotation opening a sentence, the person the sentence before quotes indirectly."""
    sentence = article.sentence_around(region.paragraph, region.opened, region.opened)
    if sentence.start != region.opened:
        return None
    lo = article.paragraphs[region.paragraph][0]
    if sentence.start <= lo:
        return None
    previous = article.sentence_around(region.paragraph, sentence.start - 1, sentence.start - 1)
    speaker = cue_speaker(article.tokens(previous.start, sentence.start), article.blanked)
    return speaker if speaker and (speaker.proper or speaker.pronoun) else None


@dataclass(frozen=True)
class _Mention:
    start: int
    name: str
    gender: str | None
    subject: bool = False  # the subject of a speech cue, of its sentence, or a quotation's speaker
    role: str | None = None
    quoted: bool = False  # the speaker of a quotation: no pronoun after it reaches anyone before it


def _person_mentions(article: _Article, names: NameIndex) -> list[_Mention]:
    """People the article names before its quotations: subjects of speech cues and of sentences,
    and full names the text shows to be people. Sorted by position."""
    mentions = [_Mention(start, name, names.gender(name)) for start, name in names.people()]
    for lo, hi in article.paragraphs:
        for speaker in cue_subjects(article.tokens(lo, hi), article.blanked):
            if speaker.proper and not _possessive(speaker.name):
                gender = names.gender(speaker.name) or gender_of_role(speaker.role)
                clause = max(lo, speaker.phrase_start - 12)
                main = not _SUBORDINATE_BEFORE.search(article.blanked, clause, speaker.phrase_start)
                mentions.append(_Mention(speaker.start, speaker.name, gender, subject=main, role=speaker.role))
    speakers = {m.name for m in mentions if m.subject}
    ends = [*article.sentence_starts[1:], len(article.text)]
    for start, end in zip(article.sentence_starts, ends, strict=True):
        subject = _sentence_subject(article, start, end, names, speakers)
        if subject is not None:
            gender = names.gender(subject.name) or gender_of_role(subject.role)
            role = subject.role if _plausible_role(subject.role) else None
            mentions.append(_Mention(subject.start, subject.name, gender, subject=True, role=role))
    return sorted(mentions, key=lambda m: m.start)


def _plausible_role(role: str | None) -> bool:
    """A title or description ("Texas Sen.", "Radio talk show host"), not the words of a clause
    ("Clinton repeatedly invoked", "Obama and Vice President")."""
    if not role:
        return False
    tokens = tokenize(role, 0, len(role))
    return names_a_role(tokens) and not any(t.lower in _CLAUSE_WORDS for t in tokens)


_CLAUSE_WORDS = words("conjunctions") | words("auxiliaries") | words("adverbs_before_verb")


_SUBJECT_WINDOW = 12  # tokens at the start of a sentence where its subject is read


def _sentence_subject(
    article: _Article, start: int, end: int, names: NameIndex, speakers: set[str]
) -> Speaker | None:
    """The person a sentence opens with, as its subject ("Jane Roe led the talks.", "But Roe, the
    envoy, left."), or None: a name followed by its verb or an apposition, not a possessive ("Roe's
    plan") or a headline ("Roe Aims Barb At Doe"); a surname alone only when the article gives the
    full name elsewhere."""
    tokens = article.tokens(start, min(end, start + 200))[:_SUBJECT_WINDOW]
    while tokens and tokens[0].lower in _SENTENCE_LINKS:
        tokens = tokens[1:]
    if not tokens or not tokens[0].capitalised or tokens[0].lower in _NOT_OPENING_A_SUBJECT:
        return None  # "When Roe arrived, ...", "In Vienna, ...": the name is not the sentence's subject
    subject = clause_subject(tokens, article.blanked)
    if subject is None or subject.phrase_start != tokens[0].start:
        # a cue later in the sentence ("Roe looked tired when Doe asked") names another subject
        run = next((k for k, t in enumerate(tokens) if not t.capitalised), len(tokens))
        subject = phrase_to_speaker(tokens[:run], article.blanked) if run else None
    if subject is None or not subject.proper or subject.phrase_start != tokens[0].start:
        return None
    after = next((t for t in tokens if t.start >= subject.start + len(subject.name)), None)
    if after is None or not (after.text.islower() or after.text == ","):
        return None
    words = subject.name.split()
    if _possessive(subject.name) or (len(words) == 1 and words[0].lower() in _FUNCTION_WORDS):
        return None  # "Roe's plan was ...", "There, the chairman ..."
    if len(words) == 1 and names.fullest(subject.name) == subject.name and subject.name not in speakers:
        return None  # a surname alone: someone the article names in full, or who speaks elsewhere
    return subject


def _possessive(name: str) -> bool:
    return name.endswith(("'s", "’s", "s'", "s’"))


# "when Tapper asked", "as Roe said": a cue in a subordinate clause; its subject is not the sentence's.
_SUBORDINATE_BEFORE = re.compile(rf"\b{alternation('subordinators')}\s+$", re.IGNORECASE)


_NOT_OPENING_A_SUBJECT = words("subordinators") | words("prepositions") | words("time_words")

# Words that may open a sentence before its subject: "But Roe left", "Still, Roe said".
_SENTENCE_LINKS = words("conjunctions") | words("aside_words") | words("adverbs_before_verb") | {","}


def _merged_insides(regions: Sequence[Region]) -> tuple[list[int], list[int]]:
    """The regions' insides as sorted, disjoint [start, end) runs, so that whether an offset is
    inside a quotation takes log time, not a read of every region (quadratic for a whole article)."""
    starts: list[int] = []
    ends: list[int] = []
    for region in sorted((r for r in regions if r.start < r.end), key=lambda r: r.start):
        if ends and region.start <= ends[-1]:
            ends[-1] = max(ends[-1], region.end)
        else:
            starts.append(region.start)
            ends.append(region.end)
    return starts, ends


def _inside_merged(offset: int, runs: tuple[list[int], list[int]]) -> bool:
    starts, ends = runs
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and offset < ends[k]


@dataclass(frozen=True)
class _Resolution:
    name: str
    outright: bool  # no other person the pronoun could mean stands between the name and it
    role: str | None = None
    subject: bool = False  # the subject of a sentence or cue, rather than the nearest name


def _resolve_pronoun(speaker: Speaker, at: int, mentions: list[_Mention], names: NameIndex) -> _Resolution | None:
    """The person "he" or "she" stands for: the subject of the sentence that introduces the
    quotation, or the speaker of the quotation before; the nearest other person only when no
    subject is in reach. Never across another speaker's quotation (`mentions` holds the speakers
    of the quotations so far as subjects). When in doubt, no one.

    The article's own clues (titles, roles, pronouns after the name) give the genders. A nearest
    candidate with a first name of the other gender ("he" after "Hillary Roe") means the text has
    lost track of the person meant: no speaker rather than a wrong one.
    """
    if speaker.pronoun not in ("he", "she"):
        return None
    wanted = pronoun_gender(speaker.pronoun)
    before = [m for m in mentions if m.start < at and _could_be_a_person(m.name)]
    last_quote = max((k for k, m in enumerate(before) if m.quoted), default=None)
    if last_quote is not None:
        before = before[last_quote:]  # another speaker's quotation: nobody before it is in reach
    compatible = [m for m in before if m.gender in (None, wanted)]
    subjects = [m for m in compatible if m.subject]
    chosen = subjects[-1] if subjects else (compatible[-1] if compatible else None)
    if chosen is None or first_name_gender(names.fullest(chosen.name)) not in (None, wanted):
        return None
    person = names.fullest(chosen.name)
    others = {names.fullest(m.name) for m in compatible if m.start > chosen.start} - {person}
    if not subjects and others:
        return None  # two people in passing and no subject: doubt
    return _Resolution(chosen.name, outright=not others, role=chosen.role, subject=chosen.subject)


# Words that make a name an institution, which "he" or "she" never stands for.
_INSTITUTION_WORDS = words("institution_words")


def _could_be_a_person(name: str) -> bool:
    """Not an acronym ("EU", "NATO", "CNN") and not an institution ("the Foreign Ministry")."""
    words = name.replace(".", " ").split()
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return False
    return not any(word.lower() in _INSTITUTION_WORDS for word in words)


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation in an article body, in order, with its speaker when the text names
    one surely enough (`PRINT_CONFIDENCE`); a less sure name is kept as `unsure_speaker`."""
    return [quote for quote, _shapes in quotes_with_shapes(text)]


def quotes_with_shapes(text: str) -> list[tuple[Quote, tuple[str, ...]]]:
    """`find_quotes`, each quotation with the rows of lexicon speaker_shapes that its confidence
    multiplies (the quotation's shape, the speaker's kind, "relayed"), empty when no one was
    found; for benchmarks/rule_confidence.py."""
    regions = quoted_regions(text)
    if not regions:
        return []
    article = _Article(text, regions)
    attributions = [_own_attribution(article, r) for r in regions]
    kept = [
        i
        for i, r in enumerate(regions)
        if not _is_term(article, r, attributions[i]) and not _is_pull_quote(article, r)
    ]
    regions, own = [regions[i] for i in kept], [attributions[i].speaker for i in kept]
    speakers = _propagate(article, regions, own, [attributions[i].reporter for i in kept])
    names = NameIndex(text)
    # A name inside quotation marks is a title or someone's words ("Wild Rose", the film), not a
    # person the writer introduces, so "she" after it never means it.
    insides = _merged_insides(article.regions)
    mentions = [m for m in _person_mentions(article, names) if not _inside_merged(m.start, insides)]
    roles: dict[str, str] = {}
    for mention in mentions:
        if mention.role and mention.subject:
            roles.setdefault(names.fullest(mention.name), mention.role)
    for named, stated in _roles_before_names(article.blanked):
        roles.setdefault(names.fullest(named), stated)
    lower_words = set(_LOWER_WORD.findall(text))
    excerpt, excerpt_text = _quoted_excerpt(article)
    quotes: list[tuple[Quote, tuple[str, ...]]] = []
    relayed_in: dict[int, bool] = {}  # paragraph -> whether its last attributed quotation was relayed
    for region, speaker in zip(regions, speakers, strict=True):
        found = _name_and_role(speaker, region, names, mentions, roles)
        if found is not None:
            found = _role_in_name(*found, lower_words)
        quote_text = text[region.start : region.end]
        quote, shapes = Quote(quote=quote_text, start=region.start, open_end=_open_ended(article, region)), ()
        if found is not None and speaker is not None:
            name, role, kind = found
            carried_relay = speaker.rule in _CONTINUING_RULES and relayed_in.get(region.paragraph, False)
            nested = _nested_in(excerpt, excerpt_text, region)
            relayed = ("relayed",) if carried_relay or nested or _relayed(article, region, speaker) else ()
            relayed_in[region.paragraph] = bool(relayed)
            shapes = (quote_shape(quote_text), kind, *relayed)
            confidence = speaker_confidence(_rule_of(speaker) or "", shapes)
            if confidence >= PRINT_CONFIDENCE:
                quote = replace(quote, speaker=name, role=role, rule=_rule_of(speaker), confidence=confidence)
            else:
                quote = replace(quote, rule=_rule_of(speaker), confidence=confidence, unsure_speaker=name)
            if speaker.proper or speaker.pronoun:
                gender = names.gender(name) or pronoun_gender(speaker.pronoun or "")
                _insert(mentions, _Mention(region.opened, name, gender, subject=True, quoted=True))
        quotes.append((quote, shapes))
    return quotes


# ---------------------------------------------------------------------------------------------
# How sure a speaker is: the rule's measured precision, times factors for the shape of the
# quotation and of the speaker (lexicon speech.yaml: attribution_rules, speaker_shapes,
# speaker_thresholds; benchmarks/rule_confidence.py measures them on a dev file).

_SHAPES = rows("speaker_shapes")
_THRESHOLDS = rows("speaker_thresholds")
PRINT_CONFIDENCE = float(_THRESHOLDS["print"]["value"])  # below this no name is printed
KEY_CONFIDENCE = float(_THRESHOLDS["key"]["value"])  # the Key quotes box takes only these, and outright rules


def quote_shape(quote: str) -> str:
    """ "statement" (opens a sentence), "fragment" (starts mid-sentence), or "phrase" (a few words)."""
    if len(_words(quote)) <= _SHORT_FRAGMENT:
        return "phrase"
    return "statement" if _opens_sentence(quote) else "fragment"


def speaker_confidence(rule: str, shapes: Sequence[str]) -> float:
    """How often a speaker found by `rule` is the right one, for a quotation and a speaker of these
    shapes (rows of speaker_shapes): the product of the lexicon's measured figures, at most 1."""
    base = rule.removesuffix(PRONOUN_SUFFIX)
    confidence = float(ATTRIBUTION_RULES[base]["confidence"]) if base in ATTRIBUTION_RULES else 0.0
    for shape in shapes:
        confidence *= float(_SHAPES[shape]["factor"])
    return round(min(confidence, 1.0), 3)


# A quotation that goes on from the one before it in its paragraph ('"...," Roe said, according to
# the Gazette. "..."') comes from the same source: relayed when that one was.
_CONTINUING_RULES = frozenset({"earlier-in-paragraph"})
_RELAY = re.compile(rf"\b(?:{alternation('relay_cues')})\b", re.IGNORECASE)
_FIRST_HAND_RULES = frozenset({"according-to", "according-to-after", "in-words-of"})


def _relayed(article: _Article, region: Region, speaker: Speaker) -> bool:
    """Whether the quotation's sentence relays it from another source: '"...," Roe said,
    according to the Gazette' or '..., the Gazette reported'. The speaker and the source that
    printed the words are then both named, and the rules cannot tell which a reader needs."""
    if speaker.rule in _FIRST_HAND_RULES:
        return False
    sentence = article.sentence_around(region.paragraph, region.opened, region.closed or region.end)
    name_end = speaker.start + len(speaker.name)
    for relay in _RELAY.finditer(article.blanked, sentence.start, sentence.end):
        own_cue = 0 <= relay.start() - name_end <= 2 or 0 <= speaker.phrase_start - relay.end() <= 2
        if not own_cue and _names_a_source(article.blanked, relay):  # "the Post reported" is the Post's own
            return True
    return False


# Rule quoted-excerpt. A passage of another outlet's story pasted in quotation marks runs over
# several lines: the first opens a mark it leaves open, and the last ends on a closing mark after
# the passage's own attributions ('... ,” King said."'), a mark that closes no quotation. The
# quotations nested in it are the passage's, relayed by its source; the passage's own text (the
# lines it opens and leaves open) is the source's, read as any continued quotation is.
_EXCERPT_CLOSE = re.compile(r"[.!?)][\"”’']$")
_LONGEST_EXCERPT = 6  # paragraphs from the one that opens the passage to the one that closes it


def _quoted_excerpt(article: _Article) -> tuple[set[int], set[int]]:
    """(the paragraphs of every quoted excerpt, the openings of the lines it leaves open)."""
    closing_marks = {r.closed - 1 for r in article.regions if r.closed is not None}
    left_open = {r.opened: r.paragraph for r in article.regions if r.closed is None and _opens_line(article, r)}
    opening_paragraphs = set(left_open.values())
    inside: set[int] = set()
    for last, (lo, hi) in enumerate(article.paragraphs):
        end = lo + len(article.text[lo:hi].rstrip())
        if end - 1 in closing_marks or not _EXCERPT_CLOSE.search(article.text, max(lo, end - 2), end):
            continue
        reach = range(last, max(-1, last - _LONGEST_EXCERPT), -1)
        first = next((p for p in reach if p in opening_paragraphs), None)
        if first is not None:
            inside.update(range(first, last + 1))
    return inside, {opened for opened, paragraph in left_open.items() if paragraph in inside}


def _nested_in(excerpt: set[int], excerpt_text: set[int], region: Region) -> bool:
    return region.paragraph in excerpt and region.opened not in excerpt_text


def _opens_line(article: _Article, region: Region) -> bool:
    line_start = article.text.rfind("\n", 0, region.opened) + 1
    return not article.text[line_start : region.opened].strip()


_WORD_AFTER = re.compile(r"[ \t\xa0]*([A-Za-z][\w'’-]*)?")


def _names_a_source(text: str, relay: re.Match[str]) -> bool:
    """A relay reports from a source ("according to the Post", "the Post reported on Monday",
    "quoted by the Post"); "reported cases", "reports reveal", "quoted by name" use the same words
    for something else: the word after such a cue is a lower-case noun or verb, not a source, a
    time, "that" or punctuation. ("according to" takes any noun phrase.)"""
    if relay.group(0).lower().startswith("according"):
        return True
    after = _WORD_AFTER.match(text, relay.end())
    word = after.group(1) if after else None
    return word is None or not word.islower() or word in _RELAY_CONTINUATIONS


# Lower-case words a relay cue goes on with: "reported that", "reported on Monday", "reported by the Post".
_RELAY_CONTINUATIONS = words("relay_continuations")


def is_outright(rule: str | None) -> bool:
    """Whether the rule reads a speaker the text states outright (lexicon attribution_rules)."""
    base = (rule or "").removesuffix(PRONOUN_SUFFIX)
    return bool(ATTRIBUTION_RULES.get(base, {}).get("outright"))


PRONOUN_SUFFIX = "+pronoun"


# "Boehner's spokesman, Michael Steel, said": a role in the possessive, then the name set off by commas.
_ROLE_BEFORE_NAME = re.compile(
    rf"\b((?:(?:[Tt]he|[A-Z][\w.-]*)\s+)?[\w.-]+['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{alternation('role_words')}))"
    r",\s+([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+),"
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")


def _roles_before_names(text: str) -> list[tuple[str, str]]:
    """(name, role) for every "X's role, Name," apposition of the article."""
    return [(found.group(2), found.group(1)) for found in _ROLE_BEFORE_NAME.finditer(text)]


_FIRST_NAMES = words("female_first_names") | words("male_first_names")


def _role_in_name(name: str, role: str | None, kind: str, lower_words: set[str]) -> tuple[str, str | None, str]:
    """ "Surfer Shannon Aston": a capitalised common noun before a full name, which the article
    also writes in lower case ("surfers"), is the person's description, not part of the name, and
    is printed in the lower case the article gives it ("Shannon Aston, surfer")."""
    words_ = name.split()
    if kind != "name" or len(words_) < 3 or words_[0].lower() in _FIRST_NAMES:
        return name, role, kind
    head = words_[0].lower()
    if head in _FUNCTION_WORDS:
        return " ".join(words_[1:]), role, kind  # "But Tom Miller said": the sentence's word, no role
    if head in lower_words or f"{head}s" in lower_words:
        # only a noun for a person describes them: "State" (of "Secretary of State Jon Roe") does not
        return " ".join(words_[1:]), role or (head if _names_a_person(head) else None), kind
    return name, role, kind


_AGENT_ENDINGS = tuple(words("agent_noun_endings"))
_ROLE_WORDS = words("role_words")


def _names_a_person(word: str) -> bool:
    """A noun for a person: a role ("spokesman") or a noun of one who does ("surfer", "activist")."""
    return word in _ROLE_WORDS or word.endswith(_AGENT_ENDINGS)


# A closing mark of the other style after a sentence's end, then a new sentence: '“We go.’ Roe left'.
_STRAY_CLOSE = re.compile(r"[.!?]([’”])\s+[A-Z]")
_OPENER_OF = {"’": "‘", "”": "“"}


def _closed_by_a_stray_mark(inside: str) -> bool:
    """Rule stray-close: a quotation that a mark of the other style closes ('“We go.’ Roe left ...')
    was typed with the wrong closing mark, so its region runs on into the story's own sentences."""
    stray = _STRAY_CLOSE.search(inside)
    return stray is not None and _OPENER_OF[stray.group(1)] not in inside[: stray.start()]


def _open_ended(article: _Article, region: Region) -> bool:
    """A quotation left open at the end of its paragraph that the next paragraph does not re-open:
    its closing mark was dropped (or captions run on after it), so where it ends is unknown. So too
    a quotation closed by a stray mark of the other style (`_closed_by_a_stray_mark`)."""
    if _closed_by_a_stray_mark(article.text[region.start : region.end]):
        return True
    if region.closed is not None or article.text[region.end : article.paragraphs[region.paragraph][1]].strip():
        return False  # closed, or ended where the same paragraph re-opens a quotation ("on. 'There")
    following = region.paragraph + 1
    if following >= len(article.paragraphs):
        return True
    opening = article.text[article.paragraphs[following][0]]
    return opening not in "\"“„«‘'"


def _insert(mentions: list[_Mention], mention: _Mention) -> None:
    bisect.insort(mentions, mention, key=lambda m: m.start)


def _rule_of(speaker: Speaker | None) -> str | None:
    """The rule that named the speaker; "+pronoun" when it found a "he" or "she" resolved to a name."""
    if speaker is None:
        return None
    return f"{speaker.rule}{PRONOUN_SUFFIX}" if speaker.pronoun else speaker.rule


def _name_and_role(
    speaker: Speaker | None, region: Region, names: NameIndex, mentions: list[_Mention], roles: dict[str, str]
) -> tuple[str, str | None, str] | None:
    """The speaker's fullest name, role and kind (a row of lexicon speaker_shapes), or None when
    the rules found no one who can speak; a role stated once is remembered for later quotes."""
    if speaker is None:
        return None
    if speaker.pronoun:
        resolved = _resolve_pronoun(speaker, region.opened, mentions, names)
        if resolved is None:
            return None
        name = names.fullest(resolved.name)
        kind = "pronoun-outright" if resolved.outright else "pronoun-subject" if resolved.subject else "pronoun-nearest"
        return name, roles.get(name) or resolved.role or names.role(name), kind
    written = _speaking_name(speaker.name, names)
    if written is None:
        return None
    if not speaker.proper:
        return written, speaker.role, _description_kind(written)
    name = names.fullest(written)
    if speaker.role:
        roles.setdefault(name, speaker.role)
    return name, roles.get(name) or names.role(name), "name" if len(name.split()) > 1 else "one-word-name"


# Words that never name a speaker alone: "Another", "But", "There" opening a sentence.
_NOT_A_NAME = (
    words("function_words") | words("determiners") | words("conjunctions") | words("standing_alone")
    | words("aside_words") | words("adverbs_before_verb") | words("quantifiers") | words("wh_words")
    | words("time_words") | words("sentence_openers")
)
# Words that link a sentence to the one before and are not part of the name after them: "But Roe".
_LINK_WORDS = words("conjunctions") | words("aside_words") | words("adverbs_before_verb") | words("time_words")


def _speaking_name(name: str, names: NameIndex) -> str | None:
    """The name without the words that only link its sentence to the last ("But Roe", "Now Roe"),
    or None when no name is left: a bare word ("Another", "There", "Each") does not speak. A word
    the article uses as someone's surname ("Will" for George Will) stays."""
    words_ = name.replace("\u00ad", "").split()  # a soft hyphen is a line-break hint, not part of the name
    while len(words_) > 1 and words_[0].lower() in _LINK_WORDS and words_[1][:1].isupper():
        words_ = words_[1:]
    if len(words_) == 1 and words_[0].lower().strip(".,") in _NOT_A_NAME and names.fullest(words_[0]) == words_[0]:
        return None
    if words_[-1].endswith(("s'", "s’")):
        return None  # "Republicans' reaction:": a plural possessive owns what speaks, it is not the speaker
    return " ".join(words_)


def _description_kind(name: str) -> str:
    """ "anaphor" for "the source", "the statement" (a thing the article named before, by one
    noun), else "description" ("a senior Israeli defense official", "one truck driver")."""
    words_ = name.split()
    anaphoric = len(words_) <= 2 and words_[0].lower() in ("the", "this", "that", "these", "those")
    return "anaphor" if anaphoric else "description"


# ---------------------------------------------------------------------------------------------
# The quotation box

_SHORTEST_SENTENCE = 4  # words in a complete quoted sentence worth showing
_SHORTEST_FRAGMENT = 6  # words in a quoted fragment ("would be a historic mistake for all")
_LONGEST_USEFUL = 45  # words; beyond this a quotation is no more informative, only longer


def key_quotes(quotes: Sequence[Quote], limit: int = 3) -> list[Quote]:
    """The few quotations most worth a student's attention, in article order, as the box prints them.

    Only quotations whose speaker the text states outright (`is_outright`) and the rules are sure
    of (`KEY_CONFIDENCE`) qualify: a wrong name in print teaches the wrong position. Fragments of
    three words or fewer never do. The best quotation of each speaker comes first; more from the
    same speakers only fill free places. The box ends a quotation as a sentence ends (the template
    filters `quote_end` and `fragment` of publish.render).
    """
    seen: set[str] = set()
    candidates = []
    for quote in quotes:
        if _is_key_worthy(quote) and quote.quote not in seen:
            seen.add(quote.quote)
            candidates.append(quote)
    ranked = sorted(candidates, key=_informativeness, reverse=True)
    chosen: list[Quote] = []
    speakers: set[str] = set()
    for quote in ranked:
        if len(chosen) < limit and _speaker_key(quote) not in speakers:
            chosen.append(quote)
            speakers.add(_speaker_key(quote))
    for quote in ranked:
        if len(chosen) < limit and quote not in chosen:
            chosen.append(quote)
    return _role_once(sorted(chosen, key=lambda q: q.start))


def _role_once(quotes: list[Quote]) -> list[Quote]:
    """A speaker's role is printed with their first quotation in the box only: "— Jane Roe, envoy"
    then "— Jane Roe", as a news story names the role once."""
    introduced: set[str] = set()
    out = []
    for quote in quotes:
        key = _speaker_key(quote)
        out.append(replace(quote, role=None) if key in introduced else quote)
        introduced.add(key)
    return out


def _is_key_worthy(quote: Quote) -> bool:
    return bool(
        quote.speaker
        and quote.confidence is not None
        and quote.confidence >= KEY_CONFIDENCE
        and is_outright(quote.rule)
        and not quote.open_end
        and _description_kind(quote.speaker) != "anaphor"
        and _worth_showing(quote.quote)
    )


def quote_records(quotes: Sequence[Quote], key_limit: int = 3) -> list[dict[str, Any]]:
    """The quotations as JSON records; "key" marks the ones a briefing's Key quotes box prints,
    "confidence" how often the rule behind the speaker names the right person."""
    key = {q.start for q in key_quotes(quotes, limit=key_limit)}
    return [
        {"quote": q.quote, "speaker": q.speaker, "role": q.role, "rule": q.rule if q.speaker else None,
         "confidence": q.confidence if q.speaker else None, "key": q.start in key}
        for q in quotes
    ]


def _worth_showing(text: str) -> bool:
    n_words = len(_words(text))
    return n_words >= (_SHORTEST_SENTENCE if _opens_sentence(text) else _SHORTEST_FRAGMENT)


def _opens_sentence(text: str) -> bool:
    return text.lstrip("[(…. ")[:1].isupper()


def _informativeness(quote: Quote) -> tuple[int, int]:
    """Complete statements first, then longer ones up to a point; earlier ones break ties."""
    n_words = min(len(_words(quote.quote)), _LONGEST_USEFUL)
    complete = _opens_sentence(quote.quote) and quote.quote.rstrip()[-1:] in ".!?,"
    return (n_words + (_LONGEST_USEFUL if complete else 0), -quote.start)


def _speaker_key(quote: Quote) -> str:
    return (quote.speaker or "").lower()
