"""In-process summary benchmark: ROUGE of every summary algorithm on both summary benches.

Each bench article goes through what `briefgen summarize FILE -n N` runs — written to a .txt file
as the bench scorer does, then `read_document` -> `extract` -> `summarize(article, sentences=N)`
— and the outputs are scored with the bench scorer's own functions (imported from
score_summaries.py), so the figures match `score_summaries.py --cmd ...` without the per-article
process start-up. ms/article is the CPU time of `summarize` alone; "sumy-lexrank" is plain sumy (its
PlaintextParser and LexRank over our tokenizer, no filters) for the speed comparison.

    python benchmarks/summaries.py                          # all algorithms, both benches
    python benchmarks/summaries.py --algorithms news,lead   # a subset
    python benchmarks/summaries.py --save /tmp/out          # keep outputs for score_summaries.py --system
    python benchmarks/summaries.py --no-extract             # split the title line only, skip extract
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from briefgen.analyse.sentences import SumyTokenizer  # noqa: E402
from briefgen.analyse.summarize import ALGORITHMS, summarize  # noqa: E402
from briefgen.extract import extract  # noqa: E402
from briefgen.model import Article  # noqa: E402
from briefgen.read import read_document  # noqa: E402

DEFAULT_BENCH = REPO.parent / "shared" / "bench"
BENCHES = ("summaries-human", "summaries")
PLAIN_SUMY = "sumy-lexrank"

Summarizer = Callable[[Article, int], list[str]]


def load_scorer(bench: Path) -> ModuleType:
    path = bench / "score_summaries.py"
    spec = importlib.util.spec_from_file_location("score_summaries", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its scoring pool pickles score_one by module name
    spec.loader.exec_module(module)
    return module


def read_articles(items: list[dict], use_extract: bool) -> list[Article]:
    """Each bench article as `briefgen summarize` sees it (through load and extract)."""
    if not use_extract:
        return [_split_title_line(item) for item in items]
    articles = []
    with tempfile.TemporaryDirectory(prefix="briefgen-summaries-") as folder:
        for item in items:
            path = Path(folder) / (item["id"].replace("/", "_") + ".txt")
            path.write_text(item["article"], encoding="utf-8")
            articles.append(extract(read_document(path)))
    return articles


def _split_title_line(item: dict) -> Article:
    """The bench's own layout: an optional title line and a blank line, then the body."""
    text = item["article"]
    title, _, body = text.partition("\n\n") if item.get("title") else ("", "", text)
    return Article(path=Path(item["id"]), body=body.strip(), title=title.strip() or None)


def extraction_problems(items: list[dict], articles: list[Article]) -> list[str]:
    """Bench articles that extract mangled: an empty body, or a title the bench does not have."""
    problems = []
    for item, article in zip(items, articles, strict=False):
        if not article.body.strip():
            problems.append(f"{item['id']}: empty body")
        elif article.title and not item.get("title"):
            problems.append(f"{item['id']}: title {article.title[:60]!r} taken from a text with no title line")
        elif item.get("title") and article.title != item["title"]:
            problems.append(f"{item['id']}: title {str(article.title)[:60]!r}, expected {item['title'][:60]!r}")
    return problems


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


def run(summarizer: Summarizer, items: list[dict], articles: list[Article]) -> tuple[dict[str, str], float]:
    """Summaries (one sentence per line, as the CLI prints them) and mean CPU ms per article
    (CPU time is steadier than wall-clock time on a busy machine)."""
    summarizer(articles[0], 1)  # warm-up: imports sumy and numpy outside the timing
    outputs: dict[str, str] = {}
    times: list[float] = []
    for item, article in zip(items, articles, strict=False):
        started = time.process_time()
        sentences = summarizer(article, item["ref_sentences"]) if article.body.strip() else []
        times.append(time.process_time() - started)
        outputs[item["id"]] = "\n".join(sentences)
    return outputs, 1000 * statistics.mean(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score_summaries.py")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--algorithms", default=",".join((*ALGORITHMS, PLAIN_SUMY)))
    parser.add_argument("--limit", type=int, help="only the first N articles of each bench")
    parser.add_argument("--procs", type=int, default=2, help="ROUGE scoring processes")
    parser.add_argument("--no-extract", action="store_true", help="skip extract: split the title line only")
    parser.add_argument("--save", type=Path, help="write DIR/<bench>-<algorithm>.jsonl for --system")
    args = parser.parse_args()

    scorer = load_scorer(args.bench)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    results: dict[str, dict[str, tuple[dict, float]]] = {a: {} for a in algorithms}
    for bench in BENCHES:
        items = scorer.load_jsonl(args.bench / bench / f"{args.split}.jsonl")[: args.limit]
        articles = read_articles(items, use_extract=not args.no_extract)
        problems = extraction_problems(items, articles)
        print(f"{bench}: {len(items)} articles, {len(problems)} mangled by extract", file=sys.stderr)
        for problem in problems[:5]:
            print(f"  {problem}", file=sys.stderr)
        for algorithm in algorithms:
            outputs, ms = run(summarizer_for(algorithm), items, articles)
            results[algorithm][bench] = (scorer.score_all(items, outputs, args.procs)["ALL"], ms)
            print(f"  {algorithm}: done", file=sys.stderr)
            if args.save:
                save_outputs(args.save / f"{bench}-{algorithm}.jsonl", items, outputs)
    print_table(results)


def save_outputs(path: Path, items: list[dict], outputs: dict[str, str]) -> None:
    """Outputs in the form score_summaries.py --system reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps({"id": item["id"], "summary": outputs[item["id"]]}, ensure_ascii=False) + "\n")


def print_table(results: dict[str, dict[str, tuple[dict, float]]]) -> None:
    header = f"{'algorithm':<14}" + "".join(f"| {bench + ' R1/R2/RL':<28}{'cpu ms':>7} " for bench in BENCHES)
    print(header)
    print("-" * len(header))
    for algorithm, by_bench in results.items():
        cells = []
        for bench in BENCHES:
            scores, ms = by_bench[bench]
            figures = f"{scores['rouge1']:.2f} / {scores['rouge2']:.2f} / {scores['rougeL']:.2f}"
            cells.append(f"| {figures:<28}{ms:>7.1f} ")
        print(f"{algorithm:<14}" + "".join(cells))


if __name__ == "__main__":
    main()
