"""`briefgen init`: a folder made ready for a course's briefings.

It gets a briefgen.toml listing every setting, commented out, with its meaning and default (made
from the Settings schema, so it cannot drift), and on request a theme folder holding only
extra.css and one example override: the smallest theme, so later improvements of the default
theme still reach the course. Nothing existing is ever overwritten.
"""
from __future__ import annotations

from pathlib import Path

from .atomic import write_atomically
from .config import CONFIG_NAME, settings_template
from .errors import BriefgenError

STARTER_THEME = Path(__file__).parent / "data" / "starter-theme"
THEME_FOLDER = "theme"


def init_folder(folder: Path, with_theme: bool = False) -> list[Path]:
    """Write the starter files into `folder` (created if needed); the paths written."""
    targets = {folder / CONFIG_NAME: settings_template(theme=THEME_FOLDER if with_theme else None).encode("utf-8")}
    if with_theme:
        for source in sorted(STARTER_THEME.iterdir()):
            targets[folder / THEME_FOLDER / source.name] = source.read_bytes()
    existing = [path for path in targets if path.exists()]
    if existing:
        raise BriefgenError("already exists; briefgen init never overwrites a file", existing[0])
    for path, data in targets.items():
        try:
            write_atomically(path, data)
        except OSError as error:
            raise BriefgenError(f"cannot write ({error.strerror or error})", path) from None
    return list(targets)
