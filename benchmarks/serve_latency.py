"""How long `briefgen serve` takes from saving an article to serving the new text.

Copies the samples of inputs/ (and, with --articles N, N BBC articles of the summary bench as .txt
files) into a temporary folder, serves it on 127.0.0.1 as `briefgen serve` does, then --repeat
times changes one article's headline and times, from the write, until the page a browser would
reload holds the new headline. The first build (every article analysed) is timed separately.
Nothing is written into the repository.

    python benchmarks/serve_latency.py
    python benchmarks/serve_latency.py --articles 100
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from briefgen.preview import Options, Preview, make_server, watch

REPO = Path(__file__).resolve().parents[1]
# The shared benchmark folder sits beside the checkout (../shared/bench), or beside a folder above it.
_BENCH = next((bench for bench in (folder / "shared" / "bench" for folder in REPO.parents) if bench.is_dir()),
              REPO.parent / "shared" / "bench")
BENCH = _BENCH / "summaries" / "dev.jsonl"
EDITED = "edited.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=0, help="bench articles added to the samples")
    parser.add_argument("--repeat", type=int, default=5, help="changes timed")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="briefgen-serve-"))
    try:
        folder = scratch / "week"
        shutil.copytree(REPO / "inputs", folder)
        add_bench_articles(folder, args.articles)
        (folder / EDITED).write_text(article(0), encoding="utf-8")
        preview = Preview(Options(folder, scratch / "out", date=dt.date(2024, 6, 1)), report=lambda line: None)
        start = time.perf_counter()
        preview.rebuild()
        first = time.perf_counter() - start
        server = make_server(preview, 0)
        stop = threading.Event()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        threading.Thread(target=watch, args=(preview, stop), daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        time.sleep(1)  # the watcher starts in its own thread
        seconds = [time_one_change(url, folder, number) for number in range(1, args.repeat + 1)]
        stop.set()
        server.shutdown()
        count = len(list(folder.glob("*.*")))
        print(f"{count} articles; first build {first:.2f} s; change -> new text served: median "
              f"{statistics.median(seconds):.2f} s, slowest {max(seconds):.2f} s (of {len(seconds)})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def add_bench_articles(folder: Path, count: int) -> None:
    if not count:
        return
    if not BENCH.is_file():
        sys.exit(f"bench data not found: {BENCH}")
    with open(BENCH, encoding="utf-8") as lines:
        for number, line in zip(range(count), lines, strict=False):
            (folder / f"bench-{number:03d}.txt").write_text(json.loads(line)["article"], encoding="utf-8")


def article(number: int) -> str:
    return (f"---\ntitle: Headline number {number} of the timing run\n---\n"
            "Negotiators met again on Monday in Vienna to discuss the verification of the accord. "
            "They agreed to meet again next week, officials said.\n")


def time_one_change(url: str, folder: Path, number: int) -> float:
    expected = f"Headline number {number} of the timing run"
    start = time.perf_counter()
    (folder / EDITED).write_text(article(number), encoding="utf-8")
    while time.perf_counter() - start < 60:
        with urllib.request.urlopen(url + "/", timeout=60) as answer:
            if expected in answer.read().decode("utf-8"):
                return time.perf_counter() - start
        time.sleep(0.02)
    sys.exit(f"the change did not show within 60 s: {expected}")


if __name__ == "__main__":
    main()
