"""Subjects before a cue and speakers after an inverted cue."""
from __future__ import annotations

import re
from dataclasses import replace

from ...lexicon import words
from .phrases import (
    _QUANTIFIERS,
    _clean_role,
    _is_name_word,
    _is_particle,
    _looks_like_role,
    _span,
    _split_commas,
    _trim,
    cannot_speak,
    phrase_to_speaker,
)
from .tokens import (
    _CONJUNCTIONS,
    _DETERMINERS,
    _PREPOSITIONS,
    _PRONOUNS,
    _STANDING_ALONE,
    _TIME_WORDS,
    _TITLES,
    Speaker,
    Token,
    _is_adverb,
    _is_auxiliary,
    _is_date,
    _is_role_word,
    cue_is_noun,
    is_cue,
    is_cue_at,
    is_participle,
    names_a_title,
)


def subject_before(tokens: list[Token], cue: int, text: str) -> Speaker | None:
    """The speaker phrase that ends just before tokens[cue] ("Jane Roe, a spokeswoman, said")."""
    i = _past_adjunct_phrase(tokens, _skip_adjuncts(tokens, cue), text)
    if i == 0 or tokens[i - 1].text in _COORDINATORS or _is_passive(tokens, i, cue):
        return None
    if tokens[i - 1].text in _DASHES:
        return _dashed_subject(tokens, i - 1, text)
    if tokens[i - 1].text == ",":
        return _apposed_subject(tokens[: i - 1], text)
    unclosed = _unclosed_apposition(tokens, i, text)
    if unclosed is not None and not (cue + 1 < len(tokens) and tokens[cue + 1].text == ","):
        return unclosed  # (but "Clinton, a top aide said, “is very confident”": the aide speaks)
    document = text_before_participle(tokens, text, end=i)
    if document is not None:
        return document  # "A legal opinion drafted for the firm concluded": not the firm
    phrase = _phrase_back(tokens, i)
    speaker = phrase_to_speaker(_text_to_someone(tokens, i - len(phrase), i), text)
    if speaker is None:
        return None
    if speaker and speaker.pronoun == "who" and i > 1:
        # "an analyst who warned": the speaker is the phrase the relative pronoun stands for
        antecedent_end = i - 2 if tokens[i - 2].text == "," else i - 1
        antecedent = _phrase_back(tokens, antecedent_end)
        return _name_before_description(tokens, antecedent_end - len(antecedent), antecedent, text) or (
            phrase_to_speaker(antecedent, text)
        )
    return speaker

_DASHES = frozenset(("—", "–", "--"))

def _name_before_description(tokens: list[Token], start: int, description: list[Token], text: str) -> Speaker | None:
    """ "Braynard, a South Carolina native who writes": a description in apposition to a name, the
    antecedent of a relative, stands for the name; it is the name's role."""
    if start < 2 or tokens[start - 1].text != "," or not description or description[0].lower not in ("a", "an", "the"):
        return None
    name = phrase_to_speaker(_phrase_back(tokens, start - 1), text)
    if name is None or not name.proper or name.start < tokens[0].start:
        return None
    return replace(name, role=name.role or _span(text, description))
_POSSESSIVE_DETERMINERS = words("possessive_determiners")

def _text_to_someone(tokens: list[Token], start: int, end: int) -> list[Token]:
    """ "Roe's email to his supporters notes": the people a text is addressed to end the phrase,
    but the text, before "to" or "for", is the subject. The phrase tokens[start:end] otherwise."""
    if start >= 2 and tokens[start - 1].lower in ("to", "for") and _is_text_word(tokens[start - 2]):
        return tokens[start - len(_phrase_back(tokens, start - 1)) - 1 : end]
    return tokens[start:end]

def _past_adjunct_phrase(tokens: list[Token], i: int, text: str) -> int:
    """Where the subject ends once an adjunct of time or manner is skipped: "Roe at the time said",
    "Roe, who has in the past called it", "Roe in his speech called": a preposition and a noun
    that cannot speak (`cannot_speak`) or the speaker's own text stand between the subject and its
    verb, so the subject is before them."""
    phrase = _phrase_back(tokens, i)
    start = i - len(phrase)
    if not phrase or start == 0 or tokens[start - 1].lower not in _PREPOSITIONS:
        return i
    if not (cannot_speak(_span(text, phrase)) or _own_text(tokens[start - 1], phrase)):
        return i
    return _skip_adjuncts(tokens, start - 1)

