"""In-process summary benchmark: ROUGE of summary algorithms on the summary benches, with a
paired bootstrap interval for each algorithm's difference from a baseline.

Each bench article goes through what `briefgen summarize FILE -n N` runs — written to a .txt file
as the bench scorer does, then `read_document` -> `extract` -> `summarize(article, sentences=N)`
— and the outputs are scored with the bench scorer's own `score_one` (imported from
score_summaries.py), so the means match `score_summaries.py --cmd ...` without the per-article
process start-up. ms/article is the CPU time of `summarize` alone; "sumy-lexrank" is plain sumy
(its PlaintextParser and LexRank over our tokenizer, no filters) for the speed comparison.

The sets: `human-dev` (summaries-human/dev.jsonl, 500 CNN/Daily Mail articles; the hand-tuned
weights were chosen on it), `human-fit` and `human-confirm` (the two halves of
summaries-human/dev-more.jsonl, split by article id: the learned scorer is fitted and chosen on
`human-fit` only, `human-confirm` is where nobody tuned), `human-more` (both halves) and `bbc`
(summaries/dev.jsonl, extractive machine-made references, a sanity floor).

For every algorithm other than the baseline the script prints the paired difference per metric
with its 95% bootstrap interval (articles resampled with replacement, 2,000 times, fixed seed).

    python benchmarks/summaries.py                                  # news, lead, lexrank, sumy-lexrank
    python benchmarks/summaries.py --algorithms news,lead --sets human-confirm
    python benchmarks/summaries.py --limit 200                      # the first 200 of each set
    python benchmarks/summaries.py --save /tmp/out                  # keep outputs for score_summaries.py --system

Extracted articles and per-summary ROUGE scores are cached in --cache (default
/tmp/briefgen-summaries-cache), keyed by the code of read/ and extract/ and by the exact texts,
so a rerun only summarises and scores what changed.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import multiprocessing
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from briefgen.analyse.sentences import SumyTokenizer  # noqa: E402
from briefgen.analyse.summarize import ALGORITHMS, summarize  # noqa: E402
from briefgen.extract import extract  # noqa: E402
from briefgen.model import Article  # noqa: E402
from briefgen.read import read_document  # noqa: E402

# The shared benchmark folder sits beside the checkout (../shared/bench), or beside a folder above it.
_BESIDE = [folder / "shared" / "bench" for folder in REPO.parents]
DEFAULT_BENCH = next((bench for bench in _BESIDE if bench.is_dir()), _BESIDE[0])
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "briefgen-summaries-cache"
PLAIN_SUMY = "sumy-lexrank"
METRICS = ("rouge1", "rouge2", "rougeL")
BOOTSTRAP_SAMPLES = 2000

# set name -> (bench file, which half of it: "fit", "confirm" or None for all)
SETS: dict[str, tuple[str, str | None]] = {
    "human-dev": ("summaries-human/dev.jsonl", None),
    "human-fit": ("summaries-human/dev-more.jsonl", "fit"),
    "human-confirm": ("summaries-human/dev-more.jsonl", "confirm"),
    "human-more": ("summaries-human/dev-more.jsonl", None),
    "bbc": ("summaries/dev.jsonl", None),
}
DEFAULT_SETS = "human-dev,human-fit,human-confirm,bbc"

Summarizer = Callable[[Article, int], list[str]]


def half(article_id: str) -> str:
    """The half of dev-more an article belongs to: ids are SHA1 hashes, so their parity is a
    fixed random split."""
    return "fit" if int(article_id, 16) % 2 == 0 else "confirm"


def load_scorer(bench: Path) -> ModuleType:
    path = bench / "score_summaries.py"
    spec = importlib.util.spec_from_file_location("score_summaries", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its scoring pool pickles score_one by module name
    spec.loader.exec_module(module)
    return module


def load_set(bench: Path, name: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The bench items of one set, in bench order."""
    path, part = SETS[name]
    with open(bench / path, encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    if part:
        items = [item for item in items if half(item["id"]) == part]
    return items[:limit]


def _code_fingerprint() -> str:
    """A hash of the code that turns a bench text into an Article (read, extract, the lexicon)."""
    digest = hashlib.sha1()
    package = REPO / "src" / "briefgen"
    for folder in ("read", "extract", "lexicon"):
        for path in sorted((package / folder).rglob("*")):
            # summaries.yaml holds the summarizer's own tables (weights, captions), which read and
            # extract never use: fitting new weights should not extract every article again.
            if path.is_file() and path.suffix in (".py", ".yaml") and path.name != "summaries.yaml":
                digest.update(path.read_bytes())
    digest.update((package / "model.py").read_bytes())
    return digest.hexdigest()[:16]


def read_articles(items: list[dict[str, Any]], cache: Path | None = None) -> list[Article]:
    """Each bench article as `briefgen summarize` sees it (through read and extract), cached."""
    key = hashlib.sha1((_code_fingerprint() + "".join(item["id"] for item in items)).encode()).hexdigest()[:20]
    cached = cache / f"articles-{key}.pickle" if cache else None
    if cached and cached.exists():
        return pickle.loads(cached.read_bytes())
    articles = []
    with tempfile.TemporaryDirectory(prefix="briefgen-summaries-") as folder:
        for item in items:
            path = Path(folder) / (item["id"].replace("/", "_") + ".txt")
            path.write_text(item["article"], encoding="utf-8")
            articles.append(extract(read_document(path)))
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(articles))
    return articles


