"""corrections.toml: each kind of correction, one that no longer matches, rebuilds, editions,
order and sections (in the contents and the PDF outline)."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.build import build
from briefgen.cache import CACHE_FOLDER
from briefgen.config import Settings
from briefgen.errors import ConfigError
from test_review import TALKS

EDITION = dt.date(2024, 6, 1)


@pytest.fixture
def week(article_folder: Path) -> Path:
    (article_folder / "talks-resume.txt").write_text(TALKS, encoding="utf-8")
    return article_folder


def printed(path: Path) -> str:
    """The HTML's text as a reader sees it: without the soft hyphens of hyphenation."""
    return path.read_text(encoding="utf-8").replace("\u00ad", "")


def corrected(folder: Path, out: Path, toml: str, formats=("json",), **options):
    (folder / "corrections.toml").write_text(toml, encoding="utf-8")
    result = build(folder, out, EDITION, Settings(), list(formats), **options)
    return result, {d.article.path.name: d for d in result.briefing.digests}


def test_metadata_corrections(week, tmp_path):
    result, by_name = corrected(week, tmp_path / "out", '''
["talks-resume.txt"]
title = "Lakeside talks resume"
date = 2024-03-05
author = "Jan Roe"
outlet = "Example Wire"
url = "https://example.org/talks"

["a-accord.txt"]
author = ""
''')
    talks = by_name["talks-resume.txt"].article
    assert (talks.title, talks.date, talks.author, talks.source, talks.url) == (
        "Lakeside talks resume", dt.date(2024, 3, 5), "Jan Roe", "Example Wire", "https://example.org/talks")
    assert talks.origin("title") == "corrections"
    assert by_name["a-accord.txt"].article.author is None
    kinds = {d.kind for d in by_name["talks-resume.txt"].doubts}
    assert not kinds & {"title", "date", "author", "outlet"}  # settled
    assert result.warnings == () or all("corrections.toml" not in w for w in result.warnings)


def test_speaker_role_and_quote_corrections(week, tmp_path):
    _, by_name = corrected(week, tmp_path / "out", '''
["talks-resume.txt"]
speakers = { "Oster" = "Karl Oster" }
roles = { "Karl Oster" = "Southland's deputy foreign minister" }

[["talks-resume.txt".quote]]
starts = "We came here"
role = "chief negotiator of Northland"
''')
    quotes = {q.quote[:12]: q for q in by_name["talks-resume.txt"].quotes}
    oster = quotes["Nothing has "]
    assert (oster.speaker, oster.role) == ("Karl Oster", "Southland's deputy foreign minister")
    assert quotes["We came here"].role == "chief negotiator of Northland"
    assert "speaker" not in {d.kind for d in by_name["talks-resume.txt"].doubts}


def test_drop_and_pin_sentences_quotes_and_boxes(week, tmp_path):
    _, by_name = corrected(week, tmp_path / "out", '''
["talks-resume.txt"]
drop_sentences = ["The Joint Verification"]
pin_sentences = ["The next round of talks"]
drop_quotes = ["The gap is about"]
pin_quotes = ["Nobody wants an arms race"]
drop_boxes = ["JVC"]
''')
    digest = by_name["talks-resume.txt"]
    assert not any(s.startswith("The Joint Verification") for s in digest.summary)
    assert any(s.startswith("The next round of talks") for s in digest.summary)
    assert list(digest.summary) == sorted(digest.summary, key=digest.article.body.index)  # article order
    texts = [q.quote for q in digest.quotes]
    assert not any(t.startswith("The gap is about") for t in texts)
    assert any(t.startswith("Nobody wants an arms race") for t in texts)
    assert "JVC" not in {t.term for t in digest.terms}
    assert "summary" not in {d.kind for d in digest.doubts if "Joint Verification" in d.message}


def test_pinned_sentences_and_quotes_are_printed_within_the_settings_counts(week, tmp_path):
    (week / "corrections.toml").write_text('''
["talks-resume.txt"]
pin_sentences = ["The next round of talks"]
pin_quotes = ["Nothing has been agreed"]
''', encoding="utf-8")
    settings = Settings(summary_sentences=2, quotes_per_article=1)
    result = build(week, tmp_path / "out", EDITION, settings, ["json"])
    digest = next(d for d in result.briefing.digests if d.article.path.name == "talks-resume.txt")
    assert len(digest.summary) == 2 and digest.summary[-1].startswith("The next round of talks")
    assert [q.quote[:23] for q in digest.quotes] == ["Nothing has been agreed"]


def test_skip_accept_notes_and_questions(week, tmp_path):
    _, by_name = corrected(week, tmp_path / "out", '''
["b-inspectors.md"]
skip = true

["talks-resume.txt"]
accept = ["author", "box"]
notes = "Compare with last week's article on the accord."
questions = ["Who gains from a pause in inspections?", { ask = "What lapsed in the spring?", answer = "The inspection rules." }]
''')
    assert "b-inspectors.md" not in by_name
    digest = by_name["talks-resume.txt"]
    assert not {d.kind for d in digest.doubts} & {"author", "box"}
    assert digest.notes == ("Compare with last week's article on the accord.",)
    assert [q.ask for q in digest.questions] == ["Who gains from a pause in inspections?", "What lapsed in the spring?"]
    assert digest.questions[1].answer == "The inspection rules."


