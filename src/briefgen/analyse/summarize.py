"""Extractive summaries of news articles, built on sumy.

Every summary sentence is a sentence of the article body, whitespace-normalised but otherwise as
written, and summaries keep article order. Before any algorithm runs, sentences that must never
be in a summary are set aside: the title line, bylines, datelines on their own, photo captions,
questions to the reader and leftover page furniture.

The default algorithm, "news", is built for news copy. It scores each candidate by
- the lead prior every news reader relies on: the first sentences carry the story;
- how much of the rest of the story it announces (similarity to the sentences after it);
- centrality: sumy's Reduction rating (word-overlap graph) over our offline tokenizer, with
  sumy's English stemmer and stop words;
- penalties for very short or long sentences and for sentences that are mostly a quotation
  (the briefing shows key quotes separately; summaries state what happened);
then picks greedily with a redundancy charge (MMR) so the summary does not say one thing twice.
The weights (lexicon/summaries.yaml, summary_weights 'hand') were chosen on the dev benches,
favouring the human-written references; Reduction beat LexRank and TextRank as the centrality
inside it. "news-learned" scores the same candidates with weights fitted on oracle labels of
human highlights (benchmarks/train_summary_scorer.py) over more features (sentence_features);
"news" itself ranks a summary of up to three sentences (the highlights' length) with those
weights (scorer_for): they beat the hand-chosen ones there, but not on longer summaries.

The other names run one sumy algorithm as is over the same candidate sentences; "lead" takes the
first ones. `benchmarks/summaries.py` compares them all on human and machine references.

sumy and numpy take about half a second to import, so they are imported on first use only.
"""
from __future__ import annotations

import math
import pkgutil
import re
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .. import lexicon
from ..lexicon import LexiconError, alternation
from ..model import Article, ArticleDigest
from .sentences import SumyTokenizer, quotation_spans, sentence_spans
from .sentences import words as word_tokens

ALGORITHMS: tuple[str, ...] = (
    "news", "lexrank", "textrank", "lsa", "luhn", "reduction", "kl", "sumbasic", "edmundson", "lead", "news-learned",
)
DEFAULT_ALGORITHM = "news"

# A briefing gives each article about one page: headline, summary, quotes and context boxes.
# Five sentences (about 120-150 words of news prose) leave room for the rest; short articles
# get about a third of their sentences, and always fewer than the article has.
DEFAULT_SENTENCES = 5
MIN_DEFAULT_SENTENCES = 2
DEFAULT_SHARE = 0.3

# Two key points this similar (cosine of their content words) say the same thing.
NEAR_DUPLICATE = 0.5
NEWS_READS = 120  # sentences the news scorer considers, from the top


@dataclass(frozen=True)
class Candidate:
    """A body sentence that may go into a summary."""

    order: int  # position among the candidates, in article order
    text: str  # whitespace-normalised sentence
    paragraph: int
    stems: tuple[str, ...]  # stemmed content words