def plain_sumy_lexrank(article: Article, count: int) -> list[str]:
    """sumy used the plain way: PlaintextParser + LexRank, our tokenizer, English stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    document = PlaintextParser.from_string(article.body, SumyTokenizer()).document
    return [str(sentence) for sentence in summarizer(document, count)]


def summarizer_for(algorithm: str) -> Summarizer:
    if algorithm == PLAIN_SUMY:
        return plain_sumy_lexrank
    return lambda article, count: summarize(article, sentences=count, algorithm=algorithm)


def run(summarizer: Summarizer, items: list[dict[str, Any]], articles: list[Article]) -> tuple[dict[str, str], float]:
    """Summaries (one sentence per line, as the CLI prints them) and mean CPU ms per article
    (CPU time is steadier than wall-clock time on a busy machine)."""
    summarizer(articles[0], 1)  # warm-up: imports sumy and numpy outside the timing
    outputs: dict[str, str] = {}
    times: list[float] = []
    for item, article in zip(items, articles, strict=True):
        started = time.process_time()
        sentences = summarizer(article, item["ref_sentences"]) if article.body.strip() else []
        times.append(time.process_time() - started)
        outputs[item["id"]] = "\n".join(sentences)
    return outputs, 1000 * statistics.mean(times)


class ScoreCache:
    """ROUGE F1 of (reference, summary) pairs, kept on disk: ROUGE-L's pure-Python LCS is slow
    and most outputs do not change between two runs."""

    def __init__(self, folder: Path | None):
        self.path = folder / "rouge.pickle" if folder else None
        self.scores: dict[str, dict[str, float]] = {}
        if self.path and self.path.exists():
            self.scores = pickle.loads(self.path.read_bytes())

    @staticmethod
    def key(reference: str, summary: str) -> str:
        return hashlib.sha1(f"{reference}\0{summary}".encode()).hexdigest()

    def score(self, scorer: ModuleType, pairs: list[tuple[str, str]], procs: int) -> np.ndarray:
        """An (articles x 3) array of ROUGE-1/2/L F1 x100."""
        keys = [self.key(*pair) for pair in pairs]
        missing = list({key: pair for key, pair in zip(keys, pairs, strict=True) if key not in self.scores}.items())
        if missing:
            todo = [pair for _, pair in missing]
            if procs > 1 and len(todo) > 20:
                with multiprocessing.get_context("fork").Pool(procs) as pool:
                    found = pool.starmap(scorer.score_one, todo, chunksize=8)
            else:
                found = [scorer.score_one(*pair) for pair in todo]
            for (key, _), result in zip(missing, found, strict=True):
                self.scores[key] = {metric: result[metric] for metric in METRICS}
            self.save()
        return np.array([[100 * self.scores[key][metric] for metric in METRICS] for key in keys])

    def save(self) -> None:
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(self.scores))
            partial.replace(self.path)


def paired_interval(difference: np.ndarray, samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> tuple[float, float]:
    """95% percentile interval of the mean of per-article differences, by the paired bootstrap."""
    generator = np.random.default_rng(seed)
    picks = generator.integers(0, len(difference), size=(samples, len(difference)))
    means = difference[picks].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score_summaries.py")
    parser.add_argument("--sets", default=DEFAULT_SETS, help=f"comma-separated, from {', '.join(SETS)}")
    parser.add_argument("--algorithms", default=f"news,lead,lexrank,{PLAIN_SUMY}",
                        help=f"comma-separated, from {', '.join((*ALGORITHMS, PLAIN_SUMY))}")
    parser.add_argument("--baseline", default="lead", help="the algorithm the differences are taken from")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--procs", type=int, default=2, help="ROUGE scoring processes")
    parser.add_argument("--save", type=Path, help="write DIR/<set>-<algorithm>.jsonl for score_summaries.py --system")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="folder for cached articles and scores")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()

    scorer = load_scorer(args.bench)
    cache_folder = None if args.no_cache else args.cache
    scores = ScoreCache(cache_folder)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    for name in sets:
        if name not in SETS:
            raise SystemExit(f"unknown set {name!r} (choose from {', '.join(SETS)})")
    table: dict[str, dict[str, tuple[np.ndarray, float]]] = {a: {} for a in algorithms}
    for name in sets:
        items = load_set(args.bench, name, args.limit)
        articles = read_articles(items, cache_folder)
        print(f"{name}: {len(items)} articles", file=sys.stderr)
        for algorithm in algorithms:
            outputs, ms = run(summarizer_for(algorithm), items, articles)
            pairs = [(item["reference"], outputs[item["id"]]) for item in items]
            table[algorithm][name] = (scores.score(scorer, pairs, args.procs), ms)
            if args.save:
                save_outputs(args.save / f"{name}-{algorithm}.jsonl", items, outputs)
    print_table(table, sets)
    if args.baseline in table:
        print_differences(table, sets, args.baseline)


def save_outputs(path: Path, items: list[dict[str, Any]], outputs: dict[str, str]) -> None:
    """Outputs in the form score_summaries.py --system reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps({"id": item["id"], "summary": outputs[item["id"]]}, ensure_ascii=False) + "\n")


