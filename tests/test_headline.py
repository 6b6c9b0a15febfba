"""A page without a headline line: its headline is taken from its own first words, never its file name (issue 15)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.analyse.headline import derived_headline, leading_clause
from briefgen.cli import app

# Invented examples, in our own words.
CASES = [
    # short first sentence: whole, without its full stop
    ("Inspectors reached the northern reactor site on Friday. They stayed a week.", None, None,
     "Inspectors reached the northern reactor site on Friday", "first sentence"),
    # the outlet's tag is no part of the headline
    ("(Wire) Envoys met again in the harbour town of Vell. Talks go on.", "Wire", None,
     "Envoys met again in the harbour town of Vell", "first sentence"),
    # long: cut where the first clause ends, before "but"
    ("The two delegations agreed on a timetable for the next round of inspections, but they left the question "
     "of how many sites may be visited each year for a later meeting in the spring.", None, None,
     "The two delegations agreed on a timetable for the next round of inspections", "first clause"),
    # long: cut at a dash
    ("A missile test over the northern sea on Monday drew protests — the third such launch this month, which "
     "the neighbouring states called a breach of the informal moratorium on testing.", None, None,
     "A missile test over the northern sea on Monday drew protests", "first clause"),
    # long, no clean cut, at most 25 words: whole
    ("The parliament of the small republic voted on Tuesday to ratify the regional treaty that bans the "
     "stationing of landmines near its borders.", None, None,
     "The parliament of the small republic voted on Tuesday to ratify the regional treaty that bans the "
     "stationing of landmines near its borders", "first sentence"),
    # long, no clean cut, over 25 words: the outlet and date
    ("Officials from the three neighbouring states that share the mountain border region gathered in the old "
     "capital for a long-delayed meeting about the shared early-warning radar network built in the previous "
     "decade.", "Daily Ledger", dt.date(2015, 4, 9), "Daily Ledger, 9 April 2015", "outlet and date"),
    # the same with the outlet alone: a bare outlet names no story, so the sentence stands whole
    ("Officials from the three neighbouring states that share the mountain border region gathered in the old "
     "capital for a long-delayed meeting about the shared early-warning radar network built in the previous "
     "decade.", "Daily Ledger", None,
     "Officials from the three neighbouring states that share the mountain border region gathered in the old "
     "capital for a long-delayed meeting about the shared early-warning radar network built in the previous "
     "decade", "first sentence"),
]


@pytest.mark.parametrize(("paragraph", "outlet", "date", "headline", "origin"), CASES)
def test_a_headline_from_the_first_sentence(paragraph, outlet, date, headline, origin):
    assert derived_headline(paragraph, outlet, date) == (headline, origin)


@pytest.mark.parametrize(("sentence", "clause"), [
    # a comma before "and" that closes a list is no clause end
    ("The pass is high, narrow, windy, and a route smugglers have used for two centuries to move arms into "
     "the valley", None),
    ("The ceasefire held overnight in the eastern hills; shelling resumed at dawn near the river crossing "
     "and the airport", "The ceasefire held overnight in the eastern hills"),
    # a first clause longer than a headline: no cut
    ("The ministers of the seven states meeting in the lakeside hotel for the third time this year finally "
     "signed the accord, and went home", None),
    # too short to say anything on its own
    ("Yes, and the ministers of the seven states then signed the accord that they had argued about for years "
     "in the lakeside hotel", None),
])
def test_a_leading_clause_is_cut_only_where_a_clause_ends(sentence, clause):
    assert leading_clause(sentence) == clause


ARTICLE = """Delegates from the fictional states of Norland and Sudmark opened a new round of talks on Monday about the lapsed border missile treaty.

"We want the inspectors back," said Anna Veld, Norland's chief negotiator.

The talks are due to last a week, officials said, and a statement is expected at the end of them.
"""


def test_a_build_never_prints_the_file_name_as_headline(tmp_path: Path):
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "border-talks-notes.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--format", "html", "--date", "2024-06-01"])
    assert result.exit_code == 0, result.output
    html = (out / "briefing-2024-06-01.html").read_text(encoding="utf-8")
    headline = "Delegates from the fictional states of Norland and Sudmark opened a new round of talks"
    heading = re.search(r'<h2 class="headline"[^>]*>(.*?)</h2>', html, re.DOTALL)
    assert heading and "border-talks-notes" not in heading.group(1)
    assert headline in " ".join(re.sub(r"<[^>]+>|&shy;|\u00ad", "", heading.group(1)).split())
    # the contents entry is one line: a long headline may be cut there, but never to the file name
    toc = re.search(r'<a class="toc" href="#article-1"[^>]*>(.*?)</a>', html, re.DOTALL)
    assert toc and "border-talks-notes" not in toc.group(0)
    assert " ".join(toc.group(1).split()).rstrip("…").strip() in headline
    sources = html[html.index('id="sources"'):]
    assert f"“{headline}" in " ".join(sources.split())
    check = runner.invoke(app, ["check", str(folder), "-o", str(tmp_path / "check"), "--date", "2024-06-01",
                                "--quiet"])
    assert check.exit_code == 0, check.output
    assert "no headline found: headline taken from the first sentence" in " ".join(check.stdout.split())
