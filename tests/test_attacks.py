"""What whoever supplies the articles, or can write to the output folder (a shared course drive),
may try: each test runs the commands such a person would, against `briefgen build` in a process
of its own, and checks that nothing ran, nothing was written elsewhere, and the build went on."""
from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.build import build, output_folders
from briefgen.cache import CACHE_FOLDER
from briefgen.cli import app
from briefgen.config import Settings, load_settings, output_file_name
from briefgen.errors import BriefgenError, ConfigError, ExitCode
from conftest import ARTICLE_MD, ARTICLE_TXT

EDITION = dt.date(2024, 6, 1)


def briefgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=cwd, capture_output=True, text=True,
                            timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def course(article_folder: Path) -> Path:
    """COURSE/week: the articles (as a colleague supplies them); COURSE/out: the shared output folder."""
    return article_folder.parent


class Exploit:
    """Unpickling this runs a shell command: what a poisoned pickle cache entry would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"id > {self.marker}",))


def test_a_poisoned_cache_entry_runs_nothing_and_is_recomputed_with_a_note(course):
    """Finding 1: overwriting every cache file with a pickle that runs a command."""
    assert briefgen("build", "week", "-o", "out", "-q", "-f", "json", cwd=course).returncode == 0
    entries = sorted((course / "out" / CACHE_FOLDER).iterdir())
    assert len(entries) == 2
    payload = pickle.dumps(Exploit(course / "PWNED"))
    for entry in entries:
        entry.write_bytes(payload)
        entry.with_suffix(".pickle").write_bytes(payload)  # the names an older briefgen read
    result = briefgen("build", "week", "-o", "out", "-q", "-f", "json", cwd=course)
    assert result.returncode == 0
    assert not (course / "PWNED").exists()
    notes = [line for line in result.stderr.splitlines() if "cache entry" in line]
    assert len(notes) == 2 and all("analysed again" in line for line in notes), result.stderr
    assert not list((course / "out" / CACHE_FOLDER).glob("*.pickle"))  # never loaded, now deleted
    # The entries written again are good ones: the next build uses them without a word.
    again = briefgen("build", "week", "-o", "out", "-q", "-f", "json", cwd=course)
    assert again.returncode == 0 and "cache entry" not in again.stderr


def test_a_forged_or_swapped_entry_is_not_trusted(article_folder, tmp_path):
    """An entry in the right format but not signed with this user's secret (written by someone
    else), or a good entry copied over another article's, is recomputed with a note."""
    build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    first, second = sorted((tmp_path / CACHE_FOLDER).iterdir())
    header, _, body = first.read_bytes().partition(b"\n")
    forged = body.replace(b"Lakeside Accord", b"Forged Accord")
    first.write_bytes(header + b"\n" + forged)
    second.write_bytes(first.read_bytes())  # the other article's name, this one's content
    result = build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    assert len([w for w in result.warnings if "was not written by briefgen" in w]) == 2
    assert "Forged" not in result.outputs[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", [
    b"\x80\x05\x96\xff\xff\xff\xff\xff\xff\xff\x7f",  # finding 6: the pickle frame of 8 EiB
    b"",
    b"briefgen-analysis 1\n{",
    b"[" * 100_000,
])
def test_a_damaged_entry_is_recomputed_with_a_note(article_folder, tmp_path, damage):
    build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    for entry in (tmp_path / CACHE_FOLDER).iterdir():
        entry.write_bytes(damage)
    result = build(article_folder, tmp_path, EDITION, Settings(), ["json"])
    assert len(result.briefing.digests) == 2
    assert len([w for w in result.warnings if "damaged" in w and "analysed again" in w]) == 2


