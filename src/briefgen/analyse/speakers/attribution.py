"""Attribution around a quotation: the words after its closing mark, or before its opening one."""
from __future__ import annotations

import re
from dataclasses import replace

from ...lexicon import words
from .phrases import is_personal, phrase_to_speaker
from .subjects import (
    _BE_FORMS,
    _POSSESSIVE,
    _document_author,
    _phrase_back,
    _possessor,
    according_to,
    clause_subject,
    has_own_subject,
    in_words_of,
    possessed_text,
    speaker_after,
    subject_before,
    trailing_phrase,
)
from .tokens import (
    _PREPOSITIONS,
    _TIME_WORDS,
    Speaker,
    Token,
    _is_auxiliary,
    credit,
    cue_is_noun,
    is_cue,
    is_cue_at,
    is_invertible,
    is_participle,
    is_passive_by,
    names_a_title,
)


def colon_speaker(before: list[Token], text: str) -> Speaker | None:
    """ 'Roe told the committee: "..."', 'Rep. Jane Roe (D-Ore.): "..."' (a transcript),
    'Roe went further -- "..."'."""
    if not before or before[-1].text not in (":", "—", "--", "–"):
        return None
    head = before[:-1]
    if not head or (len(head) == 1 and head[0].lower in _INTERVIEW_LABELS):
        return None  # "Q:" and "A:" mark the turns of an interview, not a person
    verb = len(head) - 2 if len(head) > 1 and head[-1].lower in _PARTICLES else len(head) - 1
    participle_after_comma = is_participle(head[verb]) and verb > 0 and head[verb - 1].text == ","
    if (is_cue_at(head, verb) or _PAST_TENSE.match(head[verb].text)) and not participle_after_comma:
        # ("Roe rallied them, saying:" is the clause's subject speaking: cue_speaker below reads it)
        # the verb right before the colon ("O'Malley interjected:", "Roe wrapped up --"), listed or not
        speaker = subject_before(head, verb, text)
        if speaker and (speaker.proper or speaker.pronoun):
            return credit(speaker, "colon-verb")
    dashed = _name_after_dash(head, text)
    if dashed is not None:
        return credit(dashed, "colon-name")  # "Pollsters agree - Jane Roe: ...": the name, not "Pollsters"
    speaker = cue_speaker(head, text, before_colon=True)
    if speaker:
        return speaker
    if head[-1].capitalised:
        speaker = phrase_to_speaker(trailing_phrase(head), text)
        if speaker and speaker.proper:
            return credit(speaker, "colon-name")  # "... doesn't surprise pollster Jane Roe:"
    return credit(_document_author(head, text), "colon-document") or credit(
        clause_subject(head, text, anyone=True), "colon-clause-subject"
    )

_DASH_MARKS = frozenset(("-", "—", "–", "--"))

def _name_after_dash(head: list[Token], text: str) -> Speaker | None:
    """ 'Pollsters agree - Jane Roe: "..."': a digest's line sets the topic, a dash, then the name
    of the one quoted and a colon. The name, or None when no proper name stands after a dash."""
    if not head or not head[-1].capitalised:
        return None
    phrase = trailing_phrase(head)
    dash = next((k for k, t in enumerate(phrase) if t.text in _DASH_MARKS), None)
    if dash is not None:
        phrase = phrase[dash + 1 :]  # a hyphen is a word joiner to the phrase rules
    elif len(phrase) == len(head) or head[len(head) - len(phrase) - 1].text not in _DASH_MARKS:
        return None
    if not phrase:
        return None
    speaker = phrase_to_speaker(phrase, text)
    return speaker if speaker is not None and speaker.proper else None

_INTERVIEW_LABELS = words("interview_labels")

_CLAUSE_STOPS = frozenset(".;:!?")

_PARTICLES = words("phrasal_particles")

_LEADING_PUNCTUATION = frozenset(",;:—–-")

def speaker_before(before: list[Token], text: str) -> Speaker | None:
    """The speaker named in the words before a quotation's opening mark, in its sentence:
    'Roe said: "..."', 'Roe said the treaty was "a relic"', 'according to Roe, "..."'."""
    return (
        credit(in_words_of(before, text), "in-words-of")
        or colon_speaker(before, text)
        or cue_speaker(before, text)
        or credit(according_to(before, text), "according-to")
        or credit(_issued_document(before, text), "issued-document")
    )

