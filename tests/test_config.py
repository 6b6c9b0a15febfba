from pathlib import Path

import pytest

from briefgen.config import Settings, load_settings
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
