"""Course themes: overriding one block, extra.css, a logo, `theme init`, broken templates."""
import base64
import io

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import Settings
from briefgen.errors import ThemeError
from briefgen.publish.render import builtin_theme_dir, init_theme, render_html, render_pdf
from test_render import EDITION, make_briefing

# A 1x1 PNG, enough to stand for a course logo.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def test_course_theme_overrides_one_article_block_in_the_pdf(tmp_path):
    (tmp_path / "article.html").write_text(
        '{% extends "!default/article.html" %}\n'
        '{% block quotes %}<p class="homework">Question for {{ article.title }}: who gains?</p>{% endblock %}\n')
    (tmp_path / "extra.css").write_text(".homework { font-weight: bold; }")
    (tmp_path / "logo.png").write_bytes(PNG)
    settings = Settings(theme=tmp_path)
    html = render_html(make_briefing(), settings)
    reader = PdfReader(io.BytesIO(render_pdf(html, settings, (), EDITION)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Question for Ministers extend the fictional Lakeside Accord: who gains?" in text
    assert "Key quotes" not in text  # the overridden block is gone...
    for default_part in ("Key points", "SUMMARY", "CONTEXT", "Glossary", "Sources", "Wire · 3 March 2024"):
        assert default_part in text  # ...and everything else is the default theme
    assert "data:image/png;base64," in html and '<img class="logo"' in html
    assert any("/XObject" in page["/Resources"] for page in reader.pages[:1])  # the logo is drawn


def test_course_theme_overrides_a_briefing_block_with_super(tmp_path):
    (tmp_path / "briefing.html").write_text(
        '{% extends "!default/briefing.html" %}'
        '{% block masthead %}<p class="note">Read before Tuesday</p>{{ super() }}{% endblock %}')
    html = render_html(make_briefing(), Settings(theme=tmp_path))
    assert '<p class="note">Read before Tuesday</p>' in html
    assert "Fictional week" in html and "Key points" in html


def test_a_theme_file_replaces_the_default_one(tmp_path):
    (tmp_path / "style.css").write_text("body { font-family: serif; } /* course style */")
    html = render_html(make_briefing(), Settings(theme=tmp_path))
    assert "/* course style */" in html and "DejaVu" not in html


def test_extra_css_comes_after_the_default_style(tmp_path):
    (tmp_path / "extra.css").write_text(".headline { color: #123456; }")
    html = render_html(make_briefing(), Settings(theme=tmp_path))
    assert html.index("DejaVu Serif") < html.index("#123456")


def test_no_logo_without_a_logo_file():
    assert "<img" not in render_html(make_briefing(), Settings())


def test_theme_init_copies_a_theme_that_renders_like_the_default(tmp_path):
    copied = init_theme(tmp_path / "theme")
    assert {p.name for p in copied} == {p.name for p in builtin_theme_dir().iterdir() if p.is_file()}
    assert render_html(make_briefing(), Settings(theme=tmp_path / "theme")) == render_html(make_briefing(), Settings())
    with pytest.raises(ThemeError, match="would overwrite"):
        init_theme(tmp_path / "theme")


def test_theme_init_command(tmp_path):
    result = CliRunner().invoke(app, ["theme", "init", str(tmp_path / "course")])
    assert result.exit_code == 0
    assert (tmp_path / "course" / "article.html").is_file()


@pytest.mark.parametrize("source, line, message", [
    ("<p>fine</p>\n{% if %}\n", 2, "template error"),  # syntax
    ("<p>fine</p>\n<p>\n{{ no_such_name }}</p>\n", 3, "unknown name"),  # unknown variable
    ("<p>{{ 1 // 0 }}</p>\n", 1, "ZeroDivisionError"),  # fails while rendering
    ('\n{% include "missing.html" %}\n', 2, "template not found: missing.html"),
])
def test_a_broken_template_names_its_file_and_line(tmp_path, source, line, message):
    (tmp_path / "article.html").write_text(source)
    with pytest.raises(ThemeError) as raised:
        render_html(make_briefing(), Settings(theme=tmp_path))
    text = str(raised.value)
    assert text.startswith(f"{tmp_path / 'article.html'}:{line}: ") and message in text
    assert "\n" not in text


def test_the_readme_worked_example_renders():
    from pathlib import Path

    from briefgen.config import load_settings

    example = Path(__file__).resolve().parents[1] / "docs" / "example" / "briefgen.toml"
    settings = load_settings(None, example)
    assert (settings.course, settings.paper) == ("POLS 245: Nuclear Weapons and World Politics", "letter")
    html = render_html(make_briefing(), settings)
    assert html.count('class="homework"') == 2 and "data:image/svg+xml;base64," in html
    assert "@page" in html and ".homework" in html  # default style, then the course's extra.css
