"""Speech cues and tokens: the cue verbs, the word classes the rules test, and the tokenizer."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    ["said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "recalled", "recalls", "continued", "continues", "explained", "explains", "noted", "notes", "replied", "replies", "responded", "responds", "countered", "counters", "argued", "argues", "warned", "warns", "concluded", "concludes", "declared", "declares", "insisted", "insists", "observed", "observes", "remarked", "remarks", "cautioned", "cautions", "joked", "jokes", "quipped", "quips", "tweeted", "tweets", "mused", "boasted", "chimed", "read", "reads"]
)

# Words that may stand between a speaker and the cue: "he also said", "Roe has repeatedly argued".
_AUXILIARIES = frozenset(
    ["has", "have", "had", "is", "was", "were", "be", "been", "being", "also", "then", "later", "just", "once", "would", "will", "could", "can", "may", "might", "must", "should", "did", "does", "do", "not", "never", "again", "even", "still", "further", "often", "previously", "recently", "reportedly", "initially", "first", "now", "already", "since", "yet"]
)

# Role nouns: the head of a title ("Defense Minister", "press secretary") or an apposition.
_ROLE_WORDS = frozenset(
    ["minister", "secretary", "president", "vice-president", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "adviser", "advisor", "ambassador", "envoy", "general", "admiral", "colonel", "commander", "chief", "head", "leader", "senator", "congressman", "congresswoman", "representative", "governor", "mayor", "nominee", "candidate", "strategist", "analyst", "expert", "professor", "researcher", "fellow", "economist", "official", "officer", "aide", "manager", "executive", "founder", "co-founder", "chief-of-staff", "counsel", "attorney", "lawyer", "judge", "justice", "prosecutor", "secretary-general", "undersecretary", "under-secretary", "deputy", "diplomat", "negotiator", "correspondent", "reporter", "editor", "columnist", "writer", "author", "host", "anchor", "commentator", "pollster", "consultant", "lobbyist", "activist", "organizer", "organiser", "chairperson", "president-elect", "premier", "prime", "king", "queen", "prince", "chancellor", "commissioner", "inspector", "sheriff", "superintendent", "principal", "dean", "scientist", "physicist", "engineer", "analyst", "member", "delegate", "voter", "supporter", "resident", "student", "teacher", "owner", "partner", "lawmaker", "legislator", "politician", "campaigner", "coordinator", "administrator", "treasurer", "clerk", "speaker", "whip", "councilman", "councilwoman", "councillor", "councilor", "pastor", "bishop", "rabbi", "imam", "priest", "cardinal", "pope", "sergeant", "captain", "lieutenant", "major", "marshal", "emir", "sheikh", "premier", "critic", "skeptic", "sceptic", "doctor", "surgeon", "neurosurgeon", "physician", "nurse", "activist", "front-runner", "frontrunner", "businessman", "businesswoman", "billionaire", "mogul", "spectator", "marcher", "protester", "demonstrator", "heckler", "crowd", "audience", "user", "citizen", "observer", "insider", "source", "developer", "entrepreneur", "investor", "donor", "veteran", "historian", "scholar", "lecturer", "academic", "specialist", "instructor"]
)

# Honorifics and abbreviated titles written before a name (and which names never end with).
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "rev", "fr", "pres", "sec", "amb", "atty", "supt", "insp", "det", "hon", "messrs", "sir", "dame", "lord", "lady"]
)

_FEMALE_TITLES = frozenset(["mrs", "ms", "miss", "dame", "lady"])

_MALE_TITLES = frozenset(["mr", "sir", "lord", "messrs"])

# Common first names whose gender is not in doubt (no Jean, Andrea, Kim, Jordan, Pat, Sasha):
# a name that opens with one of these is a person, and "he" cannot be "Hillary Roe".
_FEMALE_FIRST_NAMES = frozenset(
    ["mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "margaret", "betty", "sandra", "ashley", "dorothy", "kimberly", "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "julie", "joyce", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "martha", "hannah", "jacqueline", "gloria", "teresa", "ann", "sara", "frances", "kathryn", "janice", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "marie", "kayla", "lori", "hillary", "hilary", "nikki", "condoleezza", "madeleine", "elaine", "dianne", "kamala", "ivanka", "melania", "huma", "kellyanne", "michele", "nina", "irina", "olga", "tatiana", "natalia", "svetlana", "yelena", "elena", "ekaterina", "yekaterina", "galina", "ludmila", "lyudmila", "valentina", "anastasia", "marina", "larisa", "angela", "ursula", "federica", "theresa", "hanna", "segolene", "ségolène", "sigrid", "helga", "ingrid", "birgit", "annalena", "giorgia", "jacinda", "benazir", "indira", "sonia", "priyanka", "golda", "tzipi", "ayelet", "shirin", "malala", "fatima", "aisha", "leila", "layla", "susana", "rosa", "carmen", "ana", "lucia", "dilma", "cristina", "kirsty", "jacinta", "wendy", "rose", "penny", "priti", "liz", "harriet", "yvette", "mariam"]
)

_MALE_FIRST_NAMES = frozenset(
    ["james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "henry", "adam", "nathan", "peter", "zachary", "kyle", "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald", "sean", "arthur", "noah", "jesse", "joe", "bryan", "billy", "bruce", "albert", "willie", "gabriel", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip", "johnny", "bill", "barack", "bernie", "mitt", "marco", "ted", "jeb", "newt", "mike", "chuck", "harry", "reince", "rudolph", "rudy", "rex", "jim", "tim", "tom", "dick", "ben", "ron", "rick", "bob", "greg", "ed", "hugh", "lyndon", "dwight", "ronald", "woodrow", "abraham", "ulysses", "herbert", "calvin", "vladimir", "sergei", "sergey", "dmitry", "dmitri", "andrei", "andrey", "gleb", "mikhail", "nikolai", "alexei", "aleksei", "yuri", "igor", "ivan", "oleg", "boris", "viktor", "pavel", "anatoly", "maxim", "konstantin", "evgeny", "yevgeny", "valery", "leonid", "grigory", "ali", "mohammed", "muhammad", "mohammad", "ahmed", "hassan", "hussein", "mahmoud", "abdullah", "omar", "khalid", "ibrahim", "yusuf", "binyamin", "ehud", "shimon", "yitzhak", "moshe", "naftali", "avigdor", "emmanuel", "francois", "françois", "nicolas", "jacques", "gerhard", "helmut", "olaf", "frank-walter", "heinz", "klaus", "wolfgang", "jens", "xi", "narendra", "nawaz", "imran", "recep", "javad", "akbar", "shinzo", "fumio", "yoshihide", "tony", "gordon", "keir", "rishi", "nigel", "ashton", "lloyd", "leon", "colin"]
)

_FEMALE_ROLE = re.compile(r"(?:woman|women|ess)$")

_MALE_ROLE = re.compile(r"(?:man|men)$")

_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f", "they": None, "we": None, "i": None,
    "it": None, "you": None, "who": None,
}

_DETERMINERS = frozenset(["the", "a", "an", "one", "his", "her", "its", "their", "our", "my", "this", "that", "these", "those", "another", "some"])

# Words that start a phrase we never take as a speaker ("In an interview", "On Tuesday").
_PREPOSITIONS = frozenset(
    ["in", "on", "at", "during", "after", "before", "since", "until", "from", "with", "without", "about", "of", "for", "to", "by", "into", "over", "under", "through", "between", "among", "against", "despite", "like", "unlike", "as", "than", "via", "per", "while", "when", "where", "if", "because", "although", "though", "whether"]
)

_CONJUNCTIONS = frozenset(["and", "but", "or", "nor", "so", "yet", "that", "which", "whom", "whose"])

_TIME_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow", "week", "month", "year", "morning", "afternoon", "evening", "night", "earlier", "later", "last", "this", "next"]
)

# Months are also names (May, August, June), so they only count as time before a day number.
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
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
    ["found", "finds", "believes", "believed", "thinks", "thought", "feels", "felt", "hopes", "hoped", "fears", "feared", "expects", "expected"]
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

_POSSESSIVE_DETERMINERS = frozenset(["his", "her", "its", "their", "our", "my", "your"])

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

def _is_role_word(token: Token) -> bool:
    """A noun for a person by what they do: "minister", "spokeswoman", "analysts"."""
    word = token.bare.removesuffix("'s").removesuffix("’s").split("-")[-1]
    return word in _ROLE_WORDS or (word.endswith("s") and word[:-1] in _ROLE_WORDS)

# Determiners and quantifiers that stand for people of a group just described: "one said", "another".
_STANDING_ALONE = frozenset(["one", "another", "others", "some", "many", "several", "both"])
