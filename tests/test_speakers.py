"""The attribution rules, one example each: which rule attributes the quotation, and to whom.

Every rule of the lexicon table `attribution_rules` has a row here (checked below), so a rule
that stops working fails under its own name. The examples are invented for these tests.
"""
from __future__ import annotations

import pytest

from briefgen import lexicon
from briefgen.analyse.quotes import find_quotes
from briefgen.analyse.speakers import ATTRIBUTION_RULES
from briefgen.analyse.speakers.phrases import cannot_speak

# (rule, article text, the start of the quotation, speaker, role)
RULE_CASES = [
    ("speaker-then-said", '"The inspectors will return in spring," Maria Okafor said.',
     "The inspectors", "Maria Okafor", None),
    ("said-then-speaker", '"The inspectors will return in spring," said Maria Okafor, the agency\'s deputy director.',
     "The inspectors", "Maria Okafor", "the agency's deputy director"),
    ("aside-then-said-speaker", '"The inspectors will return in spring," Vienna, where the agency sits, said Maria Okafor.',
     "The inspectors", "Maria Okafor", None),
    ("unlisted-verb-then-speaker", '"We have waited long enough!" thundered Maria Okafor.',
     "We have waited", "Maria Okafor", None),
    ("speaker-then-unlisted-verb", '"Not one step back!" the marchers roared.',
     "Not one step", "the marchers", None),
    ("by-speaker-after", 'The "poison pill" amendments, added by Maria Okafor, stalled the treaty.',
     "poison pill", "Maria Okafor", None),
    ("framed-fragment", 'Her rivals mocked the plan, calling it "a paper tiger," Maria Okafor told reporters.',
     "a paper tiger", "Her rivals", None),
    ("said-comma-then-quote", 'When a delegate shouted, "Shame," Maria Okafor smiled, "We hear you."',
     "Shame", "a delegate", None),
    ("issued-document", 'After the vote, Maria Okafor issued a statement, "The inspectors will return in spring."',
     "The inspectors", "Maria Okafor", None),
    ("said-speaker-then-quote", 'Because of the calendar, explained Maria Okafor, "the inspectors will return in spring."',
     "the inspectors", "Maria Okafor", None),
    ("speaker-said-closing-sentence", '"The inspectors will return" before the spring thaw, Maria Okafor said.',
     "The inspectors", "Maria Okafor", None),
    ("said-speaker-closing-sentence", '"The inspectors will return" before the thaw; that much, said Maria Okafor, is certain.',
     "The inspectors", "Maria Okafor", None),
    ("according-to-after", '"The inspectors will return in spring," at least for now, according to Maria Okafor.',
     "The inspectors", "Maria Okafor", None),
    ("according-to", 'According to Maria Okafor, "the inspectors will return in spring."',
     "the inspectors", "Maria Okafor", None),
    ("in-words-of", 'In Maria Okafor\'s words, "the inspectors will return in spring."',
     "the inspectors", "Maria Okafor", None),
    ("colon-verb", 'Maria Okafor replied: "The inspectors will return in spring."',
     "The inspectors", "Maria Okafor", None),
    ("colon-name", 'Nobody was calmer than Maria Okafor: "The inspectors will return in spring."',
     "The inspectors", "Maria Okafor", None),
    ("colon-document", 'From Maria Okafor\'s statement: "The inspectors will return in spring."',
     "The inspectors", "Maria Okafor", None),
    ("colon-clause-subject", 'A footnote in the annex makes the point plainly: "The inspectors will return in spring."',
     "The inspectors", "A footnote", None),
    ("cue-before-quote", 'Maria Okafor said the inspectors would "return in spring when the roads reopen."',
     "return in spring", "Maria Okafor", None),
    ("shared-subject-cue", 'Maria Okafor paused and added that the inspectors would "return in spring when the roads reopen."',
     "return in spring", "Maria Okafor", None),
    ("participle-subject",
     'A statement from Maria Okafor saying the inspectors would "return in spring when the roads reopen" was issued.',
     "return in spring", "Maria Okafor", None),
    ("participle-clause-subject",
     'Maria Okafor rejected the plan on Monday, arguing that it was "a recipe for another decade of delay."',
     "a recipe", "Maria Okafor", None),
    ("described-by", 'The accord was described by Maria Okafor as "a recipe for another decade of delay."',
     "a recipe", "Maria Okafor", None),
    ("blamed-for-saying", 'The opposition rounded on Maria Okafor for saying "the accord is a recipe for another decade of delay."',
     "the accord", "Maria Okafor", None),
    ("chant", 'The crowd outside the embassy took up the chant "No more bombs, no more bombs!"',
     "No more bombs", "The crowd", None),
    ("poll-for-statistic",
     'A Gallup poll released on Friday found that 31% of voters said the accord was "a recipe for another decade of delay."',
     "a recipe", "A Gallup poll", None),
    ("introduced-by-paragraph-before",
     'Maria Okafor told reporters after the session:\n\n"We will be back in spring with more people."',
     "We will be back", "Maria Okafor", None),
    ("headline-name", 'Maria Okafor: "The inspectors will return"\n\n"We will be back in spring with more people."',
     "We will be back", "Maria Okafor", None),
    ("continues-paragraph-before",
     '"The inspectors will return in spring," Maria Okafor said.\n\n"We will be back with more people and better tools."',
     "We will be back", "Maria Okafor", None),
    ("reported-in-paragraph-before",
     'Maria Okafor speculated that the inspectors could return in the spring.\n\n"We will be back with more people."',
     "We will be back", "Maria Okafor", None),
    ("signed-below", '"We will be back with more people and better equipment."\n\n- Maria Okafor.',
     "We will be back", "Maria Okafor", None),
    ("earlier-in-paragraph",
     '"The inspectors will return in spring," Maria Okafor said. "We will be back with more people and better tools."',
     "We will be back", "Maria Okafor", None),
    ("previous-sentence",
     'Maria Okafor announced a return of the inspectors for the spring. "We will be back with more people and tools."',
     "We will be back", "Maria Okafor", None),
    ("possessor-of-speech-noun",
     'The mayor mocked Maria Okafor\'s claim that the minister "founded the militia in the hills."',
     "founded the militia", "Maria Okafor", None),
    ("reported-clause", 'Maria Okafor said the harbour board called the permit "a gift to the builders."',
     "a gift to", "Maria Okafor", None),
    ("parenthetical-cue", 'The station, Maria Okafor said, called the permit "a gift to the builders."',
     "a gift to", "Maria Okafor", None),
    ("later-in-paragraph",
     '"We will be back with more people and tools." In the same breath, "the inspectors will return," Maria Okafor said.',
     "We will be back", "Maria Okafor", None),
]


