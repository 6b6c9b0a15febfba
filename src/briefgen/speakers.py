"""Who is speaking: speech cues, speaker phrases, names and roles, by rules over the words.

News copy attributes quotations in a few fixed shapes: `"...," X said`, `"...," said X, role`,
`X said: "..."`, `X said the plan was "..."`, `according to X`. Given the words on either side of
a quotation (its own sentence, with quoted text blanked out), `speaker_right_after`,
`speaker_before` and `speaker_closing_sentence` find the speaker phrase and turn it into a
`Speaker`: the name or description, the role from a title before the name or an apposition
after it, and whether it is a pronoun still to be resolved. `NameIndex` knows the people the
article names, so "Ivanov" becomes "Sergei Ivanov" and "she" can skip a "Mr." before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

# ---------------------------------------------------------------------------------------------
# Lexicons. Speech cues are verbs of saying plus the verbs reporters use to frame a partial
# quotation ("called it a relic"), listed by form (grouped by verb).

_CUE_VERB_FORMS = """
say said says saying | tell told tells telling | add added adds adding | ask asked asks asking
write wrote writes writing | explain explained explains explaining | argue argued argues arguing
insist insisted insists insisting | warn warned warns warning | suggest suggested suggests suggesting
predict predicted predicts predicting | complain complained complains complaining
acknowledge acknowledged acknowledges acknowledging | admit admitted admits admitting
concede conceded concedes conceding | recall recalled recalls recalling | declare declared declares declaring
announce announced announces announcing | conclude concluded concludes concluding
agree agreed agrees agreeing | wonder wondered wonders wondering | speculate speculated speculates speculating
assure assured assures assuring | urge urged urges urging | testify testified testifies testifying
describe described describes describing | accuse accused accuses accusing | criticize criticized criticizes criticizing
criticise criticised criticises criticising | condemn condemned condemns condemning
denounce denounced denounces denouncing | decry decried decries decrying | respond responded responds responding
reiterate reiterated reiterates reiterating | repeat repeated repeats repeating
continue continued continues continuing
observe observed observes observing | emphasize emphasized emphasizes emphasizing
emphasise emphasised emphasises emphasising | maintain maintained maintains maintaining
contend contended contends contending | assert asserted asserts asserting | affirm affirmed affirms affirming
proclaim proclaimed proclaims proclaiming | opine opined opines opining
noted notes noting | stated stating | replied replies replying | claimed claims claiming
joked jokes joking | quipped quips quipping | tweeted tweets tweeting | posted posting
remarked remarks remarking | countered counters countering | cautioned cautions cautioning
answered answers answering | retorted retorts retorting | shouted shouts shouting | yelled yells yelling
chanted chants chanting | exclaimed exclaims exclaiming | whispered whispers whispering | mused muses musing
confirmed confirms confirming | denied denies denying | promised promises promising | pledged pledges pledging
vowed vows vowing | threatened threatens threatening | demanded demands demanding | boasted boasts boasting
bragged brags bragging | lamented laments lamenting | stressed stresses stressing | called calls calling
dubbed dubs dubbing | labeled labels labeling | labelled labelling | termed terming | praised praises praising
blasted blasts blasting | slammed slams slamming | mocked mocks mocking | blamed blames blaming
charged charges charging | alleged alleges alleging | pleaded pleads pleading | proposed proposes proposing
recommended recommends recommending | reported reports reporting | revealed reveals revealing
touted touts touting | hinted hints hinting | advised advises advising | pronounced pronouncing
ranted rants ranting | grumbled grumbles grumbling | sighed sighs sighing | laughed laughs laughing
cried cries crying | screamed screams screaming | quoted quoting | concurred concurs concurring
thanked thanking | boomed booms booming | pointed | estimated estimates estimating | echoed echoes echoing
chimed | riffed | read reads | derided derides deriding | referred referring | cited citing
referenced referencing | expressed expresses expressing
"""
# Cues are listed by form: nouns that share a verb's spelling ("a call", "the report", "a fourth
# term") are left out, so the base form is listed only for verbs that are rarely nouns.
_CUE_VERBS = frozenset(_CUE_VERB_FORMS.replace("|", " ").split())
# Participles report speech of the clause's subject: "Ayotte criticised him, saying she was ...".
_CUE_PARTICIPLES = frozenset(word for word in _CUE_VERBS if word.endswith("ing"))
# Cues that may come before their speaker: '"...," said X' / '"...," added Mr. Roe'.
_INVERTIBLE = frozenset(
    """said says added adds asked asks wrote writes recalled recalls continued continues explained
    explains noted notes replied replies responded responds countered counters argued argues
    warned warns concluded concludes declared declares insisted insists observed observes
    remarked remarks cautioned cautions joked jokes quipped quips tweeted tweets mused boasted
    chimed read reads""".split()
)

# Words that may stand between a speaker and the cue: "he also said", "Roe has repeatedly argued".
_AUXILIARIES = frozenset(
    """has have had is was were be been being also then later just once would will could can may
    might must should did does do not never again even still further often previously recently
    reportedly initially first now already since yet""".split()
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
    premier critic skeptic sceptic doctor surgeon neurosurgeon physician nurse activist
    front-runner frontrunner businessman businesswoman billionaire mogul spectator marcher
    protester demonstrator heckler crowd audience user citizen observer insider source developer
    entrepreneur investor donor veteran historian scholar lecturer academic specialist
    instructor""".split()
)
# Honorifics and abbreviated titles written before a name (and which names never end with).
_TITLES = frozenset(
    """mr mrs ms miss dr prof sen rep gov gen lt col maj capt cmdr adm sgt rev fr pres sec amb
    atty supt insp det hon messrs sir dame lord lady""".split()
)
_FEMALE_TITLES = frozenset("mrs ms miss dame lady".split())
_MALE_TITLES = frozenset("mr sir lord messrs".split())
# Common first names whose gender is not in doubt (no Jean, Andrea, Kim, Jordan, Pat, Sasha):
# a name that opens with one of these is a person, and "he" cannot be "Hillary Roe".
_FEMALE_FIRST_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
    betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie
    rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
    samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane
    julie joyce olivia kelly christina lauren joan evelyn judith megan cheryl
    martha hannah jacqueline gloria teresa ann sara frances kathryn janice
    abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa
    diana natalie brittany marie kayla lori hillary hilary nikki condoleezza
    madeleine elaine dianne kamala ivanka melania huma kellyanne
    michele nina irina olga tatiana natalia svetlana yelena elena ekaterina yekaterina galina
    ludmila lyudmila valentina anastasia marina larisa angela ursula federica theresa hanna
    segolene ségolène sigrid helga ingrid birgit annalena giorgia jacinda
    benazir indira sonia priyanka golda tzipi ayelet shirin malala fatima aisha leila layla
    susana rosa carmen ana lucia dilma cristina kirsty jacinta
    wendy rose penny priti liz harriet yvette mariam""".split()
)
_MALE_FIRST_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry
    tyler aaron henry adam nathan peter zachary kyle walter harold jeremy ethan carl
    keith roger gerald sean arthur noah jesse joe bryan billy
    bruce albert willie gabriel alan juan wayne roy ralph randy eugene vincent russell
    elijah louis bobby philip johnny bill barack bernie mitt marco ted jeb newt mike
    chuck harry reince rudolph rudy rex jim tim tom dick ben ron rick bob greg ed
    hugh lyndon dwight ronald woodrow abraham ulysses herbert calvin
    vladimir sergei sergey dmitry dmitri andrei andrey gleb mikhail nikolai alexei aleksei
    yuri igor ivan oleg boris viktor pavel anatoly maxim konstantin evgeny yevgeny valery
    leonid grigory ali mohammed muhammad mohammad ahmed hassan hussein mahmoud abdullah
    omar khalid ibrahim yusuf binyamin ehud shimon yitzhak moshe naftali avigdor
    emmanuel francois françois nicolas jacques gerhard helmut olaf frank-walter
    heinz klaus wolfgang jens xi narendra nawaz imran recep javad akbar
    shinzo fumio yoshihide tony gordon keir rishi nigel
    ashton lloyd leon colin""".split()
)
_FEMALE_ROLE = re.compile(r"(?:woman|women|ess)$")
_MALE_ROLE = re.compile(r"(?:man|men)$")

