"""In-process metadata benchmark: date, title, author and outlet of briefgen.extract.

Runs `extract(read_document(page))` on every page of the metadata bench (default
../shared/bench/metadata) and scores the fields with the bench scorer's own functions, imported
from score_meta.py beside the bench, so the figures match
`score_meta.py BENCH --form F --cmd 'briefgen extract {file} --json'` without a process per page.

    python benchmarks/metadata.py --form html              # the scorer's table
    python benchmarks/metadata.py --form txt --half a      # only the pages of half a (or b)
    python benchmarks/metadata.py --form txt --examples 30 --field author
    python benchmarks/metadata.py --form html --save /tmp/p.jsonl   # for score_meta.py --pred

`--half` splits the bench in two by a hash of the page id, so that a rule written from the
errors of one half can be checked on the other.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
_BESIDE = [folder / "shared" / "bench" / "metadata" for folder in REPO.parents]
DEFAULT_BENCH = next((bench for bench in _BESIDE if bench.is_dir()), _BESIDE[0])

from briefgen.errors import BriefgenError  # noqa: E402
from briefgen.extract import extract, require_text  # noqa: E402
from briefgen.read import read_document  # noqa: E402


def load_scorer(bench: Path) -> ModuleType:
    """The bench's score_meta.py, in the folder above the bench."""
    path = bench.resolve().parent / "score_meta.py"
    spec = importlib.util.spec_from_file_location("score_meta", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(page_id: str) -> str:
    return "a" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "b"


def predict(path: Path) -> dict[str, Any]:
    """What `briefgen extract FILE --json` prints, as the scorer reads it."""
    started = time.perf_counter()
    try:
        article = require_text(extract(read_document(path)))
    except BriefgenError as error:
        return {"error": str(error)[:200], "seconds": time.perf_counter() - started}
    return {
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "author": article.author,
        "sitename": article.source,
        "provenance": dict(article.provenance),
        "error": None,
        "seconds": round(time.perf_counter() - started, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--form", choices=["html", "txt"], default="html")
    parser.add_argument("--half", choices=["a", "b"], help="only the pages of one half")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--examples", type=int, default=0, help="print up to N wrong predictions")
    parser.add_argument("--field", help="only examples of this field (date, title, author, sitename)")
    parser.add_argument("--save", type=Path, help="write predictions for score_meta.py --pred")
    args = parser.parse_args()

    scorer = load_scorer(args.bench)
    rows = scorer.load_bench(args.bench)
    if args.half:
        rows = [row for row in rows if half_of(row["id"]) == args.half]
    rows = rows[: args.limit] if args.limit else rows
    preds = {row["id"]: dict(predict(args.bench / "pages" / row[args.form]), id=row["id"]) for row in rows}
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(preds[row["id"]], ensure_ascii=False) + "\n")
    text, totals = scorer.table(rows, preds)
    print(text.split("\n| source_repo")[0] if not args.examples else text)
    wanted = [line for line in scorer.examples(rows, preds, 10**6) if not args.field or f"[{args.field}]" in line]
    for line in wanted[: args.examples]:
        print(line)
    print(" ".join(f"{key}={value}" for key, value in totals.items()))


if __name__ == "__main__":
    main()
