"""The command-line contracts, through Typer's CliRunner."""
import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import briefgen.build as build_module
from briefgen import __version__
from briefgen.cli import app
from briefgen.errors import ExitCode

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("command", ["extract", "summarize", "quotes", "acronyms", "glossary", "build"])
def test_every_command_has_help_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "briefgen " + command in result.stdout


def test_extract_json_contract(article_folder):
    result = invoke("extract", article_folder / "b-inspectors.md", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"title", "date", "author", "source", "body"} <= data.keys()
    assert data["title"] == "Inspectors return to the fictional northern test site"
    assert data["date"] == "2024-05-02"
    assert data["body"].startswith("Inspectors from an international monitoring body")


def test_extract_of_several_files_prints_one_json_line_each_in_order(article_folder):
    files = [article_folder / "b-inspectors.md", article_folder / "a-accord.txt"]
    result = invoke("extract", *files, "--json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == [
        "Inspectors return to the fictional northern test site",
        "Ministers agree to extend the fictional Lakeside Accord",
    ]


def test_a_bad_file_among_several_is_reported_and_the_others_still_printed(article_folder):
    files = [article_folder / "a-accord.txt", article_folder / "missing.txt", article_folder / "b-inspectors.md"]
    result = invoke("quotes", *files, "--json")
    assert result.exit_code == ExitCode.ERROR
    assert "missing.txt: file not found" in result.output
    printed = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(printed) == 2 and all(isinstance(json.loads(line), list) for line in printed)


def test_summarize_plain_and_json(article_folder):
    path = article_folder / "a-accord.txt"
    plain = invoke("summarize", path, "-n", "2")
    assert plain.exit_code == 0, plain.output
    lines = plain.stdout.strip().splitlines()
    assert len(lines) == 2
    data = json.loads(invoke("summarize", path, "-n", "2", "--json").stdout)
    assert [" ".join(s.split()) for s in data["sentences"]] == lines


def test_summarize_rejects_two_length_options(article_folder):
    result = invoke("summarize", article_folder / "a-accord.txt", "-n", "2", "--ratio", "0.5")
    assert result.exit_code == ExitCode.USAGE
    assert "only one of" in result.output


def test_usage_mistakes_exit_2(article_folder):
    assert invoke("summarize", article_folder / "a-accord.txt", "--algorithm", "magic").exit_code == ExitCode.USAGE
    assert invoke("glossary").exit_code == ExitCode.USAGE


def test_extract_of_a_page_without_article_text_is_an_error(tmp_path):
    page = tmp_path / "empty-page.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><div></div></body></html>", encoding="utf-8")
    result = invoke("extract", page)
    assert result.exit_code == ExitCode.ERROR
    assert "empty-page.html: no article text found" in result.output