def print_table(table: dict[str, dict[str, tuple[np.ndarray, float]]], sets: list[str]) -> None:
    header = f"{'algorithm':<14}" + "".join(f"| {name + ' R1/R2/RL':<27}{'cpu ms':>7} " for name in sets)
    print(header)
    print("-" * len(header))
    for algorithm, by_set in table.items():
        cells = []
        for name in sets:
            per_article, ms = by_set[name]
            means = per_article.mean(axis=0)
            cells.append(f"| {' / '.join(f'{m:.2f}' for m in means):<27}{ms:>7.1f} ")
        print(f"{algorithm:<14}" + "".join(cells))


def print_differences(table: dict[str, dict[str, tuple[np.ndarray, float]]], sets: list[str], baseline: str) -> None:
    print(f"\npaired difference from {baseline}, mean [95% bootstrap interval]")
    for algorithm, by_set in table.items():
        if algorithm == baseline:
            continue
        for name in sets:
            difference = by_set[name][0] - table[baseline][name][0]
            cells = []
            for column, metric in enumerate(("R1", "R2", "RL")):
                low, high = paired_interval(difference[:, column])
                cells.append(f"{metric} {difference[:, column].mean():+.2f} [{low:+.2f}, {high:+.2f}]")
            print(f"{algorithm:<14}{name:<15}" + "   ".join(cells))


if __name__ == "__main__":
    main()
