"""Input size against seconds for the inputs that used to take super-linear time (issue 20).

Each pattern is one kind of hostile (or merely odd) input, grown by doubling; the stage it
stresses runs in this process on each size, and the seconds are printed. A linear stage doubles
its time when the input doubles (the last column, `x`, is the ratio to the size before); a
quadratic one quadruples it. Growth stops at --max-bytes or once one size takes more than
--cap seconds, so a super-linear stage cannot hold the machine for minutes.

    python benchmarks/patterns.py                       # every pattern
    python benchmarks/patterns.py --only quotes-pairs --cap 5
    PYTHONPATH=/tmp/old/src python benchmarks/patterns.py   # the same on another checkout

Nothing is written; --json prints the curves as one JSON object for the closing note.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pattern:
    name: str
    what: str
    make: Callable[[int], str]  # input of about n bytes
    run: Callable[[str], object]
    start: int = 1000


def _quotes(text: str) -> object:
    from briefgen.analyse.quotes import find_quotes

    return find_quotes(text)


def _acronyms(text: str) -> object:
    from briefgen.analyse.acronyms import find_acronyms

    return find_acronyms(text)


def _markdown(text: str) -> object:
    from briefgen.extract.markdown_text import to_paragraphs

    return to_paragraphs(text)


def _extract(kind: str) -> Callable[[str], object]:
    def run(text: str) -> object:
        from briefgen.extract import extract
        from briefgen.model import SourceDocument

        return extract(SourceDocument(path=Path(f"a.{kind}"), kind=kind, text=text))

    return run


def _article(kind: str) -> Callable[[str], object]:
    """The whole per-article work of a build: extract, then analyse (summary, quotes, terms)."""

    def run(text: str) -> object:
        from briefgen.analyse import analyse
        from briefgen.analyse.glossary import BUILTIN_GLOSSARY, load_glossary
        from briefgen.config import Settings

        article = _extract(kind)(text)
        return analyse(article, load_glossary([BUILTIN_GLOSSARY]), Settings())  # type: ignore[arg-type]

    return run


def _glossary(text: str) -> object:
    from briefgen.analyse.glossary import load_glossary
    from briefgen.errors import BriefgenError

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            return load_glossary([path])
        except BriefgenError as error:  # refused: that is the point
            return error


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


def _alias_bomb(n: int) -> str:
    """A glossary entry whose definition is an alias of an alias...: each level multiplies the
    expanded size by nine while the file grows by about 60 bytes."""
    levels = max(1, (n - 60) // 60)
    lines = ['- term: "Bomb"', '  as_of: 2024-01-01', '  aliases:', '  - &l0 "lol"']
    lines += [f"  - &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, levels + 1)]
    lines.append("  definition: text")
    return "\n".join(lines) + "\n"


NEWS = (
    "Ministers from the two neighbouring republics agreed on Sunday to extend the accord. "
    "\"We have kept our word for ten years,\" said Defence Minister Paul Roe. "
    "The Nuclear Non-Proliferation Treaty (NPT) was also discussed, officials said.\n\n"
)

PATTERNS = (
    Pattern("quotes-pairs", "'\"A\" ' repeated, one paragraph", _repeat('"A" '), _quotes),
    Pattern("quotes-speaker", "a quote by one named speaker, repeated in one paragraph",
            _repeat('"We will not sign it," said Jane Roe. '), _quotes),
    Pattern("quotes-speaker-paragraphs", "the same, a paragraph each",
            _repeat('"We will not sign it," said Jane Roe.\n\n'), _quotes),
    Pattern("acronyms-whitespace", "runs of tabs, spaces and no-break spaces", _repeat("\u00a0\t "), _acronyms),
    Pattern("markdown-emphasis", "'__a ' repeated", _repeat("__a "), _markdown),
    Pattern("html-list", "'<li>a' repeated (unclosed list items)", _repeat("<li>a"), _extract("html")),
    Pattern("yaml-alias-bomb", "glossary.yaml, one more level of aliases per 60 bytes", _alias_bomb, _glossary,
            start=300),
    Pattern("build-quotes", "extract + analyse of a .txt of '\"A\" ' repeated", _repeat('"A" '), _article("txt")),
    Pattern("build-news", "extract + analyse of ordinary news paragraphs", _repeat(NEWS), _article("txt")),
)


def curve(pattern: Pattern, max_bytes: int, cap: float) -> list[tuple[int, float]]:
    points: list[tuple[int, float]] = []
    size = pattern.start
    while size <= max_bytes:
        text = pattern.make(size)
        started = time.perf_counter()
        pattern.run(text)
        seconds = time.perf_counter() - started
        points.append((len(text.encode("utf-8")), seconds))
        if seconds > cap:
            break
        size *= 2
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated pattern names")
    parser.add_argument("--max-bytes", type=int, default=256_000)
    parser.add_argument("--cap", type=float, default=10.0, help="stop growing a pattern after a run this long")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    chosen = [p for p in PATTERNS if not args.only or p.name in args.only.split(",")]
    _article("txt")(NEWS)  # imports and lexicons loaded before anything is timed
    results = {}
    for pattern in chosen:
        points = curve(pattern, args.max_bytes, args.cap)
        results[pattern.name] = points
        if not args.json:
            print(f"{pattern.name}: {pattern.what}")
            previous = None
            for size, seconds in points:
                ratio = f"x{seconds / previous:.1f}" if previous and previous > 0.005 else ""
                print(f"  {size:>9,} bytes  {seconds:9.3f} s  {ratio}")
                previous = seconds
            sys.stdout.flush()
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