def test_a_correction_that_no_longer_matches_is_a_warning_naming_it(week, tmp_path):
    result, by_name = corrected(week, tmp_path / "out", '''
["talks-resume.txt"]
drop_sentences = ["A sentence the article no longer has"]
speakers = { "Nobody Known" = "Someone" }

["gone.txt"]
title = "An article since removed"
''')
    warnings = "\n".join(result.warnings)
    assert ('corrections.toml: ["talks-resume.txt"] drop_sentences "A sentence the article no longer has": '
            "no summary sentence starts with these words") in warnings
    assert '["talks-resume.txt"] speakers "Nobody Known"' in warnings
    assert 'corrections.toml: ["gone.txt"]: no file of this name in the folder' in warnings
    assert "correction" in {d.kind for d in by_name["talks-resume.txt"].doubts}


def test_mistakes_in_the_file_are_reported_at_once(week, tmp_path):
    (week / "corrections.toml").write_text('["talks-resume.txt"]\ntitel = "x"\ndate = "March 5"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        build(week, tmp_path / "out", EDITION, Settings(), ["json"])
    message = str(raised.value)
    assert "unknown key 'titel'" in message and "key 'date': expected a date" in message


def test_corrections_survive_touch_and_a_deleted_cache(week, tmp_path):
    out = tmp_path / "out"
    toml = '["talks-resume.txt"]\ntitle = "Lakeside talks resume"\ndrop_sentences = ["The Joint Verification"]\n'
    for step in ("first", "touch", "no cache"):
        if step == "touch":
            os.utime(week / "talks-resume.txt")
        if step == "no cache":
            shutil.rmtree(out / CACHE_FOLDER)
        _, by_name = corrected(week, out, toml)
        digest = by_name["talks-resume.txt"]
        assert digest.article.title == "Lakeside talks resume", step
        assert not any(s.startswith("The Joint Verification") for s in digest.summary), step


def test_both_editions_from_one_analysis_notes_only_for_the_instructor(week, tmp_path):
    out = tmp_path / "out"
    toml = '''["talks-resume.txt"]
notes = "Point out the verification commission."
questions = [{ ask = "Why did the rules lapse?", answer = "Neither side renewed them." }]
'''
    result, _ = corrected(week, out, toml, formats=("html",), editions=("student", "instructor"))
    assert [p.name for p in result.outputs] == ["briefing-2024-06-01.html", "briefing-2024-06-01-instructor.html"]
    student, instructor = (printed(out / name) for name in ("briefing-2024-06-01.html",
                                                             "briefing-2024-06-01-instructor.html"))
    assert "Why did the rules lapse?" in student and "Why did the rules lapse?" in instructor
    for text in ("Point out the verification commission", "Neither side renewed them", "Still to review"):
        assert text not in student and text in instructor, text
    # The second edition reuses the first build's analysis: every article came from the cache.
    cached = {p.name for p in (out / CACHE_FOLDER).iterdir()}
    corrected(week, out, toml, formats=("html",), editions=("instructor",))
    assert {p.name for p in (out / CACHE_FOLDER).iterdir()} == cached


def test_order_and_sections_in_the_contents_and_the_pdf_outline(week, tmp_path):
    (week / "corrections.toml").write_text('''
["talks-resume.txt"]
order = 1
section = "Negotiations"

["a-accord.txt"]
order = 2
section = "Negotiations"
''', encoding="utf-8")
    settings = Settings(sections=(("Verification", ("b-inspectors.md",)),))
    result = build(week, tmp_path / "out", EDITION, settings, ["pdf", "html", "json"])
    names = [d.article.path.name for d in result.briefing.digests]
    assert names == ["b-inspectors.md", "talks-resume.txt", "a-accord.txt"]  # briefgen.toml's sections first
    assert [(s.title, s.articles) for s in result.briefing.sections] == [("Verification", (0,)),
                                                                         ("Negotiations", (1, 2))]
    html = printed(tmp_path / "out" / "briefing-2024-06-01.html")
    contents = html[html.index('id="contents"'):html.index("</nav>")]
    assert contents.index("Verification") < contents.index("Inspectors return") < contents.index("Negotiations")
    reader = PdfReader(tmp_path / "out" / "briefing-2024-06-01.pdf")
    # Articles are numbered through the sections (1, then 2 and 3), not from 1 in each.
    front = " ".join(reader.pages[0].extract_text(extraction_mode="layout").split())
    assert "1. Inspectors return" in front and "3. Ministers agree" in front, front
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles.index("Verification") < titles.index("Negotiations")
    under = outline[next(i for i, item in enumerate(outline) if not isinstance(item, list)
                         and item.title == "Negotiations") + 1]
    assert isinstance(under, list)
    assert [item.title for item in under][1] == "Ministers agree to extend the fictional Lakeside Accord"
    assert json.loads((tmp_path / "out" / "briefing-2024-06-01.json").read_text())["sections"][0]["title"] == \
        "Verification"


def test_the_example_corrections_of_week07_load_and_name_its_files():
    """docs/example/week07-corrections.toml (the README's review example) is a valid corrections
    file; beside ../shared/weeks/week07 every section names one of its files."""
    from briefgen.review.corrections import load_corrections

    repo = Path(__file__).resolve().parents[1]
    corrections = load_corrections(repo, repo / "docs" / "example" / "week07-corrections.toml")
    assert len(corrections.by_file) == 13
    week = next((folder / "shared" / "weeks" / "week07" for folder in repo.parents
                 if (folder / "shared" / "weeks" / "week07").is_dir()), None)
    if week is not None:
        assert {name for name, _ in corrections.by_file} <= {path.name for path in week.iterdir()}
