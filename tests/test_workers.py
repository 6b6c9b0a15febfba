"""Finding 5 of issue 20: workers that fail well. A killed worker costs only its own article,
Ctrl-C stops a build within two seconds without a traceback however often it is pressed, no
worker outlives the parent, and an article past the time limit is skipped with a warning.

The slow and the dying articles are made so by replacing the analysis of some file names
(inherited by the forked workers, or set up by a small script for a build in its own process);
every other article is analysed for real."""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import briefgen.analyse as analysis
import briefgen.build as build_module
from briefgen.build import build
from briefgen.cli import app
from briefgen.config import Settings
from briefgen.errors import ExitCode
from conftest import ARTICLE_TXT

EDITION = dt.date(2024, 6, 1)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def many_articles(folder: Path, count: int, *special: str) -> Path:
    """`count` ordinary articles (enough for several workers), plus the `special` file names."""
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:02d}-article.txt").write_text(ARTICLE_TXT.replace("Sunday", f"day {number}"),
                                                          encoding="utf-8")
    for name in special:
        (folder / name).write_text(ARTICLE_TXT, encoding="utf-8")
    return folder


def in_a_worker() -> bool:
    return multiprocessing.parent_process() is not None


@pytest.fixture
def dying_in_workers(monkeypatch):
    """'doomed' articles kill the worker analysing them, as the out-of-memory killer would."""
    real = analysis.analyse

    def analyse(article, *args):
        name = article.path.name
        if name.startswith(("doomed", "cursed")) and in_a_worker():
            os.kill(os.getpid(), signal.SIGKILL)
        if name.startswith("cursed"):  # it fails in the main process too
            raise MemoryError
        return real(article, *args)

    monkeypatch.setattr(analysis, "analyse", analyse)


def test_a_killed_worker_costs_only_its_own_article(tmp_path, dying_in_workers):
    folder = many_articles(tmp_path / "week", 12, "doomed.txt")
    result = build(folder, tmp_path / "out", EDITION, Settings(), ["json"], use_cache=False)
    assert len(result.briefing.digests) == 13  # the doomed one too: analysed again in the main process
    notes = [w for w in result.warnings if "process died" in w]
    assert len(notes) == 1 and "doomed.txt" in notes[0] and "analysed again" in notes[0]


def test_an_article_that_fails_again_is_skipped_and_strict_fails(tmp_path, dying_in_workers):
    folder = many_articles(tmp_path / "week", 12, "cursed.txt", "doomed.txt")
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(tmp_path / "out"), "-f", "json", "-q",
                                      "--no-cache", "--strict"])
    assert result.exit_code == ExitCode.STRICT_WARNINGS, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("briefgen: warning: skipped")]
    assert len(skipped) == 1 and "cursed.txt" in skipped[0] and "failed again" in skipped[0]
    assert "MemoryError" in result.output


def test_an_article_past_the_time_limit_is_skipped_with_a_warning(tmp_path, monkeypatch):
    real = build_module._analyse_one

    def analyse(path, data):
        if path.name.startswith("slow"):
            time.sleep(600)
        return real(path, data)

    monkeypatch.setattr(build_module, "_analyse_one", analyse)
    folder = many_articles(tmp_path / "week", 2, "slow.txt")
    started = time.monotonic()
    result = build(folder, tmp_path / "out", EDITION, Settings(time_limit=1), ["json"], use_cache=False)
    assert time.monotonic() - started < 30
    assert len(result.briefing.digests) == 2
    assert [w for w in result.warnings if "slow.txt" in w] == [
        f"skipped {folder / 'slow.txt'}: its analysis was stopped after 1 s (the time_limit of briefgen.toml); "
        "the text may be pathological (very long runs of quotation marks, markup or spaces)"]


# A build in a process of its own, in which articles named slow* take ten minutes: each writes a
# marker file when it starts, so the test knows a worker is busy with it.
SLOW_BUILD = """
import sys, time
from pathlib import Path
import briefgen.build as b
real, markers = b._analyse_one, Path(sys.argv[1])
def analyse(path, data):
    if path.name.startswith("slow"):
        (markers / f"started-{path.name}").touch()
        time.sleep(600)
    return real(path, data)
b._analyse_one = analyse
sys.argv = ["briefgen", *sys.argv[2:]]
from briefgen.cli import main
main()
"""


def start_slow_build(tmp_path: Path, articles: int) -> tuple[subprocess.Popen, Path]:
    folder = many_articles(tmp_path / "week", articles, "slow-1.txt", "slow-2.txt")
    markers = tmp_path / "markers"
    markers.mkdir()
    command = [sys.executable, "-c", SLOW_BUILD, str(markers), "build", str(folder), "-o", str(tmp_path / "out"),
               "-f", "json", "--no-cache"]
    # A session of its own, like a terminal's foreground job: Ctrl-C goes to the whole group.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(markers.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    return process, markers


def live_processes(group: int) -> list[int]:
    """The processes of a process group that are still running (zombies do not count)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def wait_until_gone(group: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while live_processes(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@linux_only
@pytest.mark.parametrize("presses", [1, 3])
def test_ctrl_c_stops_a_build_within_two_seconds_without_a_traceback(tmp_path, presses):
    process, _ = start_slow_build(tmp_path, 10)
    pressed = time.monotonic()
    for _ in range(presses):
        os.killpg(process.pid, signal.SIGINT)
        time.sleep(0.1)
    try:
        _, stderr = process.communicate(timeout=10)
    finally:
        process.kill()
    assert time.monotonic() - pressed < 2.0 + 0.1 * presses
    assert process.returncode == ExitCode.INTERRUPTED
    assert "Traceback" not in stderr and "briefgen: error: interrupted" in stderr
    assert wait_until_gone(process.pid, 2.0), "a worker outlived the build"
    assert not (tmp_path / "out" / "briefing-2024-06-01.json").exists()


@linux_only
def test_no_worker_outlives_a_killed_parent(tmp_path):
    process, _ = start_slow_build(tmp_path, 10)
    assert len(live_processes(process.pid)) > 1  # the parent and its workers
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert wait_until_gone(process.pid, 2.0), "workers outlived the parent"