_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f", "they": None, "we": None, "i": None,
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
    week month year morning afternoon evening night earlier later last this next""".split()
)
# Months are also names (May, August, June), so they only count as time before a day number.
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Descriptions in front of a name that are not part of it: "Democrat Jane Roe", "former ...".
_NAME_PREFIX = re.compile(
    r"^(?:former|ex-|then|acting|outgoing|incoming|the|late|Democrat|Democratic|Republican|"
    r"Libertarian|Independent|GOP|Labour|Conservative|Tory|\w+(?:an|ian|ese|ish|i|ch))$"
)

# A word may carry mis-decoded accents inside it ("TrÃ©vidic" for "Trévidic"): Latin-1 symbols
# between letters (not the guillemets or the no-break space).
_MOJIBAKE = "\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf"
_TOKEN = re.compile(rf"[\w’'\-]+(?:[{_MOJIBAKE}]+[\w’'\-]+)*(?:\.(?:[\w’'\-]+\.)*)?|[^\w\s]")
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
    return bool(_INITIAL_OR_ACRONYM.match(word)) or word[:-1].lower() in _TITLES or word[:-1] in ("Jr", "Sr", "St")


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
_CUE_PAIRS = frozenset({("put", "it"), ("fired", "back"), ("hit", "back"), ("shot", "back"), ("went", "on")})
# Cue words that, with the next word, do not report speech: "statements calling for a ban"
# (demanding it; a letter that "calls for" something does speak), "proposed to cut taxes" (planned to).
_NOT_CUE_PAIRS = frozenset({("calling", "for"), ("proposed", "to"), ("proposes", "to"), ("proposing", "to")})
_CUES_BEFORE_THAT = frozenset(
    "found finds believes believed thinks thought feels felt hopes hoped fears feared expects expected".split()
)


def cue_is_noun(tokens: list[Token], c: int) -> bool:
    """A cue word used as a noun: "his remarks", "Roe's claims", "the caustic chants"."""
    if c == 0:
        return False
    before = tokens[c - 1]
    if before.lower in _STANDING_ALONE and tokens[c].text in _PAST_FORMS:
        return False  # "one said", "another wrote": a past tense is never a noun
    if before.lower in _DETERMINERS or before.text.endswith(("'s", "’s")):
        return True
    if c < 2 or tokens[c - 2].lower not in _DETERMINERS or _is_role_word(before):
        return False
    if tokens[c - 2].lower in _POSSESSIVE_DETERMINERS and before.text.endswith("ing"):
        return True  # "her opening remarks", "his closing statement"
    return bool(_ADJECTIVE.search(before.text))


_PAST_FORMS = frozenset(w for w in _CUE_VERBS if w.endswith("ed") or w in ("said", "told", "wrote", "read"))
_POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())
_ADJECTIVE = re.compile(
    r"^[a-z]+(?:ous|ic|ive|ful|less|est|th)$"
    r"|^(?:recent|new|latest|previous|same|other|such|usual|first|second|third|old|big|fresh)$"
)


def _is_date(tokens: list[Token]) -> bool:
    return tokens[0].lower in _MONTHS and len(tokens) > 1 and tokens[1].text[:1].isdigit()


def is_time_word(word: str) -> bool:
    return word.lower() in _TIME_WORDS


def is_invertible(token: Token) -> bool:
    return token.text in _INVERTIBLE


def is_participle(token: Token) -> bool:
    return token.text in _CUE_PARTICIPLES


def _is_auxiliary(token: Token) -> bool:
    return token.text in _AUXILIARIES


# ---------------------------------------------------------------------------------------------
# Speaker phrases


def _is_name_word(token: Token) -> bool:
    """A word that can be part of a proper name: capitalised, not a pronoun or a cue."""
    word = token.lower.removesuffix("'s").removesuffix("’s")
    if not token.capitalised or word in _PRONOUNS or word in _DETERMINERS or _is_dateline(token):
        return False
    return not is_cue(token) and token.lower not in _PREPOSITIONS


def _is_dateline(token: Token) -> bool:
    """A place written in capitals to open a story ("WASHINGTON --"), not part of a name."""
    return len(token.text) > 4 and token.text.isupper() and token.text.isalpha()


def _is_role_word(token: Token) -> bool:
    """A noun for a person by what they do: "minister", "spokeswoman", "analysts"."""
    word = token.bare.removesuffix("'s").removesuffix("’s").split("-")[-1]
    return word in _ROLE_WORDS or (word.endswith("s") and word[:-1] in _ROLE_WORDS)


def phrase_to_speaker(tokens: list[Token], text: str) -> Speaker | None:
    """Read a speaker phrase such as "Russian Defense Minister Sergei Ivanov" or "the official".

    The name is the run of capitalised words after the last role word; whatever stands before
    it is the role. A phrase with no name is kept whole as a description.
    """
    tokens = _trim(tokens)
    if not tokens or re.split(r"['’]", tokens[0].lower)[0] in ("you", "your"):
        return None  # the reader ("you're putting together an offer") is nobody's voice
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


_LINKING_PREPOSITIONS = frozenset("of for at from in with on by to".split())
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
        return Speaker(_span(text, tokens), None, tokens[0].start, tokens[0].start) if _can_start_description(tokens) else None
    keep = 2 if len(name_tokens) >= 3 else 1
    if len(name_tokens) > keep and _INITIAL.match(name_tokens[-keep - 1].text):
        keep += 1  # "John F. Kennedy"
    person = name_tokens[-keep:]
    role = _span(text, tokens[: len(tokens) - keep])
    return Speaker(_span(text, person), _clean_role(role), person[0].start, tokens[0].start, proper=True)


# Determiners and quantifiers that stand for people of a group just described: "one said", "another".
_STANDING_ALONE = frozenset("one another others some many several both".split())
_OBJECT_PREPOSITIONS = frozenset("to with from against toward towards".split())


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
    # a gerund between two capitalised phrases: "White voters embracing Roe"
    return word.text.endswith("ing") and any(t.capitalised for t in role_tokens[:k]) and not _is_role_word(word)


def _can_start_description(tokens: list[Token]) -> bool:
    """ "the official", "a spokesman", "one analyst", "critics", "Clinton aides" can be speakers;
    a stray verb ("came") cannot."""
    first = tokens[0]
    if first.lower in _DETERMINERS or first.lower in _QUANTIFIERS or first.capitalised or first.text[0].isdigit():
        return True
    return _is_role_word(first) or (len(tokens) == 1 and first.text.endswith("s"))


_QUANTIFIERS = frozenset("one two three four five several many most some few all both each other others".split())


def _can_end_description(token: Token) -> bool:
    """Whether a description can end on this word ("the official" can, "their records for" cannot)."""
    word = token.lower
    if not token.text[0].isalpha() or word in _TIME_WORDS or _is_auxiliary(token) or word in _PREPOSITIONS:
        return False
    return word not in _DETERMINERS and word not in _CONJUNCTIONS and word not in ("this", "it", "there")


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
    return inner and tokens[i].text in ("de", "da", "van", "von", "der", "bin", "al", "la", "du", "del", "di", "le")


_HONORIFICS = frozenset("mr mrs ms miss dr messrs sir dame lord lady".split())


def _after_inner_title(tokens: list[Token]) -> list[Token]:
    """ "Colorado Rep. Jane Roe": a title inside the run ends the role, the name follows it."""
    for k in range(len(tokens) - 2, 0, -1):
        if tokens[k].bare in _TITLES and tokens[k].bare not in _HONORIFICS and tokens[k].text.endswith("."):
            return tokens[k + 1 :]
    return tokens


def _strip_name_prefixes(tokens: list[Token]) -> list[Token]:
    """Drop party and nationality words from the front of a name while two words remain."""
    while len(tokens) > 2 and _NAME_PREFIX.match(tokens[0].text) and tokens[0].bare not in _TITLES:
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
    """Comma-separated parts, keeping a company's legal form with its name ("Dräger, Inc.")."""
    segments: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        if tok.text == "," and not (k + 1 < len(tokens) and tokens[k + 1].bare in _LEGAL_FORMS):
            segments.append([])
        elif tok.text != ",":
            segments[-1].append(tok)
    return segments


