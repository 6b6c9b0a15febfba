"""--format docx and --format md: the briefing to edit in Word, or as Markdown, read back."""
import json
import re

import docx
import pytest
from docx.shared import Mm
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.publish import word
from briefgen.publish.markdown import escape

runner = CliRunner()
DATE = "2024-06-01"


@pytest.fixture
def built(article_folder, tmp_path):
    (article_folder / "briefgen.toml").write_text('paper = "letter"\ncourse = "POLS 245"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(article_folder), "-o", str(out), "--date", DATE, "-q",
                                 "-f", "DOCX", "-f", "md", "-f", "json"])
    assert result.exit_code == 0, result.output
    return out, json.loads((out / f"briefing-{DATE}.json").read_text(encoding="utf-8"))


def paragraphs_by_style(document):
    found: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        found.setdefault(paragraph.style.name, []).append(paragraph.text)
    return found


def test_the_docx_uses_named_styles_for_every_part(built):
    out, briefing = built
    document = docx.Document(str(out / f"briefing-{DATE}.docx"))
    styles = paragraphs_by_style(document)
    assert styles["Title"] == [briefing["title"]]
    titles = [digest["article"]["title"] for digest in briefing["digests"]]
    assert styles["Heading 1"] == ["Key points", "Contents", *(f"{n}. {t}" for n, t in enumerate(titles, 1)),
                                   "Glossary", "Sources"]
    summary = [" ".join(s.split()) for digest in briefing["digests"] for s in digest["summary"]]
    assert styles["Summary"] == summary and summary
    quotes = [f"“{q['quote']}”" for digest in briefing["digests"] for q in digest["quotes"]]
    assert styles["Key Quote"] == quotes and any("Roe" in line for line in styles["Quote Speaker"])
    assert {"Summary", "Key quotes", "Context"} <= set(styles["Heading 2"])
    boxed = [term["term"] for digest in briefing["digests"] for term in digest["terms"]]
    assert [line.split(" — ")[0] for line in styles["Context Term"]] == boxed
    # As the default theme: the boxed terms in one line each ("NPT, article 1"), then the others in full.
    terms = [t["term"] for t in briefing["glossary"]]
    indexed = [t for t in terms if t in boxed] + [t for t in terms if t not in boxed]
    assert [re.split(r" — |, article ", line)[0] for line in styles["Glossary Term"]] == indexed
    assert "POLS 245" in styles["Masthead"]


def test_the_docx_styles_are_real_word_styles_a_teacher_can_change(built):
    out, _ = built
    document = docx.Document(str(out / f"briefing-{DATE}.docx"))
    names = {style.name for style in document.styles}
    assert {spec.name for spec in word.STYLES.values()} <= names
    assert document.styles["Key Quote"].font.italic is True
    assert document.styles["Context Term"].font.bold is True
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (216, 279)  # letter
    assert document.core_properties.title == "Arms control briefing"
    assert document.core_properties.created.date().isoformat() == DATE
    assert section.page_width != Mm(210)


def test_the_same_briefing_gives_the_same_docx_bytes(built, article_folder, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    runner.invoke(app, ["build", str(article_folder), "-o", str(again), "--date", DATE, "-q", "-f", "docx"])
    assert (again / f"briefing-{DATE}.docx").read_bytes() == (out / f"briefing-{DATE}.docx").read_bytes()


def test_the_markdown_briefing(built):
    out, briefing = built
    text = (out / f"briefing-{DATE}.md").read_text(encoding="utf-8")
    assert text.startswith("*Briefing · 1 June 2024*\n\n# Arms control briefing\n")
    for digest in briefing["digests"]:
        assert escape(digest["article"]["title"]) in text
        for sentence in digest["summary"]:
            assert escape(sentence) in text
    assert "\n## Glossary\n" in text and "\n## Sources\n" in text and "\n### Summary\n" in text
    assert "\n> “We have kept our word" in text


@pytest.mark.parametrize(("text", "starts_line", "expected"), [
    ("a *bold* claim", False, "a \\*bold\\* claim"),
    ("1. First", True, "1\\. First"),
    ("# not a heading", True, "\\# not a heading"),
    ("<script>", False, "\\<script\\>"),
    ("1999 was a year", True, "1999 was a year"),
])
def test_markdown_escapes_article_text(text, starts_line, expected):
    assert escape(text, starts_line) == expected


def test_every_kind_of_block_has_a_word_style():
    from briefgen.publish.outline import KINDS

    assert all(word.style_name(kind) for kind in KINDS)


def test_sections_questions_and_the_instructors_notes_in_word_and_markdown(article_folder, tmp_path):
    (article_folder / "corrections.toml").write_text('''
["b-inspectors.md"]
section = "Verification"
order = 1
notes = "Compare with the accord's inspection rules."
questions = [{ ask = "Who chooses the sites to inspect?", answer = "The monitoring body." }]
''', encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(article_folder), "-o", str(out), "--date", DATE, "-q", "-f", "docx",
                                 "-f", "md", "--edition", "student", "--edition", "instructor"])
    assert result.exit_code == 0, result.output
    student = paragraphs_by_style(docx.Document(str(out / f"briefing-{DATE}.docx")))
    instructor = paragraphs_by_style(docx.Document(str(out / f"briefing-{DATE}-instructor.docx")))
    assert student["Contents Section"] == ["Verification"]
    # Articles without a section come first, without a heading; the numbers run on through the sections.
    headings = student["Heading 1"]
    assert headings[headings.index("Verification") + 1].startswith("2. Inspectors return")
    assert headings[headings.index("Verification") - 1].startswith("1. ")
    assert student["Discussion Question"] == ["1. Who chooses the sites to inspect?"]
    assert "Answer" not in student and "For the Instructor" not in student
    assert instructor["Answer"] == ["Answer: The monitoring body."]
    assert "Compare with the accord's inspection rules." in instructor["For the Instructor"]
    markdown = (out / f"briefing-{DATE}.md").read_text(encoding="utf-8")
    assert "\n## Verification\n" in markdown and "1\\. Who chooses" not in markdown
    assert "1. Who chooses the sites to inspect?" in markdown and "The monitoring body" not in markdown
    assert "The monitoring body" in (out / f"briefing-{DATE}-instructor.md").read_text(encoding="utf-8")
