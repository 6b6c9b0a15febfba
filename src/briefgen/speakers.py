"""Who is speaking: speech cues, speaker phrases, names and roles, by rules over the words.

News copy attributes quotations in a few fixed shapes: `"...," X said`, `"...," said X, role`,
`X said: "..."`, `X said the plan was "..."`, `according to X`. This module reads the words on
either side of a quotation (`attribution_after`, `attribution_before`) and turns the speaker
phrase into a `Speaker`: the name or description, the role from a title before the name or an
apposition after it, and whether it is a pronoun still to be resolved. `NameIndex` knows every
name the article spells out, so "Ivanov" becomes "Sergei Ivanov" and "he" the nearest person
before it that the pronoun can refer to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

# ---------------------------------------------------------------------------------------------
# Lexicons. Speech cues are verbs of saying plus the verbs reporters use to frame a partial
# quotation ("called it a relic"); they are listed once as (base, past, -s, -ing).

_CUE_VERB_FORMS = """
say said says saying | tell told tells telling | add added adds adding | ask asked asks asking
write wrote writes writing | note noted notes noting | explain explained explains explaining
argue argued argues arguing | state stated states stating | declare declared declares declaring
insist insisted insists insisting | warn warned warns warning | continue continued continues continuing
reply replied replies replying | respond responded responds responding | recall recalled recalls recalling
acknowledge acknowledged acknowledges acknowledging | admit admitted admits admitting
concede conceded concedes conceding | claim claimed claims claiming | joke joked jokes joking
quip quipped quips quipping | tweet tweeted tweets tweeting | post posted posts posting
suggest suggested suggests suggesting | observe observed observes observing | remark remarked remarks remarking
announce announced announces announcing | predict predicted predicts predicting
complain complained complains complaining | counter countered counters countering
caution cautioned cautions cautioning | urge urged urges urging | testify testified testifies testifying
answer answered answers answering | retort retorted retorts retorting | shout shouted shouts shouting
yell yelled yells yelling | chant chanted chants chanting | exclaim exclaimed exclaims exclaiming
whisper whispered whispers whispering | muse mused muses musing | repeat repeated repeats repeating
reiterate reiterated reiterates reiterating | conclude concluded concludes concluding
confirm confirmed confirms confirming | deny denied denies denying | assure assured assures assuring
promise promised promises promising | pledge pledged pledges pledging | vow vowed vows vowing
threaten threatened threatens threatening | demand demanded demands demanding | assert asserted asserts asserting
maintain maintained maintains maintaining | contend contended contends contending
boast boasted boasts boasting | brag bragged brags bragging | lament lamented laments lamenting
stress stressed stresses stressing | emphasize emphasized emphasizes emphasizing
emphasise emphasised emphasises emphasising | describe described describes describing
call called calls calling | dub dubbed dubs dubbing | label labeled labels labeling
label labelled labels labelling | term termed terms terming | praise praised praises praising
blast blasted blasts blasting | slam slammed slams slamming | criticize criticized criticizes criticizing
criticise criticised criticises criticising | accuse accused accuses accusing | mock mocked mocks mocking
blame blamed blames blaming | charge charged charges charging | allege alleged alleges alleging
plead pleaded pleads pleading | propose proposed proposes proposing | recommend recommended recommends recommending
report reported reports reporting | reveal revealed reveals revealing | tout touted touts touting
decry decried decries decrying | denounce denounced denounces denouncing | condemn condemned condemns condemning
agree agreed agrees agreeing | wonder wondered wonders wondering | speculate speculated speculates speculating
hint hinted hints hinting | advise advised advises advising | proclaim proclaimed proclaims proclaiming
pronounce pronounced pronounces pronouncing | rant ranted rants ranting | grumble grumbled grumbles grumbling
sigh sighed sighs sighing | laugh laughed laughs laughing | cry cried cries crying | scream screamed screams screaming
read read reads reading | begin began begins beginning | pose posed poses posing | quote quoted quotes quoting
opine opined opines opining | affirm affirmed affirms affirming | concur concurred concurs concurring
"""
_CUE_VERBS = frozenset(_CUE_VERB_FORMS.replace("|", " ").split())
# Participles report speech of the clause's subject: "Ayotte criticised him, saying she was ...".
_CUE_PARTICIPLES = frozenset(word for word in _CUE_VERBS if word.endswith("ing"))
# Cues that may come before their speaker: '"...," said X' / '"...," added Mr. Roe'.
_INVERTIBLE = frozenset(
    """said says added adds asked asks wrote writes recalled recalls continued continues explained
    explains noted notes replied replies responded responds countered counters argued argues
    warned warns concluded concludes declared declares insisted insists observed observes
    remarked remarks cautioned cautions joked jokes quipped quips tweeted tweets posted posts
    told""".split()
)

# Words that may stand between a speaker and the cue: "he also said", "Roe has repeatedly argued".
_AUXILIARIES = frozenset(
    """has have had is was were be been being also then later just once would will could can may
    might must should did does do not never again even still further often previously recently
    reportedly initially first now already later has since yet""".split()
)

# Role nouns: the head of a title ("Defense Minister", "press secretary") or an apposition.
_ROLE_WORDS = frozenset(
    """minister secretary president vice-president chairman chairwoman chair director spokesman
    spokeswoman spokesperson spokespeople adviser advisor ambassador envoy general admiral colonel
    commander chief head leader senator congressman congresswoman representative governor mayor
    nominee candidate strategist analyst expert professor researcher fellow economist official
    officer aide manager executive founder co-founder chief-of-staff counsel attorney lawyer
    judge justice prosecutor secretary-general undersecretary under-secretary deputy diplomat
    negotiator correspondent reporter editor columnist writer author host anchor commentator
    pollster consultant lobbyist activist organizer organiser chairperson president-elect premier
    prime king queen prince chancellor commissioner inspector sheriff superintendent principal
    dean scientist physicist engineer analyst member delegate voter supporter resident student
    teacher owner partner lawmaker legislator politician campaigner coordinator administrator
    treasurer clerk speaker whip councilman councilwoman councillor councilor pastor bishop
    rabbi imam priest cardinal pope sergeant captain lieutenant major marshal emir sheikh
    premier president's""".split()
)
# Honorifics and abbreviated titles written before a name (and which names never end with).
_TITLES = frozenset(
    """mr mrs ms miss dr prof sen rep gov gen lt col maj capt cmdr adm sgt rev fr pres sec amb
    atty supt insp det hon messrs sir dame lord lady""".split()
)
_FEMALE_TITLES = frozenset("mrs ms miss dame lady".split())
_MALE_TITLES = frozenset("mr sir lord messrs".split())
_FEMALE_ROLE = re.compile(r"(?:woman|women|ess)$")
_MALE_ROLE = re.compile(r"(?:man|men)$")

