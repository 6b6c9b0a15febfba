"""Whole builds over mutated articles, file names and settings (issue 20): whatever a course
folder holds, a build ends with an exit code and one-line messages, never a traceback, writes
nothing outside its output folder, and builds every good article.

Derandomized like the property tests, with a small budget so CI stays fast; for a longer random
search: BRIEFGEN_EXPLORE=300 python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.errors import ExitCode
from conftest import ARTICLE_MD, ARTICLE_TXT

_EXPLORE = int(os.environ.get("BRIEFGEN_EXPLORE", "0"))
BUDGET = settings(
    max_examples=_EXPLORE or 12,
    derandomize=not _EXPLORE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HTML = ("<html><head><title>Inspectors return</title></head><body><h1>Inspectors return</h1>"
        "<p>Inspectors from an international monitoring body returned on Thursday to a fictional test site "
        "in the north after a pause of two years, officials said.</p></body></html>")
# Pieces that broke briefgen before, or are the kind of thing that does.
HOSTILE = ['"A" ' * 50, "\u00a0\t " * 40, "__a " * 40, "<li>a" * 40, "<embed src=x>", "\x1b]0;t\x07", "\x00",
           "\r", "TÜBİTAK (TBTK)", "---\ndate: 2026-02-30\n---\n", "&l0 *l0", "\ufeff", "\udcff", "{{ 7*7 }}",
           "{% for x in y %}", "<script>alert(1)</script>", "\u202e", "(" * 30, "“" * 20, "İ" * 10, "\n\n\n"]

base_text = st.sampled_from([ARTICLE_TXT, ARTICLE_MD, HTML])
insertion = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
# Names a file system takes: no separator, no NUL, not "." or "..", short enough.
file_stem = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1,
                    max_size=40).filter(lambda s: s not in (".", "..") and len(s.encode()) < 200)
setting = st.sampled_from([
    "", 'title = "Week \\u001b]0;x\\u0007 7"\n', 'output_name = "{date}/../x"\n', 'output_name = "../../{date}"\n',
    'theme = "/"\n', "summary_sentences = -1\n", "summary_sentences = 10000000000000000000000\n",
    'date = "2026-02-30"\n', "[[[x]]]\n", 'glossaries = ["glossary.yaml"]\n', "a = " + "[" * 40 + "]" * 40 + "\n",
])


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    text = draw(base_text)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 30))
        text = text[:at] + draw(insertion) + text[at + cut:]
    kind = draw(st.sampled_from(["txt", "md", "html"]))
    data = text.encode("utf-8", "surrogateescape") if draw(st.booleans()) else text.encode("utf-8", "replace")
    return f"{draw(file_stem)}.{kind}", data


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


@BUDGET
@given(st.lists(mutated(), min_size=1, max_size=3), setting)
def test_a_build_of_any_folder_fails_well(articles, toml):
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        week, out = base / "week", base / "out"
        week.mkdir()
        (week / "000-good.txt").write_text(ARTICLE_TXT, encoding="utf-8")
        for name, data in articles:
            if name != "000-good.txt":
                (week / name).write_bytes(data)
        if toml:
            (week / "briefgen.toml").write_text(toml, encoding="utf-8")
        before = files_under(base)
        result = CliRunner().invoke(app, ["build", str(week), "-o", str(out), "-q", "-f", "json", "--no-cache",
                                          "--date", "2024-06-01"])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output and "internal error" not in result.output, result.output
        assert result.exit_code in {int(code) for code in ExitCode}, result.output
        assert "\x1b" not in result.output
        created = files_under(base) - before
        assert all(path.is_relative_to(out) for path in created), created
        if result.exit_code in (ExitCode.OK, ExitCode.STRICT_WARNINGS):
            briefing = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
            assert "000-good.txt" in [digest["article"]["path"] for digest in briefing["digests"]]
        else:  # refused settings: one line per problem, each starting with briefgen:
            assert result.output and all(line.startswith("briefgen: ") for line in result.output.splitlines())