def _own_text(preposition: Token, phrase: list[Token]) -> bool:
    """ "Roe in his announcement speech called": the speaker's own text, where it was said."""
    owned = phrase[0].lower in _POSSESSIVE_DETERMINERS and _is_text_word(phrase[-1])
    return owned and preposition.lower in ("in", "during")

_LONGEST_APPOSITION = 16  # tokens

def _unclosed_apposition(tokens: list[Token], end: int, text: str) -> Speaker | None:
    """ "Anwar Raja, the spokesman for the Popular Front for the Liberation of Palestine said":
    an apposition whose closing comma the writer left out still describes the name before it,
    not the organisation it ends with. None unless a person's name stands before the comma."""
    lowest = max(end - _LONGEST_APPOSITION, 0)
    comma = next((k for k in range(end - 1, lowest - 1, -1) if tokens[k].text in _PHRASE_ENDS), None)
    if comma is None or tokens[comma].text != "," or comma == 0:
        return None
    role = tokens[comma + 1 : end]
    if not role or role[0].lower not in ("the", "a", "an") or not any(map(_is_role_word, role[:4])):
        return None
    if any(is_cue(t) or _is_auxiliary(t) for t in role):
        return None
    name_tokens = _phrase_back(tokens, comma)
    first = comma - len(name_tokens)
    opens_clause = first == 0 or not tokens[first - 1].text[0].isalnum()  # not "In Washington, the ..."
    name = phrase_to_speaker(name_tokens, text) if name_tokens and opens_clause else None
    if name is None or not name.proper or name.role or len(name.name.split()) < 2:
        return None  # a first mention has the full name ("Instead, the businessman has insisted")
    return replace(name, role=_clean_role(_span(text, role)))

def _dashed_subject(tokens: list[Token], closing: int, text: str) -> Speaker | None:
    """ "Roe -- a former envoy -- said" or "A former envoy -- Jane Roe -- said"."""
    opening = next((k for k in range(closing - 1, -1, -1) if tokens[k].text in _DASHES), None)
    if opening is None or opening == 0:
        return None
    outer = phrase_to_speaker(_phrase_back(tokens, opening), text)
    inner_tokens = _split_commas(tokens[opening + 1 : closing])[0]
    inner = phrase_to_speaker(inner_tokens, text) if inner_tokens else None
    if inner and inner.proper and inner.phrase_start == inner_tokens[0].start and not (outer and outer.proper):
        if outer is None:
            return inner
        return replace(inner, role=text[outer.phrase_start : tokens[opening - 1].end], phrase_start=outer.phrase_start)
    if outer and outer.proper and not outer.role and inner and not inner.proper and _looks_like_role(inner_tokens):
        return replace(outer, role=_clean_role(_span(text, inner_tokens)))  # "Roe -- a former envoy -- said"
    return outer

_BE_FORMS = words("be_forms")

def _is_passive(tokens: list[Token], subject_end: int, cue: int) -> bool:
    """ "Roe was asked": the subject is spoken to, not speaking ("was quoted as saying" aside)."""
    between = {t.text for t in tokens[subject_end:cue]}
    return bool(between & _BE_FORMS) and tokens[cue].text.endswith(("ed", "told", "said"))

def has_own_subject(tokens: list[Token], cue: int) -> bool:
    """False for a cue that shares its clause's subject: "... and warned", "... to say"."""
    i = cue
    while i > 0 and (_is_auxiliary(tokens[i - 1]) or _is_adverb(tokens[i - 1])):
        i -= 1
    return i > 0 and tokens[i - 1].text not in _COORDINATORS

_COORDINATORS = words("coordinators")

