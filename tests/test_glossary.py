"""The glossary: loading and checking files (errors name file and line), precedence of course files,
matching names in text on tricky cases, context boxes, and the built-in data file itself."""
from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from briefgen.analyse.glossary import (
    BUILTIN_GLOSSARY,
    Glossary,
    check_glossary,
    entry_explanation,
    explain_terms,
    explanation_json,
    load_glossary,
)
from briefgen.errors import GlossaryError
from briefgen.model import Acronym

SMALL = """\
- term: ABM Treaty
  expansion: Anti-Ballistic Missile Treaty
  aliases: [ABM, ABM treaty, Anti-Ballistic Missile Treaty]
  definition: A test treaty about missile defences.
  status: Ended in a test.
  as_of: 2026-01-15
  key_dates:
    - {date: 1970, event: talks}
    - {date: 1972-05-26, event: signed}
    - {date: 2002-06, event: ended}
  related: [New START]
  sources: written for this test

- term: New START
  expansion: New Strategic Arms Reduction Treaty
  case_sensitive_aliases: [New START]
  definition: A test treaty about warheads.
  as_of: 2026-01-15
  sources: written for this test

- term: START I
  aliases: [START]
  definition: An older test treaty.
  as_of: 2026-01-15
  sources: written for this test

- term: NPT
  aliases: [Non-Proliferation Treaty, Nuclear Non-Proliferation Treaty]
  definition: A test treaty about spreading weapons.
  as_of: 2026-01-15
  sources: written for this test

- term: PrepCom
  expansion: Preparatory Committee
  aliases: [NPT PrepCom, Preparatory Committee]
  definition: A test meeting that prepares a review.
  as_of: 2026-01-15
  sources: written for this test

- term: Ballistic missile
  aliases: [ballistic missile]
  definition: A test missile that flies a high arc.
  as_of: 2026-01-15
  sources: written for this test

- term: ICBM
  aliases: [intercontinental ballistic missile]
  definition: A test missile with a long range.
  as_of: 2026-01-15
  sources: written for this test

- term: Open Skies Treaty
  aliases: [Open Skies]
  case_sensitive_aliases: [Open Skies]
  definition: A test treaty about observation flights.
  as_of: 2026-01-15
  sources: written for this test

- term: Nuclear posture
  aliases: [Nuclear Posture Review]
  definition: A test concept.
  as_of: 2026-01-15
  sources: written for this test

- term: Deterrence
  definition: A test idea.
  as_of: 2026-01-15
  sources: written for this test
"""


def write(tmp_path: Path, text: str, name: str = "course.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> Glossary:
    return load_glossary([write(tmp_path, SMALL)])


def terms_in(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(match.entry.term, match.surface) for match in glossary.find_terms(text)]


# --- loading -----------------------------------------------------------------------------------


def test_loads_every_field(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    glossary = load_glossary([path])
    abm = glossary.get("ABM treaty")
    assert abm is not None and abm.term == "ABM Treaty"
    assert abm.expansion == "Anti-Ballistic Missile Treaty"
    assert abm.aliases == ("ABM", "ABM treaty", "Anti-Ballistic Missile Treaty")
    assert abm.as_of == dt.date(2026, 1, 15)
    assert abm.key_dates == (("1970", "talks"), ("1972-05-26", "signed"), ("2002-06", "ended"))
    assert abm.related == ("New START",)
    assert abm.status == "Ended in a test."
    assert abm.origin_file == str(path)
    assert len(glossary.entries) == 10
    # A case-sensitive alias is a name even when `aliases` does not list it.
    assert glossary.get("New START").term == "New START"


def test_empty_file_is_an_empty_glossary(tmp_path: Path) -> None:
    assert load_glossary([write(tmp_path, "# nothing yet\n")]).entries == ()
    assert load_glossary([]).find_terms("ABM") == []


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("term: ABM\n", 1, "a glossary is a list of entries"),
        ("- ABM\n", 1, "an entry must be a mapping"),
        ("- term: ABM\n  definition: x\n  as_of: 2026-01-01\n", 1, "missing required key 'sources'"),
        ("- term: ABM\n  definition: x\n  as_of: 2026-01-01\n  sources: y\n  alias: [A]\n", 5, "unknown key 'alias'"),
        ("- term: ABM\n  definition: x\n  status: Ended: in 2002\n", 3, "not valid YAML"),
        ("- term: ABM\n  definition: x\n  as_of: 2026-02-30\n  sources: y\n", 3, "cannot read '2026-02-30'"),
        ("- term: ABM\n  definition: x\n  as_of: soon\n  sources: y\n", 3, "'as_of' must be a date"),
        ("- term: ABM\n  definition: x\n  as_of: 2999-01-01\n  sources: y\n", 3, "in the future"),
        ("- term: ABM\n  definition: x\n  as_of: 2026-01-01\n  sources: y\n  aliases: ABM treaty\n", 5,
         "'aliases' must be a list"),
        ("- term: ABM\n  definition: x\n  as_of: 2026-01-01\n  sources: y\n  key_dates:\n"
         "    - {date: 1972-05-26, event: signed}\n    - {date: 1972-13, event: odd}\n", 7, "key date '1972-13'"),
        ("- term: ABM\n  definition: x\n  as_of: 2026-01-01\n  sources: y\n"
         "- term: ABM Treaty\n  aliases: [abm]\n  definition: x\n  as_of: 2026-01-01\n  sources: y\n", 5,
         "name 'abm' is already used by entry 'ABM'"),
    ],
)
def test_malformed_file_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(GlossaryError) as raised:
        load_glossary([path])
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert message in str(raised.value)


