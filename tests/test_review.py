"""briefgen check: what briefgen is unsure of, with the corrections that settle it; nothing silent."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.analyse.doubts import (
    first_person_count,
    is_scene_setting,
    looks_like_personal_name,
    quote_doubts,
    reads_like_caption,
    summary_doubts,
)
from briefgen.analyse.sentences import outlet_tag
from briefgen.build import build
from briefgen.cli import app
from briefgen.config import Settings
from briefgen.errors import ExitCode, ThemeError
from briefgen.extract import extract
from briefgen.model import Quote
from briefgen.read import document_from_bytes
from briefgen.read.mojibake import repair_mojibake
from briefgen.review.report import snippet

EDITION = dt.date(2024, 6, 1)

# A pasted wire story with no headline line, no date and no byline, an outlet tag run into the
# first sentence, a photo caption among the paragraphs and a speaker named by one word only.
TALKS = """(Wire) Negotiators from the fictional republics of Northland and Southland resumed talks on Tuesday about the future of the Lakeside Accord, a treaty that limits long-range missiles on both sides of their border.

Two delegates walk past the flags outside the conference hall in the lakeside town of Vell.

The talks were the first since the accord's inspection rules lapsed in the spring, officials said. The Joint Verification Commission (JVC) was not convened last year.

"We came here to find a way back to verification," said Maria Holt, the chief negotiator of Northland.

"Nobody wants an arms race on our borders," she said.

Analyst Peter Crane, who studies the accord at a university in Vell, said the sides remained far apart on how often inspectors may visit each base.

"The gap is about trust, not about numbers," Crane said.

"Nothing has been agreed," Oster told reporters after the first session.

