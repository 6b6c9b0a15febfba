"""Speaker phrases: a run of tokens turned into a Speaker (name or description, role)."""
from __future__ import annotations

import re
from dataclasses import replace

from ...lexicon import alternation, words
from .tokens import (
    _CONJUNCTIONS,
    _DETERMINERS,
    _HONORIFICS,
    _NAME_PREFIX,
    _PREPOSITIONS,
    _PRONOUNS,
    _STANDING_ALONE,
    _TIME_WORDS,
    _TITLES,
    Speaker,
    Token,
    _is_auxiliary,
    _is_role_word,
    is_cue,
)


def _is_name_word(token: Token) -> bool:
    """A word that can be part of a proper name: capitalised ("al-Momani" too), not a pronoun or a cue."""
    word = token.lower.removesuffix("'s").removesuffix("’s")
    if _is_particle_name(token):
        return True
    if not token.capitalised or word in _PRONOUNS or word in _DETERMINERS or _is_dateline(token):
        return False
    return not is_cue(token) and token.lower not in _PREPOSITIONS

def _is_particle_name(token: Token) -> bool:
    """A surname joined to its particle: "al-Momani", "bin-Laden", "de-Gaulle"."""
    particle, _, rest = token.text.partition("-")
    return particle in _NAME_PARTICLES and rest[:1].isupper()

def _is_dateline(token: Token) -> bool:
    """A place written in capitals to open a story ("WASHINGTON --"), not part of a name."""
    return len(token.text) > 4 and token.text.isupper() and token.text.isalpha()

# Places named as where, not who, and common nouns that stand where a subject would (lexicon speech.yaml).
_CANNOT_SPEAK = words("places_that_do_not_speak") | words("nouns_that_do_not_speak")


def cannot_speak(phrase: str) -> bool:
    """ "New Hampshire", "Colo.", "the time", "Hours", "Likewise": a phrase that a sentence can put
    where its subject stands ('"...," New Hampshire voters heard' misread, "Trump at the time said")
    but that never says anything, alone or after "the". A country or a capital does speak for its
    government ("Iran said", "Washington warned"), so none is listed."""
    words_ = phrase.lower().split()
    if words_[:1] == ["the"]:
        words_ = words_[1:]
    return " ".join(words_) in _CANNOT_SPEAK


def phrase_to_speaker(tokens: list[Token], text: str) -> Speaker | None:
    """Read a speaker phrase such as "Russian Defense Minister Sergei Ivanov" or "the official".

    The name is the run of capitalised words after the last role word; whatever stands before
    it is the role. A phrase with no name is kept whole as a description.
    """
    tokens = _trim(tokens)
    if not tokens or re.split(r"['’]", tokens[0].lower)[0] in ("you", "your"):
        return None  # the reader ("you're putting together an offer") is nobody's voice
    if cannot_speak(_span(text, tokens)):
        return None
    if len(tokens) == 1 and tokens[0].lower in _PRONOUNS:
        return Speaker(tokens[0].text, None, tokens[0].start, tokens[0].start, pronoun=tokens[0].lower)
    if len(tokens) == 1 and tokens[0].lower in _STANDING_ALONE:
        return Speaker(tokens[0].text, None, tokens[0].start, tokens[0].start)  # '"...," another said'
    affiliation = _affiliation_at(tokens)
    if affiliation is not None:
        head = phrase_to_speaker(tokens[:affiliation], text)
        if head is not None:
            where = _span(text, _trim(tokens[affiliation + 1 :]))
            return replace(head, role=f"{head.role}, {where}" if head.role else where, phrase_start=tokens[0].start)
    name_start = _name_start(tokens)
    if name_start is None:
        if not _can_end_description(tokens[-1]) or not _can_start_description(tokens):
            return None
        return Speaker(_span(text, tokens), None, tokens[0].start, tokens[0].start)
    name_tokens = _after_inner_title(_strip_name_prefixes(tokens[name_start:]))
    role_tokens = tokens[: len(tokens) - len(name_tokens)]
    if _names_an_object(role_tokens):
        return None
    if role_tokens and role_tokens[-1].lower in _LINKING_PREPOSITIONS and any(map(_is_role_word, role_tokens)):
        return _name_after_preposition(tokens, role_tokens, name_tokens, text)
    role = _span(text, role_tokens) if role_tokens else None
    if role and role_tokens[0].lower in ("the", "a", "an") and len(role_tokens) == 1:
        role = None
    return Speaker(_span(text, name_tokens), _clean_role(role), name_tokens[0].start, tokens[0].start, proper=True)

