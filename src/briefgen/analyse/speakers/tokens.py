"""Speech cues and tokens: the cue verbs, the word classes the rules test, and the tokenizer."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...lexicon import alternation, rows, words

# Cues are listed by form: nouns that share a verb's spelling ("a call", "the report", "a fourth
# term") are left out, so the base form is listed only for verbs that are rarely nouns.
_CUE_VERBS = words("cue_verbs") | words("inferred_speech_cues")

# Participles report speech of the clause's subject: "Ayotte criticised him, saying she was ...".
_CUE_PARTICIPLES = frozenset(word for word in _CUE_VERBS if word.endswith("ing"))

# Cues that may come before their speaker: '"...," said X' / '"...," added Mr. Roe'.
_INVERTIBLE = words("invertible_cues")

# Words that may stand between a speaker and the cue: "he also said", "Roe has repeatedly argued".
_ADVERBS_BEFORE_VERB = words("adverbs_before_verb")
_AUXILIARIES = words("auxiliaries") | _ADVERBS_BEFORE_VERB

# Role nouns: the head of a title ("Defense Minister", "press secretary") or an apposition.
_ROLE_WORDS = words("role_words")

# Titles written before a name (and which names never end with), with what they say of the person.
_TITLE_ROWS = rows("titles")
_TITLES = frozenset(_TITLE_ROWS)
_FEMALE_TITLES = frozenset(title for title, row in _TITLE_ROWS.items() if row.get("gender") == "f")
_MALE_TITLES = frozenset(title for title, row in _TITLE_ROWS.items() if row.get("gender") == "m")
# Courtesy titles, which may stand inside a longer title run ("Defence Secretary Sir John Roe").
_HONORIFICS = frozenset(title for title, row in _TITLE_ROWS.items() if row.get("honorific"))
# Titles written abbreviated, with a full stop ("Sen.", "Brig."), as they open a name in running text.
ABBREVIATED_TITLES = tuple(title.capitalize() for title, row in _TITLE_ROWS.items() if not row.get("full_word"))
_NAME_ABBREVIATIONS = words("name_abbreviations")
# "Feb. 1", "St. Louis": the full stop is the abbreviation's (lexicon never_final)
_KEEP_PERIOD = _NAME_ABBREVIATIONS | words("never_final")

# Common first names whose gender is not in doubt (no Jean, Andrea, Kim, Jordan, Pat, Sasha):
# a name that opens with one of these is a person, and "he" cannot be "Hillary Roe".
_FEMALE_FIRST_NAMES = words("female_first_names")

_MALE_FIRST_NAMES = words("male_first_names")

_FEMALE_ROLE = re.compile(r"(?:woman|women|ess)$")

_MALE_ROLE = re.compile(r"(?:man|men)$")

_PRONOUNS: dict[str, str | None] = {word: row.get("gender") for word, row in rows("pronouns").items()}

_DETERMINERS = words("determiners")

# Words that start a phrase we never take as a speaker ("In an interview", "On Tuesday").
_PREPOSITIONS = words("prepositions")

_CONJUNCTIONS = words("conjunctions")

_TIME_WORDS = words("time_words")

# Months are also names (May, August, June), so they only count as time before a day number.
_ENGLISH_MONTHS = (name for language in ("en", "en_short") for name in rows("month_names")[language]["names"])
_MONTHS = frozenset([*_ENGLISH_MONTHS, *rows("month_variants")])

# Descriptions in front of a name that are not part of it: "Democrat Jane Roe", "former ...".
_NAME_PREFIX = re.compile(rf"^(?:{alternation('name_prefixes')}|\w+(?:an|ian|ese|ish|i|ch))$")

# A word may carry mis-decoded accents inside it ("TrÃ©vidic" for "Trévidic"): Latin-1 symbols
# between letters (not the guillemets or the no-break space).
_MOJIBAKE = "\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf"

# A soft hyphen on its own (before a word: "Doug \xadRoe") is no token: it would cut the name.
_TOKEN = re.compile(rf"[\w’'\-]+(?:[{_MOJIBAKE}]+[\w’'\-]+)*(?:\.(?:[\w’'\-]+\.)*)?|[^\w\s\xad]")

_INITIAL_OR_ACRONYM = re.compile(r"^(?:[A-Z]\.)+(?:[A-Z]\.?)?$|^[A-Z]\.$")

@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """Lower case, a final period kept: "A." is an initial, "a" the article."""
        return self.text.lower()

    @property
    def bare(self) -> str:
        """Lower case without a final period, to look up abbreviated titles ("Sen.")."""
        return self.text.lower().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

@dataclass(frozen=True)
class Speaker:
    """A speaker phrase as the article wrote it, split into name (or description) and role."""

    name: str
    role: str | None
    start: int  # offset of the name in the article, so pronouns resolve to what came before
    phrase_start: int  # offset of the whole phrase, role included
    pronoun: str | None = None  # "he", "she", ... when the phrase is a bare pronoun
    proper: bool = False  # a proper name rather than a description ("the official")
    rule: str = ""  # the attribution rule that found it (a row of lexicon `attribution_rules`)

# The named attribution rules, each with what it states and how far it is trusted.
ATTRIBUTION_RULES = rows("attribution_rules")

def credit(speaker: Speaker | None, rule: str) -> Speaker | None:
    """The speaker as found by `rule`, unless a more specific rule inside already named it."""
    if rule not in ATTRIBUTION_RULES:
        raise KeyError(f"attribution rule '{rule}' is not in the lexicon table attribution_rules")
    return speaker if speaker is None or speaker.rule else replace(speaker, rule=rule)

def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """Word and punctuation tokens of text[lo:hi] with offsets into `text`.

    A final period stays on abbreviations and initials ("Sen.", "E.", "U.S.") and is split off
    other words, where it ends the sentence.
    """
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        abbreviated = m.end() < len(text) and text[m.end()] in ",)"  # "Flint, Mich., said"
        if len(word) > 1 and word.endswith(".") and not abbreviated and not _keeps_period(word):
            tokens.append(Token(word[:-1], m.start(), m.end() - 1))
            tokens.append(Token(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token(word, m.start(), m.end()))
    return tokens

def _keeps_period(word: str) -> bool:
    stem = word[:-1]
    return bool(_INITIAL_OR_ACRONYM.match(word)) or stem.lower() in _TITLES or stem in _KEEP_PERIOD

def is_cue(token: Token) -> bool:
    """A speech cue, written in lower case (a capitalised "Post" or "States" is a name)."""
    return token.text in _CUE_VERBS

def is_cue_at(tokens: list[Token], c: int) -> bool:
    """A speech cue at tokens[c], including those that need the next word: "found that",
    "put it", "fired back"."""
    following = tokens[c + 1].text if c + 1 < len(tokens) else ""
    if is_cue(tokens[c]):
        return (tokens[c].text, following) not in _NOT_CUE_PAIRS
    return (tokens[c].text, following) in _CUE_PAIRS or (following == "that" and tokens[c].text in _CUES_BEFORE_THAT)

# Verbs that report speech or a stated view only with a particle or a "that" clause after them.
_CUE_PAIRS = frozenset(tuple(pair.split()) for pair in words("cue_pairs"))

# Cue words that, with the next word, do not report speech: "statements calling for a ban"
# (demanding it; a letter that "calls for" something does speak), "proposed to cut taxes" (planned to).
_NOT_CUE_PAIRS = frozenset(tuple(pair.split()) for pair in words("not_cue_pairs"))

_CUES_BEFORE_THAT = words("cues_before_that")

def cue_is_noun(tokens: list[Token], c: int) -> bool:
    """A cue word used as a noun: "his remarks", "Roe's claims", "the caustic chants"."""
    if c == 0:
        return False
    before = tokens[c - 1]
    if before.lower in _STANDING_ALONE and tokens[c].text in _PAST_FORMS:
        return False  # "one said", "another wrote": a past tense is never a noun
    if before.lower in _ORDINALS and c >= 2 and tokens[c - 2].lower == "a":
        return False  # "a fourth says": one more of a group
    if before.lower in _DETERMINERS or before.text.endswith(("'s", "’s")):
        return True
    if c < 2 or tokens[c - 2].lower not in _DETERMINERS or _is_role_word(before):
        return False
    if tokens[c - 2].lower in _POSSESSIVE_DETERMINERS and before.text.endswith("ing"):
        return True  # "her opening remarks", "his closing statement"
    return bool(_ADJECTIVE.search(before.text))

_PAST_FORMS = frozenset(w for w in _CUE_VERBS if w.endswith("ed") or w in ("said", "told", "wrote", "read"))

_POSSESSIVE_DETERMINERS = words("possessive_determiners")

_ORDINALS = words("ordinals")

_ADJECTIVE = re.compile(
    r"^[a-z]+(?:ous|ic|ive|ful|less|est|th)$"
    rf"|^{alternation('cue_noun_adjectives')}$"
)

def _is_date(tokens: list[Token]) -> bool:
    return tokens[0].lower in _MONTHS and len(tokens) > 1 and tokens[1].text[:1].isdigit()

def is_time_word(word: str) -> bool:
    return word.lower() in _TIME_WORDS

def is_invertible(token: Token) -> bool:
    return token.text in _INVERTIBLE

def is_participle(token: Token) -> bool:
    return token.text in _CUE_PARTICIPLES

_NAMING_VERBS = words("naming_verbs")
_QUOTE_MARKS = frozenset("\"“‘'")

def names_a_title(tokens: list[Token], c: int) -> bool:
    """ 'a psychology class called "Perception"': a naming verb right after a common noun and before
    the quoted name is a participle that names the thing; it reports no one's speech."""
    if c == 0 or c + 1 >= len(tokens) or tokens[c].text not in _NAMING_VERBS:
        return False
    before = tokens[c - 1]
    common_noun = before.text.isalpha() and before.text.islower() and not _is_auxiliary(before)
    return common_noun and before.lower not in _PRONOUN_WORDS and tokens[c + 1].text in _QUOTE_MARKS

