"""Abbreviation-definition pairs: each pattern the finder supports, the long form kept whole and as
written, and the look-alikes it must leave alone. All texts are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analyse.acronyms import find_acronyms
from briefgen.model import Acronym


def pairs(text: str) -> set[tuple[str, str]]:
    return {(a.short, a.long) for a in find_acronyms(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # Long Form (LF): the whole name, including a first word Schwartz-Hearst would drop.
        ("Delegates met to review the Nuclear Non-Proliferation Treaty (NPT) in May.",
         ("NPT", "Nuclear Non-Proliferation Treaty")),
        ("Both sides kept the Intermediate-Range Nuclear Forces (INF) Treaty for decades.",
         ("INF", "Intermediate-Range Nuclear Forces")),
        ("It joined the Organisation for the Prohibition of Chemical Weapons (OPCW) in 1997.",
         ("OPCW", "Organisation for the Prohibition of Chemical Weapons")),
        # Lowercase long forms and plural short forms.
        ("They counted intercontinental ballistic missiles (ICBMs) at each base.",
         ("ICBMs", "intercontinental ballistic missiles")),
        ("Reports from non-governmental organizations (NGO's) were read out.",
         ("NGO's", "non-governmental organizations")),
        ("A vote of the International Atomic Energy Agency's (IAEA) board.",
         ("IAEA", "International Atomic Energy Agency")),
        # Quoted long form, exactly as written inside the quotes.
        ("The plan had a four-stage “European phased adaptive approach” (EPAA) for Europe.",
         ("EPAA", "European phased adaptive approach")),
        ('Officials described a "rapid response cell" (RRC) for crises.', ("RRC", "rapid response cell")),
        # Letters taken from inside words, word prefixes and camel case.
        ("A Preparatory Committee (PrepCom) meets before each review.", ("PrepCom", "Preparatory Committee")),
        ("Data moved in the Statistical Data and Metadata eXchange (SDMX) format.",
         ("SDMX", "Statistical Data and Metadata eXchange")),
        ("Plants stopped making polychlorinated biphenyls (PCB) long ago.", ("PCB", "polychlorinated biphenyls")),
        # Initials and then the name's last word: the words between are left out by the name itself.
        ("Funding came from the Fictional Agency for Clean Rivers and Water (FA-Water) last year.",
         ("FA-Water", "Fictional Agency for Clean Rivers and Water")),
        # A name whose abbreviation keeps an older word order.
        ("She spoke for the United Nations Population Fund (UNFPA) at the meeting.",
         ("UNFPA", "United Nations Population Fund")),
        # A short form that repeats the name's last word.
        ("Both left the Anti-Ballistic Missile Treaty (ABM Treaty) behind.",
         ("ABM Treaty", "Anti-Ballistic Missile Treaty")),
        # LF (Long Form).
        ("NATO (the North Atlantic Treaty Organization) met in Brussels.", ("NATO", "North Atlantic Treaty Organization")),
        ("Work on the ABC (Arms Budget Committee) report resumed.", ("ABC", "Arms Budget Committee")),
        # SF = Long Form, as in notes under tables.
        ("Note: ICBM = intercontinental ballistic missile; SLBM = submarine-launched ballistic missile.",
         ("SLBM", "submarine-launched ballistic missile")),
        ("Abbreviations: IEC = International Electrotechnical Commission Results of the test",
         ("IEC", "International Electrotechnical Commission")),
        # The Long Form, or LF, ...
        ("The Conference on Disarmament, or CD, has not agreed a work plan in years.",
         ("CD", "Conference on Disarmament")),
        ("They discussed the Comprehensive Nuclear-Test-Ban Treaty, known as the CTBT, at length.",
         ("CTBT", "Comprehensive Nuclear-Test-Ban Treaty")),
        # Latin letters with the diacritics of their language, as Turkish writes its dotted capital İ.
        ("The fictional Harbour İzmir Port Authority (HİPA) opened a new quay.",
         ("HİPA", "Harbour İzmir Port Authority")),
        ("İYC (İzmir Youth Choir) sang at the opening.", ("İYC", "İzmir Youth Choir")),
        ("Engineers at KÖTEM (KTM) tested the fictional sensors.", ("KTM", "KÖTEM")),
    ],
)
def test_finds_each_definition_pattern(text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(text)


def test_long_form_stops_at_the_sentence_and_at_lowercase_context() -> None:
    text = "Talks stalled. The Strategic Arms Reduction Treaty (START) limited warheads."
    assert pairs(text) == {("START", "Strategic Arms Reduction Treaty")}
    text = "He was briefed on sessions of the Regional Office for Central Europe (RO-CE) today."
    assert pairs(text) == {("RO-CE", "Regional Office for Central Europe")}


def test_long_form_does_not_cross_a_comma_to_grow() -> None:
    text = "Aid came from UNDP, in cooperation with the Water Fund for Nations (WFN)."
    assert pairs(text) == {("WFN", "Water Fund for Nations")}


def test_list_of_equations_is_split_at_each_definition() -> None:
    text = "AB=Alpha Base, CD=Central Depot TR=Transit Route; EY = extra yard"
    assert pairs(text) == {
        ("AB", "Alpha Base"),
        ("CD", "Central Depot"),
        ("TR", "Transit Route"),
        ("EY", "extra yard"),
    }


def test_equation_needs_a_long_form_that_could_spell_the_short_form() -> None:
    assert pairs("XY = extra yard") == set()


def test_mixed_case_short_form_may_lack_a_lowercase_letter() -> None:
    # The article's own (inexact) wording is what the finder reports; the glossary corrects it.
    text = "the Nuclear Non-Proliferation Treaty (NPT) Preparatory Conference (PrepCom) in Geneva"
    assert pairs(text) == {("NPT", "Nuclear Non-Proliferation Treaty"), ("PrepCom", "Preparatory Conference")}


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Ivan Petrov (L) shakes hands with his counterpart (R).",
        "Moscow (AFP) Nov 4 -- officials met.",
        "Senator Jane Doe (D-Mass.) and Senator John Roe (R-Texas) disagreed.",
        "Recalling resolution 110 (II) and annex (IV) of the report.",
        "The price rose to $5 billion (USD) on Monday.",
        "Oxychloride = chloride oxide in the table.",
        "the ratio x = 5 and y = 2.5 were used",
        "He said (CNN) that the talks would go on.",
        "Staff at NATO (NATO headquarters, Brussels) were told.",
    ],
)
def test_leaves_look_alikes_alone(text: str) -> None:
    assert pairs(text) == set()


def test_short_form_is_not_part_of_its_own_long_form() -> None:
    assert pairs("INT 1 Interval chart 1 (INT 1) was attached.") == {("INT 1", "Interval chart 1")}


def test_repeats_are_reported_once_in_order_of_definition() -> None:
    text = (
        "The European Union (EU) and the African Union (AU) met. Later the European Union (EU) "
        "and the African Union (AU) met again."
    )
    assert find_acronyms(text) == [Acronym("EU", "European Union"), Acronym("AU", "African Union")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ABCDEFabcdef ()=,;.-“”\"'0123\n")), max_size=200))
def test_never_fails_and_long_forms_are_text_from_the_input(text: str) -> None:
    for acronym in find_acronyms(text):
        assert acronym.short in text
        assert acronym.long in text
        assert acronym.long.strip() == acronym.long and acronym.long


def test_seed_003_definitions(seeds: Path) -> None:
    text = (seeds / "003_f5031cec163caeca.txt").read_text(encoding="utf-8")
    found = pairs(text)
    assert ("NPT", "Nuclear Non-Proliferation Treaty") in found
    assert ("PrepCom", "Preparatory Conference") in found
    assert ("EPAA", "European phased adaptive approach") in found


def test_seed_000_has_no_false_definitions(seeds: Path) -> None:
    text = (seeds / "000_63cd0a9aa2382ed4.txt").read_text(encoding="utf-8")
    assert find_acronyms(text) == []
