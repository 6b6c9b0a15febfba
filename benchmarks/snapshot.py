"""Every stage's output on every dev set, written to one folder, so a refactor can be checked byte for byte.

    python benchmarks/snapshot.py /tmp/before            # on the old code
    python benchmarks/snapshot.py /tmp/after             # on the new code
    diff -r /tmp/before /tmp/after                       # nothing, if behaviour did not change

Files written (one JSON record per line, in bench order):
  quotes-<split>.jsonl       find_quotes on quotes/dev, dev-more, dev-single (with rule and key flag when present)
  acronyms-dev.jsonl         find_acronyms on acronyms/dev
  extraction-<form>.jsonl    extract() on extraction/dev pages: title, date, author, source, body
  metadata-<form>.jsonl      extract() on the metadata pages
  summaries-<set>.jsonl      the default summarizer at the bench's sentence count
`--only quotes,summaries` limits the run to some stages.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
# The shared benchmark folder sits beside the checkout (../shared/bench), or beside a folder above it.
_BESIDE = [folder / "shared" / "bench" for folder in REPO.parents]
BENCH = next((bench for bench in _BESIDE if bench.is_dir()), _BESIDE[0])

from briefgen.analyse.acronyms import find_acronyms  # noqa: E402
from briefgen.analyse.quotes import find_quotes  # noqa: E402
from briefgen.analyse.summarize import summarize  # noqa: E402
from briefgen.extract import extract  # noqa: E402
from briefgen.read import read_document  # noqa: E402


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def _article_record(path: Path) -> dict[str, Any]:
    try:
        article = extract(read_document(path))
    except Exception as error:  # a snapshot records failures instead of stopping
        return {"file": path.name, "error": type(error).__name__}
    fields = dataclasses.asdict(article)
    fields["path"] = path.name
    return fields


def quotes(out: Path) -> None:
    for split in ("dev", "dev-more", "dev-single"):
        docs = _jsonl(BENCH / "quotes" / f"{split}.jsonl")
        records = ({"id": d["id"], "quotes": [dataclasses.asdict(q) for q in find_quotes(d["text"])]} for d in docs)
        _write(out / f"quotes-{split}.jsonl", records)


def acronyms(out: Path) -> None:
    docs = _jsonl(BENCH / "acronyms" / "dev.jsonl")
    records = ({"id": d["id"], "pairs": [dataclasses.asdict(a) for a in find_acronyms(d["text"])]} for d in docs)
    _write(out / "acronyms-dev.jsonl", records)


def extraction(out: Path) -> None:
    for form in ("txt", "html"):
        pages = sorted((BENCH / "extraction" / "dev").glob(f"*.{form}"))
        _write(out / f"extraction-{form}.jsonl", map(_article_record, pages))


def metadata(out: Path) -> None:
    for form in ("txt", "html"):
        pages = [BENCH / "metadata" / "pages" / item[form] for item in _jsonl(BENCH / "metadata" / "meta.jsonl")]
        _write(out / f"metadata-{form}.jsonl", map(_article_record, pages))


def _summaries(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="briefgen-snapshot-") as folder:
        for item in items:
            path = Path(folder) / (item["id"].replace("/", "_") + ".txt")
            path.write_text(item["article"], encoding="utf-8")
            article = extract(read_document(path))
            sentences = summarize(article, sentences=item["ref_sentences"]) if article.body.strip() else []
            yield {"id": item["id"], "summary": sentences}


def summaries(out: Path) -> None:
    for name, path in (("human-dev", "summaries-human/dev.jsonl"), ("human-dev-more", "summaries-human/dev-more.jsonl"),
                       ("bbc-dev", "summaries/dev.jsonl")):
        _write(out / f"summaries-{name}.jsonl", _summaries(_jsonl(BENCH / path)))


STAGES: dict[str, Callable[[Path], None]] = {
    "quotes": quotes, "acronyms": acronyms, "extraction": extraction, "metadata": metadata, "summaries": summaries,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", default=",".join(STAGES), help="comma-separated stages")
    args = parser.parse_args()
    if not BENCH.exists():
        print(f"benchmark data not found: {BENCH}", file=sys.stderr)
        return 1
    args.folder.mkdir(parents=True, exist_ok=True)
    for stage in args.only.split(","):
        print(f"{stage}...", file=sys.stderr)
        STAGES[stage.strip()](args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
