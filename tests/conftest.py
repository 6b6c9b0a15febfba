"""Shared fixtures: small article folders written by the tests themselves."""
from __future__ import annotations

from pathlib import Path

import pytest

# ../shared/seeds beside the checkout, or beside a folder above it (a worktree in /work/wt/NAME).
SEEDS = next(
    (folder / "shared" / "seeds" for folder in Path(__file__).resolve().parents[1].parents
     if (folder / "shared" / "seeds").is_dir()),
    Path(__file__).resolve().parents[2] / "shared" / "seeds",
)

ARTICLE_TXT = """Home | News | World | Subscribe
Subscribe to our free newsletter

Ministers agree to extend the fictional Lakeside Accord

By Jane Roe
Geneva (Wire) Mar 3, 2024
Ministers from the two neighbouring republics agreed on Sunday to extend the Lakeside Accord, a fictional arms control pact, for another five years.

The accord caps the number of long-range missiles each side may deploy and lets inspectors visit bases twice a year.

"We have kept our word for ten years and we will keep it for five more," said Defence Minister Paul Roe of the northern republic.

Analysts said the extension gives negotiators time to address new weapons that the accord does not cover.

The Nuclear Non-Proliferation Treaty (NPT) was also discussed on the sidelines of the meeting.

Related Links
Copyright 2024 Example Media. All rights reserved.
"""

ARTICLE_MD = """---
title: Inspectors return to the fictional northern test site
date: 2024-05-02
author: John Doe
source: Example Daily
---
Inspectors from an international monitoring body returned on Thursday to a fictional test site in the north after a pause of two years.

Their visit is part of the verification arrangements of the Lakeside Accord, which both sides extended in March.

The inspectors will report their findings to the accord's joint commission next month.
"""


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "a-accord.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (folder / "b-inspectors.md").write_text(ARTICLE_MD, encoding="utf-8")
    return folder


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
