"""Benchmark the quotes stage in-process on the shared quotation benchmark.

Runs `briefgen.quotes.find_quotes` over every document of a gold JSONL, times it, writes the
outputs as a `--system` file and lets the shared scorer (../shared/bench/score_quotes.py) grade
them, so the figures are the scorer's own. Usage, from the repository root:

    PYTHONPATH=src python benchmarks/quotes.py                     # dev split
    PYTHONPATH=src python benchmarks/quotes.py --errors /tmp/q.err  # also per-document errors
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefgen.quotes import find_quotes

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"


def run_system(gold_path: Path, system_path: Path) -> float:
    """Write find_quotes' output for every gold document; return the mean milliseconds per document."""
    docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    elapsed = 0.0
    with system_path.open("w", encoding="utf-8") as out:
        for doc in docs:
            started = time.perf_counter()
            quotes = find_quotes(doc["text"])
            elapsed += time.perf_counter() - started
            found = [{"quote": q.quote, "speaker": q.speaker, "role": q.role} for q in quotes]
            record = {"id": doc["id"], "quotes": found}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1000.0 * elapsed / max(len(docs), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=BENCH / "quotes" / "dev.jsonl", help="gold JSONL")
    parser.add_argument("--system", type=Path, help="where to keep the system outputs (default: a temporary file)")
    parser.add_argument("--errors", type=Path, help="per-document errors from the scorer (JSONL)")
    args = parser.parse_args()
    scorer = BENCH / "score_quotes.py"
    if not args.data.exists() or not scorer.exists():
        print(f"benchmark data not found: {args.data} / {scorer}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        system = args.system or Path(tmp) / "system.jsonl"
        ms_per_doc = run_system(args.data, system)
        command = [sys.executable, str(scorer), str(args.data), "--system", str(system)]
        if args.errors:
            command += ["--errors", str(args.errors)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    print(f"in_process_ms_per_doc={ms_per_doc:.2f}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