_PRONOUNS = {
    "he": "m", "him": "m", "she": "f", "her": "f", "they": None, "we": None, "i": None,
    "it": None, "you": None, "who": None,
}
_DETERMINERS = frozenset("the a an one his her its their our my this that these those another some".split())
# Words that start a phrase we never take as a speaker ("In an interview", "On Tuesday").
_PREPOSITIONS = frozenset(
    """in on at during after before since until from with without about of for to by into over
    under through between among against despite like unlike as than via per while when where
    if because although though whether""".split()
)
_CONJUNCTIONS = frozenset("and but or nor so yet that which whom whose".split())
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec week month year morning afternoon evening
    night earlier later last this next""".split()
)
# Descriptions in front of a name that are not part of it: "Democrat Jane Roe", "former ...".
_NAME_PREFIX = re.compile(
    r"^(?:former|ex-|then|acting|outgoing|incoming|the|late|Democrat|Democratic|Republican|"
    r"Libertarian|Independent|GOP|Labour|Conservative|Tory|\w+(?:an|ian|ese|ish|i|ch))$"
)

_TOKEN = re.compile(r"[\w’'\-]+(?:\.(?:[\w’'\-]+\.)*)?|[^\w\s]")
_INITIAL_OR_ACRONYM = re.compile(r"^(?:[A-Z]\.)+(?:[A-Z]\.?)?$|^[A-Z]\.$")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
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


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """Word and punctuation tokens of text[lo:hi] with offsets into `text`.

    A final period stays on abbreviations and initials ("Sen.", "E.", "U.S.") and is split off
    other words, where it ends the sentence.
    """
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        if len(word) > 1 and word.endswith(".") and not _keeps_period(word):
            tokens.append(Token(word[:-1], m.start(), m.end() - 1))
            tokens.append(Token(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token(word, m.start(), m.end()))
    return tokens


def _keeps_period(word: str) -> bool:
    return bool(_INITIAL_OR_ACRONYM.match(word)) or word[:-1].lower() in _TITLES or word[:-1] in ("Jr", "Sr", "St")


def is_cue(token: Token) -> bool:
    return token.text.lower() in _CUE_VERBS


def is_invertible(token: Token) -> bool:
    return token.text.lower() in _INVERTIBLE


def is_participle(token: Token) -> bool:
    return token.text.lower() in _CUE_PARTICIPLES


# ---------------------------------------------------------------------------------------------
# Speaker phrases


def _is_name_word(token: Token) -> bool:
    """A word that can be part of a proper name: capitalised, not a pronoun or a cue."""
    if not token.capitalised or token.lower in _PRONOUNS or token.lower in _DETERMINERS:
        return False
    return not is_cue(token) and token.lower not in _PREPOSITIONS


def _is_role_word(token: Token) -> bool:
    word = token.lower.removesuffix("'s").removesuffix("’s")
    return word in _ROLE_WORDS or word.split("-")[-1] in _ROLE_WORDS


def phrase_to_speaker(tokens: list[Token], text: str) -> Speaker | None:
    """Read a speaker phrase such as "Russian Defense Minister Sergei Ivanov" or "the official".

    The name is the run of capitalised words after the last role word; whatever stands before
    it is the role. A phrase with no name is kept whole as a description.
    """
    tokens = _trim(tokens)
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0].lower in _PRONOUNS:
        return Speaker(tokens[0].text, None, tokens[0].start, tokens[0].start, pronoun=tokens[0].lower)
    affiliation = _affiliation_at(tokens)
    if affiliation is not None:
        head = phrase_to_speaker(tokens[:affiliation], text)
        if head is not None:
            where = _span(text, _trim(tokens[affiliation + 1 :]))
            return replace(head, role=f"{head.role}, {where}" if head.role else where, phrase_start=tokens[0].start)
    name_start = _name_start(tokens)
    if name_start is None:
        if not any(t.text[0].isalpha() for t in tokens) or tokens[-1].lower in _TIME_WORDS:
            return None
        return Speaker(_span(text, tokens), None, tokens[0].start, tokens[0].start)
    name_tokens = _strip_name_prefixes(tokens[name_start:])
    role_tokens = tokens[: len(tokens) - len(name_tokens)]
    role = _span(text, role_tokens) if role_tokens else None
    if role and role_tokens[0].lower in ("the", "a", "an") and len(role_tokens) == 1:
        role = None
    return Speaker(_span(text, name_tokens), _clean_role(role), name_tokens[0].start, tokens[0].start, proper=True)


def _affiliation_at(tokens: list[Token]) -> int | None:
    """Index of the "of" in "Jane Roe of the Policy Institute": a name, then where the person works."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower in ("of", "for", "at", "from"):
            if _is_name_word(tokens[k - 1]) and not _is_role_word(tokens[k - 1]) and _name_start(tokens[:k]) is not None:
                return k
            return None
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
    while i > 0 and tokens[i - 1].lower in _TITLES:
        i -= 1
    return i


