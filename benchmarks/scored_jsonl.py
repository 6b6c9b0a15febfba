"""Shared runner for the in-process benchmarks graded by a ../shared/bench scorer.

A stage function runs over every document of a gold JSONL, each output becomes one record of a
`--system` file, and the bench's own scorer grades that file, so the figures are the scorer's;
ms/doc is measured here, in-process, without the process start-up the `--cmd` runs include.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The shared benchmark folder sits beside the checkout (../shared/bench), or beside a folder above it.
_BESIDE = [folder / "shared" / "bench" for folder in Path(__file__).resolve().parents[1].parents]
BENCH = next((bench for bench in _BESIDE if bench.is_dir()), _BESIDE[0])

# One document's text -> the JSON fields of its record (besides "id").
Stage = Callable[[str], dict[str, Any]]


def write_system(gold_path: Path, system_path: Path, stage: Stage) -> float:
    """Write `stage`'s record for every gold document; return the mean milliseconds per document."""
    docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    elapsed = 0.0
    with system_path.open("w", encoding="utf-8") as out:
        for doc in docs:
            started = time.perf_counter()
            record = stage(doc["text"])
            elapsed += time.perf_counter() - started
            out.write(json.dumps({"id": doc["id"], **record}, ensure_ascii=False) + "\n")
    return 1000.0 * elapsed / max(len(docs), 1)


def main(description: str, bench: str, stage: Stage) -> int:
    """Command line of a benchmark script: --data, --system, --errors; prints the scorer's report."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=BENCH / bench / "dev.jsonl", help="gold JSONL")
    parser.add_argument("--system", type=Path, help="where to keep the system outputs (default: a temporary file)")
    parser.add_argument("--errors", type=Path, help="per-document errors from the scorer (JSONL)")
    args = parser.parse_args()
    scorer = BENCH / f"score_{bench}.py"
    if not args.data.exists() or not scorer.exists():
        print(f"benchmark data not found: {args.data} / {scorer}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        system = args.system or Path(tmp) / "system.jsonl"
        ms_per_doc = write_system(args.data, system, stage)
        command = [sys.executable, str(scorer), str(args.data), "--system", str(system)]
        if args.errors:
            command += ["--errors", str(args.errors)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    print(f"in_process_ms_per_doc={ms_per_doc:.2f}")
    return result.returncode
