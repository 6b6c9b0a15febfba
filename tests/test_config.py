from pathlib import Path

import pytest

from briefgen.config import _PDF_VARIANTS, Settings, load_settings
from briefgen.errors import ConfigError


def test_defaults_without_a_config_file(tmp_path):
    assert load_settings(tmp_path) == Settings()


def test_config_file_and_overrides(tmp_path):
    (tmp_path / "briefgen.toml").write_text('title = "Week 3"\npaper = "Letter"\nsummary_sentences = 3\n')
    settings = load_settings(tmp_path, title=None)
    assert (settings.title, settings.paper, settings.summary_sentences) == ("Week 3", "letter", 3)
    assert load_settings(tmp_path, title="Override").title == "Override"


def test_every_problem_is_reported_at_once(tmp_path):
    (tmp_path / "briefgen.toml").write_text('paper = "A5"\nsummary_sentences = "many"\ncolour = "red"\n')
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path)
    lines = str(error.value).splitlines()
    assert "briefgen.toml: key 'paper': expected A4 or letter" in lines
    assert any("key 'summary_sentences'" in line for line in lines)
    assert any("unknown key 'colour'" in line for line in lines)


def test_paths_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "course.yaml").write_text("[]")
    (tmp_path / "briefgen.toml").write_text('theme = "theme"\nglossaries = ["course.yaml"]\n')
    settings = load_settings(tmp_path)
    assert settings.theme == (tmp_path / "theme").resolve()
    assert settings.glossaries == ((tmp_path / "course.yaml").resolve(),)


def test_invalid_toml_is_one_clear_error(tmp_path):
    (tmp_path / "briefgen.toml").write_text("title = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(tmp_path)


def test_explicit_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path, Path(tmp_path / "missing.toml"))


def test_every_key_is_checked_and_each_problem_named(tmp_path):
    (tmp_path / "briefgen.toml").write_text(
        'title = ""\nlanguage = "English!"\noutput_name = "week-{week}"\ntheme = ["a", "b"]\n'
        'glossaries = "course.yaml"\npdf_variant = "pdf/x-4"\nquotes_per_article = true\n')
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path)
    assert str(error.value).splitlines() == [
        "briefgen.toml: key 'title': expected a non-empty text",
        "briefgen.toml: key 'language': expected a language tag such as en, en-GB or fr",
        "briefgen.toml: key 'output_name': expected a file name in which {date} is the only placeholder",
        "briefgen.toml: key 'theme': expected a folder path",
        "briefgen.toml: key 'glossaries': expected a list of paths",
        "briefgen.toml: key 'pdf_variant': expected one of " + ", ".join(_PDF_VARIANTS),
        "briefgen.toml: key 'quotes_per_article': expected a whole number from 0 to 10",
    ]


def test_missing_theme_folder_and_glossary_file(tmp_path):
    (tmp_path / "briefgen.toml").write_text('theme = "nowhere"\nglossaries = ["missing.yaml"]\noutput_name = "../x"\n')
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path)
    lines = str(error.value).splitlines()
    assert f"briefgen.toml: key 'theme': folder not found: {(tmp_path / 'nowhere').resolve()}" in lines
    assert any(line.startswith("briefgen.toml: key 'glossaries': file not found:") for line in lines)
    assert "briefgen.toml: key 'output_name': expected a file name without folders" in lines


def test_a_full_course_config(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "briefgen.toml").write_text(
        'title = "Week 12"\ncourse = "POLS 245"\ninstructor = "Dr. A. Teacher"\ninstitution = "Example University"\n'
        'paper = "letter"\nlanguage = "en-GB"\nquotes_per_article = 0\nboxes_per_article = 4\n'
        'theme = "theme"\noutput_name = "pols245-{date}"\npdf_variant = "PDF/UA-1"\n')
    settings = load_settings(tmp_path)
    assert (settings.course, settings.paper, settings.language, settings.quotes_per_article) == (
        "POLS 245", "letter", "en-GB", 0)
    assert (settings.output_name, settings.pdf_variant) == ("pols245-{date}", "pdf/ua-1")


def test_problems_name_the_file_given_with_config(tmp_path):
    other = tmp_path / "course.toml"
    other.write_text('paper = "A5"\n')
    with pytest.raises(ConfigError, match=r"^course\.toml: key 'paper': expected A4 or letter$"):
        load_settings(tmp_path, other)


def test_the_pdf_variants_offered_are_ones_weasyprint_writes():
    from weasyprint.pdf import VARIANTS

    assert set(_PDF_VARIANTS) <= set(VARIANTS)


def test_a_glossary_yaml_beside_the_articles_is_the_course_glossary(tmp_path):
    (tmp_path / "glossary.yaml").write_text("[]\n", encoding="utf-8")
    assert load_settings(tmp_path).glossaries == ((tmp_path / "glossary.yaml").resolve(),)


def test_glossaries_named_in_the_config_replace_the_one_beside_the_articles(tmp_path):
    (tmp_path / "glossary.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "week.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "briefgen.toml").write_text('glossaries = ["week.yaml"]\n', encoding="utf-8")
    assert load_settings(tmp_path).glossaries == ((tmp_path / "week.yaml").resolve(),)