def _issued_document(before: list[Token], text: str) -> Speaker | None:
    """ 'Roe issued a statement, "..."' / 'Roe posted a message on Facebook, "..."': a person's
    document named right before the opening mark and its comma is the quotation, so its issuer,
    the subject of the clause, speaks. Only a person or a named body: the clause's subject."""
    if len(before) < 3 or before[-1].text != ",":
        return None
    nearest = range(len(before) - 2, max(len(before) - 6, 0) - 1, -1)  # "a statement," "a message on X,"
    document = next((k for k in nearest if before[k].lower in _DOCUMENTS), None)
    if document is None or any(t.text in _CLAUSE_STOPS or t.text == "," for t in before[document:-1]):
        return None
    speaker = clause_subject(before[:document], text)
    return speaker if speaker is not None and speaker.proper else None

_DOCUMENTS = words("documents")

def introducing_speaker(before: list[Token], text: str) -> Speaker | None:
    """ 'When a heckler shouted, "Liar," Roe smiled' / 'Roe said, "We will win," and left': a cue
    and a comma (or colon) right before the opening mark introduce the quotation, so its speaker
    is that cue's subject even when another cue follows the closing mark, which then belongs to
    the sentence going on. None when the cue has no subject ('Asked, "Will you run?" Roe said')."""
    c = len(before) - 2
    if c < 0 or before[-1].text not in (",", ":") or not is_cue_at(before, c) or cue_is_noun(before, c):
        return None
    if is_participle(before[c]) or _after_modal(before, c):
        return None
    speaker = subject_before(before, c, text)
    if speaker is None or not (speaker.proper or speaker.pronoun or is_personal(speaker)):
        return None
    return credit(speaker, "said-comma-then-quote")

_FRONTING = words("subordinators") | {"as"}
_LEADING_LINKS = frozenset(("but", "and", "even", "yet"))

def fronted_clause_speaker(before: list[Token], text: str) -> Speaker | None:
    """Rule quote-in-fronted-clause: 'But even as Roe claimed that "...," Doe said the cases differ':
    a quotation inside a sentence's opening subordinate clause, with no comma before it, belongs to
    that clause's cue; the cue after its closing comma is the main clause's. None otherwise."""
    k = 0
    while k < len(before) and before[k].lower in _LEADING_LINKS:
        k += 1
    if k >= len(before) or before[k].lower not in _FRONTING:
        return None
    if any(t.text == "," or t.text in _CLAUSE_STOPS for t in before[k + 1 :]):
        return None
    return cue_speaker(before[k + 1 :], text)

def cue_subjects(tokens: list[Token], text: str) -> list[Speaker]:
    """Everyone a stretch of text has saying something ("Roe said", '", said Roe'), in order."""
    found = []
    for c, tok in enumerate(tokens):
        if is_cue_at(tokens, c):
            speaker = subject_before(tokens, c, text)
            if speaker is None and c > 0 and tokens[c - 1].text in ",”\"" and is_invertible(tok):
                speaker = speaker_after(tokens, c, text)
            if speaker:
                found.append(speaker)
    return found

def speaker_right_after(after: list[Token], text: str, open_ended: bool, ended: bool = False) -> Speaker | None:
    """ '"...," Roe said' / '"...," said Roe' / '"...," the minister, Jane Roe, told reporters'.

    `open_ended`: the quotation ends on a comma, question or exclamation mark, so the sentence
    goes on and an unlisted verb after a speaker ('"...," the crowd roared') still attributes it.
    `ended`: it ends on a sentence's final mark, so a cue after it that opens the next quotation
    is that one's (`_introduces_next_quote`).
    """
    after = _same_line_words(after, text)
    if not after or (ended and _introduces_next_quote(after)):
        return None
    if is_participle(after[0]):
        # '"...," citing a report' / '"...," telling reporters': a participle goes on the sentence
        # of the quotation; the words after it are its object, never an inverted speaker
        return None
    if is_cue(after[0]):
        return credit(_inverted_speaker(after, text), "said-then-speaker")  # '"...," said Roe'
    if open_ended and _PAST_TENSE.match(after[0].text):
        return credit(speaker_after(after, 0, text), "unlisted-verb-then-speaker")  # '"...!" beamed Roe
    for c, tok in enumerate(after[:20]):
        if tok.text in _CLAUSE_STOPS:
            break
        if is_cue_at(after, c) and not cue_is_noun(after, c):
            if is_passive_by(after, c) and not _BE_FORMS & {t.text for t in after[:c]}:
                # '"poison pill" riders added by Roe'
                return credit(speaker_after(after, c + 1, text), "by-speaker-after")
            return _subject_or_inverted(after, c, text)
    if open_ended:
        verb = _unlisted_speech_verb(after)
        if verb is not None:
            return _subject_or_inverted(after, verb, text, rule="speaker-then-unlisted-verb")
    return None

