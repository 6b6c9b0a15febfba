"""Analyse stage: one Article in, one ArticleDigest out (summary, key quotes, terms, acronyms).

Each article is analysed on its own, so articles can be analysed in parallel and cached;
everything that depends on other articles (first explanation of a term, key points) is
decided later, in publish.assemble.

Modules: sentences (the one sentence splitter and quotation-mark pairer), summarize, quotes and
speakers (who said each quotation), acronyms (abbreviations the text defines), glossary (the
curated terms and their context boxes), doubts (what the analysis is unsure of, for `briefgen check`),
people (who's who), timeline (the dates an article writes), readability (a reading grade).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..config import Settings
from ..model import Acronym, Article, ArticleDigest

if TYPE_CHECKING:
    from .glossary import Glossary

_WORD = re.compile(r"\w+")


def analyse(article: Article, glossary: Glossary, settings: Settings) -> ArticleDigest:
    # Imported here, not above: a build whose analyses all come from the cache needs only the
    # glossary and the key points of this package, and the rest takes a while to import.
    from .acronyms import find_acronyms
    from .doubts import article_doubts
    from .glossary import explain_terms
    from .headline import with_headline
    from .people import find_people
    from .quotes import find_quotes, key_quotes
    from .readability import flesch_kincaid_grade
    from .summarize import summarize as summarize_article
    from .timeline import find_dates

    summary = summarize_article(article, sentences=settings.summary_sentences)
    every_quote = find_quotes(article.body)
    quotes = key_quotes(every_quote, limit=settings.quotes_per_article)
    text = f"{article.title}\n\n{article.body}" if article.title else article.body
    acronyms = find_acronyms(text)
    # Terms the summary and quotes use come first: those are what the student reads.
    priority_text = "\n".join([*summary, *(q.quote for q in quotes)])
    explained = explain_terms(text, glossary, acronyms, priority_text=priority_text, article_date=article.date)
    # A box needs a definition: an abbreviation only the article defines goes on its one
    # "Abbreviations" line instead of a box that would merely repeat the expansion.
    boxes = tuple(term for term in explained if term.origin == "glossary" and term.definition)
    # A page without a headline gets one from its own first words (never its file name); the
    # analysis above ran on the page as it was, so a derived headline does not weigh on it.
    article = with_headline(article)
    return ArticleDigest(
        article=article,
        summary=tuple(summary),
        quotes=tuple(quotes),
        terms=boxes,
        acronyms=tuple(acronyms),
        word_count=len(_WORD.findall(article.body)),
        doubts=article_doubts(article, summary, quotes, list(boxes)),
        abbreviations=tuple(Acronym(t.term, t.expansion or "") for t in explained if t.origin == "text"),
        # Computed whatever the switches say (the analysis is cached across settings); assemble
        # and the templates leave out what briefgen.toml switches off.
        people=find_people(article.body, every_quote),
        dates=find_dates(article.body),
        reading_grade=flesch_kincaid_grade(article.body),
    )