_LEGAL_FORMS = frozenset("inc ltd llc llp corp co plc gmbh ag sa nv".split())


# ---------------------------------------------------------------------------------------------
# Subjects before a cue, speakers after an inverted cue


def subject_before(tokens: list[Token], cue: int, text: str) -> Speaker | None:
    """The speaker phrase that ends just before tokens[cue] ("Jane Roe, a spokeswoman, said")."""
    i = _skip_adjuncts(tokens, cue)
    if i == 0 or tokens[i - 1].text in _COORDINATORS or _is_passive(tokens, i, cue):
        return None
    if tokens[i - 1].text in _DASHES:
        return _dashed_subject(tokens, i - 1, text)
    if tokens[i - 1].text == ",":
        return _apposed_subject(tokens[: i - 1], text)
    speaker = phrase_to_speaker(_phrase_back(tokens, i), text)
    if speaker is None:
        return text_before_participle(tokens[:i], text)
    if speaker and speaker.pronoun == "who" and i > 1:
        # "an analyst who warned": the speaker is the phrase the relative pronoun stands for
        antecedent_end = i - 2 if tokens[i - 2].text == "," else i - 1
        return phrase_to_speaker(_phrase_back(tokens, antecedent_end), text)
    return speaker


_DASHES = frozenset(("—", "–", "--"))