_PRONOUN_WORDS = frozenset(("he", "she", "they", "it", "we", "i", "you", "who", "that", "which"))

def _is_auxiliary(token: Token) -> bool:
    return token.text in _AUXILIARIES

def _is_adverb(token: Token) -> bool:
    word = token.text
    return word.islower() and ((word.endswith("ly") and len(word) > 4) or word in _ADVERBS_BEFORE_VERB)

def _is_role_word(token: Token) -> bool:
    """A noun for a person by what they do: "minister", "spokeswoman", "analysts"."""
    word = token.bare.removesuffix("'s").removesuffix("’s").split("-")[-1]
    return word in _ROLE_WORDS or (word.endswith("s") and word[:-1] in _ROLE_WORDS)

_MEANS_OF_SPEAKING = words("means_of_speaking")

def is_passive_by(tokens: list[Token], c: int) -> bool:
    """ "described by Roe", "added by Roe": a cue and "by" name the agent, unless the words after
    "by" are how someone spoke ("Roe said by telephone")."""
    if c + 1 >= len(tokens) or tokens[c + 1].lower != "by":
        return False
    return c + 2 >= len(tokens) or tokens[c + 2].lower not in _MEANS_OF_SPEAKING

# Determiners and quantifiers that stand for people of a group just described: "one said", "another".
_STANDING_ALONE = words("standing_alone")