_LINKING_PREPOSITIONS = words("linking_prepositions")

_INITIAL = re.compile(r"^[A-Z]\.$")

def _name_after_preposition(
    tokens: list[Token], role_tokens: list[Token], name_tokens: list[Token], text: str
) -> Speaker | None:
    """After a role and "at", "of"... capitalised words name where the person works, not the
    person: "a professor at Cornell" is a description. Only a capitalised title ("Secretary of
    State Mike Pompeo", "Ambassador to France Jane Roe") is followed by the person's name, its
    last words."""
    titled = any(t.capitalised and _is_role_word(t) for t in role_tokens)
    if not titled or len(name_tokens) < 2:
        if not _can_start_description(tokens):
            return None
        return Speaker(_span(text, tokens), None, tokens[0].start, tokens[0].start)
    keep = 2 if len(name_tokens) >= 3 else 1
    if len(name_tokens) > keep and _INITIAL.match(name_tokens[-keep - 1].text):
        keep += 1  # "John F. Kennedy"
    person = name_tokens[-keep:]
    role = _span(text, tokens[: len(tokens) - keep])
    return Speaker(_span(text, person), _clean_role(role), person[0].start, tokens[0].start, proper=True)

_OBJECT_PREPOSITIONS = words("object_prepositions")

def _names_an_object(role_tokens: list[Token]) -> bool:
    """Whether the words before a name make it an object, not a speaker: "a letter to Attorney
    General Jane Roe", "voters embracing Roe" (but "Ambassador to France Jane Roe" is a title)."""
    lower = [k for k, t in enumerate(role_tokens) if t.text.islower()]
    if not lower:
        return False
    k = lower[-1]
    word = role_tokens[k]
    if word.lower in _OBJECT_PREPOSITIONS:
        return k == 0 or not _is_role_word(role_tokens[k - 1])
    # a gerund between two capitalised phrases: "White voters embracing Roe" (but "Oversight ranking
    # Democrat Jane Roe": "ranking" opens a description, modifiers_before_role)
    if word.lower in _MODIFIERS_BEFORE_ROLE:
        return False
    return word.text.endswith("ing") and any(t.capitalised for t in role_tokens[:k]) and not _is_role_word(word)

_MODIFIERS_BEFORE_ROLE = words("modifiers_before_role")

def _can_start_description(tokens: list[Token]) -> bool:
    """ "the official", "a spokesman", "one analyst", "critics", "Clinton aides" can be speakers;
    a stray verb ("came") cannot."""
    first = tokens[0]
    if first.lower in _DETERMINERS or first.lower in _QUANTIFIERS or first.capitalised or first.text[0].isdigit():
        return True
    return _is_role_word(first) or (len(tokens) == 1 and first.text.endswith("s"))

_QUANTIFIERS = words("quantifiers")

def _can_end_description(token: Token) -> bool:
    """Whether a description can end on this word ("the official" can, "their records for" cannot)."""
    word = token.lower
    if _AGE.fullmatch(word):
        return True  # "the 46-year-old"
    if not token.text[0].isalpha() or word in _TIME_WORDS or _is_auxiliary(token) or word in _PREPOSITIONS:
        return False
    return word not in _DETERMINERS and word not in _CONJUNCTIONS and word not in ("this", "it", "there")

_AGE = re.compile(r"\d{1,3}-year-old")