def _dashed_subject(tokens: list[Token], closing: int, text: str) -> Speaker | None:
    """ "Roe -- a former envoy -- said" or "A former envoy -- Jane Roe -- said"."""
    opening = next((k for k in range(closing - 1, -1, -1) if tokens[k].text in _DASHES), None)
    if opening is None or opening == 0:
        return None
    outer = phrase_to_speaker(_phrase_back(tokens, opening), text)
    inner_tokens = _split_commas(tokens[opening + 1 : closing])[0]
    inner = phrase_to_speaker(inner_tokens, text) if inner_tokens else None
    if inner and inner.proper and inner.phrase_start == inner_tokens[0].start and not (outer and outer.proper):
        role = text[outer.phrase_start : tokens[opening - 1].end] if outer else inner.role
        return replace(inner, role=role)
    return outer


_BE_FORMS = frozenset("is are was were be been being".split())


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


_COORDINATORS = frozenset("and but or then to".split())


def _is_adverb(token: Token) -> bool:
    word = token.text
    return word.islower() and ((word.endswith("ly") and len(word) > 4) or word in _PLAIN_ADVERBS)


# Adverbs without "-ly" that sit between a subject and its verb: "you will always wonder".
_PLAIN_ADVERBS = frozenset("always never often also still just even already soon later again once ever".split())


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
    phrase = tokens[i:end]
    # "of/for/at/to" join a title ("director of the Institute") but never start the phrase.
    while phrase and phrase[0].lower in ("of", "for", "at", "to"):
        phrase = phrase[1:]
    return phrase