def summarize(
    article: Article,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
) -> list[str]:
    """The article's summary sentences, in article order.

    Length: `sentences` (exactly that many when the article has them), `ratio` (that share of
    the sentences that may be summarised, at least one) or `words` (sentences while the total stays within that
    many words, at least one). With none of them, a length that suits one page per article.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r} (choose from {', '.join(ALGORITHMS)})")
    candidates = summary_candidates(article)
    if not candidates:
        return []
    count = _sentence_budget(len(candidates), sentences=sentences, ratio=ratio, words=words)
    ranked = _rank(candidates, article.title, algorithm, limit=None if words else count)
    chosen = _take(ranked, count, words)
    return [candidate.text for candidate in sorted(chosen, key=lambda c: c.order)]


def key_points(
    digests: Sequence[ArticleDigest], per_article: int = 1, length: tuple[int, int] | None = None
) -> list[tuple[int, str]]:
    """Up to `per_article` sentences from each digest's summary for the briefing's front page.

    Each article offers its summary sentences in order (news puts the story first), those that
    only set a scene (sets_a_scene) or open leaning on the sentence before ("They now have ...")
    last. With `length` (fewest, most characters), the sentences of that length come first, in
    order; then the longer ones, shortest first; then the shorter ones, which are more often a
    transition ("Expect pushback anyway.") than a statement of the story. A sentence too close to
    a key point already taken from another article is skipped, so several reports of one event
    give one point.
    """
    taken: list[tuple[int, str, Counter[str]]] = []
    for index, digest in enumerate(digests):
        kept = 0
        for sentence in _by_length(digest.summary, length):
            if kept >= per_article:
                break
            vector = _key_point_words(sentence)
            if any(other != index and _cosine(vector, seen) >= NEAR_DUPLICATE for other, _, seen in taken):
                continue
            taken.append((index, sentence, vector))
            kept += 1
    return [(index, sentence) for index, sentence, _ in taken]


def _by_length(sentences: Sequence[str], length: tuple[int, int] | None) -> list[str]:
    """Sentences that state news on their own before those that set a scene or lean on the
    sentence before them, then by length."""
    if length is None:
        return sorted(sentences, key=_not_a_point)  # sorted() is stable: the rest keep their order
    fewest, most = length

    def preference(sentence: str) -> tuple[bool, int, int]:
        size = len(sentence)
        if fewest <= size <= most:
            return _not_a_point(sentence), 0, 0
        return (_not_a_point(sentence), 1, size) if size > most else (_not_a_point(sentence), 2, -size)

    return sorted(sentences, key=preference)


def _not_a_point(sentence: str) -> bool:
    words = word_tokens(sentence)
    return sets_a_scene(sentence) or (bool(words) and words[0].lower() in _DEPENDENT_OPENERS)


def sets_a_scene(sentence: str) -> bool:
    """True for a sentence that names no one, no place and no figure ("It is cold, remote and
    dangerous."): a feature lead's scene-setting, which news writing follows with the point."""
    later = word_tokens(without_outlet_opener(sentence))[1:]
    return not any(word[:1].isupper() or word[:1].isdigit() for word in later)


def summary_candidates(article: Article) -> list[Candidate]:
    """The body sentences that may appear in a summary, in article order.

    Each sentence is whitespace-normalised; a dateline or an outlet's name opening it is cut
    ("(CNN) The talks ..." -> "The talks ..."); two sentences the splitter left together are
    split; furniture (never_in_summary), photo captions after the first sentence
    (describes_the_picture) and repeats of an earlier sentence are left out.
    """
    # Imported here: assemble needs this module's key points, and a rebuild from the cache
    # would otherwise load the whole extract stage for nothing.
    from ..extract.metadata import without_lead_dateline

    body = article.body
    title_key = _comparable(article.title or "")
    candidates: list[Candidate] = []
    seen: list[set[str]] = []
    paragraph = 0
    previous_end = 0
    for start, end in sentence_spans(body):
        if candidates and "\n" in body[previous_end:start]:
            paragraph += 1
        previous_end = end
        # A summary sentence may start where the dateline ends: it is still the article's words,
        # and "Geneva, Feb 6, 2026 --" is the kicker's job, not the summary's.
        text = without_outlet_opener(without_lead_dateline(" ".join(body[start:end].split())))
        for piece in split_run_together(text):
            if title_key and _comparable(piece) == title_key:
                continue
            if never_in_summary(piece) or (candidates and describes_the_picture(piece)):
                continue  # a caption in the bare present ("Two surfers ride ..."), after the lead
            words = set(_comparable(piece).split())
            if any(_jaccard(words, other) >= REPEATED_SENTENCE for other in seen):
                continue  # the same sentence again (pasted twice, or a caption that repeats it)
            seen.append(words)
            candidates.append(Candidate(len(candidates), piece, paragraph, tuple(_content_stems(piece))))
    return candidates


# Two sentences sharing this share of their words (Jaccard) are one sentence told twice.
REPEATED_SENTENCE = 0.85
_OUTLET_OPENER = re.compile(rf"^{alternation('outlet_openers')}")


def without_outlet_opener(sentence: str) -> str:
    """`sentence` without an outlet's name or dateline before its first word: "(CNN) The talks"
    and "WASHINGTON (Reuters) - The talks" give "The talks"."""
    match = _OUTLET_OPENER.match(sentence)
    if match is None or len(word_tokens(sentence[match.end():])) < MIN_WORDS:
        return sentence
    return sentence[match.end():]


# "... from the South. Surfer Shannon Aston ...": a full stop after a capitalised word, before a
# capitalised word, that the splitter took for an abbreviation's.
_RUN_TOGETHER = re.compile(r"\b([A-Z][a-z]{3,})\.\s+(?=[A-Z][a-z]+\b)")


def split_run_together(sentence: str) -> list[str]:
    """`sentence` cut where one sentence ends and the next begins inside it: a full stop after a
    capitalised word that is no abbreviation, outside quotation marks, before a capital."""
    from .sentences import _is_abbreviation

    quoted = quotation_spans(sentence)
    pieces: list[str] = []
    start = 0
    for stop in _RUN_TOGETHER.finditer(sentence):
        cut = stop.start() + len(stop.group(1)) + 1
        if _is_abbreviation(stop.group(1)) or any(lo < cut < hi for lo, hi in quoted):
            continue
        pieces.append(sentence[start:cut].strip())
        start = stop.end()
    pieces.append(sentence[start:].strip())
    return [piece for piece in pieces if piece]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --- what never goes into a summary -------------------------------------------------------

_BYLINE = re.compile(
    rf"^{alternation('byline_openers')}\s+[\w.'’\- ]{{2,60}}$|^by\s*\."
    # "By HNN Staff | November 18, 2019 at 2:26 PM - Updated ...": a byline carrying the timestamp
    r"|^by\s+[^.!?|]{2,60}\|",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(rf"^{alternation('timestamp_labels')}\b", re.IGNORECASE)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
# "Moscow (AFP) Nov 4, 2001", "GENEVA, March 3, 2024 --": a place, a source or a date, nothing else.
_DATELINE_ALONE = re.compile(
    rf"^[A-Z][\w.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?\s*"
    rf"(?:\([\w.&/ -]{{2,30}}\)\s*[-–—,:]?\s*(?:{_DATE})?|[-–—,:]?\s*{_DATE})\s*[-–—:]*$"
)
_CAPTION = re.compile(alternation("summary_captions"), re.IGNORECASE)
_FURNITURE = re.compile(rf"\b{alternation('furniture_phrases')}\b", re.IGNORECASE)
# Notes about the article rather than the news: "Editor's note: ...", "This story has been updated."
_NOTE_ABOUT_THE_ARTICLE = re.compile(
    rf"^{alternation('article_note_labels')}\s*:|\b{alternation('about_the_article')}\b", re.IGNORECASE
)
# "Heartbroken: The singer leaves the court on Monday." A caption's label, or a heading run into
# its text: one to three words and a colon; "He added: ..." introduces a quotation instead.
_LABEL = re.compile(r"^([A-Z][\w'’&-]*(?: [\w'’&-]+){0,2}):\s+\S")
_SAYING = re.compile(
    r"\b(?:s[ae]id|says?|told|tells?|add(?:s|ed)?|explain\w*|wr[io]tes?|written|tweet\w*|asks?|asked|"
    r"insist\w*|claim\w*|according|jok\w+|complain\w*|warn\w*|admit\w*|stat\w+|announc\w+|recall\w*|"
    r"not\w+|argu\w+|conclud\w+|reveal\w*|declar\w+|quipp\w+|continu\w+|repl\w+|describ\w+|put it)\b",
    re.IGNORECASE,
)
_READER = re.compile(rf"\b{alternation('reader_address')}\b", re.IGNORECASE)
# "Here are the main points:" announces what follows and says nothing by itself.
_INTRODUCES_WHAT_FOLLOWS = re.compile(r":[\W_]*$")
# A short line without sentence punctuation is a heading, a menu entry or a list item.
_ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
HEADING_MAX_WORDS = 12
MIN_WORDS = 5


def never_in_summary(sentence: str) -> bool:
    """True for a sentence no summary should carry, whatever its score."""
    stripped = sentence.strip()
    size = len(word_tokens(stripped))
    if size < MIN_WORDS:
        return True  # fragments: "Scroll down.", "By . Daily Mail Reporter ."
    if size <= HEADING_MAX_WORDS and not _ENDS_LIKE_A_SENTENCE.search(stripped):
        return True
    if _BYLINE.match(stripped) or _TIMESTAMP.match(stripped) or _DATELINE_ALONE.match(stripped):
        return True
    if any(p.search(stripped) for p in (_CAPTION, _FURNITURE, _NOTE_ABOUT_THE_ARTICLE, _INTRODUCES_WHAT_FOLLOWS)):
        return True
    return _is_labelled(stripped) or _asks_the_reader(stripped)


# --- photo captions: the picture described, not news reported --------------------------------
#
# A caption says what the picture shows, subject first, in the simple present ("Two inspectors
# walk along the fence.", "Hikers cross the pass above the base."); it reports nothing, so it has
# no finite past, perfect or future (lexicon tense_markers), no verb of saying and no verb of
# thinking or deciding (caption_stance_verbs). A word in "-ed" right after a plural noun
# describes that noun ("beaches scattered along the coast", "trucks parked by the gate"), so it
# is no past tense there. Only sentences after the lead are tested: a lead is the story's own.

_TENSE_MARKERS = lexicon.words("tense_markers")
_CAPTION_OPENERS = lexicon.words("caption_openers")
_STANCE = re.compile(rf"\b{alternation('caption_stance_verbs')}\b", re.IGNORECASE)
_CAPTION_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
CAPTION_SUBJECT_WORDS = 3  # "A group of soldiers": the verb after these is the caption's own
PLURAL_MIN_LETTERS = 4  # "huts", "cars"; "bus" and "gas" are no plurals
PAST_MIN_LETTERS = 5  # "-ed" on a shorter word is seldom a past tense ("red", "bed")


def describes_the_picture(sentence: str) -> bool:
    """True for a photo caption: an indefinite subject ("Two surfers", "A crowd", "Surfers") and
    a bare present verb, with nothing in the sentence that reports (see above)."""
    words = _CAPTION_WORD.findall(sentence)
    if len(words) < 2 or not _indefinite_subject(words):
        return False
    if _SAYING.search(sentence) or _STANCE.search(sentence):
        return False
    lowered = [word.lower() for word in words]
    if any(word in _TENSE_MARKERS for word in lowered):
        return False
    return not _has_regular_past(lowered)


def _indefinite_subject(words: list[str]) -> bool:
    """An article or a number ("A", "Two"), or a bare plural noun followed by its plural verb
    ("Surfers ride"): a lower-case word after it that is neither a function word nor a past."""
    first, second = words[0].lower(), words[1]
    if first in _CAPTION_OPENERS:
        return True
    if "'" in first or "’" in first:
        return False  # a possessive ("Veld's offer") qualifies the noun after it: no plural subject
    # the verb agrees with a plural ("Surfers ride"); "Roberts walks" is a name and its verb
    verb = second.islower() and second not in _stop_words() and not second.endswith("ed")
    return _plural_noun(first) and verb and (second.endswith("ss") or not second.endswith("s"))


def _has_regular_past(words: list[str]) -> bool:
    """A word in "-ed" that is a past tense: not one that describes the plural noun before it (or
    the participle before it) past the subject's verb ("... beaches scattered along ...", "...
    trucks parked there"; in "Two ministers signed", "signed" is the subject's verb)."""
    describes = False
    for k, word in enumerate(words[1:], start=1):
        if len(word) < PAST_MIN_LETTERS or not word.endswith("ed"):
            describes = False
            continue
        describes = k > CAPTION_SUBJECT_WORDS and (describes or _plural_noun(words[k - 1]))
        if not describes:
            return True
    return False


def _plural_noun(word: str) -> bool:
    if len(word) < PLURAL_MIN_LETTERS or word in _stop_words():
        return False
    return word.endswith("s") and not word.endswith("ss")


def _is_labelled(sentence: str) -> bool:
    label = _LABEL.match(sentence)
    return label is not None and _SAYING.search(label.group(1)) is None


def _asks_the_reader(sentence: str) -> bool:
    """A question put to the reader ("Have you been affected?"), not one quoted from a source."""
    if not sentence.rstrip("\"'”’ ").endswith("?"):
        return False
    return sentence[0] not in "\"'“‘" and _READER.search(sentence) is not None


# --- length ---------------------------------------------------------------------------------


def _sentence_budget(available: int, *, sentences: int | None, ratio: float | None, words: int | None) -> int:
    if sentences is not None:
        if sentences < 1:
            raise ValueError("the number of summary sentences must be at least 1")
        return min(sentences, available)
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("the summary ratio must be between 0 and 1")
        return max(1, min(available, round(ratio * available)))
    if words is not None:
        if words < 1:
            raise ValueError("the summary word budget must be at least 1")
        return available  # the word budget, not a count, stops the selection
    share = max(MIN_DEFAULT_SENTENCES, round(DEFAULT_SHARE * available))
    return max(1, min(DEFAULT_SENTENCES, share, available - 1))


def _take(ranked: list[Candidate], count: int, word_budget: int | None) -> list[Candidate]:
    """The first `count` ranked candidates; with a word budget, the best ones that fit it (at
    least one), skipping a long sentence for a shorter one further down."""
    if word_budget is None:
        return ranked[:count]
    chosen: list[Candidate] = []
    used = 0
    for candidate in ranked:
        size = len(candidate.text.split())
        if chosen and used + size > word_budget:
            continue
        chosen.append(candidate)
        used += size
        if len(chosen) == count:
            break
    return chosen


# --- ranking --------------------------------------------------------------------------------


def _rank(candidates: list[Candidate], title: str | None, algorithm: str, limit: int | None) -> list[Candidate]:
    """Candidates best first as the chosen algorithm sees them (at least the first `limit`)."""
    if algorithm == "lead":
        return list(candidates)
    if algorithm in SCORERS:
        # Centrality and coverage compare every pair of sentences; past the first NEWS_READS
        # sentences a news story rarely holds a summary sentence, and a very long text would
        # otherwise take seconds.
        candidates = candidates[:NEWS_READS]
        features = sentence_features(candidates, centrality_scores(candidates, title, CENTRALITY_ALGORITHM))
        return rank_news(candidates, features, scorer_weights(scorer_for(algorithm, limit)), limit=limit)
    ratings = centrality_scores(candidates, title, algorithm)
    order = sorted(range(len(candidates)), key=lambda i: -ratings[i])  # stable: ties keep article order
    return [candidates[i] for i in order]


# --- the news scorer -------------------------------------------------------------------------
#
# Each candidate is described by the features below; its score is their weighted sum, with the
# weights of lexicon/summaries.yaml (table summary_weights): the "hand" ones chosen with the dev
# benches (the default algorithm, "news"), and the "learned" ones fitted by
# benchmarks/train_summary_scorer.py on oracle labels of human-written highlights ("news-learned").
# The picks are then made greedily with a redundancy charge (MMR) so a summary does not say one
# thing twice.

CENTRALITY_ALGORITHM = "reduction"  # sumy's word-overlap graph: beat LexRank and TextRank as a feature
SHORT_WORDS = 10  # a sentence shorter than this is often a fragment or a transition
LONG_WORDS = 30  # one longer than this packs several facts, or a caption run into text
FEATURES: tuple[str, ...] = (
    "lead", "first", "second", "third", "position", "forward", "centrality",
    "length", "short", "long", "quoted", "mostly_quoted", "numbers", "names", "dependent",
    "attribution", "topic", "length_squared", "first_person", "question", "fourth", "fifth",
    "lead_similarity", "early_names", "early_length", "name_count", "number_count",
)
# algorithm -> column of summary_weights. The learned weights beat the hand-chosen ones on human
# highlights nobody tuned on, but fall below LexRank on the BBC bench's longer summaries: the
# default, "news", uses them for short summaries only (scorer_for).
SCORERS = {"news": "hand", "news-learned": "learned"}
_DEPENDENT_OPENERS = lexicon.words("dependent_openers")
_FIRST_PERSON = frozenset(word.lower() for word in lexicon.words("first_person_words"))


def sentence_features(candidates: list[Candidate], centrality: list[float]) -> list[list[float]]:
    """One row per candidate, one value per name of FEATURES (most of them 0..1):

    lead (1 / (1 + 0.3 k) for the k-th candidate), first / second / third (the first three
    candidates), position (k / number of candidates), forward (how much of the rest of the story
    it announces), centrality (sumy's Reduction rating), length (words / 30, at most 2), short
    and long (how far it falls below 10 or above 30 words), quoted (share inside quotation
    marks), mostly_quoted (more than half), numbers (has a figure), names (share of its words,
    after the first, that are capitalised), dependent (opens with a pronoun or a connective),
    attribution (has a verb of saying), topic (mean frequency in the article of its content
    words, relative to the highest), length_squared (length squared), first_person (the writer's
    I or we outside quotation marks), question (ends with a question mark), fourth / fifth (the
    4th and 5th candidates), lead_similarity (cosine of its content words with the first
    candidate's; 0 for the first), early_names and early_length (names and length times lead),
    name_count (capitalised words after the first, up to 6, / 6), number_count (figures, up to
    3, / 3).
    """
    vectors = [Counter(c.stems) for c in candidates]
    announces = _forward_coverage(vectors)
    frequency: Counter[str] = Counter()
    for vector in vectors:
        frequency.update(vector.keys())
    topic = [sum(frequency[w] for w in c.stems) / len(c.stems) if c.stems else 0.0 for c in candidates]
    top_topic = max(topic, default=0.0) or 1.0
    rows = []
    for k, candidate in enumerate(candidates):
        tokens = word_tokens(candidate.text)
        size = len(candidate.text.split())
        share = quoted_share(candidate.text)
        later = tokens[1:]
        names = sum(1 for w in later if w[:1].isupper())
        lead = 1.0 / (1.0 + 0.3 * k)
        length = min(size, 2 * LONG_WORDS) / LONG_WORDS
        rows.append([
            1.0 / (1.0 + 0.3 * k),
            float(k == 0),
            float(k == 1),
            float(k == 2),
            k / len(candidates),
            announces[k],
            centrality[k],
            min(size, 2 * LONG_WORDS) / LONG_WORDS,
            max(0, SHORT_WORDS - size) / SHORT_WORDS,
            max(0, size - LONG_WORDS) / LONG_WORDS,
            share,
            float(share > 0.5),
            float(any(ch.isdigit() for ch in candidate.text)),
            sum(1 for w in later if w[:1].isupper()) / len(later) if later else 0.0,
            float(bool(tokens) and tokens[0].lower() in _DEPENDENT_OPENERS),
            float(_SAYING.search(candidate.text) is not None),
            topic[k] / top_topic,
            (min(size, 2 * LONG_WORDS) / LONG_WORDS) ** 2,
            float(any(w.lower() in _FIRST_PERSON for w in word_tokens(_outside_quotes(candidate.text)))),
            float(candidate.text.rstrip("\"'”’ )").endswith("?")),
            float(k == 3),
            float(k == 4),
            _cosine(vectors[k], vectors[0]) if k else 0.0,
            lead * (names / len(later) if later else 0.0),
            lead * length,
            min(names, 6) / 6,
            min(sum(1 for w in tokens if w[:1].isdigit()), 3) / 3,
        ])
    return rows


def scorer_for(algorithm: str, count: int | None) -> str:
    """The scorer that ranks a summary of `count` sentences (None: a word budget) for `algorithm`.

    The learned weights were fitted on oracle labels of three-sentence highlights
    (benchmarks/train_summary_scorer.py): they are trusted for summaries up to that length
    (table summary_length_switch), and a longer summary, which reaches past the lead into the
    body, is ranked by the hand-chosen weights, which lean on centrality and coverage instead.
    """
    switch = _length_switch(algorithm)
    if switch is None or count is None:
        return algorithm
    short, up_to = switch
    return short if count <= up_to else algorithm


@cache
def _length_switch(algorithm: str) -> tuple[str, int] | None:
    """(scorer for short summaries, their longest length) of `algorithm`, checked once a process."""
    switch = lexicon.rows("summary_length_switch").get(algorithm)
    if switch is None:
        return None
    if switch.get("short") not in SCORERS or not isinstance(switch.get("up_to"), int):
        raise LexiconError(f"summaries.yaml: summary_length_switch: {algorithm}: "
                           f"needs up_to and a scorer of {sorted(SCORERS)}")
    return str(switch["short"]), int(switch["up_to"])


@cache
def scorer_weights(algorithm: str) -> tuple[tuple[float, ...], float]:
    """(weight of each feature, redundancy charge) of a scorer, read from lexicon/summaries.yaml."""
    return _weights_from(lexicon.rows("summary_weights"), lexicon.rows("summary_selection"), SCORERS[algorithm])


def _weights_from(
    weights: Mapping[str, Mapping[str, Any]], selection: Mapping[str, Mapping[str, Any]], column: str
) -> tuple[tuple[float, ...], float]:
    """The weights of one column, checked: one finite number per feature, no unknown feature."""
    unknown = sorted(set(weights) - set(FEATURES))
    missing = [name for name in FEATURES if name not in weights]
    if unknown or missing:
        raise LexiconError(f"summaries.yaml: summary_weights: unknown {unknown}, missing {missing}")
    values = []
    for name in (*FEATURES, "redundancy"):
        row = selection.get(name, {}) if name == "redundancy" else weights[name]
        value = row.get(column)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise LexiconError(f"summaries.yaml: {name}: '{column}' must be a number, not {value!r}")
        values.append(float(value))
    return tuple(values[:-1]), values[-1]


def rank_news(
    candidates: list[Candidate],
    features: list[list[float]],
    weights: tuple[tuple[float, ...], float],
    limit: int | None = None,
) -> list[Candidate]:
    """Greedy MMR over the weighted features: each pick is the best remaining candidate once its
    overlap with what is already picked is charged for. Stops after `limit` picks if given."""
    coefficients, redundancy = weights
    vectors = [Counter(c.stems) for c in candidates]
    base = [sum(w * x for w, x in zip(coefficients, row, strict=True)) for row in features]
    remaining = list(range(len(candidates)))
    picked: list[int] = []
    closest = [0.0] * len(candidates)  # highest similarity to any picked sentence
    while remaining and (limit is None or len(picked) < limit):
        best = max(remaining, key=lambda i: base[i] - redundancy * closest[i])
        remaining.remove(best)
        picked.append(best)
        for i in remaining:
            closest[i] = max(closest[i], _cosine(vectors[i], vectors[best]))
    return [candidates[i] for i in picked]


def _forward_coverage(vectors: list[Counter[str]]) -> list[float]:
    """How much each sentence resembles the sentences after it, rescaled to 0..1.

    A news lead announces what the rest of the story develops; a sentence that only echoes
    what came before it adds detail, not substance.
    """
    total = [0.0] * len(vectors)
    for i, vector in enumerate(vectors):
        for j in range(i + 1, len(vectors)):
            total[i] += _cosine(vector, vectors[j])
    top = max(total, default=0.0)
    return [t / top for t in total] if top > 0 else total


def _outside_quotes(sentence: str) -> str:
    spans = quotation_spans(sentence)
    return "".join(sentence[start:stop] for start, stop in zip([0, *(c + 1 for _, c in spans)],
                                                                [*(o for o, _ in spans), len(sentence)], strict=True))


def quoted_share(sentence: str) -> float:
    """The share of the sentence's characters inside quotation marks."""
    inside = sum(close - start for start, close in quotation_spans(sentence))
    return min(1.0, inside / max(1, len(sentence)))


def centrality_scores(candidates: list[Candidate], title: str | None, algorithm: str) -> list[float]:
    """Each candidate's rating by a sumy algorithm, rescaled to 0..1 (1 = the algorithm's favourite)."""
    if len(candidates) == 1:
        return [1.0]
    ratings = _sumy_ratings(candidates, title, algorithm)
    low, high = min(ratings), max(ratings)
    if math.isclose(low, high):
        return [0.0] * len(ratings)
    return [(r - low) / (high - low) for r in ratings]


def _sumy_ratings(candidates: list[Candidate], title: str | None, algorithm: str) -> list[float]:
    """sumy's own rating of every candidate: its summarizers rank all sentences and keep the
    top ones through a callable count, which we hand a function that keeps them all."""
    document = _sumy_document(candidates, title)
    captured: list[Any] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        captured.extend(infos)
        return infos

    with warnings.catch_warnings():
        # LSA warns when an article has fewer distinct words than sentences; it still rates them.
        warnings.simplefilter("ignore", UserWarning)
        _sumy_summarizer(algorithm)(document, keep_all)
    ratings = [0.0] * len(candidates)
    for info in captured:
        ratings[info.order] = float(info.rating)
    return ratings


def _sumy_document(candidates: list[Candidate], title: str | None) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = SumyTokenizer()
    paragraphs: list[list[Any]] = []
    if title:  # Edmundson's title method reads the headings
        paragraphs.append([Sentence(title, tokenizer, is_heading=True)])
    last_paragraph = None
    for candidate in candidates:
        if candidate.paragraph != last_paragraph:
            paragraphs.append([])
            last_paragraph = candidate.paragraph
        paragraphs[-1].append(Sentence(candidate.text, tokenizer))
    return ObjectDocumentModel([Paragraph(sentences) for sentences in paragraphs])


@cache
def _sumy_summarizer(algorithm: str) -> Callable[..., Any]:
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer, "reduction": ReductionSummarizer, "kl": KLSummarizer,
        "sumbasic": SumBasicSummarizer,
    }
    stemmer = _stemmer()
    if algorithm == "edmundson":
        # Cue and key methods need word lists tuned per corpus; title words and location carry it.
        summarizer = EdmundsonSummarizer(stemmer, cue_weight=0.0, key_weight=0.0, title_weight=1.0, location_weight=1.0)
        summarizer.null_words = _stop_words()
        return summarizer
    summarizer = classes[algorithm](stemmer)
    summarizer.stop_words = _stop_words()
    return summarizer


# --- words ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """sumy's English stop words, read from its data file: sumy.utils would import requests too."""
    data = pkgutil.get_data("sumy", "data/stopwords/english.txt") or b""
    return frozenset(word.rstrip() for word in data.decode("utf-8").splitlines() if word)


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """sumy's English (Snowball) stemmer, memoised: stemming is most of sumy's running time
    and news repeats its words."""
    from sumy.nlp.stemmers import Stemmer

    return lru_cache(maxsize=100_000)(Stemmer("english"))


def _content_stems(sentence: str) -> list[str]:
    stop = _stop_words()
    stem = _stemmer()
    return [stem(w) for w in (w.lower() for w in word_tokens(sentence)) if w not in stop and not w.isdigit()]


def _key_point_words(sentence: str) -> Counter[str]:
    """Content words for spotting one event told twice. No stemmer, only a plural "s" dropped:
    this runs in the main process of every build, where sumy's stemmer would load NLTK (half a
    second) for a comparison that near-identical sentences pass anyway."""
    stop = _stop_words()
    words = (w.lower() for w in word_tokens(sentence))
    return Counter(_singular(w) for w in words if w not in stop and w.isalpha())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