The next round of talks is planned for June, according to a statement from the hosts, who offered to keep the conference hall for the delegations.
"""


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def talks_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "talks-resume.txt").write_text(TALKS, encoding="utf-8")
    return folder


def digests(out: Path, name: str = "briefing-2024-06-01.json") -> list[dict]:
    return json.loads((out / name).read_text(encoding="utf-8"))["digests"]


# --- the doubts of one article -----------------------------------------------------------------


def test_check_lists_each_doubt_with_the_lines_that_settle_it(talks_folder, tmp_path):
    result = invoke("check", talks_folder, "-o", tmp_path / "out", "--date", "2024-06-01", "--quiet")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "talks-resume.txt" in text
    for message in ("no headline found", "publication date unknown", "the speaker “Oster” is a single word"):
        assert message in text, message
    # The caption and the outlet's tag no longer reach the summary (issue 17), so nothing is left to doubt there;
    # the tag gives the outlet (extract, issue 15), so the outlet is known too.
    assert "reads like a photo caption" not in text and "opens with the outlet's tag" not in text
    assert "outlet unknown" not in text
    # An abbreviation only the article defines is on the article's Abbreviations line, never a box.
    assert "the box “JVC”" not in text
    assert '["talks-resume.txt"]' in result.stdout
    assert "drop_sentences" not in result.stdout
    assert '[["talks-resume.txt".quote]]\nstarts = "Nothing has been agreed,"' in result.stdout
    review = (tmp_path / "out" / "review.html").read_text(encoding="utf-8")
    assert "Oster" in review and "talks-resume.txt" in review


def test_build_prints_how_many_items_are_left_to_review(talks_folder, tmp_path):
    result = invoke("build", talks_folder, "-o", tmp_path / "out", "--format", "json", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert f"items to review: briefgen check {talks_folder}/" in result.stderr


def test_the_suggested_block_is_valid_toml_once_filled_in():
    block = snippet("a.txt", ['title = "…"  # the headline', 'drop_sentences = ["One"]', 'drop_sentences = ["Two"]',
                              'roles = { "A B" = "…" }', '[[quote]]\nstarts = "We came"\nspeaker = "X"',
                              'accept = ["title"]', 'accept = ["old"]'])
    tomllib = pytest.importorskip("tomllib")
    data = tomllib.loads(block)
    assert data["a.txt"]["drop_sentences"] == ["One", "Two"]
    assert data["a.txt"]["accept"] == ["title", "old"]
    assert data["a.txt"]["quote"] == [{"starts": "We came", "speaker": "X"}]


@pytest.mark.parametrize("sentence, caption", [
    ("Two surfers ride the crest of a wave near the border.", True),
    ("A soldier walks past a fence at the crossing.", True),
    ("Two surfers were arrested near the border on Monday.", False),
    ("A spokesman said the talks would resume.", False),
    ("Negotiators resumed talks on Tuesday.", False),
])
def test_a_bare_present_description_reads_as_a_caption(sentence, caption):
    assert reads_like_caption(sentence) is caption


@pytest.mark.parametrize("sentence, scene", [
    ("It is quiet, green and far from anywhere, and the guns have not fallen silent for long.", True),
    ("(Wire) There is a hush over the harbour, where the boats wait for news.", True),
    ("It was a long night for the negotiators.", True),
    ("It is the first time since 2019 that the talks have failed.", False),  # a date: news
    ("It is the largest exercise Northland has held.", False),  # a name: news
    ("Negotiators resumed talks on Tuesday.", False),
    ("The talks failed, officials said.", False),  # not a scene's opening
])
def test_a_lead_that_names_no_one_is_a_scene(sentence, scene):
    assert is_scene_setting(sentence) is scene


def test_a_scene_setting_lead_is_a_doubt_once():
    doubts = summary_doubts(["It is quiet and green here, and the guns are silent.", "Northland said so."])
    assert [d.kind for d in doubts] == ["summary"] and "scene-setting lead" in doubts[0].message
    assert doubts[0].correction == 'drop_sentences = ["It is quiet and"]'
    tagged = summary_doubts(["(Wire) It is quiet and green here.", "Northland said so."])
    assert len(tagged) == 1 and "outlet's tag" in tagged[0].message  # one doubt for one sentence


def test_a_quote_that_runs_on_into_captions_is_a_doubt():
    run_on = Quote("We surf when we can. Two surfers carry their boards across the snow. A guard post stands "
                   "on the dune.", "Lena Park", "a surfer", rule="said-after")
    doubts = quote_doubts([run_on], "")
    assert [d.correction for d in doubts] == ['drop_quotes = ["We surf when we"]']
    assert "photo caption (“Two surfers carry their…”)" in doubts[0].message
    plain = Quote("We surf when we can. The guards do not mind.", "Lena Park", "a surfer", rule="said-after")
    assert quote_doubts([plain], "") == []


@pytest.mark.parametrize("text, repaired, runs", [
    ("Northlandâ€™s envoy said â€œnoâ€\x9d", "Northland’s envoy said “no”", 3),
    ("Northlandâ€™s envoy said â€œnoâ€\ufffd", "Northland’s envoy said “no”", 3),  # the lost 9D byte
    ("cafÃ© and Â£5 and naÃ¯ve", "café and £5 and naïve", 3),
    ("Ã and â€ alone, and a real “café”", "Ã and â€ alone, and a real “café”", 0),  # not UTF-8 runs: kept
])
def test_mojibake_is_turned_back(text, repaired, runs):
    fixed, found = repair_mojibake(text)
    assert (fixed, len(found)) == (repaired, runs)


def test_repaired_mojibake_is_printed_repaired_and_listed(tmp_path):
    folder = tmp_path / "week"
    folder.mkdir()
    text = TALKS.replace("accord's", "accord’s").replace("Northland.", "Northland’s delegation.")
    (folder / "talks.txt").write_text(text.encode("utf-8").decode("cp1252"), encoding="utf-8")
    result = invoke("check", folder, "-o", tmp_path / "out", "--date", "2024-06-01", "--quiet")
    assert result.exit_code == 0, result.output
    assert "had been saved in the wrong encoding (“â€™” for “’”) and were repaired" in " ".join(result.stdout.split())
    assert 'accept = ["encoding"' in result.stdout
    built = build(folder, tmp_path / "built", EDITION, Settings(), ["json"])
    assert "â€" not in built.briefing.digests[0].article.body and "accord’s" in built.briefing.digests[0].article.body


def test_bylines_that_are_not_people():
    assert looks_like_personal_name("Jane Roe")
    assert looks_like_personal_name("Ana de la Cruz and John Doe")
    assert not looks_like_personal_name("The Russian; Syrian defense ministries")
    assert not looks_like_personal_name("The Editorial Board")


def test_outlet_tags():
    assert outlet_tag("(Wire) Negotiators met.") == "Wire"
    assert outlet_tag("Example.Net - Video footage shows ...") == "Example.Net"
    assert outlet_tag("Negotiators met - again - on Tuesday.") is None


def test_the_writers_first_person_outside_quotes_is_counted():
    assert first_person_count('"We will win," he said. "Our side is ready."') == 0
    assert first_person_count("Let us address these claims. Our partners deserve better.") == 2


def test_a_fact_check_page_says_so_and_gives_its_verdict(tmp_path):
    html = """<html><head><title>Claim: the bridge was closed</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
 "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
 "author": {"@type": "Organization", "name": "Example Checks"}}</script></head>