_OPENING_MARKS = frozenset("\"“‘'")
_GOING_ON_CUES = words("going_on_cues")

def _introduces_next_quote(after: list[Token]) -> bool:
    """Rule next-turn: '"Why now?" Doe wrote back, "You look cute."' A quotation closed by its
    sentence's final mark has ended; a short clause with a cue, a comma or colon and an opening
    mark after it is a new turn that introduces the next quotation. Not a cue that goes on
    from the same speaker's words ('"We won." Roe added, "..."'), which belongs to both."""
    for c, tok in enumerate(after[:_LONGEST_TURN]):
        if tok.text in _CLAUSE_STOPS or tok.text in _OPENING_MARKS:
            return False
        if is_cue_at(after, c) and not cue_is_noun(after, c):
            k = c + 1 + (c + 1 < len(after) and after[c + 1].lower in _PARTICLES)
            return (
                tok.lower not in _GOING_ON_CUES
                and k + 1 < len(after)
                and after[k].text in (",", ":")
                and after[k + 1].text in _OPENING_MARKS
            )
    return False

_LONGEST_TURN = 6  # tokens before the cue: "Clinton's chief of staff then"

def _same_line_words(after: list[Token], text: str) -> list[Token]:
    """The words after a closing mark that can attribute it: none after a line break
    (`_on_a_new_line`), and without the punctuation that opens them."""
    if after and _on_a_new_line(after[0], text):
        return []
    while after and after[0].text in _LEADING_PUNCTUATION:
        after = after[1:]
    return after

def _on_a_new_line(first: Token, text: str) -> bool:
    """ '... how do you bridge the divide?"' and, on the next line, 'Roe acknowledged that ...': an
    attribution follows its quotation on the same line; words after a line break are the next
    paragraph's (a reply, a new speaker), not the quotation's."""
    k = first.start - 1
    while k >= 0 and text[k] in " \t\u00a0\r\n":
        if text[k] == "\n":
            return True
        k -= 1
    return False

def _subject_or_inverted(after: list[Token], c: int, text: str, rule: str = "speaker-then-said") -> Speaker | None:
    """The speaker of a cue right after a quotation: its subject from the first word on, or the
    name after it when a relative clause stands between ('"...," Texas, where X lives, said Roe')."""
    subject = subject_before(after, c, text)
    if subject and subject.phrase_start != after[0].start:
        subject = _described_name(after, subject, text)
    if after[c - 1].text == "," and is_invertible(after[c]) and (subject is None or _has_relative(after[:c])):
        inverted = speaker_after(after, c, text)
        if inverted and inverted.proper:
            return credit(inverted, "aside-then-said-speaker")
    return credit(subject, rule)

def _described_name(after: list[Token], subject: Speaker, text: str) -> Speaker | None:
    """ '"...," Fight for $15 organizing director Jane Roe told the station' / '"...," his wife,
    Jane Roe, wrote': between a closing mark and its cue the writer puts only the speaker's
    phrase, so a full name right before the cue is the speaker, whatever description opens the
    phrase, when that description holds no clause of its own (no verb, cue, relative, time or
    clause punctuation). Its words are the role."""
    if not subject.proper or len(subject.name.split()) < 2:
        return None
    head = [t for t in after if t.start < subject.start]
    if not head or not (head[0].capitalised or head[0].lower in _DESCRIPTION_OPENERS):
        return None
    if head[0].lower in _TIME_WORDS or head[0].lower in _NOT_DESCRIBING or head[0].lower in _PREPOSITIONS:
        return None  # 'On Tuesday Roe said', 'When Roe said'
    for tok in head:
        if tok.text in _CLAUSE_STOPS or tok.text in ("(", ")") or is_cue(tok) or _PAST_TENSE.match(tok.text):
            return None
        if tok.lower in _NOT_DESCRIBING or (tok.text.islower() and tok.lower in _TIME_WORDS):
            return None  # ("CBS This Morning co-anchor" is a programme's name, "this morning" a time)
    role = text[head[0].start : head[-1].end].strip(" ,")
    return replace(subject, role=role or subject.role, phrase_start=head[0].start)

# Words that open a description of the speaker in lower case: "his wife, Jane Roe, wrote".
_DESCRIPTION_OPENERS = frozenset(words("possessive_determiners"))
# Words that show a clause rather than a description: "who", "when", "and", "is".
_NOT_DESCRIBING = words("relatives") | words("conjunctions") | words("auxiliaries") | words("subordinators")

