"""corrections.toml: the instructor's corrections, applied to every build after the analysis.

The file sits in the articles folder, one section per article file:

    ["dmz-surfing-north-korea.txt"]
    title = "Surfing beside the DMZ"
    drop_sentences = ["Two surfers ride"]          # found by their opening words
    speakers = { "Surfer Shannon Aston" = "Shannon Aston" }

    [["dmz-surfing-north-korea.txt".quote]]
    starts = "There was never much"
    role = "a surfer from New Zealand"

Corrections are applied to the analysis (cached or fresh) every time, never stored in it, so
they survive any rebuild, with or without the cache. A correction that finds nothing to correct
(the article changed, a sentence is no longer in the summary) is a warning naming it. The
file is checked whole before anything runs: every mistake is reported at once, one line each.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..analyse.headline import with_headline
from ..errors import ConfigError
from ..model import Article, ArticleDigest, Doubt, Question, Quote

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

CORRECTIONS_NAME = "corrections.toml"

_TEXT_KEYS = ("title", "author", "outlet", "url", "section")
_CLEARABLE = ("author", "outlet", "url")  # "" prints none: a wrong byline is worse than no byline
_LIST_KEYS = ("drop_sentences", "pin_sentences", "drop_quotes", "pin_quotes", "drop_boxes", "accept")
_MAPPING_KEYS = ("speakers", "roles")
_QUOTE_KEYS = ("starts", "speaker", "role", "drop", "pin")
_KNOWN_KEYS = (*_TEXT_KEYS, "source", "date", "opinion", "order", "skip", *_LIST_KEYS, *_MAPPING_KEYS,
               "notes", "questions", "quote")


@dataclass(frozen=True)
class QuoteFix:
    """A `[[FILE.quote]]` table: one quotation, found by its opening words, and what to change."""

    starts: str
    speaker: str | None = None
    role: str | None = None
    drop: bool = False
    pin: bool = False


@dataclass(frozen=True)
class Correction:
    """Everything corrections.toml says about one article file; None and () change nothing."""

    file: str
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None  # "" removes the byline
    outlet: str | None = None  # "" removes it
    url: str | None = None
    opinion: bool | None = None
    section: str | None = None
    order: int | None = None
    skip: bool | None = None
    drop_sentences: tuple[str, ...] = ()
    pin_sentences: tuple[str, ...] = ()
    drop_quotes: tuple[str, ...] = ()
    pin_quotes: tuple[str, ...] = ()
    drop_boxes: tuple[str, ...] = ()
    speakers: tuple[tuple[str, str], ...] = ()  # (name printed, right name) everywhere in the article
    roles: tuple[tuple[str, str], ...] = ()  # (speaker, role)
    quotes: tuple[QuoteFix, ...] = ()
    notes: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    accept: tuple[str, ...] = ()  # doubt kinds the instructor has checked and accepts as they are


@dataclass(frozen=True)
class Corrections:
    path: Path | None = None
    by_file: tuple[tuple[str, Correction], ...] = ()

    def get(self, name: str) -> Correction | None:
        return next((c for f, c in self.by_file if f == name), None)

    def name(self) -> str:
        return self.path.name if self.path else CORRECTIONS_NAME


NO_CORRECTIONS = Corrections()


# --- reading the file ---------------------------------------------------------------------------


def load_corrections(folder: Path, path: Path | None = None) -> Corrections:
    """The corrections in `path` (or FOLDER/corrections.toml when present); none without a file."""
    explicit = path is not None
    path = path or folder / CORRECTIONS_NAME
    if not explicit and not path.is_file():
        return NO_CORRECTIONS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("corrections file not found", path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the corrections file ({error})", path) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML ({error}); put each file name in quotes: [\"name.txt\"]", path) from None
    except RecursionError:  # tomllib reads nested lists and tables recursively
        raise ConfigError("not read: lists or tables nested hundreds of levels deep", path) from None
    corrections, problems = [], []
    for name, table in data.items():
        if not isinstance(table, dict):
            problems.append(f"'{name}' is not a section: write [\"{name}\"] on a line of its own, then its corrections")
            continue
        correction, found = _correction(name, table)
        corrections.append((name, correction))
        problems += [f'["{name}"] {problem}' for problem in found]
    if problems:
        raise ConfigError("\n".join(f"{path.name}: {problem}" for problem in problems))
    return Corrections(path, tuple(corrections))


def _correction(name: str, table: dict[str, Any]) -> tuple[Correction, list[str]]:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in table.items():
        if key not in _KNOWN_KEYS:
            problems.append(f"unknown key '{key}' (known: {', '.join(sorted(_KNOWN_KEYS))})")
            continue
        # "source" as in front matter; [["FILE".quote]] tables fill `quotes`.
        target = {"source": "outlet", "quote": "quotes"}.get(key, key)
        checked, problem = _check(key, value)
        if problem:
            problems.append(f"key '{key}': {problem}")
        else:
            values[target] = checked
    return Correction(file=name, **values), problems


def _check(key: str, value: Any) -> tuple[Any, str | None]:  # noqa: C901 - one branch per kind of key
    if key in (*_TEXT_KEYS, "source"):
        if not isinstance(value, str):
            return None, "expected a text in quotes"
        text = " ".join(value.split())
        if not text and key not in (*_CLEARABLE, "source"):
            return None, "expected a non-empty text"
        return text, None
    if key == "date":
        if isinstance(value, dt.datetime):
            return value.date(), None
        if isinstance(value, dt.date):
            return value, None
        return None, "expected a date such as 2015-04-09 (without quotes)"
    if key in ("opinion", "skip"):
        return (value, None) if isinstance(value, bool) else (None, "expected true or false")
    if key == "order":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return None, "expected a whole number from 1"
        return value, None
    if key in _LIST_KEYS:
        return _texts(value)
    if key in _MAPPING_KEYS:
        if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
            return None, 'expected { "name" = "text", ... }'
        return tuple((" ".join(k.split()), " ".join(v.split())) for k, v in value.items()), None
    if key == "notes":
        return _texts([value] if isinstance(value, str) else value)
    if key == "questions":
        return _questions(value)
    return _quote_fixes(value)


def _texts(value: Any) -> tuple[tuple[str, ...] | None, str | None]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        return None, 'expected a list of texts: ["...", "..."]'
    return tuple(" ".join(item.split()) for item in value), None


def _questions(value: Any) -> tuple[tuple[Question, ...] | None, str | None]:
    if not isinstance(value, list):
        return None, 'expected a list: ["question", { ask = "question", answer = "answer" }]'
    questions = []
    for item in value:
        if isinstance(item, str) and item.strip():
            questions.append(Question(" ".join(item.split())))
        elif isinstance(item, dict) and isinstance(item.get("ask"), str) and set(item) <= {"ask", "answer"}:
            answer = item.get("answer")
            if answer is not None and not isinstance(answer, str):
                return None, "an answer must be a text"
            questions.append(Question(" ".join(item["ask"].split()), " ".join(answer.split()) if answer else None))
        else:
            return None, 'each question is a text, or { ask = "...", answer = "..." }'
    return tuple(questions), None


def _quote_fixes(value: Any) -> tuple[tuple[QuoteFix, ...] | None, str | None]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return None, 'expected [["FILE".quote]] tables, each with starts = "opening words"'
    fixes = []
    for item in value:
        unknown = sorted(set(item) - set(_QUOTE_KEYS))
        if unknown:
            return None, f"unknown key '{unknown[0]}' in a quote table (known: {', '.join(_QUOTE_KEYS)})"
        if not isinstance(item.get("starts"), str) or not item["starts"].strip():
            return None, 'each quote table needs starts = "the opening words of the quote"'
        texts = {k: item[k] for k in ("speaker", "role") if k in item}
        flags = {k: item[k] for k in ("drop", "pin") if k in item}
        if not all(isinstance(v, str) and v.strip() for v in texts.values()):
            return None, "a quote's speaker and role are texts"
        if not all(isinstance(v, bool) for v in flags.values()):
            return None, "a quote's drop and pin are true or false"
        speaker, role = (" ".join(texts[k].split()) if k in texts else None for k in ("speaker", "role"))
        fixes.append(QuoteFix(" ".join(item["starts"].split()), speaker, role, flags.get("drop", False),
                              flags.get("pin", False)))
    return tuple(fixes), None


# --- applying them ------------------------------------------------------------------------------


@dataclass
class _Applied:
    """One article being corrected: the digest so far and the corrections that found nothing."""

    digest: ArticleDigest
    correction: Correction
    unmatched: list[str] = field(default_factory=list)
    # How many sentences and quotes the briefing prints (the first ones); pinned ones must be among them.
    limits: tuple[int | None, int | None] = (None, None)

    def miss(self, key: str, value: str, what: str) -> None:
        self.unmatched.append(f'["{self.correction.file}"] {key} "{value}": {what}')


def apply_correction(
    digest: ArticleDigest, correction: Correction, summary_limit: int | None = None, quote_limit: int | None = None
) -> tuple[ArticleDigest, list[str]]:
    """The digest as corrected, and one line per correction that matched nothing (without the
    corrections file's name, which the caller adds). With the limits of the settings (the briefing
    prints the first `summary_limit` sentences and `quote_limit` quotes), the sentences and quotes
    not pinned make room for the pinned ones."""
    work = _Applied(replace(digest, article=_corrected_article(digest.article, correction)), correction,
                    limits=(summary_limit, quote_limit))
    _correct_summary(work)
    _correct_quotes(work)
    _correct_boxes(work)
    work.digest = replace(
        work.digest,
        notes=correction.notes,
        questions=correction.questions,
        section=correction.section if correction.section is not None else work.digest.section,
    )
    work.digest = replace(work.digest, doubts=tuple(d for d in digest.doubts if not _settled(d, work)))
    return work.digest, work.unmatched


# A correction setting one of these keys settles the doubts of these kinds.
_SETTLED_BY_KEY = {"title": ("title", "fact-check"), "date": ("date",), "author": ("author",),
                   "outlet": ("outlet",), "opinion": ("opinion",)}


def _settled(doubt: Doubt, work: _Applied) -> bool:
    """Is the doubt answered: accepted, corrected, or about something no longer printed?"""
    correction, digest = work.correction, work.digest
    if doubt.kind in correction.accept:
        return True
    if any(getattr(correction, key) is not None and doubt.kind in kinds for key, kinds in _SETTLED_BY_KEY.items()):
        return True
    if doubt.kind == "summary":
        pinned = any(starts_with(doubt.subject, words) for words in correction.pin_sentences)
        return pinned or not any(starts_with(sentence, doubt.subject) for sentence in digest.summary)
    if doubt.kind in ("speaker", "quote"):
        shown = [quote for quote in digest.quotes if starts_with(quote.quote, doubt.subject)]
        return not shown or all(quote.rule == "corrections" for quote in shown)
    if doubt.kind == "role":
        return not any(quote.speaker == doubt.subject and not quote.role for quote in digest.quotes)
    if doubt.kind == "box":
        return not any(term.term == doubt.subject for term in digest.terms)
    return False


def _corrected_article(article: Article, correction: Correction) -> Article:
    changes: dict[str, Any] = {}
    for name, value in (("title", correction.title), ("date", correction.date), ("author", correction.author),
                        ("source", correction.outlet), ("url", correction.url)):
        if value is not None:
            changes[name] = value or None
    if correction.opinion is not None:
        changes["genre"] = "opinion" if correction.opinion else (None if article.genre == "opinion" else article.genre)
        changes["verdict"] = None if correction.opinion else article.verdict
    if not changes:
        return article
    corrected = {name for name in changes if name not in ("genre", "verdict")}
    provenance = tuple((f, o) for f, o in article.provenance if f not in corrected)
    provenance += tuple((name, "corrections") for name in changes if name in corrected and changes[name] is not None)
    # `title = ""` takes the page's headline away: the article's own first words stand in, never its file name.
    return with_headline(replace(article, provenance=provenance, **changes))


def _correct_summary(work: _Applied) -> None:
    correction = work.correction
    summary = list(work.digest.summary)
    for words in correction.drop_sentences:
        kept = [sentence for sentence in summary if not starts_with(sentence, words)]
        if len(kept) == len(summary):
            work.miss("drop_sentences", words, "no summary sentence starts with these words")
        summary = kept
    if correction.pin_sentences:
        summary = _pinned(work, summary)
    work.digest = replace(work.digest, summary=tuple(summary))


def _pinned(work: _Applied, summary: list[str]) -> list[str]:
    from ..analyse.summarize import summary_candidates  # the sentence splitter is needed only to pin

    candidates = [candidate.text for candidate in summary_candidates(work.digest.article)]
    chosen = set(summary)
    for words in work.correction.pin_sentences:
        found = next((sentence for sentence in candidates if starts_with(sentence, words)), None)
        if found is None:
            work.miss("pin_sentences", words, "no sentence of the article starts with these words")
        else:
            chosen.add(found)
    position = {sentence: index for index, sentence in reversed(list(enumerate(candidates)))}
    ordered = sorted(chosen, key=lambda sentence: position.get(sentence, -1))
    pinned = {s for s in ordered if any(starts_with(s, words) for words in work.correction.pin_sentences)}
    return _room_for_pinned(ordered, pinned, work.limits[0])


def _room_for_pinned(items: list[Any], pinned: set[Any], limit: int | None) -> list[Any]:
    """`items` (in print order) without the last unpinned ones, until the first `limit` hold every pinned one."""
    items = list(items)
    while limit is not None and len(items) > limit:
        unpinned = [index for index, item in enumerate(items) if item not in pinned]
        if not unpinned:
            break
        del items[unpinned[-1]]
    return items


def _correct_quotes(work: _Applied) -> None:
    correction = work.correction
    shown = list(work.digest.quotes)
    pinned = _pinned_quotes(work, shown)
    candidates = sorted({quote.start: quote for quote in [*shown, *pinned]}.values(), key=lambda q: q.start)
    for fix in correction.quotes:
        if not any(starts_with(quote.quote, fix.starts) for quote in candidates):
            work.miss("quote", fix.starts, "no quote shown starts with these words")
    for words in correction.drop_quotes:
        if not any(starts_with(quote.quote, words) for quote in candidates):
            work.miss("drop_quotes", words, "no quote shown starts with these words")
    for old in dict(correction.speakers):
        if not any(quote.speaker == old for quote in candidates):
            work.miss("speakers", old, "no quote shown is credited to this name")
    dropped = [*correction.drop_quotes, *(fix.starts for fix in correction.quotes if fix.drop)]
    kept = [quote for quote in candidates if not any(starts_with(quote.quote, words) for words in dropped)]
    kept = _room_for_pinned(kept, set(pinned), work.limits[1]) if pinned else kept
    result = [_fixed_quote(quote, correction) for quote in kept]
    for name in dict(correction.roles):
        if not any(quote.speaker == name for quote in result):
            work.miss("roles", name, "no quote shown is credited to this name")
    work.digest = replace(work.digest, quotes=tuple(result))


def _pinned_quotes(work: _Applied, shown: list[Quote]) -> list[Quote]:
    """The quotations `pin_quotes` and `pin = true` ask for, from all the article's quotations."""
    correction = work.correction
    wanted = [*correction.pin_quotes, *(fix.starts for fix in correction.quotes if fix.pin)]
    if not wanted:
        return []
    every = _all_quotes(work.digest.article.body)
    pinned = []
    for words in wanted:
        found = next((quote for quote in [*shown, *every] if starts_with(quote.quote, words)), None)
        if found is None:
            work.miss("pin_quotes", words, "no quotation of the article starts with these words")
        else:
            pinned.append(found)
    return pinned