<body><article><h1>Claim: the bridge was closed</h1>
<p>A post shared widely this week said the fictional bridge over the Vell river had been closed to traffic by the army.</p>
<p>Officials of the river authority said the bridge was open and that no such order had been given by anyone.</p>
<p>Photographs taken on Monday show cars crossing the bridge in both directions during the morning.</p>
</article></body></html>"""
    article = extract(document_from_bytes(tmp_path / "check.html", html.encode()))
    assert (article.genre, article.verdict) == ("fact-check", "False")


def test_an_opinion_label_above_the_headline_is_read(tmp_path):
    page = ("Home | World | Opinion\n\nOPINION\n\nWhy the accord still matters\n\n"
            + "The accord has kept the peace on the border for ten years, and it can keep it for ten more. " * 3)
    article = extract(document_from_bytes(tmp_path / "op.txt", page.encode()))
    assert article.genre == "opinion"



def test_an_opinion_disclaimer_at_the_end_labels_the_piece(tmp_path):
    body = "The accord has kept the peace on the border for ten years, and it can keep it for ten more. " * 3
    page = f"Why the accord still matters\n\n{body}\n\nThese are the personal views of the author.\n\nShare This\n"
    article = extract(document_from_bytes(tmp_path / "op.txt", page.encode()))
    assert article.genre == "opinion" and "personal views" not in article.body
    report = f"Talks resume\n\n{body}\n\nThe minister said the views of the author of the plan were welcome.\n"
    assert extract(document_from_bytes(tmp_path / "news.txt", report.encode())).genre is None

# --- nothing silent ----------------------------------------------------------------------------


def test_files_briefgen_does_not_read_are_named_with_why_and_strict_fails(article_folder, tmp_path):
    (article_folder / "minutes.odt").write_bytes(b"PK\x03\x04" + bytes(200))
    (article_folder / "report.rtf").write_bytes(b"{\\rtf1 " + bytes(200))
    (article_folder / "corrections.toml.txt").write_text("", encoding="utf-8")
    result = invoke("build", article_folder, "-o", tmp_path / "out", "--format", "json", "--strict", "--quiet",
                    "--date", "2024-06-01")
    assert result.exit_code == ExitCode.STRICT_WARNINGS, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("briefgen: warning:")]
    assert any("minutes.odt: not read: an OpenDocument text" in line and ".html" in line for line in warnings)
    assert any("report.rtf: not read: an RTF document" in line for line in warnings)
    assert any("corrections.toml.txt: not read" in line and "rename it to corrections.toml" in line
               for line in warnings)
    assert sorted(d["article"]["path"] for d in digests(tmp_path / "out")) == ["a-accord.txt", "b-inspectors.md"]


def test_a_readme_in_the_folder_is_not_printed_as_an_article(article_folder, tmp_path):
    (article_folder / "README.md").write_text("# Notes for the week\n\nRemember to print enough copies.\n")
    result = invoke("build", article_folder, "-o", tmp_path / "out", "--format", "json", "--quiet",
                    "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "README.md: not read: the folder's notes" in result.stderr
    assert "README.md" not in {d["article"]["path"] for d in digests(tmp_path / "out")}


def test_a_skipped_file_in_the_corrections_is_no_longer_a_warning(article_folder, tmp_path):
    (article_folder / "README.md").write_text("# Notes\n\nNothing to see.\n")
    (article_folder / "corrections.toml").write_text('["README.md"]\nskip = true\n', encoding="utf-8")
    result = invoke("build", article_folder, "-o", tmp_path / "out", "--format", "json", "--strict", "--quiet")
    assert result.exit_code == 0, result.output


def theme(folder: Path, article_html: str) -> Settings:
    (folder / "theme").mkdir()
    (folder / "theme" / "article.html").write_text(article_html, encoding="utf-8")
    return Settings(theme=folder / "theme")


def test_a_theme_template_without_extends_is_a_warning(article_folder, tmp_path):
    settings = theme(tmp_path, "{% block summary %}{% for s in digest.summary %}<p>{{ s }}</p>{% endfor %}"
                               '<p class="q">Discuss.</p>{% endblock %}')
    result = build(article_folder, tmp_path / "out", EDITION, settings, ["html"])
    assert any("article.html: it has blocks but no {% extends \"!default/article.html\" %} line" in w
               for w in result.warnings), result.warnings


def test_a_misspelt_block_is_a_warning_with_the_likely_name(article_folder, tmp_path):
    settings = theme(tmp_path, '{% extends "!default/article.html" %}{% block sumary %}<p>Discuss.</p>{% endblock %}')
    result = build(article_folder, tmp_path / "out", EDITION, settings, ["html"])
    assert any("block 'sumary' is not a block of the template it extends" in w and "'summary'" in w
               for w in result.warnings), result.warnings


def test_a_theme_that_shows_no_article_is_an_error(article_folder, tmp_path):
    settings = theme(tmp_path, '{% block summary %}<p class="q">Discuss.</p>{% endblock %}')
    with pytest.raises(ThemeError, match="the briefing shows none of its articles") as raised:
        build(article_folder, tmp_path / "out", EDITION, settings, ["html"])
    assert 'article.html: it has blocks but no {% extends "!default/article.html" %} line' in str(raised.value)


def test_glossary_statuses_checked_long_before_the_edition_are_listed(tmp_path):
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "treaty.txt").write_text("Treaty news\n\nDelegates said the NPT was under strain at the talks.\n",
                                       encoding="utf-8")
    (folder / "glossary.yaml").write_text(
        "- term: NPT\n  definition: A test treaty.\n  status: In force.\n  as_of: 2026-01-15\n  sources: s\n",
        encoding="utf-8")
    late = " ".join(invoke("check", folder, "-o", tmp_path / "out", "--date", "2026-12-07", "--quiet").stdout.split())
    assert "status checked more than 6 months before this edition: NPT (2026-01-15)" in late
    soon = " ".join(invoke("check", folder, "-o", tmp_path / "out", "--date", "2026-07-10", "--quiet").stdout.split())
    assert "NPT (2026-01-15)" not in soon