def _inverted_speaker(after: list[Token], text: str) -> Speaker | None:
    """The speaker after '"...," said': 'said Jane Roe' and, when the phrase is more than the
    rules read ('said Oversight ranking Democrat Jane Roe'), the full name that ends it, its
    description as the role. Inverted attribution puts the name last: the convention of
    '"...," said the committee's ranking Democrat, Jane Roe' and 'said ranking member Jane Roe'."""
    speaker = speaker_after(after, 0, text)
    if speaker is not None:
        return speaker
    end = next((k for k, t in enumerate(after[1:], start=1) if not _is_name_or_modifier(t)), len(after))
    head = after[1:end]
    if len(head) < 3 or len(head) > _LONGEST_DESCRIBED or not (head[-1].capitalised and head[-2].capitalised):
        return None
    if end < len(after) and after[end].text not in (".", ",", "(", ";"):
        return None  # 'said ranking Democrat Jane Roe was wrong': Roe is what was said
    for k in range(1, len(head) - 1):
        name = phrase_to_speaker(head[k:], text)
        if name is not None and name.proper and len(name.name.split()) >= 2:
            role = text[head[0].start : head[k - 1].end] + (f" {name.role}" if name.role else "")
            return replace(name, role=role, phrase_start=head[0].start)
    return None

_LONGEST_DESCRIBED = 8  # tokens of "said Oversight ranking Democrat Jane Roe"

def _is_name_or_modifier(token: Token) -> bool:
    """A word of a speaker phrase after an inverted cue: a capitalised word or a lower-case
    modifier ("ranking", "former"), not a verb, a cue or punctuation."""
    if token.capitalised:
        return True
    return token.text.isalpha() and token.text.islower() and not is_cue(token) and not _PAST_TENSE.match(token.text) \
        and token.lower not in _NOT_DESCRIBING and token.lower not in _TIME_WORDS

def _has_relative(tokens: list[Token]) -> bool:
    return any(t.lower in ("who", "which", "where", "whose") for t in tokens)

_PAST_TENSE = re.compile(r"^[a-z]{3,}ed$")

def _unlisted_speech_verb(after: list[Token]) -> int | None:
    """Index of a past-tense verb closing a short speaker phrase: '"...," the crowd roared.'"""
    for c, tok in enumerate(after[1:7], start=1):
        if tok.text in _CLAUSE_STOPS or tok.text == ",":
            return None
        if _PAST_TENSE.match(tok.text):
            nxt = after[c + 1].text if c + 1 < len(after) else "."
            return c if nxt in (".", ",", "!", "?") or nxt in ("in", "on", "at", "to", "of") else None
    return None

def cue_speaker(before: list[Token], text: str, before_colon: bool = False) -> Speaker | None:
    """ 'Roe said the treaty was "a relic"', nearest cue first.

    A person beats a thing "saying" something ('Roe released a statement saying ...'); cues
    inside a parenthesis that closed before the quotation belong to that aside.
    """
    parenthetical = _parenthetical_cue(before, text)
    if parenthetical is not None:
        return credit(parenthetical, "parenthetical-cue")
    fallback = None
    depth = 0
    for c in range(len(before) - 1, _fronted_clause_end(before) - 1, -1):
        depth += before[c].text == ")"
        depth -= before[c].text == "(" and depth > 0
        owner = _owner_of_speech_noun(before, c, text) if not depth else None
        if owner is not None:
            return credit(owner, "possessor-of-speech-noun")
        if depth or not is_cue_at(before, c) or cue_is_noun(before, c) or _in_closed_relative(before, c):
            continue
        if (before_colon and _relative_with_object(before, c)) or names_a_title(before, c):
            continue
        if is_participle(before[c]) and before[c - 1].lower == "for":
            return credit(_blamed_for(before, c - 1, text), "blamed-for-saying")
        inverted = _inverted_before_quote(before, c, text)
        if inverted is not None:
            return credit(inverted, "said-speaker-then-quote")
        speaker = _speaker_of_cue(before, c, text)
        progressive = c > 0 and before[c - 1].lower in _BE_FORMS  # "is calling": a finite verb
        reported = (is_participle(before[c]) and not progressive) or _after_modal(before, c)
        if speaker and (is_personal(speaker) or possessed_text(speaker) or not reported):
            return _reporter_of(before, speaker, c, text) or speaker
        fallback = fallback or speaker
    return fallback