_WH_WORDS = frozenset("why how what".split())  # "That is why critics say": the phrase starts after


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
    segments = _drop_asides(segments)
    if not segments:
        return None
    if len(segments) == 1:
        speaker = phrase_to_speaker(_phrase_back(segments[0], len(segments[0])), text)
        return speaker or text_before_participle(segments[0], text)
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
    head = phrase_to_speaker(_phrase_back(before, len(before)), text)
    if head is None:
        return None
    return replace(head, role=_clean_role(_span(text, _trim(last)))) if _looks_like_role(last) else head


_RELATIVES = frozenset("who which whose whom where".split())
_ASIDE_WORDS = frozenset("however meanwhile too also though instead now then still moreover".split())
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z]")


def _is_aside(segment: list[Token]) -> bool:
    """A comma-delimited aside between a speaker and the cue: "however", "R-Ky.", "65", "in 2012",
    "speaking to reporters"."""
    first = segment[0]
    if len(segment) == 1 and (first.lower in _ASIDE_WORDS or _is_adverb(first) or first.text.isdigit()):
        return True
    while len(segment) > 1 and (segment[0].lower in _ASIDE_WORDS or _is_adverb(segment[0]) or segment[0].lower == "and"):
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
    end = j
    while end < len(tokens) and tokens[end].text not in _PHRASE_ENDS:
        if tokens[end].lower in _PREPOSITIONS and end > j and tokens[end].lower not in ("of", "for", "at"):
            break
        if is_cue(tokens[end]) or (_is_auxiliary(tokens[end]) and end > j):
            break
        end += 1
    head = tokens[j:end]
    if not head or head[0].lower in _TIME_WORDS or head[0].lower in _PREPOSITIONS or _is_date(head):
        return None
    if head[0].lower in ("that", "this", "these", "those"):
        return None  # "reports that ...": what was said follows, not who said it
    if end < len(tokens) and (_is_auxiliary(tokens[end]) or is_cue(tokens[end])):
        return None  # "said Roe was wrong": Roe is the subject of what was said, not the speaker
    if head[0].lower in _PRONOUNS and head[0].lower not in ("he", "she"):
        return None
    if not _can_open_speaker_phrase(head[0]):
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


def _names_a_role(tokens: list[Token]) -> bool:
    """ "a veteran of the talks", "director of the Institute" (not "the steroids")."""
    tokens = _trim(tokens)
    return bool(tokens) and (tokens[0].lower in ("a", "an") or any(map(_is_role_word, tokens[:4])))


def _can_open_speaker_phrase(token: Token) -> bool:
    """ "said Roe", "said the minister", "said Sen. Roe", "said spokesman Bo Li", "he said"."""
    if _is_name_word(token) or _is_role_word(token) or token.bare in _TITLES:
        return True
    return token.lower in _DETERMINERS or token.lower in ("he", "she") or token.lower in _MODIFIERS_BEFORE_ROLE


# Words that open a speaker's description: "said former Colorado Rep. Jane Roe".
_MODIFIERS_BEFORE_ROLE = frozenset("former acting outgoing incoming retired longtime veteran senior top".split())


