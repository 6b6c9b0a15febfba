"""Terminal safety (issue 20): what an article or a file name holds is printed as visible text."""
import io
import json
from pathlib import Path

import pytest
import rich.console

from briefgen import cli
from briefgen.terminal import json_printable, printable


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                     "\u2066", "\u2067", "\u2068", "\u2069"])
def test_direction_controls_are_escaped(control):
    name = f"report{control}fdp.exe"  # an invented file name that would print reversed
    shown = printable(name)
    assert control not in shown
    assert f"\\u{ord(control):04x}" in shown
    assert control not in printable(name, one_line=True)


def test_json_keeps_its_value_with_direction_controls_escaped():
    text = json.dumps({"title": "a\u202eb"}, ensure_ascii=False)
    shown = json_printable(text)
    assert "\u202e" not in shown
    assert json.loads(shown) == {"title": "a\u202eb"}


def test_ordinary_text_is_unchanged():
    assert printable("Talks in Genève — “round 3”\tok") == "Talks in Genève — “round 3”\tok"


def test_the_live_progress_bar_escapes_the_folder_name(monkeypatch):
    screen = io.StringIO()

    class Terminal(rich.console.Console):
        def __init__(self, **_options):
            super().__init__(file=screen, force_terminal=True, width=200)

    monkeypatch.setattr(rich.console, "Console", Terminal)
    cli._with_progress(Path("week\x1b]0;owned\x07 [bold]x[/bold]"), False, lambda progress: progress.articles_found(1))
    shown = screen.getvalue()
    assert "\x1b]0;owned" not in shown and "week\\x1b]0;owned\\x07 [bold]x[/bold]" in shown