def _reporter_of(tokens: list[Token], speaker: Speaker, cue: int, text: str) -> Speaker | None:
    """Rule reported-clause: 'Roe said Doe called the plan "a disaster"': a cue whose subject
    opens the object clause of an earlier cue (right after it, or after "that") is what the
    earlier speaker reports; the quotation comes through the reporter, who speaks. None when the
    speaker's phrase opens no such clause."""
    k = next((i for i, t in enumerate(tokens) if t.start >= speaker.phrase_start), None)
    if k is None or k == 0:
        return None
    c = k - 1 - (tokens[k - 1].lower == "that")
    if c < 0 or not is_cue_at(tokens, c) or cue_is_noun(tokens, c) or is_participle(tokens[c]):
        return None
    if any(t.lower in _RELATIVE_OPENERS for t in tokens[k:cue]):
        return None  # "She quoted an envoy who said": the envoy is the cue's object, and speaks
    reporter = _speaker_of_cue(tokens, c, text)
    if reporter is None or not (reporter.proper or reporter.pronoun):
        return None
    # "Obama said he expected that Americans will say": the reporter may report in turn
    outer = _reporter_of(tokens, reporter, c, text) if reporter.pronoun else None
    return outer or credit(replace(reporter, rule=""), "reported-clause")

def _parenthetical_cue(tokens: list[Token], text: str) -> Speaker | None:
    """ 'The station, Roe said, called the move "highly significant"': a name and its cue set off
    by commas inside the sentence attribute the whole sentence to that name, whatever the other
    cues of the sentence say. Only a name right after the opening comma."""
    for c in range(len(tokens) - 2, 1, -1):
        if tokens[c + 1].text != "," or not is_cue(tokens[c]) or is_participle(tokens[c]):
            continue
        speaker = subject_before(tokens, c, text)
        if speaker is None or not speaker.proper:
            continue
        k = next((i for i, t in enumerate(tokens) if t.start >= speaker.phrase_start), 0)
        if k > 1 and tokens[k - 1].text == "," and _verb_goes_on(tokens, c + 2):
            return speaker
    return None

def _verb_goes_on(tokens: list[Token], k: int) -> bool:
    """After the parenthesis the sentence's verb goes on ("..., Roe said, called it"); a new
    subject there ("..., the Post reported, his wife whispered") makes the parenthesis a relay."""
    if k >= len(tokens) or any(t.text in _CLAUSE_STOPS for t in tokens[k:]):
        return False
    first = tokens[k]
    return is_cue(first) or _is_auxiliary(first) or bool(_PAST_TENSE.match(first.text))

_SPEECH_NOUNS = words("speech_nouns")
_LONGEST_CONTENT_SUBJECT = 4  # tokens of "that the minister" before a quoted predicate

def _owner_of_speech_noun(tokens: list[Token], c: int, text: str) -> Speaker | None:
    """ 'Roe's claim that the minister "founded the militia"', 'Roe's assertion of a "right to
    know"': a noun of saying owned by a name holds the owner's words when the quotation is its
    object after "of", or the predicate of its short that-clause. Not when the words before the
    quotation judge the claim ('called Roe's claim "absurd"', 'Roe's claim that ... is "untrue"'):
    then the quotation is someone else's, and it follows the noun directly or after a long clause."""
    if c == 0 or tokens[c].lower not in _SPEECH_NOUNS:
        return None
    if not _POSSESSIVE.search(tokens[c - 1].text):
        return _agent_of_speech_noun(tokens, c, text)
    rest = tokens[c + 1 :]
    if not (_quoted_object(rest) or _quoted_predicate(rest)):
        return None
    owner = _possessor(_phrase_back(tokens, c), text)
    return owner if owner is not None and owner.proper else None

_LONGEST_AGENT = 5  # tokens of "a potential president" after "by"

def _agent_of_speech_noun(tokens: list[Token], c: int, text: str) -> Speaker | None:
    """ 'the suggestion by a potential president that someone "ought to look into" it': a noun of
    saying with its agent after "by" holds the agent's words in its short that-clause."""
    if c + 2 >= len(tokens) or tokens[c + 1].lower != "by":
        return None
    that = next((k for k in range(c + 2, min(len(tokens), c + 3 + _LONGEST_AGENT)) if tokens[k].lower == "that"), None)
    if that is None or not _quoted_predicate(tokens[that:]):
        return None
    agent = phrase_to_speaker(tokens[c + 2 : that], text)
    return agent if agent is not None and is_personal(agent) else None

def _quoted_object(rest: list[Token]) -> bool:
    """ "assertion of a ___": the quotation is the noun's object."""
    return [t.lower for t in rest] in (["of"], ["of", "a"], ["of", "an"], ["of", "the"])

def _quoted_predicate(rest: list[Token]) -> bool:
    """ "claim that the minister ___": a short that-clause whose predicate is the quotation."""
    if not rest or rest[0].lower != "that" or not 1 < len(rest) <= _LONGEST_CONTENT_SUBJECT + 1:
        return False
    return not any(_is_auxiliary(t) or t.text in _CLAUSE_STOPS or t.text == "," for t in rest[1:-1])

