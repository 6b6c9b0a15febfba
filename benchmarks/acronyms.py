"""Benchmark the acronym finder in-process on the shared abbreviation-definition benchmark.

Runs `briefgen.analyse.acronyms.find_acronyms` over every document of a gold JSONL (default: the dev
split) and lets the shared scorer (../shared/bench/score_acronyms.py) grade the pairs, so
precision, recall, F1 and recall per pattern are the scorer's own; ms/doc is measured in-process.
From the repository root:

    PYTHONPATH=src python benchmarks/acronyms.py                        # dev split
    PYTHONPATH=src python benchmarks/acronyms.py --errors /tmp/acr.err   # and per-document FP/FN
"""
from __future__ import annotations

import sys
from typing import Any

from briefgen.analyse.acronyms import find_acronyms
from scored_jsonl import main


def acronym_record(text: str) -> dict[str, Any]:
    return {"pairs": [{"short": a.short, "long": a.long} for a in find_acronyms(text)]}


if __name__ == "__main__":
    sys.exit(main(__doc__, "acronyms", acronym_record))
