"""Measure how often each attribution rule names the right speaker, and write it to the lexicon.

Runs the quotes stage over a gold JSONL (default: the dev split of ../shared/bench/quotes), matches
its quotations to the gold ones with the shared scorer's own functions, and counts, for every
speaker the rules found (printed or not), whether the scorer calls it right. Quotations whose gold
speaker is a bare pronoun are not graded (the corpus has no coreference), as in the scorer.

The model is a product: confidence = rule x quote shape x speaker kind (lexicon speech.yaml
attribution_rules.confidence, speaker_shapes.factor). A rule's figure is its precision smoothed
towards the mean (PRIOR_WEIGHT pseudo-counts), so a rule met twice is not trusted fully; the
factors are fitted in turn, each as (right answers) / (what the other figures predict). The two
pronoun kinds cannot be measured here and keep their stated factors. Fit on dev and one half of
dev-more (`FILE:fit`: the articles whose id's SHA-1 is even, `half_of`), then check the figures on
the other half (`FILE:confirm`) and on dev-single with benchmarks/quotes.py.

    PYTHONPATH=src python benchmarks/rule_confidence.py            # print the figures
    PYTHONPATH=src python benchmarks/rule_confidence.py --data ../shared/bench/quotes/dev.jsonl \
        ../shared/bench/quotes/dev-more.jsonl:fit                   # dev and the fit half of dev-more
    PYTHONPATH=src python benchmarks/rule_confidence.py --write    # and write them to speech.yaml
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from briefgen.analyse import quotes as stage
from briefgen.lexicon import FOLDER, rows
from scored_jsonl import BENCH

PRIOR_WEIGHT = 10  # pseudo-counts at the mean precision that every rule starts with
ROUNDS = 3  # alternate fits of rule, shape and kind figures
STATED = ("pronoun-outright", "pronoun-subject", "pronoun-nearest")  # not measurable on a corpus without coreference


def _scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", BENCH / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def half_of(article_id: str) -> str:
    """ "fit" or "confirm": a stable split of a gold file by the SHA-1 of each article's id, so the
    figures can be fitted on one half and checked on the other."""
    return ("fit", "confirm")[int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 2]


def graded(gold_path: Path, half: str = "all") -> list[tuple[str, tuple[str, ...], bool]]:
    """(rule, shapes, right?) for every found speaker of a gradable gold quote (of one half, or all)."""
    score = _scorer()
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if half != "all" and half_of(doc["id"]) != half:
            continue
        found = [(q, k) for q, k in stage.quotes_with_shapes(doc["text"]) if score.tokens(q.quote)]
        preds = [{"quote": q.quote, "speaker": q.speaker or ""} for q, _k in found]
        for i, j in score.match(preds, doc["quotes"]):
            gold = doc["quotes"][j]
            quote, shapes = found[i]
            name = quote.speaker or quote.unsure_speaker
            if not name or not shapes or not gold["speaker"] or gold.get("speaker_pronoun"):
                continue
            rule = (quote.rule or "").removesuffix(stage.PRONOUN_SUFFIX)
            out.append((rule, shapes, bool(score.speaker_match(name, gold["speaker"]))))
    return out


def _product(values: dict[str, float], names: tuple[str, ...], leave_out: str = "") -> float:
    product = 1.0
    for name in names:
        if name != leave_out:
            product *= values[name]
    return product


def fit(cases: list[tuple[str, tuple[str, ...], bool]]) -> tuple[dict[str, float], dict[str, float]]:
    shapes = rows("speaker_shapes")
    factor = {name: (float(shapes[name]["factor"]) if name in STATED else 1.0) for name in shapes}
    mean = sum(ok for *_x, ok in cases) / max(len(cases), 1)
    rule_conf: dict[str, float] = {}
    for _round in range(ROUNDS):
        right: dict[str, float] = defaultdict(float)
        expected: dict[str, float] = defaultdict(float)
        for rule, names, ok in cases:
            right[rule] += ok
            expected[rule] += _product(factor, names)
        rule_conf = {
            r: (right[r] + PRIOR_WEIGHT * mean) / (expected[r] + PRIOR_WEIGHT) for r in stage.ATTRIBUTION_RULES
        }
        for name in factor:
            if name in STATED:
                continue
            hits = [(rule, names, ok) for rule, names, ok in cases if name in names]
            found = sum(ok for *_x, ok in hits)
            predicted = sum(rule_conf[rule] * _product(factor, names, leave_out=name) for rule, names, _ok in hits)
            factor[name] = (found + PRIOR_WEIGHT * mean) / (predicted + PRIOR_WEIGHT * mean)
    return rule_conf, factor


def write(rule_conf: dict[str, float], factor: dict[str, float]) -> None:
    path = FOLDER / "speech.yaml"
    text = path.read_text(encoding="utf-8")
    for rule, value in rule_conf.items():
        pattern = rf"^(    {re.escape(rule)}: \{{confidence: )[0-9.]+"
        text = re.sub(pattern, rf"\g<1>{min(value, 1.0):.3f}", text, flags=re.M)
    for name, value in factor.items():
        text = re.sub(rf"^(    {re.escape(name)}: \{{factor: )[0-9.]+", rf"\g<1>{value:.3f}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data", type=Path, nargs="+", default=[BENCH / "quotes" / "dev.jsonl"],
        help="gold JSONL files; FILE:fit or FILE:confirm takes one half of a file (half_of)",
    )
    parser.add_argument("--write", action="store_true", help="write the figures to lexicon/speech.yaml")
    args = parser.parse_args()
    cases = []
    for spec in args.data:
        path, _colon, half = str(spec).partition(":")
        if not Path(path).exists():
            print(f"benchmark data not found: {path}", file=sys.stderr)
            return 1
        cases += graded(Path(path), half or "all")
    rule_conf, factor = fit(cases)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rule, _shapes, ok in cases:
        counts[rule][0 if ok else 1] += 1
    for rule in sorted(rule_conf, key=lambda r: -sum(counts[r])):
        right, wrong = counts[rule]
        print(f"{rule:32s} right={right:4d} wrong={wrong:3d} confidence={min(rule_conf[rule], 1.0):.3f}")
    for name, value in factor.items():
        print(f"{name:32s} factor={value:.3f}")
    if args.write:
        write(rule_conf, factor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
