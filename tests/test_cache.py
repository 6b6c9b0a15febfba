"""The analysis cache: a rebuild reuses unchanged articles and never serves a stale analysis."""
import datetime as dt
import os
import time
from pathlib import Path

import pytest

import briefgen.build as build_module
from briefgen.build import build
from briefgen.cache import CACHE_FOLDER, MAX_AGE_DAYS
from briefgen.config import Settings

EDITION = dt.date(2024, 6, 1)


class Analysed:
    """The names of the files really analysed (not served from the cache), in any process: each
    analysis appends its name to a file, as workers share no memory with the test."""

    def __init__(self, log: Path):
        self.log = log

    def names(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").split() if self.log.exists() else []

    def __len__(self) -> int:
        return len(self.names())

    def clear(self) -> None:
        self.log.unlink(missing_ok=True)


@pytest.fixture
def analysed(monkeypatch, tmp_path_factory):
    log = tmp_path_factory.mktemp("analysed") / "names"
    real = build_module._analyse_one

    def counting(path, data):
        with open(log, "a", encoding="utf-8") as names:
            names.write(path.name + "\n")
        return real(path, data)

    monkeypatch.setattr(build_module, "_analyse_one", counting)
    return Analysed(log)


def test_a_rebuild_with_a_new_title_reuses_every_analysis(article_folder, tmp_path, analysed):
    build(article_folder, tmp_path, EDITION, Settings(title="First"), ["json"])
    first = len(analysed)
    result = build(article_folder, tmp_path, EDITION, Settings(title="Second"), ["json"])
    assert first == 2 and len(analysed) == first
    assert result.briefing.title == "Second"
    assert [d.article.path.parent for d in result.briefing.digests] == [article_folder] * 2


def test_an_edited_article_is_analysed_again_and_only_it(article_folder, tmp_path, analysed):
    build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    analysed.clear()
    edited = sorted(article_folder.glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    result = build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    assert analysed.names() == [edited.name]
    assert any("closing paragraph" in d.article.body for d in result.briefing.digests)


def test_settings_that_change_analysis_miss_the_cache(article_folder, tmp_path, analysed):
    build(article_folder, tmp_path, EDITION, Settings(summary_sentences=5), ["json"])
    analysed.clear()
    build(article_folder, tmp_path, EDITION, Settings(summary_sentences=2), ["json"])
    assert len(analysed) == 2


def test_no_cache_analyses_everything_and_writes_no_cache(article_folder, tmp_path, analysed):
    build(article_folder, tmp_path, EDITION, Settings(), ["json"], use_cache=False)
    build(article_folder, tmp_path, EDITION, Settings(), ["json"], use_cache=False)
    assert len(analysed) == 4
    assert not (tmp_path / CACHE_FOLDER).exists()


def test_a_corrupt_entry_is_recomputed(article_folder, tmp_path, analysed):
    build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    for entry in (tmp_path / CACHE_FOLDER).iterdir():
        entry.write_bytes(b"not a pickle")
    analysed.clear()
    result = build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    assert len(analysed) == 2 and len(result.briefing.digests) == 2


def test_entries_unused_for_a_month_are_pruned(article_folder, tmp_path):
    (tmp_path / CACHE_FOLDER).mkdir()
    stale = tmp_path / CACHE_FOLDER / "stale.pickle"
    stale.write_bytes(b"old")
    old = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    entries = list((tmp_path / CACHE_FOLDER).iterdir())
    assert not stale.exists() and len(entries) == 2
