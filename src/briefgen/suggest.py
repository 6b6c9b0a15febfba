"""'Did you mean ...?': the known name closest to a mistyped one (a settings key, a folder...)."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike two names must be (difflib's ratio) to offer one for the other: 'papr' -> 'paper'
# (0.89) and 'inptus' -> 'inputs' (0.67) qualify, unrelated words of the same length do not.
SIMILARITY = 0.6


def closest(name: str, choices: Iterable[str], similarity: float = SIMILARITY) -> str | None:
    """The choice most like `name`, compared without case, or None when none is close."""
    by_folded = {choice.casefold(): choice for choice in choices}
    matches = difflib.get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=similarity)
    return by_folded[matches[0]] if matches else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """' (did you mean 'paper'?)' to append to a message, or '' when nothing is close."""
    match = closest(name, choices)
    return f" (did you mean '{match}'?)" if match else ""