def test_a_cache_folder_that_is_a_link_is_not_used(article_folder, tmp_path):
    """A link planted as OUT/.briefgen-cache would send entries (and their pruning) elsewhere."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_FOLDER).symlink_to(elsewhere)
    result = build(article_folder, out, EDITION, Settings(), ["json"])
    assert not list(elsewhere.iterdir())
    assert any("symbolic link" in warning for warning in result.warnings)
    assert len(result.briefing.digests) == 2


ESCAPE = "{date.__init__.__doc__[15]}{date.__init__.__doc__[15]}{date.__dir__.__text_signature__[8]}ESCAPED-{date}"


def assert_nothing_written(course: Path) -> None:
    written = [p for p in course.rglob("*") if "ESCAPED" in p.name or p.name.startswith("briefing")]
    assert written == [] and not list(Path("/tmp").glob("ESCAPED-*"))


def test_output_name_cannot_leave_the_output_folder(course):
    """Finding 2: briefgen.toml sits in the articles folder, so whoever supplies them writes it."""
    (course / "week" / "briefgen.toml").write_text(f'output_name = "{ESCAPE}"\n', encoding="utf-8")
    result = briefgen("build", "week", "-o", "out", "-q", "-f", "json", cwd=course)
    assert result.returncode == ExitCode.USAGE
    assert "key 'output_name'" in result.stderr and len(result.stderr.splitlines()) == 1
    assert_nothing_written(course)


@pytest.mark.parametrize("pattern", [
    "/tmp/ESCAPED-{date}",
    "..",
    "briefing\\u0000-{date}",
    "{date:>99999999}",
    "{date:.0}",
    "{date.__init__}",
    "{date!r}",
    "{0}",
    "x" * 300,
    "week\\n1",
])
def test_no_output_name_but_date_and_text_is_accepted(course, pattern):
    (course / "week" / "briefgen.toml").write_text(f'output_name = "{pattern}"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(course / "week"), "-o", str(course / "out"), "-q", "-f", "json"])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "key 'output_name'" in result.output and len(result.output.splitlines()) == 1
    assert_nothing_written(course)


def test_only_date_and_literal_text_make_an_output_name():
    assert output_file_name("pols245-{date}", EDITION) == "pols245-2024-06-01"
    assert output_file_name("{{week}}-{date}", EDITION) == "{week}-2024-06-01"
    for unsafe in ("a/b", "{date}/..", "{date.year}", "{date[0]}", ".hidden-{date}", "a..b"):
        with pytest.raises(ConfigError):
            output_file_name(unsafe, EDITION)


def test_an_unsafe_output_name_set_in_code_is_refused_too(article_folder, tmp_path):
    with pytest.raises(ConfigError):
        build(article_folder, tmp_path / "out", EDITION, Settings(output_name="../{date}"), ["json"])
    assert not list(tmp_path.glob("*.json"))


def test_folders_of_the_same_name_get_their_own_briefings(course):
    """Finding 9: x/week1 and y/week1 overwrote each other's briefing."""
    for parent, text in (("x", ARTICLE_TXT), ("y", ARTICLE_MD)):
        (course / parent / "week1").mkdir(parents=True)
        (course / parent / "week1" / "article.txt").write_text(text, encoding="utf-8")
    result = briefgen("build", "x/week1", "y/week1", "-o", "out", "-q", "-f", "json", "--date", "2024-06-01",
                      cwd=course)
    assert result.returncode == 0, result.stderr
    first = (course / "out" / "week1" / "briefing-2024-06-01.json").read_text(encoding="utf-8")
    second = (course / "out" / "week1-2" / "briefing-2024-06-01.json").read_text(encoding="utf-8")
    assert "Lakeside Accord" in first and "Inspectors return" in second


