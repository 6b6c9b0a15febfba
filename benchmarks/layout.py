"""Layout figures of built briefings: pages, how full each page is, and the typographic checks.

For each folder it builds the briefing (PDF and HTML, with the folder's own briefgen.toml and
--pages N as a page budget), then lays the HTML out again to measure each page, and reads the PDF's text
back with pdftotext (poppler-utils) when it is installed, pypdf otherwise. It reports:

  pages           the page count, and with --pages N what the page budget cut
  fill            per page, the share of the text area that content reaches down to
  sparse pages    pages other than the last under a third full (should be none)
  page 1          whether page 1 shows the key points and the whole contents
  "unknown"       occurrences of the word in the text (should be none)
  "nuc-"          a line ending in "nuc-" (British hyphenation of American text; should be none)
  split "p."      a line ending in "p." or "(p." (the number went to the next line; should be none)

    python benchmarks/layout.py inputs ../shared/seeds ../shared/weeks/week07 --date 2026-12-07
    python benchmarks/layout.py ../shared/weeks/week07 --date 2026-12-07 --pages 8
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

from briefgen.build import build
from briefgen.config import load_settings
from briefgen.publish.render import layout_pdf, page_fill

SPARSE = 1 / 3


def pdf_lines(pdf: Path) -> list[str]:
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    else:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    return text.splitlines()


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def measure(folder: Path, edition: dt.date, pages: int | None) -> dict:
    settings = load_settings(folder, None, max_pages=pages)
    with tempfile.TemporaryDirectory() as out:
        result = build(folder, Path(out), edition, settings, ["pdf", "html"], use_cache=False)
        pdf = next(path for path in result.outputs if path.suffix == ".pdf")
        html = next(path for path in result.outputs if path.suffix == ".html").read_text(encoding="utf-8")
        fill = page_fill(layout_pdf(html, settings, (folder.resolve(),)))
        lines = pdf_lines(pdf)
        first = page_texts(pdf)[0]
    return {
        "pages": len(fill),
        "fill": fill,
        "sparse": [n for n, share in enumerate(fill[:-1], 1) if share < SPARSE],
        # The contents end with the Sources line: all of it is on page 1 when that is.
        "page 1": {"key points": "Key points" in first, "whole contents": bool(re.search(r"Sources[ .]*\d", first))},
        "unknown": sum(len(re.findall(r"\bunknown\b", line, re.IGNORECASE)) for line in lines),
        "nuc-": sum(line.rstrip().endswith("nuc-") for line in lines),
        "split p.": sum(bool(re.search(r"(?:^|[\s(])p\.$", line.rstrip())) for line in lines),
        "budget": result.notes + tuple(w for w in result.warnings if "page budget" in w),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2026, 12, 7))
    parser.add_argument("--pages", type=int, default=None, help="a page budget, as build --pages")
    args = parser.parse_args()
    for folder in args.folders:
        figures = measure(folder, args.date, args.pages)
        print(f"{folder}: {figures['pages']} pages")
        print("  fill  " + " ".join(f"{share:.2f}" for share in figures["fill"]))
        for key in ("sparse", "page 1", "unknown", "nuc-", "split p.", "budget"):
            print(f"  {key}: {figures[key]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