@pytest.mark.parametrize(("rule", "text", "opening", "speaker", "role"), RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_each_rule_attributes_its_example(rule: str, text: str, opening: str, speaker: str, role: str | None) -> None:
    quote = next(q for q in find_quotes(text) if q.quote.startswith(opening))
    assert (quote.rule, quote.speaker, quote.role) == (rule, speaker, role)


def test_every_rule_has_an_example() -> None:
    assert sorted(ATTRIBUTION_RULES) == sorted(case[0] for case in RULE_CASES)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('Maria Okafor told reporters about the talks. "We will be back in spring with more people," she said.', "speaker-then-said+pronoun"),
        ('Maria Okafor told reporters about the talks. She said the inspectors would "be back in spring with more people."',
         "cue-before-quote+pronoun"),
    ],
)
def test_a_resolved_pronoun_keeps_the_rule_that_found_it(text: str, rule: str) -> None:
    assert [(q.speaker, q.rule) for q in find_quotes(text)] == [("Maria Okafor", rule)]


# The shapes the speaker rules read, one sentence per docstring example of analyse/speakers/
# (function, article text, the start of the quotation, speaker, role).
SHAPE_CASES = [
    ('colon_speaker', 'Maria Okafor told the committee: "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', None),
    ('colon_speaker', 'Rep. Maria Okafor (D-Ore.): "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', None),
    ('colon_speaker', 'Maria Okafor went further -- "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', None),
    ('speaker_before', 'Maria Okafor said: "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', None),
    ('cue_subjects', '"The inspectors will return in spring," said Maria Okafor, who led the team. "We will be back."',
     'The inspectors w', 'Maria Okafor', None),
    ('cue_speaker', 'Maria Okafor released a statement saying the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_fronted_clause_end', 'After Tom Brandt asked about the visit, Maria Okafor said the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_ends_sentence', '"The inspectors will return" once the snow melts, Maria Okafor said in a statement on Tuesday.',
     'The inspectors w', 'Maria Okafor', None),
    ('_could_be_a_name', 'Following Wednesday, Maria Okafor, the envoy, said the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', 'the envoy'),
    ('_role_before', 'Spokeswoman Maria Okafor said the plan was "dead on arrival in the senate." Later, "we will see," Okafor added.',
     'we will see,', 'Maria Okafor', 'Spokeswoman'),
    ('_surname_alone', 'Maria Okafor flew in on Monday, her aides said. Okafor said the plan was "dead on arrival in the senate." "We will see," she added.',
     'We will see,', 'Maria Okafor', None),
    ('_is_dateline', 'GENEVA -- "The inspectors will return in spring," Maria Okafor said.',
     'The inspectors w', 'Maria Okafor', None),
    ('phrase_to_speaker', '"The inspectors will return in spring," Russian Defence Minister Sergei Ivanov said.',
     'The inspectors w', 'Sergei Ivanov', 'Russian Defence Minister'),
    ('phrase_to_speaker', '"The inspectors will return in spring," the official said.',
     'The inspectors w', 'the official', None),
    ('_name_after_preposition', '"The inspectors will return in spring," a professor at Cornell said.',
     'The inspectors w', 'a professor at Cornell', None),
    ('_name_after_preposition', '"The inspectors will return in spring," Secretary of State Maria Okafor said.',
     'The inspectors w', 'Maria Okafor', 'Secretary of State'),
    ('_names_an_object', 'In a letter to Attorney General Maria Okafor, the group called the plan "dead on arrival in the senate."',
     'dead on arrival ', 'the group', None),
    ('_can_start_description', '"The inspectors will return in spring," one analyst said.',
     'The inspectors w', 'one analyst', None),
    ('_can_start_description', '"The inspectors will return in spring," Okafor aides said.',
     'The inspectors w', 'Okafor aides', None),
    ('_after_inner_title', '"The inspectors will return in spring," Colorado Rep. Maria Okafor said.',
     'The inspectors w', 'Maria Okafor', 'Colorado Rep.'),
    ('_looks_like_role', '"The inspectors will return in spring," said Maria Okafor, director of the Institute.',
     'The inspectors w', 'Maria Okafor', 'director of the Institute'),
    ('is_personal', 'Maria Okafor released a statement saying the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('subject_before', '"The inspectors will return in spring," Maria Okafor, a spokeswoman, said.',
     'The inspectors w', 'Maria Okafor', 'a spokeswoman'),
    ('has_own_subject', 'Maria Okafor stood up and warned that the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_skip_adjuncts', '"The inspectors will return in spring," Maria Okafor has always said.',
     'The inspectors w', 'Maria Okafor', None),
    ('_skip_adjuncts', 'Maria Okafor soon added that the inspectors would "return in spring when the roads reopen."',
     'return in spring', 'Maria Okafor', None),
    ('_skip_adjuncts', 'Maria Okafor on Friday said the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_strip_name_prefixes', 'UN spokesman Farhan Aziz Haq said the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Farhan Aziz Haq', 'UN spokesman'),
    ('_strip_name_prefixes', '"The inspectors will return in spring," Pakistani Imran Saeed said.',
     'The inspectors w', 'Imran Saeed', 'Pakistani'),
    ('_name_opening_appositions',
     'Cmdr. Ana Reyes, a spokeswoman for the task force, the coalition\'s press office, said the claim was "false from start to end."',
     'false from start', 'Ana Reyes', 'a spokeswoman for the task force'),
    ('_apposed_subject', '"The inspectors will return in spring," her lawyer, Tom Brandt, said.',
     'The inspectors w', 'Tom Brandt', 'her lawyer'),
    ('_is_aside', '"The inspectors will return in spring," Tom Brandt, however, said.',
     'The inspectors w', 'Tom Brandt', None),
    ('_is_aside', '"The inspectors will return in spring," Tom Brandt, R-Ky., said.',
     'The inspectors w', 'Tom Brandt', None),
    ('_is_aside', '"The inspectors will return in spring," Tom Brandt, speaking to reporters, said.',
     'The inspectors w', 'Tom Brandt', None),
    ('_drop_asides', '"The inspectors will return in spring," Tom Brandt, of Flint, Mich., said.',
     'The inspectors w', 'Tom Brandt', None),
    ('speaker_after', '"The inspectors will return in spring," said Maria Okafor, director of the Institute.',
     'The inspectors w', 'Maria Okafor', 'director of the Institute'),
    ('_names_a_role', '"The inspectors will return in spring," according to the man, the steroids were his.',
     'The inspectors w', 'the man', None),
    ('_can_open_speaker_phrase', '"The inspectors will return in spring," said spokesman Bo Li.',
     'The inspectors w', 'Bo Li', 'spokesman'),
    ('_can_open_speaker_phrase', '"The inspectors will return in spring," said Sen. Maria Okafor.',
     'The inspectors w', 'Maria Okafor', None),
    ('clause_subject', 'Maria Okafor rejected the plan, saying it was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_opens_with_aside', 'Asked about it, Maria Okafor rejected the plan, saying it was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_after_introductory_phrase',
     'Here in Vienna, Maria Okafor stepped up her attack on the plan, saying, "We will not sign this text as it stands."',
     'We will not sign', 'Maria Okafor', None),
    ('in_words_of', 'In the words of Maria Okafor, "the inspectors will return in spring."',
     'the inspectors w', 'Maria Okafor', None),
    ('possessed_text', 'The newspaper\'s editorial telling him to resign called the plan "dead on arrival in the senate."',
     'dead on arrival ', "The newspaper's editorial", None),
    ('_possessor', 'In the senator\'s words, "the inspectors will return in spring."',
     'the inspectors w', 'the senator', None),
    ('_document_author', 'From Maria Okafor\'s Facebook post: "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', None),
    ('according_to', 'According to Maria Okafor, a ministry spokeswoman, "the inspectors will return in spring."',
     'the inspectors w', 'Maria Okafor', 'a ministry spokeswoman'),
    ('tokenize', '"The inspectors will return in spring," said Maria E. Okafor of the U.S. mission.',
     'The inspectors w', 'Maria E. Okafor', 'the U.S. mission'),
    ('is_cue', '"The inspectors will return in spring," the Post reported.',
     'The inspectors w', 'Post', None),
    ('is_cue_at', 'Maria Okafor put it bluntly: "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', None),
    ('is_passive_by', "'The road is open,' Anwar Haddad said by telephone.",
     'The road is open', 'Anwar Haddad', None),
    ('_is_particle_name',
     "Government spokesman Omar al-Masri said the crossing had closed. 'It is important to keep the passengers safe,' he said.",
     'It is important', 'Omar al-Masri', 'Government spokesman'),
    ('_phrase_back', '"My family is still living in the provinces," one of the drivers tells me.',
     'My family', 'one of the drivers', None),
    ('_can_end_description', '"He is an able leader and a friend," said the 46-year-old.',
     'He is an able', 'the 46-year-old', None),
    ('_inverted_phrase_end', '"We have seen a growing hostility," said a Mexican official who was not authorized to speak.',
     'We have seen', 'a Mexican official', None),
    ('_modifies_a_role', '"It is a hot item," said conservative activist Bob Klausner, who backs no one.',
     'It is a hot item', 'Bob Klausner', 'conservative activist'),
    ('cue_is_noun', '"We are in prison in this city," a fourth says.',
     'We are in prison', 'a fourth', None),
    ('_unclosed_apposition',
     "Omar Haddad, the spokesman for the Popular Front for the Liberation of the Coast said the road was \"open to all.\"",
     'open to all', 'Omar Haddad', 'the spokesman for the Popular Front for the Liberation of the Coast'),
    ('_unclosed_apposition', 'Mr. Brandt, a senior aide said, "is very confident about the vote."',
     'is very confident', 'a senior aide', None),
    ('_dashed_subject', '"The inspectors will return in spring," Maria Okafor -- a former envoy -- said.',
     'The inspectors w', 'Maria Okafor', 'a former envoy'),
    ('_dashed_subject', '"The inspectors will return in spring," a former envoy -- Maria Okafor -- said.',
     'The inspectors w', 'Maria Okafor', 'a former envoy'),
    ('_phrase_back', '"The inspectors will return in spring," Maria Okafor of the Policy Institute said.',
     'The inspectors w', 'Maria Okafor', 'the Policy Institute'),
    ('_phrase_back', 'The delay does not worry diplomat Maria Okafor: "The inspectors will return in spring."',
     'The inspectors w', 'Maria Okafor', 'diplomat'),
    ('text_before_participle',
     'A legal opinion drafted for the firm concluded that the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'A legal opinion', None),
    ('_blamed_for', 'Critics attacked Maria Okafor for saying "the accord is a recipe for another decade of delay."',
     'the accord is a ', 'Maria Okafor', None),
    ('_inverted_phrase_end', '"Poison pill" amendments added by Maria Okafor stalled the treaty.',
     'Poison pill', 'Maria Okafor', None),
    ('_is_role_word', '"The inspectors will return in spring," analysts said.',
     'The inspectors w', 'analysts', None),
    ('_inverted_before_quote', 'The trouble with the plan, says Maria Okafor, a naval historian, is that it was "the costliest idea of the era."',
     'the costliest ide', 'Maria Okafor', 'a naval historian'),
    ('_inverted_before_quote', 'Tom Brandt, the envoy, said he expects Okafor, Haddad, and Roe to "show their unity in our firm resolve."',
     'show their unity', 'Tom Brandt', 'the envoy'),
    ('_names_an_object', '"The talks are going nowhere," said Oversight ranking Democrat Ali Haddad (D-Md.).',
     'The talks are', 'Ali Haddad', 'Oversight ranking Democrat'),
    ('_can_open_speaker_phrase', '"The talks are going nowhere," said ranking Democrat Ali Haddad.',
     'The talks are', 'Ali Haddad', 'ranking Democrat'),
    ('_coordinated_participle',
     'Ministers were quick to respond, with Maria Okafor tweeting that it was over and asking, "How can anyone trust them?"',
     'How can anyone', 'Maria Okafor', None),
    ('_name_after_dash', 'Analysts agree - Maria Okafor: "One lesson was simple: keep calling voters late."',
     'One lesson', 'Maria Okafor', None),
    ('_past_adjunct_phrase', 'Maria Okafor at the time said the plan was "dead on arrival in the senate."',
     'dead on arrival ', 'Maria Okafor', None),
    ('_past_adjunct_phrase', 'Tom Brandt, who has in the past called the accord "a paper tiger with no teeth at all," spoke first.',
     'a paper tiger', 'Tom Brandt', None),
]


@pytest.mark.parametrize(("where", "text", "opening", "speaker", "role"), SHAPE_CASES, ids=[c[0] for c in SHAPE_CASES])
def test_each_speaker_shape(where: str, text: str, opening: str, speaker: str, role: str | None) -> None:
    quote = next(q for q in find_quotes(text) if q.quote.startswith(opening))
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    "text",
    [
        'Maria Okafor was asked whether "The plan is dead on arrival in the senate."',
        'Tom Brandt slammed Maria Okafor as out of touch for saying "The plan is dead on arrival in the senate."',
    ],
)
def test_no_speaker_for_someone_spoken_to_or_blamed_by_an_unnamed_critic(text: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == [None]


# Places named as where and common nouns that stand where a subject would never speak
# (lexicon places_that_do_not_speak, nouns_that_do_not_speak; speakers.phrases.cannot_speak).
@pytest.mark.parametrize(
    "text",
    [
        '"We will carry every county in the state this time," Ohio said.',
        '"We will carry every county in the state this time," the Midwest said.',
        'Likewise said the plan was "a paper tiger with no teeth at all."',
        'Hours later said the plan was "a paper tiger with no teeth at all."',
    ],
)
def test_no_speaker_for_a_place_or_a_common_noun(text: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == [None]


@pytest.mark.parametrize("table", ["places_that_do_not_speak", "nouns_that_do_not_speak"])
def test_the_examples_of_the_tables_of_what_cannot_speak(table: str) -> None:
    examples = lexicon.table(table).examples
    assert examples and [e for e in examples if not cannot_speak(e)] == []


@pytest.mark.parametrize("text", ['"We are ready to talk at any time," Iran said.', '"We are ready," Washington warned.'])
def test_a_country_or_a_capital_speaks_for_its_government(text: str) -> None:
    assert [q.speaker for q in find_quotes(text)] != [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the quotation is the object of the owner's noun of saying
        ('Tom Brandt called Maria Okafor\'s assertion of a "claim of right" over the files troubling.', "Maria Okafor"),
        # the words judge the claim: they are the judge's, not the owner's
        ('Tom Brandt said Maria Okafor\'s claim that the fleet is in poor shape after years of cuts is "simply not true."',
         "Tom Brandt"),
        ('Tom Brandt denounced Maria Okafor\'s remarks as "hurtful and humiliating for the whole crew."', "Tom Brandt"),
        ('Tom Brandt called Maria Okafor\'s charge "pathetic and dangerous for the whole crew."', "Tom Brandt"),
    ],
)
def test_the_owner_of_a_noun_of_saying_speaks_only_inside_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        '"The inspectors will return in spring,"\nMaria Okafor said the talks had ended.',
        '"What is the hardest place you have ever worked in?"\nTom Brandt laughed at the question.',
    ],
)
def test_an_attribution_does_not_start_on_a_new_line(text: str) -> None:
    # words after a line break are the next paragraph's: a reply or a new speaker
    assert find_quotes(text)[-1].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        'In reply, Maria Okafor indicated that the ministry "should have known better than to wait so long."',
        'Maria Okafor scoffed that the plan was "a paper tiger with no teeth at all."',
        'Maria Okafor recounted how the guards "waved us through without a single question."',
        'Maria Okafor used the question to demand that the envoys "pay their fair share of the costs."',
    ],
)
def test_verbs_of_inference_and_manner_attribute_like_said(text: str) -> None:
    # lexicon inferred_speech_cues, read with cue_verbs
    assert [q.speaker for q in find_quotes(text)] == ["Maria Okafor"]


