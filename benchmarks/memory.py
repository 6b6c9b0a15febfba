"""Peak memory of a build of many small articles (issue 20: 1.78 GB for 2,000 before; target 600 MB).

Writes N small articles of its own (varied so that none is a duplicate of another), runs
`briefgen build` on them in a process of its own, and samples the resident memory of that
process and all its workers every 50 ms: the peak of their sum is what the machine must hold.

    python benchmarks/memory.py                    # 2,000 articles, JSON
    python benchmarks/memory.py --articles 300 --format html
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PLACES = ["Geneva", "Vienna", "Oslo", "Nairobi", "Lima", "Hanoi", "Tbilisi", "Dakar", "Quito", "Riga"]
TOPICS = ["missile limits", "inspection visits", "test-site monitoring", "export controls", "warhead counts"]


def article(number: int) -> str:
    place, topic = PLACES[number % len(PLACES)], TOPICS[number // len(PLACES) % len(TOPICS)]
    return (f"Talks in {place} turn to {topic}, round {number}\n\n"
            f"Delegates met in {place} on Monday for round {number} of the fictional talks on {topic}, "
            f"officials said.\n\n"
            f'"We made progress on {topic} today," said envoy Jane Roe{number}, who leads delegation {number}.\n\n'
            f"The Nuclear Non-Proliferation Treaty (NPT) was discussed in session {number * 7 % 1000}. "
            f"A further {number % 90 + 10} experts are expected next week.\n")


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and every process below it."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--format", default="json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        week = Path(scratch) / "week"
        week.mkdir()
        for number in range(args.articles):
            (week / f"{number:05d}.txt").write_text(article(number), encoding="utf-8")
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "briefgen", "build", str(week), "-o", f"{scratch}/out",
                                    "-q", "--no-cache", "-f", args.format, "--date", "2024-06-01"],
                                   stderr=subprocess.DEVNULL)
        peak = [0]

        def sample() -> None:
            while process.poll() is None:
                peak[0] = max(peak[0], tree_rss(process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        process.wait()
        sampler.join()
        print(f"{args.articles} articles, --format {args.format}: exit {process.returncode}, "
              f"{time.monotonic() - started:.1f} s, peak memory (build and workers) {peak[0] / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
