"""Build speed and memory against the floor, WeasyPrint rendering the briefing's own HTML.

Copies BBC articles from the summary bench (../shared/bench/summaries/dev.jsonl, the article
text as it is) into .txt files in a temporary folder, then measures, in one run:

  cold build     `briefgen build` of 100 articles, no cache (articles analysed in a process pool)
  warm rebuild   the same build after a title change (every analysis comes from the cache)
  render-only    WeasyPrint alone on the HTML the cold build wrote, through briefgen's render_pdf
                 (same fetcher, identifier and clock), in a fresh Python process like the builds
  --help         wall time of `briefgen --help`, best of several
  peak RSS       of the 100- and the 300-article build: the largest single process (ru_maxrss
                 from wait4) and the whole process tree (parent and pool workers, sampled)

Every timed step is a fresh process, so start-up and imports count on both sides of a ratio.
Python's compiled bytecode is kept (in the scratch folder, PYTHONPYCACHEPREFIX) as an installed
briefgen has it: pip compiles a package when it installs it, but an editable checkout with
PYTHONDONTWRITEBYTECODE=1 would compile all of briefgen's modules from source on every run, which
no user pays. The steps run in rounds (cold, warm, render-only, then again), --repeat rounds, and
the fastest run of each counts, as the one least disturbed by other work on the machine. Nothing
is written into the repository.

    python benchmarks/build_speed.py
    python benchmarks/build_speed.py --articles 50 --large 0     # quicker: skip the 300-article build
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The shared benchmark folder sits beside the checkout (../shared/bench), or beside a folder above it.
_BENCH = next((bench for bench in (folder / "shared" / "bench" for folder in REPO.parents) if bench.is_dir()),
              REPO.parent / "shared" / "bench")
DEFAULT_DATA = _BENCH / "summaries" / "dev.jsonl"
EDITION = "2024-06-01"
HELP_RUNS = 7
SAMPLE_SECONDS = 0.05

RENDER_ONLY = """
import datetime as dt, sys
from pathlib import Path
from briefgen.config import Settings
from briefgen.publish.render import render_pdf
html = Path(sys.argv[1]).read_text(encoding="utf-8")
render_pdf(html, Settings(), (Path(sys.argv[2]).resolve(),), dt.date.fromisoformat(sys.argv[3]))
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_mb: float  # the largest single process
    tree_rss_mb: float  # the process and its children together, sampled


def briefgen_command() -> list[str]:
    script = Path(sys.executable).with_name("briefgen")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from briefgen.cli import main; main()"]


def write_articles(data: Path, folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    with open(data, encoding="utf-8") as lines:
        records = [json.loads(line) for line, _ in zip(lines, range(count), strict=False)]
    if len(records) < count:
        sys.exit(f"{data} holds only {len(records)} articles, {count} wanted")
    for number, record in enumerate(records):
        (folder / f"{number:03d}.txt").write_text(record["article"], encoding="utf-8")


# Set by measure(): the environment of every timed process (bytecode kept in the scratch folder).
ENVIRONMENT: dict[str, str] = dict(os.environ)


def run(command: list[str]) -> Run:
    """Runs `command` to the end; its wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENVIRONMENT)
    tree_peak = _sample_tree_rss(process)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(command)}")
    process.returncode = 0  # reaped by wait4 above
    return Run(seconds, usage.ru_maxrss / 1024, max(tree_peak, usage.ru_maxrss) / 1024)


def _sample_tree_rss(process: subprocess.Popen) -> int:
    """Polls the summed RSS (KB) of the process and its children until it exits; the peak."""
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # Wait without reaping, so that wait4 can still collect the child's resource usage.
    os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
    done.set()
    sampler.join()
    return peak


def _tree_rss_kb(pid: int) -> int:
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        pending += [int(child) for child in children]
    return total


def build(folder: Path, out: Path, *options: str) -> Run:
    return run([*briefgen_command(), "build", str(folder), "-o", str(out), "--date", EDITION, "-q", *options])


def help_seconds() -> float:
    return min(run([*briefgen_command(), "--help"]).seconds for _ in range(HELP_RUNS))


def fastest(runs: list[Run]) -> Run:
    return min(runs, key=lambda result: result.seconds)


Row = tuple[str, str, str, bool | None]  # measure, value, target, whether the target holds


def measure(data: Path, articles: int, large: int, repeat: int, scratch: Path) -> list[Row]:
    week = scratch / "week"
    write_articles(data, week, articles)
    ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)
    ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    package = Path(__import__("briefgen").__file__).parent
    run([sys.executable, "-m", "compileall", "-q", str(package)])
    outs = [scratch / f"out{number}" for number in range(repeat)]
    colds, warms, renders = [], [], []
    for number, out in enumerate(outs):  # interleaved, so a busy spell of the machine hits all three
        colds.append(build(week, out, "-f", "pdf", "-f", "html"))
        warms.append(build(week, out, "-f", "pdf", "-f", "html", "--title", f"Title {number}"))
        html = out / f"briefing-{EDITION}.html"
        renders.append(run([sys.executable, "-c", RENDER_ONLY, str(html), str(week), EDITION]))
    cold, warm, render = fastest(colds), fastest(warms), fastest(renders)
    help_time = help_seconds()
    rows = [
        (f"cold build, {articles} articles", f"{cold.seconds:.2f} s", "", None),
        ("warm rebuild (new title)", f"{warm.seconds:.2f} s", "", None),
        ("render-only (WeasyPrint)", f"{render.seconds:.2f} s", "", None),
        ("cold / render-only", f"{cold.seconds / render.seconds:.2f}", "<= 1.2", cold.seconds / render.seconds <= 1.2),
        ("warm / render-only", f"{warm.seconds / render.seconds:.2f}", "<= 1.05",
         warm.seconds / render.seconds <= 1.05),
        ("briefgen --help", f"{help_time:.3f} s", "<= 0.15 s", help_time <= 0.15),
        (f"peak RSS, {articles} articles", _rss(cold), "", None),
    ]
    if large:
        big = scratch / "term"
        write_articles(data, big, large)
        term = build(big, scratch / "term-out", "--no-cache")
        rows += [
            (f"cold build, {large} articles", f"{term.seconds:.2f} s", "", None),
            (f"peak RSS, {large} articles", _rss(term), "<= 600 MB", term.tree_rss_mb <= 600),
        ]
    return rows


def _rss(result: Run) -> str:
    return f"{result.max_rss_mb:.0f} MB largest process, {result.tree_rss_mb:.0f} MB with workers"


def print_table(rows: list[Row]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for name, value, target, ok in rows:
        verdict = "" if ok is None else ("ok" if ok else "FAILS")
        print(f"{name:<{widths[0]}}  {value:>{widths[1]}}  {target:<{widths[2]}}  {verdict}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the summary bench (JSON lines)")
    parser.add_argument("--articles", type=int, default=100, help="articles in the timed builds")
    parser.add_argument("--large", type=int, default=300, help="articles in the memory build (0: skip it)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timed build; the fastest counts")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"bench data not found: {args.data}")
    scratch = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    try:
        print(f"{os.cpu_count()} cores; articles from {args.data}; fastest of {args.repeat} runs")
        print_table(measure(args.data, args.articles, args.large, args.repeat, scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