def _phrase_back(tokens: list[Token], end: int) -> list[Token]:
    """The noun phrase ending at tokens[end - 1], read backwards to a clause boundary."""
    i = end
    while i > 0:
        tok = tokens[i - 1]
        if not tok.text[0].isalnum() and tok.text not in ("(", ")", "-", "’", "'", "&"):
            break
        if tok.lower in _CONJUNCTIONS or tok.lower in _WH_WORDS or is_cue(tok) or _is_auxiliary(tok):
            break
        if tok.lower in _PREPOSITIONS and tok.lower not in ("of", "for", "at", "to"):
            break
        i -= 1
        if tok.lower in _DETERMINERS or (tok.lower in _PRONOUNS and i == end - 1):
            break
    if i >= 2 and tokens[i - 1].lower == "of" and tokens[i].lower in _DETERMINERS and _is_share(tokens[i - 2]):
        i -= 2  # "one of the men", "two of his aides": the share of a group speaks
    elif i >= 2 and tokens[i - 1].lower in _AFFILIATIONS and tokens[i].lower in _DETERMINERS and i < end - 1:
        owner = _phrase_back(tokens, i - 1)
        institution = tokens[end - 1].capitalised and tokens[end - 1].lower not in _TIME_WORDS
        if owner and (_is_role_word(owner[-1]) or (_is_name_word(owner[-1]) and institution)):
            i -= len(owner) + 1  # "Jane Roe of the Policy Institute", "the director of the agency"
    # The word after an auxiliary is its verb ("does not worry pollster Jane Roe"), not a role;
    # but a determiner after an adverb opens the phrase ("even a top strategist said").
    if 0 < i < end - 1 and _is_auxiliary(tokens[i - 1]) and _verb_after(tokens[i - 1], tokens[i]):
        i += 1
    phrase = tokens[i:end]
    # "of/for/at/to" join a title ("director of the Institute") but never start the phrase.
    while phrase and phrase[0].lower in ("of", "for", "at", "to"):
        phrase = phrase[1:]
    return phrase

_AFFILIATIONS = frozenset(("of", "for", "from"))  # not "at": "Roe at the time said"

def _verb_after(auxiliary: Token, token: Token) -> bool:
    """Whether the word after an auxiliary is its verb; after an adverb a determiner opens a phrase."""
    opens_phrase = _is_adverb(auxiliary) and token.lower in _DETERMINERS
    return token.text.islower() and not _is_role_word(token) and not opens_phrase

def _is_share(token: Token) -> bool:
    return token.lower in _QUANTIFIERS or token.lower in _STANDING_ALONE or token.text.isdigit()

_WH_WORDS = words("wh_words")  # "That is why critics say": the phrase starts after

def _skip_adjuncts(tokens: list[Token], cue: int) -> int:
    """Where the subject of tokens[cue] ends, past auxiliaries, adverbs and times ("on Friday")."""
    i = cue
    while i > 0:
        tok = tokens[i - 1]
        if _is_auxiliary(tok) or _is_adverb(tok):
            i -= 1
        elif tok.lower in _TIME_WORDS and tok.lower not in ("last", "this", "next"):
            # "Roe on Friday said", "Roe last week said"
            i -= 2 if i > 1 and tokens[i - 2].text in ("on", "last", "this", "late", "early") else 1
        else:
            during = next((k for k in range(i - 2, max(i - 5, -1), -1) if tokens[k].text == "during"), None)
            if during is None or any(t.text in _PHRASE_ENDS for t in tokens[during:i]):
                break
            i = during  # "Roe during the debate said"
    return i

def trailing_phrase(tokens: list[Token]) -> list[Token]:
    """The noun phrase that ends the tokens ("... surprise pollster Jane Roe")."""
    return _phrase_back(tokens, len(tokens))

