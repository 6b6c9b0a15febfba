"""Mojibake: UTF-8 text that was once read as Windows-1252 and saved again ("â€™" for "’").

A page pasted through an editor that guessed the wrong encoding keeps every character that is
not plain ASCII as two or three Windows-1252 characters. Each such run is the Windows-1252
spelling of a valid UTF-8 sequence, so it can be turned back exactly: a run is replaced only when
its bytes decode as UTF-8, and anything else is left as it is. The repair is reported (a note,
then a doubt for `briefgen check`), never done silently.
"""
from __future__ import annotations

import re


def _cp1252_char(byte: int) -> str:
    """The character Windows-1252 shows for `byte`; its five unassigned bytes read as Latin-1."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


_BYTE_OF = {_cp1252_char(byte): byte for byte in range(0x80, 0x100)}
_CONTINUATION = "".join(re.escape(_cp1252_char(byte)) for byte in range(0x80, 0xC0))
_LEAD_2 = "".join(re.escape(_cp1252_char(byte)) for byte in range(0xC2, 0xE0))
_LEAD_3 = "".join(re.escape(_cp1252_char(byte)) for byte in range(0xE0, 0xF0))
_LEAD_4 = "".join(re.escape(_cp1252_char(byte)) for byte in range(0xF0, 0xF5))
# One UTF-8 sequence in Windows-1252 clothes: a lead character, then its continuation characters.
_RUN = re.compile(
    f"[{_LEAD_2}][{_CONTINUATION}]|[{_LEAD_3}][{_CONTINUATION}]{{2}}|[{_LEAD_4}][{_CONTINUATION}]{{3}}"
    "|\u00e2\u20ac\ufffd"
)
# "”" is E2 80 9D; Windows-1252 has no character for 9D, so a second decoding often left U+FFFD.
_LOST_CLOSING_QUOTE = "\u00e2\u20ac\ufffd"


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """The text with every mojibake run turned back, and the runs repaired (as found, in order)."""
    repaired: list[str] = []

    def back(match: re.Match[str]) -> str:
        run = match.group()
        if run == _LOST_CLOSING_QUOTE:
            repaired.append(run)
            return "”"
        try:
            original = bytes(_BYTE_OF[ch] for ch in run).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return run
        repaired.append(run)
        return original

    return _RUN.sub(back, text), repaired


def mojibake_note(runs: list[str]) -> str:
    """The one-line note of a repair: how many characters, with the commonest example."""
    example = max(set(runs), key=runs.count)
    fixed, _ = repair_mojibake(example)
    return (f"{len(runs)} character{'s' if len(runs) != 1 else ''} had been saved in the wrong encoding "
            f"(“{example}” for “{fixed}”) and were repaired; check the article's special characters")
