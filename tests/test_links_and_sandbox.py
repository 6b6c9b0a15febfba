"""Findings 4 and 10 of issue 20: links in the articles folder and the theme that lead out of
their folder are refused with a warning, a theme's templates run in a sandbox, and no theme or
glossary may be the root or a system folder."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.build import build
from briefgen.cli import app
from briefgen.config import Settings, load_settings
from briefgen.errors import ConfigError, ExitCode, ThemeError
from briefgen.publish.render import render_html
from conftest import ARTICLE_TXT
from test_render import make_briefing

EDITION = dt.date(2024, 6, 1)
SECRET = "PRIVATE-KEY-MATERIAL"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A private file beside the course folder (outside it)."""
    path = tmp_path / "private.txt"
    path.write_text(f"Ministers agreed on a secret.\n\nThe {SECRET} was read by the build.\n", encoding="utf-8")
    return path


def test_an_article_linked_to_a_file_outside_the_folder_is_refused(article_folder, tmp_path, secret):
    (article_folder / "notes.txt").symlink_to(secret)
    (article_folder / "again.txt").symlink_to("a-accord.txt")  # a link that stays inside is an article
    result = build(article_folder, tmp_path / "out", EDITION, Settings(), ["json"], use_cache=False)
    assert [w for w in result.warnings if "notes.txt" in w] == [
        f"skipped {article_folder / 'notes.txt'}: a link to a file outside its folder ({secret}); not read"]
    assert len(result.briefing.digests) == 3
    assert SECRET not in result.outputs[0].read_text(encoding="utf-8")


def test_a_course_glossary_linked_outside_the_folder_is_refused(article_folder, secret):
    (article_folder / "glossary.yaml").symlink_to(secret)
    with pytest.raises(ConfigError, match="a link to a file outside its folder"):
        load_settings(article_folder)


def test_theme_files_linked_outside_the_theme_are_not_used(article_folder, tmp_path, secret):
    theme = tmp_path / "theme"
    theme.mkdir()
    for name in ("extra.css", "logo.svg", "article.html"):
        (theme / name).symlink_to(secret)
    result = build(article_folder, tmp_path / "out", EDITION, Settings(theme=theme), ["html"], use_cache=False)
    html = result.outputs[0].read_text(encoding="utf-8")
    assert SECRET not in html and "UFJJVkFURS1LRVk" not in html  # nor base64 in a logo data: URL
    assert "Lakeside Accord" in html  # the built-in article.html took the link's place
    refused = [w for w in result.warnings if "a link to a file outside its folder" in w]
    assert len(refused) == 3 and all("the built-in one is used" in w for w in refused)


@pytest.mark.parametrize("template", [
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% set x = briefing.digests.__class__ %}{{ x.__init__.__globals__ }}",
    "{{ settings.__class__.__init__.__globals__['os'].system('touch MARKER') }}",
])
def test_a_theme_template_cannot_reach_python(tmp_path, template, monkeypatch):
    monkeypatch.chdir(tmp_path)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "briefing.html").write_text(template, encoding="utf-8")
    with pytest.raises(ThemeError):
        render_html(make_briefing(), Settings(theme=theme))
    assert not (tmp_path / "MARKER").exists()


@pytest.mark.parametrize("template", [
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{{ 'x' * 10 ** 9 }}",
    "{{ 'x' * 1000000000 }}",
    "{{ 2 ** 100000000 }}",
    "{{ 'x'.center(1000000000) }}",
    "{{ '%999999999s' % 'x' }}",
    "{{ ('x' * 900000) * 2 }}",
])
def test_a_theme_template_cannot_stall_the_build(tmp_path, template):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "briefing.html").write_text(template, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ThemeError, match="template error: SecurityError"):
        render_html(make_briefing(), Settings(theme=theme))
    assert time.monotonic() - started < 10


def test_the_default_theme_and_loops_over_the_briefing_still_render(tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "briefing.html").write_text(
        '{% extends "!default/briefing.html" %}{% block masthead %}'
        "{% for digest in briefing.digests %}<p>{{ loop.index }} {{ digest.article.title | upper }}</p>{% endfor %}"
        "{{ super() }}{% endblock %}", encoding="utf-8")
    html = render_html(make_briefing(), Settings(theme=theme))
    assert "<p>1 " in html


@pytest.mark.parametrize("setting", ['theme = "/"', 'theme = "/etc"', 'theme = "../../../../../../../../.."',
                                     'glossaries = ["/etc/passwd"]', 'theme = "/proc/self"'])
def test_a_theme_or_glossary_may_not_be_the_root_or_a_system_folder(tmp_path, setting):
    (tmp_path / "briefgen.toml").write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"system folder|far more than a course"):
        load_settings(tmp_path)


def test_a_theme_template_that_is_not_utf8_is_one_clear_error(article_folder, tmp_path):
    """Finding 6: a theme briefing.html in another encoding gave a traceback."""
    theme = article_folder / "theme"
    theme.mkdir()
    (theme / "briefing.html").write_bytes("<h1>Sécurité</h1>".encode("cp1252"))
    (article_folder / "briefgen.toml").write_text('theme = "theme"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(article_folder), "-o", str(tmp_path / "out"), "-f", "html", "-q"])
    assert result.exit_code == ExitCode.ERROR, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert f"{theme / 'briefing.html'}: not UTF-8 text (byte 6); save the file as UTF-8" in result.output


def test_an_ordinary_article_still_builds_through_a_linked_folder(tmp_path):
    real = tmp_path / "real-week"
    real.mkdir()
    (real / "a.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (tmp_path / "week").symlink_to(real)  # the folder itself may be a link: its files are inside it
    result = build(tmp_path / "week", tmp_path / "out", EDITION, Settings(), ["json"], use_cache=False)
    assert len(result.briefing.digests) == 1 and not result.warnings