def test_quotes_json_contract(article_folder):
    result = invoke("quotes", article_folder / "a-accord.txt", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    assert all(set(item) == {"quote", "speaker", "role", "rule", "confidence", "key"} for item in data)
    assert any("Roe" in (item["speaker"] or "") for item in data)
    assert all(bool(item["rule"]) == bool(item["speaker"]) == (item["confidence"] is not None) for item in data)
    assert any(item["key"] for item in data)


def test_quotes_explain_names_the_rule(article_folder):
    result = invoke("quotes", article_folder / "a-accord.txt", "--explain")
    assert result.exit_code == 0, result.output
    assert re.search(r"— Paul Roe, Defence Minister, the northern republic  \[said-then-speaker 0\.\d\d, key\]",
                     result.output), result.output


def test_acronyms_json_contract(article_folder):
    data = json.loads(invoke("acronyms", article_folder / "a-accord.txt", "--json").stdout)
    assert {"short": "NPT", "long": "Nuclear Non-Proliferation Treaty"} in data


def test_glossary_json_contract(article_folder):
    result = invoke("glossary", article_folder / "a-accord.txt", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data and all({"term", "expansion", "definition", "as_of", "origin"} <= item.keys() for item in data)
    assert any(item["origin"] == "glossary" and "NPT" in item["term"] for item in data)


def test_missing_file_is_one_line_without_traceback(tmp_path):
    result = invoke("extract", tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert "missing.txt: file not found" in result.output
    assert "Traceback" not in result.output


def test_binary_file_is_reported(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n%binary")
    result = invoke("summarize", path)
    assert result.exit_code == 1
    assert "scan.txt: binary file" in result.output


def test_build_skips_a_bad_article_and_builds_the_rest(article_folder, tmp_path):
    (article_folder / "c-empty.txt").write_text("")
    out = tmp_path / "out"
    result = invoke("build", article_folder, "-o", out, "--date", "2024-06-01", "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output
    assert "c-empty.txt: file is empty" in result.output
    briefing = json.loads((out / "briefing-2024-06-01.json").read_text())
    assert len(briefing["digests"]) == 2


def test_build_strict_fails_on_a_skipped_article(article_folder, tmp_path):
    (article_folder / "c-empty.txt").write_text("")
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "json", "--strict", "--quiet")
    assert result.exit_code == 3


def test_build_of_a_missing_folder(tmp_path):
    result = invoke("build", tmp_path / "nope", "-o", tmp_path)
    assert result.exit_code == 1
    assert "folder not found" in result.output


def test_build_of_a_folder_without_articles(tmp_path):
    result = invoke("build", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "no articles found" in result.output


def test_build_rejects_a_bad_date(article_folder, tmp_path):
    result = invoke("build", article_folder, "-o", tmp_path, "--date", "01/12/2026")
    assert result.exit_code == ExitCode.USAGE
    assert "expected YYYY-MM-DD" in result.output


def test_build_rejects_an_unknown_format_before_analysing(article_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "analyse_files", None)  # would fail if the build got that far
    result = invoke("build", article_folder, "-o", tmp_path, "--format", "odt")
    assert result.exit_code == ExitCode.USAGE
    assert "unknown output format 'odt'" in result.output and "Traceback" not in result.output


def test_ctrl_c_exits_130_without_a_traceback(article_folder, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "assemble", interrupted)
    result = invoke("build", article_folder, "-o", tmp_path / "out", "--format", "json", "--quiet")
    assert result.exit_code == ExitCode.INTERRUPTED == 130
    assert "briefgen: error: interrupted" in result.output and "Traceback" not in result.output
    assert not list((tmp_path / "out").glob("briefing-*"))


def test_progress_shows_articles_then_pages_on_stderr_only(article_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich draws progress only on what it takes for a terminal
    result = invoke("build", article_folder, "-o", tmp_path / "out", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "Analysing" in result.stderr and "Rendering page 1" in result.stderr
    assert result.stdout.strip() == str(tmp_path / "out" / "briefing-2024-06-01.pdf")


def test_quiet_shows_no_progress(article_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    result = invoke("build", article_folder, "-o", tmp_path / "out", "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_help_does_not_import_the_heavy_libraries():
    code = ("import sys; from briefgen.cli import app; from typer.testing import CliRunner; "
            "assert CliRunner().invoke(app, ['--help']).exit_code == 0; "
            "print(sorted(m for m in ('weasyprint', 'sumy', 'trafilatura', 'lxml', 'nupunkt') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_build_expands_a_quoted_folder_pattern_one_briefing_each(article_folder, tmp_path):
    weeks = tmp_path / "weeks"
    for week in ("week1", "week2"):
        (weeks / week).mkdir(parents=True)
        for article in article_folder.iterdir():
            (weeks / week / article.name).write_bytes(article.read_bytes())
    out = tmp_path / "out"
    result = invoke("build", weeks / "week*", "-o", out, "--date", "2024-06-01", "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.json")) == [
        "week1/briefing-2024-06-01.json",
        "week2/briefing-2024-06-01.json",
    ]


def test_a_pattern_matching_no_folder_is_an_error(tmp_path):
    result = invoke("build", tmp_path / "week*", "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == ExitCode.ERROR
    assert "no folder matches this pattern" in result.output
