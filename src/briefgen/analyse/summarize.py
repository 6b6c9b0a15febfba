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
The weights were chosen on the dev benches, favouring the human-written references; Reduction
beat LexRank and TextRank as the centrality inside it (see NewsWeights).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..lexicon import alternation
from ..model import Article, ArticleDigest
from .sentences import SumyTokenizer, quotation_spans, sentence_spans
from .sentences import words as word_tokens

ALGORITHMS: tuple[str, ...] = (
    "news", "lexrank", "textrank", "lsa", "luhn", "reduction", "kl", "sumbasic", "edmundson", "lead",
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

    order: int  # index among all body sentences
    text: str  # whitespace-normalised sentence
    paragraph: int
    stems: tuple[str, ...]  # stemmed content words


@dataclass(frozen=True)
class NewsWeights:
    """How the "news" scorer weighs its evidence (defaults chosen with benchmarks/summaries.py).

    The lead prior has weight 1; the other weights are relative to it.
    """

    centrality_algorithm: str = "reduction"
    centrality: float = 0.3
    lead: float = 1.0
    lead_decay: float = 0.3  # lead prior of the k-th candidate: 1 / (1 + decay * k)
    forward: float = 1.0  # how much of what follows a sentence it announces
    short_words: int = 10  # sentences shorter or longer than this pay a length penalty
    long_words: int = 30
    length_penalty: float = 0.5
    quotation: float = 1.0  # penalty for a sentence that is mostly a direct quotation
    redundancy: float = 0.3  # MMR: charge for similarity to a sentence already picked


NEWS_WEIGHTS = NewsWeights()


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

    Each article offers its summary sentences in order (news puts the story first). With
    `length` (fewest, most characters), the sentences of that length come first, in order; then
    the longer ones, shortest first; then the shorter ones, which are more often a transition
    ("Expect pushback anyway.") than a statement of the story. A sentence too close to a key
    point already taken from another article is skipped, so several reports of one event give
    one point.
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
    if length is None:
        return list(sentences)
    fewest, most = length

    def preference(sentence: str) -> tuple[int, int]:
        size = len(sentence)
        if fewest <= size <= most:
            return 0, 0  # sorted() is stable: these keep their order
        return (1, size) if size > most else (2, -size)

    return sorted(sentences, key=preference)


def summary_candidates(article: Article) -> list[Candidate]:
    """The body sentences that may appear in a summary, in article order."""
    # Imported here: assemble needs this module's key points, and a rebuild from the cache
    # would otherwise load the whole extract stage for nothing.
    from ..extract.metadata import without_lead_dateline

    body = article.body
    title_key = _comparable(article.title or "")
    candidates: list[Candidate] = []
    paragraph = 0
    previous_end = 0
    for order, (start, end) in enumerate(sentence_spans(body)):
        if order and "\n" in body[previous_end:start]:
            paragraph += 1
        previous_end = end
        # A summary sentence may start where the dateline ends: it is still the article's words,
        # and "Geneva, Feb 6, 2026 --" is the kicker's job, not the summary's.
        text = without_lead_dateline(" ".join(body[start:end].split()))
        if title_key and _comparable(text) == title_key:
            continue
        if never_in_summary(text):
            continue
        candidates.append(Candidate(order, text, paragraph, tuple(_content_stems(text))))
    return candidates


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
_CAPTION = re.compile(
    r"\((?:file (?:image|photo|picture)|left|right|centre|center|above|below|top|bottom|"
    r"inset|second left|second right)\)|^(?:pictured|above|below|left|right|top|bottom|inset)\s*[:,]|"
    r"\b(?:AFP|AP|Reuters|Getty|EPA) (?:Photo|Images)\b|\b(?:photo|image|picture)s? (?:credit|courtesy)\b"
    r"|^(?:media|image|video) caption",
    re.IGNORECASE,
)
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
    if algorithm == "news":
        # Centrality and coverage compare every pair of sentences; past the first NEWS_READS
        # sentences a news story rarely holds a summary sentence, and a very long text would
        # otherwise take seconds.
        candidates = candidates[:NEWS_READS]
        centrality = centrality_scores(candidates, title, NEWS_WEIGHTS.centrality_algorithm)
        return rank_news(candidates, centrality, limit=limit)
    ratings = centrality_scores(candidates, title, algorithm)
    order = sorted(range(len(candidates)), key=lambda i: -ratings[i])  # stable: ties keep article order
    return [candidates[i] for i in order]


def rank_news(
    candidates: list[Candidate], centrality: list[float], weights: NewsWeights = NEWS_WEIGHTS, limit: int | None = None
) -> list[Candidate]:
    """Greedy MMR over the news score: each pick is the best remaining candidate once its
    overlap with what is already picked is charged for. Stops after `limit` picks if given."""
    vectors = [Counter(c.stems) for c in candidates]
    announces = _forward_coverage(vectors)
    base = [_news_score(k, c, centrality[k], announces[k], weights) for k, c in enumerate(candidates)]
    remaining = list(range(len(candidates)))
    picked: list[int] = []
    closest = [0.0] * len(candidates)  # highest similarity to any picked sentence
    while remaining and (limit is None or len(picked) < limit):
        best = max(remaining, key=lambda i: base[i] - weights.redundancy * closest[i])
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


def _news_score(rank: int, candidate: Candidate, centrality: float, announces: float, weights: NewsWeights) -> float:
    lead = 1.0 / (1.0 + weights.lead_decay * rank)
    size = len(candidate.text.split())
    too_short = max(0, weights.short_words - size) / weights.short_words
    excess = too_short + max(0, size - weights.long_words) / weights.long_words
    return (
        weights.lead * lead
        + weights.forward * announces
        + weights.centrality * centrality
        - weights.length_penalty * excess
        - weights.quotation * (quoted_share(candidate.text) > 0.5)
    )


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
