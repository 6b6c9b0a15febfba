"""briefgen doctor: one line a check, a fix for each problem, --json, exit 1 on a problem."""
import json

from typer.testing import CliRunner

from briefgen import doctor
from briefgen.cli import app
from briefgen.errors import ExitCode

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_a_ready_folder_passes_every_check(article_folder, tmp_path):
    result = invoke("doctor", article_folder, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(line.startswith("ok ") for line in lines), lines
    text = result.stdout
    assert "Python 3." in text and "briefgen " in text and "Pango 1." in text
    assert 'font "DejaVu Serif"' in text and "is writable (it will be made)" in text
    assert "2 articles in" in text and "cache: 0 analyses" in text


def test_json_names_every_check(article_folder, tmp_path):
    result = invoke("doctor", article_folder, "-o", tmp_path, "--json")
    data = json.loads(result.stdout)
    assert data["ok"] is True
    names = {check["name"] for check in data["checks"]}
    assert names == {"python", "briefgen", "weasyprint", "fonts", "output", "cache", "articles", "settings"}


def test_old_or_mistyped_settings_keys_are_problems_with_their_fix(article_folder, tmp_path):
    (article_folder / "briefgen.toml").write_text('papr = "letter"\nglossary = ["a.yaml"]\n', encoding="utf-8")
    result = invoke("doctor", article_folder, "-o", tmp_path, "--json")
    assert result.exit_code == ExitCode.ERROR
    problems = [check for check in json.loads(result.stdout)["checks"] if not check["ok"]]
    assert [(check["detail"], check["fix"]) for check in problems] == [
        ("briefgen.toml: unknown key 'papr' (did you mean 'paper'?)", "rename papr to paper"),
        ("briefgen.toml: unknown key 'glossary' (did you mean 'glossaries'?)", "rename glossary to glossaries"),
    ]


def test_a_font_the_theme_names_that_is_not_installed(article_folder, tmp_path):
    theme = article_folder / "theme"
    theme.mkdir()
    (theme / "extra.css").write_text(
        '/* html { font-family: "Commented Out Face"; } */\n'
        'h1 { font: bold 12pt/1.2 "No Such Face Anywhere", serif; }\n'
        '@font-face { font-family: "Shipped Face"; src: url(fonts/face.ttf); }\n'
        'p { font-family: "Shipped Face", serif; }\n', encoding="utf-8")
    (article_folder / "briefgen.toml").write_text('theme = "theme"\n', encoding="utf-8")
    result = invoke("doctor", article_folder, "-o", tmp_path)
    assert result.exit_code == ExitCode.ERROR
    problems = [line for line in result.stdout.splitlines() if line.startswith("PROBLEM")]
    assert len(problems) == 1
    assert 'font "No Such Face Anywhere"' in problems[0] and "-- fix: install" in problems[0]


def test_an_output_folder_that_cannot_be_made(article_folder, tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = invoke("doctor", article_folder, "-o", tmp_path / "file" / "out")
    assert result.exit_code == ExitCode.ERROR
    assert "is not a folder -- fix: choose another output folder" in result.stdout


def test_a_mistyped_folder(tmp_path):
    (tmp_path / "week12").mkdir()
    result = invoke("doctor", tmp_path / "wek12", "-o", tmp_path / "out")
    assert "folder not found (did you mean 'week12'?)" in result.stdout


def test_font_families_of_css():
    css = 'html { font: 10.5pt "DejaVu Serif", serif; } .k { font-family: Liberation Sans, "Noto Sans" !important; }'
    assert doctor.font_families(css) == ["DejaVu Serif", "Liberation Sans", "Noto Sans"]