def test_a_cue_inside_a_relative_aside_speaks_only_for_the_aside() -> None:
    text = ('Tom Brandt was pressed on whether the cuts, which the budget office estimates would save millions, '
            'would risk "leaving the fleet without spare parts for a decade."')
    assert [q.speaker for q in find_quotes(text)] == [None]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('"We hold the ridge," Brig. Maria Okafor said.', "Maria Okafor", None),
        ('"We hold the ridge," said Cpl. Tom Brandt, who was on patrol.', "Tom Brandt", None),
        ('"We hold the ridge," Defence Secretary Sir Tom Brandt said.', "Tom Brandt", "Defence Secretary"),
    ],
)
def test_titles_from_the_one_titles_table_open_a_name(text: str, speaker: str, role: str | None) -> None:
    assert [(q.speaker, q.role) for q in find_quotes(text)] == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # the subject of the sentence that introduces the quotation, not a name in passing
        ('Tom Brandt met Rev. Ali Haddad on Monday. "We had a very good talk about the city," he said.',
         "Tom Brandt", None),
        # a subordinate clause's subject is not the sentence's
        ('Tom Brandt looked tired when Ali Haddad asked about the vote. "We will see in May," he said.',
         "Tom Brandt", None),
        # the role stated with the name goes with the pronoun's quotations too
        ("Government spokesman Omar al-Masri said the crossing had closed. 'We will open it again soon,' he said.",
         "Omar al-Masri", "Government spokesman"),
        # never across another speaker's quotation
        ('Tom Brandt spoke first. "We are ready," said Maria Okafor. "We will vote in May," he said.', None, None),
    ],
)
def test_a_pronoun_goes_to_the_subject_that_introduces_it(text: str, speaker: str | None, role: str | None) -> None:
    assert [(q.speaker, q.role) for q in find_quotes(text)][-1] == (speaker, role)


