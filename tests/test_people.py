"""Who's who (analyse/people.py): who an article quotes or names as acting, with the role it gives,
merged across articles. Every sentence here is written for these tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.analyse.people import country_of, find_people, whos_who
from briefgen.analyse.quotes import find_quotes
from briefgen.config import Settings
from briefgen.model import Article, ArticleDigest, PersonMention
from briefgen.publish.assemble import assemble
from briefgen.publish.render import render_html


def people(text: str) -> dict[str, PersonMention]:
    return {person.name: person for person in find_people(text, find_quotes(text))}


@pytest.mark.parametrize(("text", "name", "role"), [
    # titled: the title written before a full name, nationality included
    ("Lakeland Defence Minister Oskar Varga met his staff in the capital on a quiet day.",
     "Oskar Varga", "Lakeland Defence Minister"),
    ("The talks were opened by U.S. Defense Undersecretary Paul Hendry in Vienna.",
     "Paul Hendry", "U.S. Defense Undersecretary"),
    # a long title with its small words, glued to the name by capitals
    ("Later, Acting Under Secretary of State for Arms Control and Verification Nina Holt said the talks went well.",
     "Nina Holt", "Acting Under Secretary of State for Arms Control and Verification"),
    # quoted: the role of the attribution's apposition
    ('"We will not sign this text," said Peter Lund, director of the Northern Policy Institute.',
     "Peter Lund", "director of the Northern Policy Institute"),
    # relational: a counterpart is printed with the person the sentence names before
    ("Russian President Ivan Sokolov later met his US counterpart Mark Dale in Geneva.",
     "Mark Dale", "US counterpart of Ivan Sokolov"),
    # apposition: the role between commas after the full name, for someone acting
    ("Anna Kovacs, a senior analyst at the Harbour Institute, expects the talks to fail.",
     "Anna Kovacs", "senior analyst at the Harbour Institute"),
    # a title shared by two names is each one's
    ("Presidents Mark Dale and Ivan Sokolov signed the accord in Geneva that spring.", "Mark Dale", "President"),
])
def test_role_attachment(text: str, name: str, role: str) -> None:
    assert people(text)[name].role == role


def test_a_clause_after_a_name_is_no_apposition() -> None:
    found = people("Anna Kovacs, who said the analyst was wrong, left the Harbour Institute in May.")
    assert all(person.role is None for person in found.values())


def test_a_title_stops_at_another_persons_name() -> None:
    found = people("Lakeland Foreign Minister John Adler and Riverland Foreign Minister Omar Said met on Monday.")
    assert found["John Adler"].role == "Lakeland Foreign Minister"
    assert found["Omar Said"].role == "Riverland Foreign Minister"


def test_a_surname_alone_is_the_full_name_and_quoted_is_marked() -> None:
    text = ('Lakeland Defence Minister Oskar Varga arrived on Monday. "We are ready," Varga said. '
            '"So are we," said a diplomat.')
    found = people(text)
    assert list(found) == ["Oskar Varga"]
    assert found["Oskar Varga"].quoted and found["Oskar Varga"].role == "Lakeland Defence Minister"


@pytest.mark.parametrize("text", [
    # an organisation or a place is never a person, even when it "says" something
    '"The camp is ours," Islamic Front said in a statement posted online.',
    "North Korea launched two missiles into the sea, officials said.",
    # named in passing, as the owner of something
    "The rally was held near the seat of President Tomas Brandt's power.",
    # a generic role alone does not make someone acting
    "Reporters spoke to member Alan Pike outside the hall.",
])
def test_never_a_non_person_nor_a_passing_mention(text: str) -> None:
    assert people(text) == {}


def test_a_role_the_text_does_not_give_is_not_printed() -> None:
    # a first name the text writes before the surname is a first name, and the role stays verbatim
    found = people('"The aid must reach the camp," said Relief Agency spokesman Farid Aziz Khan, speaking by phone.')
    assert "Farid Aziz Khan" in found
    assert all(person.role is None or person.role.casefold() in
               'relief agency spokesman'.casefold() for person in found.values())


def mention(name: str, role: str | None = None, quoted: bool = False) -> PersonMention:
    return PersonMention(name, role, quoted)


def test_names_merge_across_articles() -> None:
    merged = whos_who([
        [mention("Oskar Varga", "Lakeland Defence Minister", quoted=True), mention("Mark Dale", "US President")],
        [mention("Oskar Varga", "Defence Minister"), mention("Mark J. Dale"), mention("Anna Varga", "Lakeland envoy")],
    ])
    by_name = {entry.name: entry for entry in merged}
    assert set(by_name) == {"Oskar Varga", "Mark J. Dale", "Anna Varga"}  # one Varga is not the other
    assert by_name["Oskar Varga"].roles == ("Lakeland Defence Minister",)  # the contained role once
    assert by_name["Oskar Varga"].articles == (0, 1) and by_name["Oskar Varga"].quoted_in == (0,)
    assert by_name["Mark J. Dale"].roles == ("US President",) and by_name["Mark J. Dale"].group == "United States"


def test_a_person_neither_described_nor_quoted_gets_no_entry() -> None:
    merged = whos_who([[mention("Ruth Amsel"), mention("Pavel Orlov", quoted=True), mention("Ines Kahl", "envoy")]])
    assert [entry.name for entry in merged] == ["Ines Kahl", "Pavel Orlov"]


def test_groups_come_from_the_roles_only() -> None:
    assert country_of("Russian Deputy Defense Minister") == "Russia"
    assert country_of("U.S. Defense Secretary") == "United States"
    assert country_of("director of the Northern Policy Institute") is None
    merged = whos_who([[mention("Ana Lind", "director"), mention("Ivan Sokolov", "Russian President")]])
    assert [(entry.group, entry.name) for entry in merged] == [("Russia", "Ivan Sokolov"), (None, "Ana Lind")]


def digest_of(text: str, path: str = "a.txt") -> ArticleDigest:
    article = Article(path=Path(path), body=text, title="Talks resume", date=dt.date(2024, 5, 6))
    return ArticleDigest(article=article, summary=(text,), people=find_people(text, find_quotes(text)))


@pytest.mark.parametrize("edition_for", ["student", "instructor"])
def test_the_whos_who_switch(edition_for: str) -> None:
    digest = digest_of("Lakeland Defence Minister Oskar Varga met the delegation from the coast on Monday.")
    on = assemble([digest], Settings(), dt.date(2024, 5, 10), edition_for=edition_for)
    assert [entry.name for entry in on.whos_who] == ["Oskar Varga"]
    assert 'id="whos-who"' in render_html(on, Settings())
    off = assemble([digest], Settings(whos_who=False), dt.date(2024, 5, 10), edition_for=edition_for)
    assert off.whos_who == () and 'id="whos-who"' not in render_html(off, Settings(whos_who=False))