def _in_closed_relative(tokens: list[Token], c: int) -> bool:
    """ 'Roe was asked whether the cuts, which the budget office estimates would save $4 billion,
    would risk "..."': a relative clause set off by commas is an aside about a noun, and its cue
    speaks only for the aside; the quotation after the closing comma belongs to the main clause."""
    opening = next((k for k in range(c - 1, -1, -1) if tokens[k].text in _CLAUSE_STOPS or tokens[k].text == ","), None)
    if opening is None or tokens[opening].text != "," or tokens[opening + 1].lower not in _RELATIVE_OPENERS:
        return False
    return any(t.text == "," for t in tokens[c + 1 :])

_RELATIVE_OPENERS = frozenset(("which", "who", "whom", "whose"))

def _relative_with_object(tokens: list[Token], c: int) -> bool:
    """ 'Roe tweeted that it was odd coming from a candidate who promised mass deportation: "..."':
    before a colon, a cue in a relative clause that takes its own object speaks only for the
    clause; the colon hands the quotation to the sentence's main clause."""
    if c == 0 or tokens[c - 1].lower not in _RELATIVE_OPENERS or tokens[c].lower in _TELLING:
        return False  # ("a lawyer who told reporters:" tells them what follows)
    obj = tokens[c + 1 :]
    return 0 < len(obj) <= _LONGEST_OBJECT and all(
        t.text.islower() and t.lower not in _PREPOSITIONS and t.lower not in _TIME_WORDS for t in obj
    )

_TELLING = frozenset(("told", "tells", "tell", "asked", "asks", "wrote", "writes"))
_LONGEST_OBJECT = 4  # tokens of "mass deportation" after the relative clause's cue

def _inverted_before_quote(before: list[Token], c: int, text: str) -> Speaker | None:
    """ 'Because of the calendar, explained Tom Rosenberg, "there is ..."': an inverted cue set off
    by commas right before the quotation, its speaker between it and the opening mark."""
    if c == 0 or before[c - 1].text != "," or not is_invertible(before[c]):
        return None
    speaker = speaker_after(before, c, text)
    if speaker is None or not speaker.proper:
        return None
    rest = [t for t in before[c + 1 :] if t.start >= speaker.start + len(speaker.name)]
    # the phrase is set off ('explained Roe, "'); 'said Roe "...' is Roe doing what the quote says.
    # Set off in mid-sentence ('The trouble, says Roe, a historian, is that it was "..."'), the
    # inverted cue is a parenthesis that attributes the whole sentence.
    following = before[c + 1] if c + 1 < len(before) else None
    # a name or an article opens it, not "said he expects Roe, Doe and ..."
    right_after = (
        following is not None
        and speaker.phrase_start == following.start
        and (following.capitalised or following.lower in ("the", "a", "an"))
    )
    return speaker if rest and rest[0].text in (",", ":") and right_after else None

_SUBORDINATORS = words("subordinators")

def _fronted_clause_end(tokens: list[Token]) -> int:
    """Where a sentence's opening subordinate clause ends ("After Roe asked about it, ..."): its
    cues belong to that clause, not to a quotation in the main clause. 0 when there is none."""
    if not tokens or tokens[0].lower not in _SUBORDINATORS:
        return 0
    return next((k + 1 for k, t in enumerate(tokens) if t.text == ","), 0)

_MODALS = words("modals")

def _after_modal(tokens: list[Token], c: int) -> bool:
    """A cue in a wish or a forecast, "the platform should reiterate ...": no one has said it yet."""
    return c > 0 and tokens[c - 1].lower in _MODALS

def _blamed_for(tokens: list[Token], for_at: int, text: str) -> Speaker | None:
    """ 'Roe slammed Doe for saying "..."': the speaker is the person blamed, not the one blaming;
    None when the words before "for" name no one ('slammed Doe as out of touch for saying')."""
    speaker = phrase_to_speaker(_phrase_back(tokens, for_at), text)
    if not speaker or not (speaker.proper or speaker.pronoun in ("he", "she")):
        return None
    return replace(speaker, role=None)  # the words before the name are the blamer ("Critics attacked")

