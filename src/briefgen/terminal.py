"""Text for the terminal: file names and article text are whoever supplied them, and a control
character in them (ESC opening an OSC sequence that sets the window title or writes the
clipboard, a carriage return overwriting a line, a newline forging a warning line) must reach
the terminal as visible text, never as a command. Even through a pipe: it may end in a terminal.
"""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and C1 controls (U+009B opens a sequence on its own), and
# the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make a
# terminal show the rest of the line reversed, so "txt.exe" can be printed as "exe.txt".
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# On a line that must stay one line (a warning, an error), newlines and line separators too.
_LINE_CONTROLS = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, one_line: bool = False) -> str:
    """`text` with every control character written as an escape ("\\x1b"); with `one_line`,
    line breaks too, so that the text stays on the line it is printed on."""
    return (_LINE_CONTROLS if one_line else _CONTROLS).sub(_visible, text)


def json_printable(text: str) -> str:
    """JSON text (ensure_ascii=False) with the controls JSON leaves raw (DEL, C1) as \\u escapes:
    the same JSON value, harmless on a terminal. (JSON escapes the other controls itself.)"""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