def _is_particle(tokens: list[Token], i: int) -> bool:
    """Lower-case name particles between two capitalised words: de, van, von, bin, al."""
    inner = 0 < i < len(tokens) - 1
    return inner and tokens[i].text in ("de", "da", "van", "von", "der", "bin", "al", "la", "du", "del", "di", "le")


def _strip_name_prefixes(tokens: list[Token]) -> list[Token]:
    """Drop party and nationality words from the front of a name while two words remain."""
    while len(tokens) > 2 and _NAME_PREFIX.match(tokens[0].text) and tokens[0].lower not in _TITLES:
        tokens = tokens[1:]
    return tokens


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
    segments: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == ",":
            segments.append([])
        else:
            segments[-1].append(tok)
    return segments


# ---------------------------------------------------------------------------------------------
# Subjects before a cue, speakers after an inverted cue


def subject_before(tokens: list[Token], cue: int, text: str) -> Speaker | None:
    """The speaker phrase that ends just before tokens[cue] ("Jane Roe, a spokeswoman, said")."""
    i = cue
    while i > 0 and (tokens[i - 1].lower in _AUXILIARIES or _is_adverb(tokens[i - 1])):
        i -= 1
    if i == 0:
        return None
    if tokens[i - 1].text in (",", ")") and tokens[i - 1].text == ",":
        return _apposed_subject(tokens[: i - 1], text)
    return phrase_to_speaker(_phrase_back(tokens, i), text)