def _apposed_subject(tokens: list[Token], text: str) -> Speaker | None:
    """ "Jane Roe, a spokeswoman for the ministry," / "her lawyer, John Doe," before a cue."""
    segments = _split_commas(tokens)
    for k, segment in enumerate(segments):
        # "Roe, who chairs the panel, said" / "Roe, a pollster who works with Y, a PAC, said": the
        # relative clause runs to the cue, so nothing after it is the subject. (The first segment
        # may hold earlier sentences: only an opening relative counts there.)
        relative = next((i for i, t in enumerate(segment) if t.lower in _RELATIVES), None) if k else None
        if segment and segment[0].lower in _RELATIVES:
            relative = 0
        if relative is not None:
            segments = segments[:k] + ([segment[:relative]] if relative else [])
            break
    segments = _drop_asides(_from_clause_opener(segments))
    if not segments:
        return None
    if len(segments) == 1:
        phrase = _phrase_back(segments[0], len(segments[0]))
        if _object_of_a_verb(segments[0], len(segments[0]) - len(phrase)):
            return None  # "Roe has mocked a reporter, referred to ...": a list of verbs, not an apposition
        speaker = phrase_to_speaker(phrase, text)
        return speaker or text_before_participle(segments[0], text)
    opening = _name_opening_appositions(segments, text)
    if opening is not None:
        return opening
    last, before = segments[-1], segments[-2]
    last_speaker = phrase_to_speaker(last, text)
    last = _trim(last)
    # "her lawyer, John Doe, said": a name standing alone after the description is the subject;
    # "Roe, a nominal Republican, said" is a description (it opens with "a") of the name before.
    names_alone = last and last[0].lower not in ("a", "an") and len(last) <= 5
    if names_alone and last_speaker and last_speaker.proper and last_speaker.phrase_start == last[0].start:
        if not _looks_like_role(before):
            return last_speaker
        role = _trim(before)  # "her lawyer, John Doe, said"
        return replace(last_speaker, role=_clean_role(_span(text, role)), phrase_start=role[0].start)
    head_tokens = _phrase_back(before, len(before))
    if _object_of_a_verb(before, len(before) - len(head_tokens)):
        return None  # "Roe has mocked a reporter, referred to ...": a list of verbs, not an apposition
    head = phrase_to_speaker(head_tokens, text)
    if head is None:
        return None
    return replace(head, role=_clean_role(_span(text, _trim(last)))) if _looks_like_role(last) else head

_RELATIVES = words("relatives")

def _object_of_a_verb(tokens: list[Token], start: int) -> bool:
    """Whether the phrase at tokens[start] follows a verb of its clause, and so is its object."""
    if not 0 < start < len(tokens) or tokens[start].text == "(":
        return False  # "... for what it is (Raphael Lemkin, who coined the word, said": a bracket opens a new clause
    before = tokens[start - 1]
    return is_cue(before) or _is_auxiliary(before) or bool(_PAST_TENSE_VERB.match(before.text))
_CLAUSE_OPENERS = words("subordinators") | {"but", "whereas"}

def _from_clause_opener(segments: list[list[Token]]) -> list[list[Token]]:
    """ "... block the refugees, while Mike Roe, the former governor, proposed": a segment that opens
    a new clause with a name starts the subject ("..., in what Jane Roe, a treasurer, called" too);
    what comes before it is the clause before."""
    for k in range(len(segments) - 1, 0, -1):
        segment = segments[k]
        # "in what Jane Roe, a treasurer, called": a free relative after its preposition opens one too
        free_relative = len(segment) > 2 and segment[0].lower in _PREPOSITIONS and segment[1].lower == "what"
        j = 1 if free_relative else 0
        opens = free_relative or segment[0].lower in _CLAUSE_OPENERS
        if len(segment) > j + 1 and opens and segment[j + 1].capitalised:
            return [segment[j + 1 :], *segments[k + 1 :]]
    return segments

def _name_opening_appositions(segments: list[list[Token]], text: str) -> Speaker | None:
    """ "Cmdr. Jane Roe, a spokeswoman for the task force, the coalition's press office, said": a
    full name followed by two or more descriptions is the subject, the first description its role
    (the later ones describe the words before them, not the speaker)."""
    if len(segments) < 3 or not segments[0] or not segments[1]:
        return None
    name = phrase_to_speaker(_phrase_back(segments[0], len(segments[0])), text)
    if name is None or not name.proper or len(name.name.split()) < 2:
        return None
    if segments[1][0].lower not in ("a", "an", "the") or not _looks_like_role(segments[1]):
        return None
    if not all(segment and segment[0].lower in ("a", "an", "the") for segment in segments[2:]):
        return None
    return replace(name, role=name.role or _clean_role(_span(text, _trim(segments[1]))))

