"""In-process extraction benchmark: bag-of-words F1 and mean ms/page of briefgen.extract.

Runs `extract(read_document(page))` on every page of an extraction bench split (default
../shared/bench/extraction/dev) and scores the bodies with the bench scorer's own metric
functions, imported from score_extraction.py beside the split, so the figures match
`score_extraction.py --cmd 'briefgen extract {file}'` without the per-page process start-up.

    python benchmarks/extraction.py                      # both forms
    python benchmarks/extraction.py --form txt --worst 5 # and the five worst pages
    python benchmarks/extraction.py --save /tmp/out      # keep outputs for score_extraction.py --system
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from briefgen.extract import extract  # noqa: E402
from briefgen.read import read_document  # noqa: E402

DEFAULT_SPLIT = REPO.parent / "shared" / "bench" / "extraction" / "dev"


def load_scorer(split: Path) -> ModuleType:
    """The bench's score_extraction.py, found two folders above the split."""
    path = split.resolve().parents[1] / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_form(split: Path, form: str, scorer: ModuleType) -> tuple[dict, list, dict[str, str], float, float]:
    """Extract every page of one form: the scorer's summary, per-page rows, outputs, and mean
    wall-clock and CPU milliseconds per page (CPU time is steadier on a busy machine)."""
    truth = scorer.load_truth(split)
    outputs: dict[str, str] = {}
    wall: list[float] = []
    cpu: list[float] = []
    for record in truth:
        document = read_document(split / f"{record['id']}.{form}")
        started, started_cpu = time.perf_counter(), time.process_time()
        outputs[record["id"]] = extract(document).body
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    summary, rows = scorer.score(truth, outputs)
    return summary, rows, outputs, 1000 * statistics.mean(wall), 1000 * statistics.mean(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--form", choices=["txt", "html", "both"], default="both")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    parser.add_argument("--save", type=Path, help="write outputs to DIR/<form>/<id>.txt")
    args = parser.parse_args()

    scorer = load_scorer(args.split)
    truth = scorer.load_truth(args.split)
    for form in (["txt", "html"] if args.form == "both" else [args.form]):
        summary, rows, outputs, wall_ms, cpu_ms = run_form(args.split, form, scorer)
        print(f"{form}: precision={summary['precision']:.4f} recall={summary['recall']:.4f} "
              f"f1={summary['f1']:.4f} empty={summary['empty']} ms_per_page={wall_ms:.1f} cpu_ms_per_page={cpu_ms:.1f}")
        ranked = sorted(zip(rows, truth, strict=False), key=lambda pair: pair[0][2])[: args.worst]
        for (precision, recall, f1), record in ranked:
            print(f"  {record['id'][:8]} f1={f1:.3f} p={precision or 0:.3f} r={recall:.3f} {record['url'][:70]}")
        if args.save:
            folder = args.save / form
            folder.mkdir(parents=True, exist_ok=True)
            for page_id, body in outputs.items():
                (folder / f"{page_id}.txt").write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
