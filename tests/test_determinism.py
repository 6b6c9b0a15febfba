"""Same inputs, same date, same settings: the same HTML, JSON and PDF bytes, whether articles were
analysed in a process pool or one by one, fresh or from the cache, in any Python process."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import briefgen.build as build_module
from briefgen.build import build
from briefgen.config import Settings
from conftest import ARTICLE_MD, ARTICLE_TXT

EDITION = dt.date(2024, 6, 1)
SETTINGS = Settings(title="Fictional week")
COUNTRIES = ("northern", "southern", "eastern", "western", "island", "mountain", "river", "coastal")


@pytest.fixture
def week(tmp_path: Path) -> Path:
    """Enough articles for the process pool, each a little different."""
    folder = tmp_path / "week"
    folder.mkdir()
    for number, country in enumerate(COUNTRIES):
        text = ARTICLE_TXT if number % 2 else ARTICLE_MD
        suffix = ".txt" if number % 2 else ".md"
        (folder / f"{number:02d}-{country}{suffix}").write_text(text.replace("northern", country), encoding="utf-8")
    assert len(COUNTRIES) >= build_module.PARALLEL_THRESHOLD
    return folder


def outputs(result) -> dict[str, bytes]:
    return {path.suffix: path.read_bytes() for path in result.outputs}


def test_two_builds_give_identical_bytes_pool_or_not_cache_or_not(week, tmp_path, monkeypatch):
    pooled = outputs(build(week, tmp_path / "a", EDITION, SETTINGS, ["pdf", "html", "json"]))
    from_cache = outputs(build(week, tmp_path / "a", EDITION, SETTINGS, ["pdf", "html", "json"]))
    monkeypatch.setattr(build_module, "PARALLEL_THRESHOLD", len(COUNTRIES) + 1)
    serial = outputs(build(week, tmp_path / "b", EDITION, SETTINGS, ["html", "json"], use_cache=False))
    assert pooled == from_cache
    assert pooled[".html"] == serial[".html"]
    # A build that lays out a PDF also records the page of each box in the JSON; nothing else differs.
    with_pdf, without = json.loads(pooled[".json"]), json.loads(serial[".json"])
    assert with_pdf.pop("box_pages") and without.pop("box_pages") == [] and with_pdf == without
    assert pooled[".pdf"].startswith(b"%PDF") and b"northern" in pooled[".html"] and b"coastal" in pooled[".json"]


def test_the_pdf_is_dated_by_the_edition_not_the_clock(article_folder, tmp_path):
    result = build(article_folder, tmp_path, EDITION, SETTINGS, ["pdf"], use_cache=False)
    metadata = PdfReader(result.outputs[0]).metadata
    assert metadata["/CreationDate"].startswith("D:20240601")
    assert metadata.get("/ModDate", "D:20240601").startswith("D:20240601")


def test_processes_with_different_hash_seeds_write_the_same_html_and_json(week, tmp_path):
    """Set iteration order changes with PYTHONHASHSEED; none of it may leak into the output."""
    runs = []
    for seed in ("1", "2"):
        command = [sys.executable, "-c", "from briefgen.cli import main; main()", "build", str(week),
                   "-o", str(tmp_path / seed), "--date", EDITION.isoformat(), "-f", "html", "-f", "json", "-q"]
        runs.append(subprocess.Popen(command, env={**os.environ, "PYTHONHASHSEED": seed}))
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    for name in ("briefing-2024-06-01.html", "briefing-2024-06-01.json"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()