# Conventions of the words right after a closing mark (analyse/speakers/attribution.py), one row each:
# (convention, article text, the start of the quotation, speaker, role). ANY_ROLE: the role is not
# checked (the article's other mentions of the name may give it first: "$5 Fares organizing director").
ANY_ROLE = "*"
AFTER_QUOTE_CASES = [
    # a participle goes on the quotation's own sentence: its object is never an inverted speaker
    ("participle-after-quote", 'The two ministers insist that "the deal still holds," citing a letter from the agency.',
     "the deal", "The two ministers", None),
    ("participle-after-quote", 'Okafor has called the offer "generous and overdue," telling reporters on Monday she would sign.',
     "generous and", "Okafor", None),
    # between the closing mark and its cue stands only the speaker's phrase, however it opens
    ("described-name-then-said", '"We will not wait," Fund for $5 Fares organizing director Tom Brandt told the local radio.',
     "We will not", "Tom Brandt", ANY_ROLE),
    ("described-name-then-said", '"He is a good father," his sister, Ana Maria Brandt, wrote to the court.',
     "He is a good", "Ana Maria Brandt", "his sister"),
    ("described-name-then-said", '"We will not wait," On Tuesday Tom Brandt said.',
     "We will not", None, None),
    # an inverted cue puts the name last, after its description
    ("inverted-described-name", '"We will not wait," said Budget ranking member Maria Okafor (D-Ore.).',
     "We will not", "Maria Okafor", "Budget ranking member"),
    ("inverted-described-name", '"We will not wait," said ranking member Maria Okafor was the line of the day.',
     "We will not", None, None),
]


