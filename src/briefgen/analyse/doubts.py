"""What the analysis of one article is unsure of: the doubts `briefgen check` lists.

Each stage's output carries what it knows about its own certainty (a field's provenance, how a
speaker was found); this module turns that into `Doubt`s, each with the line of corrections.toml
that settles it. Doubts never change the briefing: they are questions for the instructor, so the
rules here err on the side of asking. A stage that learns to measure its confidence (a score per
quote, per field, per sentence) adds its signal here.

Doubts that need other articles or the edition date (a duplicate, an old article) are decided
later, by briefgen.review.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .. import lexicon
from ..extract.metadata import parse_date
from ..model import Article, Doubt, Quote, TermExplanation
from .headline import DERIVED_ORIGINS
from .quotes import quoted_regions
from .sentences import outlet_tag
from .summarize import describes_the_picture

OPENING_WORDS = 4  # words of a sentence or quote that a correction quotes to find it again
# The writer's first person this many times outside quotation marks reads as an opinion piece or
# a first-person report (a news report has none; a quoted speaker's "we" is inside the marks).
FIRST_PERSON_OPINION = 2
# A speaker found by a rule right less often than this (Quote.confidence, measured on the dev
# benchmarks) is listed for review.
LOW_CONFIDENCE = 0.8

_CAPTION = re.compile("|".join(lexicon.ordered("caption_patterns")), re.IGNORECASE)
_FIRST_PERSON = lexicon.words("first_person_words")
_SCENE_OPENERS = lexicon.words("scene_openers")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# "... from the South. Surfer Shannon Aston ...": a full stop after a lower-case word, then a
# capital, inside one "sentence": two sentences the splitter did not part.
_RUN_TOGETHER = re.compile(r"[a-z]{3,}[.!?][\"'”’]?\s+[A-Z][a-z]")
# Where a quotation's sentences part: a full stop, question or exclamation mark, then a capital.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])")
_FULL_DATE_MENTION = re.compile(
    r"\b(?:[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8}\.? (?:19|20)\d\d)\b")


def article_doubts(
    article: Article, summary: Sequence[str], quotes: Sequence[Quote], terms: Sequence[TermExplanation]
) -> tuple[Doubt, ...]:
    """Everything worth a second look in one analysed article, in the order a reader meets it."""
    return (
        *metadata_doubts(article),
        *genre_doubts(article),
        *summary_doubts(summary),
        *quote_doubts(quotes, article.body),
        *box_doubts(terms),
    )


# --- title, date, outlet, author ---------------------------------------------------------------


def metadata_doubts(article: Article) -> list[Doubt]:
    doubts = []
    if article.title is None:
        doubts.append(Doubt("title", "no headline found and no text to take one from",
                            'title = "…"  # the headline as published'))
    elif article.origin("title") in DERIVED_ORIGINS:
        taken = f"the {article.origin('title')}"
        doubts.append(Doubt("title", f"no headline found: headline taken from {taken} (“{article.title}”); "
                            "give one with a title correction", 'title = "…"  # the headline as published'))
    elif article.origin("title") == "heuristic":
        doubts.append(Doubt("title", f"headline guessed from the page's lines: “{article.title}”",
                            'accept = ["title"]  # or: title = "…"'))
    if article.date is None:
        mentioned = _first_full_date(article.body)
        hint = f"  # the text mentions {mentioned[0]}" if mentioned else ""
        value = mentioned[1].isoformat() if mentioned else "YYYY-MM-DD"
        doubts.append(Doubt("date", "publication date unknown", f"date = {value}{hint}"))
    if article.source is None:
        tag = outlet_tag(article.paragraphs[0]) if article.paragraphs else None
        value = f'outlet = "{tag}"  # the text opens with its tag' if tag else 'outlet = "…"'
        doubts.append(Doubt("outlet", "outlet unknown", value))
    if article.author is None:
        doubts.append(Doubt("author", "no byline found: no author is printed",
                            'author = "…"  # or: accept = ["author"]'))
    elif not looks_like_personal_name(article.author):
        doubts.append(Doubt("author", f"the byline “{article.author}” does not look like a person's name",
                            'author = ""  # prints no byline; or the right name'))
    return doubts


def _first_full_date(text: str) -> tuple[str, dt.date] | None:
    """The first complete date the text writes ("April 9, 2015"), as written and as a date."""
    for match in _FULL_DATE_MENTION.finditer(text):
        date = parse_date(match.group())
        if date is not None:
            return match.group(), date
    return None


def looks_like_personal_name(author: str) -> bool:
    """A byline names people: capitalised words, with particles ("de", "van", "bin") and "and".
    A list (";"), a leading "The" or a lower-case common noun ("ministries") is an organisation,
    or a field the page filled with something else (a fact-check's claimant)."""
    words = author.split()
    if ";" in author or not words or words[0] == "The":
        return False
    return not any(word.isalpha() and word.islower() and len(word) > 3 for word in words)


# --- what kind of piece ------------------------------------------------------------------------


def genre_doubts(article: Article) -> list[Doubt]:
    if article.genre == "opinion":
        return [Doubt("opinion", "the page marks it as an opinion piece: it is labelled Opinion",
                      "opinion = false  # if it is a news report after all")]
    if article.genre == "fact-check":
        return [Doubt("fact-check", "a fact-check: its headline may state the claim checked, not the verdict",
                      'title = "…"  # the claim and its verdict, e.g. "False: ..."')]
    if first_person_count(article.body) >= FIRST_PERSON_OPINION:
        return [Doubt("opinion", "the writer speaks in the first person: an opinion piece, a column or a "
                      "first-person report?", "opinion = true  # labels it Opinion; or: opinion = false")]
    return []


def first_person_count(body: str) -> int:
    """How often the writer says "I" or "we" outside quotation marks."""
    kept, position = [], 0
    for region in quoted_regions(body):
        kept.append(body[position : region.opened])
        position = region.end + 1
    kept.append(body[position:])
    return sum(1 for word in _WORD.findall(" ".join(kept)) if word in _FIRST_PERSON)


# --- summary sentences -------------------------------------------------------------------------


def summary_doubts(summary: Sequence[str]) -> list[Doubt]:
    doubts = []
    seen: set[str] = set()
    for sentence in summary:
        opening = opening_words(sentence)
        drop = f'drop_sentences = ["{opening}"]'
        if reads_like_caption(sentence):
            doubts.append(Doubt("summary", f"“{opening}…” reads like a photo caption", drop, opening))
        elif outlet_tag(sentence):
            doubts.append(Doubt("summary", f"“{opening}…” opens with the outlet's tag “{outlet_tag(sentence)}”",
                                drop, opening))
        elif _RUN_TOGETHER.search(sentence):
            doubts.append(Doubt("summary", f"“{opening}…” may be two sentences printed as one", drop, opening))
        if sentence in seen:
            doubts.append(Doubt("summary", f"“{opening}…” is printed twice", drop, opening))
        seen.add(sentence)
    if summary and is_scene_setting(summary[0]) and not any(d.subject == opening_words(summary[0]) for d in doubts):
        opening = opening_words(summary[0])
        doubts.append(Doubt("summary", f"“{opening}…” names no one and nothing: a scene-setting lead, which "
                            "makes a poor key point on the first page", f'drop_sentences = ["{opening}"]', opening))
    return doubts


def is_scene_setting(sentence: str) -> bool:
    """A feature story's delayed lead sets a scene before it says who did what ("It is cold,
    remote, dangerous, and a hot spot ..."); a news lead names its actor, place or date. So an
    opening sentence that starts as a scene does ("It", "There": lexicon scene_openers), with no
    capitalised word after its first (an outlet's tag set aside) and no number, is a scene, not
    the story."""
    tag = outlet_tag(sentence)
    if tag:
        sentence = sentence[sentence.index(tag) + len(tag):].lstrip(")-–— ")
    words = sentence.split()
    if len(words) < 2 or words[0].lower() not in _SCENE_OPENERS or any(ch.isdigit() for ch in sentence):
        return False
    return not any(word.lstrip("\"'“‘(")[:1].isupper() for word in words[1:])


def reads_like_caption(sentence: str) -> bool:
    """A photo caption or credit (lexicon caption_patterns), or a bare-present description of a
    picture (summarize.describes_the_picture: the one caption test the summary, check and timeline share)."""
    return bool(_CAPTION.search(sentence)) or describes_the_picture(sentence)


def opening_words(text: str, count: int = OPENING_WORDS) -> str:
    """The first words of a sentence or quote, as a correction quotes them to find it again."""
    return " ".join(text.split()[:count]).replace('"', "'")


# --- quotes -------------------------------------------------------------------------------------

PRONOUN_RULE = "+pronoun"  # the suffix of Quote.rule when a "he" or "she" was resolved to a name


def quote_doubts(quotes: Sequence[Quote], body: str) -> list[Doubt]:
    doubts = []
    for quote in quotes:
        opening = opening_words(quote.quote)
        if quote.speaker is None and quote.unsure_speaker:
            doubts.append(Doubt("speaker", f"“{opening}…”: printed without a speaker; the rules thought of "
                                f"“{quote.unsure_speaker}”", f'[[quote]]\nstarts = "{opening}"\n'
                                f'speaker = "{quote.unsure_speaker}"  # if that is right', opening))
        reason = _speaker_doubt(quote, body)
        if reason:
            role = f'role = "{quote.role}"' if quote.role else 'role = "…"  # or leave this line out'
            correction = f'[[quote]]\nstarts = "{opening}"\nspeaker = "{quote.speaker}"  # the right speaker\n{role}'
            doubts.append(Doubt("speaker", f"“{opening}…”: the speaker “{quote.speaker}” {reason}",
                                correction, opening))
        elif quote.speaker and not quote.role:
            doubts.append(Doubt("role", f"no role found for {quote.speaker}",
                                f'roles = {{ "{quote.speaker}" = "…" }}  # or: accept = ["role"]', quote.speaker))
        if quote.quote[:1].islower():
            doubts.append(Doubt("quote", f"“{opening}…” starts mid-sentence", f'drop_quotes = ["{opening}"]', opening))
        caption = next((part for part in _SENTENCE_END.split(quote.quote)[1:]
                        if reads_like_caption(part)), None)
        if caption:
            doubts.append(Doubt("quote", f"“{opening}…” runs on into what reads like a photo caption "
                                f"(“{opening_words(caption)}…”)", f'drop_quotes = ["{opening}"]', opening))
    return doubts


def _speaker_doubt(quote: Quote, body: str) -> str | None:
    """Why the speaker may be wrong: the shape of the name first, then how it was found. A speaker
    carried from the quote before is the usual news convention and raises no doubt by itself."""
    speaker = quote.speaker
    if not speaker:
        return None
    if quote.confidence is not None and quote.confidence < LOW_CONFIDENCE:
        return f"was found by a rule that is right {quote.confidence:.0%} of the time"
    words = speaker.split()
    if len(words) == 1 and words[0][:1].isupper():
        return "is a single word: the article gives no fuller name"
    common = next((word for word in words[:-1] if word[:1].isupper()
                   and re.search(rf"\b{re.escape(word.lower())}", body)), None)
    if common:
        return f"starts with “{common}”, a word the article also writes in lower case: a role in the name?"
    if quote.rule and quote.rule.endswith(PRONOUN_RULE):
        return "was found from “he”/“she”, as the nearest person named"
    if speaker[:1].islower():
        return "is a description, not a name"
    return None


# --- context boxes ------------------------------------------------------------------------------


def box_doubts(terms: Sequence[TermExplanation]) -> list[Doubt]:
    """A box that only spells out an abbreviation tells the student nothing the article does not."""
    return [Doubt("box", f"the box “{term.term}” only spells out the abbreviation",
                  f'drop_boxes = ["{term.term}"]', term.term)
            for term in terms if term.origin == "text" and not term.definition]
