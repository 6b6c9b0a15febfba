"""Benchmark the quotes stage in-process on the shared quotation benchmark.

Runs `briefgen.analyse.quotes.find_quotes` over every document of a gold JSONL (default: the dev split)
and lets the shared scorer (../shared/bench/score_quotes.py) grade the outputs, so the figures
are the scorer's own; ms/doc is measured in-process. From the repository root:

    PYTHONPATH=src python benchmarks/quotes.py                     # dev split
    PYTHONPATH=src python benchmarks/quotes.py --errors /tmp/q.err  # also per-document errors
"""
from __future__ import annotations

import sys
from typing import Any

from briefgen.analyse.quotes import find_quotes, quote_records
from scored_jsonl import main


def quote_record(text: str) -> dict[str, Any]:
    """What `briefgen quotes --json` prints for the text, "key" flags included."""
    return {"quotes": quote_records(find_quotes(text))}


if __name__ == "__main__":
    sys.exit(main(__doc__, "quotes", quote_record))