def test_the_articles_folder_is_never_the_output_folder(course):
    """Finding 9: `-o in` made the briefing an article of the next build."""
    result = briefgen("build", "week", "-o", "week", "-q", "-f", "json", cwd=course)
    assert result.returncode == ExitCode.USAGE and "is a folder of articles" in result.stderr
    assert not list((course / "week").glob("briefing*"))
    (course / "in2").mkdir()
    (course / "in2" / "a.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    # Several folders write into OUTPUT/<name>: with -o . that is the articles folder itself.
    result = briefgen("build", "week", "in2", "-o", ".", "-q", "-f", "json", cwd=course)
    assert result.returncode == ExitCode.USAGE and "is a folder of articles" in result.stderr


def test_the_same_folder_twice_is_built_once(tmp_path, article_folder):
    assert output_folders([article_folder, article_folder / ".." / article_folder.name], tmp_path) == [
        (article_folder, tmp_path)]


def test_one_empty_folder_does_not_stop_the_others(course):
    """Finding 9: a multi-folder build stopped at the first empty folder."""
    (course / "empty").mkdir()
    result = briefgen("build", "empty", "week", "-o", "out", "-q", "-f", "json", "--date", "2024-06-01", cwd=course)
    assert result.returncode == ExitCode.ERROR
    assert "no articles found" in result.stderr
    assert (course / "out" / "week" / "briefing-2024-06-01.json").is_file()


def test_settings_loaded_from_the_articles_folder_are_checked(course):
    (course / "week" / "briefgen.toml").write_text('output_name = "week-{date}"\n', encoding="utf-8")
    assert load_settings(course / "week").output_name == "week-{date}"


OSC_TITLE = "\x1b]0;PWNED\x07"  # sets the terminal window's title
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"  # writes the clipboard


def test_control_characters_in_names_and_text_reach_the_terminal_escaped(course):
    """Finding 8: file names and article text went raw to the terminal (OSC sequences), and a
    newline in a file name forged a warning line."""
    week = course / "week"
    (week / f"evil{OSC_TITLE}.txt").write_bytes(b"")  # skipped: a warning names it
    (week / "forged\nbriefgen: warning: all is well.txt").write_bytes(b"")
    (week / "osc.txt").write_text(ARTICLE_TXT.replace("Ministers from", f"Ministers{OSC_CLIPBOARD} from"),
                                  encoding="utf-8")
    result = briefgen("build", "week", "-o", "out", "-q", "-f", "json", "--date", "2024-06-01", cwd=course)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr
    assert "evil\\x1b]0;PWNED\\x07.txt" in result.stderr
    assert not any(line.startswith("briefgen: warning: all is well") for line in result.stderr.splitlines())
    assert all(line.startswith("briefgen: ") for line in result.stderr.splitlines()), result.stderr
    # Article text printed by the single-file commands is escaped too, on stdout.
    printed = briefgen("extract", "week/osc.txt", cwd=course)
    assert printed.returncode == 0 and "\x1b" not in printed.stdout and "Ministers\\x1b]52;" in printed.stdout
    as_json = briefgen("extract", "--json", "week/osc.txt", cwd=course)
    assert "\x1b" not in as_json.stdout and "\\u001b]52" in as_json.stdout


def test_an_interrupted_multi_format_write_keeps_all_the_old_outputs(article_folder, tmp_path, monkeypatch):
    """Finding 9: a write stopped after the first output left a new file beside old ones."""
    out = tmp_path / "out"
    build(article_folder, out, EDITION, Settings(), ["json", "html", "md"], use_cache=False)
    old = {path.name: path.read_bytes() for path in out.glob("briefing*")}
    assert len(old) == 3
    (article_folder / "c-more.txt").write_text(ARTICLE_TXT.replace("Lakeside", "Hillside"), encoding="utf-8")
    real_write = os.fdopen
    calls = []

    def failing_fdopen(fd, *args, **kwargs):
        calls.append(fd)
        if len(calls) == 3:  # the third output's bytes: as a full disk would stop it
            os.close(fd)
            raise OSError(28, "No space left on device")
        return real_write(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    with pytest.raises(BriefgenError, match="No space left on device"):
        build(article_folder, out, EDITION, Settings(), ["json", "html", "md"], use_cache=False)
    monkeypatch.undo()
    assert {path.name: path.read_bytes() for path in out.glob("briefing*")} == old
    assert not list(out.glob(".*.part"))


def test_part_files_a_killed_build_left_are_removed(article_folder, tmp_path):
    """Finding 9: .part files left by SIGKILL were never cleaned up; a recent one (another build
    may be writing it) stays."""
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".briefing-2024-06-01.json.k1ll3d.part"
    recent = out / ".briefing-2024-06-01.json.wr1t1ng.part"
    other = out / ".notes.txt.abc.part"  # not ours: never touched
    for part in (stale, recent, other):
        part.write_bytes(b"half")
    os.utime(stale, (1, 1))
    os.utime(other, (1, 1))
    build(article_folder, out, EDITION, Settings(), ["json"], use_cache=False)
    assert not stale.exists() and recent.exists() and other.exists()
