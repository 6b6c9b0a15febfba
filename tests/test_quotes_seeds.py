"""Quotations in the shared seed articles (skipped when ../shared/seeds is not there)."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.analyse.quotes import find_quotes, key_quotes
from briefgen.model import Quote

# ../shared/seeds beside the checkout, or beside a folder above it (a worktree in /work/wt/NAME).
SEEDS = next(
    (folder / "shared" / "seeds" for folder in Path(__file__).resolve().parents[1].parents
     if (folder / "shared" / "seeds").is_dir()),
    Path(__file__).resolve().parents[2] / "shared" / "seeds",
)

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")


def seed_body(prefix: str) -> str:
    """The seed page cut where its related-stories teaser starts: the extract stage removes
    that teaser, and the quotes stage only ever sees the article body."""
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").split("Related Links")[0]


@pytest.fixture(scope="module")
def abm_quotes() -> list[Quote]:
    return find_quotes(seed_body("000"))


def test_seed_000_speakers(abm_quotes: list[Quote]) -> None:
    speakers = {q.speaker for q in abm_quotes}
    assert {"Sergei Ivanov", "Andrei Piontkovsky", "Gleb Pavlovsky", "Sergei Markov", "Sergei Rogov"} <= speakers
    assert None not in speakers


def test_seed_000_ivanov_role_on_every_quote(abm_quotes: list[Quote]) -> None:
    ivanov = [q for q in abm_quotes if q.speaker == "Sergei Ivanov"]
    assert len(ivanov) == 2
    assert {q.role for q in ivanov} == {"Russian Defense Minister"}


def test_seed_000_markov_keeps_his_second_paragraph(abm_quotes: list[Quote]) -> None:
    markov = [q for q in abm_quotes if q.speaker == "Sergei Markov"]
    assert len(markov) == 2
    assert markov[1].quote.startswith("They must exchange information")


def test_seed_000_scare_quotes_are_not_quotations(abm_quotes: list[Quote]) -> None:
    words = {q.quote.strip(" ,.").lower() for q in abm_quotes}
    assert not words & {"relic", "cornerstone", "thank you", "anti-terror"}


def test_seed_000_box_has_three_different_speakers(abm_quotes: list[Quote]) -> None:
    box = key_quotes(abm_quotes, limit=3)
    assert len({q.speaker for q in box}) == 3


def test_seed_003_has_no_quotation_box() -> None:
    assert key_quotes(find_quotes(seed_body("003"))) == []