def clause_subject(tokens: list[Token], text: str, anyone: bool = False) -> Speaker | None:
    """The subject of a clause, for a participle cue: 'Roe rejected the plan, saying it was ...'.

    A finite cue earlier in the clause names it best; otherwise the phrase that opens the
    clause, after any introductory phrase ("On Tuesday, ...").
    """
    for c in range(len(tokens) - 1, -1, -1):
        if is_cue_at(tokens, c) and not is_participle(tokens[c]) and not cue_is_noun(tokens, c):
            speaker = subject_before(tokens, c, text)
            if speaker:
                return speaker
    apposed = _apposed_name(tokens, text)
    if apposed is not None:
        return apposed
    k = 0
    if tokens and _opens_with_aside(tokens[0]):
        k = next((i + 1 for i, t in enumerate(tokens) if t.text == ","), len(tokens))
    j = k
    while j < len(tokens) and _in_opening_phrase(tokens, j):
        j += 1
    phrase = tokens[k:j]
    speaker = phrase_to_speaker(phrase, text) if phrase else None
    if speaker and (anyone or speaker.proper or speaker.pronoun or _is_role_word(phrase[-1])):
        return speaker
    return None


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
    if tok.text.islower() and not is_cue(tok) and not _is_auxiliary(tok) and tok.lower not in _PREPOSITIONS:
        # A modifier ("former", "presidential") belongs to the phrase when a role word follows
        # it before any preposition: "former Cato Institute president Ed Crane".
        for t in tokens[j + 1 : j + 4]:
            if _is_role_word(t):
                return True
            if t.text.islower() and t.lower in _PREPOSITIONS or _is_auxiliary(t) or is_cue(t):
                return False
    return False


def in_words_of(tokens: list[Token], text: str) -> Speaker | None:
    """The speaker of 'in Roe's words, "..."' or 'in the words of Jane Roe, "..."'."""
    for k in range(len(tokens) - 2):
        if tokens[k].lower != "in":
            continue
        if tokens[k + 1].lower == "the" and tokens[k + 2].lower == "words" and k + 3 < len(tokens):
            if tokens[k + 3].lower == "of":
                return speaker_after(tokens, k + 3, text)
        words = next((j for j in range(k + 2, min(k + 6, len(tokens))) if tokens[j].lower == "words"), None)
        if words is not None and _POSSESSIVE.search(tokens[words - 1].text):
            return _possessor(tokens[k + 1 : words], text)
    return None


_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
# What a person writes or says, for "From Roe's statement:" and "in Roe's words".
_DOCUMENTS = frozenset(
    """post statement tweet letter email e-mail memo speech remarks op-ed column essay blog
    interview testimony message release video""".split()
)


# Things that are written and can be quoted: "A footnote in the report makes it clear: ..."
_TEXTS = _DOCUMENTS | frozenset(
    """report footnote note filing ruling document study website page ad advertisement sign banner
    editorial article book caption textbook opinion brief affidavit indictment complaint lawsuit
    bill resolution communique communiqué declaration transcript profile""".split()
)


def _is_text_word(token: Token) -> bool:
    word = token.bare
    return word in _TEXTS or (word.endswith("s") and word[:-1] in _TEXTS)


def text_before_participle(tokens: list[Token], text: str) -> Speaker | None:
    """A document that speaks through a participle clause: "A legal opinion drafted for the firm
    (...) concluded", "An Egyptian textbook just published for pupils explains". The clause opens
    with the document's noun phrase, a participle after it; None when it does not."""
    start = max((k + 1 for k, t in enumerate(tokens) if t.text in _PHRASE_ENDS), default=0)
    clause = tokens[start:]
    if not clause or clause[0].lower not in _DETERMINERS:
        return None
    for k in range(1, min(len(clause) - 1, 5)):
        if not _is_text_word(clause[k]):
            continue
        j = k + 1
        while j < len(clause) - 1 and (_is_auxiliary(clause[j]) or _is_adverb(clause[j])):
            j += 1
        if clause[j].text.islower() and clause[j].text.endswith("ed"):
            return phrase_to_speaker(clause[: k + 1], text)
        return None
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
        if _POSSESSIVE.search(tok.text) and tok.capitalised:
            if any(t.lower in _DOCUMENTS for t in tokens[k + 1 : k + 4]):
                return _possessor(_phrase_back(tokens, k + 1), text)
    return None


def according_to(tokens: list[Token], text: str) -> Speaker | None:
    """The speaker of 'according to Jane Roe, a ministry spokeswoman'."""
    for k in range(len(tokens) - 2):
        if tokens[k].lower == "according" and tokens[k + 1].lower == "to":
            return speaker_after(tokens, k + 1, text)
    return None


# ---------------------------------------------------------------------------------------------
# Attribution around a quotation: the words after its closing mark, or before its opening one