_ASIDE_WORDS = words("aside_words")

_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z]")

def _is_aside(segment: list[Token]) -> bool:
    """A comma-delimited aside between a speaker and the cue: "however", "R-Ky.", "65", "in 2012",
    "speaking to reporters"."""
    first = segment[0]
    if len(segment) == 1 and (first.lower in _ASIDE_WORDS or _is_adverb(first) or first.text.isdigit()):
        return True
    while len(segment) > 1 and (
        segment[0].lower in _ASIDE_WORDS or _is_adverb(segment[0]) or segment[0].lower == "and"
    ):
        segment = segment[1:]  # "also campaigning in Ohio", "and obtained by AP"
    first = segment[0]
    if first.text.islower() and first.text.endswith(("ing", "ed")):
        return True
    if first.text.islower() and len(segment) > 1 and segment[1].lower == "by":
        return True  # "and seen by Reuters": a passive aside, whatever the participle's ending
    return bool(_PARTY_TAG.match(first.text)) or first.lower in _PREPOSITIONS

def _drop_asides(segments: list[list[Token]]) -> list[list[Token]]:
    """Segments without asides; a place after a prepositional aside goes too ("of Flint, Mich.")."""
    kept: list[list[Token]] = []
    after_place = False
    for segment in segments:
        if not segment:
            continue
        if after_place and len(segment) == 1 and segment[0].capitalised:
            continue
        after_place = segment[0].lower in _PREPOSITIONS
        if not _is_aside(segment):
            kept.append(segment)
    return kept

_PHRASE_ENDS = frozenset((",", ".", ";", ":", "!", "?", "(", "—", "–", '"', "“", "”"))

def speaker_after(tokens: list[Token], cue: int, text: str) -> Speaker | None:
    """The speaker after an inverted cue: 'said Jane Roe, director of the Institute.'"""
    j = cue + 1
    end = _inverted_phrase_end(tokens, j)
    head = tokens[j:end]
    if not head or head[0].lower in _TIME_WORDS or head[0].lower in _PREPOSITIONS or _is_date(head):
        return None
    if head[0].lower in ("that", "this", "these", "those"):
        return None  # "reports that ...": what was said follows, not who said it
    if end < len(tokens) and (_is_auxiliary(tokens[end]) or is_cue(tokens[end])):
        return None  # "said Roe was wrong": Roe is the subject of what was said, not the speaker
    if head[0].lower in _PRONOUNS and head[0].lower not in ("he", "she"):
        return None
    if not _can_open_speaker_phrase(head[0]) and not _modifies_a_role(head, 0):
        return None
    speaker = phrase_to_speaker(head, text)
    if speaker is None:
        return None
    # "said Jane Roe, director of the Institute": a role after a name. After a description ("according
    # to the man, the steroids ...") a "the" phrase is the sentence going on, not a role.
    if end < len(tokens) and tokens[end].text == ",":
        rest = tokens[end + 1 :]
        stop = next((k for k, t in enumerate(rest) if t.text in _PHRASE_ENDS and t.text != "("), len(rest))
        if _looks_like_role(rest[:stop]) and (speaker.proper or _names_a_role(rest[:stop])):
            return replace(speaker, role=_clean_role(_span(text, _trim(rest[:stop]))))
    return speaker

def _inverted_phrase_end(tokens: list[Token], j: int) -> int:
    """Where the speaker phrase starting at tokens[j] ends: at punctuation, a preposition other
    than of/for/at, a cue, an auxiliary or a relative ("said a Mexican official who was ...")."""
    end = j
    while end < len(tokens) and tokens[end].text not in _PHRASE_ENDS:
        word = tokens[end]
        if end > j and (word.lower in _PREPOSITIONS and word.lower not in ("of", "for", "at")):
            break
        if is_cue(word) or (end > j and (_is_auxiliary(word) or word.lower in _RELATIVES)):
            break
        following = tokens[end + 1].lower if end + 1 < len(tokens) else ""
        verb = _PAST_TENSE_VERB.fullmatch(word.text) and following in _DETERMINERS
        if end > j and tokens[end - 1].capitalised and verb:
            break  # "riders added by Jane Roe stalled the treaty" (not "said one Republican involved in it")
        end += 1
    return end