def _is_adverb(token: Token) -> bool:
    return token.text.islower() and token.text.endswith("ly") and len(token.text) > 4


def _phrase_back(tokens: list[Token], end: int) -> list[Token]:
    """The noun phrase ending at tokens[end - 1], read backwards to a clause boundary."""
    i = end
    while i > 0:
        tok = tokens[i - 1]
        if not tok.text[0].isalnum() and tok.text not in ("(", ")", "-", "’", "'", "&"):
            break
        if tok.lower in _CONJUNCTIONS or is_cue(tok) or tok.lower in _AUXILIARIES:
            break
        if tok.lower in _PREPOSITIONS and tok.lower not in ("of", "for", "at", "to"):
            break
        i -= 1
        if tok.lower in _DETERMINERS or (tok.lower in _PRONOUNS and i == end - 1):
            break
    phrase = tokens[i:end]
    # "of/for/at/to" join a title ("director of the Institute") but never start the phrase.
    while phrase and phrase[0].lower in ("of", "for", "at", "to"):
        phrase = phrase[1:]
    return phrase


def _apposed_subject(tokens: list[Token], text: str) -> Speaker | None:
    """ "Jane Roe, a spokeswoman for the ministry," / "her lawyer, John Doe," before a cue."""
    segments = [s for s in _split_commas(tokens)]
    while segments and not segments[-1]:
        segments.pop()
    if len(segments) < 2:
        return phrase_to_speaker(_phrase_back(tokens, len(tokens)), text)
    last, before = segments[-1], segments[-2]
    last_speaker = phrase_to_speaker(last, text)
    if last_speaker and last_speaker.proper and len(_trim(last)) <= 5:
        if _looks_like_role(before):
            return replace(last_speaker, role=_clean_role(_span(text, _trim(before))), phrase_start=_trim(before)[0].start)
        return last_speaker
    head = phrase_to_speaker(_phrase_back(before, len(before)), text)
    if head is None:
        return None
    return replace(head, role=_clean_role(_span(text, _trim(last)))) if _looks_like_role(last) else head


def speaker_after(tokens: list[Token], cue: int, text: str) -> Speaker | None:
    """The speaker after an inverted cue: 'said Jane Roe, director of the Institute.'"""
    j = cue + 1
    end = j
    while end < len(tokens) and tokens[end].text not in (",", ".", ";", ":", "!", "?", "(", "—", "–", '"', "“", "”"):
        if tokens[end].lower in _PREPOSITIONS and end > j and tokens[end].lower not in ("of", "for", "at"):
            break
        if is_cue(tokens[end]) or tokens[end].lower in _AUXILIARIES and end > j:
            break
        end += 1
    head = tokens[j:end]
    if not head or head[0].lower in _TIME_WORDS or head[0].lower in _PREPOSITIONS:
        return None
    if end < len(tokens) and (tokens[end].lower in _AUXILIARIES or is_cue(tokens[end])):
        return None  # "said Roe was wrong": Roe is the subject of what was said, not the speaker
    if head[0].lower in _PRONOUNS and head[0].lower not in ("he", "she"):
        return None
    if not (_is_name_word(head[0]) or head[0].lower in _DETERMINERS or head[0].lower in _TITLES or _is_role_word(head[0]) or head[0].lower in ("he", "she")):
        return None
    speaker = phrase_to_speaker(head, text)
    if speaker is None:
        return None
    if end < len(tokens) and tokens[end].text == ",":
        rest = tokens[end + 1 :]
        stop = next((k for k, t in enumerate(rest) if t.text in (",", ".", ";", ":", "!", "?", "—", "–")), len(rest))
        if _looks_like_role(rest[:stop]):
            return replace(speaker, role=_clean_role(_span(text, _trim(rest[:stop]))))
    return speaker