# Documents and turns (analyse/speakers): who speaks through a document, and which quotation a
# cue between two quotations belongs to. (convention, article text, the start of the quotation, speaker)
DOCUMENT_CASES = [
    # a document sent out speaks for its issuer, named or described
    ("issuer-of-document", 'The town council released a statement on Monday saying the plan was "a betrayal of trust."',
     "a betrayal", "The town council"),
    ("issuer-of-document", 'Her campaign quickly sent out an email to supporters stating, "We are one week from victory."',
     "We are one week", "Her campaign"),
    ("issuer-of-document", 'Maria Okafor released a statement on Monday saying the plan was "a betrayal of trust."',
     "a betrayal", "Maria Okafor"),
    # a thing held up is not a document sent out: the one holding it does not issue it
    ("issuer-of-document", 'A nurse held up a sign saying "Beds, not bombs."', "Beds, not", "A nurse"),
    # the agent after "obtained by" got hold of the document, which speaks
    ("document-obtained-by", 'A Feb. 3 letter from the Harbor Board obtained by the Gazette warns that "no permit will follow."',
     "no permit", "A Feb. 3 letter from the Harbor Board"),
    ("document-obtained-by", 'A memo seen by the Gazette warns that "no permit will follow."', "no permit", "A memo"),
    # a reported clause: the quotation comes through the one who reports it
    ("reported-clause", 'Tom Brandt said that the governor was telling donors "it is over."', "it is over", "Tom Brandt"),
    ("reported-clause", 'Tom Brandt said he expected that voters will say "enough."', "enough", "Tom Brandt"),
    # a participle set off after a subordinate or relative clause goes with that clause's doer
    ("participle-after-clause", 'Okafor spoke near the harbour, where about 40 dockers had gathered, chanting "no deal, no ships."',
     "no deal", "40 dockers"),
    ("participle-after-clause", 'The minister campaigned for Tom Brandt, who runs for mayor and who greeted the crowd, praising "a city that works."',
     "a city that", "Tom Brandt"),
    ("participle-after-clause", 'Okafor hit back on Monday, saying the plan was "a fantasy."', "a fantasy", "Okafor"),
    # "as" is also a preposition: "serve as a ladder to the middle class, noting" is the main clause's
    ("participle-after-clause", 'Okafor sold the plan as a ladder to the middle class, noting that it is "paid for."',
     "paid for", "Okafor"),
    # an adverb before a determiner: the phrase opens at the determiner ("even a top aide said")
    ("adverb-then-subject", 'After the vote, even a senior aide said it was time, saying, "We have to move on."',
     "We have to", "a senior aide"),
    # a place between the subject and its verb is not the speaker
    ("adjunct-of-place", '"Will he run again?" a staffer in the room wondered.', "Will he run", "a staffer"),
    # a name after "while" (or "but") and a comma opens a new clause: it is the subject, not the clause before
    ("clause-opener-then-apposition",
     'The mayor signed an order to close the old pier, while Tom Brandt, the harbour master, warned "it will cost us."',
     "it will cost", "Tom Brandt"),
    # a wire dateline opens the first paragraph but is not its subject
    ("dateline", 'Lagos (Reuters) - Minister Maria Okafor has rejected the offer, saying it was "far too late."',
     "far too late", "Maria Okafor"),
    # the people a text is addressed to are not the subject: the text is
    ("text-to-someone", 'Okafor\'s weekly letter to her supporters notes that the plan is "fully paid for."',
     "fully paid", "Okafor's weekly letter to her supporters"),
    # a list of verbs sharing one subject: the object before a comma is no apposition
    ("list-of-verbs", 'The governor has mocked a local reporter, referred to the strikers as "wreckers" and left.',
     "wreckers", "The governor"),
    ("list-of-verbs", 'Jane Roe, a spokeswoman for the ministry, said it was "a good day."', "a good day", "Jane Roe"),
    # a quotation inside the sentence's opening subordinate clause is that clause's
    ("quote-in-fronted-clause", 'But even as Maria Okafor claimed that "the deal is dead," her rivals said talks went on.',
     "the deal is dead", "Maria Okafor"),
    ("quote-in-fronted-clause", 'After Tom Brandt said that pupils do better at "smaller schools," Okafor said: "I disagree."',
     "smaller schools", "Tom Brandt"),
    ("quote-in-fronted-clause", 'As the votes came in, "We won," Maria Okafor said.', "We won", "Maria Okafor"),
    # a parenthesis that relays, with a new subject after it, is no attribution of the sentence
    ("parenthetical-cue", 'As the crowd cheered, the Gazette\'s Tom Brandt reported, his wife whispered: "They are with you."',
     "They are with", "his wife"),
    # a quotation that trails off is no sentence end: the attribution after it is its own
    ("trailing-off", 'Asked again, she paused.\n\n"Well, I am going to look at a lot of people..." Maria Okafor said.',
     "Well, I am", "Maria Okafor"),
    # before a colon, a relative clause's cue with its own object speaks only for the clause
    ("relative-before-colon", 'Tom Brandt wrote that it was odd, coming from a mayor who promised cheap rents: "Your plan doubles them."',
     "Your plan", "Tom Brandt"),
    ("relative-before-colon", 'Okafor hired a lawyer who told reporters: "We will fight."', "We will fight", "a lawyer"),
    ("relative-before-colon", 'Okafor hired a lawyer who said this week: "We will fight."', "We will fight", "a lawyer"),
    # a relative clause's cue is no reported clause of the cue before it
    ("reported-clause", 'Maria Okafor quoted an envoy who said: "We will stay."', "We will stay", "an envoy"),
    # "in what Jane Roe, a treasurer, called": a free relative opens a clause with its own subject
    ("free-relative", 'He guarded the delegates in 1976, in what Jane Roe, a treasurer for the rival campaign, called "trench warfare."',
     "trench warfare", "Jane Roe"),
    # a noun of saying with its agent after "by" holds the agent's words in its short that-clause
    ("agent-of-speech-noun", 'The judge noted the suggestion by a senior minister that someone "ought to look into" it.',
     "ought to look", "a senior minister"),
    # the speaker's own text between subject and verb is where it was said
    ("own-text-adjunct", 'It was complete when Maria Okafor in her opening speech called the plan "a fraud."',
     "a fraud", "Maria Okafor"),
    # a past tense after a name is the clause's verb, not a modifier of the role after it
    ("verb-after-name", 'Later, Okafor pressed Party Chairman Tom Brandt on the budget, insisting that he "show the numbers."',
     "show the numbers", "Okafor"),
    ("verb-after-name", 'The retired judge quit the panel, saying only that she was "tired of the noise."',
     "tired of the", "The retired judge"),
    # a participle after "is" is the finite verb of its clause
    ("progressive-cue", 'In what may be a first, the tenants union is calling on the mayor to "stop the evictions."',
     "stop the evictions", "the tenants union"),
    # a naming verb after a common noun names the thing ("a class called ...") and reports no speech
    ("names-a-title", 'Tom Brandt shared a syllabus for a 1998 history class called "Empires" on his page, writing "Here it is."',
     "Here it is", "Tom Brandt"),
    # a description in apposition to a name, antecedent of "who", stands for the name
    ("name-before-description", 'Tom Brandt, a Leeds native who writes fiction (one story is about a contest "where the loser pays").',
     "where the loser", "Tom Brandt"),
    ("name-before-description", 'Okafor met an analyst who warned that it was "a trap."', "a trap", "an analyst"),
    # a soft hyphen left before a word by a web page does not cut the name
    ("soft-hyphen", '"We have not been briefed," Tom \u00adBrandt, a spokesman for Speaker Maria Okafor, told the Gazette.',
     "We have not", "Tom Brandt"),
    # a signature line: the name first, then a description or home town after its comma
    ("signed-below-name-first", 'Voices.\n\n"We hear about it all the time, and it needs to stop."\n\n-Maria Okafor, Leeds.',
     "We hear about", "Maria Okafor"),
    # a cue after a finished quotation that opens the next is a new turn
    ("next-turn", 'Okafor wrote to Brandt, "Can you come at noon?" Brandt then wrote back, "Only after two."',
     "Can you come", "Okafor"),
    ("next-turn", 'Okafor wrote to Brandt, "Can you come at noon?" Brandt then wrote back, "Only after two."',
     "Only after two", "Brandt"),
    # a cue that goes on from the speaker's own words attributes both
    ("next-turn", '"We won the vote." Maria Okafor added, "Now the work starts."', "We won the vote", "Maria Okafor"),
]


@pytest.mark.parametrize(("convention", "text", "opening", "speaker"), DOCUMENT_CASES, ids=[c[0] for c in DOCUMENT_CASES])
def test_documents_and_turns(convention: str, text: str, opening: str, speaker: str) -> None:
    quote = next(q for q in find_quotes(text) if q.quote.startswith(opening))
    assert (quote.speaker or quote.unsure_speaker) == speaker, convention


@pytest.mark.parametrize(
    ("convention", "text", "opening", "speaker", "role"), AFTER_QUOTE_CASES, ids=[c[0] for c in AFTER_QUOTE_CASES]
)
def test_the_words_after_a_closing_mark(convention: str, text: str, opening: str, speaker: str | None, role: str | None) -> None:
    quotes = [q for q in find_quotes(text) if q.quote.startswith(opening)]
    found = (quotes[0].speaker, quotes[0].role) if quotes else (None, None)
    assert found[0] == speaker, convention
    assert role == ANY_ROLE or found[1] == role, convention
