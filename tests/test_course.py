"""A course that remembers: a term an earlier week's briefing explained in a box prints in a later
week as one line, "explained in week 3: p. N", and the earlier briefing's JSON records the pages."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings
from briefgen.errors import InputError
from briefgen.publish.course import earlier_explanations

WEEK3 = """Talks resume on the fictional treaty

Delegates met in Vienna on Monday. The Nuclear Non-Proliferation Treaty (NPT) was the main subject,
and the IAEA reported on its inspections.
"""

WEEK7 = """Review of the fictional treaty

Delegates said the NPT was under strain. Missile defence was debated too.
"""


def week(root: Path, name: str, text: str, toml: str = "") -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    if toml:
        (folder / "briefgen.toml").write_text(toml, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def week3_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("course")
    folder = week(root, "week03", WEEK3, 'title = "Arms control, week 3"\n')
    out = root / "week03-out"
    build(folder, out, dt.date(2026, 11, 2), load_settings(folder), ["pdf", "json"], use_cache=False)
    return out


def test_the_json_of_a_pdf_build_records_the_page_of_each_box(week3_output: Path) -> None:
    briefing = json.loads(next(week3_output.glob("*.json")).read_text(encoding="utf-8"))
    boxed = {term["term"] for digest in briefing["digests"] for term in digest["terms"]}
    pages = dict(briefing["box_pages"])
    assert {"NPT", "IAEA"} <= boxed and set(pages) == boxed
    assert all(isinstance(page, int) and page >= 1 for page in pages.values())


def test_a_term_explained_in_week_3_is_one_line_in_week_7(week3_output: Path, tmp_path: Path) -> None:
    folder = week(tmp_path, "week07", WEEK7, f'earlier_briefings = ["{week3_output}"]\n')
    result = build(folder, tmp_path / "out", dt.date(2026, 12, 7), load_settings(folder), ["html", "json"],
                   use_cache=False)
    digest = result.briefing.digests[0]
    assert "NPT" not in {term.term for term in digest.terms}
    assert "Missile defence" in {term.term for term in digest.terms}
    [note] = digest.earlier
    page = dict(json.loads(next(week3_output.glob("*.json")).read_text(encoding="utf-8"))["box_pages"])["NPT"]
    assert (note.term, note.briefing, note.page) == ("NPT", "week 3", page)
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert f"NPT — explained in week 3: p. {page}" in html


def test_notes_carry_over_and_unknown_paths_are_named(week3_output: Path, tmp_path: Path) -> None:
    later = {"title": "Week 5", "date": "2026-11-16", "box_pages": [],
             "digests": [{"terms": [], "earlier": [{"term": "IAEA", "briefing": "week 3", "page": 2}]}]}
    (tmp_path / "week05.json").write_text(json.dumps(later), encoding="utf-8")
    found = earlier_explanations([tmp_path / "week05.json"])
    assert (found["iaea"].briefing, found["iaea"].page) == ("week 3", 2)
    with pytest.raises(InputError, match="not a briefing's JSON"):
        (tmp_path / "other.json").write_text("[1, 2]", encoding="utf-8")
        earlier_explanations([tmp_path / "other.json"])
    with pytest.raises(InputError, match="no briefing JSON"):
        (tmp_path / "empty").mkdir()
        earlier_explanations([tmp_path / "empty"])
