"""Names across the article: full names for short ones, genders for pronouns."""
from __future__ import annotations

import re

from ...lexicon import alternation, rows, words
from .phrases import phrase_to_speaker
from .tokens import (
    _FEMALE_FIRST_NAMES,
    _FEMALE_ROLE,
    _FEMALE_TITLES,
    _MALE_FIRST_NAMES,
    _MALE_ROLE,
    _MALE_TITLES,
    _MONTHS,
    _PRONOUNS,
    _TIME_WORDS,
    _TITLES,
    ABBREVIATED_TITLES,
    Speaker,
    Token,
    _is_role_word,
    tokenize,
)

_NAME_RUN = re.compile(
    rf"(?<![\w.])(?:(?:{'|'.join(ABBREVIATED_TITLES)})\.\s+)?"
    rf"[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+|{alternation('name_particles')}(?=\s+[A-Z])"
    rf"|{alternation('name_particles')}-[A-Z][\w’'\-]+))+"
)

# Capitalised small words inside a run of capitals mark a headline ("Leaders To Be Executed"),
# a possessive inside it a name of something ("Univision's Los Angeles affiliate").
_HEADLINE_RUN = re.compile(rf"\s{alternation('headline_small_words')}\s|[’']s\s")

def _is_headline_run(run: str) -> bool:
    return bool(_HEADLINE_RUN.search(run))

def _could_be_a_name(words: list[str]) -> bool:
    """Not a date, a weekday or a sentence opening ("Following Wednesday")."""
    if not words or words[0].lower().endswith(("ing", "ed")):
        return False
    return not any(w.lower() in _TIME_WORDS or w.lower() in _MONTHS or w[0].isdigit() for w in words)

def _role_before(speaker: Speaker, text: str, run_start: int) -> bool:
    """A role word in or just before the name's run: "Minister Jane Roe", "spokeswoman Jane Roe"."""
    if speaker.role and _is_role_word(Token(speaker.role.split()[-1], 0, 0)):
        return True
    before = text[max(0, run_start - 30) : run_start].split()
    return bool(before) and _is_role_word(Token(before[-1], 0, 0))

# "Jane Roe, 39, said": an age in apposition marks a person.
_AGE_AFTER = re.compile(r",\s*\d{1,3},")

_GENDERED_PRONOUNS = sorted((w for w, row in rows("pronouns").items() if row.get("gender")), key=len, reverse=True)
_PRONOUN_AFTER = re.compile(rf"\b({'|'.join(_GENDERED_PRONOUNS)})\b", re.IGNORECASE)

_UNGENDERED = words("ungendered_man_words")

_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")