def _speaker_of_cue(tokens: list[Token], c: int, text: str) -> Speaker | None:
    if is_passive_by(tokens, c):
        return credit(speaker_after(tokens, c + 1, text), "described-by")  # passive: "a plan described by Roe as"
    if is_participle(tokens[c]):
        # "Roe hit back, saying ...", "Roe rallied them by warning that ...", "a statement saying"
        coordinated = _coordinated_participle(tokens, c)
        if coordinated is not None:
            return _speaker_of_cue(tokens, coordinated, text)
        subject = subject_before(tokens, c, text) if tokens[c - 1].text != "," else None
        if subject is None and tokens[c - 1].text == ",":
            nearest = _subject_of_clause_before(tokens, c - 1, text)
            if nearest is not None:
                return credit(nearest, "participle-clause-subject")
        if subject is not None and possessed_text(subject):
            return credit(subject, "participle-subject")  # "the newspaper's editorial telling him to ...": not the man
        if subject is not None and tokens[c - 1].lower in _BE_FORMS and _plain_subject(subject):
            return credit(subject, "participle-subject")  # "the group is calling on Roe to": a finite verb
        if subject is not None and _issued_text(subject):
            # "The town released a statement saying ...": a document someone sends out speaks for
            # its issuer, the clause's subject, named or described ("Her campaign", "The committee")
            issuer = _issuer_of_document(tokens, subject, text) or clause_subject(tokens[:c], text)
            return credit(issuer, "participle-clause-subject") or credit(subject, "participle-subject")
        if subject is None or not is_personal(subject):
            return credit(clause_subject(tokens[:c], text), "participle-clause-subject") or credit(
                subject, "participle-subject"
            )
        return credit(subject, "participle-subject")
    if not has_own_subject(tokens, c):
        # "Roe paused and added ...", "went on to say"
        return credit(clause_subject(tokens[:c], text), "shared-subject-cue")
    return credit(subject_before(tokens, c, text), "cue-before-quote")

_LONGEST_ISSUER = 4  # tokens of "the Sanders campaign" or "the city council"

def _issuer_of_document(tokens: list[Token], document: Speaker, text: str) -> Speaker | None:
    """ 'The town released a statement saying ...', 'Her campaign quickly sent out an email
    stating ...': the clause's subject issued the document, so it speaks, described ("The town")
    as well as named: the phrase that opens the clause (after an opening clause and its comma)
    and ends before the verb (with its particle, after an adverb) that takes the document."""
    d = next((k for k, t in enumerate(tokens) if t.start >= document.phrase_start), 0)
    verb = d - 2 if d > 1 and tokens[d - 1].lower in _PARTICLES else d - 1
    end = verb
    while end > 0 and tokens[end - 1].lower.endswith("ly"):
        end -= 1  # "quickly blasted out"
    start = next((k + 1 for k in range(end - 1, -1, -1) if tokens[k].text in _CLAUSE_STOPS or tokens[k].text == ","), 0)
    phrase = tokens[start:end]
    if verb < 1 or not tokens[verb].text.islower() or not 1 < len(phrase) <= _LONGEST_ISSUER:
        return None
    if phrase[0].lower not in _ISSUER_OPENERS:
        return None
    return phrase_to_speaker(phrase, text)

_ISSUER_OPENERS = frozenset(words("possessive_determiners")) | {"the"}

def _plain_subject(speaker: Speaker) -> bool:
    """A subject phrase with no verb of its own inside ("many are" is a clause) and not a document."""
    return not _issued_text(speaker) and not _BE_FORMS & set(speaker.name.split())

def _issued_text(speaker: Speaker) -> bool:
    """Whether a description is a document its author sends out ("a statement", "an email to
    supporters"): its head noun, before any prepositional phrase, is one (lexicon documents)."""
    head = []
    for word in speaker.name.split():
        if word.lower() in _PREPOSITIONS:
            break
        head.append(word)
    return not speaker.proper and bool(head) and head[-1].lower() in _DOCUMENTS

_CLAUSE_OPENERS = frozenset(("where", "while", "when"))  # not "as": "serve as a ladder, noting"
_LONGEST_CLAUSE_BEFORE = 20  # tokens from the clause's opener to the participle's comma
_LONGEST_CLAUSE_SUBJECT = 5  # tokens of "about 50 striking workers"