def colon_speaker(before: list[Token], text: str) -> Speaker | None:
    """ 'Roe told the committee: "..."', 'Rep. Jane Roe (D-Ore.): "..."' (a transcript),
    'Roe went further -- "..."'."""
    if not before or before[-1].text not in (":", "—", "--", "–"):
        return None
    head = before[:-1]
    if not head or (len(head) == 1 and head[0].lower in _INTERVIEW_LABELS):
        return None  # "Q:" and "A:" mark the turns of an interview, not a person
    verb = len(head) - 2 if len(head) > 1 and head[-1].lower in _PARTICLES else len(head) - 1
    if is_cue_at(head, verb) or _PAST_TENSE.match(head[verb].text):
        # the verb right before the colon ("O'Malley interjected:", "Roe wrapped up --"), listed or not
        speaker = subject_before(head, verb, text)
        if speaker and (speaker.proper or speaker.pronoun):
            return speaker
    speaker = cue_speaker(head, text)
    if speaker:
        return speaker
    if head[-1].capitalised:
        speaker = phrase_to_speaker(trailing_phrase(head), text)
        if speaker and speaker.proper:
            return speaker  # "... doesn't surprise pollster Jane Roe:"
    return _document_author(head, text) or clause_subject(head, text, anyone=True)


_INTERVIEW_LABELS = frozenset("q a q. a. question answer".split())
_CLAUSE_STOPS = frozenset(".;:!?")
_PARTICLES = frozenset("up out back off on down".split())
_LEADING_PUNCTUATION = frozenset(",;:—–-")


def speaker_before(before: list[Token], text: str) -> Speaker | None:
    """The speaker named in the words before a quotation's opening mark, in its sentence:
    'Roe said: "..."', 'Roe said the treaty was "a relic"', 'according to Roe, "..."'."""
    return (
        in_words_of(before, text)
        or colon_speaker(before, text)
        or cue_speaker(before, text)
        or according_to(before, text)
    )


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


def speaker_right_after(after: list[Token], text: str, open_ended: bool) -> Speaker | None:
    """ '"...," Roe said' / '"...," said Roe' / '"...," the minister, Jane Roe, told reporters'.

    `open_ended`: the quotation ends on a comma, question or exclamation mark, so the sentence
    goes on and an unlisted verb after a speaker ('"...," the crowd roared') still attributes it.
    """
    while after and after[0].text in _LEADING_PUNCTUATION:
        after = after[1:]
    if not after:
        return None
    if is_cue(after[0]) or (open_ended and _PAST_TENSE.match(after[0].text)):
        return speaker_after(after, 0, text)  # '"...," said Roe' / '"...!" beamed Roe
    for c, tok in enumerate(after[:20]):
        if tok.text in _CLAUSE_STOPS:
            break
        if is_cue_at(after, c) and not cue_is_noun(after, c):
            if c + 1 < len(after) and after[c + 1].lower == "by" and not _BE_FORMS & {t.text for t in after[:c]}:
                return speaker_after(after, c + 1, text)  # '"poison pill" riders added by Roe'
            return _subject_or_inverted(after, c, text)
    if open_ended:
        verb = _unlisted_speech_verb(after)
        if verb is not None:
            return _subject_or_inverted(after, verb, text)
    return None


def _subject_or_inverted(after: list[Token], c: int, text: str) -> Speaker | None:
    """The speaker of a cue right after a quotation: its subject from the first word on, or the
    name after it when a relative clause stands between ('"...," Texas, where X lives, said Roe')."""
    subject = subject_before(after, c, text)
    if subject and subject.phrase_start != after[0].start:
        subject = None
    if after[c - 1].text == "," and is_invertible(after[c]) and (subject is None or _has_relative(after[:c])):
        inverted = speaker_after(after, c, text)
        if inverted and inverted.proper:
            return inverted
    return subject


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


def cue_speaker(before: list[Token], text: str) -> Speaker | None:
    """ 'Roe said the treaty was "a relic"', nearest cue first.

    A person beats a thing "saying" something ('Roe released a statement saying ...'); cues
    inside a parenthesis that closed before the quotation belong to that aside.
    """
    fallback = None
    depth = 0
    for c in range(len(before) - 1, _fronted_clause_end(before) - 1, -1):
        depth += before[c].text == ")"
        depth -= before[c].text == "(" and depth > 0
        if depth or not is_cue_at(before, c) or cue_is_noun(before, c):
            continue
        if is_participle(before[c]) and before[c - 1].lower == "for":
            return _blamed_for(before, c - 1, text)
        speaker = _speaker_of_cue(before, c, text)
        if speaker and (is_personal(speaker) or possessed_text(speaker) or not (is_participle(before[c]) or _after_modal(before, c))):
            return speaker
        fallback = fallback or speaker
    return fallback


_SUBORDINATORS = frozenset("after when before once while since because if although though until".split())


def _fronted_clause_end(tokens: list[Token]) -> int:
    """Where a sentence's opening subordinate clause ends ("After Roe asked about it, ..."): its
    cues belong to that clause, not to a quotation in the main clause. 0 when there is none."""
    if not tokens or tokens[0].lower not in _SUBORDINATORS:
        return 0
    return next((k + 1 for k, t in enumerate(tokens) if t.text == ","), 0)


