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
    - {date: 1972-05-26, event: signed}
    - {date: 2002-06, event: ended}
    - {date: 1970, event: talks}
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
    assert abm.key_dates == (("1972-05-26", "signed"), ("2002-06", "ended"), ("1970", "talks"))
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
    record = explanation_json(entry_explanation(abm))
    assert record == {
        "term": "ABM Treaty",
        "expansion": "Anti-Ballistic Missile Treaty",
        "definition": "A test treaty about missile defences.",
        "as_of": "2026-01-15",
        "origin": "glossary",
    }
    full = small.to_json()[0]
    assert full["key_dates"][0] == {"date": "1972-05-26", "event": "signed"} and full["aliases"][0] == "ABM"


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
    assert len(builtin.entries) >= 150
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