_PAST_TENSE_VERB = re.compile(r"[a-z]{3,}ed")

def _names_a_role(tokens: list[Token]) -> bool:
    """ "a veteran of the talks", "director of the Institute" (not "the steroids")."""
    tokens = _trim(tokens)
    return bool(tokens) and (tokens[0].lower in ("a", "an") or any(map(_is_role_word, tokens[:4])))

def _can_open_speaker_phrase(token: Token) -> bool:
    """ "said Roe", "said the minister", "said Sen. Roe", "said spokesman Bo Li", "he said"."""
    if _is_name_word(token) or _is_role_word(token) or token.bare in _TITLES:
        return True
    return token.lower in _DETERMINERS or token.lower in ("he", "she") or token.lower in _MODIFIERS_BEFORE_ROLE

def _modifies_a_role(tokens: list[Token], k: int) -> bool:
    """ "said conservative activist Bob Klaus": a lower-case word right before a role word."""
    word = tokens[k].text
    return word.isalpha() and word.islower() and k + 1 < len(tokens) and _is_role_word(tokens[k + 1])

# Words that open a speaker's description: "said former Colorado Rep. Jane Roe".
_MODIFIERS_BEFORE_ROLE = words("modifiers_before_role")

def clause_subject(tokens: list[Token], text: str, anyone: bool = False) -> Speaker | None:
    """The subject of a clause, for a participle cue: 'Roe rejected the plan, saying it was ...'.

    A finite cue earlier in the clause names it best; otherwise the phrase that opens the
    clause, after any introductory phrase ("On Tuesday, ...").
    """
    for c in range(len(tokens) - 1, -1, -1):
        finite = not is_participle(tokens[c]) and not names_a_title(tokens, c)
        if is_cue_at(tokens, c) and finite and not cue_is_noun(tokens, c):
            speaker = subject_before(tokens, c, text)
            if speaker:
                return speaker
    apposed = _apposed_name(tokens, text)
    if apposed is not None:
        return apposed
    k = _dateline_end(tokens)
    if k == 0 and tokens and _opens_with_aside(tokens[0]):
        k = next((i + 1 for i, t in enumerate(tokens) if t.text == ","), len(tokens))
    j = k
    while j < len(tokens) and _in_opening_phrase(tokens, j):
        j += 1
    phrase = tokens[k:j]
    speaker = phrase_to_speaker(phrase, text) if phrase else None
    if speaker and (anyone or speaker.proper or speaker.pronoun or _is_role_word(phrase[-1])):
        return speaker
    if k == 0:
        return _after_introductory_phrase(tokens, text)
    return None

_LONGEST_DATELINE = 10  # tokens of "SAN JUAN, Puerto Rico (AP) --"

def _dateline_end(tokens: list[Token]) -> int:
    """Where the sentence starts after a wire story's dateline, "Washington (AFP) - Roe said" or
    "LAGOS, Nigeria (Reuters) -- ...": capitalised place words, an agency in brackets and a dash
    open the first paragraph and are not its subject. 0 when there is none."""
    for k, tok in enumerate(tokens[:_LONGEST_DATELINE]):
        if tok.text in _DASHES or tok.text == "-":
            bracketed = k >= 3 and tokens[k - 1].text == ")" and tokens[k - 3].text == "("
            return k + 1 if bracketed and all(t.capitalised or not t.text.isalnum() for t in tokens[:k]) else 0
    return 0

_INTRODUCTORY_PHRASE = 6  # tokens: "Here in Vienna,", "Back at the ministry,"