class NameIndex:
    """The people an article names, to expand surnames and resolve pronouns.

    Who is a person (rather than a place or a body) and of which gender is read from the text
    itself: a title or role before the name ("Mrs.", "spokeswoman"), or the first personal pronoun
    after it in the same sentence ("Jane Roe ... her ministry").
    """

    def __init__(self, text: str):
        # Names of two or more words, titles and roles removed, by surname (each name once: an
        # article naming one person 800 times must not compare 800 spellings on every lookup).
        self._full: dict[str, dict[str, None]] = {}
        self._occurrences: list[tuple[int, str, bool]] = []  # (offset, name, introduced by a title or role)
        self._votes: dict[str, list[str]] = {}  # surname -> genders seen
        self._roles: dict[str, str] = {}  # full name -> the title first written before it
        self._text = text
        self._alone: dict[str, bool] = {}
        for m in _NAME_RUN.finditer(text):
            if _is_headline_run(m.group()):
                continue
            speaker = phrase_to_speaker(tokenize(text, m.start(), m.end()), text)
            if speaker is None or not speaker.proper:
                continue
            words = speaker.name.split()
            words[-1] = words[-1].removesuffix("'s").removesuffix("’s")
            title = words[0].rstrip(".").lower()
            if title in _TITLES:
                words = words[1:]
                self._vote(words, _FEMALE_TITLES, _MALE_TITLES, title)
            if not _could_be_a_name(words):
                continue
            titled = title in _TITLES or _role_before(speaker, text, m.start()) or bool(_AGE_AFTER.match(text, m.end()))
            self._vote_by_role(words, speaker.role)
            self._vote_by_pronoun(words, text, m.end())
            if len(words) >= 2:
                name = " ".join(words)
                self._full.setdefault(name.split()[-1], {})[name] = None
                self._occurrences.append((speaker.start, name, titled))
                if titled and speaker.role:
                    self._roles.setdefault(name, speaker.role)

    def _vote(self, words: list[str], female: frozenset[str], male: frozenset[str], word: str) -> None:
        if words and (word in female or word in male):
            self._votes.setdefault(words[-1], []).append("f" if word in female else "m")

    def _vote_by_role(self, words: list[str], role: str | None) -> None:
        gender = gender_of_role(role)
        if gender:
            self._votes.setdefault(words[-1], []).append(gender)

    def _vote_by_pronoun(self, words: list[str], text: str, end: int) -> None:
        window = text[end : end + 160]
        stop = _SENTENCE_STOP.search(window)
        window = window[: stop.start()] if stop else window
        pronoun = _PRONOUN_AFTER.search(window)
        if pronoun and not _NAME_RUN.search(window, 0, pronoun.start()):
            self._votes.setdefault(words[-1], []).append(pronoun_gender(pronoun.group().lower()) or "")

    def gender(self, name: str) -> str | None:
        """ "m", "f", or None when the article does not tell (or tells both ways)."""
        votes = [v for v in self._votes.get(name.split()[-1], []) if v]
        if not votes:
            return None
        female = votes.count("f")
        return "f" if female > len(votes) - female else "m" if female < len(votes) - female else None

    def role(self, name: str) -> str | None:
        """The title written before the name somewhere in the article ("Foreign Minister")."""
        return self._roles.get(name)

    def people(self) -> list[tuple[int, str]]:
        """(offset, full name) of every mention of someone the text shows to be a person: named
        with a title or role, or referred to by "he" or "she" and later by surname alone."""
        return [
            (start, name)
            for start, name, titled in self._occurrences
            if titled or (self.gender(name) and self._surname_alone(name))
        ]

    def _surname_alone(self, name: str) -> bool:
        """Whether the article also writes the surname without the rest of the name ("Roe said")."""
        if name not in self._alone:  # asked once per mention: the text is searched once per name
            self._alone[name] = self._find_surname_alone(name)
        return self._alone[name]

    def _find_surname_alone(self, name: str) -> bool:
        surname = name.split()[-1]
        for m in re.finditer(rf"\b{re.escape(surname)}\b", self._text):
            before = self._text[max(0, m.start() - 30) : m.start()].split()
            if not before or not before[-1][:1].isupper():
                return True
        return False

    def fullest(self, name: str) -> str:
        """The longest spelling of `name` the article uses; a surname alone becomes the full name.

        When two people share the surname and nothing tells them apart, the name stays as written.
        """
        core = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
        if not core:
            return name
        candidates = {full for full in self._full.get(core[-1], ()) if _compatible(full, core)}
        if not candidates:
            return " ".join(core) if len(core) > 1 else name
        if len(core) == 1 and len({_first_and_last(full) for full in candidates}) > 1:
            return name
        longest = max(candidates, key=lambda full: (len(full.split()), full))
        return longest if len(longest.split()) >= len(core) else " ".join(core)

def _first_and_last(full: str) -> tuple[str, str]:
    words = full.split()
    return words[0], words[-1]

def _compatible(full: str, core: list[str]) -> bool:
    """Whether a full name can be the same person as the words we have (same first name if any)."""
    words = full.split()
    return len(core) == 1 or (words[0] == core[0] and words[-1] == core[-1])

def gender_of_role(role: str | None) -> str | None:
    if not role:
        return None
    for word in role.lower().split():
        if _FEMALE_ROLE.search(word) and word not in _UNGENDERED:
            return "f"
    for word in role.lower().split():
        if _MALE_ROLE.search(word) and word not in _UNGENDERED:
            return "m"
    return None

def first_name_gender(name: str) -> str | None:
    """ "f" or "m" for a name opening with a first name of known gender ("Hillary Roe"), else None."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
    if len(words) < 2:
        return None
    first = words[0].lower()
    return "f" if first in _FEMALE_FIRST_NAMES else "m" if first in _MALE_FIRST_NAMES else None

def pronoun_gender(pronoun: str) -> str | None:
    return _PRONOUNS.get(pronoun.lower())