def test_missing_file_is_a_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="not found"):
        load_glossary([tmp_path / "absent.yaml"])


def test_check_reports_every_problem_in_file_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        - term: One
          definition: first
          as_of: 2026-01-01
          sources: here
          related: [Two, Nowhere Term]
          key_dates:
            - {date: 1999-02-31, event: bad day}
        - term: Two
          definition: second
          as_of: someday
          sources: here
        - term: Three
          aliases: [one]
          definition: third
          as_of: 2026-01-01
          sources: here
        """,
    )
    problems = check_glossary(path)
    assert [re.match(r".*:(\d+): ", p).group(1) for p in problems] == ["1", "7", "10", "12"]
    assert "related term 'Nowhere Term'" in problems[0]
    assert "1999-02-31" in problems[1]
    assert "'as_of' must be a date" in problems[2]
    assert "already used by entry 'One'" in problems[3]


def test_check_of_a_good_file_is_empty(tmp_path: Path) -> None:
    assert check_glossary(write(tmp_path, SMALL)) == []


# --- precedence --------------------------------------------------------------------------------


def test_course_entry_overrides_by_term_or_alias_and_adds_new_terms(tmp_path: Path) -> None:
    builtin = write(tmp_path, SMALL, "builtin.yaml")
    course = write(
        tmp_path,
        """\
        - term: ABM Treaty
          definition: The course's own wording.
          as_of: 2026-03-01
          sources: course reader
        - term: Prep meeting
          aliases: [PrepCom]
          definition: The course calls it this.
          as_of: 2026-03-01
          sources: course reader
        - term: Hotline
          definition: A direct line between leaders.
          as_of: 2026-03-01
          sources: course reader
        """,
    )
    glossary = load_glossary([course, builtin])
    terms = [entry.term for entry in glossary.entries]
    assert terms.count("ABM Treaty") == 1 and "PrepCom" not in terms
    assert {"Prep meeting", "Hotline", "New START"} <= set(terms)
    assert glossary.get("ABM Treaty").definition == "The course's own wording."
    assert glossary.get("PrepCom").term == "Prep meeting"
    # The built-in entry is replaced whole: its aliases go with it.
    assert glossary.get("Anti-Ballistic Missile Treaty") is None


# --- matching ----------------------------------------------------------------------------------


def test_matches_variants_and_respects_case_of_acronyms(small: Glossary) -> None:
    text = "The ABM treaty, the Anti-Ballistic Missile Treaty and the ABM Treaty; not abm or Abm."
    assert terms_in(small, text) == [
        ("ABM Treaty", "ABM treaty"),
        ("ABM Treaty", "Anti-Ballistic Missile Treaty"),
        ("ABM Treaty", "ABM Treaty"),
    ]


def test_new_start_but_not_a_new_start(small: Glossary) -> None:
    assert terms_in(small, "New START expired; START did too.") == [("New START", "New START"), ("START I", "START")]
    assert terms_in(small, "It was a new start for both. They start again.") == []


def test_marked_alias_is_case_sensitive(small: Glossary) -> None:
    assert terms_in(small, "The Open Skies flights") == [("Open Skies Treaty", "Open Skies")]
    assert terms_in(small, "under open skies") == []


def test_longest_match_wins(small: Glossary) -> None:
    text = "an intercontinental ballistic missile and the Nuclear Non-Proliferation Treaty"
    assert terms_in(small, text) == [
        ("ICBM", "intercontinental ballistic missile"),
        ("NPT", "Nuclear Non-Proliferation Treaty"),
    ]


def test_a_name_made_of_other_names_yields_each(small: Glossary) -> None:
    assert terms_in(small, "at the NPT PrepCom in Vienna") == [("NPT", "NPT"), ("PrepCom", "PrepCom")]
    # A longer name that is not made of other names stays one match.
    assert terms_in(small, "the Nuclear Posture Review") == [("Nuclear posture", "Nuclear Posture Review")]


def test_no_match_inside_other_words(small: Glossary) -> None:
    assert terms_in(small, "SNPT, NPTX, ABMs2, abmNPT, nondeterrence, deterrencelike") == []
    assert terms_in(small, "unfunded anti-ballistic missile systems") == []


def test_plurals_hyphens_and_line_breaks(small: Glossary) -> None:
    text = "two ICBMs, the ICBM's range, the Nuclear Nonproliferation\nTreaty, NATO-NPT ties, ballistic missiles"
    assert terms_in(small, text) == [
        ("ICBM", "ICBMs"),
        ("ICBM", "ICBM's"),
        ("NPT", "Nuclear Nonproliferation\nTreaty"),
        ("NPT", "NPT"),
        ("Ballistic missile", "ballistic missiles"),
    ]


def test_match_offsets_point_at_the_surface(small: Glossary) -> None:
    text = "Before the ABM Treaty ended, deterrence held."
    for match in small.find_terms(text):
        assert text[match.start : match.end] == match.surface


def test_many_entries_still_match_exactly(tmp_path: Path) -> None:
    entries = "".join(
        f"- term: Fictional Accord {n}\n  aliases: [FA{n}X]\n  definition: d\n  as_of: 2026-01-01\n  sources: s\n"
        for n in range(300)
    )
    glossary = load_glossary([write(tmp_path, entries)])
    found = terms_in(glossary, "the Fictional Accord 12 and FA299X, but not FA3000X or Fictional Accord 12345")
    assert found == [("Fictional Accord 12", "Fictional Accord 12"), ("Fictional Accord 299", "FA299X")]


# --- context boxes -----------------------------------------------------------------------------


def test_glossary_terms_with_the_article_wording_and_text_terms(small: Glossary) -> None:
    text = (
        "The Nuclear Non-Proliferation Treaty (NPT) Preparatory Conference (PrepCom) met. "
        "The Joint Verification Board (JVB) reported on the ABM treaty."
    )
    acronyms = [
        Acronym("NPT", "Nuclear Non-Proliferation Treaty"),
        Acronym("PrepCom", "Preparatory Conference"),
        Acronym("JVB", "Joint Verification Board"),
    ]
    boxes = explain_terms(text, small, acronyms)
    assert [(b.term, b.origin, b.article_wording) for b in boxes] == [
        ("NPT", "glossary", "Nuclear Non-Proliferation Treaty"),
        ("PrepCom", "glossary", "Preparatory Conference"),
        ("JVB", "text", None),
        ("ABM Treaty", "glossary", None),
    ]
    prepcom, jvb = boxes[1], boxes[2]
    assert prepcom.expansion == "Preparatory Committee" and prepcom.definition and prepcom.as_of
    assert (jvb.expansion, jvb.definition, jvb.as_of) == ("Joint Verification Board", None, None)


def test_acronym_linked_to_an_entry_by_its_long_form(small: Glossary) -> None:
    text = "Under the New Strategic Arms Reduction Treaty (NSART) both sides cut warheads."
    boxes = explain_terms(text, small, [Acronym("NSART", "New Strategic Arms Reduction Treaty")])
    assert [(b.term, b.origin, b.article_wording) for b in boxes] == [
        ("New START", "glossary", "New Strategic Arms Reduction Treaty")
    ]


def test_priority_text_exclude_and_limit(small: Glossary) -> None:
    text = "Deterrence was debated. Later the ABM Treaty came up, then New START and the NPT."
    boxes = explain_terms(text, small, [], priority_text="New START expired.")
    assert [b.term for b in boxes] == ["New START", "Deterrence", "ABM Treaty", "NPT"]
    boxes = explain_terms(text, small, [], priority_text="New START expired.", exclude=["deterrence"], limit=2)
    assert [b.term for b in boxes] == ["New START", "ABM Treaty"]


def test_json_views(small: Glossary) -> None:
    abm = small.get("ABM")
    record = explanation_json(entry_explanation(abm, article_date=dt.date(1971, 6, 1)), abm)
    assert record == {
        "term": "ABM Treaty",
        "expansion": "Anti-Ballistic Missile Treaty",
        "definition": "A test treaty about missile defences.",
        "status": "Ended in a test.",
        "status_heading": "Since this article (June 1971)",
        "as_of": "2026-01-15",
        "origin": "glossary",
        "article_wording": None,
        "article_date": "1971-06-01",
        "key_dates": [{"date": "1970", "event": "talks"}, {"date": "1972-05-26", "event": "signed"},
                      {"date": "2002-06", "event": "ended"}],
        "events_since_article": [{"date": "1972-05-26", "event": "signed"}, {"date": "2002-06", "event": "ended"}],
        "sources": "written for this test",
        "aliases": ["ABM", "ABM treaty", "Anti-Ballistic Missile Treaty"],
        "related": ["New START"],
    }
    assert explanation_json(entry_explanation(abm, article_date=dt.date(2003, 1, 1)))["status_heading"] == "Status"
    full = small.to_json()[0]
    assert full["key_dates"][0] == {"date": "1970", "event": "talks"} and full["aliases"][0] == "ABM"


# --- the built-in data file ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def builtin() -> Glossary:
    if not BUILTIN_GLOSSARY.is_file():
        pytest.skip("the built-in glossary data file is not written yet")
    return load_glossary([BUILTIN_GLOSSARY])


def test_builtin_file_passes_the_checker(builtin: Glossary) -> None:
    # Required fields, as_of dates, well-formed key dates, no name in two entries, every related term exists.
    assert check_glossary(BUILTIN_GLOSSARY) == []


def test_builtin_entries_are_short_dated_and_sourced(builtin: Glossary) -> None:
    assert len(builtin.entries) >= 290
    for entry in builtin.entries:
        assert len(entry.definition.split()) <= 60, entry.term
        assert entry.sources, entry.term
        assert entry.as_of <= dt.date.today(), entry.term


@pytest.mark.parametrize(
    "text, term",
    [
        ("Moscow called the ABM treaty a relic.", "ABM Treaty"),
        ("the Anti-Ballistic Missile treaty", "ABM Treaty"),
        ("cancelling the last phase of the EPAA", "EPAA"),
        ("a statement to the NPT review meeting", "NPT"),
        ("on the sidelines of the PrepCom", "PrepCom"),
        ("a joint presentation on New START", "New START"),
        ("NATO troops", "NATO"),
        ("the former KGB officer", "KGB"),
        ("a meeting BASIC co-hosted in Brussels", "BASIC"),
    ],
)
def test_builtin_explains_the_seed_terms(builtin: Glossary, text: str, term: str) -> None:
    assert term in {match.entry.term for match in builtin.find_terms(text)}


def test_builtin_ignores_ordinary_words(builtin: Glossary) -> None:
    text = "It was a new start, with basic steps toward a fresh beginning for the team."
    assert builtin.find_terms(text) == []


def test_seed_boxes(builtin: Glossary, seeds: Path) -> None:
    from briefgen.analyse.acronyms import find_acronyms

    text = (seeds / "003_f5031cec163caeca.txt").read_text(encoding="utf-8")
    boxes = {box.term: box for box in explain_terms(text, builtin, find_acronyms(text))}
    assert {"NPT", "PrepCom", "EPAA", "New START", "NATO", "BASIC"} <= set(boxes)
    assert boxes["PrepCom"].origin == "glossary" and "Committee" in (boxes["PrepCom"].expansion or "")
    assert boxes["PrepCom"].article_wording == "Preparatory Conference"
    assert boxes["New START"].status and "2026" in boxes["New START"].status
    text = (seeds / "000_63cd0a9aa2382ed4.txt").read_text(encoding="utf-8")
    boxes = {box.term: box for box in explain_terms(text, builtin, find_acronyms(text))}
    assert {"ABM Treaty", "NATO", "KGB"} <= set(boxes)


def test_an_article_that_gives_an_abbreviation_another_meaning(small: Glossary) -> None:
    text = "The Nuclear Posture Review (NPR) was read. The NPT archive was put on a Nested Paper Tray (NPT)."
    acronyms = [Acronym("NPR", "Nuclear Posture Review"), Acronym("NPT", "Nested Paper Tray")]
    boxes = explain_terms(text, small, acronyms)
    assert [(b.term, b.origin, b.expansion) for b in boxes] == [
        ("Nuclear posture", "glossary", None),
        ("NPT", "text", "Nested Paper Tray"),
    ]
    assert boxes[0].article_wording == "Nuclear Posture Review"


def test_apostrophes_in_names_match_either_style(tmp_path: Path) -> None:
    glossary = load_glossary([write(tmp_path, "- term: People's Fund\n  definition: d\n  as_of: 2026-01-01\n  sources: s\n")])
    assert terms_in(glossary, "the People’s Fund and the People's Fund") == [
        ("People's Fund", "People’s Fund"),
        ("People's Fund", "People's Fund"),
    ]


# --- the rules the file header states -------------------------------------------------------------

ENTRY = "- term: {term}\n  aliases: [{aliases}]\n  definition: {definition}\n  as_of: 2026-01-15\n  sources: s\n"


def entry(term: str = "Test Accord", aliases: str = "", definition: str = "A test accord.", extra: str = "") -> str:
    return ENTRY.format(term=term, aliases=aliases, definition=definition) + extra


def test_a_definition_over_the_word_limit_fails_the_check(tmp_path: Path) -> None:
    long = " ".join(["word"] * 61)
    problems = check_glossary(write(tmp_path, entry(definition=long)))
    assert len(problems) == 1 and "definition has 61 words (at most 60)" in problems[0]
    assert check_glossary(write(tmp_path, entry(definition=" ".join(["word"] * 60)))) == []
    status = "  status: " + " ".join(["word"] * 61) + "\n"
    assert "status has 61 words" in check_glossary(write(tmp_path, entry(extra=status)))[0]


@pytest.mark.parametrize("alias", ["framework agreement", "the nuclear deal", "Final Agreement", "safeguards", "a new start"])
def test_a_generic_alias_fails_the_check(tmp_path: Path, alias: str) -> None:
    problems = check_glossary(write(tmp_path, entry(aliases=alias)))
    assert len(problems) == 1 and f"alias {alias!r} is an ordinary phrase" in problems[0]


@pytest.mark.parametrize("alias", ["Lausanne framework agreement", "framework agreement with Iran", "JCPOA", "P5+1 deal"])
def test_a_specific_alias_passes(tmp_path: Path, alias: str) -> None:
    assert check_glossary(write(tmp_path, entry(aliases=alias))) == []


def test_a_build_warns_of_a_generic_course_alias_but_keeps_it(tmp_path: Path) -> None:
    glossary = load_glossary([write(tmp_path, entry(aliases="framework agreement"))])
    assert len(glossary.warnings) == 1 and "framework agreement" in glossary.warnings[0]
    assert terms_in(glossary, "the framework agreement") == [("Test Accord", "framework agreement")]


def test_key_dates_in_order_and_known_by_as_of(tmp_path: Path) -> None:
    unordered = "  key_dates:\n    - {date: 2001-05-01, event: b}\n    - {date: 2000, event: a}\n"
    assert "comes before 2001-05-01" in check_glossary(write(tmp_path, entry(extra=unordered)))[0]
    later = "  key_dates:\n    - {date: 2026-03, event: after the status date}\n"
    assert "is after as_of 2026-01-15" in check_glossary(write(tmp_path, entry(extra=later)))[0]
    same_month = "  key_dates:\n    - {date: 2026-01, event: the month of the status date}\n"
    assert check_glossary(write(tmp_path, entry(extra=same_month))) == []


def test_related_terms_exist_and_names_are_not_shared(tmp_path: Path) -> None:
    text = entry(extra="  related: [Test Accord, No Such Entry]\n") + entry("Other Accord", aliases="TA, test accord")
    problems = check_glossary(write(tmp_path, text))
    assert any("not related to itself" in p for p in problems)
    assert any("related term 'No Such Entry'" in p for p in problems)
    assert any("name 'test accord' is already used by entry 'Test Accord'" in p for p in problems)


# --- names whose meaning depends on the article's date ---------------------------------------------

DATED = (
    entry("Interim Plan", extra="  dated_aliases:\n    - {name: Orbis deal, from: 2013-11-24, until: 2015-04-01}\n")
    + entry("Outline", extra="  dated_aliases:\n    - {name: Orbis deal, from: 2015-04-02, until: 2015-07-13}\n")
    + entry("Final Plan", extra="  dated_aliases:\n    - {name: Orbis deal, from: 2015-07-14}\n")
)


def test_a_dated_alias_names_the_entry_of_the_article_date(tmp_path: Path) -> None:
    glossary = load_glossary([write(tmp_path, DATED)])
    text = "critics of the Orbis deal"
    assert [m.entry.term for m in glossary.find_terms(text, dt.date(2014, 6, 1))] == ["Interim Plan"]
    assert [m.entry.term for m in glossary.find_terms(text, dt.date(2015, 4, 20))] == ["Outline"]
    assert [m.entry.term for m in glossary.find_terms(text, dt.date(2026, 3, 1))] == ["Final Plan"]
    assert glossary.find_terms(text, dt.date(2010, 1, 1)) == []
    assert glossary.find_terms(text) == []  # an undated article gets no guess


def test_dated_aliases_may_not_overlap_or_be_plain_names(tmp_path: Path) -> None:
    overlapping = DATED + entry("Late Plan", extra="  dated_aliases:\n    - {name: Orbis deal, from: 2016-01-01}\n")
    assert "overlaps in time with the same alias of entry 'Final Plan'" in check_glossary(write(tmp_path, overlapping))[0]
    plain = DATED + entry("Orbis", aliases="Orbis deal")
    assert "is a dated alias of entry 'Interim Plan'" in check_glossary(write(tmp_path, plain))[0]
    backwards = entry(extra="  dated_aliases:\n    - {name: Orbis deal, from: 2015-01-01, until: 2014-01-01}\n")
    assert "until 2014-01-01 is before from 2015-01-01" in check_glossary(write(tmp_path, backwards))[0]


# --- the forms articles use, in the built-in glossary -----------------------------------------------


@pytest.mark.parametrize(
    "text, term",
    [
        ("the Minuteman 3 missile", "Minuteman III"),
        ("Minuteman-3 silos", "Minuteman III"),
        ("a way to snap back sanctions", "Snapback"),
        ("the snap-back mechanism", "Snapback"),
        ("talks with the P5 +1", "P5+1"),
        ("talks with the P5 + 1", "P5+1"),
        ("the P5+1 negotiators", "P5+1"),
        ("flights under Open Skies", "Open Skies Treaty"),
        ("the deeply buried facility at Fordo", "Fordow"),
        ("the Fordow enrichment plant", "Fordow"),
        ("centrifuges at Natanz", "Natanz"),
        ("the Arak heavy water reactor", "Arak reactor"),
        ("the IR-40 reactor", "Arak reactor"),
        ("enough heavy water", "Heavy water"),
        ("the timing of sanctions relief", "Sanctions relief"),
        ("a framework agreement with Iran in Lausanne", "Lausanne framework"),
        ("Britain's Trident nuclear deterrent", "Trident"),
        ("the Continuous At-Sea Deterrent", "Continuous At-Sea Deterrent"),
        ("the CASD patrols", "Continuous At-Sea Deterrent"),
        ("a Tu-95 bomber", "Tu-95"),
        ("Tu-95MS bombers", "Tu-95"),
        ("an S-300 battery", "S-300"),
        ("Iskander-M missiles", "Iskander"),
        ("NORAD tracked the balloon", "NORAD"),
        ("the AUKUS submarine deal", "AUKUS"),
        ("the RS-28 Sarmat", "Sarmat"),
        ("the Dark Eagle hypersonic missile", "Dark Eagle"),
        ("the cost of Golden Dome", "Golden Dome"),
        ("the Department of War said", "US Department of Defense"),
        ("the Skyfall missile", "Burevestnik"),
        ("positive security assurances", "Positive security assurances"),
        ("the Revolutionary Guards", "IRGC"),
        ("the Strait of Hormuz", "Strait of Hormuz"),
        ("the Oscar II-class submarine", "Oscar-class submarine"),
        ("a Russian nuclear submarine", "Nuclear-powered submarine"),
        ("Russia's 2024 nuclear doctrine", "Russian nuclear doctrine"),
        ("the PAROS agenda item", "PAROS"),
    ],
)
def test_builtin_names_the_forms_articles_use(builtin: Glossary, text: str, term: str) -> None:
    assert term in {match.entry.term for match in builtin.find_terms(text)}, text


@pytest.mark.parametrize(
    "text, term",
    [
        ("the bill cleared the Senate Foreign Relations Committee on Tuesday", "Senate Foreign Relations Committee"),
        ("a hearing of the Senate Committee on Foreign Relations", "Senate Foreign Relations Committee"),
        ("the SFRC chairman said", "Senate Foreign Relations Committee"),
        ("the Joint Chiefs met at the Pentagon", "Joint Chiefs of Staff"),
        ("the chairman of the Joint Chiefs of Staff testified", "Joint Chiefs of Staff"),
        ("said the Chairman of the Joint Chiefs", "Joint Chiefs of Staff"),
        ("troops at the al-Tanf garrison", "al-Tanf"),
        ("a convoy left Tanf at dawn", "al-Tanf"),
        ("the At Tanf Garrison", "al-Tanf"),
        ("families in the Rukban camp", "Rukban camp"),
        ("aid reached Rukban", "Rukban camp"),
        ("the Rubkan refugee camp", "Rukban camp"),
        ("an analyst at Stratfor said", "Stratfor"),
        ("leaders of the Green Movement", "Green Movement"),
        ("the 2009 Iranian election protests", "Green Movement"),
        ("fighters of Maghawir al Thawra", "Maghawir al-Thawra"),
        ("a MaT patrol", "Maghawir al-Thawra"),
        ("the US-backed Syrian Free Army", "Maghawir al-Thawra"),
        ("shelling of the Yarmouk camp", "Yarmouk camp"),
        ("the Arab Spring of 2011", "Arab Spring"),
        ("the Acting Under Secretary of State for Arms Control and International Security spoke",
         "Under Secretary of State for Arms Control and International Security"),
        ("a scholar at the USA-Canada Studies Institute", "Institute for US and Canadian Studies"),
        ("repairs at the Zvezdochka shipyard", "Severodvinsk"),
        ("a new boat rolled out at Sevmash", "Severodvinsk"),
    ],
)
def test_builtin_names_the_week07_forms(builtin: Glossary, text: str, term: str) -> None:
    assert term in {match.entry.term for match in builtin.find_terms(text)}, text


def test_builtin_keeps_near_names_apart(builtin: Glossary) -> None:
    # The US-trained Syrian Free Army is not the Free Syrian Army; an environmental "green
    # movement" is not Iran's.
    assert [m.entry.term for m in builtin.find_terms("units of the Free Syrian Army")] == ["Free Syrian Army"]
    assert builtin.find_terms("the green movement in European politics") == []


def test_builtin_explains_an_iran_deal_for_the_article_date(builtin: Glossary) -> None:
    text = "opponents of any Iran nuclear deal in Congress"
    assert [m.entry.term for m in builtin.find_terms(text, dt.date(2014, 3, 1))] == ["JPOA"]
    assert [m.entry.term for m in builtin.find_terms(text, dt.date(2015, 4, 27))] == ["Lausanne framework"]
    assert [m.entry.term for m in builtin.find_terms(text, dt.date(2018, 5, 8))] == ["JCPOA"]
    assert builtin.find_terms(text) == []


def test_builtin_does_not_take_the_opposite_promise_or_a_generic_phrase(builtin: Glossary) -> None:
    assert [m.entry.term for m in builtin.find_terms("positive security assurances")] == ["Positive security assurances"]
    assert builtin.find_terms("They reached a framework agreement on a nuclear deal.") == []
    assert builtin.find_terms("Moscow Treaty") == []


# --- staleness, for `briefgen check` -----------------------------------------------------------------


def test_entries_checked_more_than_six_months_before_the_edition_are_stale(small: Glossary) -> None:
    from briefgen.analyse.glossary import is_stale, stale_entries

    edition = dt.date(2026, 12, 7)
    assert not is_stale(dt.date(2026, 6, 7), edition) and is_stale(dt.date(2026, 6, 6), edition)
    assert is_stale(dt.date(2026, 2, 28), dt.date(2026, 8, 31)) is False  # 31 August minus six months: 28 February
    assert is_stale(dt.date(2026, 2, 27), dt.date(2026, 8, 31))
    assert [e.term for e in stale_entries(small.entries, dt.date(2026, 7, 15))] == []
    assert len(stale_entries(small.entries, dt.date(2026, 7, 16))) == len(small.entries)


# --- what a box prints -----------------------------------------------------------------------------


def test_an_empty_box_is_never_built(small: Glossary) -> None:
    from briefgen.analyse import analyse
    from briefgen.config import Settings
    from briefgen.model import Article

    body = ("Fighters of Maghawir al Thawra (MaT) patrol the desert. The ABM treaty is long gone.\n\n"
            "A spokesman said MaT was secular. The Joint Verification Board (JVB) met again.")
    digest = analyse(Article(path=Path("a.txt"), body=body, date=dt.date(2019, 11, 19)), small, Settings())
    assert digest.terms and all(box.definition and box.origin == "glossary" for box in digest.terms)
    assert [box.term for box in digest.terms] == ["ABM Treaty"]
    assert [(a.short, a.long) for a in digest.abbreviations] == [("MaT", "Maghawir al Thawra"),
                                                                 ("JVB", "Joint Verification Board")]


def test_the_article_wording_is_quoted_exactly(tmp_path: Path) -> None:
    glossary = load_glossary([write(tmp_path, entry("DMZ", aliases="Korean Demilitarized Zone, Demilitarized Zone"))])
    text = "It lies near the Korean Demilitarized Zone (DMZ), a buffer strip."
    # The abbreviation finder keeps only the capitalised words that spell DMZ; the box quotes the article.
    boxes = explain_terms(text, glossary, [Acronym("DMZ", "Demilitarized Zone")])
    assert [(b.term, b.article_wording) for b in boxes] == [("DMZ", "Korean Demilitarized Zone")]
    assert boxes[0].article_wording in text


def test_a_box_says_when_its_status_is_newer_than_the_article(small: Glossary) -> None:
    text = "Moscow called the ABM treaty a relic."
    box = explain_terms(text, small, [], article_date=dt.date(2001, 11, 4))[0]
    assert box.status_heading == "Since this article (November 2001)"
    assert box.events_since_article == (("2002-06", "ended"),)
    assert explain_terms(text, small, [], article_date=dt.date(2003, 1, 1))[0].status_heading == "Status"
    assert explain_terms(text, small, [])[0].status_heading == "Status"  # undated: the as_of date alone