_MODALS = frozenset("should would could might must may can will shall".split())


def _after_modal(tokens: list[Token], c: int) -> bool:
    """A cue in a wish or a forecast, "the platform should reiterate ...": no one has said it yet."""
    return c > 0 and tokens[c - 1].lower in _MODALS


def _blamed_for(tokens: list[Token], for_at: int, text: str) -> Speaker | None:
    """ 'Roe slammed Doe for saying "..."': the speaker is the person blamed, not the one blaming;
    None when the words before "for" name no one ('slammed Doe as out of touch for saying')."""
    speaker = phrase_to_speaker(_phrase_back(tokens, for_at), text)
    return speaker if speaker and (speaker.proper or speaker.pronoun in ("he", "she")) else None


def _speaker_of_cue(tokens: list[Token], c: int, text: str) -> Speaker | None:
    if c + 1 < len(tokens) and tokens[c + 1].lower == "by":
        return speaker_after(tokens, c + 1, text)  # passive: "a plan described by Roe as"
    if is_participle(tokens[c]):
        # "Roe hit back, saying ...", "Roe rallied them by warning that ...", "a statement saying"
        subject = subject_before(tokens, c, text) if tokens[c - 1].text != "," else None
        if subject is not None and possessed_text(subject):
            return subject  # "the newspaper's editorial telling him to ...": not the man it told
        if subject is None or not is_personal(subject):
            return clause_subject(tokens[:c], text) or subject
        return subject
    if not has_own_subject(tokens, c):
        return clause_subject(tokens[:c], text)  # "Roe paused and added ...", "went on to say"
    return subject_before(tokens, c, text)


def speaker_closing_sentence(after: list[Token], text: str) -> Speaker | None:
    """An attribution closing the sentence after more words: '"..." and more, Roe said.',
    '"...," Texas, where the ranch is, said Roe', '"..." in the region, according to Roe'."""
    while after and after[0].text in _LEADING_PUNCTUATION:
        after = after[1:]
    return _cue_closing_sentence(after, text) or according_to(after, text)


def _cue_closing_sentence(after: list[Token], text: str) -> Speaker | None:
    for c, tok in enumerate(after):
        if not is_cue_at(after, c) or cue_is_noun(after, c):
            continue
        if c > 0 and after[c - 1].text == "," and is_invertible(tok):
            return speaker_after(after, c, text)
        speaker = subject_before(after, c, text)
        if speaker and _ends_sentence(after, c) and _after_comma(after, speaker.phrase_start):
            return speaker
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


# ---------------------------------------------------------------------------------------------
# Names across the article


_NAME_RUN = re.compile(
    r"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?"
    r"[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+|(?:de|van|von|der|bin|al|la|du|del|di|le)(?=\s+[A-Z])))+"
)


# Capitalised small words inside a run of capitals mark a headline ("Leaders To Be Executed"),
# a possessive inside it a name of something ("Univision's Los Angeles affiliate").
_HEADLINE_RUN = re.compile(r"\s(?:To|Be|For|Of|The|And|In|On|At|With|Is|Are|Was|A|An)\s|[’']s\s")


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
_PRONOUN_AFTER = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


class NameIndex:
    """The people an article names, to expand surnames and resolve pronouns.

    Who is a person (rather than a place or a body) and of which gender is read from the text
    itself: a title or role before the name ("Mrs.", "spokeswoman"), or the first personal pronoun
    after it in the same sentence ("Jane Roe ... her ministry").
    """

    def __init__(self, text: str):
        self._full: list[str] = []  # names of two or more words, titles and roles removed
        self._occurrences: list[tuple[int, str, bool]] = []  # (offset, name, introduced by a title or role)
        self._votes: dict[str, list[str]] = {}  # surname -> genders seen
        self._roles: dict[str, str] = {}  # full name -> the title first written before it
        self._text = text
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
                self._full.append(name)
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


def is_personal(speaker: Speaker) -> bool:
    """A person or group of people rather than a document: a name, a pronoun, "the spokesman"."""
    if speaker.proper or speaker.pronoun:
        return True
    return any(_is_role_word(Token(word, 0, 0)) for word in speaker.name.split())


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


def first_name_gender(name: str) -> str | None:
    """ "f" or "m" for a name opening with a first name of known gender ("Hillary Roe"), else None."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
    if len(words) < 2:
        return None
    first = words[0].lower()
    return "f" if first in _FEMALE_FIRST_NAMES else "m" if first in _MALE_FIRST_NAMES else None


def pronoun_gender(pronoun: str) -> str | None:
    return _PRONOUNS.get(pronoun.lower())
