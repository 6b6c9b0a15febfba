"""Golden outputs: the sample articles of inputs/ built as HTML and JSON, compared byte for byte.

A change that alters the briefing on purpose refreshes them with one command, and the diff of
tests/golden/ then shows what changed for a reader:

    BRIEFGEN_GOLDEN=refresh python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
EDITION = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("golden")
    inputs = REPO / "inputs"
    result = build(inputs, out, EDITION, load_settings(inputs, None), ["html", "json"], use_cache=False)
    return {path.suffix.lstrip("."): path.read_text(encoding="utf-8") for path in result.outputs}


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_the_sample_briefing_matches_its_golden_file(built: dict[str, str], fmt: str) -> None:
    golden = GOLDEN / f"briefing.{fmt}"
    if os.environ.get("BRIEFGEN_GOLDEN") == "refresh":
        golden.write_text(built[fmt], encoding="utf-8")
    assert golden.exists(), f"no golden file; refresh with: BRIEFGEN_GOLDEN=refresh python -m pytest {__file__}"
    assert built[fmt] == golden.read_text(encoding="utf-8"), (
        f"{golden.name} changed; if on purpose: BRIEFGEN_GOLDEN=refresh python -m pytest tests/test_golden.py"
    )
