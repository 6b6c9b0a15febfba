"""The extract stage on the two real pasted pages in ../shared/seeds (skipped when absent)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.extract import extract
from briefgen.model import Article
from briefgen.read import read_document

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_article(prefix: str) -> Article:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} is not present")
    return extract(read_document(matches[0]))


def test_seed_000_metadata() -> None:
    article = seed_article("000")
    assert article.title == "From Cornerstone To Relic: Russia Makes Painful Shift On ABM"
    assert article.date == dt.date(2001, 11, 4)
    assert article.author == "Dmitry Zaks"
    assert article.source == "AFP"
    assert article.origin("date") == "dateline" and article.origin("author") == "byline"


def test_seed_000_body_is_exactly_the_article() -> None:
    paragraphs = seed_article("000").paragraphs
    assert paragraphs[0].startswith("Moscow's painful admission")
    assert paragraphs[-1].endswith("followed by tragic events.\"")
    body = "\n".join(paragraphs)
    for furniture in ("Related Links", "Oct 28, 2001", "Copyright", "Photo", "Subscribe"):
        assert furniture not in body


def test_seed_003_metadata() -> None:
    article = seed_article("003")
    assert article.title == "Russian and U.S. strategic impasse"
    assert article.date is None  # only partial dates ("March 15th") appear


def test_seed_003_body_without_share_buttons() -> None:
    article = seed_article("003")
    assert article.paragraphs[0].startswith("While most nuclear arms control attention")
    assert "Share This" not in article.body and "Copy Link to Clipboard" not in article.body
    assert article.paragraphs[-1].endswith("more nuclear disarmament.")
