"""A page without a headline line: its headline is taken from its own first words, never its file name (issue 15)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.analyse.headline import derived_headline, leading_clause, with_headline
from briefgen.cli import app
from briefgen.model import Article
from briefgen.publish.assemble import without_headline
from briefgen.publish.render import cited_title

# Invented examples, in our own words.
CASES = [
    # short first sentence: whole, without its full stop
    ("Inspectors reached the northern reactor site on Friday. They stayed a week.",
     "Inspectors reached the northern reactor site on Friday", "first sentence"),
    # the outlet's tag is no part of the headline
    ("(Wire) Envoys met again in the harbour town of Vell. Talks go on.",
     "Envoys met again in the harbour town of Vell", "first sentence"),
    # long: cut where the first clause ends, before "but"
    ("The two delegations agreed on a timetable for the next round of inspections, but they left the question "
     "of how many sites may be visited each year for a later meeting in the spring.",
     "The two delegations agreed on a timetable for the next round of inspections", "first clause"),
    # long: cut at a dash
    ("A missile test over the northern sea on Monday drew protests — the third such launch this month, which "
     "the neighbouring states called a breach of the informal moratorium on testing.",
     "A missile test over the northern sea on Monday drew protests", "first clause"),
    # long, no clean cut, at most 25 words: whole
    ("The parliament of the small republic voted on Tuesday to ratify the regional treaty that bans the "
     "stationing of landmines near its borders.",
     "The parliament of the small republic voted on Tuesday to ratify the regional treaty that bans the "
     "stationing of landmines near its borders", "first sentence"),
    # long, no clean cut, over 25 words: its first 20 words, less the function words the cut leaves hanging
    ("Officials from the three neighbouring states that share the mountain border region gathered in the old "
     "capital for a long-delayed meeting about the shared early-warning radar network built in the previous "
     "decade.",
     "Officials from the three neighbouring states that share the mountain border region gathered in the old "
     "capital for a long-delayed…", "opening words"),
    # the cut would leave "... on the": the hanging function words go
    ("Crews working through the night at the flooded northern pumping station restored power to two of the "
     "cooling circuits on the damaged reactor block by early morning.",
     "Crews working through the night at the flooded northern pumping station restored power to two of the "
     "cooling circuits…", "opening words"),
]


@pytest.mark.parametrize(("paragraph", "headline", "origin"), CASES)
def test_a_headline_from_the_first_sentence(paragraph, headline, origin):
    assert derived_headline(paragraph) == (headline, origin)


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
    # the Sources list cites the page as untitled, by its opening words: the headline is briefgen's, not the writer's
    sources = " ".join(re.sub(r"&shy;|\u00ad", "", html[html.index('id="sources"'):]).split())
    assert "Untitled, beginning “Delegates from the fictional states of Norland…”" in sources
    check = runner.invoke(app, ["check", str(folder), "-o", str(tmp_path / "check"), "--date", "2024-06-01",
                                "--quiet"])
    assert check.exit_code == 0, check.output
    assert "no headline found: headline taken from the first sentence" in " ".join(check.stdout.split())


LEDE = "Envoys from the two coastal states signed a fishing accord in the port of Vell on Sunday."


@pytest.mark.parametrize(("summary", "headline", "printed"), [
    # the headline is the lede word for word: the summary does not print it again under itself
    ((LEDE, "The accord ends a decade of disputes."), "Envoys from the two coastal states signed a fishing "
     "accord in the port of Vell on Sunday", ("The accord ends a decade of disputes.",)),
    # a headline that is only the lede's first clause leaves the whole lede in the summary
    ((LEDE, "The accord ends a decade of disputes."), "Envoys from the two coastal states signed a fishing accord",
     (LEDE, "The accord ends a decade of disputes.")),
    # no headline: nothing to compare with
    ((LEDE,), None, (LEDE,)),
    # an article of one sentence keeps it: the summary is never emptied by its headline
    ((LEDE,), "Envoys from the two coastal states signed a fishing accord in the port of Vell on Sunday", (LEDE,)),
])
def test_the_summary_does_not_repeat_the_headline(summary, headline, printed):
    assert without_headline(summary, headline) == printed


@pytest.mark.parametrize(("body", "title", "cited"), [
    # the page's own headline is its title, in quotation marks
    (LEDE, "Fishing accord signed in Vell", "“Fishing accord signed in Vell.”"),
    # a headline briefgen made is not the writer's: the page is cited as untitled, by its opening words
    (LEDE, None, "Untitled, beginning “Envoys from the two coastal states signed a…”."),
])
def test_the_sources_list_cites_a_page_without_a_headline_as_untitled(body, title, cited):
    provenance = (("title", "heading"),) if title else ()
    article = with_headline(Article(path=Path("vell.txt"), body=body, title=title, provenance=provenance))
    assert cited_title(article) == cited


def test_a_lede_that_heads_its_page_is_a_key_point_but_not_printed_again_below(tmp_path: Path):
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "border-talks-notes.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out), "--format", "json", "--date", "2024-06-01"])
    assert result.exit_code == 0, result.output
    briefing = json.loads((out / "briefing-2024-06-01.json").read_text(encoding="utf-8"))
    lede = ARTICLE.split("\n")[0]
    digest = briefing["digests"][0]
    assert digest["article"]["title"] == lede.rstrip(".")
    assert lede not in digest["summary"] and digest["summary"]
    assert briefing["key_points"] == [[0, lede]]