def _after_introductory_phrase(tokens: list[Token], text: str) -> Speaker | None:
    """ "Here in Vienna, Roe stepped up her attack, saying ...": an introductory phrase set off by a
    comma stands before the clause's subject; the subject is the name that follows it (a name only:
    the words after such a comma may also be a list)."""
    comma = next((i for i, t in enumerate(tokens[:_INTRODUCTORY_PHRASE]) if t.text == ","), None)
    if comma is None or comma == 0 or any(is_cue(t) for t in tokens[:comma]):
        return None
    j = comma + 1
    while j < len(tokens) and _in_opening_phrase(tokens, j):
        j += 1
    phrase = tokens[comma + 1 : j]
    speaker = phrase_to_speaker(phrase, text) if phrase else None
    if speaker is None or not speaker.proper or j >= len(tokens) or not tokens[j].text.islower():
        return None  # the name must go on with its verb ("Roe stepped up"), not with a list
    return speaker

def _apposed_name(tokens: list[Token], text: str) -> Speaker | None:
    """The name set off by commas after a clause's opening description: "One of her former
    supporters who still backs Roe, former Rep. Jane Doe, lives in the district and wrote ..."."""
    segments = _split_commas(tokens)
    if len(segments) < 3 or not segments[0] or not segments[1] or len(segments[1]) > 6:
        return None
    first = segments[0][0]
    if not (first.lower in _DETERMINERS or first.lower in _QUANTIFIERS or _is_role_word(first)):
        return None
    if any(is_cue(t) for t in segments[0]):
        return None
    name = phrase_to_speaker(segments[1], text)
    if name is None or not name.proper or name.phrase_start != segments[1][0].start:
        return None
    return replace(name, role=name.role or _clean_role(_span(text, segments[0])))

def _opens_with_aside(token: Token) -> bool:
    """A clause that opens with "In 2012,", "Asked about it,", "Continuing his speech,", "Later,"."""
    word = token.lower
    if word in _PREPOSITIONS or word in _TIME_WORDS or word in _ASIDE_WORDS:
        return True
    return _is_adverb(Token(word, 0, 0)) or word.endswith(("ing", "ed"))

def _in_opening_phrase(tokens: list[Token], j: int) -> bool:
    tok = tokens[j]
    if _is_name_word(tok) or tok.bare in _TITLES or _is_role_word(tok) or _is_particle(tokens, j):
        return True
    if tok.lower in _DETERMINERS or tok.lower in ("he", "she", "they", "we", "i"):
        return j == 0 or tokens[j - 1].text == ","
    if tok.lower in _TEXTS and j > 0 and tokens[j - 1].lower in _DETERMINERS:
        return True  # "A footnote in the report makes it clear:"
    if j > 0 and _is_name_word(tokens[j - 1]) and _PAST_TENSE_VERB.match(tok.text):
        return False  # "Todd pressed Chairman Reince Priebus": the verb after a name, not a modifier
    if tok.text.islower() and not is_cue(tok) and not _is_auxiliary(tok) and tok.lower not in _PREPOSITIONS:
        # A modifier ("former", "presidential") belongs to the phrase when a role word follows
        # it before any preposition: "former Cato Institute president Ed Crane".
        for t in tokens[j + 1 : j + 4]:
            if _is_role_word(t):
                return True
            if (t.text.islower() and t.lower in _PREPOSITIONS) or _is_auxiliary(t) or is_cue(t):
                return False
    return False

def in_words_of(tokens: list[Token], text: str) -> Speaker | None:
    """The speaker of 'in Roe's words, "..."' or 'in the words of Jane Roe, "..."'."""
    for k in range(len(tokens) - 2):
        if tokens[k].lower != "in":
            continue
        if (tokens[k + 1].lower == "the" and tokens[k + 2].lower == "words" and k + 3 < len(tokens)
                and tokens[k + 3].lower == "of"):
            return speaker_after(tokens, k + 3, text)
        words = next((j for j in range(k + 2, min(k + 6, len(tokens))) if tokens[j].lower == "words"), None)
        if words is not None and _POSSESSIVE.search(tokens[words - 1].text):
            return _possessor(tokens[k + 1 : words], text)
    return None

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")

# What a person writes or says, for "From Roe's statement:" and "in Roe's words".
_DOCUMENTS = words("documents")

# Things that are written and can be quoted: "A footnote in the report makes it clear: ..."
_TEXTS = _DOCUMENTS | words("written_texts")

def _is_text_word(token: Token) -> bool:
    word = token.bare
    return word in _TEXTS or (word.endswith("s") and word[:-1] in _TEXTS)

