import datetime as dt
from pathlib import Path

import pytest

from briefgen.config import _PDF_VARIANTS, Settings, load_settings, parse_date, settings_template
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
    assert any(line.startswith("briefgen.toml: key 'output_name': expected a file name without folders") for line in lines)


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


def test_a_mistyped_key_gets_a_suggestion(tmp_path):
    (tmp_path / "briefgen.toml").write_text('papr = "letter"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^briefgen\.toml: unknown key 'papr' \(did you mean 'paper'\?\)$"):
        load_settings(tmp_path)


@pytest.mark.parametrize("value", ["“Week 12”", "‘Week 12’", "[“a.yaml”]"])
def test_smart_quotes_are_named_with_their_line(tmp_path, value):
    (tmp_path / "briefgen.toml").write_text(f'paper = "A4"\ntitle = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path)
    assert str(error.value).startswith(f"{tmp_path / 'briefgen.toml'}:2: the value is in curly “smart” quotes")


@pytest.mark.parametrize("name", ["Briefgen.toml", "briefgen.toml.txt", "BRIEFGEN.TOML", "brefgen.toml"])
def test_a_misnamed_settings_file_is_not_ignored(tmp_path, name):
    (tmp_path / name).write_text('title = "Week 3"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"settings file not read: rename it to briefgen\.toml") as error:
        load_settings(tmp_path)
    assert str(error.value).startswith(str(tmp_path / name))


def test_other_toml_files_are_not_taken_for_a_misnamed_settings_file(tmp_path):
    (tmp_path / "course.toml").write_text('title = "Week 3"\n', encoding="utf-8")
    assert load_settings(tmp_path) == Settings()


def test_the_date_key(tmp_path):
    (tmp_path / "briefgen.toml").write_text('date = "2026-12-07"\n', encoding="utf-8")
    assert load_settings(tmp_path).date == dt.date(2026, 12, 7)
    (tmp_path / "briefgen.toml").write_text("date = 2026-12-07\n", encoding="utf-8")
    assert load_settings(tmp_path).date == dt.date(2026, 12, 7)
    (tmp_path / "briefgen.toml").write_text('date = "next week"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="key 'date': expected a date YYYY-MM-DD or a weekday"):
        load_settings(tmp_path)


@pytest.mark.parametrize(("today", "weekday", "expected"), [
    (dt.date(2026, 12, 4), "monday", dt.date(2026, 12, 7)),  # a Friday build for Monday
    (dt.date(2026, 12, 7), "Monday", dt.date(2026, 12, 7)),  # on the day itself
    (dt.date(2026, 12, 8), "monday", dt.date(2026, 12, 14)),
])
def test_a_weekday_is_the_next_such_day(today, weekday, expected):
    assert parse_date(weekday, today) == expected
    assert parse_date("2026-01-02", today) == dt.date(2026, 1, 2)
    assert parse_date("someday", today) is None


def test_the_settings_template_lists_every_key_and_changes_nothing(tmp_path):
    from dataclasses import fields

    template = settings_template()
    for setting in fields(Settings):
        assert f"\n# {setting.name} = " in template, setting.name
    (tmp_path / "briefgen.toml").write_text(template, encoding="utf-8")
    assert load_settings(tmp_path) == Settings()


def test_every_key_of_the_settings_template_is_valid_as_shown(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "course-glossary.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "week03-briefing.json").write_text("{}\n", encoding="utf-8")
    lines = settings_template(theme="theme").splitlines()
    uncommented = [line.removeprefix("# ").split("   #")[0] for line in lines if " = " in line]
    (tmp_path / "briefgen.toml").write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.theme == (tmp_path / "theme").resolve()
    assert (settings.title, settings.paper, settings.summary_sentences) == ("Arms control briefing", "A4", 5)
    assert settings.date is not None and settings.date.weekday() == 0
