"""The CLI explains itself: readable help, choices listed, suggestions for near misses."""
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from briefgen import cli
from briefgen.analyse import summarize
from briefgen.errors import ExitCode

runner = CliRunner()
COMMANDS = ["build", "check", "serve", "init", "doctor", "extract", "summarize", "quotes", "acronyms", "glossary", "theme init"]


def invoke(*args):
    return runner.invoke(cli.app, [str(a) for a in args])


@pytest.mark.parametrize("command", COMMANDS)
def test_help_lists_examples_one_per_line_with_plain_metavars(command):
    result = invoke(*command.split(), "--help")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    examples = [line.strip() for line in lines[lines.index("  Examples:" if "  Examples:" in lines else "  Example:") + 1:]]
    assert examples[0] == f"briefgen {command}" or examples[0].startswith(f"briefgen {command} ")
    for code_like in ("<list", "<path>", "<str>", "{", "<int", "x>=", "<=x"):
        assert code_like not in result.stdout.replace("{% ", ""), code_like


def test_build_help_names_the_values_it_takes():
    text = invoke("build", "--help").stdout
    assert "Usage: briefgen build [OPTIONS] FOLDER..." in text
    assert "--date YYYY-MM-DD" in text and "-o, --output FOLDER" in text and "--config FILE" in text
    assert "-f, --format [pdf|html|json|docx|md]" in text
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("briefgen build")][:3] == [
        "briefgen build inputs/",
        'briefgen build inputs/ -o ~/briefings --date 2026-12-01 --title "Arms control, week 12"',
        "briefgen build inputs/ --format pdf --format docx",
    ]


def test_ranges_are_said_in_words():
    text = " ".join(invoke("summarize", "--help").stdout.split())
    assert "Share of the sentences. [0.01 to 1.0]" in text and "Word budget. [1 or more]" in text


def test_the_algorithm_choices_shown_are_the_summarizers():
    assert cli.ALGORITHMS == summarize.ALGORITHMS
    assert "--algorithm [news|lexrank|" in invoke("summarize", "--help").stdout


def test_a_mistyped_command_gets_a_suggestion():
    result = invoke("biuld", "inputs")
    assert result.exit_code == ExitCode.USAGE
    assert "Did you mean 'build'?" in result.output


def test_a_mistyped_folder_gets_a_suggestion(article_folder, tmp_path):
    result = invoke("build", article_folder.parent / "waek", "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == ExitCode.ERROR
    assert "waek: folder not found (did you mean 'week'?)" in result.output


def test_formats_are_case_insensitive_and_a_near_miss_is_named(article_folder, tmp_path):
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "JSON", "--quiet", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "briefing-2024-06-01.json").is_file()
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "jsno", "--quiet")
    assert result.exit_code == ExitCode.USAGE
    assert "unknown output format 'jsno' (did you mean 'json'?)" in result.output


def test_an_algorithm_in_capitals_and_a_near_miss(article_folder):
    assert invoke("summarize", article_folder / "a-accord.txt", "--algorithm", "LEAD", "-n", "1").exit_code == 0
    result = invoke("summarize", article_folder / "a-accord.txt", "--algorithm", "lexrnk")
    assert result.exit_code == ExitCode.USAGE and "did you mean 'lexrank'?" in result.output


def test_the_output_path_printed_is_absolute(article_folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("build", article_folder, "-o", "out", "--format", "json", "--quiet", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str((tmp_path / "out" / "briefing-2024-06-01.json").resolve())


def test_the_date_key_of_briefgen_toml_dates_the_briefing_and_the_option_wins(article_folder, tmp_path):
    (article_folder / "briefgen.toml").write_text("date = 2026-12-07\n", encoding="utf-8")
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "briefing-2026-12-07.json").read_text())["date"] == "2026-12-07"
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "json", "--quiet", "--date", "2026-12-08")
    assert result.stdout.strip().endswith("briefing-2026-12-08.json")


def test_a_weekday_for_date_is_the_next_such_day(article_folder, tmp_path):
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "json", "--quiet", "--date", "Monday")
    assert result.exit_code == 0, result.output
    day = dt.date.fromisoformat(result.stdout.strip()[-15:-5])
    assert day.weekday() == 0 and 0 <= (day - dt.date.today()).days < 7


def test_summarize_uses_the_folders_summary_length_as_the_build_does(article_folder):
    path = article_folder / "a-accord.txt"
    assert len(invoke("summarize", path).stdout.strip().splitlines()) > 1
    (article_folder / "briefgen.toml").write_text("summary_sentences = 1\n", encoding="utf-8")
    assert len(invoke("summarize", path).stdout.strip().splitlines()) == 1
    assert len(invoke("summarize", path, "-n", "2").stdout.strip().splitlines()) == 2


def test_glossary_uses_the_folders_course_glossary_as_the_build_does(article_folder):
    (article_folder / "glossary.yaml").write_text(
        "- term: Lakeside Accord\n  definition: A pact invented for this test, capping long-range missiles.\n"
        "  as_of: 2024-03-01\n  sources: written for this test\n", encoding="utf-8")
    result = invoke("glossary", article_folder / "a-accord.txt", "--json")
    assert result.exit_code == 0, result.output
    assert "Lakeside Accord" in [item["term"] for item in json.loads(result.stdout)]


def test_a_theme_that_extends_itself_is_one_line(article_folder, tmp_path):
    theme = article_folder / "theme"
    theme.mkdir()
    (theme / "article.html").write_text('{% extends "article.html" %}\n', encoding="utf-8")
    (article_folder / "briefgen.toml").write_text('theme = "theme"\n', encoding="utf-8")
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "html", "--quiet")
    assert result.exit_code == ExitCode.ERROR
    errors = [line for line in result.output.splitlines() if line.strip()]
    assert errors == [f"briefgen: error: {theme / 'article.html'}:1: template extends or includes itself; "
                      'to build on the default one, write {% extends "!default/article.html" %}']


def test_the_commands_of_a_week_come_first_in_help():
    lines = invoke("--help").stdout.split("Commands:")[1].split("\n")
    names = [line.split()[0] for line in lines if line.startswith("  ")]
    assert names[:5] == ["build", "serve", "check", "init", "doctor"]
    assert {"extract", "summarize", "quotes", "acronyms", "glossary", "theme"} <= set(names[5:])