def text_before_participle(tokens: list[Token], text: str, end: int | None = None) -> Speaker | None:
    """A document that speaks through a participle clause: "A legal opinion drafted for the firm
    (...) concluded", "An Egyptian textbook just published for pupils explains". The clause opens
    with the document's noun phrase, a participle after it; None when it does not. Only
    tokens[:end] are read."""
    end = len(tokens) if end is None else end
    # The last phrase end, found from the back (no copy of the tokens before it either): reading
    # from the front made every speech cue of a long paragraph read the whole paragraph.
    start = next((k + 1 for k in range(end - 1, -1, -1) if tokens[k].text in _PHRASE_ENDS), 0)
    clause = tokens[start:end]
    if not clause or clause[0].lower not in _DETERMINERS:
        return None
    for k in range(1, min(len(clause) - 1, 5)):
        if not _is_text_word(clause[k]):
            continue
        j = k + 1
        while j < len(clause) - 1 and (_is_auxiliary(clause[j]) or _is_adverb(clause[j])):
            j += 1
        if clause[j].text.islower() and (clause[j].text.endswith("ed") or _agent_follows(clause, j)):
            return phrase_to_speaker(clause[: k + 1], text)
        return _document_obtained_by(clause, k, text)
    return None

_LONGEST_SOURCE_PHRASE = 6  # tokens of "from the American Legion" after a document's noun

def _agent_follows(clause: list[Token], j: int) -> bool:
    """ "An email seen by the Post": a participle, regular or not, with its agent after it."""
    return j + 1 < len(clause) and clause[j + 1].lower == "by"

def _document_obtained_by(clause: list[Token], k: int, text: str) -> Speaker | None:
    """Rule document-obtained-by: 'A letter from the Legion obtained by the Post warns': the agent
    after the participle obtained or saw the document; the document (with the phrase that says
    whose it is) speaks."""
    if k + 1 >= len(clause) or clause[k + 1].lower not in ("from", "of", "by", "to"):
        return None
    for m in range(k + 2, min(len(clause) - 1, k + 2 + _LONGEST_SOURCE_PHRASE)):
        if clause[m].text in _PHRASE_ENDS:
            return None
        if clause[m].text.islower() and clause[m].lower not in _DETERMINERS and _agent_follows(clause, m):
            return Speaker(_span(text, clause[:m]), None, clause[0].start, clause[0].start)
    return None

def is_document(speaker: Speaker) -> bool:
    """A description naming a text rather than people: "a statement", "the newspaper's editorial"."""
    return not speaker.proper and not speaker.pronoun and _is_text_word(Token(speaker.name.split()[-1], 0, 0))

def possessed_text(speaker: Speaker) -> bool:
    """Whether a description is a document someone owns: "the newspaper's editorial"."""
    words = speaker.name.split()
    return len(words) > 1 and _POSSESSIVE.search(words[-2]) is not None and _is_text_word(Token(words[-1], 0, 0))

def _possessor(tokens: list[Token], text: str) -> Speaker | None:
    """The person in a possessive phrase ("Jane Roe's", "the senator's", "Forbes’"), as a speaker."""
    speaker = phrase_to_speaker(tokens, text)
    if speaker is None:
        return None
    name = re.sub(r"['’]s?$", "", speaker.name)
    return replace(speaker, name=name) if name else None

def _document_author(tokens: list[Token], text: str) -> Speaker | None:
    """ 'From Roe's Facebook post: "..."': the author of a document named by a possessive."""
    for k, tok in enumerate(tokens):
        names_a_document = any(t.lower in _DOCUMENTS for t in tokens[k + 1 : k + 4])
        if _POSSESSIVE.search(tok.text) and tok.capitalised and names_a_document:
            return _possessor(_phrase_back(tokens, k + 1), text)
    return None

def according_to(tokens: list[Token], text: str) -> Speaker | None:
    """The speaker of 'according to Jane Roe, a ministry spokeswoman'."""
    for k in range(len(tokens) - 2):
        if tokens[k].lower == "according" and tokens[k + 1].lower == "to":
            return speaker_after(tokens, k + 1, text)
    return None
