"""ROUGE-1/2/L F1 computed from token lists, for training and choosing summary scorers.

The bench scorer (score_summaries.py, google's rouge-score) tokenises each text and counts
n-grams on every call; an oracle or a cross-validation run asks for hundreds of thousands of
candidate summaries of the same sentences. Here each sentence is tokenised once, with the bench
scorer's own tokenizer (Porter stemmer), and a summary is the concatenation of its sentences'
tokens, which is how rouge-score sees a summary joined by newlines. The figures match
score_one's rouge1/rouge2/rougeL to rounding (checked by `python benchmarks/fast_rouge.py`).
"""
from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

Tokens = tuple[str, ...]


def bigrams(tokens: Sequence[str]) -> Counter[tuple[str, str]]:
    return Counter(itertools.pairwise(tokens))


def f1(overlap: int, predicted: int, reference: int) -> float:
    if overlap == 0 or predicted == 0 or reference == 0:
        return 0.0
    precision, recall = overlap / predicted, overlap / reference
    return 2 * precision * recall / (precision + recall)


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (one row of the table at a time)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


class Reference:
    """A reference summary, tokenised once."""

    def __init__(self, tokens: Tokens):
        self.tokens = tokens
        self.unigrams = Counter(tokens)
        self.bigrams = bigrams(tokens)

    def scores(self, summary: Sequence[str], with_lcs: bool = True) -> tuple[float, float, float]:
        """(R1, R2, RL) F1 of a summary's tokens, 0..1; RL is 0 when with_lcs is False."""
        one = sum((Counter(summary) & self.unigrams).values())
        two = sum((bigrams(summary) & self.bigrams).values())
        r1 = f1(one, len(summary), len(self.tokens))
        r2 = f1(two, max(0, len(summary) - 1), max(0, len(self.tokens) - 1))
        rl = f1(lcs_length(summary, self.tokens), len(summary), len(self.tokens)) if with_lcs else 0.0
        return r1, r2, rl


def greedy_oracle(sentences: Sequence[Tokens], reference: Reference, count: int) -> list[int]:
    """Indices (article order) of up to `count` sentences picked one at a time, each time the
    one that most raises R1 + R2 of the summary so far; stops early when nothing raises it."""
    picked: list[int] = []
    best = 0.0
    while len(picked) < count:
        choice, choice_score = None, best
        for i in range(len(sentences)):
            if i in picked:
                continue
            order = sorted([*picked, i])
            r1, r2, _ = reference.scores([t for k in order for t in sentences[k]], with_lcs=False)
            if r1 + r2 > choice_score:
                choice, choice_score = i, r1 + r2
        if choice is None:
            break
        picked.append(choice)
        best = choice_score
    return sorted(picked)


def _check() -> None:
    """Compare with the bench scorer on a few bench articles' lead sentences."""
    sys.path.insert(0, str(Path(__file__).parent))
    from summaries import DEFAULT_BENCH, load_scorer, load_set

    scorer = load_scorer(DEFAULT_BENCH)
    worst = 0.0
    for item in load_set(DEFAULT_BENCH, "human-dev", 50):
        summary = "\n".join(item["article"].split(". ")[:3])
        expected = scorer.score_one(item["reference"], summary)
        tokens = [t for line in summary.split("\n") for t in scorer._TOK.tokenize(line)]
        found = Reference(tuple(scorer._TOK.tokenize(item["reference"]))).scores(tokens)
        worst = max(worst, *(abs(a - expected[m]) for a, m in zip(found, ("rouge1", "rouge2", "rougeL"), strict=True)))
    print(f"largest difference from score_one over 50 articles: {worst:.6f}")


if __name__ == "__main__":
    _check()
