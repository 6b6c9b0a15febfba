"""Reading level: the Flesch-Kincaid grade of an article, over the project's own sentences.

The grade is the US school year a reader needs to follow the text (Kincaid et al., 1975):
0.39 x words per sentence + 11.8 x syllables per word - 15.59 (the numbers are in lexicon
reading.yaml). Sentences come from analyse.sentences, the splitter summaries and quotes use, so
"U.S." or "Gen." never cut a sentence in two; words are analyse.sentences.words. Syllables are
counted by the spelling rules of English: one per group of vowel letters, less a silent final e
or -ed (lexicon silent_endings, spoken_endings), at least one a word. A text too short for the
formula to mean anything gets None, never a number.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .sentences import sentence_spans, words

_GRADE = lexicon.rows("flesch_kincaid")["grade"]
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SILENT = re.compile(lexicon.alternation("silent_endings") + "$")
_SPOKEN = re.compile(lexicon.alternation("spoken_endings") + "$")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables of one word by its spelling: "treaty" 2, "signed" 1, "missile" 2, "state" 1."""
    lower = word.lower().replace("’", "'").split("'")[0]
    if not _LETTERS.search(lower):
        return 1  # a number is read as one word ("1972"); the formula counts it as one syllable
    count = len(_VOWEL_GROUP.findall(lower))
    if count > 1 and _SILENT.search(lower) and not _SPOKEN.search(lower):
        count -= 1
    return max(1, count)


def flesch_kincaid_grade(text: str) -> float | None:
    """The grade of `text`, to one decimal; None below the formula's minimum of words."""
    sentences = [text[start:end] for start, end in sentence_spans(text)]
    counted = [words(sentence) for sentence in sentences]
    counted = [found for found in counted if found]
    total = sum(len(found) for found in counted)
    if not counted or total < _GRADE["min_words"]:
        return None
    syllable_count = sum(syllables(word) for found in counted for word in found)
    grade = (_GRADE["words_per_sentence"] * total / len(counted)
             + _GRADE["syllables_per_word"] * syllable_count / total + _GRADE["constant"])
    return round(max(0.0, grade), 1)