def _affiliation_at(tokens: list[Token]) -> int | None:
    """Index of the "of" in "Jane Roe of the Policy Institute": a name, then where the person works."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower in ("of", "for", "at", "from"):
            named = _is_name_word(tokens[k - 1]) and not _is_role_word(tokens[k - 1])
            return k if named and _name_start(tokens[:k]) is not None else None
    return None

def _name_start(tokens: list[Token]) -> int | None:
    """Index where the trailing proper name of a phrase begins, or None when it has none."""
    i = len(tokens)
    while i > 0 and (_is_name_word(tokens[i - 1]) or _is_particle(tokens, i - 1)) and not _is_role_word(tokens[i - 1]):
        i -= 1
    while i < len(tokens) and _is_particle(tokens, i):
        i += 1
    if i == len(tokens) or tokens[-1].lower in _TIME_WORDS:
        return None
    # Honorifics belong with the name ("Mr. Roe"), titles like "Sen." too: they are the short form.
    while i > 0 and tokens[i - 1].bare in _TITLES:
        i -= 1
    return i

def _is_particle(tokens: list[Token], i: int) -> bool:
    """Lower-case name particles between two capitalised words: de, van, von, bin, al."""
    inner = 0 < i < len(tokens) - 1
    return inner and tokens[i].text in _NAME_PARTICLES

_NAME_PARTICLES = words("name_particles")

def _after_inner_title(tokens: list[Token]) -> list[Token]:
    """ "Colorado Rep. Jane Roe": a title inside the run ends the role, the name follows it."""
    for k in range(len(tokens) - 2, 0, -1):
        if tokens[k].bare in _TITLES and tokens[k].bare not in _HONORIFICS and tokens[k].text.endswith("."):
            return tokens[k + 1 :]
    return tokens

def _strip_name_prefixes(tokens: list[Token]) -> list[Token]:
    """Drop party and nationality words from the front of a name while two words remain
    ("Democrat Jane Roe", "Russian Sergei Ivanov"), but not a first name that only ends like a
    nationality ("Farhan Aziz Haq", "Ali Reza Khan"): such a word goes only before a first name."""
    while len(tokens) > 2 and _NAME_PREFIX.match(tokens[0].text) and tokens[0].bare not in _TITLES:
        if _SURE_PREFIX.match(tokens[0].text) is None and tokens[1].lower not in _FIRST_NAMES:
            break
        tokens = tokens[1:]
    return tokens

# Party words and the endings only adjectives of nationality have ("Pakistani" and "Farhan" both
# end like "American"; "-ian", "-ese", "-ish" words are never first names).
_SURE_PREFIX = re.compile(rf"^(?:{alternation('name_prefixes')}|\w+(?:ian|ese|ish))$")
_FIRST_NAMES = words("female_first_names") | words("male_first_names")

def _trim(tokens: list[Token]) -> list[Token]:
    """Strip punctuation and parentheticals ("(D-Mass.)") from the ends of a phrase."""
    if tokens and tokens[-1].text == ")":
        depth = 0
        for i in range(len(tokens) - 1, -1, -1):
            depth += tokens[i].text == ")"
            depth -= tokens[i].text == "("
            if depth == 0:
                tokens = tokens[:i]
                break
    while tokens and not tokens[0].text[0].isalnum():
        tokens = tokens[1:]
    while tokens and not tokens[-1].text[0].isalnum():
        tokens = tokens[:-1]
    return tokens

def _span(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]

def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = role.strip(" ,")
    return role or None

def _looks_like_role(tokens: list[Token]) -> bool:
    """An apposition that describes a person: "director of the Institute", "a Roe aide"."""
    tokens = _trim(tokens)
    if not tokens or tokens[0].lower in ("who", "which", "whose", "where", "when"):
        return False
    if tokens[0].text.isdigit():
        return False
    return any(_is_role_word(t) for t in tokens[:6]) or tokens[0].lower in ("a", "an", "the")

def _split_commas(tokens: list[Token]) -> list[list[Token]]:
    """Comma-separated parts, keeping a company's legal form with its name ("Dräger, Inc.")."""
    segments: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        if tok.text == "," and not (k + 1 < len(tokens) and tokens[k + 1].bare in _LEGAL_FORMS):
            segments.append([])
        elif tok.text != ",":
            segments[-1].append(tok)
    return segments

_LEGAL_FORMS = words("legal_forms")

def names_a_role(tokens: list[Token]) -> bool:
    """Whether the words hold a role or a title: "Texas Sen.", "radio talk show host"."""
    return any(_is_role_word(t) or t.bare in _TITLES for t in tokens)

def is_personal(speaker: Speaker) -> bool:
    """A person or group of people rather than a document: a name, a pronoun, "the spokesman"."""
    if speaker.proper or speaker.pronoun:
        return True
    return any(_is_role_word(Token(word, 0, 0)) for word in speaker.name.split())