def _subject_of_clause_before(tokens: list[Token], comma: int, text: str) -> Speaker | None:
    """Rule participle-after-clause: 'Roe spoke near the casino, where workers had gathered,
    chanting "..."', 'Roe arrived while a janitor walks in, saying ...', 'an academic, who worked the
    crowd, praising ...': a participle set off right after a subordinate or relative clause goes
    with that clause's doer, the nearest one, not the main clause's subject. None when no such
    clause ends at the comma."""
    for k in range(comma - 1, max(comma - _LONGEST_CLAUSE_BEFORE, 0) - 1, -1):
        tok = tokens[k]
        if tok.text in _CLAUSE_STOPS or tok.text in _LEADING_PUNCTUATION or tok.text in _OPENING_MARKS:
            return None
        if tok.lower == "who":
            return _antecedent_of_who(tokens, k, text)
        if tok.lower in _CLAUSE_OPENERS:
            verb = _first_verb(tokens, k + 1, comma)
            if verb is None or not 1 <= verb - k - 1 <= _LONGEST_CLAUSE_SUBJECT:
                return None
            phrase = tokens[k + 1 : verb]
            if phrase[0].text.islower() and phrase[0].lower not in _DESCRIPTION_OPENERS | {"a", "an", "the"}:
                phrase = phrase[1:]  # "about 50 protesters"
            speaker = phrase_to_speaker(phrase, text) if phrase else None
            return speaker if speaker is not None and not speaker.pronoun else None
    return None

def _first_verb(tokens: list[Token], lo: int, hi: int) -> int | None:
    """Where a clause's verb starts: its first auxiliary ("had gathered"), else its first past
    tense ("gathered"), else a third-person present after the first word ("a janitor walks")."""
    span = range(lo, hi)
    return (
        next((j for j in span if _is_auxiliary(tokens[j])), None)
        or next((j for j in span if _PAST_TENSE.match(tokens[j].text)), None)
        or next((j for j in span if j > lo and tokens[j].text.islower() and tokens[j].text.endswith("s")), None)
    )

def _antecedent_of_who(tokens: list[Token], who: int, text: str) -> Speaker | None:
    """The person a "who" clause describes: 'Eric Kingson, who runs and who worked the crowd'."""
    k = who
    while k > 1 and tokens[k - 1].lower == "and":
        k = next((j for j in range(k - 2, max(k - _LONGEST_CLAUSE_BEFORE, 0) - 1, -1) if tokens[j].lower == "who"), 0)
        if k == 0:
            return None
    end = k - 1 if k > 0 and tokens[k - 1].text == "," else k
    name = end
    while name > 0 and tokens[name - 1].capitalised:
        name -= 1  # the name that ends the phrase: "... campaigned for Tom Brandt, who"
    phrase = tokens[name:end] if name < end else _phrase_back(tokens, end)
    speaker = phrase_to_speaker(phrase, text) if phrase else None
    return speaker if speaker is not None and (speaker.proper or is_personal(speaker)) else None

def _coordinated_participle(tokens: list[Token], c: int) -> int | None:
    """ 'with Doe tweeting that it was "a disaster" and asking, "..."': a participle joined by "and"
    to an earlier one in the same clause shares its subject (Doe), not the main clause's. The index
    of that earlier participle cue, or None."""
    if c < 2 or tokens[c - 1].lower != "and":
        return None
    for k in range(c - 2, max(c - 25, -1), -1):
        if tokens[k].text in _CLAUSE_STOPS:
            return None
        if is_participle(tokens[k]) and is_cue_at(tokens, k) and not cue_is_noun(tokens, k):
            return k
    return None

def speaker_closing_sentence(after: list[Token], text: str) -> Speaker | None:
    """An attribution closing the sentence after more words: '"..." and more, Roe said.',
    '"...," Texas, where the ranch is, said Roe', '"..." in the region, according to Roe'."""
    after = _same_line_words(after, text)
    return _cue_closing_sentence(after, text) or credit(according_to(after, text), "according-to-after")

def _cue_closing_sentence(after: list[Token], text: str) -> Speaker | None:
    for c, tok in enumerate(after):
        if not is_cue_at(after, c) or cue_is_noun(after, c):
            continue
        if c > 0 and after[c - 1].text == "," and is_invertible(tok):
            return credit(speaker_after(after, c, text), "said-speaker-closing-sentence")
        speaker = subject_before(after, c, text)
        if speaker and _ends_sentence(after, c) and _after_comma(after, speaker.phrase_start):
            return credit(speaker, "speaker-said-closing-sentence")
    return None

def _ends_sentence(tokens: list[Token], c: int) -> bool:
    """Whether the cue closes its sentence (perhaps with "in a statement", "on Tuesday")."""
    nxt = tokens[c + 1] if c + 1 < len(tokens) else None
    if nxt is None or nxt.text in (".", ",", ";", "!", "?"):
        return True
    return nxt.text in ("in", "on", "at", "during", "of", "to") or (nxt.capitalised and nxt.lower in _TIME_WORDS)

def _after_comma(tokens: list[Token], start: int) -> bool:
    k = next((i for i, t in enumerate(tokens) if t.start == start), 0)
    return k > 0 and tokens[k - 1].text == ","