def clause_subject(tokens: list[Token], text: str) -> Speaker | None:
    """The subject of a clause, for a participle cue: 'Roe rejected the plan, saying it was ...'.

    A finite cue earlier in the clause names it best; otherwise the phrase that opens the
    clause, after any introductory phrase ("On Tuesday, ...").
    """
    for c in range(len(tokens) - 1, -1, -1):
        if is_cue(tokens[c]) and not is_participle(tokens[c]):
            speaker = subject_before(tokens, c, text)
            if speaker:
                return speaker
    k = 0
    if tokens and (tokens[0].lower in _PREPOSITIONS or tokens[0].lower in _TIME_WORDS):
        k = next((i + 1 for i, t in enumerate(tokens) if t.text == ","), len(tokens))
    j = k
    while j < len(tokens) and _in_opening_phrase(tokens, j):
        j += 1
    phrase = tokens[k:j]
    speaker = phrase_to_speaker(phrase, text) if phrase else None
    return speaker if speaker and (speaker.proper or speaker.pronoun) else None


def _in_opening_phrase(tokens: list[Token], j: int) -> bool:
    tok = tokens[j]
    if _is_name_word(tok) or tok.lower in _TITLES or _is_role_word(tok) or _is_particle(tokens, j):
        return True
    if tok.lower in _DETERMINERS or tok.lower in ("he", "she", "they", "we", "i"):
        return j == 0 or tokens[j - 1].text == ","
    if tok.text.islower() and not is_cue(tok) and tok.lower not in _AUXILIARIES:
        # A modifier ("presidential") belongs to the phrase when a role or a name follows it.
        return any(_is_role_word(t) or _is_name_word(t) for t in tokens[j + 1 : j + 3])
    return False


def according_to(tokens: list[Token], text: str) -> Speaker | None:
    """The speaker of 'according to Jane Roe, a ministry spokeswoman'."""
    for k in range(len(tokens) - 2):
        if tokens[k].lower == "according" and tokens[k + 1].lower == "to":
            return speaker_after(tokens, k + 1, text)
    return None


# ---------------------------------------------------------------------------------------------
# Names across the article


_NAME_RUN = re.compile(
    r"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?"
    r"[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+|(?:de|van|von|der|bin|al|la|du|del|di|le)(?=\s+[A-Z])))+"
)


class NameIndex:
    """The full names an article spells out, to expand surnames and resolve pronouns."""

    def __init__(self, text: str):
        self._full: list[str] = []  # names of two or more words, titles and roles removed
        self.gender: dict[str, str] = {}  # surname -> "m"/"f" when a title or role tells
        for m in _NAME_RUN.finditer(text):
            speaker = phrase_to_speaker(tokenize(text, m.start(), m.end()), text)
            if speaker is None or not speaker.proper:
                continue
            words = speaker.name.split()
            title = words[0].rstrip(".").lower()
            if title in _TITLES:
                words = words[1:]
                if words and title in _FEMALE_TITLES:
                    self.gender.setdefault(words[-1], "f")
                elif words and title in _MALE_TITLES:
                    self.gender.setdefault(words[-1], "m")
            if len(words) >= 2:
                self._full.append(" ".join(words))

    def fullest(self, name: str) -> str:
        """The longest spelling of `name` the article uses; a surname alone becomes the full name.

        When two people share the surname and nothing tells them apart, the name stays as written.
        """
        core = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
        if not core:
            return name
        candidates = {full for full in self._full if full.split()[-1] == core[-1] and _compatible(full, core)}
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
        if _FEMALE_ROLE.search(word) and word not in ("german",):
            return "f"
    for word in role.lower().split():
        if _MALE_ROLE.search(word) and word not in ("german", "human", "roman"):
            return "m"
    return None


def pronoun_gender(pronoun: str) -> str | None:
    return _PRONOUNS.get(pronoun.lower())