def _fixed_quote(quote: Quote, correction: Correction) -> Quote:
    """The quote with its speaker and role as corrected; the role of a replaced speaker goes with them."""
    fix = next((f for f in correction.quotes if starts_with(quote.quote, f.starts)), None)
    renamed = dict(correction.speakers).get(quote.speaker or "", quote.speaker)
    speaker = fix.speaker if fix and fix.speaker else renamed
    kept_role = quote.role if speaker == quote.speaker else None
    role = fix.role if fix and fix.role else dict(correction.roles).get(speaker or "", kept_role)
    if fix is None and (speaker, role) == (quote.speaker, quote.role):
        return quote
    return replace(quote, speaker=speaker, role=role, rule="corrections")


def _all_quotes(body: str) -> list[Quote]:
    from ..analyse.quotes import find_quotes  # only pinning needs the quotations not shown

    return find_quotes(body)


def _correct_boxes(work: _Applied) -> None:
    terms = work.digest.terms
    for term in work.correction.drop_boxes:
        kept = tuple(t for t in terms if t.term.casefold() != term.casefold())
        if len(kept) == len(terms):
            work.miss("drop_boxes", term, "the article has no context box for this term")
        terms = kept
    work.digest = replace(work.digest, terms=terms)


# --- finding a sentence or quote by its opening words ------------------------------------------

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
                              "–": "-", "—": "-", "\u00a0": " "})
_LEADING = re.compile(r"^[\W_]+")


def comparable(text: str) -> str:
    """Text as a correction matches it: case, quotation-mark style, dashes and spacing ignored,
    and any opening punctuation (quotation marks, brackets) too."""
    plain = " ".join(text.translate(_QUOTE_MARKS).replace('"', "'").casefold().split())
    return _LEADING.sub("", plain)


def starts_with(text: str, words: str) -> bool:
    return comparable(text).startswith(comparable(words))
