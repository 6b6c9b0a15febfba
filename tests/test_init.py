"""briefgen init: a commented briefgen.toml, and on request the smallest theme to edit."""
import datetime as dt
import re
from dataclasses import replace

from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import Settings, load_settings
from briefgen.errors import ExitCode

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_init_writes_a_settings_file_that_loads_as_the_defaults(tmp_path):
    folder = tmp_path / "week12"
    result = invoke("init", folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str((folder / "briefgen.toml").resolve())]
    assert "briefgen build" in result.stderr
    text = (folder / "briefgen.toml").read_text(encoding="utf-8")
    assert "# paper = \"A4\"" in text and "# summary_sentences = 5" in text
    assert load_settings(folder) == Settings()


def test_init_with_a_theme_writes_only_extra_css_and_one_override(tmp_path):
    result = invoke("init", tmp_path, "--theme")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "theme").iterdir()) == ["article.html", "extra.css"]
    assert '\ntheme = "theme"\n' in (tmp_path / "briefgen.toml").read_text(encoding="utf-8")
    assert load_settings(tmp_path).theme == (tmp_path / "theme").resolve()
    assert '{% extends "!default/article.html" %}' in (tmp_path / "theme" / "article.html").read_text()


def test_the_starter_theme_changes_nothing_until_it_is_edited(tmp_path, article_folder):
    from briefgen.analyse.glossary import BUILTIN_GLOSSARY, load_glossary
    from briefgen.build import analyse_files
    from briefgen.publish.assemble import assemble
    from briefgen.publish.render import render_html

    invoke("init", tmp_path, "--theme")
    themed = load_settings(tmp_path)
    digests, _ = analyse_files(sorted(article_folder.iterdir()), load_glossary([BUILTIN_GLOSSARY]), themed)
    briefing = assemble(digests, themed, dt.date(2024, 6, 1))
    plain = render_html(briefing, replace(themed, theme=None))
    def visible(html):  # the extra.css comments are all the starter theme adds
        return re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", html, flags=re.S))

    assert visible(render_html(briefing, themed)) == visible(plain)


def test_init_never_overwrites(tmp_path):
    (tmp_path / "briefgen.toml").write_text('title = "Mine"\n', encoding="utf-8")
    result = invoke("init", tmp_path, "--theme")
    assert result.exit_code == ExitCode.ERROR
    assert "briefgen.toml: already exists; briefgen init never overwrites a file" in result.output
    assert (tmp_path / "briefgen.toml").read_text(encoding="utf-8") == 'title = "Mine"\n'
    assert not (tmp_path / "theme").exists()
